//! Who acts: a user with roles, and what the office knows about the others.

use crate::types::Role;

/// The person acting, as the workflow needs to know them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub login: String,
    pub roles: Vec<Role>,
    /// The head is marked absent now, so a deputy acts for the head.
    pub head_absent: bool,
}

impl Actor {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// May act in the head's place now; `Some(true)` when as the deputy acting for the head.
    pub fn as_head(&self) -> Option<bool> {
        if self.has(Role::Head) {
            Some(false)
        } else if self.has(Role::Deputy) && self.head_absent {
            Some(true)
        } else {
            None
        }
    }
}

/// The office's users, as far as the workflow checks names given in an act.
pub trait Directory {
    /// True when `login` is an active user holding `role`.
    fn has_role(&self, login: &str, role: Role) -> bool;
}
