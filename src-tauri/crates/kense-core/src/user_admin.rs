//! The administrator's changes to existing users: their details, whether they
//! may sign in, and a new PIN (which also lifts a sign-in lock). Each change is
//! one write that re-reads the users it decides on.

use chrono::{DateTime, FixedOffset, SecondsFormat};
use kense_domain::types::Role;
use kense_domain::user::{keeps_an_admin, validate_pin_for, validate_update, User, UserUpdate};
use kense_domain::{DomainError, ErrorCode};
use kense_store::{sign_in_log, users, Connection};

use crate::authorize::{authorize, What};
use crate::{pin, CoreError, Office, Session};

fn stored(tx: &Connection, login: &str) -> Result<User, CoreError> {
    users::get(tx, login)?.ok_or_else(|| {
        DomainError::at(
            ErrorCode::UserNotFound,
            "login",
            format!("no user `{login}`"),
        )
        .into()
    })
}

/// The signed-in administrator as stored now: someone disabled or demoted
/// since signing in may no longer change users.
fn still_admin(tx: &Connection, session: &Session) -> Result<(), CoreError> {
    match users::get(tx, session.login())? {
        Some(user) if user.active && user.has(Role::Admin) => Ok(()),
        _ => Err(DomainError::new(
            ErrorCode::PermissionDenied,
            format!("`{}` is no longer an active administrator", session.login()),
        )
        .into()),
    }
}

/// Refuses a change that would leave the office with no active
/// administrator: the rule is the domain's, on every user as they would be.
fn keep_an_admin(tx: &Connection, changed: &User, field: &str) -> Result<(), CoreError> {
    let after: Vec<User> = users::list(tx)?
        .into_iter()
        .map(|u| {
            if u.login == changed.login {
                changed.clone()
            } else {
                u
            }
        })
        .collect();
    Ok(keeps_an_admin(&after, field)?)
}

impl Office {
    /// Changes a user's names, positions, phone and roles (never the login).
    pub fn update_user(
        &mut self,
        session: &Session,
        login: &str,
        update: &UserUpdate,
    ) -> Result<User, CoreError> {
        authorize(session, What::AdminEdit)?;
        let login = login.trim().to_lowercase();
        self.store().transact(|tx| {
            still_admin(tx, session)?;
            let current = stored(tx, &login)?;
            let user = validate_update(&current, update)?;
            keep_an_admin(tx, &user, "roles")?;
            if user != current {
                users::update_details(tx, &user)?;
            }
            Ok(user)
        })
    }

    /// Enables or disables a user: a disabled user cannot sign in. Nobody
    /// disables themselves, and the last active administrator stays.
    pub fn set_user_active(
        &mut self,
        session: &Session,
        login: &str,
        active: bool,
    ) -> Result<User, CoreError> {
        authorize(session, What::AdminEdit)?;
        let login = login.trim().to_lowercase();
        if !active && login == session.login() {
            return Err(DomainError::at(
                ErrorCode::SelfDisable,
                "login",
                "an administrator cannot disable their own account",
            )
            .into());
        }
        self.store().transact(|tx| {
            still_admin(tx, session)?;
            let mut user = stored(tx, &login)?;
            if user.active == active {
                return Ok(user);
            }
            user.active = active;
            keep_an_admin(tx, &user, "login")?;
            users::set_active(tx, &login, active)?;
            Ok(user)
        })
    }

    /// Gives a user a new PIN (the same rules as at creation: 6+ digits for a
    /// head, a deputy or an administrator) and lifts their sign-in lock: wrong
    /// PINs typed before the reset no longer count.
    pub fn reset_pin(
        &mut self,
        session: &Session,
        login: &str,
        new_pin: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<(), CoreError> {
        authorize(session, What::AdminEdit)?;
        let login = login.trim().to_lowercase();
        let user = stored(self.store().conn(), &login)?;
        validate_pin_for(&user.roles, new_pin)?;
        let hash = pin::hash(new_pin, self.pin_strength()?)?;
        let at = now.to_rfc3339_opts(SecondsFormat::Secs, false);
        self.store().transact(|tx| {
            still_admin(tx, session)?;
            // The roles may have changed while the PIN was hashed.
            let user = stored(tx, &login)?;
            validate_pin_for(&user.roles, new_pin)?;
            users::set_pin_hash(tx, &login, &hash)?;
            sign_in_log::insert_pin_reset(tx, &login, &at, session.login())?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests;
