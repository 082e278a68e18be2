//! Documents through the real `kense-cli`: every kind in both languages for
//! cases walked along their routes by the demo office's people, signing with
//! the head's PIN, byte-identical reprints logged as copies, `verify-doc` on a
//! genuine, a tampered and an unknown file, the journal printout, and PNG
//! renderings of a signed refusal for a person to look at.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, Duration, FixedOffset};
use kense_core::documents::DocumentKind;
use kense_core::office_details::demo_details;
use kense_core::{demo, Office};
use kense_domain::case::{ApplicantInput, ApplicationInput, CaseStatus};
use kense_domain::regulation::{Check, StepKind};
use kense_domain::types::{ApplicantKind, Language};
use kense_domain::workflow::{Action, HandOverMethod};
use kense_domain::ErrorCode;
use kense_tests::{cli_binary, pin_file, pin_for, signed_in};

type Time = DateTime<FixedOffset>;

fn at(text: &str) -> Time {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A Monday morning, away from holidays.
const START: &str = "2026-11-23T09:30:00+05:00";
const NOW: &str = "2026-12-01T10:00:00+05:00";
const PERSON: &str = "Ержан Сәбитұлы Қалиев";
const COMPANY: &str = "«Астық Терминал Батыс» ЖШС";

fn run(dir: &Path, user: &str, args: &[&str]) -> Output {
    Command::new(cli_binary())
        .arg("--data-dir")
        .arg(dir)
        .args(["--now", NOW, "--user", user, "--pin-file"])
        .arg(pin_file(pin_for(user)))
        .args(args)
        .env_remove("KENSE_DATA_DIR")
        .env_remove("KENSE_NOW")
        .output()
        .expect("kense-cli runs")
}

fn text_of(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8(out.stdout).unwrap()
}

/// The text with line breaks and runs of spaces folded, so wrapped lines match.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn application(office: &Office, service: &str, procedure: &str, lang: &str) -> ApplicationInput {
    let def = office.catalog().latest(service).unwrap();
    let kind = def.applicant_kinds[0];
    let (iin, bin, name) = match kind {
        ApplicantKind::Person => (Some("800416100254".to_string()), None, PERSON),
        ApplicantKind::Organisation => (None, Some("940140000385".to_string()), COMPANY),
    };
    ApplicationInput {
        service: service.into(),
        procedure: procedure.into(),
        channel: def.channels[0].code().into(),
        received_at: (at(START) - Duration::minutes(5)).to_rfc3339(),
        language: lang.into(),
        external_number: None,
        applicant: ApplicantInput {
            kind: kind.code().into(),
            iin,
            bin,
            name: name.into(),
            phone: "+7 701 555 12 34".into(),
            address: "Орал қ., Сарайшық к-сі, 12".into(),
        },
        representative: None,
        documents: vec!["Өтініш".into(), "Жеке басты куәландыратын құжат".into()],
    }
}

