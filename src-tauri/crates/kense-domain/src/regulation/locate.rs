//! Maps between places in a TOML text and field paths such as
//! `procedures[0].steps[2].limit`, so that every error names both.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

struct Entry {
    path: String,
    /// The key's span for `key = value`; the value's span for array items.
    anchor: Range<usize>,
    value: Range<usize>,
}

/// Where each field of a parsed document sits in its text.
pub struct Locator<'t> {
    text: &'t str,
    entries: Vec<Entry>,
}

impl<'t> Locator<'t> {
    /// Indexes `text`; a text that is not valid TOML gets an empty index.
    pub fn new(text: &'t str) -> Self {
        let mut entries = Vec::new();
        if let Ok(root) = DeTable::parse(text) {
            walk_table(root.get_ref(), "", &mut entries);
        }
        Locator { text, entries }
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    /// The line of `path`, or of its nearest enclosing field when it is absent
    /// (a missing key is reported where its table starts).
    pub fn line_of_path(&self, path: &str) -> Option<usize> {
        let mut current = path;
        loop {
            if let Some(e) = self.entries.iter().find(|e| e.path == current) {
                return Some(self.line_of(e.anchor.start));
            }
            current = parent(current)?;
        }
    }

    /// The deepest field whose text contains `span`: where a decoding error happened.
    pub fn path_at(&self, span: &Range<usize>) -> Option<String> {
        self.entries
            .iter()
            .filter(|e| {
                let whole = e.anchor.start.min(e.value.start)..e.anchor.end.max(e.value.end);
                whole.start <= span.start && span.start < whole.end.max(whole.start + 1)
            })
            .max_by_key(|e| (depth(&e.path), std::cmp::Reverse(e.value.len())))
            .map(|e| e.path.clone())
    }
}

fn depth(path: &str) -> usize {
    path.matches(['.', '[']).count()
}

/// `a.b[2].c` → `a.b[2]` → `a.b` → `a`.
fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '['])?;
    Some(&path[..cut])
}

fn walk_table(table: &DeTable<'_>, prefix: &str, out: &mut Vec<Entry>) {
    for (key, value) in table.iter() {
        let path = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        out.push(Entry {
            path: path.clone(),
            anchor: key.span(),
            value: value.span(),
        });
        walk_value(value, &path, out);
    }
}

fn walk_value(value: &Spanned<DeValue<'_>>, path: &str, out: &mut Vec<Entry>) {
    match value.get_ref() {
        DeValue::Table(t) => walk_table(t, path, out),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let item_path = format!("{path}[{i}]");
                out.push(Entry {
                    path: item_path.clone(),
                    anchor: item.span(),
                    value: item.span(),
                });
                walk_value(item, &item_path, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "id = \"x\"\n[source]\nregion = { kk = \"a\", ru = \"b\" }\n\n[[procedures]]\nid = \"p\"\n\n[[procedures.steps]]\nid = \"s1\"\nlimit = \"2h\"\n\n[[procedures.steps]]\nid = \"s2\"\nlimit = \"0h\"\n";

    #[test]
    fn finds_lines_of_nested_paths() {
        let l = Locator::new(DOC);
        assert_eq!(l.line_of_path("id"), Some(1));
        assert_eq!(l.line_of_path("source.region.ru"), Some(3));
        assert_eq!(l.line_of_path("procedures[0].id"), Some(6));
        assert_eq!(l.line_of_path("procedures[0].steps[1].limit"), Some(14));
        assert_eq!(l.line_of_path("procedures[0].steps[1].id"), Some(13));
    }

    #[test]
    fn missing_fields_fall_back_to_their_table() {
        let l = Locator::new(DOC);
        let line = l.line_of_path("procedures[0].steps[1].action").unwrap();
        assert!((12..=14).contains(&line), "line {line}");
    }

    #[test]
    fn finds_the_path_of_a_span() {
        let l = Locator::new(DOC);
        let at = DOC.find("\"0h\"").unwrap();
        assert_eq!(
            l.path_at(&(at..at + 4)).as_deref(),
            Some("procedures[0].steps[1].limit")
        );
    }

    #[test]
    fn parent_walks_up() {
        assert_eq!(parent("a.b[2].c"), Some("a.b[2]"));
        assert_eq!(parent("a.b[2]"), Some("a.b"));
        assert_eq!(parent("a"), None);
    }
}
