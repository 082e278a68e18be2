//! The office's own details, printed on every document: its name, address and
//! phone, the head's position and name (each in Kazakh and Russian), and the
//! pattern of outgoing numbers. Kept in the settings table; only an
//! administrator changes them.

use kense_domain::case::normalize_text;
use kense_domain::numbering::validate_pattern;
use kense_domain::types::Text;
use kense_domain::{DomainError, ErrorCode};
use kense_store::settings;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::authorize::{authorize, What};
use crate::{CoreError, Office, Session};

const DETAILS: &str = "office_details";
const OUTGOING_PATTERN: &str = "outgoing_pattern";
const MAX_NAME: usize = 500;
const MAX_ADDRESS: usize = 500;
const MAX_PHONE: usize = 60;
const MAX_PERSON: usize = 200;

/// The settings screen's data (and `kense-cli office show|set --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct OfficeDetails {
    pub name: Text,
    pub address: Text,
    pub phone: String,
    pub head_position: Text,
    pub head_name: Text,
    /// E.g. `YYYY-NNNNN/Ш`; see the registration number pattern.
    pub outgoing_pattern: String,
}

/// The part kept as one JSON value (the pattern has its own, older setting).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Stored {
    name: Option<Text>,
    address: Option<Text>,
    phone: String,
    head_position: Option<Text>,
    head_name: Option<Text>,
}

fn empty() -> Text {
    Text {
        kk: String::new(),
        ru: String::new(),
    }
}

fn clean(text: &Text) -> Text {
    Text {
        kk: normalize_text(&text.kk),
        ru: normalize_text(&text.ru),
    }
}

fn check_text(errors: &mut Vec<DomainError>, field: &str, text: &Text, max: usize) {
    for (lang, value) in [("kk", &text.kk), ("ru", &text.ru)] {
        let path = format!("{field}.{lang}");
        if value.is_empty() {
            errors.push(DomainError::at(
                ErrorCode::Required,
                path,
                format!("{field} ({lang}) is empty"),
            ));
        } else if value.chars().count() > max {
            errors.push(DomainError::at(
                ErrorCode::TooLong,
                path,
                format!("{field} ({lang}) is longer than {max} characters"),
            ));
        }
    }
}

/// Trims the details and checks every field; all errors at once.
pub fn validate(details: &OfficeDetails) -> Result<OfficeDetails, CoreError> {
    let clean = OfficeDetails {
        name: clean(&details.name),
        address: clean(&details.address),
        phone: normalize_text(&details.phone),
        head_position: clean(&details.head_position),
        head_name: clean(&details.head_name),
        outgoing_pattern: details.outgoing_pattern.trim().to_string(),
    };
    let mut errors = Vec::new();
    check_text(&mut errors, "name", &clean.name, MAX_NAME);
    check_text(&mut errors, "address", &clean.address, MAX_ADDRESS);
    check_text(
        &mut errors,
        "head_position",
        &clean.head_position,
        MAX_PERSON,
    );
    check_text(&mut errors, "head_name", &clean.head_name, MAX_PERSON);
    if clean.phone.is_empty() {
        errors.push(DomainError::at(
            ErrorCode::Required,
            "phone",
            "phone is empty",
        ));
    } else if clean.phone.chars().count() > MAX_PHONE
        || !clean
            .phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-(),;".contains(c))
    {
        errors.push(DomainError::at(
            ErrorCode::PhoneInvalid,
            "phone",
            format!("`{}` is not a phone number", clean.phone),
        ));
    }
    if let Err(mut e) = validate_pattern(&clean.outgoing_pattern) {
        e.field = Some("outgoing_pattern".into());
        errors.push(e);
    }
    if errors.is_empty() {
        Ok(clean)
    } else {
        Err(errors.into())
    }
}

impl Office {
    /// The office's details, for a signed-in user; fields never set are empty.
    pub fn office_details(&self, session: &Session) -> Result<OfficeDetails, CoreError> {
        authorize(session, What::ReadJournal)?;
        self.details()
    }

    pub(crate) fn details(&self) -> Result<OfficeDetails, CoreError> {
        let stored: Stored = match settings::get(self.store().conn(), DETAILS)? {
            Some(json) => serde_json::from_str(&json).map_err(|e| {
                CoreError::from(DomainError::new(
                    ErrorCode::StorageFailed,
                    format!("office details: {e}"),
                ))
            })?,
            None => Stored::default(),
        };
        Ok(OfficeDetails {
            name: stored.name.unwrap_or_else(empty),
            address: stored.address.unwrap_or_else(empty),
            phone: stored.phone,
            head_position: stored.head_position.unwrap_or_else(empty),
            head_name: stored.head_name.unwrap_or_else(empty),
            outgoing_pattern: self.outgoing_pattern()?,
        })
    }

