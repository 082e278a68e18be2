//! The routed workflow: how a case walks its procedure's steps, who may act at
//! each step, and what every act records. Driven by the procedure's data, not
//! by code per service. Pure: time, users and the deadline clock are passed in.

mod action;
mod actor;
mod derived;
mod history;
mod rules;
mod state;
mod timer;

pub use action::{Action, ActionKind, Draft, HandOverMethod};
pub use actor::{Actor, Directory};
pub use derived::{
    completeness, drafts_result, recorded_completeness, refusal_grounds_at, resolve_target,
    settle_completeness, Completeness, ResolveTarget,
};
pub use history::RouteEvent;
pub use rules::{apply, available_actions, RouteContext};
pub use state::{CheckRecord, Conclusion, ReplayError, RouteState};
pub use timer::Timer;

#[cfg(test)]
mod tests;
