//! The rules a service definition must keep beyond its shape: non-empty
//! bilingual texts, unique ids, known references and a route that can be walked.

use std::collections::HashSet;

use crate::types::{Role, Text};

use super::model::{Fee, Procedure, ServiceDefinition, Step};

/// Longest id accepted; ids are typed by admins and used in scripts.
pub const MAX_ID_CHARS: usize = 64;
/// Longest text accepted; longer ones are pasted documents, not names.
pub const MAX_TEXT_CHARS: usize = 2000;
/// Upper bounds that catch runaway files long before they hurt.
pub const MAX_PROCEDURES: usize = 20;
pub const MAX_STEPS: usize = 40;
pub const MAX_LIST_ITEMS: usize = 200;

/// One broken rule: the field path and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub field: String,
    pub message: String,
}

#[derive(Default)]
struct Issues(Vec<Issue>);

impl Issues {
    fn push(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(Issue {
            field: field.into(),
            message: message.into(),
        });
    }

    fn id(&mut self, field: &str, id: &str) {
        let ok = !id.is_empty()
            && id.len() <= MAX_ID_CHARS
            && id.as_bytes()[0].is_ascii_alphanumeric()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !ok {
            self.push(
                field,
                format!(
                    "`{id}` is not a valid id: use 1 to {MAX_ID_CHARS} lowercase latin letters, digits, `-` or `_`"
                ),
            );
        }
    }

    fn text(&mut self, field: &str, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.push(field, format!("{what} is missing or empty"));
        } else if value.chars().count() > MAX_TEXT_CHARS {
            self.push(
                field,
                format!("{what} is longer than {MAX_TEXT_CHARS} characters"),
            );
        }
    }

    fn bilingual(&mut self, field: &str, kk: &str, ru: &str) {
        self.text(&format!("{field}.kk"), kk, "the Kazakh text");
        self.text(&format!("{field}.ru"), ru, "the Russian text");
    }

    fn pair(&mut self, field: &str, text: &Text) {
        self.bilingual(field, &text.kk, &text.ru);
    }

    fn count(&mut self, field: &str, len: usize, max: usize, what: &str) {
        if len == 0 {
            self.push(field, format!("at least one {what} is required"));
        } else if len > max {
            self.push(
                field,
                format!("at most {max} {what}s are allowed, found {len}"),
            );
        }
    }

    /// Reports the second and later occurrences of an id.
    fn unique<'a>(&mut self, field: &str, ids: impl Iterator<Item = &'a str>, what: &str) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if !seen.insert(id) {
                self.push(
                    format!("{field}[{i}].id"),
                    format!("duplicate {what} id `{id}`"),
                );
            }
        }
    }
}

