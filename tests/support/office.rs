//! Helpers for tests that drive the core directly (no CLI).

use chrono::DateTime;
use kense_core::{demo, Office, Session};

/// `login` signed in with the demo PIN: every operation of the office takes
/// the session of a signed-in user.
pub fn signed_in(office: &Office, login: &str) -> Session {
    let now = DateTime::parse_from_rfc3339("2026-01-01T09:00:00+05:00").unwrap();
    office
        .sign_in(login, demo::demo_pin(login), now)
        .unwrap_or_else(|e| panic!("{login} signs in: {e}"))
}

/// Every document the regulation of `service` asks for: a complete package
/// (the value of a completeness check that passes).
pub fn complete_package(office: &Office, service: &str) -> String {
    office
        .service_definition(service)
        .unwrap()
        .required_documents
        .iter()
        .map(|d| d.id.as_str())
        .collect::<Vec<_>>()
        .join(",")
}
