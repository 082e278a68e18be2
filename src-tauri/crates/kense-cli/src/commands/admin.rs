//! plan, due, calendar, services, service-edit: the regulations and the
//! calendar from the command line. JSON on stdout; bad input exits 2.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use kense_core::admin::{CalendarChange, OfficeHoursInput};
use kense_core::CoreError;
use kense_domain::dates;
use kense_domain::regulation::ServiceEdit;
use kense_domain::types::Text;
use serde_json::json;

use super::{read_json, Context};
use crate::admin_cli::{ActArgs, AdminCommand, CalendarAction, CalendarEdit};
use crate::output::{print_json, Failure};

type Time = DateTime<FixedOffset>;

pub fn run(ctx: &mut Context, command: AdminCommand) -> Result<(), Failure> {
    match command {
        AdminCommand::Plan {
            service,
            procedure,
            start,
            channel,
            json,
        } => plan(ctx, &service, &procedure, &start, channel.as_deref(), json),
        AdminCommand::Due { start, limit, json } => due(ctx, &start, &limit, json),
        AdminCommand::Calendar { year, json, action } => match action {
            None => calendar(ctx, year, json),
            Some(CalendarAction::Log { json }) => calendar_log(ctx, json),
            Some(CalendarAction::Edit(edit)) => calendar_edit(ctx, edit),
        },
        AdminCommand::Services { json } => services(ctx, json),
        AdminCommand::ServiceEdit { service, json } => service_edit(ctx, &service, &json),
    }
}

/// A time as people or scripts write it (`dd.mm.yyyy HH:MM`, ISO, RFC 3339), in the office's zone.
fn time(field: &str, text: &str) -> Result<Time, Failure> {
    let offset = kense_core::clock::office_offset();
    Ok(dates::date_time_field(field, text, offset).map_err(CoreError::from)?)
}

fn date(text: &str) -> Result<NaiveDate, Failure> {
    Ok(dates::date_field("date", text).map_err(CoreError::from)?)
}

fn plan(
    ctx: &Context,
    service: &str,
    procedure: &str,
    start: &str,
    channel: Option<&str>,
    json: bool,
) -> Result<(), Failure> {
    let start = time("start", start)?;
    let schedule = ctx.office.plan(service, procedure, channel, start)?;
    if json {
        return print_json(&schedule);
    }
    for step in &schedule.steps {
        println!(
            "{:<20} {:<10} {:<20} {} → {}",
            step.id,
            step.role.code(),
            step.limit.to_string(),
            step.start.to_rfc3339(),
            step.due.to_rfc3339()
        );
    }
    println!("due {}", schedule.due.to_rfc3339());
    if let Some(refusal) = schedule.refusal_due {
        println!("refusal_due {}", refusal.to_rfc3339());
    }
    Ok(())
}

fn due(ctx: &Context, start: &str, limit: &str, json: bool) -> Result<(), Failure> {
    let due = ctx.office.due_for(time("start", start)?, limit)?;
    if json {
        print_json(&json!({ "due": due }))
    } else {
        println!("{}", due.to_rfc3339());
        Ok(())
    }
}

fn calendar(ctx: &Context, year: Option<i32>, json: bool) -> Result<(), Failure> {
    let year = year.unwrap_or_else(|| ctx.clock.now().year());
    let view = ctx.office.calendar_year(year)?;
    if json {
        return print_json(&view);
    }
    println!(
        "{} {}–{} ({}–{})",
        view.year,
        view.office_hours.opens,
        view.office_hours.closes,
        view.office_hours.lunch_from,
        view.office_hours.lunch_until
    );
    for day in &view.days_off {
        println!("off     {} {}", day.date, day.date.weekday());
    }
    for day in &view.working_weekend_days {
        println!("worked  {} {}", day, day.weekday());
    }
    Ok(())
}

fn act(args: ActArgs) -> Option<Text> {
    match (args.act_kk, args.act_ru) {
        (Some(kk), Some(ru)) => Some(Text { kk, ru }),
        _ => None,
    }
}

fn change_of(edit: CalendarEdit) -> Result<CalendarChange, Failure> {
    Ok(match edit {
        CalendarEdit::AddDayOff { date: d, act: a } => CalendarChange::AddDayOff {
            date: date(&d)?,
            act: act(a),
        },
        CalendarEdit::RemoveDayOff { date: d } => CalendarChange::RemoveDayOff { date: date(&d)? },
        CalendarEdit::AddWorkingDay { date: d, act: a } => CalendarChange::AddWorkingDay {
            date: date(&d)?,
            act: act(a),
        },
        CalendarEdit::RemoveWorkingDay { date: d } => {
            CalendarChange::RemoveWorkingDay { date: date(&d)? }
        }
        CalendarEdit::OfficeHours {
            opens,
            closes,
            lunch_from,
            lunch_until,
        } => CalendarChange::SetOfficeHours {
            hours: OfficeHoursInput {
                opens,
                closes,
                lunch_from,
                lunch_until,
            },
        },
    })
}

/// Applies one edit as --user at the office's "now"; prints the year it changed.
fn calendar_edit(ctx: &mut Context, edit: CalendarEdit) -> Result<(), Failure> {
    let now = ctx.clock.now();
    let change = change_of(edit)?;
    let year = match &change {
        CalendarChange::AddDayOff { date, .. }
        | CalendarChange::RemoveDayOff { date }
        | CalendarChange::AddWorkingDay { date, .. }
        | CalendarChange::RemoveWorkingDay { date } => date.year(),
        CalendarChange::SetOfficeHours { .. } => now.year(),
    };
    let view = ctx.office.edit_calendar(&ctx.session, year, &change, now)?;
    print_json(&view)
}

fn calendar_log(ctx: &Context, json: bool) -> Result<(), Failure> {
    let edits = ctx.office.calendar_edits(&ctx.session)?;
    if json {
        return print_json(&edits);
    }
    for e in &edits {
        let change = serde_json::to_string(&e.change).unwrap_or_default();
        println!("{} {} {} {}", e.at, e.user, e.file, change);
    }
    Ok(())
}

fn services(ctx: &Context, json: bool) -> Result<(), Failure> {
    let report = ctx.office.services_report()?;
    if json {
        return print_json(&report);
    }
    for s in &report.services {
        let procedures: Vec<&str> = s.procedures.iter().map(|p| p.id.as_str()).collect();
        println!("{} v{} [{}]", s.id, s.version, procedures.join(", "));
    }
    for r in &report.rejected {
        println!("rejected {}", r.error);
    }
    Ok(())
}

fn service_edit(ctx: &mut Context, service: &str, source: &str) -> Result<(), Failure> {
    let edit: ServiceEdit = read_json(source)?;
    let now = ctx.clock.now();
    let def = ctx.office.edit_service(&ctx.session, service, &edit, now)?;
    print_json(&json!({
        "service": def.id,
        "version": def.version,
        "effective_from": def.effective_from.to_string(),
    }))
}
