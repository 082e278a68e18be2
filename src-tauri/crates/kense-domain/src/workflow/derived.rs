//! What the case screen shows of the current step, decided here and nowhere
//! else: whether the document package is complete, whom a resolution names,
//! whether the step drafts the result, which refusal grounds it may cite.
//! The window receives these as fields of the case view and only displays them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::RouteState;
use crate::error::{DomainError, ErrorCode};
use crate::regulation::{
    Check, DocumentItem, Procedure, RefusalGround, ServiceDefinition, Step, StepKind,
};

/// Who a resolution names to go on with the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ResolveTarget {
    /// The executor directly.
    Executor,
    /// A department head, who then names the executor.
    DeptHead,
}

impl ResolveTarget {
    /// The act's field that carries the login (`executor` or `dept_head`).
    pub fn field(self) -> &'static str {
        match self {
            ResolveTarget::Executor => "executor",
            ResolveTarget::DeptHead => "dept_head",
        }
    }
}

/// A resolution at step `step_index` names a department head when the
/// procedure's next step is the department head's assignment of the executor.
pub fn resolve_target(procedure: &Procedure, step_index: usize) -> ResolveTarget {
    match procedure.steps.get(step_index + 1) {
        Some(next) if next.kind == StepKind::AssignExecutor => ResolveTarget::DeptHead,
        _ => ResolveTarget::Executor,
    }
}

/// Whether the executor drafts the result at this step: then submitting it
/// carries the result document's fields.
pub fn drafts_result(step: &Step) -> bool {
    step.kind == StepKind::StudyAndDraft
}

/// The refusal grounds a refusal drafted at this step may cite, in the
/// regulation's order: the step's own list, or every ground of the service
/// where the step names none (a refusal after a failed check).
pub fn refusal_grounds_at<'a>(
    service: &'a ServiceDefinition,
    step: &Step,
) -> Vec<&'a RefusalGround> {
    match &step.refusal {
        Some(branch) => service
            .refusal_grounds
            .iter()
            .filter(|g| branch.grounds.contains(&g.id))
            .collect(),
        None => service.refusal_grounds.iter().collect(),
    }
}

/// The verdict on a document package: which required documents were received
/// and which are missing. Complete when none is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Completeness {
    /// Ids of the required documents received, in the regulation's order.
    pub received: Vec<String>,
    /// The required documents not received, in the regulation's order.
    pub missing: Vec<DocumentItem>,
    /// Whether the package is complete (nothing missing).
    pub passed: bool,
}

impl Completeness {
    /// `received` as a completeness check records it: ids joined by commas.
    pub fn value(&self) -> String {
        self.received.join(",")
    }
}

/// Judges a package from the ids of the documents marked received (as a
/// completeness check's `value` carries them: comma-separated, spaces allowed)
/// against the regulation's required documents. An id the regulation does not
/// list is refused (`unknown_document`, field `documents`).
pub fn completeness(
    required: &[DocumentItem],
    received: &str,
) -> Result<Completeness, DomainError> {
    let ticked: Vec<&str> = received
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .collect();
    if let Some(unknown) = ticked
        .iter()
        .find(|id| !required.iter().any(|d| d.id == **id))
    {
        return Err(DomainError::at(
            ErrorCode::UnknownDocument,
            "documents",
            format!("`{unknown}` is not a document this service requires"),
        ));
    }
    let (got, missing): (Vec<&DocumentItem>, Vec<&DocumentItem>) = required
        .iter()
        .partition(|d| ticked.contains(&d.id.as_str()));
    Ok(Completeness {
        received: got.into_iter().map(|d| d.id.clone()).collect(),
        passed: missing.is_empty(),
        missing: missing.into_iter().cloned().collect(),
    })
}

