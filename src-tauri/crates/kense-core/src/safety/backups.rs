//! Backups: at the first start of each working day and before every migration,
//! into a folder the administrator chooses (default `backups/` in the data
//! folder), kept 14 daily + 12 monthly. Each is written under a temporary name,
//! checked (integrity and hash chain) and only then renamed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use kense_domain::{DomainError, ErrorCode};
use kense_store::maintenance::{self, BackupCheck};
use kense_store::{settings, Connection, StoreError};

use crate::authorize::{authorize, What};
use crate::{CoreError, Office, Session};

/// The office setting holding the backup folder (absolute path).
pub const BACKUP_FOLDER: &str = "backup_folder";
/// The same folder, also kept as a plain file in the data folder, so a journal
/// that cannot be opened can still point at its backups.
pub const BACKUP_FOLDER_FILE: &str = "backup-folder.txt";
pub const DEFAULT_FOLDER: &str = "backups";
pub const KEEP_DAILY: usize = 14;
pub const KEEP_MONTHLY: usize = 12;

pub use kense_store::maintenance::Progress;

fn folder_from(data_dir: &Path, setting: Option<String>) -> PathBuf {
    setting
        .filter(|s| !s.trim().is_empty())
        .map(|s| PathBuf::from(s.trim()))
        .unwrap_or_else(|| data_dir.join(DEFAULT_FOLDER))
}

/// The backup folder when the journal cannot be read: the plain file, else the default.
pub fn folder_for_data_dir(data_dir: &Path) -> PathBuf {
    folder_from(
        data_dir,
        std::fs::read_to_string(data_dir.join(BACKUP_FOLDER_FILE)).ok(),
    )
}

/// The newest backup (by name) for a data folder, whatever state its journal is in.
pub fn latest_for_data_dir(data_dir: &Path) -> Option<PathBuf> {
    latest_in(&folder_for_data_dir(data_dir))
}

/// A backup's date, read from its name `journal-YYYY-MM-DD….sqlite`.
pub fn date_of(name: &str) -> Option<NaiveDate> {
    let rest = name.strip_prefix("journal-")?;
    if !name.ends_with(".sqlite") {
        return None;
    }
    NaiveDate::parse_from_str(rest.get(..10)?, "%Y-%m-%d").ok()
}

