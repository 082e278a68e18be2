//! Due-time throughput on one thread: `cargo bench -p kense-domain --bench deadline`.
//! Plain std::time + black_box; prints computations per second against the target.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, Duration as Span, FixedOffset};
use kense_domain::calendar::WorkingCalendar;
use kense_domain::deadline::due;
use kense_domain::limit::Limit;

const TARGET_PER_SECOND: f64 = 1_000_000.0;

fn calendar() -> WorkingCalendar {
    let years = [
        (
            "2025.toml",
            include_str!("../../../../assets/calendar/2025.toml"),
        ),
        (
            "2026.toml",
            include_str!("../../../../assets/calendar/2026.toml"),
        ),
        (
            "2027.toml",
            include_str!("../../../../assets/calendar/2027.toml"),
        ),
    ]
    .map(|(n, t)| (n.to_string(), t.to_string()));
    WorkingCalendar::from_sources(
        include_str!("../../../../assets/calendar/holidays.toml"),
        &years,
        include_str!("../../../../assets/calendar/office.toml"),
    )
    .expect("the bundled calendar is valid")
}

/// The limits the seed regulations use, in a realistic mix.
fn limits() -> Vec<Limit> {
    [
        "15min",
        "20min",
        "30min",
        "1h",
        "2h",
        "3h",
        "4h",
        "1wd",
        "2wd",
        "5wd",
        "6wd",
        "7wd",
        "13wd",
        "same-day",
        "same-day-max-30min",
    ]
    .iter()
    .map(|t| t.parse().expect("valid limit"))
    .collect()
}

/// Starts spread over 2025–2027 at odd minutes (inside and outside office hours).
fn starts() -> Vec<DateTime<FixedOffset>> {
    let first = DateTime::parse_from_rfc3339("2025-01-01T00:00:00+05:00").expect("valid");
    (0..4096i64)
        .map(|i| first + Span::minutes((i * 7919 * 37) % (3 * 365 * 24 * 60)))
        .collect()
}

fn main() {
    let cal = calendar();
    let limits = limits();
    let starts = starts();
    let run = |rounds: usize| {
        let mut n = 0u64;
        for _ in 0..rounds {
            for (i, start) in starts.iter().enumerate() {
                let limit = limits[i % limits.len()];
                black_box(due(black_box(*start), black_box(limit), &cal));
                n += 1;
            }
        }
        n
    };
    run(20); // warm-up
    let began = Instant::now();
    let mut count = 0;
    while began.elapsed() < Duration::from_secs(3) {
        count += run(10);
    }
    let per_second = count as f64 / began.elapsed().as_secs_f64();
    println!(
        "deadline::due: {count} computations, {per_second:.0}/s on one thread ({:.2}× the {TARGET_PER_SECOND:.0}/s target: {})",
        per_second / TARGET_PER_SECOND,
        if per_second >= TARGET_PER_SECOND { "met" } else { "NOT met" }
    );
}
