//! The first run: a new journal is created together with its first
//! administrator, so there is never a journal nobody signs in to.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use kense_domain::types::{Language, Role, Text};
use kense_domain::user::{RoleGrant, UserInput};
use serde::Deserialize;
use ts_rs::TS;

use crate::documents::text;
use crate::{CoreError, Office, Session};

/// What the first-run form (or `kense-cli init`) gives.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct FirstRun {
    pub admin_login: String,
    pub admin_name: Text,
    pub pin: String,
    /// The office's name (kk/ru); may be filled in later by the administrator.
    #[serde(default)]
    #[ts(optional)]
    pub office_name: Option<Text>,
}

/// Creates the journal in `dir` (empty or missing) with its first
/// administrator and signs them in. `test_journal` marks it for tests or
/// demos (a clock set by hand, light PIN hashes). Nothing is left behind when
/// the administrator's data is refused: the check runs before the folder is
/// touched.
pub fn create_office(
    dir: &Path,
    first: &FirstRun,
    test_journal: bool,
    now: DateTime<FixedOffset>,
) -> Result<(Office, Session), CoreError> {
    kense_domain::user::validate_user(&admin_input(first))?;
    let mut office = Office::create(dir)?;
    if test_journal {
        office.mark_test_journal()?;
    }
    let session = office.first_admin(first, now)?;
    Ok((office, session))
}

fn admin_input(first: &FirstRun) -> UserInput {
    UserInput {
        login: first.admin_login.clone(),
        name: first.admin_name.clone(),
        position: Text {
            kk: text("case.role.admin", Language::Kk),
            ru: text("case.role.admin", Language::Ru),
        },
        phone: String::new(),
        roles: vec![RoleGrant {
            role: Role::Admin,
            department: None,
        }],
        pin: first.pin.clone(),
    }
}

impl Office {
    /// Gives a journal that has no users yet its first administrator (the
    /// window's first-run form, `create_office`) and signs them in. Refused
    /// once the journal has a user.
    pub fn first_admin(
        &mut self,
        first: &FirstRun,
        now: DateTime<FixedOffset>,
    ) -> Result<Session, CoreError> {
        if self.has_users()? {
            return Err(kense_domain::DomainError::new(
                kense_domain::ErrorCode::PermissionDenied,
                "the office has its administrator already",
            )
            .into());
        }
        let user = self.insert_user(&admin_input(first), "first-run", now)?;
        if let Some(name) = &first.office_name {
            let mut details = self.details()?;
            details.name = name.clone();
            self.store_office_details(&details)?;
        }
        Ok(Session::for_user(&user, now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(pin: &str) -> FirstRun {
        FirstRun {
            admin_login: "Aliya".into(),
            admin_name: Text {
                kk: "Әлия Нұрланқызы".into(),
                ru: "Алия Нурлановна".into(),
            },
            pin: pin.into(),
            office_name: None,
        }
    }

    #[test]
    fn the_first_run_makes_the_journal_with_its_administrator_signed_in() {
        let dir = tempfile::tempdir().unwrap();
        let now = DateTime::parse_from_rfc3339("2026-03-02T09:00:00+05:00").unwrap();
        let (office, session) = create_office(dir.path(), &first("135790"), true, now).unwrap();
        assert_eq!(session.login(), "aliya");
        assert!(session.has(Role::Admin));
        assert!(office.is_test_journal().unwrap());
        assert_eq!(office.users(&session).unwrap().len(), 1);
        assert_eq!(
            office.sign_in("aliya", "135790", now).unwrap().login(),
            "aliya"
        );
    }

    #[test]
    fn a_short_pin_is_refused_before_anything_is_created() {
        let dir = tempfile::tempdir().unwrap();
        let now = DateTime::parse_from_rfc3339("2026-03-02T09:00:00+05:00").unwrap();
        let Err(e) = create_office(&dir.path().join("j"), &first("1234"), false, now) else {
            panic!("a 4-digit administrator's PIN was accepted");
        };
        assert_eq!(e.first_code(), kense_domain::ErrorCode::PinTooShort);
        assert!(!dir.path().join("j").exists());
    }
}
