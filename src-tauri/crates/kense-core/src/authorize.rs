//! The one authorization point: every operation that reads or changes the
//! journal asks `authorize(session, what)` first. What a role may do at which
//! step of a case is the domain's (`kense_domain::workflow`): here an act only
//! needs a signed-in, active user, and the workflow decides the rest.

use kense_domain::types::Role;
use kense_domain::{DomainError, ErrorCode};

use crate::{CoreError, Office, Session};

/// What a session asks to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// Read the journal: lists, search, a case, My work, documents, users.
    ReadJournal,
    /// Register an application.
    Register,
    /// Act on a case (the workflow decides the role and the step).
    ActOnCase,
    /// Print or preview a case's documents, or the journal.
    Print,
    /// See the period's reports (the head, the deputy and the administrator
    /// in full; the clerk the counts).
    Reports,
    /// Sign the quarterly report (the head; the deputy while the head is
    /// absent, which the workflow's absence rule decides).
    SignReport,
    /// Mark the head absent.
    HeadAbsence,
    /// Administration: users, regulations, the calendar, office details,
    /// numbering, the backup folder, the journal's safety check.
    AdminEdit,
    /// Make a backup or restore one.
    BackupRestore,
}

impl What {
    /// The roles that may ask it; `None`: any signed-in user.
    fn roles(self) -> Option<&'static [Role]> {
        match self {
            What::ReadJournal | What::ActOnCase | What::Print => None,
            What::Register => Some(&[Role::Clerk]),
            What::Reports => Some(&[Role::Head, Role::Deputy, Role::Admin, Role::Clerk]),
            What::SignReport => Some(&[Role::Head, Role::Deputy]),
            What::HeadAbsence => Some(&[Role::Head, Role::Admin]),
            What::AdminEdit | What::BackupRestore => Some(&[Role::Admin]),
        }
    }
}

/// May `session` do `what`? `permission_denied` otherwise.
pub fn authorize(session: &Session, what: What) -> Result<(), CoreError> {
    match what.roles() {
        None => Ok(()),
        Some(roles) if roles.iter().any(|r| session.has(*r)) => Ok(()),
        Some(_) => Err(DomainError::new(
            ErrorCode::PermissionDenied,
            format!("{} may not: {what:?}", session.login()),
        )
        .into()),
    }
}

impl Office {
    /// The session of an active user of this journal, for the operations that
    /// still name their user by login (the surfaces get the login only from a
    /// `Session` made by `sign_in`). Someone who is not an active user may do
    /// nothing: there is no setup mode.
    pub(crate) fn session_of(&self, login: &str) -> Result<Session, CoreError> {
        let user = self.user(login).map_err(|_| {
            CoreError::from(DomainError::new(
                ErrorCode::PermissionDenied,
                format!("`{login}` is not an active user"),
            ))
        })?;
        Ok(Session::for_user(
            &user,
            chrono::DateTime::UNIX_EPOCH.fixed_offset(),
        ))
    }

    /// `authorize` for the user named by `login`.
    pub fn authorize(&self, login: &str, what: What) -> Result<Session, CoreError> {
        let session = self.session_of(login)?;
        authorize(&session, what)?;
        Ok(session)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kense_domain::types::Text;
    use kense_domain::user::{RoleGrant, User};

    fn session(role: Role) -> Session {
        let user = User {
            login: role.code().into(),
            name: Text {
                kk: "а".into(),
                ru: "а".into(),
            },
            position: Text {
                kk: "а".into(),
                ru: "а".into(),
            },
            phone: String::new(),
            roles: vec![RoleGrant {
                role,
                department: None,
            }],
            active: true,
        };
        Session::for_user(&user, chrono::DateTime::UNIX_EPOCH.fixed_offset())
    }

    const ALL: [What; 9] = [
        What::ReadJournal,
        What::Register,
        What::ActOnCase,
        What::Print,
        What::Reports,
        What::SignReport,
        What::HeadAbsence,
        What::AdminEdit,
        What::BackupRestore,
    ];

    /// The whole table, role by role: what each may ask.
    #[test]
    fn each_role_may_ask_exactly_its_part() {
        let table: [(Role, &[What]); 6] = [
            (
                Role::Clerk,
                &[
                    What::ReadJournal,
                    What::Register,
                    What::ActOnCase,
                    What::Print,
                    What::Reports,
                ],
            ),
            (
                Role::Head,
                &[
                    What::ReadJournal,
                    What::ActOnCase,
                    What::Print,
                    What::Reports,
                    What::SignReport,
                    What::HeadAbsence,
                ],
            ),
            (
                Role::Deputy,
                &[
                    What::ReadJournal,
                    What::ActOnCase,
                    What::Print,
                    What::Reports,
                    What::SignReport,
                ],
            ),
            (
                Role::DeptHead,
                &[What::ReadJournal, What::ActOnCase, What::Print],
            ),
            (
                Role::Executor,
                &[What::ReadJournal, What::ActOnCase, What::Print],
            ),
            (
                Role::Admin,
                &[
                    What::ReadJournal,
                    What::ActOnCase,
                    What::Print,
                    What::Reports,
                    What::HeadAbsence,
                    What::AdminEdit,
                    What::BackupRestore,
                ],
            ),
        ];
        for (role, allowed) in table {
            let s = session(role);
            for what in ALL {
                let result = authorize(&s, what);
                assert_eq!(
                    result.is_ok(),
                    allowed.contains(&what),
                    "{} {what:?}",
                    role.code()
                );
                if let Err(e) = result {
                    assert_eq!(e.first_code(), ErrorCode::PermissionDenied);
                }
            }
        }
    }

    #[test]
    fn an_office_with_no_users_lets_nobody_in() {
        let office = Office::open_in_memory().unwrap();
        for what in ALL {
            let e = office.authorize("anyone", what).unwrap_err();
            assert_eq!(e.first_code(), ErrorCode::PermissionDenied);
        }
    }
}