    /// Replaces the office's details (administrators only); nothing is written
    /// when any field is wrong. Returns the details as stored.
    pub fn set_office_details(
        &mut self,
        session: &Session,
        details: &OfficeDetails,
    ) -> Result<OfficeDetails, CoreError> {
        authorize(session, What::AdminEdit)?;
        self.store_office_details(details)
    }

    /// The same without the role check, for setting up the demo office.
    pub(crate) fn store_office_details(
        &mut self,
        details: &OfficeDetails,
    ) -> Result<OfficeDetails, CoreError> {
        let clean = validate(details)?;
        let stored = Stored {
            name: Some(clean.name.clone()),
            address: Some(clean.address.clone()),
            phone: clean.phone.clone(),
            head_position: Some(clean.head_position.clone()),
            head_name: Some(clean.head_name.clone()),
        };
        let json = serde_json::to_string(&stored).map_err(|e| {
            CoreError::from(DomainError::new(ErrorCode::StorageFailed, e.to_string()))
        })?;
        self.store_mut().write(|tx| {
            for (key, value) in [
                (DETAILS, json.as_str()),
                (OUTGOING_PATTERN, &clean.outgoing_pattern),
            ] {
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )?;
            }
            Ok(())
        })?;
        Ok(clean)
    }
}

/// The demo office: a regional passenger transport department in Oral.
pub fn demo_details() -> OfficeDetails {
    let t = |kk: &str, ru: &str| Text {
        kk: kk.into(),
        ru: ru.into(),
    };
    OfficeDetails {
        name: t(
            "Батыс Қазақстан облысының жолаушылар көлігі және автомобиль жолдары басқармасы",
            "Управление пассажирского транспорта и автомобильных дорог Западно-Казахстанской области",
        ),
        address: t(
            "090000, Орал қ., Достық-Дружба даңғылы, 184",
            "090000, г. Уральск, проспект Достык-Дружба, 184",
        ),
        phone: "+7 (7112) 50-00-00".into(),
        head_position: t("Басқарма басшысы", "Руководитель управления"),
        head_name: t("Н. А. Жұмабаев", "Н. А. Жумабаев"),
        outgoing_pattern: crate::office::DEFAULT_OUTGOING_PATTERN.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn office() -> Office {
        let mut office = Office::open_in_memory().unwrap();
        crate::demo::seed_users(
            &mut office,
            DateTime::parse_from_rfc3339("2026-11-01T09:00:00+05:00").unwrap(),
        )
        .unwrap();
        office
    }

    #[test]
    fn an_admin_sets_and_reads_back_the_details() {
        let mut office = office();
        let mut details = demo_details();
        details.outgoing_pattern = "NNNN/YYYY-Ш".into();
        details.name.kk = format!("  {}  ", details.name.kk);
        let stored = office
            .set_office_details(&office.session_for("admin"), &details)
            .unwrap();
        assert_eq!(stored.name.kk, demo_details().name.kk);
        let read = office.office_details(&office.session_for("admin")).unwrap();
        assert_eq!(read, stored);
        assert_eq!(office.outgoing_pattern().unwrap(), "NNNN/YYYY-Ш");
    }

    #[test]
    fn only_an_admin_may_change_them() {
        let mut office = office();
        let err = office
            .set_office_details(&office.session_for("head"), &demo_details())
            .unwrap_err();
        assert_eq!(err.first_code(), ErrorCode::PermissionDenied);
        assert_eq!(
            office
                .office_details(&office.session_for("admin"))
                .unwrap()
                .name
                .kk,
            ""
        );
    }

    #[test]
    fn every_wrong_field_is_reported_and_nothing_is_written() {
        let mut office = office();
        let mut details = demo_details();
        details.name.ru = "   ".into();
        details.phone = "call me".into();
        details.outgoing_pattern = "nothing".into();
        details.head_name.kk = "Ә".repeat(MAX_PERSON + 1);
        let err = office
            .set_office_details(&office.session_for("admin"), &details)
            .unwrap_err();
        let fields: Vec<_> = err.0.iter().filter_map(|e| e.field.clone()).collect();
        assert_eq!(
            fields,
            ["name.ru", "head_name.kk", "phone", "outgoing_pattern"]
        );
        assert_eq!(
            office
                .office_details(&office.session_for("admin"))
                .unwrap()
                .phone,
            ""
        );
    }
}
