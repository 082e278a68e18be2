//! Work queues: "my work" for each user, the head's overdue dashboard, journal search.

use chrono::{DateTime, FixedOffset};
use kense_domain::case::Case;
use kense_domain::journal::JournalFilter;
use kense_domain::types::Role;
use kense_store::cases;
use kense_store::queues::{self, Queue};

use crate::authorize::{authorize, What};
use crate::views::{JournalRow, JournalSearch, OverdueCount, OverdueDashboard};
use crate::{CoreError, Office, Session};

type Time = DateTime<FixedOffset>;

/// Rows shown at most in one queue.
pub const QUEUE_LIMIT: u32 = 500;
/// Rows shown at most for one search: more means the search should be narrower.
pub const SEARCH_LIMIT: u32 = 200;

impl Office {
    /// Every open step the signed-in user may act on, the most urgent first.
    pub fn my_work(&self, session: &Session, now: Time) -> Result<Vec<JournalRow>, CoreError> {
        authorize(session, What::ReadJournal)?;
        let user = self.user(session.login())?;
        let conn = self.store().conn();
        let mut found: Vec<Case> = Vec::new();
        if user.has(Role::Clerk) {
            found.extend(queues::open_steps(
                conn,
                Queue::Role(Role::Clerk),
                QUEUE_LIMIT,
            )?);
        }
        if user.has(Role::Head) || (user.has(Role::Deputy) && self.head_absent(now)?) {
            found.extend(queues::open_steps(
                conn,
                Queue::Role(Role::Head),
                QUEUE_LIMIT,
            )?);
        }
        if user.has(Role::DeptHead) {
            found.extend(queues::open_steps(
                conn,
                Queue::DeptHead(&user.login),
                QUEUE_LIMIT,
            )?);
        }
        if user.has(Role::Executor) {
            found.extend(queues::open_steps(
                conn,
                Queue::Executor(&user.login),
                QUEUE_LIMIT,
            )?);
        }
        found.sort_by(|a, b| {
            (a.route.due_at.is_none(), a.route.due_at, a.id).cmp(&(
                b.route.due_at.is_none(),
                b.route.due_at,
                b.id,
            ))
        });
        found.dedup_by_key(|c| c.id);
        Ok(found.iter().map(|c| self.journal_row(c, now)).collect())
    }

    /// Every overdue step of the office, with counts by step and by executor.
    pub fn overdue_dashboard(
        &self,
        session: &Session,
        now: Time,
    ) -> Result<OverdueDashboard, CoreError> {
        authorize(session, What::ReadJournal)?;
        let conn = self.store().conn();
        let items: Vec<JournalRow> = queues::overdue(conn, now)?
            .iter()
            .map(|c| self.journal_row(c, now))
            .collect();
        let (by_step, by_executor) = queues::overdue_counts(conn, now)?;
        let step_label = |id: &str| {
            items
                .iter()
                .find(|row| row.step_id.as_deref() == Some(id))
                .and_then(|row| row.step_name.clone())
        };
        Ok(OverdueDashboard {
            by_step: by_step
                .into_iter()
                .map(|(key, count)| OverdueCount {
                    label: step_label(&key),
                    key,
                    count,
                })
                .collect(),
            by_executor: by_executor
                .into_iter()
                .map(|(key, count)| OverdueCount {
                    // A disabled executor keeps their name here too.
                    label: kense_store::users::get(self.store().conn(), &key)
                        .ok()
                        .flatten()
                        .map(|u| u.name),
                    key,
                    count,
                })
                .collect(),
            items,
        })
    }

    /// The journal narrowed by a filter, newest first. Its dates may be written
    /// `dd.mm.yyyy` or `yyyy-mm-dd`; any other is `date_invalid` on its field.
    pub fn search(
        &self,
        session: &Session,
        filter: &JournalFilter,
        now: Time,
    ) -> Result<Vec<JournalRow>, CoreError> {
        authorize(session, What::ReadJournal)?;
        self.search_rows(filter, now)
    }

    pub(crate) fn search_rows(
        &self,
        filter: &JournalFilter,
        now: Time,
    ) -> Result<Vec<JournalRow>, CoreError> {
        let filter = &kense_domain::dates::journal_filter_dates(filter)?;
        let found = queues::search(self.store().conn(), filter, now, SEARCH_LIMIT)?;
        Ok(found.iter().map(|c| self.journal_row(c, now)).collect())
    }

    /// `search` with whether the journal is empty: asked only when nothing
    /// was found, so the window says "nothing found" or "no applications yet".
    pub fn search_journal(
        &self,
        session: &Session,
        filter: &JournalFilter,
        now: Time,
    ) -> Result<JournalSearch, CoreError> {
        let rows = self.search(session, filter, now)?;
        let journal_empty = rows.is_empty() && cases::is_empty(self.store().conn())?;
        Ok(JournalSearch {
            rows,
            journal_empty,
        })
    }
}
