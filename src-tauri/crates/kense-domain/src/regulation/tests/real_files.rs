//! The shipped files load, and their routes are exactly the seeds' routes.

use super::super::*;
use super::FILES;
use crate::types::Channel;

/// One line per step: `role limit`, then `refuse:<limit>` (own limit or `step`),
/// `->next` / `closes` when the refusal jumps, and `<channel>:<limit>` overrides.
fn describe(step: &Step) -> String {
    let mut s = format!("{} {}", step.role.code(), step.limit);
    if let Some(r) = &step.refusal {
        match r.limit {
            Some(l) => s.push_str(&format!(" refuse:{l}")),
            None => s.push_str(" refuse:step"),
        }
        if let Some(n) = &r.next {
            s.push_str(&format!("->{n}"));
        }
        if r.closes_case {
            s.push_str(" closes");
        }
    }
    for (c, l) in step.limit_by_channel.entries() {
        s.push_str(&format!(" {}:{l}", c.code()));
    }
    s
}

const ZHAMBYL_A: [&str; 6] = [
    "clerk 15min",
    "head 2h",
    "dept_head 1h",
    "executor 1wd refuse:step",
    "head 2h",
    "clerk 2h portal:20min",
];

const COTTON_FULL: [&str; 8] = [
    "clerk same-day-max-30min",
    "head same-day-max-30min",
    "dept_head same-day-max-30min",
    "executor 1wd refuse:step closes",
    "executor 2wd refuse:step->formalise",
    "external 2wd",
    "head 1wd refuse:step",
    "executor 1wd",
];

const ADDRESS_ROUTE: [&str; 5] = [
    "clerk 15min",
    "head 1h",
    "executor 5wd refuse:2wd",
    "head 1h",
    "clerk same-day-max-15min",
];

/// (service, procedure, result kind, steps) — read off the seeds, step by step.
const EXPECTED: &[(&str, &str, ResultKind, &[&str])] = &[
    (
        "small-vessel-certificate",
        "issue",
        ResultKind::Certificate,
        &[
            "clerk 15min",
            "head 2h",
            "executor 7wd refuse:1wd",
            "head 2h",
            "clerk 30min",
        ],
    ),
    (
        "small-vessel-certificate",
        "duplicate",
        ResultKind::Duplicate,
        &[
            "clerk 15min",
            "head 2h",
            "executor 1wd refuse:step",
            "head 2h",
            "clerk 30min",
        ],
    ),
    (
        "small-vessel-certificate",
        "reissue-after-expiry",
        ResultKind::Certificate,
        &[
            "clerk 15min",
            "head 2h",
            "executor 2wd refuse:step",
            "head 2h",
            "clerk 30min",
        ],
    ),
    (
        "grain-warehouse-licence",
        "issue",
        ResultKind::Licence,
        &[
            "clerk 30min",
            "head 4h",
            "executor 2wd refuse:step->sign",
            "executor 6wd refuse:step",
            "head 1wd",
            "clerk 30min",
        ],
    ),
    (
        "grain-warehouse-licence",
        "re-registration",
        ResultKind::ReregisteredLicence,
        &[
            "clerk 30min",
            "head 1wd",
            "executor 5wd refuse:step",
            "head 1wd",
            "clerk 30min",
        ],
    ),
    (
        "grain-warehouse-licence",
        "duplicate",
        ResultKind::Duplicate,
        &[
            "clerk 30min",
            "head 4h",
            "executor 1wd refuse:step",
            "head 4h",
            "clerk 30min",
        ],
    ),
    (
        "intl-inspection-certificate",
        "issue",
        ResultKind::Certificate,
        &ZHAMBYL_A,
    ),
    (
        "intl-inspection-certificate",
        "duplicate",
        ResultKind::Duplicate,
        &ZHAMBYL_A,
    ),
    (
        "bus-passenger-licence",
        "issue",
        ResultKind::Licence,
        &[
            "clerk 1h",
            "head 3h",
            "dept_head 2h",
            "executor 13wd refuse:step",
            "head 3h",
            "clerk 4h portal:20min",
        ],
    ),
    (
        "bus-passenger-licence",
        "re-registration",
        ResultKind::ReregisteredLicence,
        &[
            "clerk 1h",
            "head 3h",
            "dept_head 2h",
            "executor 2wd refuse:step",
            "head 3h",
            "clerk 4h portal:20min",
        ],
    ),
    (
        "bus-passenger-licence",
        "duplicate",
        ResultKind::Duplicate,
        &[
            "clerk 1h",
            "head 3h",
            "dept_head 2h",
            "executor 1wd refuse:step",
            "head 3h",
            "clerk 4h portal:20min",
        ],
    ),
    (
        "cotton-warehouse-licence",
        "issue",
        ResultKind::Licence,
        &COTTON_FULL,
    ),
    (
        "cotton-warehouse-licence",
        "re-registration",
        ResultKind::ReregisteredLicence,
        &COTTON_FULL,
    ),
    (
        "cotton-warehouse-licence",
        "duplicate",
        ResultKind::Duplicate,
        &[
            "clerk same-day-max-30min",
            "head same-day-max-30min",
            "dept_head same-day-max-30min",
            "executor 1wd",
        ],
    ),
    (
        "real-estate-address-reference",
        "assign",
        ResultKind::Reference,
        &ADDRESS_ROUTE,
    ),
    (
        "real-estate-address-reference",
        "remove",
        ResultKind::Reference,
        &ADDRESS_ROUTE,
    ),
    (
        "real-estate-address-reference",
        "clarify",
        ResultKind::Reference,
        &["executor 15min"],
    ),
];

