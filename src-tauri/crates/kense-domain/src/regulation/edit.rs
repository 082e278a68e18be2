//! Editing a regulation: the office changes documents, refusal grounds or step
//! limits, and gets a new version checked by the same rules as a file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::limit::Limit;

use super::channel_limits::ChannelLimits;
use super::error::RegulationError;
use super::model::{DocumentItem, RefusalGround, ServiceDefinition};
use super::parse::parse_service;

/// What an administrator changed. Absent parts stay as they were.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ServiceEdit {
    /// The whole new list, replacing the old one.
    #[serde(default)]
    #[ts(optional)]
    pub required_documents: Option<Vec<DocumentItem>>,
    /// The whole new list; steps must not cite a ground that is removed.
    #[serde(default)]
    #[ts(optional)]
    pub refusal_grounds: Option<Vec<RefusalGround>>,
    #[serde(default)]
    pub step_limits: Vec<StepLimitEdit>,
}

/// New limits for one step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct StepLimitEdit {
    pub procedure: String,
    pub step: String,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub limit: Option<Limit>,
    /// The refusal branch's own limit; the step must have a refusal branch.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub refusal_limit: Option<Limit>,
    /// Replaces all per-channel limits of the step.
    #[serde(default)]
    #[ts(type = "Record<string, string> | null")]
    pub limit_by_channel: Option<ChannelLimits>,
}

/// A new version of `def` with `edit` applied, taking effect on `effective_from`.
/// The result is written out and read back, so it obeys exactly the rules a
/// file does and its errors point at lines of `to_toml()`'s text.
pub fn apply_edit(
    def: &ServiceDefinition,
    edit: &ServiceEdit,
    effective_from: NaiveDate,
) -> Result<ServiceDefinition, RegulationError> {
    let file = format!("{}.toml", def.id);
    let fail =
        |field: String, message: String| RegulationError::new(&file, None, Some(field), message);

    if effective_from < def.effective_from {
        return Err(fail(
            "effective_from".into(),
            format!(
                "the new version cannot take effect on {effective_from}, before version {} ({})",
                def.version, def.effective_from
            ),
        ));
    }
    let Some(version) = def.version.checked_add(1) else {
        return Err(fail("version".into(), "no version number is left".into()));
    };
    let mut next = def.clone();
    next.version = version;
    next.effective_from = effective_from;
    if let Some(docs) = &edit.required_documents {
        next.required_documents = docs.clone();
    }
    if let Some(grounds) = &edit.refusal_grounds {
        next.refusal_grounds = grounds.clone();
    }
    for (i, change) in edit.step_limits.iter().enumerate() {
        let at = format!("step_limits[{i}]");
        let Some(procedure) = next
            .procedures
            .iter_mut()
            .find(|p| p.id == change.procedure)
        else {
            return Err(fail(
                format!("{at}.procedure"),
                format!(
                    "service `{}` has no procedure `{}`",
                    def.id, change.procedure
                ),
            ));
        };
        let Some(step) = procedure.steps.iter_mut().find(|s| s.id == change.step) else {
            return Err(fail(
                format!("{at}.step"),
                format!(
                    "procedure `{}` has no step `{}`",
                    change.procedure, change.step
                ),
            ));
        };
        if let Some(limit) = change.limit {
            step.limit = limit;
        }
        if let Some(limit) = change.refusal_limit {
            match step.refusal.as_mut() {
                Some(r) => r.limit = Some(limit),
                None => {
                    return Err(fail(
                        format!("{at}.refusal_limit"),
                        format!(
                            "step `{}` cannot end in a refusal, so it has no refusal limit",
                            change.step
                        ),
                    ))
                }
            }
        }
        if let Some(by_channel) = &change.limit_by_channel {
            step.limit_by_channel = by_channel.clone();
        }
    }
    parse_service(&file, &next.to_toml())
}
