use chrono::{DateTime, Duration, FixedOffset};
use kense_domain::types::{Role, Text};
use kense_domain::user::{RoleGrant, UserInput, UserUpdate};
use kense_domain::ErrorCode;

use crate::Office;

fn at(min: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T09:00:00+05:00").unwrap() + Duration::minutes(min)
}

fn grant(role: Role, department: Option<&str>) -> RoleGrant {
    RoleGrant {
        role,
        department: department.map(str::to_string),
    }
}

fn input(login: &str, roles: Vec<RoleGrant>, pin: &str) -> UserInput {
    UserInput {
        login: login.into(),
        name: Text {
            kk: "Айгүл".into(),
            ru: "Айгуль".into(),
        },
        position: Text {
            kk: "Маман".into(),
            ru: "Специалист".into(),
        },
        phone: String::new(),
        roles,
        pin: pin.into(),
    }
}

/// An office with one administrator `boss` (PIN 246810) and an executor `aigul` (PIN 2580).
fn office() -> Office {
    let mut office = Office::open_in_memory().unwrap();
    office.mark_test_journal().unwrap();
    let admin = input("boss", vec![grant(Role::Admin, None)], "246810");
    office.insert_user(&admin, "setup", at(0)).unwrap();
    let executor = input("aigul", vec![grant(Role::Executor, Some("Көлік"))], "2580");
    office.insert_user(&executor, "boss", at(0)).unwrap();
    office
}

fn update(roles: Vec<RoleGrant>) -> UserUpdate {
    UserUpdate {
        name: Text {
            kk: "  Айгүл   Серікқызы ".into(),
            ru: "Айгуль Сериковна".into(),
        },
        position: Text {
            kk: "Бас маман".into(),
            ru: "Главный специалист".into(),
        },
        phone: " +7 7112 51 00 00 ".into(),
        roles,
    }
}

#[test]
fn an_admin_edits_details_and_roles_but_never_the_login() {
    let mut office = office();
    let boss = office.session_for("boss");
    let roles = vec![grant(Role::DeptHead, Some("Жер"))];
    let user = office
        .update_user(&boss, " AIGUL ", &update(roles.clone()))
        .unwrap();
    assert_eq!(user.login, "aigul");
    let stored = office.user("aigul").unwrap();
    assert_eq!(stored, user);
    assert_eq!(stored.name.kk, "Айгүл Серікқызы");
    assert_eq!(stored.phone, "+7 7112 51 00 00");
    assert_eq!(stored.roles, roles);
    // The old PIN still opens a session with the new roles.
    let session = office.sign_in("aigul", "2580", at(1)).unwrap();
    assert!(session.has(Role::DeptHead));
    assert_eq!(
        office.verify_chain().unwrap().problems,
        Vec::<String>::new()
    );
}

#[test]
fn bad_details_are_refused_with_every_problem_and_nothing_changes() {
    let mut office = office();
    let boss = office.session_for("boss");
    let mut bad = update(vec![grant(Role::Executor, None)]);
    bad.name.ru = " ".into();
    let e = office.update_user(&boss, "aigul", &bad).unwrap_err();
    let codes: Vec<_> = e.0.iter().map(|d| d.field.clone().unwrap()).collect();
    assert_eq!(codes, ["name.ru", "roles.department"]);
    assert_eq!(office.user("aigul").unwrap().name.kk, "Айгүл");
    let e = office
        .update_user(&boss, "nobody", &update(vec![grant(Role::Admin, None)]))
        .unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::UserNotFound);
}

#[test]
fn only_an_administrator_changes_users() {
    let mut office = office();
    let aigul = office.session_for("aigul");
    let upd = update(vec![grant(Role::Admin, None)]);
    let e = office.update_user(&aigul, "aigul", &upd).unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::PermissionDenied);
    let e = office.set_user_active(&aigul, "boss", false).unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::PermissionDenied);
    let e = office
        .reset_pin(&aigul, "boss", "135790", at(1))
        .unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::PermissionDenied);
    assert!(office.sign_in("boss", "246810", at(2)).is_ok());
}

