use chrono::{Datelike, NaiveDate};

use super::*;

/// The bundled calendar files, compiled in: the domain never reads files.
pub(crate) fn real_calendar() -> WorkingCalendar {
    let years: Vec<(String, String)> = [
        (
            "2025.toml",
            include_str!("../../../../../assets/calendar/2025.toml"),
        ),
        (
            "2026.toml",
            include_str!("../../../../../assets/calendar/2026.toml"),
        ),
        (
            "2027.toml",
            include_str!("../../../../../assets/calendar/2027.toml"),
        ),
    ]
    .iter()
    .map(|(n, t)| (n.to_string(), t.to_string()))
    .collect();
    WorkingCalendar::from_sources(
        include_str!("../../../../../assets/calendar/holidays.toml"),
        &years,
        include_str!("../../../../../assets/calendar/office.toml"),
    )
    .unwrap()
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
    assert_eq!(err.field.as_deref(), Some("closes"));
    assert_eq!(err.line, Some(2));
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

const OFFICE: &str = "opens = \"09:00\"\ncloses = \"18:30\"\nlunch_from = \"13:00\"\nlunch_until = \"14:30\"\nutc_offset = \"+05:00\"\ndue_soon_percent = 25\ndue_soon_min_minutes = 10\ndue_soon_max_minutes = 480\n";

#[test]
fn checks_after_parsing_still_name_the_line() {
    let text = "year = 2028\nkurban_ait = \"2028-05-04\"\n\n[[transfer]]\nday_off = \"2028-01-03\"\n\n[[transfer]]\nworking_day = \"2028-01-03\"\n";
    let err = data::parse_year("2028.toml", text).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("transfer[1].working_day"));
    assert_eq!(err.line, Some(8), "{err}");
    let twice = "year = 2028\n[[transfer]]\nday_off = \"2028-01-03\"\n[[transfer]]\nday_off = \"2028-01-03\"\n";
    let err = data::parse_year("2028.toml", twice).unwrap_err();
    assert!(err.message.contains("another transfer"), "{err}");
    assert_eq!(err.line, Some(5));
    let err =
        data::parse_year("2028.toml", "year = 2028\nkurban_ait = \"2028-02-30\"\n").unwrap_err();
    assert_eq!(err.line, Some(2), "an impossible date is refused: {err}");
    let lunch_after_closing = OFFICE.replace("14:30", "19:00");
    let err = office::parse_office("office.toml", &lunch_after_closing).unwrap_err();
    assert_eq!(
        (err.field.as_deref(), err.line),
        (Some("lunch_until"), Some(4))
    );
    let holidays = "[[holiday]]\ndate = \"01-01\"\nkind = \"state\"\nname = { kk = \"a\", ru = \"b\" }\nshifts_when_on_weekend = true\n\n[[holiday]]\ndate = \"02-30\"\nkind = \"state\"\nname = { kk = \"a\", ru = \"b\" }\nshifts_when_on_weekend = true\n";
    let err = data::parse_holidays("holidays.toml", holidays).unwrap_err();
    assert_eq!(
        (err.field.as_deref(), err.line),
        (Some("holiday[1].date"), Some(8))
    );
    assert!(
        err.to_string()
            .starts_with("holidays.toml:8: holiday[1].date:"),
        "{err}"
    );
}

#[test]
fn the_bundled_office_file_is_the_default_office() {
    let cal = real_calendar();
    assert_eq!(
        cal.hours,
        office::parse_office("office.toml", OFFICE).unwrap()
    );
    assert_eq!(cal.hours.minutes_per_day(), 480);
    assert_eq!(cal.hours.work_day_minutes(), 480);
    assert_eq!(
        office::parse_office("office.toml", &cal.hours.to_toml()).unwrap(),
        cal.hours
    );
}

#[test]
fn holidays_round_trip_through_toml() {
    let cal = real_calendar();
    let text = holidays_to_toml(cal.rules());
    assert_eq!(parse_holidays("holidays.toml", &text).unwrap(), cal.rules());
}

