//! Dates in regulation files: `2015-09-03`, quoted or as a bare TOML date.

/// Serde helpers for `chrono::NaiveDate` fields: written as `YYYY-MM-DD`.
pub mod date_serde {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&date.format("%Y-%m-%d"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        // Office admins write dates either way; both mean the same day.
        let text = match toml::Value::deserialize(d)? {
            toml::Value::String(s) => s,
            toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.to_string(),
            other => {
                return Err(serde::de::Error::custom(format!(
                    "expected a date like 2015-09-03, found {}",
                    other.type_str()
                )))
            }
        };
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
            serde::de::Error::custom(format!("`{text}` is not a date like 2015-09-03"))
        })
    }
}
