//! "About": the program's version, the journal's schema version, the regulation
//! versions loaded and the data folder — one answer for the window's About panel
//! and for `kense-cli --version`.

use std::path::Path;

use kense_domain::regulation::Catalog;
use kense_domain::types::{Language, Text};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{bundled, Office};

/// What the program is and what it has open.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct About {
    /// The program's version (the package's).
    pub version: String,
    /// The journal schema this program writes (newer files are refused).
    pub schema_known: i64,
    /// The schema of the journal file in the data folder; `None` when there is
    /// no journal there (or it cannot be read as one).
    pub journal_schema: Option<i64>,
    /// The data folder (the journal, logs and, by default, backups).
    pub data_dir: String,
    /// Every version of every regulation loaded, by service.
    pub regulations: Vec<RegulationVersions>,
}

/// One service's regulation versions, oldest first.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegulationVersions {
    pub service: String,
    pub name: Text,
    pub versions: Vec<RegulationVersion>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegulationVersion {
    pub version: u32,
    /// The day it took effect, YYYY-MM-DD.
    pub effective_from: String,
}

fn regulations(catalog: &Catalog) -> Vec<RegulationVersions> {
    catalog
        .services()
        .into_iter()
        .map(|service| RegulationVersions {
            service: service.id.clone(),
            name: service.name.clone(),
            versions: catalog
                .versions(&service.id)
                .into_iter()
                .map(|v| RegulationVersion {
                    version: v.version,
                    effective_from: v.effective_from.to_string(),
                })
                .collect(),
        })
        .collect()
}

/// The schema of the journal in `data_dir`, read without opening it for writing.
fn file_schema(data_dir: &Path) -> Option<i64> {
    let path = data_dir.join(kense_store::JOURNAL_FILE);
    if !path.is_file() {
        return None;
    }
    kense_store::file_check::inspect(&path, false)
        .ok()
        .map(|i| i.schema_version)
}

/// About an open office (the window): its journal's schema and its catalogue,
/// including the regulation versions an administrator added.
pub fn about_office(office: &Office, data_dir: &Path) -> About {
    About {
        version: env!("CARGO_PKG_VERSION").to_string(),
        schema_known: kense_store::migrations::SCHEMA_VERSION,
        journal_schema: office
            .store()
            .schema_version()
            .ok()
            .or_else(|| file_schema(data_dir)),
        data_dir: data_dir.display().to_string(),
        regulations: regulations(office.catalog()),
    }
}

/// About the data folder without changing anything in it (the CLI's `--version`):
/// a journal already at this program's schema is opened to list its regulations;
/// an older, newer or missing one is not (opening would migrate or refuse it),
/// and the regulations listed are the bundled ones.
pub fn about_folder(data_dir: &Path) -> About {
    let journal_schema = file_schema(data_dir);
    if journal_schema == Some(kense_store::migrations::SCHEMA_VERSION) {
        if let Ok(office) = Office::open(data_dir) {
            return about_office(&office, data_dir);
        }
    }
    About {
        version: env!("CARGO_PKG_VERSION").to_string(),
        schema_known: kense_store::migrations::SCHEMA_VERSION,
        journal_schema,
        data_dir: data_dir.display().to_string(),
        regulations: regulations(&Catalog::load(bundled::regulation_sources())),
    }
}

fn both(key: &str) -> String {
    let kk = rust_i18n::t!(key, locale = Language::Kk.code());
    let ru = rust_i18n::t!(key, locale = Language::Ru.code());
    format!("{kk} / {ru}")
}

impl About {
    /// The plain text `kense-cli --version` prints: labels in Kazakh and Russian.
    pub fn to_text(&self, program: &str) -> String {
        let mut lines = vec![
            format!("{program} {}", self.version),
            format!("{}: {}", both("about.version"), self.version),
            format!(
                "{}: {}",
                both("about.journal_schema"),
                self.journal_schema
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| both("about.no_journal"))
            ),
            format!("{}: {}", both("about.schema_known"), self.schema_known),
            format!("{}: {}", both("about.data_dir"), self.data_dir),
            format!("{}:", both("about.regulations")),
        ];
        for service in &self.regulations {
            let versions: Vec<String> = service
                .versions
                .iter()
                .map(|v| format!("v{} ({})", v.version, v.effective_from))
                .collect();
            lines.push(format!("  {}: {}", service.service, versions.join(", ")));
        }
        lines.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_folder_reports_no_journal_and_the_bundled_regulations() {
        let dir = tempfile::tempdir().unwrap();
        let about = about_folder(dir.path());
        assert_eq!(about.journal_schema, None);
        assert!(!about.regulations.is_empty());
        assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
        let text = about.to_text("kense-cli");
        assert!(text.starts_with(&format!("kense-cli {}", env!("CARGO_PKG_VERSION"))));
        assert!(text.contains(&about.data_dir));
    }

    #[test]
    fn an_open_journal_reports_its_schema() {
        let dir = tempfile::tempdir().unwrap();
        let office = Office::create(dir.path()).unwrap();
        let about = about_office(&office, dir.path());
        assert_eq!(
            about.journal_schema,
            Some(kense_store::migrations::SCHEMA_VERSION)
        );
        drop(office);
        let again = about_folder(dir.path());
        assert_eq!(again.journal_schema, about.journal_schema);
        assert_eq!(again.regulations.len(), about.regulations.len());
    }
}
