use chrono::{Datelike, NaiveDate};

use super::*;

pub(crate) fn real_calendar() -> WorkingCalendar {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../assets/calendar");
    let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
    let years: Vec<(String, String)> = ["2025.toml", "2026.toml", "2027.toml"]
        .iter()
        .map(|n| (n.to_string(), read(n)))
        .collect();
    WorkingCalendar::from_sources(&read("holidays.toml"), &years, &read("office.toml")).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn weekday_days_off(cal: &WorkingCalendar, year: i32) -> Vec<(u32, u32)> {
    cal.days_off(year)
        .into_iter()
        .map(|(d, _)| (d.month(), d.day()))
        .collect()
}

#[test]
fn derivation_reproduces_the_official_2025_list() {
    let cal = real_calendar();
    assert_eq!(
        weekday_days_off(&cal, 2025),
        vec![
            (1, 1),
            (1, 2),
            (1, 3),
            (1, 7),
            (3, 10),
            (3, 21),
            (3, 24),
            (3, 25),
            (5, 1),
            (5, 7),
            (5, 9),
            (6, 6),
            (7, 7),
            (9, 1),
            (10, 27),
            (12, 16)
        ]
    );
    assert_eq!(
        cal.working_weekend_days(2025)
            .into_iter()
            .collect::<Vec<_>>(),
        vec![day(2025, 1, 5)]
    );
    assert!(
        cal.is_working_day(day(2025, 1, 5)),
        "Sunday 5 January 2025 was worked"
    );
}

#[test]
fn derivation_reproduces_the_official_2026_list() {
    let cal = real_calendar();
    assert_eq!(
        weekday_days_off(&cal, 2026),
        vec![
            (1, 1),
            (1, 2),
            (1, 7),
            (3, 9),
            (3, 23),
            (3, 24),
            (3, 25),
            (5, 1),
            (5, 7),
            (5, 11),
            (5, 27),
            (7, 6),
            (10, 26),
            (12, 16)
        ]
    );
    assert!(cal.working_weekend_days(2026).is_empty());
    assert!(
        cal.is_working_day(day(2026, 8, 31)),
        "31 August 2026 is worked"
    );
}

#[test]
fn shifted_days_are_derived_not_listed() {
    let cal = real_calendar();
    let notes = cal.days_off(2025);
    let (_, note) = notes.iter().find(|(d, _)| *d == day(2025, 3, 25)).unwrap();
    assert!(matches!(note, DayNote::Shifted { .. }));
    // 7 January on a Sunday does not move (2029): Monday 8 January is worked.
    assert!(!cal.is_working_day(day(2029, 1, 1)));
    assert!(cal.is_working_day(day(2029, 1, 8)));
}

#[test]
fn provisional_2027_applies_the_rule() {
    let cal = real_calendar();
    let view = cal.year_view(2027);
    assert!(view.provisional);
    let offs: Vec<_> = view.days_off.iter().map(|(d, _)| *d).collect();
    // 2 Jan Sat → Mon 4 Jan; 15 Mar (new Constitution Day); 21 Mar Sun → Wed 24 Mar; 1 May Sat → Mon 3 May.
    for d in [
        day(2027, 1, 4),
        day(2027, 3, 15),
        day(2027, 3, 24),
        day(2027, 5, 3),
        day(2027, 5, 10),
    ] {
        assert!(offs.contains(&d), "{d} should be off");
    }
}

#[test]
fn bad_files_are_refused_with_file_and_place() {
    let err =
        data::parse_year("2028.toml", "year = 2028\nkurban_ait = \"2027-05-16\"\n").unwrap_err();
    assert_eq!(err.field.as_deref(), Some("kurban_ait"));
    let err = data::parse_year("2028.toml", "year = 2028\nsurprise = 1\n").unwrap_err();
    assert_eq!((err.file.as_str(), err.line), ("2028.toml", Some(2)));
    let err = data::parse_year(
        "2028.toml",
        "year = 2028\n[[transfer]]\nday_off = \"2028-01-08\"\n",
    )
    .unwrap_err();
    assert!(err.message.contains("weekend"), "{err}");
    let err = office::parse_office(
        "office.toml",
        "opens = \"09:00\"\ncloses = \"08:00\"\nlunch_from = \"13:00\"\nlunch_until = \"14:00\"\nutc_offset = \"+05:00\"\ndue_soon_percent = 25\ndue_soon_min_minutes = 10\ndue_soon_max_minutes = 480\n",
    )
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("opens"));
}

#[test]
fn edits_round_trip_through_toml() {
    let cal = real_calendar();
    let year = cal.year_files()[&2026].clone();
    let edited = year.with_day_off(day(2026, 12, 31), None).unwrap();
    let text = edited.to_toml();
    assert_eq!(data::parse_year("2026.toml", &text).unwrap(), edited);
    assert!(
        year.with_day_off(day(2026, 12, 26), None).is_err(),
        "a Saturday is off already"
    );
    assert_eq!(edited.without(day(2026, 12, 31)), year);
}
