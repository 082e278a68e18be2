//! Who is at the desk: a `Session` is made only by `Office::sign_in` (a right
//! PIN, the login not locked) or by the first run that creates the office's
//! first administrator. Every operation takes one and passes `authorize`.

use chrono::{DateTime, FixedOffset, SecondsFormat};
use kense_domain::sign_in::{gate, Gate};
use kense_domain::types::{Role, Text};
use kense_domain::user::{RoleGrant, User};
use kense_domain::{DomainError, ErrorCode};
use kense_store::{sign_in_log, users};
use serde::Serialize;
use ts_rs::TS;

use crate::{pin, CoreError, Office};

/// A signed-in user. Its fields are private: no surface can forge one from a
/// login string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Session {
    login: String,
    roles: Vec<RoleGrant>,
    name: Text,
    signed_in_at: String,
}

impl Session {
    pub(crate) fn for_user(user: &User, now: DateTime<FixedOffset>) -> Session {
        Session {
            login: user.login.clone(),
            roles: user.roles.clone(),
            name: user.name.clone(),
            signed_in_at: now.to_rfc3339_opts(SecondsFormat::Secs, false),
        }
    }

    pub fn login(&self) -> &str {
        &self.login
    }

    pub fn roles(&self) -> &[RoleGrant] {
        &self.roles
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.iter().any(|g| g.role == role)
    }

    pub fn name(&self) -> &Text {
        &self.name
    }

    pub fn signed_in_at(&self) -> &str {
        &self.signed_in_at
    }
}

/// The most attempts read back to decide a lock (more than enough: a run-out
/// lock starts the count again).
const ATTEMPTS_READ: u32 = 100;

