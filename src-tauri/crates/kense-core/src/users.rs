//! The office's people: creating users, signing in, the head's absences.

use chrono::{DateTime, FixedOffset};
use kense_domain::types::Role;
use kense_domain::user::{validate_user, User, UserInput};
use kense_domain::workflow::Actor;
use kense_domain::{DomainError, ErrorCode};
use kense_store::{absences, settings, users};

use crate::authorize::{authorize, What};
use crate::{pin, CoreError, Office, Session};

fn time(t: DateTime<FixedOffset>) -> String {
    t.to_rfc3339()
}

impl Office {
    /// The office's users, for a signed-in user.
    pub fn users(&self, session: &Session) -> Result<Vec<User>, CoreError> {
        authorize(session, What::ReadJournal)?;
        self.all_users()
    }

    pub(crate) fn all_users(&self) -> Result<Vec<User>, CoreError> {
        Ok(users::list(self.store().conn())?)
    }

    /// Whether the office has any user yet (the window's first run asks it
    /// before anyone can sign in).
    pub fn has_users(&self) -> Result<bool, CoreError> {
        Ok(users::count(self.store().conn())? > 0)
    }

    /// The active users' logins and names the sign-in screen offers to pick
    /// from (shown before anyone signs in, as it always was; nothing else of
    /// the office is read without a session).
    pub fn sign_in_choices(&self) -> Result<Vec<User>, CoreError> {
        Ok(self.all_users()?.into_iter().filter(|u| u.active).collect())
    }

    /// The signed-in user's own record (as stored now).
    pub fn session_user(&self, session: &Session) -> Result<User, CoreError> {
        authorize(session, What::ReadJournal)?;
        self.user(session.login())
    }

    /// An active user, or `unknown_user`.
    pub(crate) fn user(&self, login: &str) -> Result<User, CoreError> {
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

    /// Only an administrator creates users (the office's first one is made
    /// by the first run or the demo, which have no session yet).
    pub fn create_user(
        &mut self,
        session: &Session,
        input: &UserInput,
        now: DateTime<FixedOffset>,
    ) -> Result<User, CoreError> {
        authorize(session, What::AdminEdit)?;
        self.insert_user(input, session.login(), now)
    }

    /// Creates a user as `by`: the very first user of an empty office must be
    /// an administrator; later ones are made only through `create_user`.
    pub(crate) fn insert_user(
        &mut self,
        input: &UserInput,
        by: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<User, CoreError> {
        let first = users::count(self.store().conn())? == 0;
        if first && !input.roles.iter().any(|g| g.role == Role::Admin) {
            return Err(DomainError::at(
                ErrorCode::PermissionDenied,
                "roles",
                "the first user of an office must be an administrator",
            )
            .into());
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
        session: &Session,
        from: DateTime<FixedOffset>,
        until: DateTime<FixedOffset>,
        now: DateTime<FixedOffset>,
    ) -> Result<(), CoreError> {
        authorize(session, What::HeadAbsence)?;
        let by = session.login();
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
        session: &Session,
        from: &str,
        until: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<(), CoreError> {
        let parse = |field: &str, text: &str| -> Result<DateTime<FixedOffset>, CoreError> {
            Ok(kense_domain::dates::date_time_field(
                field,
                text,
                *now.offset(),
            )?)
        };
        self.set_head_absence(session, parse("from", from)?, parse("until", until)?, now)
    }

    pub(crate) fn head_absent(&self, now: DateTime<FixedOffset>) -> Result<bool, CoreError> {
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

    /// The signed-in user as the workflow sees them at `now`, with their
    /// roles as stored now: someone deactivated since signing in may do nothing.
    pub(crate) fn actor(
        &self,
        session: &Session,
        now: DateTime<FixedOffset>,
    ) -> Result<Actor, CoreError> {
        authorize(session, What::ActOnCase)?;
        let user = self.user(session.login()).map_err(|_| {
            CoreError::from(DomainError::new(
                ErrorCode::PermissionDenied,
                format!("`{}` is not an active user", session.login()),
            ))
        })?;
        Ok(Actor {
            login: user.login.clone(),
            roles: user.roles.iter().map(|g| g.role).collect(),
            head_absent: self.head_absent(now)?,
        })
    }
}
