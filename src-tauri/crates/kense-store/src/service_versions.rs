//! Queries on `service_versions`: regulation versions made in the app.
//! Rows are only ever added (the schema refuses updates and deletes).

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use rusqlite::{params, Connection, OptionalExtension};

use crate::StoreError;

/// One stored version: the service file's full text, and who made it when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredVersion {
    pub service: String,
    pub version: u32,
    pub effective_from: NaiveDate,
    pub toml: String,
    pub created_by: String,
    pub created_at: DateTime<FixedOffset>,
}

impl StoredVersion {
    /// The name the catalogue reports this version under, e.g. `db:small-vessel-certificate@2`.
    pub fn source_name(&self) -> String {
        format!("db:{}@{}", self.service, self.version)
    }
}

/// Adds a version in its own transaction. A version that exists already is
/// refused by the schema (`UNIQUE (service, version)`).
pub fn insert(conn: &mut Connection, v: &StoredVersion) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO service_versions
            (service, version, effective_from, toml, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            v.service,
            v.version,
            v.effective_from.format("%Y-%m-%d").to_string(),
            v.toml,
            v.created_by,
            v.created_at.to_rfc3339_opts(SecondsFormat::Secs, false),
        ],
    )?;
    tx.commit()?;
    Ok(())
}

/// Every stored version, by service and version.
pub fn list(conn: &Connection) -> Result<Vec<StoredVersion>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT service, version, effective_from, toml, created_by, created_at
         FROM service_versions ORDER BY service, version",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (service, version, from, toml, created_by, at) = row?;
        out.push(StoredVersion {
            effective_from: NaiveDate::parse_from_str(&from, "%Y-%m-%d")
                .map_err(|_| corrupt("effective_from", &from))?,
            created_at: DateTime::parse_from_rfc3339(&at)
                .map_err(|_| corrupt("created_at", &at))?,
            service,
            version,
            toml,
            created_by,
        });
    }
    Ok(out)
}

/// The highest stored version of a service.
pub fn latest_version(conn: &Connection, service: &str) -> Result<Option<u32>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT MAX(version) FROM service_versions WHERE service = ?1",
            [service],
            |r| r.get::<_, Option<u32>>(0),
        )
        .optional()?
        .flatten())
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("bad {what} `{value}` in service_versions"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn version(n: u32) -> StoredVersion {
        StoredVersion {
            service: "small-vessel-certificate".into(),
            version: n,
            effective_from: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            toml: format!("version = {n}"),
            created_by: "admin1".into(),
            created_at: DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap(),
        }
    }

    #[test]
    fn stores_lists_and_refuses_a_repeated_version() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(
            latest_version(store.conn(), "small-vessel-certificate").unwrap(),
            None
        );
        insert(store.conn_mut(), &version(3)).unwrap();
        insert(store.conn_mut(), &version(2)).unwrap();
        let listed = list(store.conn()).unwrap();
        assert_eq!(listed, vec![version(2), version(3)]);
        assert_eq!(listed[0].source_name(), "db:small-vessel-certificate@2");
        assert_eq!(
            latest_version(store.conn(), "small-vessel-certificate").unwrap(),
            Some(3)
        );
        assert!(insert(store.conn_mut(), &version(2)).is_err());
        assert_eq!(list(store.conn()).unwrap().len(), 2);
    }

    #[test]
    fn versions_cannot_be_changed_or_removed() {
        let mut store = Store::open_in_memory().unwrap();
        insert(store.conn_mut(), &version(2)).unwrap();
        let conn = store.conn();
        assert!(conn
            .execute("UPDATE service_versions SET toml = 'x'", [])
            .is_err());
        assert!(conn.execute("DELETE FROM service_versions", []).is_err());
        assert_eq!(list(conn).unwrap(), vec![version(2)]);
    }
}
