use chrono::NaiveDate;
use kense_domain::calendar::WorkingCalendar;

use super::*;
use crate::bundled;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn calendar() -> WorkingCalendar {
    bundled::calendar().unwrap()
}

fn run(year: i32, change: CalendarChange) -> Result<Applied, DomainError> {
    apply(&calendar(), year, &change)
}

#[test]
fn a_day_off_is_added_on_a_working_weekday_and_written_to_its_year_file() {
    let done = run(
        2026,
        CalendarChange::AddDayOff {
            date: day(2026, 12, 31),
            act: None,
        },
    )
    .unwrap();
    assert!(!done.calendar.is_working_day(day(2026, 12, 31)));
    assert_eq!(done.file, "2026.toml");
    assert!(done.text.contains("2026-12-31"), "{}", done.text);
    // Already off (Nauryz) and a Saturday are refused, naming the date.
    for date in [day(2026, 3, 23), day(2026, 12, 26)] {
        let err = run(2026, CalendarChange::AddDayOff { date, act: None }).unwrap_err();
        assert_eq!(err.code, ErrorCode::CalendarInvalid, "{date}");
        assert_eq!(err.field.as_deref(), Some("date"));
    }
    let err = run(
        2026,
        CalendarChange::AddDayOff {
            date: day(2027, 1, 4),
            act: None,
        },
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::DateInvalid);
}

#[test]
fn a_year_without_a_file_gets_a_provisional_one() {
    let done = run(
        2031,
        CalendarChange::AddWorkingDay {
            date: day(2031, 1, 4),
            act: None,
        },
    )
    .unwrap();
    assert_eq!(done.file, "2031.toml");
    assert!(done.calendar.is_working_day(day(2031, 1, 4)));
    assert!(done.calendar.year_view(2031).provisional);
}

#[test]
fn transfers_are_taken_back_by_either_of_their_days() {
    let worked = run(
        2025,
        CalendarChange::RemoveWorkingDay {
            date: day(2025, 1, 5),
        },
    )
    .unwrap();
    assert!(!worked.calendar.is_working_day(day(2025, 1, 5)));
    let off = run(
        2025,
        CalendarChange::RemoveDayOff {
            date: day(2025, 1, 3),
        },
    )
    .unwrap();
    assert!(off.calendar.is_working_day(day(2025, 1, 3)));
    // A holiday by law and a plain weekend are not transfers.
    let err = run(
        2026,
        CalendarChange::RemoveDayOff {
            date: day(2026, 12, 16),
        },
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::CalendarInvalid);
    let err = run(
        2025,
        CalendarChange::RemoveWorkingDay {
            date: day(2025, 1, 12),
        },
    )
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("date"));
}

#[test]
fn a_weekend_day_is_made_worked_but_not_a_weekday() {
    let done = run(
        2026,
        CalendarChange::AddWorkingDay {
            date: day(2026, 12, 26),
            act: None,
        },
    )
    .unwrap();
    assert!(done.calendar.is_working_day(day(2026, 12, 26)));
    let err = run(
        2026,
        CalendarChange::AddWorkingDay {
            date: day(2026, 12, 28),
            act: None,
        },
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::CalendarInvalid);
}

#[test]
fn office_hours_are_checked_and_written_to_office_toml() {
    let hours = |opens: &str, closes: &str| CalendarChange::SetOfficeHours {
        hours: OfficeHoursInput {
            opens: opens.into(),
            closes: closes.into(),
            lunch_from: "12:30".into(),
            lunch_until: "13:30".into(),
        },
    };
    let done = run(2026, hours("08:30", "17:30")).unwrap();
    assert_eq!(done.file, "office.toml");
    assert!(
        done.text.contains("08:30") && done.text.contains("17:30"),
        "{}",
        done.text
    );
    assert_eq!(done.calendar.hours.minutes_per_day(), 480);
    let err = run(2026, hours("18:00", "09:00")).unwrap_err();
    assert_eq!(err.code, ErrorCode::CalendarInvalid);
    let err = run(2026, hours("8h", "17:30")).unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::InvalidInput, Some("opens"))
    );
}

#[test]
fn changes_read_back_from_their_json() {
    let change: CalendarChange =
        serde_json::from_str(r#"{"kind":"add_day_off","date":"2026-12-31"}"#).unwrap();
    assert_eq!(
        change,
        CalendarChange::AddDayOff {
            date: day(2026, 12, 31),
            act: None
        }
    );
    let extra = r#"{"kind":"add_day_off","date":"2026-12-31","x":1}"#;
    assert!(serde_json::from_str::<CalendarChange>(extra).is_err());
}
