//! The office's people: creating users, signing in, the head's absences.

use chrono::{DateTime, FixedOffset};
use kense_domain::types::Role;
use kense_domain::user::{validate_user, User, UserInput};
use kense_domain::workflow::Actor;
use kense_domain::{DomainError, ErrorCode};
use kense_store::{absences, settings, users};

use crate::{pin, CoreError, Office};

fn time(t: DateTime<FixedOffset>) -> String {
    t.to_rfc3339()
}

impl Office {
    pub fn users(&self) -> Result<Vec<User>, CoreError> {
        Ok(users::list(self.store().conn())?)
    }

    /// An active user, or `unknown_user`.
    pub fn user(&self, login: &str) -> Result<User, CoreError> {
        match users::get(self.store().conn(), login)? {
            Some(user) if user.active => Ok(user),
            _ => Err(DomainError::at(
                ErrorCode::UnknownUser,
                "login",
                format!("no active user `{login}`"),
            )
            .into()),
        }
    }

    /// Only an administrator creates users; the very first user of an empty office
    /// may be created by anyone, and must be an administrator.
    pub fn create_user(
        &mut self,
        input: &UserInput,
        by: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<User, CoreError> {
        let first = users::count(self.store().conn())? == 0;
        if first {
            if !input.roles.iter().any(|g| g.role == Role::Admin) {
                return Err(DomainError::at(
                    ErrorCode::PermissionDenied,
                    "roles",
                    "the first user of an office must be an administrator",
                )
                .into());
            }
        } else {
            self.authorize(by, crate::authorize::What::AdminEdit)?;
        }
        let user = validate_user(input)?;
        if users::get(self.store().conn(), &user.login)?.is_some() {
            return Err(DomainError::at(
                ErrorCode::LoginTaken,
                "login",
                format!("`{}` exists", user.login),
            )
            .into());
        }
        let hash = pin::hash(&input.pin, self.pin_strength()?)?;
        self.store_mut()
            .write(|tx| users::insert(tx, &user, &hash, &time(now), by))?;
        Ok(user)
    }

    /// Marks the head absent for a period: meanwhile the deputy acts for the head.
    pub fn set_head_absence(
        &mut self,
        from: DateTime<FixedOffset>,
        until: DateTime<FixedOffset>,
        by: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<(), CoreError> {
        self.authorize(by, crate::authorize::What::HeadAbsence)?;
        if until <= from {
            return Err(DomainError::at(
                ErrorCode::DateInvalid,
                "until",
                "the absence ends before it starts",
            )
            .into());
        }
        self.store_mut()
            .write(|tx| absences::insert(tx, from, until, by, now))?;
        Ok(())
    }

    /// The same, from texts as a form or the CLI gives them (`dd.mm.yyyy HH:MM`,
    /// ISO or RFC 3339), read in the office's time zone (that of `now`).
    pub fn set_head_absence_text(
        &mut self,
        from: &str,
        until: &str,
        by: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<(), CoreError> {
        let parse = |field: &str, text: &str| -> Result<DateTime<FixedOffset>, CoreError> {
            Ok(kense_domain::dates::date_time_field(
                field,
                text,
                *now.offset(),
            )?)
        };
        self.set_head_absence(parse("from", from)?, parse("until", until)?, by, now)
    }

    pub fn head_absent(&self, now: DateTime<FixedOffset>) -> Result<bool, CoreError> {
        Ok(absences::head_absent_at(self.store().conn(), now)?)
    }

    /// Whether this journal was made for tests or the demo (`demo`, `init
    /// --test-journal`): only such a journal accepts a clock set by hand, and
    /// its PINs are hashed with light parameters.
    pub fn is_test_journal(&self) -> Result<bool, CoreError> {
        Ok(settings::get(self.store().conn(), settings::TEST_JOURNAL)?.as_deref() == Some("yes"))
    }

    /// Marks a new journal as made for tests or the demo (before its first user).
    pub fn mark_test_journal(&mut self) -> Result<(), CoreError> {
        settings::set(self.store_mut().conn_mut(), settings::TEST_JOURNAL, "yes")?;
        Ok(())
    }

    pub(crate) fn pin_strength(&self) -> Result<pin::Strength, CoreError> {
        Ok(if self.is_test_journal()? {
            pin::Strength::Light
        } else {
            pin::Strength::Office
        })
    }

    /// The user as the workflow sees them at `now`. Someone who is not an
    /// active user may do nothing.
    pub fn actor(&self, login: &str, now: DateTime<FixedOffset>) -> Result<Actor, CoreError> {
        let session = self.authorize(login, crate::authorize::What::ActOnCase)?;
        Ok(Actor {
            login: session.login().to_string(),
            roles: session.roles().iter().map(|g| g.role).collect(),
            head_absent: self.head_absent(now)?,
        })
    }
}
