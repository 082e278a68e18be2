//! ЖСН / БСН (IIN / BIN): the 12-digit identification numbers of Kazakhstan.
//! Check digit per DOMAIN.md: weights 1..11, then 3..11,1,2 if the first sum gives 10.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const WEIGHTS_FIRST: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const WEIGHTS_SECOND: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// Why a 12-digit number is not a valid IIN or BIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdNumberError {
    /// Not exactly 12 ASCII digits.
    Format,
    /// The check digit does not match (or cannot be computed).
    Checksum,
    /// An IIN whose first seven digits are not a real birth date and century.
    BirthDate,
    /// A BIN whose fifth digit is not a known entity type.
    EntityType,
}

fn digits(number: &str) -> Result<[u32; 12], IdNumberError> {
    let bytes = number.as_bytes();
    if bytes.len() != 12 || !bytes.iter().all(u8::is_ascii_digit) {
        return Err(IdNumberError::Format);
    }
    let mut out = [0u32; 12];
    for (slot, b) in out.iter_mut().zip(bytes) {
        *slot = u32::from(b - b'0');
    }
    Ok(out)
}

fn check_digit(d: &[u32; 12]) -> Option<u32> {
    let weighted = |w: &[u32; 11]| d.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11;
    match weighted(&WEIGHTS_FIRST) {
        10 => match weighted(&WEIGHTS_SECOND) {
            10 => None,
            c => Some(c),
        },
        c => Some(c),
    }
}

/// True when the 12 digits carry a correct check digit (IIN and BIN alike).
pub fn checksum_ok(number: &str) -> bool {
    digits(number)
        .ok()
        .and_then(|d| check_digit(&d).map(|c| c == d[11]))
        .unwrap_or(false)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Sex {
    Male,
    Female,
}

/// What an IIN tells about its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IinInfo {
    pub birth_date: NaiveDate,
    pub sex: Sex,
}

/// Validates an IIN and decodes the birth date and sex it encodes.
pub fn parse_iin(number: &str) -> Result<IinInfo, IdNumberError> {
    let d = digits(number)?;
    let century = match d[6] {
        1 | 2 => 1800,
        3 | 4 => 1900,
        5 | 6 => 2000,
        _ => return Err(IdNumberError::BirthDate),
    };
    let year = century + (d[0] * 10 + d[1]) as i32;
    let month = d[2] * 10 + d[3];
    let day = d[4] * 10 + d[5];
    let birth_date = NaiveDate::from_ymd_opt(year, month, day).ok_or(IdNumberError::BirthDate)?;
    if !checksum_ok(number) {
        return Err(IdNumberError::Checksum);
    }
    let sex = if d[6] % 2 == 1 {
        Sex::Male
    } else {
        Sex::Female
    };
    Ok(IinInfo { birth_date, sex })
}

/// Validates a BIN: checksum, registration month and entity type.
pub fn validate_bin(number: &str) -> Result<(), IdNumberError> {
    let d = digits(number)?;
    if !checksum_ok(number) {
        return Err(IdNumberError::Checksum);
    }
    if !(4..=6).contains(&d[4]) {
        return Err(IdNumberError::EntityType);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_vectors_for_iin() {
        for valid in ["061211600012", "800416100254", "680503250034"] {
            assert!(parse_iin(valid).is_ok(), "{valid}");
        }
        assert_eq!(parse_iin("821214240092"), Err(IdNumberError::Checksum));
    }

    #[test]
    fn public_vectors_for_bin() {
        for valid in [
            "940140000385",
            "950341000052",
            "070941024691",
            "990140004654",
        ] {
            assert_eq!(validate_bin(valid), Ok(()), "{valid}");
        }
    }

    #[test]
    fn decodes_birth_date_and_sex() {
        let info = parse_iin("800416100254").unwrap();
        assert_eq!(
            info.birth_date,
            NaiveDate::from_ymd_opt(1880, 4, 16).unwrap()
        );
        assert_eq!(info.sex, Sex::Male);
        let info = parse_iin("680503250034").unwrap();
        assert_eq!(
            info.birth_date,
            NaiveDate::from_ymd_opt(1868, 5, 3).unwrap()
        );
        assert_eq!(info.sex, Sex::Female);
        let info = parse_iin("061211600012").unwrap();
        assert_eq!(
            info.birth_date,
            NaiveDate::from_ymd_opt(2006, 12, 11).unwrap()
        );
        assert_eq!(info.sex, Sex::Female);
    }

    #[test]
    fn rejects_wrong_shapes() {
        for bad in [
            "",
            "12345678901",
            "1234567890123",
            "80041610025a",
            "８００４１６１００２５４",
        ] {
            assert_eq!(parse_iin(bad), Err(IdNumberError::Format), "{bad}");
        }
        assert_eq!(parse_iin("801316100254"), Err(IdNumberError::BirthDate));
    }

    #[test]
    fn any_other_check_digit_is_rejected() {
        let valid = "800416100254";
        for pos in [11] {
            for digit in b'0'..=b'9' {
                let mut bytes = valid.as_bytes().to_vec();
                if bytes[pos] == digit {
                    continue;
                }
                bytes[pos] = digit;
                let changed = String::from_utf8(bytes).unwrap();
                assert!(!checksum_ok(&changed), "{changed}");
            }
        }
    }
}
