use std::path::Path;

use super::Context;
use crate::output::{print_json, Failure, EXIT_FAILED};

pub fn backup(ctx: &Context, out: &Path) -> Result<(), Failure> {
    ctx.office.backup_to(out)?;
    println!("{}", out.display());
    Ok(())
}

pub fn verify(ctx: &Context, json: bool) -> Result<(), Failure> {
    let report = ctx.office.verify()?;
    if json {
        print_json(&report)?;
    } else {
        for problem in &report.problems {
            println!("{problem}");
        }
        println!(
            "cases: {}, problems: {}",
            report.cases,
            report.problems.len()
        );
    }
    if report.problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::new(
            EXIT_FAILED,
            "the journal has problems (see above)",
        ))
    }
}
