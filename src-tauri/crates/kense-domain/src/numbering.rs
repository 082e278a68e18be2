//! Registration numbers: a yearly, gap-free sequence written by an office pattern.
//!
//! Pattern tokens: `YYYY` (year), `YY` (last two digits), a run of `N` (the
//! sequence, zero-padded to the run's length). Everything else is copied.

use crate::error::{DomainError, ErrorCode};

pub const DEFAULT_NUMBER_PATTERN: &str = "YYYY-NNNNN";
const MAX_PATTERN_CHARS: usize = 40;

/// Checks that a pattern can number a journal: it has one run of `N`.
pub fn validate_pattern(pattern: &str) -> Result<(), DomainError> {
    let runs = pattern
        .split(|c| c != 'N')
        .filter(|run| !run.is_empty())
        .count();
    if runs != 1 || pattern.chars().count() > MAX_PATTERN_CHARS || pattern.trim() != pattern {
        return Err(DomainError::at(
            ErrorCode::InvalidInput,
            "number_pattern",
            format!("`{pattern}` must contain exactly one run of N, e.g. {DEFAULT_NUMBER_PATTERN}"),
        ));
    }
    Ok(())
}

/// Writes `seq` of `year` by `pattern`. A sequence longer than the N run is
/// written in full rather than cut, so numbers stay unique.
pub fn format_number(pattern: &str, year: i32, seq: u32) -> String {
    let mut out = String::with_capacity(pattern.len() + 4);
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        if rest.starts_with(&['Y', 'Y', 'Y', 'Y']) {
            out.push_str(&format!("{year:04}"));
            i += 4;
        } else if rest.starts_with(&['Y', 'Y']) {
            out.push_str(&format!("{:02}", year.rem_euclid(100)));
            i += 2;
        } else if chars[i] == 'N' {
            let width = rest.iter().take_while(|c| **c == 'N').count();
            out.push_str(&format!("{seq:0width$}"));
            i += width;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_pattern() {
        assert_eq!(format_number(DEFAULT_NUMBER_PATTERN, 2026, 1), "2026-00001");
        assert_eq!(
            format_number(DEFAULT_NUMBER_PATTERN, 2026, 123_456),
            "2026-123456"
        );
    }

    #[test]
    fn other_patterns() {
        assert_eq!(format_number("ЖТ-NNN/YY", 2027, 42), "ЖТ-042/27");
        assert_eq!(format_number("NNNN", 2027, 7), "0007");
    }

    #[test]
    fn pattern_needs_one_sequence_run() {
        assert!(validate_pattern("YYYY-NNNNN").is_ok());
        assert!(validate_pattern("YYYY").is_err());
        assert!(validate_pattern("NN-YYYY-NN").is_err());
        assert!(validate_pattern(" NNN").is_err());
    }
}
