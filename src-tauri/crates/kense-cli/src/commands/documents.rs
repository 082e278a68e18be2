//! Documents: print a case's document or the journal, check a document, the
//! office's details.

use std::path::Path;

use chrono::NaiveDate;
use kense_core::documents::{DocumentInfo, DocumentKind, Printed, Verdict, Verification};
use kense_core::office_details::OfficeDetails;
use kense_core::CoreError;
use kense_domain::types::{Language, Role};
use kense_domain::{DomainError, ErrorCode};

use super::{read_json, Context};
use crate::output::{print_json, Failure, EXIT_BAD_INPUT, EXIT_FAILED, EXIT_FORBIDDEN};

fn t(key: &str, lang: Language) -> String {
    kense_core::documents::text(key, lang)
}

fn bad_input(field: &str, detail: String) -> Failure {
    Failure::from(CoreError::from(DomainError::at(
        ErrorCode::InvalidInput,
        field,
        detail,
    )))
}

/// Documents not available in the case's state are "not allowed" (exit 3).
pub(super) fn failure(e: CoreError) -> Failure {
    let code = e.first_code();
    let mut failure = Failure::from(e);
    if code == ErrorCode::DocumentNotAvailable {
        failure.exit_code = EXIT_FORBIDDEN;
    }
    failure
}

pub(super) fn lang(code: &str) -> Result<Language, Failure> {
    Language::parse(code)
        .ok_or_else(|| bad_input("lang", format!("unknown language `{code}` (kk or ru)")))
}

fn date(field: &str, text: &str) -> Result<NaiveDate, Failure> {
    Ok(kense_core::documents::parse_date(field, text)?)
}

pub(super) fn write_pdf(out: &Path, printed: &Printed) -> Result<(), Failure> {
    std::fs::write(out, &printed.bytes)
        .map_err(|e| Failure::new(EXIT_FAILED, format!("cannot write {}: {e}", out.display())))?;
    let path = out.display().to_string();
    let copy = printed.copy.to_string();
    for l in Language::ALL {
        println!(
            "{}",
            kense_core::documents::text_with(
                "documents.printed",
                l,
                &[("path", &path), ("copy", &copy)]
            )
        );
    }
    println!(
        "{} {} {}",
        printed.info.check_code,
        printed.info.sha256,
        printed.info.case_number.as_deref().unwrap_or("-")
    );
    Ok(())
}

pub fn print(
    ctx: &mut Context,
    case: &str,
    kind: &str,
    lang_code: Option<&str>,
    out: &Path,
) -> Result<(), Failure> {
    let kind = case_document_kind(kind)?;
    let lang = lang_code.map(lang).transpose()?;
    let now = ctx.clock.now();
    let printed = ctx
        .office
        .print_document(&ctx.session, case, kind, lang, now)
        .map_err(failure)?;
    write_pdf(out, &printed)
}

/// A case's document kind as typed (not the journal's).
pub(super) fn case_document_kind(kind: &str) -> Result<DocumentKind, Failure> {
    match DocumentKind::parse(kind) {
        Some(k) if k != DocumentKind::Journal => Ok(k),
        _ => Err(bad_input(
            "kind",
            format!("unknown kind `{kind}` (receipt, result, duplicate, refusal)"),
        )),
    }
}

pub fn print_journal(
    ctx: &mut Context,
    from: &str,
    to: &str,
    lang_code: &str,
    out: &Path,
) -> Result<(), Failure> {
    let (from, to, lang) = (date("from", from)?, date("to", to)?, lang(lang_code)?);
    let now = ctx.clock.now();
    let printed = ctx
        .office
        .print_journal(&ctx.session, from, to, lang, now)
        .map_err(failure)?;
    write_pdf(out, &printed)
}

