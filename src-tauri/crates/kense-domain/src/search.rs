//! The one folding rule of journal search, used for stored names and typed
//! queries alike, so that what a clerk types on either keyboard finds what was
//! registered: lower case, NFC, invisible characters dropped, Kazakh letters
//! (and Latin letters that look Cyrillic) replaced by the Russian-keyboard
//! letters they look like, `ё` as `е`. Numbers and IINs pass unchanged.

use unicode_normalization::UnicodeNormalization;

/// The letter a Russian keyboard types for a look-alike (after lower-casing).
fn look_alike(c: char) -> char {
    match c {
        // Kazakh letters missing from the Russian keyboard.
        'ә' => 'а',
        'ғ' => 'г',
        'қ' => 'к',
        'ң' => 'н',
        'ө' => 'о',
        'ұ' | 'ү' => 'у',
        'һ' => 'х',
        'і' => 'и',
        'ё' => 'е',
        // Latin letters that look like Cyrillic ones (upper or lower case).
        'a' => 'а',
        'b' => 'в',
        'c' => 'с',
        'e' => 'е',
        'h' => 'н',
        'i' => 'и',
        'k' => 'к',
        'm' => 'м',
        'o' => 'о',
        'p' => 'р',
        't' => 'т',
        'x' => 'х',
        'y' => 'у',
        other => other,
    }
}

/// The searchable form of a text: invisible and control characters dropped,
/// NFC, lower case, look-alikes folded, runs of white space as one space.
pub fn fold(text: &str) -> String {
    let nfc: String = text
        .chars()
        .filter(|c| !crate::text::is_invisible(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .nfc()
        .collect();
    let folded: String = nfc
        .to_lowercase()
        .chars()
        .map(look_alike)
        .collect::<String>();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of a typed query, each folded; every one must match somewhere
/// (a number, an IIN/BIN or a name), in any order. Commas and semicolons
/// separate words as spaces do; `-`, `/` and `.` stay inside numbers.
pub fn query_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in fold(query).split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        if !word.is_empty() && !words.iter().any(|w| w == word) {
            words.push(word.to_string());
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_letters_fold_to_their_russian_keyboard_look_alikes() {
        assert_eq!(fold("Әсел"), "асел");
        assert_eq!(fold("ӘҒҚҢӨҰҮҺІ"), "агкноуухи");
        assert_eq!(fold("әғқңөұүһі"), "агкноуухи");
        assert_eq!(fold("Бекмаханова Әсел"), fold("бекмаханова асел"));
        assert_eq!(fold("Қасымов Ұлан-Әлі"), "касымов улан-али");
        assert_eq!(fold("Семёнов"), "семенов");
    }

    #[test]
    fn latin_look_alikes_fold_to_cyrillic() {
        // "Асел" typed with a Latin A and e.
        assert_eq!(fold("Aсeл"), "асел");
        assert_eq!(fold("TOO"), fold("ТОО"));
    }

    #[test]
    fn invisible_characters_are_dropped_and_text_is_nfc() {
        assert_eq!(fold("Ас\u{200B}ел\u{FEFF}"), "асел");
        assert_eq!(fold("А\u{00AD}сел"), "асел");
        // й typed as и + combining breve is the single letter.
        assert_eq!(fold("Ал\u{0438}\u{0306}"), "алй");
        assert_eq!(fold("  Ержан \t Қалиев "), "ержан калиев");
    }

    #[test]
    fn numbers_and_iins_pass_unchanged() {
        assert_eq!(fold("2026-00005"), "2026-00005");
        assert_eq!(fold("800416100254"), "800416100254");
    }

    #[test]
    fn a_query_is_split_into_folded_words() {
        assert_eq!(
            query_words(" Бекмаханова  Әсел "),
            vec!["бекмаханова", "асел"]
        );
        assert_eq!(
            query_words("8004, 00005;Асел"),
            vec!["8004", "00005", "асел"]
        );
        assert_eq!(query_words("асел Әсел"), vec!["асел"]);
        assert!(query_words(" \u{200B} ,; ").is_empty());
        assert_eq!(query_words("2026-0000"), vec!["2026-0000"]);
    }
}