#[test]
fn calendar_edits_are_checked_against_the_derived_days() {
    let cal = real_calendar();
    // Thursday 31 Dec 2026 made a day off.
    let more = cal.with_day_off(day(2026, 12, 31), None).unwrap();
    assert!(!more.is_working_day(day(2026, 12, 31)));
    assert!(
        cal.is_working_day(day(2026, 12, 31)),
        "the old calendar is untouched"
    );
    // Already off by the rule (Nauryz shifted) or by law: refused.
    for d in [day(2026, 3, 24), day(2026, 12, 16), day(2026, 12, 26)] {
        assert!(cal.with_day_off(d, None).is_err(), "{d}");
    }
    // A year with no file cannot be edited.
    let err = cal.with_day_off(day(2031, 3, 3), None).unwrap_err();
    assert_eq!(err.file, "2031.toml");
    // Saturday 26 Dec 2026 worked; a weekend holiday cannot be (Sun 22 Mar 2026).
    let worked = cal.with_working_day(day(2026, 12, 26), None).unwrap();
    assert!(worked.is_working_day(day(2026, 12, 26)));
    assert_eq!(
        worked
            .working_weekend_days(2026)
            .into_iter()
            .collect::<Vec<_>>(),
        vec![day(2026, 12, 26)]
    );
    assert!(cal.with_working_day(day(2026, 3, 22), None).is_err());
    assert!(
        cal.with_working_day(day(2026, 12, 28), None).is_err(),
        "a Monday"
    );
    // Taking the 2025 transfer back makes 3 Jan worked and 5 Jan off again.
    let back = cal.without_transfer(day(2025, 1, 5)).unwrap();
    assert!(back.is_working_day(day(2025, 1, 3)));
    assert!(!back.is_working_day(day(2025, 1, 5)));
    assert!(cal.without_transfer(day(2025, 1, 6)).is_err());
}

#[test]
fn office_hours_edits_are_checked() {
    let cal = real_calendar();
    let mut hours = cal.hours;
    hours.opens = chrono::NaiveTime::from_hms_opt(8, 30, 0).unwrap();
    hours.closes = chrono::NaiveTime::from_hms_opt(18, 0, 0).unwrap();
    let edited = cal.with_office_hours(hours).unwrap();
    assert_eq!(edited.hours.minutes_per_day(), 480);
    hours.lunch_from = chrono::NaiveTime::from_hms_opt(8, 0, 0).unwrap();
    let err = cal.with_office_hours(hours).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("lunch_from"));
}

#[test]
fn years_without_a_file_follow_the_rule() {
    let cal = real_calendar();
    // 2030: 1 Jan Tue; 8 Mar Fri; Nauryz Thu 21 – Sat 23 → Mon 25 Mar off.
    for d in [day(2030, 1, 1), day(2030, 3, 8), day(2030, 3, 25)] {
        assert!(!cal.is_working_day(d), "{d}");
    }
    assert!(cal.is_working_day(day(2030, 3, 11)));
    assert!(cal.is_working_day(day(2030, 3, 26)));
    // Far outside the precomputed years the same rule holds: 25 Oct 2099 is a Sunday.
    assert!(!cal.is_working_day(day(2099, 10, 26)));
    assert!(cal.is_working_day(day(2099, 10, 27)));
    // 2027 Kurban Ait falls on Sunday 16 May and does not move.
    assert!(!cal.is_working_day(day(2027, 5, 16)));
    assert!(cal.is_working_day(day(2027, 5, 17)));
}

#[test]
fn a_holiday_on_new_years_eve_moves_into_january() {
    let holidays = "[[holiday]]\ndate = \"12-31\"\nkind = \"state\"\nname = { kk = \"a\", ru = \"a\" }\nshifts_when_on_weekend = true\n\n[[holiday]]\ndate = \"01-02\"\nkind = \"state\"\nname = { kk = \"b\", ru = \"b\" }\nshifts_when_on_weekend = true\n";
    let cal = WorkingCalendar::from_sources(holidays, &[], OFFICE).unwrap();
    // Sat 31 Dec 2022 → Tue 3 Jan 2023: Mon 2 Jan is itself a holiday.
    assert!(!cal.is_working_day(day(2023, 1, 2)));
    assert!(!cal.is_working_day(day(2023, 1, 3)));
    assert!(cal.is_working_day(day(2023, 1, 4)));
    assert!(cal.is_working_day(day(2022, 12, 30)));
    let offs: Vec<_> = cal.days_off(2023).into_iter().map(|(d, _)| d).collect();
    assert_eq!(offs, vec![day(2023, 1, 2), day(2023, 1, 3)]);
}

#[test]
fn days_off_of_a_month_include_weekends_and_holidays() {
    let cal = real_calendar();
    let december: Vec<u32> = cal
        .days_off_in_month(2026, 12)
        .iter()
        .map(|d| d.day())
        .collect();
    assert_eq!(december, vec![5, 6, 12, 13, 16, 19, 20, 26, 27]);
    let march: Vec<u32> = cal
        .days_off_in_month(2026, 3)
        .iter()
        .map(|d| d.day())
        .collect();
    assert!(march.contains(&9) && march.contains(&23) && !march.contains(&10));
    assert!(cal.days_off_in_month(2026, 13).is_empty());
}
