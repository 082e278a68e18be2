use kense_core::views::JournalRow;
use kense_core::{demo, CoreError};
use kense_domain::case::{ApplicationInput, CaseStatus};
use kense_domain::journal::JournalFilter;
use kense_domain::{DomainError, ErrorCode};

use super::{read_json, Context};
use crate::cli::JournalFilterArgs;
use crate::output::{print_json, Failure};

pub fn register(ctx: &mut Context, source: &str, request_id: Option<&str>) -> Result<(), Failure> {
    let input: ApplicationInput = read_json(source)?;
    let now = ctx.clock.now();
    let case = ctx
        .office
        .register_with(&ctx.session, &input, now, request_id)?;
    print_json(&case)
}

pub fn list(ctx: &Context, json: bool, filter: JournalFilterArgs) -> Result<(), Failure> {
    let now = ctx.clock.now();
    let filter = journal_filter(filter)?;
    if filter == JournalFilter::default() {
        if json {
            return print_json(&ctx.office.cases(&ctx.session)?);
        }
        print_rows(&ctx.office.journal(&ctx.session, now)?);
        return Ok(());
    }
    let rows = ctx.office.search(&ctx.session, &filter, now)?;
    if json {
        return print_json(&rows);
    }
    print_rows(&rows);
    Ok(())
}

/// `journal [filters] --xlsx FILE` / `--csv FILE`: every matching case.
pub fn export(
    ctx: &Context,
    filter: JournalFilterArgs,
    out: &std::path::Path,
    format: kense_core::reports::ExportFormat,
    lang: &str,
) -> Result<(), Failure> {
    let filter = journal_filter(filter)?;
    super::export_journal(ctx, &filter, out, format, lang)
}

pub(super) fn journal_filter(args: JournalFilterArgs) -> Result<JournalFilter, Failure> {
    let status = match args.status.as_deref() {
        None => None,
        Some(code) => Some(CaseStatus::parse(code).ok_or_else(|| {
            Failure::from(CoreError::from(DomainError::at(
                ErrorCode::InvalidInput,
                "status",
                format!("unknown status `{code}`"),
            )))
        })?),
    };
    Ok(JournalFilter {
        status,
        service: args.service,
        executor: args.executor,
        from: args.from,
        to: args.to,
        overdue_only: args.overdue,
        text: args.text,
    })
}

pub fn print_rows(rows: &[JournalRow]) {
    for row in rows {
        let service = row
            .service_name
            .as_ref()
            .map(|n| n.kk.as_str())
            .unwrap_or(&row.service);
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            row.number,
            row.registered_at,
            row.applicant_id_number,
            row.applicant_name,
            service,
            row.status.code(),
            row.due_at.as_deref().unwrap_or("-"),
        );
    }
}

pub fn demo(ctx: &mut Context) -> Result<(), Failure> {
    let added = demo::seed(&mut ctx.office, ctx.clock.now())?;
    println!("{added}");
    Ok(())
}
