use std::path::Path;

use chrono::{DateTime, FixedOffset};
use kense_core::authorize::{authorize, What};
use kense_core::safety::{self, diagnostics, restore};
use kense_core::Office;

use super::Context;
use crate::output::{print_json, Failure, EXIT_FAILED};

pub fn init(office: &Office) -> Result<(), Failure> {
    if let Some(dir) = office.data_dir() {
        println!("{}", dir.join(kense_store::JOURNAL_FILE).display());
    }
    Ok(())
}

pub fn backup(ctx: &Context, out: &Path) -> Result<(), Failure> {
    ctx.office.backup_to(&ctx.session, out)?;
    println!("{}", out.display());
    Ok(())
}

pub fn verify(ctx: &Context, json: bool) -> Result<(), Failure> {
    let report = ctx.office.verify(&ctx.session)?;
    if json {
        print_json(&report)?;
    } else {
        if let Some(first) = &report.first_break {
            println!("first broken link: {}", first.describe());
        }
        for problem in &report.problems {
            println!("{problem}");
        }
        println!(
            "cases: {}, problems: {}, chain: {} lines, head {}",
            report.cases,
            report.problems.len(),
            report.chain.length,
            report.chain.hash
        );
    }
    if report.problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::new(
            EXIT_FAILED,
            "the journal has problems (see above) / Журналда ақау бар (жоғарыда) / В журнале есть нарушения (см. выше)",
        ))
    }
}

/// Restores a backup. While the current journal opens and has users, only an
/// administrator (`--user`) may replace it; a journal that cannot be opened can
/// be replaced by whoever has the folder.
pub fn restore(
    cli: &crate::cli::Cli,
    dir: &Path,
    file: &Path,
    now: DateTime<FixedOffset>,
    user: &str,
    json: bool,
) -> Result<(), Failure> {
    restore::check_backup(file)?;
    // The journal being replaced decides who may: its administrator, signed in.
    if let Ok(office) = Office::open(dir) {
        crate::trust::check_clock(cli, &office)?;
        let session = crate::trust::sign_in(cli, &office, user, now)?;
        authorize(&session, What::BackupRestore)?;
    }
    let report = restore::restore(dir, file, now)?;
    if json {
        print_json(&report)?;
    } else {
        println!(
            "restored {} cases from {}; the replaced journal is kept as {}",
            report.cases,
            report.restored_from,
            report.replaced_kept_as.as_deref().unwrap_or("-")
        );
    }
    Ok(())
}

pub fn salvage(file: &Path, out: &Path, json: bool) -> Result<(), Failure> {
    let report = safety::salvage(file, out)?;
    if json {
        print_json(&report)?;
    } else {
        for t in &report.tables {
            println!("{}: {} recovered, {} lost", t.table, t.recovered, t.lost);
        }
        println!(
            "cases: {} of {} recovered; missing: {}",
            report.cases_recovered,
            report.cases_expected,
            if report.missing_numbers.is_empty() {
                "none".to_string()
            } else {
                report.missing_numbers.join(", ")
            }
        );
    }
    Ok(())
}

pub fn diagnostics(dir: &Path, out: &Path) -> Result<(), Failure> {
    let (office, error) = match Office::open(dir) {
        Ok(o) => (Some(o), None),
        Err(e) => (None, Some(e)),
    };
    diagnostics::save(office.as_ref(), dir, error.as_ref(), out)?;
    println!("{}", out.display());
    Ok(())
}
