//! Dates and times as people in the office write them, and as scripts do.
//!
//! Accepted dates: `dd.mm.yyyy` and `d.m.yyyy` (what the office writes), and
//! `yyyy-mm-dd` (ISO, what scripts write). Accepted date-times: either date
//! followed by a space (or `T` after an ISO date) and `HH:MM` or `HH:MM:SS`, read
//! in the office's time zone passed in; or an RFC 3339 time with its own offset,
//! converted to the office's. Anything else is `date_invalid` on its field; the
//! kk/ru text of that code shows the expected format (`02.12.2026 10:30`).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use crate::error::{DomainError, ErrorCode};
use crate::journal::JournalFilter;

/// The format shown to people, in error details and the CLI's help.
pub const DATE_HINT: &str = "dd.mm.yyyy, e.g. 02.12.2026";
pub const DATE_TIME_HINT: &str = "dd.mm.yyyy HH:MM, e.g. 02.12.2026 10:30";

/// Years outside this range are typing mistakes, not office dates.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A date: `dd.mm.yyyy`, `d.m.yyyy` or `yyyy-mm-dd`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let (y, m, d) = if let Some((d, rest)) = t.split_once('.') {
        let (m, y) = rest.split_once('.')?;
        (number(y, 4, 4)?, number(m, 1, 2)?, number(d, 1, 2)?)
    } else {
        let mut parts = t.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        (number(y, 4, 4)?, number(m, 2, 2)?, number(d, 2, 2)?)
    };
    let y = i32::try_from(y).ok().filter(|y| YEARS.contains(y))?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A date and a time of day, in `offset` unless the text carries its own (RFC 3339).
pub fn parse_date_time(text: &str, offset: FixedOffset) -> Option<DateTime<FixedOffset>> {
    let t = text.trim();
    if let Ok(own) = DateTime::parse_from_rfc3339(t) {
        let own = own.with_timezone(&offset);
        return YEARS.contains(&chrono::Datelike::year(&own)).then_some(own);
    }
    let (date, time) = match t.split_once(' ') {
        Some((d, rest)) => (d, rest.trim_start()),
        None => {
            let (d, rest) = t.split_once('T')?;
            if d.contains('.') {
                return None;
            }
            (d, rest)
        }
    };
    let local = NaiveDateTime::new(parse_date(date)?, parse_time(time)?);
    offset.from_local_datetime(&local).single()
}

/// `HH:MM` or `H:MM`, with optional `:SS`.
fn parse_time(text: &str) -> Option<NaiveTime> {
    let mut parts = text.split(':');
    let h = number(parts.next()?, 1, 2)?;
    let m = number(parts.next()?, 2, 2)?;
    let s = match parts.next() {
        Some(s) => number(s, 2, 2)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(h, m, s)
}

fn number(text: &str, min: usize, max: usize) -> Option<u32> {
    let ok = (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| text.parse().ok()).flatten()
}

/// [`parse_date`] with `date_invalid` on `field` when it fails.
pub fn date_field(field: &str, text: &str) -> Result<NaiveDate, DomainError> {
    parse_date(text).ok_or_else(|| {
        DomainError::at(
            ErrorCode::DateInvalid,
            field,
            format!("`{text}` is not a date ({DATE_HINT})"),
        )
    })
}

/// [`parse_date_time`] with `date_invalid` on `field` when it fails.
pub fn date_time_field(
    field: &str,
    text: &str,
    offset: FixedOffset,
) -> Result<DateTime<FixedOffset>, DomainError> {
    parse_date_time(text, offset).ok_or_else(|| {
        DomainError::at(
            ErrorCode::DateInvalid,
            field,
            format!("`{text}` is not a date and time ({DATE_TIME_HINT})"),
        )
    })
}

/// `dd.mm.yyyy`.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// `dd.mm.yyyy HH:MM` in the time's own offset.
pub fn format_date_time(time: DateTime<FixedOffset>) -> String {
    time.format("%d.%m.%Y %H:%M").to_string()
}

/// The filter with its dates checked and written as `yyyy-mm-dd` (how the
/// journal stores them); a date that cannot be read is an error on its field
/// (`from` or `to`), never ignored. Empty dates do not filter.
pub fn journal_filter_dates(filter: &JournalFilter) -> Result<JournalFilter, DomainError> {
    let check = |field: &str, value: &Option<String>| -> Result<Option<String>, DomainError> {
        match value.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(text) => Ok(Some(
                date_field(field, text)?.format("%Y-%m-%d").to_string(),
            )),
        }
    };
    Ok(JournalFilter {
        from: check("from", &filter.from)?,
        to: check("to", &filter.to)?,
        ..filter.clone()
    })
}

#[cfg(test)]
mod tests;
