//! Route commands: act, actions, case, work, overdue, users, absences.

use kense_core::requests::ActOptions;
use kense_core::views::{CaseView, JournalRow, OverdueDashboard};
use kense_core::CoreError;
use kense_domain::user::{User, UserInput, UserUpdate};
use kense_domain::workflow::{Action, ActionKind};
use kense_domain::{DomainError, ErrorCode};
use serde_json::Value;

use super::{read_json, Context};
use crate::cli::UserCommand;
use crate::output::{print_json, Failure, EXIT_BAD_INPUT};

/// Builds the action from its name and its JSON data: `{"action": NAME, ...data}`.
pub(super) fn action_from(name: &str, data: Option<Value>) -> Result<Action, Failure> {
    let mut object = match data {
        None => serde_json::Map::new(),
        Some(Value::Object(map)) => map,
        Some(_) => {
            return Err(CoreError::from(DomainError::new(
                ErrorCode::InvalidInput,
                "the action's data must be a JSON object",
            ))
            .into())
        }
    };
    if name == ActionKind::Register.code() {
        return Err(CoreError::from(DomainError::at(
            ErrorCode::InvalidInput,
            "action",
            "a case is registered with `register`, not with an act",
        ))
        .into());
    }
    object.insert("action".into(), Value::String(name.to_string()));
    serde_json::from_value(Value::Object(object)).map_err(|e| {
        let field = if e.to_string().contains("unknown variant") {
            "action"
        } else {
            "json"
        };
        CoreError::from(DomainError::at(
            ErrorCode::InvalidInput,
            field,
            format!("action `{name}`: {e}"),
        ))
        .into()
    })
}

pub fn act(
    ctx: &mut Context,
    case: &str,
    name: &str,
    json: Option<&str>,
    options: &ActOptions,
) -> Result<(), Failure> {
    let data = json.map(read_json::<Value>).transpose()?;
    let action = action_from(name, data)?;
    let view = ctx
        .office
        .act_with(&ctx.session, case, action, ctx.clock.now(), options)?;
    print_json(&view)
}

pub fn actions(ctx: &Context, case: &str, json: bool) -> Result<(), Failure> {
    let kinds = ctx.office.actions(&ctx.session, case, ctx.clock.now())?;
    print_actions(&kinds, json)
}

pub(super) fn print_actions(kinds: &[ActionKind], json: bool) -> Result<(), Failure> {
    if json {
        return print_json(&kinds);
    }
    for kind in kinds {
        println!("{}", kind.code());
    }
    Ok(())
}

pub fn case(ctx: &Context, case: &str, json: bool) -> Result<(), Failure> {
    let view = ctx.office.case_view(&ctx.session, case, ctx.clock.now())?;
    print_case(&view, json)
}

pub(super) fn print_case(view: &CaseView, json: bool) -> Result<(), Failure> {
    if json {
        return print_json(view);
    }
    println!(
        "{} {} {}",
        view.case.number,
        view.case.applicant.name,
        view.case.status.code()
    );
    if let Some(step) = &view.step {
        println!(
            "step: {} ({}) due {}",
            step.id,
            step.role.code(),
            view.due.as_deref().unwrap_or("-")
        );
    }
    for event in &view.history {
        println!(
            "{}\t{}\t{}\t{}",
            event.at,
            event.actor,
            event.role.code(),
            event.action.kind().code()
        );
    }
    Ok(())
}

pub fn work(ctx: &Context, json: bool) -> Result<(), Failure> {
    let rows = ctx.office.my_work(&ctx.session, ctx.clock.now())?;
    print_work(&rows, json)
}

pub(super) fn print_work(rows: &[JournalRow], json: bool) -> Result<(), Failure> {
    if json {
        return print_json(&rows);
    }
    super::journal::print_rows(rows);
    Ok(())
}

pub fn overdue(ctx: &Context, json: bool) -> Result<(), Failure> {
    let dashboard = ctx
        .office
        .overdue_dashboard(&ctx.session, ctx.clock.now())?;
    print_overdue(&dashboard, json)
}

pub(super) fn print_overdue(dashboard: &OverdueDashboard, json: bool) -> Result<(), Failure> {
    if json {
        return print_json(dashboard);
    }
    super::journal::print_rows(&dashboard.items);
    Ok(())
}

pub fn user(ctx: &mut Context, command: UserCommand) -> Result<(), Failure> {
    match command {
        UserCommand::Add { json } => {
            let input: UserInput = read_json(&json)?;
            let user = ctx
                .office
                .create_user(&ctx.session, &input, ctx.clock.now())?;
            print_json(&user)
        }
        UserCommand::List { json } => print_users(&ctx.office.users(&ctx.session)?, json),
        UserCommand::Edit { login, json } => {
            let update: UserUpdate = read_json(&json)?;
            print_json(&ctx.office.update_user(&ctx.session, &login, &update)?)
        }
        UserCommand::Disable { login } => {
            print_json(&ctx.office.set_user_active(&ctx.session, &login, false)?)
        }
        UserCommand::Enable { login } => {
            print_json(&ctx.office.set_user_active(&ctx.session, &login, true)?)
        }
        UserCommand::ResetPin {
            login,
            new_pin_file,
        } => {
            let text = std::fs::read_to_string(&new_pin_file).map_err(|e| {
                Failure::new(
                    EXIT_BAD_INPUT,
                    format!("cannot read the PIN file {}: {e}", new_pin_file.display()),
                )
            })?;
            let pin = text.lines().next().unwrap_or("").trim();
            let now = ctx.clock.now();
            ctx.office.reset_pin(&ctx.session, &login, pin, now)?;
            Ok(())
        }
    }
}

pub(super) fn print_users(users: &[User], json: bool) -> Result<(), Failure> {
    if json {
        return print_json(&users);
    }
    for u in users {
        let roles: Vec<_> = u.roles.iter().map(|g| g.role.code()).collect();
        let state = if u.active { "" } else { "\tdisabled" };
        println!("{}\t{}\t{}{state}", u.login, u.name.kk, roles.join(","));
    }
    Ok(())
}

pub fn absence(ctx: &mut Context, from: &str, until: &str) -> Result<(), Failure> {
    let now = ctx.clock.now();
    ctx.office
        .set_head_absence_text(&ctx.session, from, until, now)?;
    Ok(())
}
