//! The one authorization point: every operation that reads or changes the
//! journal asks `authorize(session, what)` first. What a role may do at which
//! step of a case is the domain's (`kense_domain::workflow`): here an act only
//! needs a signed-in, active user, and the workflow decides the rest.

use kense_domain::types::Role;
use kense_domain::{DomainError, ErrorCode};

use crate::{CoreError, Session};

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

    /// Every read of the office goes through `authorize`: each demo role,
    /// signed in with its PIN, reads what it may and is refused the rest.
    /// (A read without a session cannot be written: every read takes one.)
    #[test]
    fn each_role_reads_what_it_may_and_no_more() {
        use crate::reports::ReportAccess;
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap();
        let mut office = crate::Office::open_in_memory().unwrap();
        crate::demo::seed(&mut office, now).unwrap();
        let query: kense_domain::report::ReportQuery =
            serde_json::from_str(r#"{"from":"2026-01-01","to":"2026-12-31"}"#).unwrap();
        let denied = |r: Result<(), CoreError>, who: &str, what: &str| {
            let e = r.expect_err(&format!("{who} may not {what}"));
            assert_eq!(e.first_code(), ErrorCode::PermissionDenied, "{who} {what}");
        };
        let first_case = {
            let admin = office
                .sign_in("admin", crate::demo::demo_pin("admin"), now)
                .unwrap();
            office.journal(&admin, now).unwrap()[0].number.clone()
        };
        for login in ["admin", "clerk", "head", "deputy", "depthead", "executor"] {
            let s = office
                .sign_in(login, crate::demo::demo_pin(login), now)
                .unwrap();
            // The journal, a case and the users: every signed-in user.
            assert!(!office.journal(&s, now).unwrap().is_empty(), "{login}");
            assert!(!office.cases(&s).unwrap().is_empty(), "{login}");
            office.case_view(&s, &first_case, now).unwrap();
            office.find_case(&s, &first_case).unwrap();
            office.actions(&s, &first_case, now).unwrap();
            office.case_documents(&s, &first_case).unwrap();
            office.my_work(&s, now).unwrap();
            office.overdue_dashboard(&s, now).unwrap();
            office.users(&s).unwrap();
            office.office_details(&s).unwrap();
            // Reports: in full for the head, the deputy and the administrator,
            // the counts for the clerk, nothing for the others.
            let report = office.report(&s, &query, now).map(|v| v.access);
            match login {
                "admin" | "head" | "deputy" => assert_eq!(report.unwrap(), ReportAccess::Full),
                "clerk" => assert_eq!(report.unwrap(), ReportAccess::Counts),
                _ => denied(report.map(|_| ()), login, "read reports"),
            }
            // The journal's safety check and its backups: the administrator.
            let verify = office.verify(&s).map(|_| ());
            let safety = office.journal_safety(&s, false).map(|_| ());
            if login == "admin" {
                verify.unwrap();
                safety.unwrap();
            } else {
                denied(verify, login, "verify the journal");
                denied(safety, login, "see the journal's safety");
            }
        }
    }
}
