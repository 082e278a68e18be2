use kense_core::demo;
use kense_domain::case::ApplicationInput;

use super::{read_json, Context};
use crate::output::{print_json, Failure};

pub fn register(ctx: &mut Context, source: &str) -> Result<(), Failure> {
    let input: ApplicationInput = read_json(source)?;
    let now = ctx.clock.now();
    let case = ctx.office.register(&input, &ctx.user, now)?;
    print_json(&case)
}

pub fn list(ctx: &Context, json: bool) -> Result<(), Failure> {
    if json {
        return print_json(&ctx.office.cases()?);
    }
    for row in ctx.office.journal()? {
        let service = row.service_name.map(|n| n.kk).unwrap_or(row.service);
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            row.number,
            row.registered_at,
            row.applicant_id_number,
            row.applicant_name,
            service,
            row.status.code()
        );
    }
    Ok(())
}

pub fn demo(ctx: &mut Context) -> Result<(), Failure> {
    let added = demo::seed(&mut ctx.office, ctx.clock.now())?;
    println!("{added}");
    Ok(())
}
