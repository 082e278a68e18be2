//! What the window's commands share: the open office (or why it could not open),
//! the clock and the desk user.

use std::sync::Mutex;

use kense_core::authorize::{authorize, What};
use kense_core::clock::Clock;
use kense_core::{data_dir, demo, ApiError, CoreError, Office, Session};
use kense_domain::types::Language;
use kense_domain::{DomainError, ErrorCode};

use crate::args::Args;

/// Opens the folder's journal. Until the first-run wizard exists, a folder with
/// no journal that is otherwise empty starts a new one (the explicit create);
/// a folder holding anything else (a backup, a stray file) is refused.
fn open_or_start(dir: &std::path::Path) -> Result<Office, CoreError> {
    if dir.join(kense_store::JOURNAL_FILE).exists() {
        return Office::open(dir);
    }
    match Office::create(dir) {
        Ok(office) => Ok(office),
        Err(e) if e.first_code() == ErrorCode::FolderNotEmpty => Office::open(dir),
        Err(e) => Err(e),
    }
}

pub struct AppState {
    office: Result<Mutex<Office>, CoreError>,
    pub clock: Clock,
    /// Who is signed in at this desk (made only by the core's sign-in or first run).
    session: Mutex<Option<Session>>,
    pub demo: bool,
    pub data_dir: String,
}

impl AppState {
    pub fn open(args: &Args) -> AppState {
        let env = |name: &str| std::env::var(name).ok();
        let dir = data_dir::resolve(args.data_dir.clone(), env("KENSE_DATA_DIR"));
        let clock = Clock::from_override(args.now.as_deref(), env("KENSE_NOW").as_deref());
        let office = clock
            .clone()
            .map_err(|detail| {
                CoreError::from(DomainError::at(ErrorCode::DateInvalid, "now", detail))
            })
            .and_then(|clock| {
                let mut office = open_or_start(&dir)?;
                if args.demo {
                    demo::seed(&mut office, clock.now())?;
                }
                // A clock set by hand only on a journal made for tests or the demo.
                if (args.now.is_some() || env("KENSE_NOW").is_some())
                    && !office.is_test_journal()?
                {
                    return Err(CoreError::from(DomainError::at(
                        ErrorCode::NowNotAllowed,
                        "now",
                        "--now / KENSE_NOW on a journal not marked for tests or the demo",
                    )));
                }
                // The first start of a working day backs the journal up.
                if let Err(e) = office.daily_backup(clock.now()) {
                    tracing::error!(error = %e, "daily backup failed");
                }
                Ok(office)
            });
        if let Err(e) = &office {
            tracing::error!(error = %e, "the journal could not be opened");
        }
        AppState {
            office: office.map(Mutex::new),
            clock: clock.unwrap_or(Clock::Real),
            session: Mutex::new(None),
            demo: args.demo,
            data_dir: dir.display().to_string(),
        }
    }

    /// Closes the open journal, runs `f` on its folder (a restore), then opens it again.
    pub fn reopen_after<T>(
        &self,
        f: impl FnOnce(&std::path::Path) -> Result<T, CoreError>,
    ) -> Result<T, ApiError> {
        let office = self.office.as_ref().map_err(|e| e.to_api(Language::Kk))?;
        let mut guard = office.lock().unwrap_or_else(|p| p.into_inner());
        let lang = guard.ui_language();
        let dir = std::path::PathBuf::from(&self.data_dir);
        let placeholder = Office::open_in_memory().map_err(|e| e.to_api(lang))?;
        drop(std::mem::replace(&mut *guard, placeholder));
        let result = f(&dir);
        // Whatever happened, the folder's journal (restored or the same) is opened again.
        match Office::open(&dir) {
            Ok(reopened) => *guard = reopened,
            Err(e) => return Err(e.to_api(lang)),
        }
        result.map_err(|e| e.to_api(lang))
    }

    pub fn signed_in(&self) -> Option<Session> {
        self.session
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn set_session(&self, session: Option<Session>) {
        *self.session.lock().unwrap_or_else(|p| p.into_inner()) = session;
    }

    /// Runs `f` as the signed-in user (the desk's `Session`, never a login
    /// from the window); `not_logged_in` otherwise.
    pub fn as_user<T>(
        &self,
        f: impl FnOnce(&mut Office, &Session) -> Result<T, CoreError>,
    ) -> Result<T, ApiError> {
        let session = self.signed_in();
        self.with_office(move |office| {
            let Some(session) = session else {
                return Err(DomainError::new(ErrorCode::NotLoggedIn, "nobody is signed in").into());
            };
            f(office, &session)
        })
    }

    /// A read by the signed-in user of what the core serves without a
    /// session (the regulations, the calendar): the window still asks for a
    /// signed-in user (`authorize`: `ReadJournal`).
    pub fn reading<T>(
        &self,
        f: impl FnOnce(&mut Office) -> Result<T, CoreError>,
    ) -> Result<T, ApiError> {
        self.as_user(|office, session| {
            authorize(session, What::ReadJournal)?;
            f(office)
        })
    }

    /// Runs `f` on the open office; errors come back as `{code, message}` in the UI's language.
    pub fn with_office<T>(
        &self,
        f: impl FnOnce(&mut Office) -> Result<T, CoreError>,
    ) -> Result<T, ApiError> {
        let office = self.office.as_ref().map_err(|e| e.to_api(Language::Kk))?;
        let mut office = office
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let lang = office.ui_language();
        f(&mut office).map_err(|e| e.to_api(lang))
    }
}
