//! Whatever text comes in, the loader answers with a value or an error, never a panic.

use proptest::prelude::*;

use super::super::*;
use super::FILES;

fn mutate(text: &str, at: usize, cut: usize, insert: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = at % (chars.len() + 1);
    let end = (at + cut).min(chars.len());
    chars.splice(at..end, insert.chars());
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = parse_service("fuzz.toml", &text);
    }

    #[test]
    fn toml_like_text_never_panics(text in "[\\[\\]{}=\",a-z_0-9 .\n-]{0,300}") {
        let _ = parse_service("fuzz.toml", &text);
    }

    #[test]
    fn mutated_real_files_never_panic(
        which in 0..FILES.len(),
        at in any::<usize>(),
        cut in 0usize..40,
        insert in prop_oneof![
            Just(String::new()),
            Just("\"".to_string()),
            Just("[[procedures.steps]]\n".to_string()),
            Just("0min".to_string()),
            Just("next = \"x\"".to_string()),
            Just("role = \"deputy\"\n".to_string()),
            "\\PC{0,12}",
        ],
    ) {
        let (name, text) = FILES[which];
        let changed = mutate(text, at, cut, &insert);
        match parse_service(name, &changed) {
            Ok(def) => {
                // Whatever is accepted must also survive being written back.
                let again = parse_service(name, &def.to_toml());
                prop_assert_eq!(again.as_ref(), Ok(&def));
            }
            Err(e) => {
                prop_assert_eq!(e.file.as_str(), name);
                if let Some(line) = e.line {
                    prop_assert!(line >= 1 && line <= changed.lines().count() + 1);
                }
            }
        }
    }

    #[test]
    fn catalog_never_panics_on_garbage(texts in proptest::collection::vec("\\PC{0,200}", 0..4)) {
        let sources = texts.into_iter().enumerate().map(|(i, t)| (format!("f{i}.toml"), t)).collect();
        let c = Catalog::load(sources);
        prop_assert!(c.services().len() + c.rejected().len() <= 4);
    }
}
