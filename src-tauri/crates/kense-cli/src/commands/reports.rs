//! Reports: the period's figures (JSON, .xlsx, CSV, or a short text), the
//! quarterly state-services paper as a PDF, the journal as a spreadsheet.

use std::path::Path;

use chrono::NaiveDate;
use kense_core::reports::{ExportFormat, ReportView};
use kense_core::CoreError;
use kense_domain::journal::JournalFilter;
use kense_domain::report::{GroupBy, ReportQuery};
use kense_domain::types::{Channel, Language};
use kense_domain::{DomainError, ErrorCode};

use super::Context;
use crate::cli::ReportArgs;
use crate::output::{print_json, Failure, EXIT_FAILED};

fn bad_input(field: &str, detail: String) -> Failure {
    Failure::from(CoreError::from(DomainError::at(
        ErrorCode::InvalidInput,
        field,
        detail,
    )))
}

fn date(field: &str, text: &str) -> Result<NaiveDate, Failure> {
    Ok(kense_core::documents::parse_date(field, text)?)
}

pub fn lang(code: &str) -> Result<Language, Failure> {
    Language::parse(code)
        .ok_or_else(|| bad_input("lang", format!("unknown language `{code}` (kk or ru)")))
}

fn write_file(out: &Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(out, bytes)
        .map_err(|e| Failure::new(EXIT_FAILED, format!("cannot write {}: {e}", out.display())))?;
    println!("{}", out.display());
    Ok(())
}

/// Progress on standard error, every chunk of rows.
fn progress(done: usize, total: usize) -> bool {
    if total > 0 && done > 0 {
        eprintln!("{done}/{total}");
    }
    true
}

fn query(args: &ReportArgs) -> Result<ReportQuery, Failure> {
    let by = match args.by.as_deref() {
        None => GroupBy::Service,
        Some(code) => GroupBy::parse(code).ok_or_else(|| {
            bad_input(
                "by",
                format!("unknown grouping `{code}` (service, executor or channel)"),
            )
        })?,
    };
    let channel = match args.channel.as_deref() {
        None => None,
        Some(code) => Some(Channel::parse(code).ok_or_else(|| {
            Failure::from(CoreError::from(DomainError::at(
                ErrorCode::UnknownChannel,
                "channel",
                format!("unknown channel `{code}`"),
            )))
        })?),
    };
    Ok(ReportQuery {
        from: date("from", &args.from)?,
        to: date("to", &args.to)?,
        service: args.service.clone(),
        procedure: args.procedure.clone(),
        channel,
        executor: args.executor.clone(),
        department: args.department.clone(),
        by,
    })
}

pub fn report(ctx: &mut Context, args: ReportArgs) -> Result<(), Failure> {
    let outputs = [
        args.json,
        args.xlsx.is_some(),
        args.csv.is_some(),
        args.pdf.is_some(),
    ];
    if outputs.iter().filter(|x| **x).count() > 1 {
        return Err(bad_input(
            "output",
            "give one of --json, --xlsx, --csv, --pdf".into(),
        ));
    }
    let query = query(&args)?;
    let lang = lang(&args.lang)?;
    let now = ctx.clock.now();
    if let Some(out) = &args.pdf {
        let printed = if args.sign {
            Some(
                ctx.office
                    .sign_quarterly(&ctx.session, query.from, query.to, lang, now)?,
            )
        } else {
            ctx.office
                .print_quarterly(&ctx.session, query.from, query.to, lang, now)?
        };
        let bytes = match printed {
            Some(p) => p.bytes,
            None => ctx
                .office
                .quarterly_draft(&ctx.session, query.from, query.to, lang, now)?,
        };
        return write_file(out, &bytes);
    }
    let files = [
        (&args.xlsx, ExportFormat::Xlsx),
        (&args.csv, ExportFormat::Csv),
    ];
    if let Some((Some(out), format)) = files.iter().find(|(f, _)| f.is_some()) {
        let bytes =
            ctx.office
                .export_report(&ctx.session, &query, *format, lang, now, &mut progress)?;
        return write_file(out, &bytes);
    }
    let view = ctx.office.report(&ctx.session, &query, now)?;
    if args.json {
        return print_json(&view);
    }
    print_summary(&view, lang);
    Ok(())
}

fn print_summary(view: &ReportView, lang: Language) {
    let c = &view.report.counts;
    let t = |key: &str| kense_core::documents::text(&format!("reports.count.{key}"), lang);
    for (key, value) in c.named() {
        println!("{}\t{value}", t(key));
    }
    if let Some(share) = c.on_time_share {
        println!("{}\t{:.1}%", t("on_time_share"), share * 100.0);
    }
}

/// `journal … --xlsx FILE` / `--csv FILE`.
pub fn export_journal(
    ctx: &Context,
    filter: &JournalFilter,
    out: &Path,
    format: ExportFormat,
    lang_code: &str,
) -> Result<(), Failure> {
    let lang = lang(lang_code)?;
    let now = ctx.clock.now();
    let bytes =
        ctx.office
            .export_journal(&ctx.session, filter, format, lang, now, &mut progress)?;
    write_file(out, &bytes)
}