/// The verdict of a completeness check about to be recorded; a `passed` stated
/// by the caller that contradicts it is refused (`completeness_mismatch`).
pub fn settle_completeness(
    required: &[DocumentItem],
    received: &str,
    stated: Option<bool>,
) -> Result<Completeness, DomainError> {
    let verdict = completeness(required, received)?;
    match stated {
        Some(passed) if passed != verdict.passed => Err(DomainError::at(
            ErrorCode::CompletenessMismatch,
            "passed",
            format!(
                "passed = {passed}, but the package {} (missing: {})",
                if verdict.passed {
                    "is complete"
                } else {
                    "is incomplete"
                },
                verdict
                    .missing
                    .iter()
                    .map(|d| d.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
        _ => Ok(verdict),
    }
}

/// The package as the current step's last completeness check recorded it:
/// `None` where the step does not check completeness or has not yet. Ids the
/// regulation does not list (lines older than this rule) are left out.
pub fn recorded_completeness(
    service: &ServiceDefinition,
    step: &Step,
    state: &RouteState,
) -> Option<Completeness> {
    if !step.checks.contains(&Check::Completeness) {
        return None;
    }
    let record = state
        .checks
        .iter()
        .rev()
        .find(|c| c.check == Check::Completeness)?;
    let listed: Vec<&str> = record
        .value
        .split(',')
        .map(str::trim)
        .filter(|id| service.required_documents.iter().any(|d| d.id == *id))
        .collect();
    completeness(&service.required_documents, &listed.join(",")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regulation::RefusalBranch;

    fn doc(id: &str) -> DocumentItem {
        DocumentItem {
            id: id.into(),
            kk: format!("{id} kk"),
            ru: format!("{id} ru"),
        }
    }

    fn docs() -> Vec<DocumentItem> {
        vec![doc("application"), doc("photo"), doc("medical")]
    }

    #[test]
    fn a_package_is_complete_only_with_every_required_document() {
        let all = completeness(&docs(), "medical, application,photo").unwrap();
        assert!(all.passed);
        assert!(all.missing.is_empty());
        assert_eq!(all.received, ["application", "photo", "medical"]);
        assert_eq!(all.value(), "application,photo,medical");

        let some = completeness(&docs(), " medical ,,application").unwrap();
        assert!(!some.passed);
        assert_eq!(some.received, ["application", "medical"]);
        assert_eq!(some.missing, [doc("photo")]);

        let none = completeness(&docs(), "").unwrap();
        assert!(!none.passed);
        assert_eq!(none.missing, docs());
        // A service that asks for nothing has a complete package.
        assert!(completeness(&[], "").unwrap().passed);
    }

    #[test]
    fn a_document_the_regulation_does_not_list_is_refused() {
        let err = completeness(&docs(), "application,passport").unwrap_err();
        assert_eq!(err.code, ErrorCode::UnknownDocument);
        assert_eq!(err.field.as_deref(), Some("documents"));
    }

    #[test]
    fn a_stated_verdict_must_agree_with_the_documents() {
        let all = "application,photo,medical";
        assert!(settle_completeness(&docs(), all, None).unwrap().passed);
        assert!(
            settle_completeness(&docs(), all, Some(true))
                .unwrap()
                .passed
        );
        assert!(
            !settle_completeness(&docs(), "photo", Some(false))
                .unwrap()
                .passed
        );
        for (value, stated) in [(all, false), ("photo", true), ("", true)] {
            let err = settle_completeness(&docs(), value, Some(stated)).unwrap_err();
            assert_eq!(
                err.code,
                ErrorCode::CompletenessMismatch,
                "{value} {stated}"
            );
            assert_eq!(err.field.as_deref(), Some("passed"));
        }
    }

    fn step(kind: StepKind) -> Step {
        Step {
            id: kind.code().into(),
            role: crate::types::Role::Executor,
            kind,
            action: crate::types::Text {
                kk: String::new(),
                ru: String::new(),
            },
            limit: crate::limit::Limit::Hours(1),
            limit_by_channel: Default::default(),
            checks: vec![],
            refusal: None,
            outcome: None,
            source: String::new(),
        }
    }

    fn procedure(kinds: &[StepKind]) -> Procedure {
        Procedure {
            id: "p".into(),
            name: crate::types::Text {
                kk: String::new(),
                ru: String::new(),
            },
            result_kind: crate::regulation::ResultKind::Licence,
            steps: kinds.iter().map(|k| step(*k)).collect(),
        }
    }

    #[test]
    fn a_resolution_names_a_department_head_when_the_next_step_assigns_the_executor() {
        use StepKind::*;
        let via = procedure(&[Register, Resolution, AssignExecutor, StudyAndDraft]);
        assert_eq!(resolve_target(&via, 1), ResolveTarget::DeptHead);
        assert_eq!(ResolveTarget::DeptHead.field(), "dept_head");
        let direct = procedure(&[Register, Resolution, StudyAndDraft, Sign]);
        assert_eq!(resolve_target(&direct, 1), ResolveTarget::Executor);
        assert_eq!(ResolveTarget::Executor.field(), "executor");
        // The last step has nothing after it.
        assert_eq!(resolve_target(&direct, 3), ResolveTarget::Executor);
    }

    #[test]
    fn only_the_study_and_draft_step_drafts_the_result() {
        for kind in [
            StepKind::CompletenessCheck,
            StepKind::FeeCheck,
            StepKind::ExternalApproval,
            StepKind::Sign,
        ] {
            assert!(!drafts_result(&step(kind)), "{kind:?}");
        }
        assert!(drafts_result(&step(StepKind::StudyAndDraft)));
    }

    #[test]
    fn a_step_cites_its_own_grounds_or_every_ground_of_the_service() {
        let text = std::fs::read_to_string(format!(
            "{}/../../../assets/regulations/small-vessel-certificate.toml",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let service = crate::regulation::parse_service("small-vessel-certificate", &text).unwrap();
        let all: Vec<&str> = service
            .refusal_grounds
            .iter()
            .map(|g| g.id.as_str())
            .collect();
        assert!(all.len() > 1);
        let open = step(StepKind::StudyAndDraft);
        let ids = |s: &Step| -> Vec<String> {
            refusal_grounds_at(&service, s)
                .iter()
                .map(|g| g.id.clone())
                .collect()
        };
        assert_eq!(ids(&open), all);
        let mut own = step(StepKind::CompletenessCheck);
        // Listed in another order than the regulation's: the regulation's order wins.
        own.refusal = Some(RefusalBranch {
            limit: None,
            grounds: vec![all[1].to_string(), all[0].to_string()],
            next: None,
            closes_case: false,
        });
        assert_eq!(ids(&own), [all[0], all[1]]);
    }

    #[test]
    fn the_view_shows_the_package_as_the_last_completeness_check_recorded_it() {
        use crate::workflow::CheckRecord;
        let text = std::fs::read_to_string(format!(
            "{}/../../../assets/regulations/small-vessel-certificate.toml",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let service = crate::regulation::parse_service("small-vessel-certificate", &text).unwrap();
        let procedure = service.procedure("issue").unwrap();
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap();
        let mut state = RouteState::registered(procedure, at);
        let examine = procedure
            .steps
            .iter()
            .find(|s| s.checks.contains(&Check::Completeness))
            .unwrap();
        assert_eq!(recorded_completeness(&service, examine, &state), None);
        let record = |value: &str| CheckRecord {
            check: Check::Completeness,
            passed: false,
            note: String::new(),
            value: value.into(),
        };
        // An older line with an id the regulation does not list: left out.
        state.checks = vec![record("ok"), record("photo, application, ok")];
        let seen = recorded_completeness(&service, examine, &state).unwrap();
        assert_eq!(seen.received, ["application", "photo"]);
        assert!(!seen.passed);
        assert_eq!(seen.missing.len(), service.required_documents.len() - 2);
        // A step without the check shows no verdict.
        let sign = procedure
            .steps
            .iter()
            .find(|s| s.kind == StepKind::Sign)
            .unwrap();
        assert_eq!(recorded_completeness(&service, sign, &state), None);
    }
}
