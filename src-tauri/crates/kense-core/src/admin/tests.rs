use chrono::DateTime;
use kense_domain::regulation::{DocumentItem, StepLimitEdit};

use super::*;
use kense_domain::types::Role;

fn at(text: &str) -> Time {
    DateTime::parse_from_rfc3339(text).unwrap()
}

const NOW: &str = "2026-11-23T10:00:00+05:00";

/// The office's administrators `admin1` and `admin2` (there is no setup mode:
/// only an administrator edits).
fn with_admins(mut office: Office) -> Office {
    use kense_domain::types::Text;
    use kense_domain::user::{RoleGrant, UserInput};
    office.mark_test_journal().unwrap();
    for (login, by) in [("admin1", "setup"), ("admin2", "admin1")] {
        let input = UserInput {
            login: login.into(),
            name: Text {
                kk: "Әкімші".into(),
                ru: "Администратор".into(),
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
            pin: "123456".into(),
        };
        office.insert_user(&input, by, at(NOW)).unwrap();
    }
    office
}
const VESSEL: &str = "small-vessel-certificate";

fn longer_examination() -> ServiceEdit {
    ServiceEdit {
        step_limits: vec![StepLimitEdit {
            procedure: "issue".into(),
            step: "examine".into(),
            limit: Some("8wd".parse().unwrap()),
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[test]
fn an_edit_is_stored_as_the_next_version_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut office = with_admins(Office::create(dir.path()).unwrap());
        let v2 = office
            .edit_service(
                &office.session_for("admin1"),
                VESSEL,
                &longer_examination(),
                at(NOW),
            )
            .unwrap();
        assert_eq!(v2.version, 2);
        assert_eq!(v2.effective_from.to_string(), "2026-11-23");
        assert_eq!(office.catalog().latest(VESSEL).unwrap().version, 2);
    }
    let office = Office::open(dir.path()).unwrap();
    let report = office.services_report().unwrap();
    let vessel = report.services.iter().find(|s| s.id == VESSEL).unwrap();
    assert_eq!(vessel.version, 2);
    let sources: Vec<&str> = vessel.versions.iter().map(|v| v.source.as_str()).collect();
    assert_eq!(
        sources,
        [
            "small-vessel-certificate.toml",
            "db:small-vessel-certificate@2"
        ]
    );
    assert_eq!(vessel.versions[1].created_by.as_deref(), Some("admin1"));
    assert_eq!(vessel.versions[0].created_by, None);
    let examine = &vessel.procedures[0].steps[2];
    assert_eq!(
        (examine.id.as_str(), examine.limit.as_str()),
        ("examine", "8wd")
    );
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    // The plan follows the version in force: one more working day to examine.
    let plan = office.plan(VESSEL, "issue", None, at(NOW)).unwrap();
    assert_eq!(plan.version, 2);
    assert_eq!(plan.steps[2].due, at("2026-12-03T18:30:00+05:00"));
}

#[test]
fn a_malformed_edit_is_refused_with_file_and_field_and_stores_nothing() {
    let mut office = with_admins(Office::open_in_memory().unwrap());
    let mut edit = longer_examination();
    edit.step_limits[0].step = "no-such-step".into();
    let err = office
        .edit_service(&office.session_for("admin1"), VESSEL, &edit, at(NOW))
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::RegulationInvalid);
    assert_eq!(err.0[0].field.as_deref(), Some("step_limits[0].step"));
    assert!(
        err.0[0].detail.starts_with("small-vessel-certificate.toml"),
        "{}",
        err.0[0].detail
    );

    // An empty document name fails the same checks a file does.
    let blank = ServiceEdit {
        required_documents: Some(vec![DocumentItem {
            id: "application".into(),
            kk: " ".into(),
            ru: "Заявление".into(),
        }]),
        ..Default::default()
    };
    let err = office
        .edit_service(&office.session_for("admin1"), VESSEL, &blank, at(NOW))
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::RegulationInvalid);
    assert!(err.0[0]
        .field
        .as_deref()
        .unwrap_or("")
        .starts_with("required_documents"));

    // An edit that changes nothing makes no identical next version.
    let versions = office.catalog().versions(VESSEL).len();
    let err = office
        .edit_service(
            &office.session_for("admin1"),
            VESSEL,
            &ServiceEdit::default(),
            at(NOW),
        )
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::NoChange);
    assert_eq!(office.catalog().versions(VESSEL).len(), versions);

    let err = office
        .edit_service(
            &office.session_for("admin1"),
            "nope",
            &longer_examination(),
            at(NOW),
        )
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::UnknownService);
    assert_eq!(office.catalog().latest(VESSEL).unwrap().version, 1);
    assert!(service_versions::list(office.store().conn())
        .unwrap()
        .is_empty());
}

#[test]
fn a_stored_version_that_is_not_newer_than_the_bundled_one_is_reported() {
    let mut office = with_admins(Office::open_in_memory().unwrap());
    let v1 = office.catalog().latest(VESSEL).unwrap().clone();
    service_versions::insert(
        office.store_mut().conn_mut(),
        &StoredVersion {
            service: VESSEL.into(),
            version: 1,
            effective_from: v1.effective_from,
            toml: v1.to_toml(),
            created_by: "admin1".into(),
            created_at: at(NOW),
        },
    )
    .unwrap();
    office.reload_admin_data().unwrap();
    let report = office.services_report().unwrap();
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].file, "db:small-vessel-certificate@1");
    assert_eq!(report.rejected[0].error.field.as_deref(), Some("version"));
    assert_eq!(report.services.len(), 6);
}