fn result_fields(service: &str) -> BTreeMap<String, String> {
    let pairs: &[(&str, &str)] = match service {
        "small-vessel-certificate" => &[
            ("certificate-number", "ШК-0457"),
            ("vessel-class", "Моторлы қайық (R)"),
            ("navigation-area", "Жайық өзені"),
            ("valid-until", "2036-11-30"),
            ("original-number", "ШК-0100"),
            ("original-issued-on", "2020-05-14"),
        ],
        _ => &[
            ("licence-number", "ЛЦ-26-0091"),
            ("warehouse-address", "Орал қ., Өндіріс аймағы, 7"),
            ("warehouse-capacity", "12 000 т"),
            ("reason", "Заңды тұлғаның атауы өзгерді"),
        ],
    };
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Walks a case to its end along the main path, or drafts a refusal at the first
/// step that allows one. Signing goes through the PIN; a wrong PIN is tried first.
fn walk(office: &mut Office, number: &str, refuse: bool) -> CaseStatus {
    let mut now = at(START);
    for _ in 0..40 {
        let view = office
            .case_view(&signed_in(office, "admin"), number, now)
            .unwrap();
        let Some(step) = view.step.clone() else {
            return view.case.status;
        };
        now += Duration::minutes(10);
        let service = office
            .catalog()
            .version(&view.case.service, view.case.service_version)
            .unwrap();
        let procedure = service.procedure(&view.case.procedure).unwrap();
        let index = procedure
            .steps
            .iter()
            .position(|s| s.id == step.id)
            .unwrap();
        let next_is_assign = procedure
            .steps
            .get(index + 1)
            .is_some_and(|s| s.kind == StepKind::AssignExecutor);
        if refuse && step.can_refuse {
            let branch = procedure.steps[index].refusal.as_ref().unwrap();
            office
                .act(
                    &signed_in(office, "executor"),
                    number,
                    Action::DraftRefusal {
                        grounds: branch.grounds.iter().take(2).cloned().collect(),
                        missing_documents: vec![
                            "medical-certificate".into(),
                            "Төлем туралы түбіртек".into(),
                        ],
                        text: "Ұсынылған медициналық анықтаманың мерзімі өткен.".into(),
                    },
                    now,
                )
                .unwrap();
            continue;
        }
        let (who, acts): (&str, Vec<Action>) = match step.kind {
            StepKind::Resolution => (
                "head",
                vec![Action::Resolve {
                    text: "Орындауға".into(),
                    executor: (!next_is_assign).then(|| "executor".to_string()),
                    dept_head: next_is_assign.then(|| "depthead".to_string()),
                    deadline: None,
                }],
            ),
            StepKind::AssignExecutor => (
                "depthead",
                vec![Action::AssignExecutor {
                    executor: "executor".into(),
                    text: String::new(),
                }],
            ),
            StepKind::Sign => {
                let before = office
                    .case_view(&signed_in(office, "admin"), number, now)
                    .unwrap();
                let err = office
                    .sign_with_pin(&signed_in(office, "head"), number, "0000", "", now)
                    .unwrap_err();
                assert_eq!(err.first_code(), ErrorCode::PinWrong);
                let after = office
                    .case_view(&signed_in(office, "admin"), number, now)
                    .unwrap();
                assert_eq!(after.history, before.history, "a wrong PIN left a trace");
                assert!(office
                    .case_documents(&signed_in(office, "admin"), number)
                    .unwrap()
                    .is_empty());
                let view = office
                    .sign_with_pin(
                        &signed_in(office, "head"),
                        number,
                        demo::DEMO_STRONG_PIN,
                        "Келісемін",
                        now,
                    )
                    .unwrap();
                let docs = office
                    .case_documents(&signed_in(office, "admin"), number)
                    .unwrap();
                assert_eq!(docs.len(), 1, "signing freezes exactly one document");
                assert_eq!(docs[0].signed_by.as_deref(), Some("head"));
                assert_eq!(
                    docs[0].signed_at.as_deref(),
                    Some(now.to_rfc3339().as_str())
                );
                assert!(
                    view.history.last().unwrap().action.kind()
                        == kense_domain::workflow::ActionKind::Sign
                );
                continue;
            }
            StepKind::HandOver => (
                "clerk",
                vec![Action::HandOver {
                    method: HandOverMethod::StateCorp,
                    outgoing_number: None,
                    comment: String::new(),
                }],
            ),
            StepKind::Formalise => (
                "executor",
                vec![Action::Formalise {
                    method: HandOverMethod::Post,
                    outgoing_number: None,
                    note: String::new(),
                }],
            ),
            StepKind::Register => panic!("registration is never a current step"),
            _ => {
                let mut acts: Vec<Action> = step
                    .checks
                    .iter()
                    .map(|c| Action::RecordCheck {
                        check: *c,
                        passed: Some(true),
                        note: String::new(),
                        value: if *c == Check::Completeness {
                            complete_package(service)
                        } else {
                            "ok".into()
                        },
                    })
                    .collect();
                acts.push(Action::Submit {
                    fields: result_fields(&view.case.service),
                    note: String::new(),
                });
                ("executor", acts)
            }
        };
        for act in acts {
            now += Duration::minutes(1);
            office
                .act(&signed_in(office, who), number, act.clone(), now)
                .unwrap_or_else(|e| panic!("{number} {}: {who} {act:?}: {e}", step.id));
        }
    }
    panic!("{number} did not finish");
}

struct Journal {
    _dir: tempfile::TempDir,
    path: PathBuf,
    issued: String,
    duplicate: String,
    reregistered: String,
    refused: String,
    open: String,
}

/// A journal with four cases walked through their routes, and one left open.
fn journal() -> Journal {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    let mut office = Office::create(&path).unwrap();
    demo::seed_users(&mut office, at("2026-11-01T09:00:00+05:00")).unwrap();
    office
        .set_office_details(&signed_in(&office, "admin"), &demo_details())
        .unwrap();
    let register = |office: &mut Office, service: &str, procedure: &str, lang: &str| {
        let input = application(office, service, procedure, lang);
        office
            .register(&signed_in(office, "clerk"), &input, at(START))
            .unwrap()
            .number
    };
    let issued = register(&mut office, "small-vessel-certificate", "issue", "kk");
    let duplicate = register(&mut office, "small-vessel-certificate", "duplicate", "ru");
    let reregistered = register(
        &mut office,
        "grain-warehouse-licence",
        "re-registration",
        "kk",
    );
    let refused = register(&mut office, "small-vessel-certificate", "issue", "kk");
    let open = register(&mut office, "small-vessel-certificate", "issue", "kk");
    assert_eq!(walk(&mut office, &issued, false), CaseStatus::Closed);
    assert_eq!(walk(&mut office, &duplicate, false), CaseStatus::Closed);
    assert_eq!(walk(&mut office, &reregistered, false), CaseStatus::Closed);
    assert_eq!(walk(&mut office, &refused, true), CaseStatus::Refused);
    Journal {
        _dir: dir,
        path,
        issued,
        duplicate,
        reregistered,
        refused,
        open,
    }
}

fn print(j: &Journal, case: &str, kind: &str, lang: &str) -> (Output, PathBuf) {
    let out = j
        .path
        .join(format!("{case}-{kind}-{lang}.pdf").replace('/', "_"));
    let _ = std::fs::remove_file(&out);
    let result = run(
        &j.path,
        "clerk",
        &[
            "print",
            case,
            "--kind",
            kind,
            "--lang",
            lang,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    (result, out)
}

fn printed(j: &Journal, case: &str, kind: &str, lang: &str) -> (PathBuf, String) {
    let (out, file) = print(j, case, kind, lang);
    assert!(
        out.status.success(),
        "print {case} {kind} {lang}: {}",
        text_of(&out)
    );
    let text = flat(&pdftotext(&file));
    (file, text)
}

fn outgoing_number(j: &Journal, case: &str) -> String {
    let office = Office::open(&j.path).unwrap();
    office
        .case_documents(&signed_in(&office, "admin"), case)
        .unwrap()[0]
        .outgoing_number
        .clone()
        .unwrap()
}

#[test]
fn every_kind_prints_in_both_languages_with_names_numbers_and_grounds() {
    let j = journal();
    for lang in ["kk", "ru"] {
        for case in [&j.issued, &j.open] {
            let (_, text) = printed(&j, case, "receipt", lang);
            assert!(text.contains(PERSON), "{lang} receipt: {text}");
            assert!(text.contains(case.as_str()));
        }

        let (_, text) = printed(&j, &j.issued, "result", lang);
        assert!(text.contains(PERSON), "{lang} result: {text}");
        assert!(text.contains("ШК-0457") && text.contains("800416100254"));
        assert!(text.contains(demo_details().head_name.get(Language::parse(lang).unwrap())));

        let (_, text) = printed(&j, &j.duplicate, "duplicate", lang);
        assert!(
            text.contains(PERSON) && text.contains("ШК-0100"),
            "{lang} duplicate: {text}"
        );
        assert!(text.contains(if lang == "kk" {
            "ТЕЛНҰСҚА"
        } else {
            "ДУБЛИКАТ"
        }));

        let (_, text) = printed(&j, &j.reregistered, "result", lang);
        assert!(
            text.contains(COMPANY) && text.contains("ЛЦ-26-0091"),
            "{lang} licence: {text}"
        );
        assert!(text.contains("Заңды тұлғаның атауы өзгерді"));

        let (_, text) = printed(&j, &j.refused, "refusal", lang);
        let number = outgoing_number(&j, &j.refused);
        assert!(text.contains(PERSON), "{lang} refusal: {text}");
        assert!(text.contains(&number) && text.contains(j.refused.as_str()));
        let office = Office::open(&j.path).unwrap();
        let def = office.catalog().latest("small-vessel-certificate").unwrap();
        for id in ["incomplete-package", "false-data"] {
            let ground = def.refusal_ground(id).unwrap();
            let wording = if lang == "kk" { &ground.kk } else { &ground.ru };
            assert!(text.contains(wording.as_str()), "{lang} lacks ground {id}");
            assert!(text.contains(ground.clause.as_str()));
        }
        let medical = &def.required_documents[2];
        assert!(text.contains(if lang == "kk" {
            &medical.kk
        } else {
            &medical.ru
        }));
        assert!(text.contains("Ұсынылған медициналық анықтаманың мерзімі өткен."));
    }
}

#[test]
fn the_signed_document_carries_the_hand_over_number_and_the_signature() {
    let j = journal();
    let office = Office::open(&j.path).unwrap();
    let view = office
        .case_view(&signed_in(&office, "admin"), &j.issued, at(NOW))
        .unwrap();
    let docs = office
        .case_documents(&signed_in(&office, "admin"), &j.issued)
        .unwrap();
    assert_eq!(docs[0].kind, DocumentKind::Result);
    assert_eq!(view.route.outgoing_number, docs[0].outgoing_number);
    let refused = office
        .case_documents(&signed_in(&office, "admin"), &j.refused)
        .unwrap();
    assert_eq!(refused[0].kind, DocumentKind::Refusal);
    assert_eq!(refused[0].lang, Language::Kk);
}

#[test]
fn a_kind_the_case_cannot_have_yet_is_refused_with_exit_3() {
    let j = journal();
    for (case, kind) in [
        (&j.open, "result"),
        (&j.open, "refusal"),
        (&j.issued, "refusal"),
        (&j.issued, "duplicate"),
        (&j.refused, "result"),
    ] {
        let (out, file) = print(&j, case, kind, "kk");
        assert_eq!(
            out.status.code(),
            Some(3),
            "{case} {kind}: {}",
            text_of(&out)
        );
        assert!(
            text_of(&out).contains("Бұл құжатты істің қазіргі күйінде басып шығаруға болмайды.")
        );
        assert!(!file.exists());
    }
    let (out, _) = print(&j, &j.issued, "letter", "kk");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn reprints_are_byte_identical_and_logged_as_copies() {
    let j = journal();
    let (first, _) = printed(&j, &j.refused, "refusal", "kk");
    let first_bytes = std::fs::read(&first).unwrap();
    let second = j.path.join("again.pdf");
    let out = run(
        &j.path,
        "head",
        &[
            "print",
            &j.refused,
            "--kind",
            "refusal",
            "--out",
            second.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text_of(&out));
    assert!(text_of(&out).contains("2-дана"), "{}", text_of(&out));
    assert_eq!(std::fs::read(&second).unwrap(), first_bytes);
    let office = Office::open(&j.path).unwrap();
    let docs = office
        .case_documents(&signed_in(&office, "admin"), &j.refused)
        .unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].prints, 2);
    // The stored bytes are what signing froze.
    assert_eq!(
        kense_core::documents::sha256_hex(&first_bytes),
        docs[0].sha256
    );
}

#[test]
fn verify_doc_tells_genuine_from_tampered_and_unknown() {
    let j = journal();
    let (file, _) = printed(&j, &j.refused, "refusal", "kk");
    let out = run(
        &j.path,
        "clerk",
        &["verify-doc", file.to_str().unwrap(), "--json"],
    );
    assert!(out.status.success(), "{}", text_of(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["verdict"], "genuine");
    assert_eq!(v["document"]["kind"], "refusal");
    assert_eq!(v["document"]["case_number"], j.refused.as_str());
    assert_eq!(v["document"]["signed_by"], "head");
    assert_eq!(v["document"]["signer_role"], "head");
    let code = v["check_code"].as_str().unwrap().to_string();

    let text = run(&j.path, "clerk", &["verify-doc", file.to_str().unwrap()]);
    assert!(text_of(&text).contains("Құжат шынайы"));
    assert!(text_of(&text).contains("Нұрлан Абайұлы Жұмабаев"));

    let mut bytes = std::fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let tampered = j.path.join("tampered.pdf");
    std::fs::write(&tampered, &bytes).unwrap();
    let out = run(
        &j.path,
        "clerk",
        &["verify-doc", tampered.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text_of(&out));
    assert!(text_of(&out).contains("файл өзгертілген"));
    assert!(text_of(&out).contains("файл изменён"));

    // A genuine document of another journal is unknown here.
    let other = journal();
    let (foreign, _) = printed(&other, &other.issued, "receipt", "ru");
    let out = run(&j.path, "clerk", &["verify-doc", foreign.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text_of(&out));
    assert!(text_of(&out).contains("Такого документа нет в журнале"));

    let out = run(
        &j.path,
        "clerk",
        &["verify-doc", "--code", &code.to_lowercase()],
    );
    assert!(out.status.success(), "{}", text_of(&out));
    let out = run(&j.path, "clerk", &["verify-doc", "--code", "ZZZZ-ZZZZ"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn the_journal_prints_for_a_period() {
    let j = journal();
    let file = j.path.join("journal.pdf");
    let out = run(
        &j.path,
        "clerk",
        &[
            "print-journal",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--lang",
            "ru",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text_of(&out));
    let text = flat(&pdftotext(&file));
    for case in [
        &j.issued,
        &j.duplicate,
        &j.reregistered,
        &j.refused,
        &j.open,
    ] {
        assert!(text.contains(case.as_str()), "{case} missing: {text}");
    }
    assert!(text.contains(PERSON) && text.contains(COMPANY));
    let out = run(&j.path, "clerk", &["verify-doc", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text_of(&out));
    let empty = j.path.join("empty.pdf");
    let out = run(
        &j.path,
        "clerk",
        &[
            "print-journal",
            "--from",
            "2026-10-01",
            "--to",
            "2026-10-31",
            "--out",
            empty.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text_of(&out));
    assert!(!flat(&pdftotext(&empty)).contains(j.issued.as_str()));
}

#[test]
fn office_details_round_trip_through_the_cli_and_only_for_an_admin() {
    let j = journal();
    let out = run(&j.path, "clerk", &["office", "show", "--json"]);
    assert!(out.status.success());
    let mut details: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(details["name"]["kk"], demo_details().name.kk.as_str());
    details["phone"] = "+7 (7112) 51-11-11".into();
    let file = j.path.join("office.json");
    std::fs::write(&file, details.to_string()).unwrap();
    let out = run(
        &j.path,
        "clerk",
        &["office", "set", "--json", file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(3), "{}", text_of(&out));
    let out = run(
        &j.path,
        "admin",
        &["office", "set", "--json", file.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text_of(&out));
    let out = run(&j.path, "clerk", &["office", "show", "--json"]);
    let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["phone"], "+7 (7112) 51-11-11");
}

/// Renders the signed refusal in both languages as PNGs for a person to look at.
#[test]
fn signed_refusal_pngs_for_review() {
    let j = journal();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-output/documents");
    std::fs::create_dir_all(&dir).unwrap();
    for lang in ["kk", "ru"] {
        let (file, _) = printed(&j, &j.refused, "refusal", lang);
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "60"])
            .arg(&file)
            .arg(dir.join(format!("refusal-{lang}")))
            .status()
            .expect("pdftoppm runs");
        assert!(status.success());
        assert!(dir.join(format!("refusal-{lang}-1.png")).exists());
    }
}

/// Every document the regulation asks for: a complete package.
fn complete_package(service: &kense_domain::regulation::ServiceDefinition) -> String {
    service
        .required_documents
        .iter()
        .map(|d| d.id.as_str())
        .collect::<Vec<_>>()
        .join(",")
}
