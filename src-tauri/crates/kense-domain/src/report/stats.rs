//! Order statistics of working minutes.

/// The `p`-th percentile (0 < p ≤ 100) of sorted values by the nearest-rank
/// method: the smallest value with at least p % of the values at or below it.
/// The median is `percentile(50)`, the lower middle of an even count.
pub fn percentile(sorted: &[i64], p: u32) -> i64 {
    if sorted.is_empty() {
        return 0;
    }
    let n = sorted.len();
    let rank = (n * p.clamp(1, 100) as usize).div_ceil(100);
    sorted[rank.clamp(1, n) - 1]
}

/// Working minutes of a set of steps, with their limits and late count.
#[derive(Debug, Clone, Default)]
pub struct Durations {
    pub worked: Vec<i64>,
    pub limits: Vec<i64>,
    pub late: u32,
}

impl Durations {
    pub fn add(&mut self, worked: i64, limit: Option<i64>, late: bool) {
        self.worked.push(worked);
        if let Some(l) = limit {
            self.limits.push(l);
        }
        if late {
            self.late += 1;
        }
    }

    /// (count, median, p90, max, median limit)
    pub fn summary(&mut self) -> (u32, i64, i64, i64, i64) {
        self.worked.sort_unstable();
        self.limits.sort_unstable();
        (
            self.worked.len() as u32,
            percentile(&self.worked, 50),
            percentile(&self.worked, 90),
            self.worked.last().copied().unwrap_or(0),
            percentile(&self.limits, 50),
        )
    }
}