#[test]
fn a_calendar_edit_moves_due_times_and_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut office = with_admins(Office::create(dir.path()).unwrap());
    // Fri 25 Dec 2026 10:00 + 1 wd: Mon 28 Dec closing; with 28 Dec off, Tue 29.
    let start = at("2026-12-25T10:00:00+05:00");
    assert_eq!(
        office.due_for(start, "1wd").unwrap(),
        at("2026-12-28T18:30:00+05:00")
    );
    let december = office.month_days_off(2026, 12).unwrap();
    assert!(december.contains(&"2026-12-26".to_string()));
    assert!(!december.contains(&"2026-12-28".to_string()));
    assert!(office.month_days_off(2026, 13).is_err());
    let change = CalendarChange::AddDayOff {
        date: "2026-12-28".parse().unwrap(),
        act: None,
    };
    let year = office
        .edit_calendar(&office.session_for("admin1"), 2026, &change, at(NOW))
        .unwrap();
    assert!(year
        .days_off
        .iter()
        .any(|d| d.date.to_string() == "2026-12-28"));
    assert_eq!(
        office.due_for(start, "1wd").unwrap(),
        at("2026-12-29T18:30:00+05:00")
    );
    // The date picker marks the new day off.
    assert!(office
        .month_days_off(2026, 12)
        .unwrap()
        .contains(&"2026-12-28".to_string()));
    drop(office);

    let office = Office::open(dir.path()).unwrap();
    assert_eq!(
        office.due_for(start, "1wd").unwrap(),
        at("2026-12-29T18:30:00+05:00")
    );
    let log = office
        .calendar_edits(&office.session_for("admin1"))
        .unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!((log[0].user.as_str(), log[0].at.as_str()), ("admin1", NOW));
    assert_eq!(log[0].file, "2026.toml");
    assert_eq!(log[0].change, change);
    assert!(!log[0].before.contains("2026-12-28") && log[0].after.contains("2026-12-28"));
}

#[test]
fn office_hours_change_minute_counting() {
    let mut office = with_admins(Office::open_in_memory().unwrap());
    let start = at("2026-11-23T17:00:00+05:00");
    assert_eq!(
        office.due_for(start, "2h").unwrap(),
        at("2026-11-24T09:30:00+05:00")
    );
    let hours = OfficeHoursInput {
        opens: "08:30".into(),
        closes: "17:30".into(),
        lunch_from: "12:30".into(),
        lunch_until: "13:30".into(),
    };
    let year = office
        .set_office_hours(&office.session_for("admin2"), hours.clone(), at(NOW))
        .unwrap();
    assert_eq!(year.office_hours, hours);
    // 30 min on Monday, then 90 min from Tuesday 08:30.
    assert_eq!(
        office.due_for(start, "2h").unwrap(),
        at("2026-11-24T10:00:00+05:00")
    );
    assert_eq!(
        office
            .calendar_edits(&office.session_for("admin1"))
            .unwrap()[0]
            .file,
        "office.toml"
    );
}

#[test]
fn bad_limits_channels_and_years_are_refused_with_their_field() {
    let office = Office::open_in_memory().unwrap();
    let err = office.due_for(at(NOW), "2days").unwrap_err();
    assert_eq!(
        (err.first_code(), err.0[0].field.as_deref()),
        (ErrorCode::LimitInvalid, Some("limit"))
    );
    let err = office
        .plan(VESSEL, "issue", Some("fax"), at(NOW))
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::UnknownChannel);
    let err = office.plan(VESSEL, "nope", None, at(NOW)).unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::UnknownProcedure);
    assert_eq!(
        office.calendar_year(1999).unwrap_err().first_code(),
        ErrorCode::DateInvalid
    );
}

#[test]
fn once_the_office_has_users_only_an_administrator_edits() {
    use kense_domain::types::Text;
    use kense_domain::user::{RoleGrant, UserInput};
    let mut office = Office::open_in_memory().unwrap();
    let person = |login: &str, role: Role| UserInput {
        login: login.into(),
        name: Text {
            kk: "Әсет".into(),
            ru: "Асет".into(),
        },
        position: Text {
            kk: "Маман".into(),
            ru: "Специалист".into(),
        },
        phone: "+7 7112 50 00 00".into(),
        roles: vec![RoleGrant {
            role,
            department: None,
        }],
        pin: "123456".into(),
    };
    office
        .insert_user(&person("admin1", Role::Admin), "setup", at(NOW))
        .unwrap();
    office
        .insert_user(&person("clerk1", Role::Clerk), "admin1", at(NOW))
        .unwrap();
    let change = CalendarChange::AddDayOff {
        date: "2026-12-28".parse().unwrap(),
        act: None,
    };
    let err = office
        .edit_calendar(&office.session_for("clerk1"), 2026, &change, at(NOW))
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::PermissionDenied);
    let err = office
        .edit_service(
            &office.session_for("clerk1"),
            VESSEL,
            &longer_examination(),
            at(NOW),
        )
        .unwrap_err();
    assert_eq!(err.first_code(), ErrorCode::PermissionDenied);
    assert!(office
        .calendar_edits(&office.session_for("admin1"))
        .unwrap()
        .is_empty());
    office
        .edit_calendar(&office.session_for("admin1"), 2026, &change, at(NOW))
        .unwrap();
    office
        .edit_service(
            &office.session_for("admin1"),
            VESSEL,
            &longer_examination(),
            at(NOW),
        )
        .unwrap();
    assert_eq!(
        office
            .calendar_edits(&office.session_for("admin1"))
            .unwrap()[0]
            .user,
        "admin1"
    );
}