fn time(t: DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn gate_for(
    conn: &kense_store::Connection,
    login: &str,
    now: DateTime<FixedOffset>,
) -> Result<Gate, CoreError> {
    let mut wrong: Vec<DateTime<FixedOffset>> =
        sign_in_log::since_last_success(conn, login, ATTEMPTS_READ)?
            .into_iter()
            .filter(|(_, outcome)| outcome == "wrong")
            .filter_map(|(at, _)| DateTime::parse_from_rfc3339(&at).ok())
            .collect();
    wrong.reverse();
    Ok(gate(&wrong, now))
}

fn locked(until: DateTime<FixedOffset>) -> CoreError {
    DomainError::at(
        ErrorCode::SignInLocked,
        "pin",
        format!(
            "too many wrong PINs; locked until: {}",
            until.format("%Y-%m-%d %H:%M")
        ),
    )
    .into()
}

fn refused_disabled(login: &str) -> CoreError {
    DomainError::at(
        ErrorCode::UserDisabled,
        "login",
        format!("`{login}` is disabled"),
    )
    .into()
}

impl Office {
    /// Checks a PIN and opens a session. An unknown login and a wrong PIN give
    /// the same answer (with the tries left); five wrong in a row lock the
    /// login for 15 minutes. A disabled user's right PIN is refused with
    /// `user_disabled`. Every attempt is recorded (never the PIN). On a
    /// read-only journal nothing can be recorded: the existing record still
    /// decides a lock.
    pub fn sign_in(
        &self,
        login: &str,
        pin_text: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Session, CoreError> {
        let login: String = login.trim().to_lowercase().chars().take(64).collect();
        let conn = self.store().conn();
        if let Gate::Locked { until } = gate_for(conn, &login, now)? {
            self.record_attempt(&login, now, "locked")?;
            return Err(locked(until));
        }
        let stored = users::pin_hash(conn, &login)?;
        let user = users::get(conn, &login)?;
        let right = match (&stored, &user) {
            (Some(hash), Some(_)) => pin::verify(pin_text, hash),
            _ => {
                // The same work for an unknown login, so timing tells nothing.
                pin::burn(pin_text, self.pin_strength()?);
                false
            }
        };
        // Only someone who knows the PIN learns that the account is disabled.
        let disabled = right && !user.as_ref().is_some_and(|u| u.active);
        // The lock is decided again inside the write: a parallel attempt may
        // have locked the login meanwhile.
        let outcome = self.store().transact(|tx| {
            let gate = gate_for(tx, &login, now)?;
            let outcome = match gate {
                Gate::Locked { until } => Err(locked(until)),
                Gate::Open { .. } if disabled => Err(refused_disabled(&login)),
                Gate::Open { .. } if right => Ok(()),
                open => Err(match gate_after_wrong(open) {
                    Some(left) => DomainError::at(
                        ErrorCode::PinWrong,
                        "pin",
                        format!("wrong login or PIN; tries left: {left}"),
                    )
                    .into(),
                    None => {
                        locked(now + chrono::Duration::minutes(kense_domain::sign_in::LOCK_MINUTES))
                    }
                }),
            };
            if !self.store().is_read_only() {
                // A disabled account's right PIN is recorded as refused
                // (`locked`): it neither counts as wrong nor as a success.
                let text = match (&outcome, gate) {
                    (Ok(()), _) => "ok",
                    (Err(_), Gate::Locked { .. }) => "locked",
                    _ if disabled => "locked",
                    _ => "wrong",
                };
                sign_in_log::insert(tx, &login, &time(now), text)?;
            }
            Ok::<_, CoreError>(outcome)
        });
        let outcome = match outcome {
            Err(e) if e.first_code() == ErrorCode::JournalReadOnly => {
                let gate = gate_for(conn, &login, now)?;
                match gate {
                    Gate::Locked { until } => Err(locked(until)),
                    Gate::Open { .. } if disabled => Err(refused_disabled(&login)),
                    Gate::Open { .. } if right => Ok(()),
                    open => Err(DomainError::at(
                        ErrorCode::PinWrong,
                        "pin",
                        format!(
                            "wrong login or PIN; tries left: {}",
                            open.left_after_wrong()
                        ),
                    )
                    .into()),
                }
            }
            other => other?,
        };
        outcome?;
        let user = user.expect("a right PIN belongs to an active user");
        Ok(Session::for_user(&user, now))
    }

    fn record_attempt(
        &self,
        login: &str,
        now: DateTime<FixedOffset>,
        outcome: &str,
    ) -> Result<(), CoreError> {
        if self.store().is_read_only() {
            return Ok(());
        }
        self.store()
            .write(|tx| sign_in_log::insert(tx, login, &time(now), outcome))?;
        Ok(())
    }
}

#[cfg(test)]
impl Office {
    /// The session of a stored active user, for unit tests (no PIN check).
    pub(crate) fn session_for(&self, login: &str) -> Session {
        let user = self.user(login).expect("an active user");
        Session::for_user(&user, chrono::DateTime::UNIX_EPOCH.fixed_offset())
    }
}

/// Tries left after one more wrong PIN, or `None` when that wrong PIN locks.
fn gate_after_wrong(gate: Gate) -> Option<u32> {
    match gate {
        Gate::Open { wrong } if wrong + 1 < kense_domain::sign_in::WRONG_IN_A_ROW => {
            Some(gate.left_after_wrong())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use kense_domain::user::UserInput;

    fn at(min: i64) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-03-02T09:00:00+05:00").unwrap() + Duration::minutes(min)
    }

    fn office() -> Office {
        let mut office = Office::open_in_memory().unwrap();
        let input = UserInput {
            login: "boss".into(),
            name: Text {
                kk: "Бастық".into(),
                ru: "Начальник".into(),
            },
            position: Text {
                kk: "Әкімші".into(),
                ru: "Администратор".into(),
            },
            phone: String::new(),
            roles: vec![RoleGrant {
                role: Role::Admin,
                department: None,
            }],
            pin: "246810".into(),
        };
        office.insert_user(&input, "setup", at(0)).unwrap();
        office
    }

    fn log(office: &Office) -> Vec<(String, String)> {
        let mut stmt = office
            .store()
            .conn()
            .prepare("SELECT login, outcome FROM sign_in_log ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn a_right_pin_opens_a_session_and_is_recorded() {
        let office = office();
        let session = office.sign_in(" BOSS ", "246810", at(1)).unwrap();
        assert_eq!(session.login(), "boss");
        assert!(session.has(Role::Admin));
        assert_eq!(session.signed_in_at(), "2026-03-02T09:01:00+05:00");
        assert_eq!(log(&office), vec![("boss".into(), "ok".into())]);
        assert_eq!(
            office.verify_chain().unwrap().problems,
            Vec::<String>::new()
        );
    }

    #[test]
    fn five_wrong_lock_for_fifteen_minutes_then_the_right_pin_works() {
        let office = office();
        for (i, left) in [4, 3, 2, 1].into_iter().enumerate() {
            let e = office.sign_in("boss", "000000", at(i as i64)).unwrap_err();
            assert_eq!(e.first_code(), ErrorCode::PinWrong);
            assert!(
                e.0[0].detail.ends_with(&format!(": {left}")),
                "{}",
                e.0[0].detail
            );
        }
        let e = office.sign_in("boss", "000000", at(4)).unwrap_err();
        assert_eq!(e.first_code(), ErrorCode::SignInLocked);
        assert!(e
            .to_api(kense_domain::types::Language::Ru)
            .message
            .contains("2026-03-02 09:19"));
        // Locked: even the right PIN is refused, and that try is recorded as locked.
        let e = office.sign_in("boss", "246810", at(18)).unwrap_err();
        assert_eq!(e.first_code(), ErrorCode::SignInLocked);
        assert_eq!(log(&office).last().unwrap().1, "locked");
        // Fifteen minutes after the fifth wrong PIN the lock is over.
        assert_eq!(
            office.sign_in("boss", "246810", at(19)).unwrap().login(),
            "boss"
        );
        let e = office.sign_in("boss", "000000", at(20)).unwrap_err();
        assert!(e.0[0].detail.ends_with(": 4"));
        assert_eq!(
            office.verify_chain().unwrap().problems,
            Vec::<String>::new()
        );
    }

    #[test]
    fn an_unknown_login_gets_the_same_answer_and_is_counted() {
        let office = office();
        let e = office.sign_in("nobody", "246810", at(0)).unwrap_err();
        assert_eq!(e.first_code(), ErrorCode::PinWrong);
        assert_eq!(log(&office), vec![("nobody".into(), "wrong".into())]);
        let ru = e.to_api(kense_domain::types::Language::Ru).message;
        assert_eq!(ru, "Неверный логин или PIN-код. Осталось попыток: 4.");
    }

    #[test]
    fn the_sign_in_log_is_append_only() {
        let office = office();
        office.sign_in("boss", "1", at(0)).unwrap_err();
        let conn = office.store().conn();
        assert!(conn.execute("DELETE FROM sign_in_log", []).is_err());
        assert!(conn
            .execute("UPDATE sign_in_log SET outcome = 'ok'", [])
            .is_err());
        // Wiping the wrong attempts (to lift a lock) with the guard dropped breaks the chain.
        conn.execute_batch("DROP TRIGGER sign_in_log_no_delete; DELETE FROM sign_in_log;")
            .unwrap();
        let report = office.verify_chain().unwrap();
        assert!(
            report.problems.iter().any(|p| p.contains("sign_in_log")),
            "{:?}",
            report.problems
        );
    }
}
