//! The CLI contract of issue 3 (plan, due, calendar, services, service-edit)
//! through the real `kense-cli`, with schedules checked by hand.
//!
//! Office hours 09:00–18:30, lunch 13:00–14:30, UTC+5. Minutes and hours count
//! working time only; N working days end at closing of the N-th working day
//! after the start day; "same day, at most N min" is the earlier of the two.

use kense_tests::{cli, stdout_json};
use serde_json::{json, Value};

const NOW: &str = "2026-11-23T09:00:00+05:00";

fn ok(dir: &std::path::Path, args: &[&str], stdin: &str) -> Value {
    let out = cli(dir, NOW, args, stdin);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout_json(&out)
}

fn plan(dir: &std::path::Path, service: &str, procedure: &str, start: &str) -> Value {
    ok(
        dir,
        &[
            "plan",
            "--service",
            service,
            "--procedure",
            procedure,
            "--start",
            start,
            "--json",
        ],
        "",
    )
}

/// (id, start, due) of every step.
fn steps(plan: &Value) -> Vec<(String, String, String)> {
    plan["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let text = |k: &str| s[k].as_str().unwrap().to_string();
            (text("id"), text("start"), text("due"))
        })
        .collect()
}

fn row(id: &str, start: &str, due: &str) -> (String, String, String) {
    (id.into(), start.into(), due.into())
}

fn bad_input(dir: &std::path::Path, args: &[&str], stdin: &str) -> String {
    let out = cli(dir, NOW, args, stdin);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(stderr.contains(" / "), "kk / ru message expected: {stderr}");
    stderr
}

