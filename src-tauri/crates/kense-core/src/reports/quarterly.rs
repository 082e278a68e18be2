//! The quarterly state-services report as a PDF: previewed as a draft,
//! signed by the head (or the deputy while the head is absent) and then frozen
//! like every outgoing paper — stored with its SHA-256 and check code, every
//! later print the same bytes, logged as a copy.

use chrono::NaiveDate;
use kense_domain::report::{GroupBy, ReportQuery};
use kense_domain::types::{Language, Role};
use kense_domain::{DomainError, ErrorCode};
use kense_pdf::{QuarterlyData, QuarterlyLine, Signatory};
use kense_store::documents::{self as store_docs, NewDocument};

use crate::authorize::{authorize, What};
use crate::documents::{blank_stamp, issue, DocumentKind, Plan, Printed};
use crate::{CoreError, Office, Session};

type Time = chrono::DateTime<chrono::FixedOffset>;

impl Office {
    fn quarterly_data(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        lang: Language,
        signer: Option<&str>,
        now: Time,
    ) -> Result<QuarterlyData, CoreError> {
        let query = ReportQuery {
            from,
            to,
            service: None,
            procedure: None,
            channel: None,
            executor: None,
            department: None,
            by: GroupBy::Service,
        };
        let view = self.compute_report(&query, now)?;
        let details = self.details()?;
        let signatory = match signer.map(|l| self.user(l)).transpose()? {
            Some(user) if !user.has(Role::Head) => Signatory {
                position: user.position.get(lang).to_string(),
                name: user.name.get(lang).to_string(),
            },
            _ => Signatory {
                position: details.head_position.get(lang).to_string(),
                name: details.head_name.get(lang).to_string(),
            },
        };
        let local = now.with_timezone(&self.calendar().hours.offset);
        Ok(QuarterlyData {
            stamp: blank_stamp(local.naive_local()),
            office: kense_pdf::Office {
                name: details.name.get(lang).to_string(),
                address: details.address.get(lang).to_string(),
                phone: details.phone.clone(),
            },
            period_from: from,
            period_to: to,
            lines: view
                .report
                .services
                .iter()
                .map(|s| QuarterlyLine {
                    service: view
                        .labels
                        .services
                        .get(&s.service)
                        .map(|t| t.get(lang).to_string())
                        .unwrap_or_else(|| s.service.clone()),
                    rendered: s.rendered,
                    portal: s.portal,
                    state_corp: s.state_corp,
                    refused: s.refused,
                    violations: s.violations,
                })
                .collect(),
            signatory,
            draft: signer.is_none(),
        })
    }

    /// The quarterly report for a period as an unsigned draft (not stored).
    pub fn quarterly_draft(
        &self,
        session: &Session,
        from: NaiveDate,
        to: NaiveDate,
        lang: Language,
        now: Time,
    ) -> Result<Vec<u8>, CoreError> {
        self.report_access(session)?;
        self.period_bounds(from, to)?;
        let data = self.quarterly_data(from, to, lang, None, now)?;
        Ok(Plan::Quarterly(data)
            .render(lang)
            .map_err(|e| DomainError::new(ErrorCode::RenderFailed, e.to_string()))?)
    }

    /// The signed report of the period in `lang`, if one was frozen: printed
    /// again as a copy.
    pub fn print_quarterly(
        &mut self,
        session: &Session,
        from: NaiveDate,
        to: NaiveDate,
        lang: Language,
        now: Time,
    ) -> Result<Option<Printed>, CoreError> {
        let login = session.login();
        self.report_access(session)?;
        let found = store_docs::find_for_period(
            self.store().conn(),
            DocumentKind::Quarterly.code(),
            lang.code(),
            &from.to_string(),
            &to.to_string(),
        )?;
        match found {
            Some(doc) => Ok(Some(self.print_stored(&doc, login, now)?)),
            None => Ok(None),
        }
    }

    /// Signs the period's report as `login` (the head, or the deputy while the
    /// head is absent) and freezes it. Once signed, the period's report in
    /// that language is never rendered again: this returns the stored copy.
    pub fn sign_quarterly(
        &mut self,
        session: &Session,
        from: NaiveDate,
        to: NaiveDate,
        lang: Language,
        now: Time,
    ) -> Result<Printed, CoreError> {
        let login = session.login();
        authorize(session, What::SignReport)?;
        let user = session;
        let acting_for_head = if user.has(Role::Head) {
            false
        } else if user.has(Role::Deputy) && self.head_absent(now)? {
            true
        } else {
            return Err(DomainError::new(
                ErrorCode::PermissionDenied,
                format!("{login} is not the head, nor a deputy while the head is absent"),
            )
            .into());
        };
        self.period_bounds(from, to)?;
        if let Some(printed) = self.print_quarterly(session, from, to, lang, now)? {
            return Ok(printed);
        }
        let data = self.quarterly_data(from, to, lang, Some(login), now)?;
        let local = now.with_timezone(&self.calendar().hours.offset);
        let at = local.to_rfc3339();
        let label = format!("{from}..{to}");
        let (from_text, to_text) = (from.to_string(), to.to_string());
        let role = if acting_for_head {
            Role::Deputy
        } else {
            Role::Head
        };
        let code = self.store_mut().write(|tx| {
            let issued = issue(
                tx,
                Plan::Quarterly(data),
                lang,
                &label,
                DocumentKind::Quarterly,
                local.naive_local(),
            )?;
            store_docs::insert(
                tx,
                &NewDocument {
                    case_id: None,
                    kind: DocumentKind::Quarterly.code(),
                    lang: lang.code(),
                    sha256: &issued.sha256,
                    content_sha256: &issued.content_sha256,
                    check_code: &issued.code,
                    bytes: &issued.bytes,
                    signed_by: Some(login),
                    signer_role: Some(role.code()),
                    acting_for_head,
                    signed_at: Some(&at),
                    event_id: None,
                    outgoing_number: None,
                    period_from: Some(&from_text),
                    period_to: Some(&to_text),
                    created_by: login,
                    created_at: &at,
                },
            )?;
            Ok(issued.code)
        })?;
        let doc = store_docs::by_check_code(self.store().conn(), &code)?.ok_or_else(|| {
            CoreError::from(DomainError::new(
                ErrorCode::StorageFailed,
                "document vanished",
            ))
        })?;
        self.print_stored(&doc, login, now)
    }

    /// The same, confirmed by the signer's PIN (the window). A wrong PIN changes nothing.
    pub fn sign_quarterly_with_pin(
        &mut self,
        session: &Session,
        from: NaiveDate,
        to: NaiveDate,
        lang: Language,
        pin: &str,
        now: Time,
    ) -> Result<Printed, CoreError> {
        let login = session.login();
        let confirmed = self.sign_in(login, pin, now)?;
        self.sign_quarterly(&confirmed, from, to, lang, now)
    }
}