fn describe(info: &DocumentInfo, l: Language) -> Vec<String> {
    let w = |key: &str, args: &[(&str, &str)]| kense_core::documents::text_with(key, l, args);
    let mut lines = vec![
        w(
            "documents.verify.kind",
            &[(
                "kind",
                &t(&format!("documents.kind.{}", info.kind.code()), l),
            )],
        ),
        w("documents.verify.code", &[("code", &info.check_code)]),
    ];
    if let Some(number) = &info.case_number {
        lines.push(w("documents.verify.case", &[("number", number)]));
    }
    match (&info.signed_by, &info.signed_at) {
        (Some(login), Some(at)) => {
            let name = info
                .signer_name
                .as_ref()
                .map(|n| n.get(l).to_string())
                .unwrap_or_else(|| login.clone());
            let role = if info.acting_for_head {
                t("case.role_acting_for_head", l)
            } else {
                info.signer_role
                    .map(|r: Role| t(&format!("case.role.{}", r.code()), l))
                    .unwrap_or_default()
            };
            lines.push(w(
                "documents.verify.signed",
                &[("name", &name), ("role", &role), ("at", at)],
            ));
        }
        _ => lines.push(t("documents.verify.not_signed", l)),
    }
    lines.push(w("documents.verify.issued", &[("at", &info.created_at)]));
    lines
}

fn report(v: &Verification, json: bool) -> Result<(), Failure> {
    if json {
        print_json(v)?;
    } else {
        for l in Language::ALL {
            let key = match v.verdict {
                Verdict::Genuine => "documents.verify.genuine",
                Verdict::Tampered => "documents.verify.tampered",
                Verdict::Unknown => "documents.verify.unknown",
            };
            println!("{}", t(key, l));
            if let Some(info) = &v.document {
                for line in describe(info, l) {
                    println!("  {line}");
                }
            }
        }
    }
    match v.verdict {
        Verdict::Genuine => Ok(()),
        Verdict::Tampered => Err(Failure::new(
            EXIT_FAILED,
            Language::ALL
                .map(|l| t("errors.document_tampered", l))
                .join(" / "),
        )),
        Verdict::Unknown => Err(Failure::new(
            EXIT_FAILED,
            Language::ALL
                .map(|l| t("errors.document_unknown", l))
                .join(" / "),
        )),
    }
}

pub fn verify_doc(
    ctx: &Context,
    file: Option<&Path>,
    code: Option<&str>,
    json: bool,
) -> Result<(), Failure> {
    let verification = match (file, code) {
        (Some(file), None) => {
            let bytes = std::fs::read(file).map_err(|e| {
                Failure::new(
                    EXIT_BAD_INPUT,
                    format!("cannot read {}: {e}", file.display()),
                )
            })?;
            ctx.office.verify_document(&ctx.session, &bytes)?
        }
        (None, Some(code)) => ctx.office.verify_code(&ctx.session, code)?,
        _ => {
            return Err(bad_input(
                "file",
                "give either FILE.pdf or --code CODE".to_string(),
            ))
        }
    };
    report(&verification, json)
}

pub fn office_show(ctx: &Context, json: bool) -> Result<(), Failure> {
    let details = ctx.office.office_details(&ctx.session)?;
    if json {
        return print_json(&details);
    }
    for l in Language::ALL {
        let rows = [
            ("documents.office.name", details.name.get(l).to_string()),
            (
                "documents.office.address",
                details.address.get(l).to_string(),
            ),
            ("documents.office.phone", details.phone.clone()),
            (
                "documents.office.head_position",
                details.head_position.get(l).to_string(),
            ),
            (
                "documents.office.head_name",
                details.head_name.get(l).to_string(),
            ),
            (
                "documents.office.outgoing_pattern",
                details.outgoing_pattern.clone(),
            ),
        ];
        for (key, value) in rows {
            println!("{}: {value}", t(key, l));
        }
    }
    Ok(())
}

pub fn office_set(ctx: &mut Context, json: &str) -> Result<(), Failure> {
    let details: OfficeDetails = read_json(json)?;
    let stored = ctx.office.set_office_details(&ctx.session, &details)?;
    print_json(&stored)
}
