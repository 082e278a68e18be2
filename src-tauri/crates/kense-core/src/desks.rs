//! The LAN office's desks, as the host keeps them: an administrator invites a
//! desk (a one-time secret, 24 h), the desk redeems the invitation for its
//! token, and the administrator may revoke it. Secrets and tokens are random,
//! shown once, and stored only as SHA-256.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use chrono::{DateTime, Duration, FixedOffset, SecondsFormat};
use kense_domain::{base32, DomainError, ErrorCode};
use kense_store::desks::{self, DeskRow};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::authorize::{authorize, What};
use crate::{CoreError, Office, Session};

/// How long an invitation may be redeemed.
pub const INVITATION_HOURS: i64 = 24;
/// The invitation secret's length in base32 symbols (60 bits).
pub const SECRET_SYMBOLS: usize = 12;
const MAX_NAME: usize = 64;

/// A desk paired with the host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Desk {
    pub name: String,
    pub paired_at: String,
    /// The administrator who invited it.
    pub paired_by: String,
    #[ts(optional)]
    pub revoked_at: Option<String>,
    #[ts(optional)]
    pub revoked_by: Option<String>,
}

impl From<DeskRow> for Desk {
    fn from(row: DeskRow) -> Desk {
        Desk {
            name: row.name,
            paired_at: row.paired_at,
            paired_by: row.paired_by,
            revoked_at: row.revoked_at,
            revoked_by: row.revoked_by,
        }
    }
}