#[test]
fn a_disabled_user_cannot_sign_in_until_enabled_again() {
    let mut office = office();
    let boss = office.session_for("boss");
    assert!(
        !office
            .set_user_active(&boss, "aigul", false)
            .unwrap()
            .active
    );
    // The right PIN is refused with its own code; a wrong one as ever.
    let e = office.sign_in("aigul", "2580", at(1)).unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::UserDisabled);
    let ru = e.to_api(kense_domain::types::Language::Ru).message;
    assert!(ru.contains("отключена"), "{ru}");
    let e = office.sign_in("aigul", "0000", at(1)).unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::PinWrong);
    // Gone from the sign-in list, still in the office's list (marked disabled).
    let choices: Vec<_> = office.sign_in_choices().unwrap();
    assert!(choices.iter().all(|u| u.login != "aigul"));
    let all = office.users(&boss).unwrap();
    let aigul = all.iter().find(|u| u.login == "aigul").unwrap();
    assert!(!aigul.active);
    assert_eq!(aigul.name.kk, "Айгүл");
    // Disabling twice changes nothing; enabling lets them in again.
    assert!(
        !office
            .set_user_active(&boss, "aigul", false)
            .unwrap()
            .active
    );
    assert!(office.set_user_active(&boss, "aigul", true).unwrap().active);
    assert!(office.sign_in("aigul", "2580", at(2)).is_ok());
    assert_eq!(
        office.verify_chain().unwrap().problems,
        Vec::<String>::new()
    );
}

#[test]
fn an_administrator_disabled_or_demoted_since_signing_in_changes_nothing() {
    let mut office = office();
    let boss = office.session_for("boss");
    let second = input("second", vec![grant(Role::Admin, None)], "112233");
    office.create_user(&boss, &second, at(1)).unwrap();
    let second = office.session_for("second");
    office.set_user_active(&second, "boss", false).unwrap();
    let upd = update(vec![grant(Role::Executor, Some("Жер"))]);
    let e = office.update_user(&boss, "aigul", &upd).unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::PermissionDenied);
    let e = office.set_user_active(&boss, "second", false).unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::PermissionDenied);
    let e = office
        .reset_pin(&boss, "aigul", "13579", at(2))
        .unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::PermissionDenied);
    assert_eq!(office.user("aigul").unwrap().name.ru, "Айгуль");
}

#[test]
fn the_last_active_administrator_and_oneself_are_protected() {
    let mut office = office();
    let boss = office.session_for("boss");
    let e = office.set_user_active(&boss, "boss", false).unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::SelfDisable);
    let ru = e.to_api(kense_domain::types::Language::Ru).message;
    assert!(ru.contains("собственную"), "{ru}");
    // Demoting the only administrator is refused too.
    let e = office
        .update_user(&boss, "boss", &update(vec![grant(Role::Head, None)]))
        .unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::LastAdmin);
    assert!(office.user("boss").unwrap().has(Role::Admin));
    // With a second administrator, one may be disabled, but not the last one left.
    let second = input("second", vec![grant(Role::Admin, None)], "112233");
    office.create_user(&boss, &second, at(1)).unwrap();
    let second = office.session_for("second");
    office.set_user_active(&second, "boss", false).unwrap();
    let e = office
        .update_user(&second, "second", &update(vec![grant(Role::Head, None)]))
        .unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::LastAdmin);
    let kk = e.to_api(kense_domain::types::Language::Kk).message;
    assert!(kk.contains("әкімші"), "{kk}");
}

#[test]
fn a_reset_pin_replaces_the_old_one_and_lifts_the_lock() {
    let mut office = office();
    let boss = office.session_for("boss");
    for i in 0..5 {
        office.sign_in("aigul", "0000", at(i)).unwrap_err();
    }
    let e = office.sign_in("aigul", "2580", at(6)).unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::SignInLocked);
    office.reset_pin(&boss, "aigul", "97531", at(7)).unwrap();
    let e = office.sign_in("aigul", "2580", at(8)).unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::PinWrong);
    assert!(e.0[0].detail.ends_with(": 4"), "{}", e.0[0].detail);
    assert_eq!(
        office.sign_in("aigul", "97531", at(9)).unwrap().login(),
        "aigul"
    );
    assert_eq!(
        office.verify_chain().unwrap().problems,
        Vec::<String>::new()
    );
}

