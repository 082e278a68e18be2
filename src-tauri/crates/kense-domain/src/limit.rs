//! A step's time limit as a regulation states it.
//!
//! Written forms (used in regulation files, the CLI and JSON):
//! `15min`, `2h`, `1wd`, `same-day`, `same-day-max-30min`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How long a step may take. Counting rules live in `deadline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    /// Minutes of office working time.
    Minutes(u32),
    /// Hours of office working time.
    Hours(u32),
    /// Working days: due at closing time of the N-th working day after the start day.
    WorkingDays(u32),
    /// Due at closing time of the day the step starts.
    SameDay,
    /// The same day, and at most this many working minutes: the earlier of the two.
    SameDayMaxMinutes(u32),
}

/// Why a written limit could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid time limit `{text}`: expected e.g. 15min, 2h, 1wd, same-day, same-day-max-30min (a positive whole number)")]
pub struct LimitParseError {
    pub text: String,
}

/// The largest number any limit may carry; larger numbers are typos, not regulations.
pub const MAX_LIMIT_NUMBER: u32 = 10_000;

fn positive(number: &str, text: &str) -> Result<u32, LimitParseError> {
    let err = || LimitParseError {
        text: text.to_string(),
    };
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err());
    }
    match number.parse::<u32>() {
        Ok(n) if n > 0 && n <= MAX_LIMIT_NUMBER => Ok(n),
        _ => Err(err()),
    }
}

impl FromStr for Limit {
    type Err = LimitParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let t = text.trim();
        if t == "same-day" {
            return Ok(Limit::SameDay);
        }
        if let Some(rest) = t.strip_prefix("same-day-max-") {
            let number = rest.strip_suffix("min").ok_or_else(|| LimitParseError {
                text: text.to_string(),
            })?;
            return positive(number, text).map(Limit::SameDayMaxMinutes);
        }
        if let Some(n) = t.strip_suffix("min") {
            return positive(n, text).map(Limit::Minutes);
        }
        if let Some(n) = t.strip_suffix("wd") {
            return positive(n, text).map(Limit::WorkingDays);
        }
        if let Some(n) = t.strip_suffix('h') {
            return positive(n, text).map(Limit::Hours);
        }
        Err(LimitParseError {
            text: text.to_string(),
        })
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::Minutes(n) => write!(f, "{n}min"),
            Limit::Hours(n) => write!(f, "{n}h"),
            Limit::WorkingDays(n) => write!(f, "{n}wd"),
            Limit::SameDay => write!(f, "same-day"),
            Limit::SameDayMaxMinutes(n) => write!(f, "same-day-max-{n}min"),
        }
    }
}

impl Serialize for Limit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Limit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_written_form() {
        assert_eq!("15min".parse(), Ok(Limit::Minutes(15)));
        assert_eq!("2h".parse(), Ok(Limit::Hours(2)));
        assert_eq!("13wd".parse(), Ok(Limit::WorkingDays(13)));
        assert_eq!("same-day".parse(), Ok(Limit::SameDay));
        assert_eq!(
            "same-day-max-30min".parse(),
            Ok(Limit::SameDayMaxMinutes(30))
        );
    }

    #[test]
    fn round_trips_through_display() {
        for text in ["15min", "2h", "1wd", "same-day", "same-day-max-30min"] {
            assert_eq!(text.parse::<Limit>().unwrap().to_string(), text);
        }
    }

    #[test]
    fn rejects_zero_negative_and_garbage() {
        for text in [
            "0min",
            "-1h",
            "h",
            "2d",
            "1.5h",
            "",
            "same-day-max-0min",
            "99999wd",
            "+2h",
        ] {
            assert!(text.parse::<Limit>().is_err(), "{text} should be rejected");
        }
    }
}
