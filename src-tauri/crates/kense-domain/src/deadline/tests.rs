use chrono::{DateTime, Datelike, Duration};
use proptest::prelude::*;

use super::*;
use crate::calendar::tests_support::real_calendar;

fn at(text: &str) -> Time {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn finished(from: &str, until: &str) -> Pause {
    Pause {
        from: at(from),
        until: Some(at(until)),
    }
}

fn due_at(start: &str, limit: &str) -> String {
    due(at(start), limit.parse().unwrap(), &real_calendar()).to_rfc3339()
}

#[test]
fn minutes_count_working_time() {
    assert_eq!(
        due_at("2026-11-23T10:00:00+05:00", "15min"),
        "2026-11-23T10:15:00+05:00"
    );
    // 18:25 Monday: 5 minutes today, 10 tomorrow.
    assert_eq!(
        due_at("2026-11-23T18:25:00+05:00", "15min"),
        "2026-11-24T09:10:00+05:00"
    );
    // Ending exactly at lunch is due at lunch, not after it.
    assert_eq!(
        due_at("2026-11-23T12:00:00+05:00", "1h"),
        "2026-11-23T13:00:00+05:00"
    );
    assert_eq!(
        due_at("2026-11-23T12:00:00+05:00", "2h"),
        "2026-11-23T15:30:00+05:00"
    );
}

#[test]
fn a_start_at_lunch_or_outside_hours_counts_from_the_next_opening() {
    assert_eq!(
        due_at("2026-11-23T13:30:00+05:00", "2h"),
        "2026-11-23T16:30:00+05:00"
    );
    assert_eq!(
        due_at("2026-11-23T07:00:00+05:00", "30min"),
        "2026-11-23T09:30:00+05:00"
    );
    // Saturday: Monday's opening.
    assert_eq!(
        due_at("2026-11-21T11:00:00+05:00", "2h"),
        "2026-11-23T11:00:00+05:00"
    );
    // A time given in UTC is read in office time.
    assert_eq!(
        due_at("2026-11-23T05:00:00Z", "15min"),
        "2026-11-23T10:15:00+05:00"
    );
}

#[test]
fn working_days_end_at_closing_of_the_nth_working_day_after_the_start_day() {
    assert_eq!(
        due_at("2026-11-23T10:00:00+05:00", "1wd"),
        "2026-11-24T18:30:00+05:00"
    );
    assert_eq!(
        due_at("2026-11-20T17:00:00+05:00", "1wd"),
        "2026-11-23T18:30:00+05:00"
    );
    // Eve of Nauryz 2026: 21–22 weekend, 23–25 off; Thursday 26 March.
    assert_eq!(
        due_at("2026-03-20T17:00:00+05:00", "1wd"),
        "2026-03-26T18:30:00+05:00"
    );
    // Across Kurban Ait (Wednesday 27 May 2026).
    assert_eq!(
        due_at("2026-05-26T10:00:00+05:00", "1wd"),
        "2026-05-28T18:30:00+05:00"
    );
    // Sunday 5 January 2025 was a working day.
    assert_eq!(
        due_at("2025-01-04T10:00:00+05:00", "1wd"),
        "2025-01-05T18:30:00+05:00"
    );
    // 000 issue, executor: 7 working days from Monday 23 Nov 2026 → Wednesday 2 Dec.
    assert_eq!(
        due_at("2026-11-23T12:15:00+05:00", "7wd"),
        "2026-12-02T18:30:00+05:00"
    );
}

#[test]
fn the_same_day_and_its_minute_cap() {
    assert_eq!(
        due_at("2026-11-23T10:00:00+05:00", "same-day"),
        "2026-11-23T18:30:00+05:00"
    );
    assert_eq!(
        due_at("2026-11-23T18:40:00+05:00", "same-day"),
        "2026-11-24T18:30:00+05:00"
    );
    assert_eq!(
        due_at("2026-11-23T10:00:00+05:00", "same-day-max-30min"),
        "2026-11-23T10:30:00+05:00"
    );
    assert_eq!(
        due_at("2026-11-23T18:20:00+05:00", "same-day-max-30min"),
        "2026-11-23T18:30:00+05:00"
    );
}

#[test]
fn a_pause_adds_its_working_time() {
    let cal = real_calendar();
    let start = at("2026-11-23T10:00:00+05:00");
    let pause = finished("2026-11-23T10:05:00+05:00", "2026-11-23T11:05:00+05:00");
    assert_eq!(
        due_with_pauses(start, "15min".parse().unwrap(), &cal, &[pause])
            .unwrap()
            .to_rfc3339(),
        "2026-11-23T11:15:00+05:00"
    );
    // A pause over a weekend only counts its working hours.
    let weekend = finished("2026-11-20T18:00:00+05:00", "2026-11-23T09:30:00+05:00");
    let start = at("2026-11-20T17:00:00+05:00");
    assert_eq!(
        due_with_pauses(start, "2h".parse().unwrap(), &cal, &[weekend])
            .unwrap()
            .to_rfc3339(),
        // 2 h from Friday 17:00 is Monday 09:30; the pause holds 60 working minutes
        // (Friday 18:00–18:30 and Monday 09:00–09:30).
        "2026-11-23T10:30:00+05:00"
    );
}

#[test]
fn urgency_follows_the_office_threshold() {
    let cal = real_calendar();
    let start = at("2026-11-23T09:00:00+05:00");
    let due = due(start, "7wd".parse().unwrap(), &cal);
    assert_eq!(
        step_state(at("2026-11-24T10:00:00+05:00"), start, due, &cal),
        StepState::OnTime
    );
    assert_eq!(
        step_state(at("2026-12-02T10:00:00+05:00"), start, due, &cal),
        StepState::DueSoon
    );
    assert_eq!(
        step_state(at("2026-12-02T18:31:00+05:00"), start, due, &cal),
        StepState::Overdue
    );
    assert_eq!(
        cal.working_minutes_between(
            at("2026-11-23T18:00:00+05:00"),
            at("2026-11-24T10:00:00+05:00")
        ),
        90
    );
    assert_eq!(
        cal.working_minutes_between(
            at("2026-11-24T10:00:00+05:00"),
            at("2026-11-23T18:00:00+05:00")
        ),
        -90
    );
}

#[test]
fn seconds_of_the_start_are_kept_across_lunch_and_nights() {
    // 10:00:30 + 3 h: 179.5 min before lunch, the last half minute after it.
    assert_eq!(
        due_at("2026-11-23T10:00:30+05:00", "3h"),
        "2026-11-23T14:30:30+05:00"
    );
    // 18:29:45 + 1 min: 15 s today, 45 s after Tuesday's opening.
    assert_eq!(
        due_at("2026-11-23T18:29:45+05:00", "1min"),
        "2026-11-24T09:00:45+05:00"
    );
}

#[test]
fn a_minute_limit_ending_at_closing_is_due_at_closing() {
    assert_eq!(
        due_at("2026-11-23T18:00:00+05:00", "30min"),
        "2026-11-23T18:30:00+05:00"
    );
    // A full working day of minutes from the opening ends at that day's closing.
    assert_eq!(
        due_at("2026-11-23T09:00:00+05:00", "8h"),
        "2026-11-23T18:30:00+05:00"
    );
}

#[test]
fn a_start_on_the_transferred_working_sunday_counts_that_sunday() {
    // Sunday 5 January 2025 was worked: 90 minutes count on it, 30 on Monday.
    assert_eq!(
        due_at("2025-01-05T17:00:00+05:00", "2h"),
        "2025-01-06T09:30:00+05:00"
    );
    assert_eq!(
        due_at("2025-01-05T10:00:00+05:00", "same-day"),
        "2025-01-05T18:30:00+05:00"
    );
    // Its working day does not count itself; Monday 6 January is the first.
    assert_eq!(
        due_at("2025-01-05T10:00:00+05:00", "1wd"),
        "2025-01-06T18:30:00+05:00"
    );
    // From Friday 3 January (a transferred day off): Saturday off, Sunday worked.
    assert_eq!(
        due_at("2025-01-03T11:00:00+05:00", "1wd"),
        "2025-01-05T18:30:00+05:00"
    );
}

#[test]
fn working_days_from_a_day_off_count_from_the_next_day() {
    // Saturday 21 Nov 2026: Sunday is the term's first day and is off; Monday ends it.
    assert_eq!(
        due_at("2026-11-21T11:00:00+05:00", "1wd"),
        "2026-11-23T18:30:00+05:00"
    );
    // Late in the evening: the start day still does not count.
    assert_eq!(
        due_at("2026-11-23T22:00:00+05:00", "2wd"),
        "2026-11-25T18:30:00+05:00"
    );
    // Eve of Nauryz 2025 (Thu 20 Mar): 21 off, 22–23 weekend, 24–25 shifted; Wed 26.
    assert_eq!(
        due_at("2025-03-20T18:25:00+05:00", "1wd"),
        "2025-03-26T18:30:00+05:00"
    );
    assert_eq!(
        due_at("2025-03-20T18:25:00+05:00", "15min"),
        "2025-03-26T09:10:00+05:00"
    );
}

#[test]
fn the_same_day_on_a_day_off_or_after_closing_is_the_next_working_day() {
    assert_eq!(
        due_at("2026-05-27T10:00:00+05:00", "same-day"),
        "2026-05-28T18:30:00+05:00",
        "Kurban Ait 2026"
    );
    assert_eq!(
        due_at("2026-11-23T18:30:00+05:00", "same-day"),
        "2026-11-24T18:30:00+05:00",
        "closing time itself is outside office hours"
    );
    assert_eq!(
        due_at("2026-11-23T07:00:00+05:00", "same-day-max-30min"),
        "2026-11-23T09:30:00+05:00"
    );
    assert_eq!(
        due_at("2026-11-23T13:10:00+05:00", "same-day-max-30min"),
        "2026-11-23T15:00:00+05:00"
    );
}

#[test]
fn overlapping_pauses_hold_their_time_once_and_a_running_pause_has_no_due_time() {
    let cal = real_calendar();
    let start = at("2026-11-23T10:00:00+05:00");
    let limit: Limit = "15min".parse().unwrap();
    let overlapping = [
        finished("2026-11-23T10:05:00+05:00", "2026-11-23T11:05:00+05:00"),
        finished("2026-11-23T10:35:00+05:00", "2026-11-23T11:35:00+05:00"),
    ];
    assert_eq!(
        due_with_pauses(start, limit, &cal, &overlapping)
            .unwrap()
            .to_rfc3339(),
        "2026-11-23T11:45:00+05:00"
    );
    let running = Pause {
        from: at("2026-11-23T10:05:00+05:00"),
        until: None,
    };
    assert_eq!(due_with_pauses(start, limit, &cal, &[running]), None);
    // A pause begun after the due time does not rescue a late step.
    let late = finished("2026-11-23T10:20:00+05:00", "2026-11-23T12:00:00+05:00");
    assert_eq!(
        due_with_pauses(start, limit, &cal, &[late]).unwrap(),
        due(start, limit, &cal)
    );
    let late_running = Pause {
        from: at("2026-11-23T10:20:00+05:00"),
        until: None,
    };
    assert_eq!(
        due_with_pauses(start, limit, &cal, &[late_running]),
        Some(due(start, limit, &cal))
    );
}

#[test]
fn opening_and_closing_of_a_day() {
    let cal = real_calendar();
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    assert_eq!(
        cal.opening(monday).unwrap().to_rfc3339(),
        "2026-11-23T09:00:00+05:00"
    );
    assert_eq!(
        cal.closing(monday).unwrap().to_rfc3339(),
        "2026-11-23T18:30:00+05:00"
    );
    let kurban = chrono::NaiveDate::from_ymd_opt(2026, 5, 27).unwrap();
    assert_eq!(cal.opening(kurban), None);
    assert_eq!(cal.closing(kurban), None);
}

#[test]
fn due_soon_starts_at_the_threshold() {
    let cal = real_calendar();
    // 2 h step: 25% is 30 min. Due 12:00.
    let start = at("2026-11-23T10:00:00+05:00");
    let due = due(start, "2h".parse().unwrap(), &cal);
    let state = |now: &str| step_state(at(now), start, due, &cal);
    assert_eq!(state("2026-11-23T11:29:00+05:00"), StepState::OnTime);
    assert_eq!(state("2026-11-23T11:30:00+05:00"), StepState::DueSoon);
    assert_eq!(state("2026-11-23T12:00:00+05:00"), StepState::DueSoon);
    assert_eq!(state("2026-11-23T12:00:01+05:00"), StepState::Overdue);
    assert_eq!(
        remaining_working_minutes(at("2026-11-23T11:30:00+05:00"), due, &cal),
        30
    );
    assert_eq!(
        remaining_working_minutes(at("2026-11-23T15:00:00+05:00"), due, &cal),
        -90,
        "one hour before lunch and half an hour after it"
    );
}

fn limits() -> impl Strategy<Value = Limit> {
    prop_oneof![
        (1u32..600).prop_map(Limit::Minutes),
        (1u32..40).prop_map(Limit::Hours),
        (1u32..20).prop_map(Limit::WorkingDays),
        Just(Limit::SameDay),
        (1u32..120).prop_map(Limit::SameDayMaxMinutes),
    ]
}

fn starts() -> impl Strategy<Value = Time> {
    // Any minute of 2025–2027.
    (0i64..3 * 365 * 24 * 60).prop_map(|m| at("2025-01-01T00:00:00+05:00") + Duration::minutes(m))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn due_is_never_before_the_start(start in starts(), limit in limits()) {
        let cal = real_calendar();
        prop_assert!(due(start, limit, &cal) >= start);
    }

    #[test]
    fn due_never_decreases_as_the_start_increases(start in starts(), step in 1i64..5000, limit in limits()) {
        let cal = real_calendar();
        prop_assert!(due(start, limit, &cal) <= due(start + Duration::minutes(step), limit, &cal));
    }

    #[test]
    fn n_plus_one_working_days_are_due_later(start in starts(), n in 1u32..30) {
        let cal = real_calendar();
        prop_assert!(due(start, Limit::WorkingDays(n), &cal) < due(start, Limit::WorkingDays(n + 1), &cal));
    }

    #[test]
    fn adding_a_day_off_never_makes_a_due_time_earlier(start in starts(), limit in limits(), extra in 0i64..60) {
        let cal = real_calendar();
        let candidate = (start + Duration::days(extra)).date_naive();
        let year = cal.year_files().get(&candidate.year()).cloned();
        prop_assume!(year.is_some() && cal.is_working_day(candidate) && !matches!(candidate.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun));
        let edited = year.unwrap().with_day_off(candidate, None).unwrap();
        let mut files = cal.year_files().clone();
        files.insert(edited.year, edited);
        let more = WorkingCalendar::build(cal.rules().to_vec(), files, cal.hours);
        prop_assert!(due(start, limit, &more) >= due(start, limit, &cal));
    }
}