/// Every rule the definition breaks, in document order.
pub fn check(def: &ServiceDefinition) -> Vec<Issue> {
    let mut v = Issues::default();
    v.id("id", &def.id);
    if def.version == 0 {
        v.push("version", "version must be 1 or more");
    }
    v.pair("name", &def.name);
    v.pair("source.issuer", &def.source.issuer);
    v.pair("source.region", &def.source.region);
    v.text(
        "source.resolution_number",
        &def.source.resolution_number,
        "the resolution number",
    );
    if let Some(reg) = &def.source.justice_registration {
        v.text(
            "source.justice_registration.number",
            &reg.number,
            "the registration number",
        );
    }
    for (i, a) in def.source.amendments.iter().enumerate() {
        v.text(
            &format!("source.amendments[{i}].number"),
            &a.number,
            "the resolution number",
        );
    }
    if let Some(standard) = &def.source.standard {
        v.pair("source.standard", standard);
    }
    v.pair("provider", &def.provider);

    v.count(
        "applicant_kinds",
        def.applicant_kinds.len(),
        2,
        "applicant kind",
    );
    if has_duplicates(&def.applicant_kinds) {
        v.push("applicant_kinds", "an applicant kind is listed twice");
    }
    if let Fee::Paid { kk, ru } = &def.fee {
        v.bilingual("fee", kk, ru);
    }
    v.count("channels", def.channels.len(), 4, "channel");
    if has_duplicates(&def.channels) {
        v.push("channels", "a channel is listed twice");
    }

    v.count(
        "required_documents",
        def.required_documents.len(),
        MAX_LIST_ITEMS,
        "required document",
    );
    for (i, d) in def.required_documents.iter().enumerate() {
        let f = format!("required_documents[{i}]");
        v.id(&format!("{f}.id"), &d.id);
        v.bilingual(&f, &d.kk, &d.ru);
    }
    v.unique(
        "required_documents",
        def.required_documents.iter().map(|d| d.id.as_str()),
        "document",
    );

    if def.refusal_grounds.len() > MAX_LIST_ITEMS {
        v.push(
            "refusal_grounds",
            format!("at most {MAX_LIST_ITEMS} refusal grounds are allowed"),
        );
    }
    for (i, g) in def.refusal_grounds.iter().enumerate() {
        let f = format!("refusal_grounds[{i}]");
        v.id(&format!("{f}.id"), &g.id);
        v.bilingual(&f, &g.kk, &g.ru);
        v.text(
            &format!("{f}.clause"),
            &g.clause,
            "the clause the ground rests on",
        );
    }
    v.unique(
        "refusal_grounds",
        def.refusal_grounds.iter().map(|g| g.id.as_str()),
        "refusal ground",
    );

    if def.result_fields.len() > MAX_LIST_ITEMS {
        v.push(
            "result_fields",
            format!("at most {MAX_LIST_ITEMS} result fields are allowed"),
        );
    }
    for (i, r) in def.result_fields.iter().enumerate() {
        let f = format!("result_fields[{i}]");
        v.id(&format!("{f}.id"), &r.id);
        v.bilingual(&f, &r.kk, &r.ru);
    }
    v.unique(
        "result_fields",
        def.result_fields.iter().map(|r| r.id.as_str()),
        "result field",
    );
    if let Some(validity) = &def.validity {
        v.pair("validity", validity);
    }

    v.count(
        "procedures",
        def.procedures.len(),
        MAX_PROCEDURES,
        "procedure",
    );
    v.unique(
        "procedures",
        def.procedures.iter().map(|p| p.id.as_str()),
        "procedure",
    );
    for (i, p) in def.procedures.iter().enumerate() {
        check_procedure(&mut v, def, &format!("procedures[{i}]"), p);
    }
    v.0
}

fn has_duplicates<T: PartialEq>(items: &[T]) -> bool {
    items
        .iter()
        .enumerate()
        .any(|(i, a)| items[..i].contains(a))
}

fn check_procedure(v: &mut Issues, def: &ServiceDefinition, f: &str, p: &Procedure) {
    v.id(&format!("{f}.id"), &p.id);
    v.pair(&format!("{f}.name"), &p.name);
    v.count(&format!("{f}.steps"), p.steps.len(), MAX_STEPS, "step");
    v.unique(
        &format!("{f}.steps"),
        p.steps.iter().map(|s| s.id.as_str()),
        "step",
    );
    for (i, s) in p.steps.iter().enumerate() {
        check_step(v, def, p, i, &format!("{f}.steps[{i}]"), s);
    }
    check_route(v, f, p);
}

