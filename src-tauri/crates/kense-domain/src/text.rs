//! Text hygiene for everything that is stored and printed: names, addresses,
//! notes. Control characters (NUL, ESC, ...) and direction overrides are
//! refused with a field error; invisible characters (zero-width spaces and
//! joiners, the byte-order mark, soft hyphens, filler characters) are removed;
//! the rest is put in Unicode NFC, so the same name typed on two keyboards is
//! stored the same way. A text that is nothing but invisible characters
//! becomes empty, and the caller's "required" rule refuses it.

use unicode_normalization::UnicodeNormalization;

use crate::{DomainError, ErrorCode};

/// Characters that change how text is shown or read back without being seen:
/// refused, never silently kept (they can reverse a printed name or number).
fn is_forbidden(c: char, multiline: bool) -> bool {
    if c.is_control() {
        return !(multiline && matches!(c, '\n' | '\r' | '\t'));
    }
    matches!(c,
        '\u{200E}' | '\u{200F}' | '\u{061C}'      // direction marks
        | '\u{202A}'..='\u{202E}'                   // embeddings and overrides
        | '\u{2066}'..='\u{2069}'                   // isolates
        | '\u{2028}' | '\u{2029}'                   // line and paragraph separators
        | '\u{FFF9}'..='\u{FFFB}'                   // interlinear annotation
        | '\u{E000}'..='\u{F8FF}'                   // private use
    )
}

/// Characters with no visible form: removed.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
    )
}

/// The text with invisible characters removed and in NFC; `Err(c)` names the
/// first forbidden character. `multiline` allows line breaks and tabs (notes).
pub fn sanitize(text: &str, multiline: bool) -> Result<String, char> {
    if let Some(bad) = text.chars().find(|c| is_forbidden(*c, multiline)) {
        return Err(bad);
    }
    Ok(text.chars().filter(|c| !is_invisible(*c)).nfc().collect())
}

/// `sanitize` with a field error in the office's languages (`text_invalid`).
pub fn clean(field: &str, text: &str, multiline: bool) -> Result<String, DomainError> {
    sanitize(text, multiline).map_err(|bad| {
        DomainError::at(
            ErrorCode::TextInvalid,
            field,
            format!("{field} contains the character U+{:04X}", bad as u32),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_overrides_are_refused() {
        for bad in [
            "Ахмет\0ов",
            "\u{1b}[31mАхметов",
            "Ахметов\u{7}",
            "\u{202E}вотемхА",
            "Ахметов\u{2066}",
            "Ахметов\u{200F}",
            "Ахмет\nов",
        ] {
            let err = clean("applicant.name", bad, false).unwrap_err();
            assert_eq!(err.code, ErrorCode::TextInvalid, "{bad:?}");
            assert_eq!(err.field.as_deref(), Some("applicant.name"));
        }
        assert!(clean("note", "бір жол\nекінші жол\tта", true).is_ok());
        assert!(clean("note", "бір\0жол", true).is_err());
    }

    #[test]
    fn invisible_characters_are_removed_and_text_is_nfc() {
        assert_eq!(
            sanitize("Ах\u{200B}ме\u{FEFF}тов", false).unwrap(),
            "Ахметов"
        );
        assert_eq!(
            sanitize("Ах\u{00AD}метов\u{2060}", false).unwrap(),
            "Ахметов"
        );
        // й as и + combining breve becomes the single letter.
        let decomposed = "Ал\u{0438}\u{0306}";
        assert_eq!(sanitize(decomposed, false).unwrap(), "Алй");
        assert_eq!(sanitize("Әлі", false).unwrap(), "Әлі");
        // Only invisible characters: nothing is left for "required" to accept.
        assert_eq!(
            sanitize("\u{200B}\u{200C}\u{FEFF}\u{2800}", false).unwrap(),
            ""
        );
    }

    #[test]
    fn ordinary_kazakh_and_russian_text_is_kept_as_is() {
        for good in ["Қасымов Ұлан-Әлі", "Петров-Водкин О.", "ТОО «Ақ Жол» №5"]
        {
            assert_eq!(sanitize(good, false).unwrap(), good);
        }
    }
}
