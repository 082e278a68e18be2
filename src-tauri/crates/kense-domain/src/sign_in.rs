//! When a login may try a PIN: five wrong PINs in a row lock the login for
//! fifteen minutes. The time is passed in; the attempts come from the journal.

use chrono::{DateTime, Duration, FixedOffset};

/// Wrong PINs in a row that lock a login.
pub const WRONG_IN_A_ROW: u32 = 5;
/// How long a lock lasts.
pub const LOCK_MINUTES: i64 = 15;

/// Whether a login may try now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// It may; `wrong` wrong PINs count against it so far.
    Open { wrong: u32 },
    /// Locked until this time.
    Locked { until: DateTime<FixedOffset> },
}

impl Gate {
    /// Tries left before a lock (after the attempt being made fails).
    pub fn left_after_wrong(self) -> u32 {
        match self {
            Gate::Open { wrong } => WRONG_IN_A_ROW.saturating_sub(wrong + 1),
            Gate::Locked { .. } => 0,
        }
    }
}

/// The gate at `now`, given the times of the wrong attempts since the last
/// successful sign-in, oldest first. A lock that has run out starts the count
/// again from zero; attempts refused while locked are not in the list.
pub fn gate(wrong_oldest_first: &[DateTime<FixedOffset>], now: DateTime<FixedOffset>) -> Gate {
    let mut count = 0;
    let mut until: Option<DateTime<FixedOffset>> = None;
    for &at in wrong_oldest_first {
        if until.is_some_and(|u| at >= u) {
            count = 0;
            until = None;
        }
        count += 1;
        if count >= WRONG_IN_A_ROW && until.is_none() {
            until = Some(at + Duration::minutes(LOCK_MINUTES));
        }
    }
    match until {
        Some(u) if now < u => Gate::Locked { until: u },
        Some(_) => Gate::Open { wrong: 0 },
        None => Gate::Open { wrong: count },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(min: i64) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-03-02T09:00:00+05:00").unwrap() + Duration::minutes(min)
    }

    #[test]
    fn four_wrong_leave_one_try_and_five_lock_for_fifteen_minutes() {
        let four: Vec<_> = (0..4).map(t).collect();
        assert_eq!(gate(&four, t(5)), Gate::Open { wrong: 4 });
        assert_eq!(gate(&four, t(5)).left_after_wrong(), 0);
        assert_eq!(gate(&four[..1], t(5)).left_after_wrong(), 3);
        let five: Vec<_> = (0..5).map(t).collect();
        assert_eq!(gate(&five, t(5)), Gate::Locked { until: t(19) });
        assert_eq!(gate(&five, t(18)), Gate::Locked { until: t(19) });
        assert_eq!(gate(&five, t(19)), Gate::Open { wrong: 0 });
    }

    #[test]
    fn after_a_lock_runs_out_the_count_starts_again() {
        let mut wrong: Vec<_> = (0..5).map(t).collect();
        wrong.push(t(30));
        assert_eq!(gate(&wrong, t(31)), Gate::Open { wrong: 1 });
        wrong.extend((31..35).map(t));
        assert_eq!(gate(&wrong, t(35)), Gate::Locked { until: t(49) });
    }

    #[test]
    fn no_attempts_mean_open() {
        assert_eq!(gate(&[], t(0)), Gate::Open { wrong: 0 });
    }
}