#[test]
fn a_reset_pin_follows_the_pin_rules() {
    let mut office = office();
    let boss = office.session_for("boss");
    let e = office.reset_pin(&boss, "boss", "1234", at(1)).unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::PinTooShort);
    let e = office.reset_pin(&boss, "aigul", "12ab", at(1)).unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::PinInvalid);
    assert!(office.sign_in("boss", "246810", at(2)).is_ok());
}

#[test]
fn a_reset_lifts_a_lock_made_in_the_same_minute() {
    // The sign-in log's order decides, not the clock: wrong PINs, the reset
    // and the next sign-in all at one time.
    let mut office = office();
    let boss = office.session_for("boss");
    for _ in 0..5 {
        office.sign_in("aigul", "0000", at(3)).unwrap_err();
    }
    let e = office.sign_in("aigul", "2580", at(3)).unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::SignInLocked);
    office.reset_pin(&boss, "aigul", "97531", at(3)).unwrap();
    assert!(office.sign_in("aigul", "97531", at(3)).is_ok());
    // Wrong PINs after the reset count again.
    for _ in 0..5 {
        office.sign_in("aigul", "0000", at(3)).unwrap_err();
    }
    let e = office.sign_in("aigul", "97531", at(3)).unwrap_err();
    assert_eq!(e.first_code(), ErrorCode::SignInLocked);
}

#[test]
fn the_pin_reset_record_is_append_only_and_chained() {
    let mut office = office();
    let boss = office.session_for("boss");
    office.reset_pin(&boss, "aigul", "97531", at(1)).unwrap();
    let conn = office.store().conn();
    let by: String = conn
        .query_row(
            "SELECT by_login FROM pin_resets WHERE login = 'aigul'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(by, "boss");
    assert!(conn.execute("DELETE FROM pin_resets", []).is_err());
    assert!(conn
        .execute("UPDATE pin_resets SET login = 'x'", [])
        .is_err());
    conn.execute_batch("DROP TRIGGER pin_resets_no_delete; DELETE FROM pin_resets;")
        .unwrap();
    let report = office.verify_chain().unwrap();
    assert!(
        report.problems.iter().any(|p| p.contains("pin_resets")),
        "{:?}",
        report.problems
    );
}

#[test]
fn a_disabled_executor_keeps_their_name_on_the_overdue_dashboard() {
    use kense_domain::case::{ApplicantInput, ApplicationInput};
    use kense_domain::workflow::Action;
    let mut office = Office::open_in_memory().unwrap();
    crate::demo::seed_users(&mut office, at(0)).unwrap();
    let input = ApplicationInput {
        service: "small-vessel-certificate".into(),
        procedure: "issue".into(),
        channel: "state_corp".into(),
        received_at: "2026-03-02T09:00:00+05:00".into(),
        language: "kk".into(),
        external_number: None,
        applicant: ApplicantInput {
            kind: "person".into(),
            iin: Some("800416100254".into()),
            bin: None,
            name: "Сынақ Өтініш Беруші".into(),
            phone: String::new(),
            address: String::new(),
        },
        representative: None,
        documents: vec!["Өтініш".into()],
    };
    let clerk = office.session_for("clerk");
    let number = office.register(&clerk, &input, at(1)).unwrap().number;
    let resolve = Action::Resolve {
        text: "Орындауға".into(),
        executor: Some("executor".into()),
        dept_head: None,
        deadline: None,
    };
    let head = office.session_for("head");
    office.act(&head, &number, resolve, at(2)).unwrap();
    let admin = office.session_for("admin");
    let later = at(60 * 24 * 365);
    let executor_name = |office: &Office| {
        let dashboard = office.overdue_dashboard(&admin, later).unwrap();
        let count = dashboard
            .by_executor
            .into_iter()
            .find(|c| c.key == "executor")
            .expect("the executor's step is overdue");
        count.label.map(|l| l.ru)
    };
    let name = Some("Мольдир Ганиевна Сарсенова".to_string());
    assert_eq!(executor_name(&office), name);
    office.set_user_active(&admin, "executor", false).unwrap();
    assert_eq!(executor_name(&office), name);
}