fn load_all() -> Vec<ServiceDefinition> {
    FILES
        .iter()
        .map(|(name, text)| parse_service(name, text).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

#[test]
fn each_real_file_loads_under_its_id() {
    let ids: Vec<_> = load_all().into_iter().map(|d| (d.id, d.version)).collect();
    assert_eq!(
        ids,
        [
            ("small-vessel-certificate".to_string(), 1),
            ("grain-warehouse-licence".to_string(), 1),
            ("intl-inspection-certificate".to_string(), 1),
            ("bus-passenger-licence".to_string(), 1),
            ("cotton-warehouse-licence".to_string(), 1),
            ("real-estate-address-reference".to_string(), 1),
        ]
    );
}

#[test]
fn every_procedure_has_the_seeds_steps_roles_and_limits() {
    let defs = load_all();
    let mut seen = 0;
    for def in &defs {
        let expected: Vec<_> = EXPECTED.iter().filter(|e| e.0 == def.id).collect();
        let ids: Vec<_> = def.procedures.iter().map(|p| p.id.as_str()).collect();
        let want: Vec<_> = expected.iter().map(|e| e.1).collect();
        assert_eq!(ids, want, "procedures of {}", def.id);
        for (_, pid, kind, steps) in expected {
            let p = def.procedure(pid).unwrap();
            assert_eq!(p.result_kind, *kind, "{}/{pid}", def.id);
            let got: Vec<_> = p.steps.iter().map(describe).collect();
            assert_eq!(got, *steps, "{}/{pid}", def.id);
            seen += 1;
        }
    }
    assert_eq!(seen, EXPECTED.len());
}

#[test]
fn cotton_duplicate_skips_steps_four_to_seven() {
    let def = parse_service("c.toml", super::file("cotton-warehouse-licence.toml")).unwrap();
    let issue: Vec<_> = def
        .procedure("issue")
        .unwrap()
        .steps
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let dup: Vec<_> = def
        .procedure("duplicate")
        .unwrap()
        .steps
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let kept: Vec<_> = issue
        .iter()
        .enumerate()
        .filter(|(i, _)| !(3..=6).contains(i))
        .map(|(_, s)| s.clone())
        .collect();
    assert_eq!(dup, kept);
}

#[test]
fn hand_over_limit_depends_on_the_channel() {
    let def = parse_service("b.toml", super::file("bus-passenger-licence.toml")).unwrap();
    let step = def.procedure("issue").unwrap().step("hand-over").unwrap();
    assert_eq!(
        step.limit_for(Channel::StateCorp),
        crate::limit::Limit::Hours(4)
    );
    assert_eq!(
        step.limit_for(Channel::Portal),
        crate::limit::Limit::Minutes(20)
    );
}

#[test]
fn terms_follow_the_files() {
    let defs = load_all();
    let grain = defs
        .iter()
        .find(|d| d.id == "grain-warehouse-licence")
        .unwrap();
    let t = grain.terms();
    assert_eq!(t.version, 1);
    assert_eq!(t.procedures, ["issue", "re-registration", "duplicate"]);
    assert_eq!(t.channels, [Channel::InPerson, Channel::Portal]);
    assert_eq!(
        t.applicant_kinds,
        [crate::types::ApplicantKind::Organisation]
    );
}

#[test]
fn every_text_is_bilingual_and_sources_are_cited() {
    for def in load_all() {
        assert!(
            !def.result_fields.is_empty(),
            "{} has no result fields",
            def.id
        );
        assert!(
            !def.refusal_grounds.is_empty(),
            "{} has no refusal grounds",
            def.id
        );
        for p in &def.procedures {
            for s in &p.steps {
                assert!(
                    s.source.starts_with("p."),
                    "{}/{}/{}: {}",
                    def.id,
                    p.id,
                    s.id,
                    s.source
                );
                // Kazakh texts use letters Russian does not have, or at least Cyrillic.
                assert!(s
                    .action
                    .kk
                    .chars()
                    .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)));
            }
        }
    }
}

#[test]
fn to_toml_round_trips_every_file() {
    for def in load_all() {
        let text = def.to_toml();
        let again = parse_service("again.toml", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(again, def);
    }
}