/// SHA-256 (hex) of a secret or token as typed (base32 read leniently, so
/// `o`/`0` and dashes do not matter).
pub fn secret_hash(secret: &str) -> String {
    let canonical: String = base32::symbols(secret)
        .map(|s| {
            s.iter()
                .map(|v| base32::encode_bits(&[v << 3], 5))
                .collect()
        })
        .unwrap_or_else(|| secret.to_string());
    let digest = Sha256::digest(canonical.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn random_symbols(count: usize) -> String {
    let mut bytes = vec![0u8; (count * 5).div_ceil(8)];
    OsRng.fill_bytes(&mut bytes);
    base32::encode_bits(&bytes, count * 5)
}

fn time(t: DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// A desk's name: 1 to 64 characters, no control characters.
fn desk_name(name: &str) -> Result<String, CoreError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err(DomainError::at(
            ErrorCode::InvalidInput,
            "name",
            "a desk's name is 1 to 64 characters without control characters",
        )
        .into());
    }
    Ok(name.to_string())
}

fn name_taken(name: &str) -> CoreError {
    DomainError::at(
        ErrorCode::DeskNameTaken,
        "name",
        format!("a desk named {name} is paired"),
    )
    .into()
}

impl Office {
    /// Invites a desk: returns the one-time secret (12 base32 symbols, 60
    /// bits), valid for 24 hours. Administrators only.
    pub fn invite_desk(
        &mut self,
        session: &Session,
        name: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<String, CoreError> {
        authorize(session, What::AdminEdit)?;
        let name = desk_name(name)?;
        let secret = random_symbols(SECRET_SYMBOLS);
        let hash = secret_hash(&secret);
        let expires = now + Duration::hours(INVITATION_HOURS);
        self.store().transact(|tx| -> Result<(), CoreError> {
            if desks::active_by_name(tx, &name)?.is_some() {
                return Err(name_taken(&name));
            }
            desks::insert_invitation(
                tx,
                &name,
                &hash,
                &time(now),
                session.login(),
                &time(expires),
            )?;
            Ok(())
        })?;
        Ok(secret)
    }

    /// Every desk ever paired, the newest first. Administrators only.
    pub fn list_desks(&self, session: &Session) -> Result<Vec<Desk>, CoreError> {
        authorize(session, What::AdminEdit)?;
        Ok(desks::list(self.store().conn())?
            .into_iter()
            .map(Desk::from)
            .collect())
    }

    /// Revokes a paired desk: its token stops working at once.
    pub fn revoke_desk(
        &mut self,
        session: &Session,
        name: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Desk, CoreError> {
        authorize(session, What::AdminEdit)?;
        let name = name.trim().to_string();
        self.store().transact(|tx| -> Result<Desk, CoreError> {
            let row = desks::active_by_name(tx, &name)?.ok_or_else(|| {
                CoreError::from(DomainError::at(
                    ErrorCode::NotFound,
                    "name",
                    format!("no paired desk named {name}"),
                ))
            })?;
            desks::revoke(tx, row.id, &time(now), session.login())?;
            Ok(Desk {
                revoked_at: Some(time(now)),
                revoked_by: Some(session.login().to_string()),
                ..Desk::from(row)
            })
        })
    }

    /// The host's side of a join: the invitation's secret (once, within 24 h)
    /// for the new desk's token. `name` replaces the invited name when given.
    /// No session: the secret is the proof.
    pub fn redeem_invitation(
        &mut self,
        secret: &str,
        name: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Result<(Desk, String), CoreError> {
        let hash = secret_hash(secret);
        let token = random_symbols(52);
        let token_hash = secret_hash(&token);
        let desk = self.store().transact(|tx| -> Result<Desk, CoreError> {
            let invitation = desks::invitation_by_hash(tx, &hash)?.ok_or_else(|| {
                CoreError::from(DomainError::at(
                    ErrorCode::InvitationInvalid,
                    "code",
                    "no such invitation",
                ))
            })?;
            if invitation.used_at.is_some() {
                return Err(
                    DomainError::at(ErrorCode::InvitationUsed, "code", "used already").into(),
                );
            }
            let expired = DateTime::parse_from_rfc3339(&invitation.expires_at)
                .map(|t| now >= t)
                .unwrap_or(true);
            if expired {
                return Err(DomainError::at(
                    ErrorCode::InvitationExpired,
                    "code",
                    format!("expired at {}", invitation.expires_at),
                )
                .into());
            }
            let name = match name.map(str::trim).filter(|n| !n.is_empty()) {
                Some(n) => desk_name(n)?,
                None => invitation.name.clone(),
            };
            if desks::active_by_name(tx, &name)?.is_some() {
                return Err(name_taken(&name));
            }
            desks::mark_used(tx, invitation.id, &time(now))?;
            let id = desks::insert_desk(
                tx,
                &name,
                &token_hash,
                &time(now),
                &invitation.created_by,
                invitation.id,
            )?;
            tracing::info!(desk = id, "desk paired");
            Ok(Desk {
                name,
                paired_at: time(now),
                paired_by: invitation.created_by,
                revoked_at: None,
                revoked_by: None,
            })
        })?;
        Ok((desk, token))
    }

    /// A number that changes when another connection (another process on the
    /// host's folder) commits to the journal: SQLite's `data_version`. The
    /// LAN host polls it to tell its desks about writes it did not make.
    pub fn data_version(&self) -> Result<i64, CoreError> {
        let version = self
            .store()
            .conn()
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(kense_store::StoreError::from)?;
        Ok(version)
    }

    /// The paired desk holding `token`; `None` for an unknown or revoked one.
    pub fn desk_for_token(&self, token: &str) -> Result<Option<Desk>, CoreError> {
        Ok(desks::active_by_token(self.store().conn(), &secret_hash(token))?.map(Desk::from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{demo_pin, seed};

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap()
    }

    fn office() -> (Office, Session) {
        let mut office = Office::open_in_memory().unwrap();
        seed(&mut office, now()).unwrap();
        let admin = office.sign_in("admin", demo_pin("admin"), now()).unwrap();
        (office, admin)
    }

    #[test]
    fn invite_redeem_use_revoke() {
        let (mut office, admin) = office();
        let secret = office.invite_desk(&admin, "Кеңсе-1", now()).unwrap();
        assert_eq!(secret.len(), SECRET_SYMBOLS);
        let (desk, token) = office
            .redeem_invitation(&secret.to_lowercase(), None, now())
            .unwrap();
        assert_eq!(desk.name, "Кеңсе-1");
        assert_eq!(desk.paired_by, "admin");
        assert_eq!(office.desk_for_token(&token).unwrap(), Some(desk.clone()));
        assert_eq!(office.desk_for_token("WRONG").unwrap(), None);
        // Once only.
        let again = office.redeem_invitation(&secret, None, now()).unwrap_err();
        assert_eq!(again.first_code(), ErrorCode::InvitationUsed);
        // Revoked: the token stops at once; listed with who and when.
        let revoked = office.revoke_desk(&admin, "Кеңсе-1", now()).unwrap();
        assert_eq!(revoked.revoked_by.as_deref(), Some("admin"));
        assert_eq!(office.desk_for_token(&token).unwrap(), None);
        let list = office.list_desks(&admin).unwrap();
        assert_eq!(list.len(), 1);
        assert!(list[0].revoked_at.is_some());
        let unknown = office.revoke_desk(&admin, "Кеңсе-1", now()).unwrap_err();
        assert_eq!(unknown.first_code(), ErrorCode::NotFound);
        // Only hashes are stored; the chain still verifies.
        let stored: i64 = office
            .store()
            .conn()
            .query_row(
                "SELECT count(*) FROM desks WHERE token_hash = ?1",
                [&token],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(stored, 0);
        let report = office.verify(&admin).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }

    #[test]
    fn wrong_expired_taken_and_forbidden_are_refused() {
        let (mut office, admin) = office();
        let wrong = office
            .redeem_invitation("0000-0000-0000", None, now())
            .unwrap_err();
        assert_eq!(wrong.first_code(), ErrorCode::InvitationInvalid);
        let secret = office.invite_desk(&admin, "A", now()).unwrap();
        let later = now() + Duration::hours(INVITATION_HOURS);
        let expired = office.redeem_invitation(&secret, None, later).unwrap_err();
        assert_eq!(expired.first_code(), ErrorCode::InvitationExpired);
        let first = office.invite_desk(&admin, "B", now()).unwrap();
        office.redeem_invitation(&first, None, now()).unwrap();
        let taken = office.invite_desk(&admin, "B", now()).unwrap_err();
        assert_eq!(taken.first_code(), ErrorCode::DeskNameTaken);
        let other = office.invite_desk(&admin, "C", now()).unwrap();
        let taken = office
            .redeem_invitation(&other, Some("B"), now())
            .unwrap_err();
        assert_eq!(taken.first_code(), ErrorCode::DeskNameTaken);
        let bad = office.invite_desk(&admin, "  ", now()).unwrap_err();
        assert_eq!(bad.first_code(), ErrorCode::InvalidInput);
        let clerk = office.sign_in("clerk", demo_pin("clerk"), now()).unwrap();
        for err in [
            office.invite_desk(&clerk, "D", now()).unwrap_err(),
            office.list_desks(&clerk).unwrap_err(),
            office.revoke_desk(&clerk, "B", now()).unwrap_err(),
        ] {
            assert_eq!(err.first_code(), ErrorCode::PermissionDenied);
        }
    }
}
