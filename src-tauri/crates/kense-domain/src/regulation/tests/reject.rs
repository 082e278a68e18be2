//! Each rejection rule names the file, the line and the field.

use super::super::*;

const BASE: &str = r#"id = "svc"
version = 1
effective_from = "2020-01-01"
name = { kk = "Қызмет", ru = "Услуга" }
provider = { kk = "Бөлім", ru = "Отдел" }
applicant_kinds = ["person"]
fee = { kind = "free" }
channels = ["state_corp", "portal"]

[source]
issuer = { kk = "Әкімдік", ru = "Акимат" }
region = { kk = "Облыс", ru = "Область" }
resolution_number = "1"
resolution_date = "2019-12-01"

[[required_documents]]
id = "application"
kk = "Өтініш"
ru = "Заявление"

[[refusal_grounds]]
id = "incomplete"
kk = "Толық емес"
ru = "Неполный пакет"
clause = "Standard p. 10"

[[procedures]]
id = "issue"
name = { kk = "Беру", ru = "Выдача" }
result_kind = "certificate"

[[procedures.steps]]
id = "register"
role = "clerk"
kind = "register"
action = { kk = "Тіркейді", ru = "Регистрирует" }
limit = "15min"
source = "p.1"

[[procedures.steps]]
id = "examine"
role = "executor"
kind = "study_and_draft"
action = { kk = "Қарайды", ru = "Рассматривает" }
limit = "7wd"
refusal = { limit = "1wd", grounds = ["incomplete"] }
source = "p.2"

[[procedures.steps]]
id = "hand-over"
role = "clerk"
kind = "hand_over"
action = { kk = "Береді", ru = "Выдаёт" }
limit = "30min"
source = "p.3"
"#;

/// 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in text"));
    text[..at].matches('\n').count() + 1
}

fn replaced(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "`{from}` not in BASE");
    BASE.replacen(from, to, 1)
}

/// Parses `text` and checks the error's file, line (of `at`), field and message.
fn rejects(text: &str, at: &str, field: Option<&str>, message: &str) {
    let err = parse_service("svc.toml", text).expect_err("should be rejected");
    assert_eq!(err.file, "svc.toml");
    assert_eq!(err.code, crate::error::ErrorCode::RegulationInvalid);
    assert_eq!(err.line, Some(line_of(text, at)), "line of {err}");
    assert_eq!(err.field.as_deref(), field, "field of {err}");
    assert!(
        err.message.contains(message),
        "message of {err}: expected `{message}`"
    );
}

#[test]
fn base_is_valid() {
    let def = parse_service("svc.toml", BASE).unwrap();
    assert_eq!(def.procedures[0].steps.len(), 3);
}

#[test]
fn malformed_toml() {
    let text = replaced("limit = \"30min\"", "limit = \"30min");
    let err = parse_service("svc.toml", &text).unwrap_err();
    assert_eq!(err.line, Some(line_of(&text, "limit = \"30min")));
}

#[test]
fn unknown_field() {
    let text = replaced("source = \"p.2\"", "source = \"p.2\"\ndeadline = \"2h\"");
    rejects(
        &text,
        "deadline",
        Some("procedures[0].steps[1].deadline"),
        "unknown field `deadline`",
    );
}

#[test]
fn unknown_top_level_field() {
    let text = replaced("version = 1", "version = 1\nauthor = \"me\"");
    rejects(&text, "author", Some("author"), "unknown field `author`");
}

#[test]
fn unknown_role() {
    let text = replaced("role = \"executor\"", "role = \"boss\"");
    rejects(
        &text,
        "\"boss\"",
        Some("procedures[0].steps[1].role"),
        "unknown variant `boss`",
    );
}

#[test]
fn deputy_cannot_own_a_step() {
    let text = replaced("role = \"executor\"", "role = \"deputy\"");
    rejects(
        &text,
        "\"deputy\"",
        Some("procedures[0].steps[1].role"),
        "deputy acts for the head",
    );
}

#[test]
fn role_must_fit_the_kind() {
    let text = replaced(
        "role = \"clerk\"\nkind = \"register\"",
        "role = \"head\"\nkind = \"register\"",
    );
    rejects(
        &text,
        "\"head\"",
        Some("procedures[0].steps[0].role"),
        "must be done by `clerk`",
    );
}

