//! All loaded regulations: every valid version of every service, and the files
//! that could not be used.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::case::ServiceTerms;

use super::error::{RegulationError, RejectedFile};
use super::model::ServiceDefinition;
use super::parse::parse_service;

/// The office's regulations. Built once from file texts; read-only afterwards.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// By service id; each list sorted by version, no version twice.
    services: BTreeMap<String, Vec<Loaded>>,
    rejected: Vec<RejectedFile>,
}

#[derive(Debug, Clone)]
struct Loaded {
    file: String,
    def: ServiceDefinition,
}

impl Catalog {
    /// Loads `(file name, text)` pairs. Files are taken in file-name order, so
    /// the result does not depend on the order they were listed in; a file that
    /// repeats an (id, version) already loaded, or whose version takes effect
    /// before an earlier version of the same service, is rejected. A bad file
    /// never stops the others.
    pub fn load(mut sources: Vec<(String, String)>) -> Catalog {
        sources.sort_by(|a, b| a.0.cmp(&b.0));
        let mut catalog = Catalog::default();
        for (file, text) in sources {
            match parse_service(&file, &text) {
                Ok(def) => catalog.add(file, def),
                Err(error) => catalog.rejected.push(RejectedFile { file, error }),
            }
        }
        catalog.reject_out_of_order_versions();
        catalog
    }

    fn add(&mut self, file: String, def: ServiceDefinition) {
        let versions = self.services.entry(def.id.clone()).or_default();
        if let Some(first) = versions.iter().find(|l| l.def.version == def.version) {
            let message = format!(
                "service `{}` version {} is already defined in `{}`",
                def.id, def.version, first.file
            );
            self.rejected.push(RejectedFile {
                error: RegulationError::new(&file, Some(1), Some("version".into()), message),
                file,
            });
            return;
        }
        let at = versions.partition_point(|l| l.def.version < def.version);
        versions.insert(at, Loaded { file, def });
    }

    /// A later version must not take effect before an earlier one, or "the
    /// version in force on a date" would be ambiguous.
    fn reject_out_of_order_versions(&mut self) {
        for versions in self.services.values_mut() {
            let mut kept: Vec<Loaded> = Vec::with_capacity(versions.len());
            for l in versions.drain(..) {
                match kept.last() {
                    Some(prev) if l.def.effective_from < prev.def.effective_from => {
                        let message = format!(
                            "version {} takes effect on {}, before version {} (`{}`, {})",
                            l.def.version,
                            l.def.effective_from,
                            prev.def.version,
                            prev.file,
                            prev.def.effective_from
                        );
                        self.rejected.push(RejectedFile {
                            error: RegulationError::new(
                                &l.file,
                                None,
                                Some("effective_from".into()),
                                message,
                            ),
                            file: l.file,
                        });
                    }
                    _ => kept.push(l),
                }
            }
            *versions = kept;
        }
        self.services.retain(|_, v| !v.is_empty());
        self.rejected.sort_by(|a, b| a.file.cmp(&b.file));
    }

    /// The latest version of each service, sorted by id.
    pub fn services(&self) -> Vec<&ServiceDefinition> {
        self.services
            .values()
            .filter_map(|v| v.last())
            .map(|l| &l.def)
            .collect()
    }

    /// The highest version of a service.
    pub fn latest(&self, id: &str) -> Option<&ServiceDefinition> {
        self.services.get(id)?.last().map(|l| &l.def)
    }

    pub fn version(&self, id: &str, version: u32) -> Option<&ServiceDefinition> {
        self.services
            .get(id)?
            .iter()
            .find(|l| l.def.version == version)
            .map(|l| &l.def)
    }

    /// Every loaded version of a service, oldest first.
    pub fn versions(&self, id: &str) -> Vec<&ServiceDefinition> {
        self.services
            .get(id)
            .map(|v| v.iter().map(|l| &l.def).collect())
            .unwrap_or_default()
    }

    /// The version in force on `date`: the highest one that has taken effect.
    pub fn in_force(&self, id: &str, date: NaiveDate) -> Option<&ServiceDefinition> {
        self.services
            .get(id)?
            .iter()
            .rev()
            .find(|l| l.def.effective_from <= date)
            .map(|l| &l.def)
    }

    /// The file a loaded version came from.
    pub fn file_of(&self, id: &str, version: u32) -> Option<&str> {
        self.services
            .get(id)?
            .iter()
            .find(|l| l.def.version == version)
            .map(|l| l.file.as_str())
    }

    pub fn rejected(&self) -> &[RejectedFile] {
        &self.rejected
    }

    /// The same catalogue also reporting `more` files refused before loading
    /// (e.g. stored versions that clash with bundled ones).
    pub fn with_rejected(mut self, more: Vec<RejectedFile>) -> Catalog {
        self.rejected.extend(more);
        self.rejected.sort_by(|a, b| a.file.cmp(&b.file));
        self
    }

    /// What registration needs to know about the latest version of a service.
    pub fn terms(&self, id: &str) -> Option<ServiceTerms> {
        self.latest(id).map(ServiceDefinition::terms)
    }

    pub fn terms_for_version(&self, id: &str, version: u32) -> Option<ServiceTerms> {
        self.version(id, version).map(ServiceDefinition::terms)
    }
}

impl ServiceDefinition {
    pub fn terms(&self) -> ServiceTerms {
        ServiceTerms {
            version: self.version,
            procedures: self.procedures.iter().map(|p| p.id.clone()).collect(),
            channels: self.channels.clone(),
            applicant_kinds: self.applicant_kinds.clone(),
        }
    }
}
