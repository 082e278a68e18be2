//! What the office runs on: the bundled regulation and calendar files, with the
//! administrator's versions and edits from the journal laid over them.

use std::collections::BTreeMap;

use kense_domain::calendar::WorkingCalendar;
use kense_domain::regulation::{Catalog, RegulationError, RejectedFile};
use kense_store::{calendar_files, service_versions, Store};

use crate::{bundled, CoreError};

/// The bundled files plus every stored version newer than the bundled ones.
/// A stored version that is not newer (the program now ships that version
/// itself) is reported as rejected, never mixed in.
pub fn catalog(store: &Store) -> Result<Catalog, CoreError> {
    let bundled_sources = bundled::regulation_sources();
    let shipped = Catalog::load(bundled_sources.clone());
    let mut sources = bundled_sources;
    let mut refused = Vec::new();
    for v in service_versions::list(store.conn())? {
        let name = v.source_name();
        match shipped.latest(&v.service) {
            Some(def) if def.version >= v.version => {
                let message = format!(
                    "version {} made in the office is not newer than bundled version {}",
                    v.version, def.version
                );
                refused.push(RejectedFile {
                    error: RegulationError::new(&name, None, Some("version".into()), message),
                    file: name,
                });
            }
            _ => sources.push((name, v.toml)),
        }
    }
    Ok(Catalog::load(sources).with_rejected(refused))
}

/// The calendar files: the bundled ones, each replaced by its edited text if any.
pub fn calendar_sources(store: &Store) -> Result<BTreeMap<String, String>, CoreError> {
    let mut files: BTreeMap<String, String> = bundled::CALENDAR
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    files.extend(calendar_files::current(store.conn())?);
    Ok(files)
}

/// Builds the working calendar from `(file name, text)` pairs.
pub fn build_calendar(files: &BTreeMap<String, String>) -> Result<WorkingCalendar, CoreError> {
    let get = |name: &str| files.get(name).map(String::as_str).unwrap_or_default();
    let years: Vec<(String, String)> = files
        .iter()
        .filter(|(name, _)| year_of(name).is_some())
        .map(|(n, t)| (n.clone(), t.clone()))
        .collect();
    WorkingCalendar::from_sources(get("holidays.toml"), &years, get("office.toml"))
        .map_err(|e| CoreError::from(e.to_domain_error()))
}

/// `2026` for `2026.toml`.
pub fn year_of(file: &str) -> Option<i32> {
    file.strip_suffix(".toml")?.parse().ok()
}