#[test]
fn unknown_kind() {
    let text = replaced("kind = \"study_and_draft\"", "kind = \"think\"");
    rejects(
        &text,
        "\"think\"",
        Some("procedures[0].steps[1].kind"),
        "unknown variant `think`",
    );
}

#[test]
fn unknown_channel() {
    let text = replaced("[\"state_corp\", \"portal\"]", "[\"state_corp\", \"fax\"]");
    rejects(
        &text,
        "channels",
        Some("channels[1]"),
        "unknown variant `fax`",
    );
}

#[test]
fn per_channel_limit_for_a_channel_not_served() {
    let text = replaced(
        "limit = \"30min\"",
        "limit = \"30min\"\nlimit_by_channel = { post = \"1h\" }",
    );
    rejects(
        &text,
        "limit_by_channel",
        Some("procedures[0].steps[2].limit_by_channel.post"),
        "not one of the service's channels",
    );
}

#[test]
fn zero_negative_and_garbage_limits() {
    for bad in ["0min", "-2h", "soon", "2d", "1.5h", ""] {
        let text = replaced("limit = \"7wd\"", &format!("limit = \"{bad}\""));
        rejects(
            &text,
            &format!("limit = \"{bad}\""),
            Some("procedures[0].steps[1].limit"),
            "invalid time limit",
        );
    }
}

#[test]
fn limit_of_the_wrong_type() {
    let text = replaced("limit = \"7wd\"", "limit = 7");
    rejects(
        &text,
        "limit = 7",
        Some("procedures[0].steps[1].limit"),
        "invalid type",
    );
}

#[test]
fn bad_refusal_limit() {
    let text = replaced("limit = \"1wd\"", "limit = \"0wd\"");
    rejects(
        &text,
        "\"0wd\"",
        Some("procedures[0].steps[1].refusal.limit"),
        "invalid time limit",
    );
}

#[test]
fn missing_kk_name() {
    let text = replaced(
        "name = { kk = \"Қызмет\", ru = \"Услуга\" }",
        "name = { ru = \"Услуга\" }",
    );
    rejects(&text, "name = {", Some("name"), "missing field `kk`");
}

#[test]
fn empty_ru_name() {
    let text = replaced("ru = \"Выдача\"", "ru = \"  \"");
    rejects(
        &text,
        "name = { kk = \"Беру\"",
        Some("procedures[0].name.ru"),
        "Russian text is missing or empty",
    );
}

#[test]
fn empty_step_action() {
    let text = replaced("kk = \"Қарайды\"", "kk = \"\"");
    rejects(
        &text,
        "action = { kk = \"\"",
        Some("procedures[0].steps[1].action.kk"),
        "Kazakh text",
    );
}

#[test]
fn duplicate_step_id() {
    let text = replaced("id = \"hand-over\"", "id = \"register\"");
    let at = text.rfind("id = \"register\"").unwrap();
    let err = parse_service("svc.toml", &text).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("procedures[0].steps[2].id"));
    assert_eq!(err.line, Some(text[..at].matches('\n').count() + 1));
    assert!(
        err.message.contains("duplicate step id `register`"),
        "{err}"
    );
}

#[test]
fn duplicate_procedure_id() {
    let proc_start = BASE.find("[[procedures]]").unwrap();
    let text = format!("{BASE}\n{}", &BASE[proc_start..]);
    let second = text.rfind("id = \"issue\"").unwrap();
    let err = parse_service("svc.toml", &text).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("procedures[1].id"));
    assert_eq!(err.line, Some(text[..second].matches('\n').count() + 1));
    assert!(
        err.message.contains("duplicate procedure id `issue`"),
        "{err}"
    );
}

#[test]
fn procedure_without_steps() {
    let cut = BASE.find("[[procedures.steps]]").unwrap();
    let text = format!("{}steps = []\n", &BASE[..cut]);
    rejects(
        &text,
        "steps = []",
        Some("procedures[0].steps"),
        "at least one step",
    );
}

#[test]
fn step_after_the_hand_over_is_unreachable() {
    let text = format!(
        "{BASE}\n[[procedures.steps]]\nid = \"late\"\nrole = \"head\"\nkind = \"sign\"\naction = {{ kk = \"Қол қояды\", ru = \"Подписывает\" }}\nlimit = \"1h\"\nsource = \"p.4\"\n"
    );
    rejects(
        &text,
        "id = \"late\"",
        Some("procedures[0].steps[3].id"),
        "can never be reached",
    );
}

