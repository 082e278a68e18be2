use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn almaty() -> FixedOffset {
    FixedOffset::east_opt(5 * 3600).unwrap()
}

#[test]
fn dates_as_the_office_and_scripts_write_them() {
    assert_eq!(parse_date("02.12.2026"), Some(d(2026, 12, 2)));
    assert_eq!(parse_date(" 2.12.2026 "), Some(d(2026, 12, 2)));
    assert_eq!(parse_date("2.1.2026"), Some(d(2026, 1, 2)));
    assert_eq!(parse_date("2026-12-02"), Some(d(2026, 12, 2)));
    assert_eq!(parse_date("29.02.2028"), Some(d(2028, 2, 29)));
}

#[test]
fn dates_that_are_not_dates() {
    for bad in [
        "",
        "03.12.26",
        "12/01/2026",
        "31.11.2026",
        "29.02.2027",
        "13.13.2026",
        "2026-12-2",
        "02.12.2026 10:30",
        "02-12-2026",
        "2026.12.02",
        "a2.12.2026",
        "02.12.0026",
        "+2.12.2026",
        "02..2026",
    ] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
}

#[test]
fn date_times_in_the_office_zone() {
    let want = almaty().with_ymd_and_hms(2026, 12, 2, 10, 30, 0).unwrap();
    for text in [
        "02.12.2026 10:30",
        "2.12.2026 10:30",
        "02.12.2026  10:30",
        "2026-12-02 10:30",
        "2026-12-02T10:30",
        "2026-12-02T10:30:00",
        "2026-12-02T10:30:00+05:00",
        "2026-12-02T05:30:00Z",
        "02.12.2026 10:30:00",
    ] {
        let got = parse_date_time(text, almaty()).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(got, want, "{text}");
        assert_eq!(got.offset(), &almaty(), "{text}");
    }
    let early = almaty().with_ymd_and_hms(2026, 12, 2, 9, 5, 0).unwrap();
    assert_eq!(parse_date_time("02.12.2026 9:05", almaty()), Some(early));
}

#[test]
fn date_times_that_are_not() {
    for bad in [
        "02.12.2026",
        "02.12.2026 24:00",
        "02.12.2026 10:60",
        "02.12.2026 10",
        "02.12.2026 10:3",
        "02.12.2026T10:30",
        "12/02/2026 10:30",
        "02.12.2026 10:30 PM",
        "2026-12-02 10:30:00:00",
        "now",
    ] {
        assert_eq!(parse_date_time(bad, almaty()), None, "{bad}");
    }
}

#[test]
fn errors_name_the_field_and_the_format() {
    let e = date_field("from", "03/12/2026").unwrap_err();
    assert_eq!(e.code, ErrorCode::DateInvalid);
    assert_eq!(e.field.as_deref(), Some("from"));
    assert!(e.detail.contains("02.12.2026"), "{}", e.detail);
    let e = date_time_field("received_at", "02.12.2026", almaty()).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("received_at"));
    assert!(e.detail.contains("10:30"), "{}", e.detail);
}

#[test]
fn formats_round_trip() {
    assert_eq!(format_date(d(2026, 1, 2)), "02.01.2026");
    let t = almaty().with_ymd_and_hms(2026, 12, 2, 9, 5, 0).unwrap();
    assert_eq!(format_date_time(t), "02.12.2026 09:05");
    assert_eq!(parse_date_time(&format_date_time(t), almaty()), Some(t));
    assert_eq!(parse_date(&format_date(d(2026, 1, 2))), Some(d(2026, 1, 2)));
}

#[test]
fn journal_filter_dates_are_checked_and_normalised() {
    let f = JournalFilter {
        from: Some("03.12.2026".into()),
        to: Some(" 2026-12-31 ".into()),
        text: Some("Әсел".into()),
        ..Default::default()
    };
    let got = journal_filter_dates(&f).unwrap();
    assert_eq!(got.from.as_deref(), Some("2026-12-03"));
    assert_eq!(got.to.as_deref(), Some("2026-12-31"));
    assert_eq!(got.text.as_deref(), Some("Әсел"));
    let empty = JournalFilter {
        from: Some("  ".into()),
        ..Default::default()
    };
    assert_eq!(journal_filter_dates(&empty).unwrap().from, None);
    let bad = JournalFilter {
        to: Some("31.12".into()),
        ..Default::default()
    };
    assert_eq!(
        journal_filter_dates(&bad).unwrap_err().field.as_deref(),
        Some("to")
    );
}
