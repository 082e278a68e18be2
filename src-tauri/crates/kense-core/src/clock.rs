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
            Some(text) => DateTime::parse_from_rfc3339(text)
                .map(|t| Clock::Fixed(t.with_timezone(&office_offset())))
                .map_err(|_| {
                    format!("`{text}` is not an RFC 3339 time (e.g. 2026-11-23T10:00:00+05:00)")
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
