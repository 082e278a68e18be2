//! Exactly once at the desk: a registration or an act may carry the client's
//! request id (one per form submission). The result is recorded with the work,
//! in the same transaction; a retry with the same id returns that result, and
//! the same id with other content is refused (`request_reused`).
//! And the optimistic check: an act may carry the case's state version the
//! user saw; an act on a case that changed since is refused (`case_changed`).

use chrono::SecondsFormat;
use kense_domain::workflow::RouteEvent;
use kense_domain::{DomainError, ErrorCode};
use kense_store::requests::{self, DoneRequest};
use kense_store::Connection;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::CoreError;

/// What a window form or a CLI call adds to an act or a registration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActOptions {
    /// The case's state version (number of history lines) the user saw.
    #[serde(default)]
    pub expect_version: Option<u32>,
    /// The client's id of this submission (a UUID); a retry sends it again.
    #[serde(default)]
    pub request_id: Option<String>,
}

impl ActOptions {
    pub fn request(request_id: Option<String>) -> ActOptions {
        ActOptions {
            expect_version: None,
            request_id,
        }
    }
}

const MAX_REQUEST_ID: usize = 100;

/// A request id is 1 to 100 visible ASCII characters.
pub(crate) fn check_id(id: &str) -> Result<(), CoreError> {
    let ok =
        !id.is_empty() && id.len() <= MAX_REQUEST_ID && id.bytes().all(|b| b.is_ascii_graphic());
    if ok {
        Ok(())
    } else {
        Err(DomainError::at(
            ErrorCode::InvalidInput,
            "request_id",
            "a request id is 1 to 100 visible ASCII characters",
        )
        .into())
    }
}

/// The SHA-256 of a request's content, to tell a retry from a reuse.
pub(crate) fn content_hash(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The earlier result of request `id`, if it was carried out; the same id
/// with another kind or content is refused.
pub(crate) fn earlier(
    conn: &Connection,
    id: &str,
    kind: &str,
    hash: &str,
) -> Result<Option<DoneRequest>, CoreError> {
    check_id(id)?;
    match requests::get(conn, id)? {
        Some(done) if done.kind == kind && done.content_hash == hash => Ok(Some(done)),
        Some(done) => Err(DomainError::at(
            ErrorCode::RequestReused,
            "request_id",
            format!("request {id} was a {} with other content", done.kind),
        )
        .into()),
        None => Ok(None),
    }
}

/// `case_changed`: the line the user did not see, by whom and when.
pub(crate) fn case_changed(event: &RouteEvent) -> CoreError {
    DomainError::new(
        ErrorCode::CaseChanged,
        format!(
            "changed by {} at {}",
            event.actor,
            event.at.to_rfc3339_opts(SecondsFormat::Secs, false)
        ),
    )
    .into()
}

/// The who and when of a `case_changed` detail, for its text.
pub fn changed_by(detail: &str) -> Option<(&str, &str)> {
    detail.strip_prefix("changed by ")?.split_once(" at ")
}

/// Refuses an act made on a state the case has left.
pub(crate) fn check_version(history: &[RouteEvent], seen: Option<u32>) -> Result<(), CoreError> {
    let Some(seen) = seen else { return Ok(()) };
    let now = history.len() as u32;
    if seen == now {
        return Ok(());
    }
    match history.get(seen as usize) {
        Some(first_unseen) if seen < now => Err(case_changed(first_unseen)),
        _ => Err(DomainError::at(
            ErrorCode::InvalidInput,
            "expect_version",
            format!("the case has {now} history lines, not {seen}"),
        )
        .into()),
    }
}