#[test]
fn plan_small_vessel_issue_from_monday_morning() {
    // Mon 23 Nov 2026 10:00. register 15 min → 10:15. resolution 2 h → 12:15.
    // examine 7 wd: Mon does not count; Tue 24, Wed 25, Thu 26, Fri 27, Mon 30,
    // Tue 1 Dec, Wed 2 Dec → closing 18:30. sign 2 h starts at closing, counts
    // from Thu 3 Dec 09:00 → 11:00. hand over 30 min → 11:30.
    // The completeness refusal (1 wd from Mon 12:15) → Tue 24 Nov 18:30.
    let dir = tempfile::tempdir().unwrap();
    let p = plan(
        dir.path(),
        "small-vessel-certificate",
        "issue",
        "2026-11-23T10:00:00+05:00",
    );
    assert_eq!(p["service"], "small-vessel-certificate");
    assert_eq!(p["procedure"], "issue");
    assert_eq!(p["version"], 1);
    assert_eq!(
        steps(&p),
        [
            row(
                "register",
                "2026-11-23T10:00:00+05:00",
                "2026-11-23T10:15:00+05:00"
            ),
            row(
                "resolution",
                "2026-11-23T10:15:00+05:00",
                "2026-11-23T12:15:00+05:00"
            ),
            row(
                "examine",
                "2026-11-23T12:15:00+05:00",
                "2026-12-02T18:30:00+05:00"
            ),
            row(
                "sign",
                "2026-12-02T18:30:00+05:00",
                "2026-12-03T11:00:00+05:00"
            ),
            row(
                "hand-over",
                "2026-12-03T11:00:00+05:00",
                "2026-12-03T11:30:00+05:00"
            ),
        ]
    );
    let roles: Vec<&str> = p["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["clerk", "head", "executor", "head", "clerk"]);
    assert_eq!(p["steps"][2]["limit"], "7wd");
    assert_eq!(p["due"], "2026-12-03T11:30:00+05:00");
    assert_eq!(p["refusal_due"], "2026-11-24T18:30:00+05:00");
}

#[test]
fn plan_cotton_issue_from_the_eve_of_nauryz() {
    // Fri 20 Mar 2026 17:00, the three "same day, at most 30 min" steps:
    // 17:30, 18:00, 18:30 (30 min and closing meet). Nauryz 21–23 Mar falls on
    // Sat, Sun, Mon: Mon 23 is off and the two weekend holidays shift to Tue 24
    // and Wed 25, so the first working day after is Thu 26 Mar.
    // first check 1 wd → Thu 26; qualification 2 wd → Fri 27, Mon 30;
    // external bodies 2 wd → Tue 31, Wed 1 Apr; sign 1 wd → Thu 2 Apr;
    // formalise 1 wd → Fri 3 Apr 18:30. Earliest refusal: first check, Thu 26.
    let dir = tempfile::tempdir().unwrap();
    let p = plan(
        dir.path(),
        "cotton-warehouse-licence",
        "issue",
        "2026-03-20T17:00:00+05:00",
    );
    assert_eq!(
        steps(&p),
        [
            row(
                "register",
                "2026-03-20T17:00:00+05:00",
                "2026-03-20T17:30:00+05:00"
            ),
            row(
                "resolution",
                "2026-03-20T17:30:00+05:00",
                "2026-03-20T18:00:00+05:00"
            ),
            row(
                "assign-executor",
                "2026-03-20T18:00:00+05:00",
                "2026-03-20T18:30:00+05:00"
            ),
            row(
                "first-check",
                "2026-03-20T18:30:00+05:00",
                "2026-03-26T18:30:00+05:00"
            ),
            row(
                "qualification",
                "2026-03-26T18:30:00+05:00",
                "2026-03-30T18:30:00+05:00"
            ),
            row(
                "external-approval",
                "2026-03-30T18:30:00+05:00",
                "2026-04-01T18:30:00+05:00"
            ),
            row(
                "sign",
                "2026-04-01T18:30:00+05:00",
                "2026-04-02T18:30:00+05:00"
            ),
            row(
                "formalise",
                "2026-04-02T18:30:00+05:00",
                "2026-04-03T18:30:00+05:00"
            ),
        ]
    );
    assert_eq!(p["due"], "2026-04-03T18:30:00+05:00");
    assert_eq!(p["refusal_due"], "2026-03-26T18:30:00+05:00");
}

#[test]
fn plan_address_assignment_from_friday_18_25_across_kurban_ait() {
    // Fri 22 May 2026 18:25. register 15 min: 5 min left on Friday, 10 from
    // Mon 25 May 09:00 → 09:10. resolution 1 h → 10:10. examine 5 wd: Tue 26,
    // Wed 27 is Kurban Ait (off), Thu 28, Fri 29, Mon 1 Jun, Tue 2 Jun → 18:30.
    // sign 1 h from closing → Wed 3 Jun 10:00; hand over the same day, at most
    // 15 min → 10:15. Refusal 2 wd from Mon 25: Tue 26, Thu 28 → 18:30.
    let dir = tempfile::tempdir().unwrap();
    let p = plan(
        dir.path(),
        "real-estate-address-reference",
        "assign",
        "2026-05-22T18:25:00+05:00",
    );
    assert_eq!(
        steps(&p),
        [
            row(
                "register",
                "2026-05-22T18:25:00+05:00",
                "2026-05-25T09:10:00+05:00"
            ),
            row(
                "resolution",
                "2026-05-25T09:10:00+05:00",
                "2026-05-25T10:10:00+05:00"
            ),
            row(
                "examine",
                "2026-05-25T10:10:00+05:00",
                "2026-06-02T18:30:00+05:00"
            ),
            row(
                "sign",
                "2026-06-02T18:30:00+05:00",
                "2026-06-03T10:00:00+05:00"
            ),
            row(
                "hand-over",
                "2026-06-03T10:00:00+05:00",
                "2026-06-03T10:15:00+05:00"
            ),
        ]
    );
    assert_eq!(p["due"], "2026-06-03T10:15:00+05:00");
    assert_eq!(p["refusal_due"], "2026-05-28T18:30:00+05:00");
}

#[test]
fn plan_by_channel_and_bad_plan_input() {
    let dir = tempfile::tempdir().unwrap();
    let start = "2026-11-23T10:00:00+05:00";
    let portal = ok(
        dir.path(),
        &[
            "plan",
            "--service",
            "intl-inspection-certificate",
            "--procedure",
            "issue",
            "--start",
            start,
            "--channel",
            "portal",
            "--json",
        ],
        "",
    );
    assert_eq!(portal["steps"][5]["limit"], "20min");
    let corp = plan(dir.path(), "intl-inspection-certificate", "issue", start);
    assert_eq!(corp["steps"][5]["limit"], "2h");
    // No refusal branch in a cotton duplicate: no refusal_due.
    let dup = plan(dir.path(), "cotton-warehouse-licence", "duplicate", start);
    assert!(dup.get("refusal_due").is_none(), "{dup}");

    let base = [
        "plan",
        "--service",
        "small-vessel-certificate",
        "--procedure",
        "issue",
    ];
    let with =
        |extra: &[&'static str]| -> Vec<&str> { base.iter().chain(extra).copied().collect() };
    let e = bad_input(dir.path(), &with(&["--start", "tomorrow", "--json"]), "");
    assert!(e.contains("date_invalid"), "{e}");
    let e = bad_input(
        dir.path(),
        &[
            "plan",
            "--service",
            "nope",
            "--procedure",
            "issue",
            "--start",
            start,
            "--json",
        ],
        "",
    );
    assert!(e.contains("unknown_service"), "{e}");
    let e = bad_input(
        dir.path(),
        &with(&["--start", start, "--channel", "fax", "--json"]),
        "",
    );
    assert!(e.contains("unknown_channel"), "{e}");
}

#[test]
fn due_for_each_written_limit() {
    let dir = tempfile::tempdir().unwrap();
    // Mon 23 Nov 2026 18:25: 5 min before closing.
    let start = "2026-11-23T18:25:00+05:00";
    let expected = [
        ("15min", "2026-11-24T09:10:00+05:00"), // 5 today + 10 from 09:00
        ("2h", "2026-11-24T10:55:00+05:00"),    // 5 today + 115 from 09:00
        ("1wd", "2026-11-24T18:30:00+05:00"),   // Tue closing
        ("same-day", "2026-11-23T18:30:00+05:00"),
        ("same-day-max-30min", "2026-11-23T18:30:00+05:00"), // closing comes first
    ];
    for (limit, due) in expected {
        let out = ok(
            dir.path(),
            &["due", "--start", start, "--limit", limit, "--json"],
            "",
        );
        assert_eq!(out, json!({ "due": due }), "{limit}");
    }
    // At lunch the clock waits for 14:30.
    let lunch = ok(
        dir.path(),
        &[
            "due",
            "--start",
            "2026-11-23T13:10:00+05:00",
            "--limit",
            "15min",
            "--json",
        ],
        "",
    );
    assert_eq!(lunch["due"], "2026-11-23T14:45:00+05:00");
    for limit in ["0min", "2days", "1.5h"] {
        let e = bad_input(
            dir.path(),
            &["due", "--start", start, "--limit", limit, "--json"],
            "",
        );
        assert!(e.contains("limit_invalid"), "{e}");
    }
}

#[test]
fn calendar_of_2026_lists_days_off_working_weekends_and_hours() {
    let dir = tempfile::tempdir().unwrap();
    let cal = ok(dir.path(), &["calendar", "--year", "2026", "--json"], "");
    assert_eq!(cal["year"], 2026);
    let days: Vec<&str> = cal["days_off"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    // DOMAIN.md's official 2026 list of weekday days off.
    assert_eq!(
        days,
        [
            "2026-01-01",
            "2026-01-02",
            "2026-01-07",
            "2026-03-09",
            "2026-03-23",
            "2026-03-24",
            "2026-03-25",
            "2026-05-01",
            "2026-05-07",
            "2026-05-11",
            "2026-05-27",
            "2026-07-06",
            "2026-10-26",
            "2026-12-16",
        ]
    );
    assert_eq!(cal["days_off"][10]["kind"], "kurban_ait");
    assert_eq!(cal["working_weekend_days"], json!([]));
    assert_eq!(cal["office_hours"]["opens"], "09:00");
    assert_eq!(cal["office_hours"]["lunch_until"], "14:30");
    let y2025 = ok(dir.path(), &["calendar", "--year", "2025", "--json"], "");
    assert_eq!(y2025["working_weekend_days"], json!(["2025-01-05"]));
}

#[test]
fn a_calendar_edit_changes_a_due_time_and_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let due = |dir: &std::path::Path| {
        ok(
            dir,
            &[
                "due",
                "--start",
                "2026-12-25T10:00:00+05:00",
                "--limit",
                "1wd",
                "--json",
            ],
            "",
        )["due"]
            .clone()
    };
    // Fri 25 Dec + 1 wd: Mon 28 Dec closing.
    assert_eq!(due(dir.path()), "2026-12-28T18:30:00+05:00");
    let year = ok(
        dir.path(),
        &[
            "calendar",
            "edit",
            "add-day-off",
            "--date",
            "2026-12-28",
            "--act-kk",
            "Үкімет қаулысы",
            "--act-ru",
            "Постановление Правительства",
        ],
        "",
    );
    assert!(year["days_off"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["date"] == "2026-12-28" && d["kind"] == "transfer"));
    // With Mon 28 Dec off, the working day is Tue 29 Dec.
    assert_eq!(due(dir.path()), "2026-12-29T18:30:00+05:00");

    ok(
        dir.path(),
        &[
            "calendar",
            "edit",
            "office-hours",
            "--opens",
            "08:30",
            "--closes",
            "17:30",
            "--lunch-from",
            "12:30",
            "--lunch-until",
            "13:30",
        ],
        "",
    );
    assert_eq!(due(dir.path()), "2026-12-29T17:30:00+05:00");

    let log = ok(dir.path(), &["calendar", "log", "--json"], "");
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[1]["user"], "clerk1");
    assert_eq!(log[1]["at"], NOW);
    assert_eq!(log[1]["file"], "2026.toml");
    assert_eq!(log[1]["change"]["kind"], "add_day_off");
    assert_eq!(log[1]["change"]["date"], "2026-12-28");
    assert!(log[1]["after"].as_str().unwrap().contains("2026-12-28"));
    assert!(!log[1]["before"].as_str().unwrap().contains("2026-12-28"));
    assert_eq!(log[0]["change"]["kind"], "set_office_hours");

    // A Saturday cannot be made a day off; nothing more is recorded.
    let e = bad_input(
        dir.path(),
        &["calendar", "edit", "add-day-off", "--date", "2026-12-26"],
        "",
    );
    assert!(e.contains("calendar_invalid"), "{e}");
    assert_eq!(
        ok(dir.path(), &["calendar", "log", "--json"], "")
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn services_lists_all_six_with_every_procedure() {
    let dir = tempfile::tempdir().unwrap();
    let report = ok(dir.path(), &["services", "--json"], "");
    let mut listed: Vec<(String, Vec<String>)> = report["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let procs = s["procedures"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["id"].as_str().unwrap().to_string())
                .collect();
            (s["id"].as_str().unwrap().to_string(), procs)
        })
        .collect();
    listed.sort();
    let want = |id: &str, p: &[&str]| (id.to_string(), p.iter().map(|s| s.to_string()).collect());
    assert_eq!(
        listed,
        vec![
            want(
                "bus-passenger-licence",
                &["issue", "re-registration", "duplicate"]
            ),
            want(
                "cotton-warehouse-licence",
                &["issue", "re-registration", "duplicate"]
            ),
            want(
                "grain-warehouse-licence",
                &["issue", "re-registration", "duplicate"]
            ),
            want("intl-inspection-certificate", &["issue", "duplicate"]),
            want(
                "real-estate-address-reference",
                &["assign", "remove", "clarify"]
            ),
            want(
                "small-vessel-certificate",
                &["issue", "duplicate", "reissue-after-expiry"]
            ),
        ]
    );
    for s in report["services"].as_array().unwrap() {
        assert_eq!(s["versions"][0]["version"], 1);
    }
    assert_eq!(report["rejected"], json!([]));
}

fn application(received: &str) -> String {
    json!({
        "service": "small-vessel-certificate",
        "procedure": "issue",
        "channel": "state_corp",
        "received_at": received,
        "language": "kk",
        "applicant": {"kind": "person", "iin": "800416100254", "name": "Әсет Құрманғалиұлы",
                      "phone": "+7 701 111 22 33", "address": "Орал қ."},
        "documents": ["Өтініш", "Жеке куәлік"]
    })
    .to_string()
}

#[test]
fn a_service_edit_makes_version_2_while_an_existing_case_keeps_version_1() {
    let dir = tempfile::tempdir().unwrap();
    let first = ok(
        dir.path(),
        &["register", "--json", "-"],
        &application("2026-11-23T08:50:00+05:00"),
    );
    assert_eq!(first["service_version"], 1);

    let edit = json!({
        "required_documents": [
            {"id": "application", "kk": "Өтініш", "ru": "Заявление"},
            {"id": "identity-document", "kk": "Жеке басын куәландыратын құжат", "ru": "Документ, удостоверяющий личность"}
        ],
        "step_limits": [{"procedure": "issue", "step": "examine", "limit": "8wd"}]
    });
    let saved = ok(
        dir.path(),
        &[
            "service-edit",
            "--service",
            "small-vessel-certificate",
            "--json",
            "-",
        ],
        &edit.to_string(),
    );
    assert_eq!(saved["version"], 2);
    assert_eq!(saved["effective_from"], "2026-11-23");

    let second = ok(
        dir.path(),
        &["register", "--json", "-"],
        &application("2026-11-23T08:55:00+05:00"),
    );
    assert_eq!(second["service_version"], 2);
    let journal = ok(dir.path(), &["journal", "--json"], "");
    let versions: Vec<(Value, Value)> = journal
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["number"].clone(), c["service_version"].clone()))
        .collect();
    assert_eq!(
        versions,
        [
            (json!("2026-00002"), json!(2)),
            (json!("2026-00001"), json!(1))
        ]
    );

    let report = ok(dir.path(), &["services", "--json"], "");
    let vessel = report["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "small-vessel-certificate")
        .unwrap()
        .clone();
    assert_eq!(vessel["version"], 2);
    assert_eq!(
        vessel["versions"][1]["source"],
        "db:small-vessel-certificate@2"
    );
    assert_eq!(vessel["versions"][1]["created_by"], "clerk1");
    // The plan uses version 2: examine takes 8 wd (Mon 23 Nov → Thu 3 Dec).
    let p = plan(
        dir.path(),
        "small-vessel-certificate",
        "issue",
        "2026-11-23T10:00:00+05:00",
    );
    assert_eq!(p["version"], 2);
    assert_eq!(p["steps"][2]["due"], "2026-12-03T18:30:00+05:00");
}

#[test]
fn a_malformed_service_edit_is_refused_naming_file_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "service-edit",
        "--service",
        "small-vessel-certificate",
        "--json",
        "-",
    ];
    let cases = [
        (
            json!({"step_limits": [{"procedure": "issue", "step": "examine", "limit": "0wd"}]}),
            "invalid",
        ),
        (
            json!({"step_limits": [{"procedure": "issue", "step": "nope", "limit": "2wd"}]}),
            "small-vessel-certificate.toml: step_limits[0].step",
        ),
        (
            json!({"step_limits": [{"procedure": "issue", "step": "register", "refusal_limit": "1wd"}]}),
            "step_limits[0].refusal_limit",
        ),
        (
            json!({"refusal_grounds": []}),
            "small-vessel-certificate.toml",
        ),
        (json!({"surprise": 1}), "unknown_field"),
    ];
    for (edit, expected) in cases {
        let e = bad_input(dir.path(), &args, &edit.to_string());
        assert!(e.contains(expected), "{edit}: {e}");
    }
    let report = ok(dir.path(), &["services", "--json"], "");
    let vessel = report["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "small-vessel-certificate")
        .unwrap()
        .clone();
    assert_eq!(vessel["versions"].as_array().unwrap().len(), 1);
}
