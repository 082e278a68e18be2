//! The one place the application reads the time. Tests and demos set it with
//! `--now` or `KENSE_NOW`; the office time zone is UTC+5 (Asia/Almaty).

use chrono::{DateTime, FixedOffset, Utc};

pub const OFFICE_OFFSET_SECONDS: i32 = 5 * 3600;

pub fn office_offset() -> FixedOffset {
    FixedOffset::east_opt(OFFICE_OFFSET_SECONDS).expect("UTC+5 is a valid offset")
}

/// Where "now" comes from for this process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    Real,
    Fixed(DateTime<FixedOffset>),
}

impl Clock {
    /// `--now` wins over `KENSE_NOW`; neither means the real clock.
    pub fn from_override(arg: Option<&str>, env: Option<&str>) -> Result<Clock, String> {
        match arg.or(env).map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(Clock::Real),
            // RFC 3339 as scripts write it, or dd.mm.yyyy HH:MM in office time.
            Some(text) => kense_domain::dates::parse_date_time(text, office_offset())
                .map(Clock::Fixed)
                .ok_or_else(|| {
                    format!(
                        "`{text}` is not a time (e.g. 2026-11-23T10:00:00+05:00 or 23.11.2026 10:00)"
                    )
                }),
        }
    }

    pub fn now(self) -> DateTime<FixedOffset> {
        match self {
            Clock::Real => Utc::now().with_timezone(&office_offset()),
            Clock::Fixed(t) => t,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_override_reads_rfc3339_and_office_dates() {
        let want = DateTime::parse_from_rfc3339("2026-12-02T10:30:00+05:00").unwrap();
        for text in [
            "2026-12-02T10:30:00+05:00",
            "2026-12-02T05:30:00Z",
            "02.12.2026 10:30",
        ] {
            assert_eq!(
                Clock::from_override(Some(text), None),
                Ok(Clock::Fixed(want))
            );
        }
        assert_eq!(
            Clock::from_override(None, Some("02.12.2026 10:30")),
            Ok(Clock::Fixed(want))
        );
        assert_eq!(Clock::from_override(None, Some(" ")), Ok(Clock::Real));
        assert!(Clock::from_override(Some("12/02/2026"), None).is_err());
    }
}