#[test]
fn refusal_jump_to_a_missing_step() {
    let text = replaced(
        "grounds = [\"incomplete\"] }",
        "grounds = [\"incomplete\"], next = \"sign\" }",
    );
    rejects(
        &text,
        "next = \"sign\"",
        Some("procedures[0].steps[1].refusal.next"),
        "no step `sign`",
    );
}

#[test]
fn refusal_jump_backwards() {
    let text = replaced(
        "grounds = [\"incomplete\"] }",
        "grounds = [\"incomplete\"], next = \"register\" }",
    );
    rejects(
        &text,
        "next = \"register\"",
        Some("procedures[0].steps[1].refusal.next"),
        "only goes forward",
    );
}

#[test]
fn route_that_never_gives_the_result_out() {
    let cut = BASE.rfind("[[procedures.steps]]").unwrap();
    let text = BASE[..cut].to_string();
    rejects(
        &text,
        "kind = \"study_and_draft\"",
        Some("procedures[0].steps[1].kind"),
        "last step must give the result out",
    );
}

#[test]
fn refusal_ground_that_does_not_exist() {
    let text = replaced(
        "grounds = [\"incomplete\"]",
        "grounds = [\"incomplete\", \"whim\"]",
    );
    rejects(
        &text,
        "grounds = [",
        Some("procedures[0].steps[1].refusal.grounds[1]"),
        "unknown refusal ground `whim`",
    );
}

#[test]
fn refusal_without_grounds() {
    let text = replaced("grounds = [\"incomplete\"]", "grounds = []");
    rejects(
        &text,
        "grounds = []",
        Some("procedures[0].steps[1].refusal.grounds"),
        "at least one ground",
    );
}

#[test]
fn bad_id() {
    let text = replaced("id = \"application\"", "id = \"Заявление 1\"");
    rejects(
        &text,
        "id = \"Заявление 1\"",
        Some("required_documents[0].id"),
        "not a valid id",
    );
}

#[test]
fn duplicate_document_id() {
    let text = replaced(
        "[[refusal_grounds]]",
        "[[required_documents]]\nid = \"application\"\nkk = \"Тағы\"\nru = \"Ещё\"\n\n[[refusal_grounds]]",
    );
    let second = text.rfind("id = \"application\"").unwrap();
    let err = parse_service("svc.toml", &text).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("required_documents[1].id"));
    assert_eq!(err.line, Some(text[..second].matches('\n').count() + 1));
}

#[test]
fn bad_dates_and_versions() {
    let text = replaced("\"2020-01-01\"", "\"2020-13-01\"");
    rejects(
        &text,
        "effective_from",
        Some("effective_from"),
        "not a date",
    );
    let text = replaced("version = 1", "version = 0");
    rejects(&text, "version = 0", Some("version"), "1 or more");
    let text = replaced("version = 1", "version = -3");
    rejects(&text, "version = -3", Some("version"), "");
}

#[test]
fn bare_toml_dates_are_accepted() {
    let text = replaced("\"2020-01-01\"", "2020-01-01");
    let def = parse_service("svc.toml", &text).unwrap();
    assert_eq!(def.effective_from.to_string(), "2020-01-01");
}

#[test]
fn paid_fee_needs_both_texts() {
    let text = replaced(
        "fee = { kind = \"free\" }",
        "fee = { kind = \"paid\", kk = \"Алым\", ru = \"\" }",
    );
    rejects(&text, "fee =", Some("fee.ru"), "Russian text");
    let text = replaced(
        "fee = { kind = \"free\" }",
        "fee = { kind = \"free\", kk = \"x\" }",
    );
    let err = parse_service("svc.toml", &text).unwrap_err();
    assert_eq!(err.line, Some(line_of(&text, "fee =")));
}

#[test]
fn oversized_file() {
    let text = format!("{BASE}\n#{}\n", "x".repeat(MAX_FILE_BYTES));
    let err = parse_service("svc.toml", &text).unwrap_err();
    assert!(err.message.contains("bytes"), "{err}");
}

#[test]
fn error_display_names_file_line_and_field() {
    let text = replaced("role = \"executor\"", "role = \"deputy\"");
    let err = parse_service("svc.toml", &text).unwrap_err();
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!(
            "svc.toml:{}: procedures[0].steps[1].role: ",
            line_of(&text, "\"deputy\"")
        )),
        "{shown}"
    );
    assert_eq!(
        err.to_domain_error().code,
        crate::error::ErrorCode::RegulationInvalid
    );
}