fn backups_in(folder: &Path) -> Vec<(NaiveDate, PathBuf)> {
    let mut found: Vec<(NaiveDate, PathBuf)> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    date_of(&name).map(|d| (d, e.path()))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

pub fn latest_in(folder: &Path) -> Option<PathBuf> {
    backups_in(folder).pop().map(|(_, p)| p)
}

/// Which dated backups the retention keeps: the newest of each of the last 14
/// days that have one, and the first of each of the last 12 months that have one.
pub fn retained(dates: &[NaiveDate]) -> BTreeSet<NaiveDate> {
    let days: BTreeSet<NaiveDate> = dates.iter().copied().collect();
    let mut keep: BTreeSet<NaiveDate> = days.iter().rev().take(KEEP_DAILY).copied().collect();
    let mut months = BTreeSet::new();
    for day in &days {
        months.insert((chrono::Datelike::year(day), chrono::Datelike::month(day)));
    }
    for (y, m) in months.iter().rev().take(KEEP_MONTHLY) {
        if let Some(first) = days
            .iter()
            .find(|d| chrono::Datelike::year(*d) == *y && chrono::Datelike::month(*d) == *m)
        {
            keep.insert(*first);
        }
    }
    keep
}

/// Removes dated backups outside the retention; returns how many were removed.
pub fn prune(folder: &Path) -> usize {
    let found = backups_in(folder);
    let dates: Vec<NaiveDate> = found.iter().map(|(d, _)| *d).collect();
    let keep = retained(&dates);
    let mut removed = 0;
    for (date, path) in found {
        if !keep.contains(&date) && std::fs::remove_file(&path).is_ok() {
            tracing::info!(backup = %path.display(), "old backup removed by retention");
            removed += 1;
        }
    }
    removed
}

fn make_folder(folder: &Path) -> Result<(), CoreError> {
    std::fs::create_dir_all(folder).map_err(|source| {
        CoreError::from(StoreError::Io {
            path: folder.display().to_string(),
            source,
        })
    })
}

/// The store's hook: a backup of the journal as it is, before it is migrated.
pub fn before_migration(data_dir: &Path, conn: &Connection) -> Result<(), StoreError> {
    let folder = folder_from(data_dir, settings::get(conn, BACKUP_FOLDER)?);
    std::fs::create_dir_all(&folder).map_err(|source| StoreError::Io {
        path: folder.display().to_string(),
        source,
    })?;
    let version = kense_store::migrations::schema_version(conn)?;
    let stamp = chrono::Local::now().format("%Y-%m-%dT%H%M%S");
    let out = folder.join(format!(
        "journal-{stamp}-before-migration-v{version}.sqlite"
    ));
    let check = maintenance::backup_to(conn, &out, None)?;
    tracing::info!(backup = %out.display(), schema = check.schema_version, "backup before migration");
    Ok(())
}

impl Office {
    pub(crate) fn backup_folder(&self) -> Result<PathBuf, CoreError> {
        let data_dir = self.data_dir().unwrap_or(Path::new("."));
        Ok(folder_from(
            data_dir,
            settings::get(self.store().conn(), BACKUP_FOLDER)?,
        ))
    }

    /// Sets the backup folder (administrators): it must exist or be creatable and writable.
    pub fn set_backup_folder(
        &mut self,
        session: &Session,
        folder: &str,
    ) -> Result<PathBuf, CoreError> {
        authorize(session, What::AdminEdit)?;
        let path = PathBuf::from(folder.trim());
        if folder.trim().is_empty() || !path.is_absolute() {
            return Err(DomainError::at(
                ErrorCode::InvalidInput,
                "backup_folder",
                "the backup folder must be an absolute path",
            )
            .into());
        }
        make_folder(&path)?;
        let probe = path.join(".kense-write-test");
        std::fs::write(&probe, b"ok").map_err(|source| {
            CoreError::from(StoreError::Io {
                path: path.display().to_string(),
                source,
            })
        })?;
        let _ = std::fs::remove_file(&probe);
        settings::set(
            self.store_mut().conn_mut(),
            BACKUP_FOLDER,
            &path.display().to_string(),
        )?;
        if let Some(dir) = self.data_dir() {
            let _ = std::fs::write(dir.join(BACKUP_FOLDER_FILE), path.display().to_string());
        }
        tracing::info!(folder = %path.display(), "backup folder set");
        Ok(path)
    }

    /// A checked copy of the journal at `out` (never overwrites, never leaves a partial file).
    /// (Administrators: a backup holds the whole journal.)
    pub fn backup_to(&self, session: &Session, out: &Path) -> Result<BackupCheck, CoreError> {
        authorize(session, What::BackupRestore)?;
        self.backup_with_progress(out, None)
    }

    pub(crate) fn backup_with_progress(
        &self,
        out: &Path,
        progress: Option<Progress>,
    ) -> Result<BackupCheck, CoreError> {
        let result = maintenance::backup_to(self.store().conn(), out, progress);
        match &result {
            Ok(check) => {
                tracing::info!(backup = %out.display(), cases = check.cases, "backup written")
            }
            Err(e) => tracing::error!(backup = %out.display(), error = %e.chain(), "backup failed"),
        }
        Ok(result?)
    }

    /// "Back up now" (administrators): a dated file in the backup folder, then retention.
    pub fn backup_now(
        &self,
        session: &Session,
        now: DateTime<FixedOffset>,
        progress: Option<Progress>,
    ) -> Result<PathBuf, CoreError> {
        authorize(session, What::BackupRestore)?;
        let folder = self.backup_folder()?;
        make_folder(&folder)?;
        let out = folder.join(format!("journal-{}.sqlite", now.format("%Y-%m-%dT%H%M%S")));
        self.backup_with_progress(&out, progress)?;
        prune(&folder);
        Ok(out)
    }

    /// The first start of a working day: one backup per day (skipped for an empty
    /// or read-only journal, and when today's exists), then retention.
    pub fn daily_backup(&self, now: DateTime<FixedOffset>) -> Result<Option<PathBuf>, CoreError> {
        if self.store().is_read_only()
            || self.data_dir().is_none()
            || (self.case_count()? == 0 && kense_store::users::count(self.store().conn())? == 0)
        {
            return Ok(None);
        }
        let folder = self.backup_folder()?;
        let today = now.date_naive();
        if backups_in(&folder).iter().any(|(d, _)| *d == today) {
            return Ok(None);
        }
        make_folder(&folder)?;
        let out = folder.join(format!("journal-{}.sqlite", today.format("%Y-%m-%d")));
        self.backup_with_progress(&out, None)?;
        prune(&folder);
        Ok(Some(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn names_carry_their_date() {
        assert_eq!(date_of("journal-2026-11-23.sqlite"), Some(d("2026-11-23")));
        assert_eq!(
            date_of("journal-2026-11-23T101500.sqlite"),
            Some(d("2026-11-23"))
        );
        assert_eq!(date_of(".journal-2026-11-23.sqlite.partial"), None);
        assert_eq!(date_of("journal.sqlite"), None);
    }

    #[test]
    fn retention_keeps_14_days_and_the_first_of_12_months() {
        let start = d("2025-01-01");
        let dates: Vec<NaiveDate> = (0..500)
            .map(|i| start + chrono::Duration::days(i))
            .collect();
        let keep = retained(&dates);
        let last = *dates.last().unwrap();
        for i in 0..14 {
            assert!(keep.contains(&(last - chrono::Duration::days(i))));
        }
        let firsts: Vec<_> = keep
            .iter()
            .filter(|x| chrono::Datelike::day(*x) == 1)
            .collect();
        assert_eq!(firsts.len(), 12, "{firsts:?}");
        assert_eq!(keep.len(), 14 + 12, "{keep:?}");
        assert!(!keep.contains(&d("2025-02-01")), "older than 12 months");
    }
}