fn check_step(
    v: &mut Issues,
    def: &ServiceDefinition,
    p: &Procedure,
    index: usize,
    f: &str,
    s: &Step,
) {
    v.id(&format!("{f}.id"), &s.id);
    match s.role {
        Role::Deputy => v.push(
            format!("{f}.role"),
            "role `deputy` cannot own a step: write `head`, the deputy acts for the head",
        ),
        Role::Admin => v.push(
            format!("{f}.role"),
            "role `admin` does not take part in a regulation's route",
        ),
        role => {
            if let Some(allowed) = s.kind.allowed_roles() {
                if !allowed.contains(&role) {
                    let names: Vec<_> = allowed.iter().map(|r| format!("`{}`", r.code())).collect();
                    v.push(
                        format!("{f}.role"),
                        format!(
                            "a `{}` step must be done by {}, not `{}`",
                            s.kind.code(),
                            names.join(" or "),
                            role.code()
                        ),
                    );
                }
            }
        }
    }
    v.pair(&format!("{f}.action"), &s.action);
    v.text(&format!("{f}.source"), &s.source, "the source clause");
    if let Some(outcome) = &s.outcome {
        v.pair(&format!("{f}.outcome"), outcome);
    }
    for (i, (channel, _)) in s.limit_by_channel.entries().iter().enumerate() {
        if !def.channels.contains(channel) {
            v.push(
                format!("{f}.limit_by_channel.{}", channel.code()),
                format!(
                    "channel `{}` is not one of the service's channels",
                    channel.code()
                ),
            );
        }
        if s.limit_by_channel.entries()[..i]
            .iter()
            .any(|(c, _)| c == channel)
        {
            v.push(
                format!("{f}.limit_by_channel.{}", channel.code()),
                "channel given twice",
            );
        }
    }
    if has_duplicates(&s.checks) {
        v.push(format!("{f}.checks"), "a check is listed twice");
    }
    let Some(r) = &s.refusal else { return };
    let rf = format!("{f}.refusal");
    if r.grounds.is_empty() {
        v.push(
            format!("{rf}.grounds"),
            "a refusal must cite at least one ground",
        );
    }
    for (i, g) in r.grounds.iter().enumerate() {
        if def.refusal_ground(g).is_none() {
            v.push(
                format!("{rf}.grounds[{i}]"),
                format!("unknown refusal ground `{g}`: it is not in `refusal_grounds`"),
            );
        } else if r.grounds[..i].contains(g) {
            v.push(
                format!("{rf}.grounds[{i}]"),
                format!("ground `{g}` is cited twice"),
            );
        }
    }
    if let Some(next) = &r.next {
        if r.closes_case {
            v.push(
                format!("{rf}.next"),
                "a refusal that closes the case has no next step",
            );
        }
        match p.steps.iter().position(|x| x.id == *next) {
            None => v.push(
                format!("{rf}.next"),
                format!("no step `{next}` in this procedure"),
            ),
            Some(j) if j <= index => v.push(
                format!("{rf}.next"),
                format!("step `{next}` does not come after this step: a route only goes forward"),
            ),
            Some(_) => {}
        }
    }
}

/// A route starts at the first step; each step leads to the next in order
/// unless it gives the result out, and a refusal may jump forward. Every step
/// must be reachable, and the route must end by giving something out.
fn check_route(v: &mut Issues, f: &str, p: &Procedure) {
    if p.steps.is_empty() {
        return;
    }
    let mut reachable = vec![false; p.steps.len()];
    reachable[0] = true;
    for (i, s) in p.steps.iter().enumerate() {
        if !reachable[i] {
            let blocker = p.steps[..i].iter().rev().find(|x| x.kind.ends_route());
            let why = match blocker {
                Some(b) => format!("it follows step `{}`, which gives the result out and ends the route, and no refusal jumps to it", b.id),
                None => "no step leads to it".to_string(),
            };
            v.push(
                format!("{f}.steps[{i}].id"),
                format!("step `{}` can never be reached: {why}", s.id),
            );
            continue;
        }
        if !s.kind.ends_route() && i + 1 < p.steps.len() {
            reachable[i + 1] = true;
        }
        if let Some(next) = s.refusal.as_ref().and_then(|r| r.next.as_ref()) {
            if let Some(j) = p.steps.iter().position(|x| x.id == *next) {
                if j > i {
                    reachable[j] = true;
                }
            }
        }
    }
    let last = p.steps.len() - 1;
    if !p.steps[last].kind.ends_route() {
        v.push(
            format!("{f}.steps[{last}].kind"),
            "the last step must give the result out (`hand_over` or `formalise`)",
        );
    }
}
