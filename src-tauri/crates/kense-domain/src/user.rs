//! The office's people: who they are and which roles they hold.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{DomainError, ErrorCode};
use crate::types::{Role, Text};

/// A role held by a user; department heads and executors belong to a department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct RoleGrant {
    pub role: Role,
    #[serde(default)]
    #[ts(optional)]
    pub department: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct User {
    pub login: String,
    pub name: Text,
    pub position: Text,
    pub phone: String,
    pub roles: Vec<RoleGrant>,
    pub active: bool,
}

impl User {
    pub fn role_list(&self) -> Vec<Role> {
        self.roles.iter().map(|g| g.role).collect()
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.iter().any(|g| g.role == role)
    }
}

/// A new user as the administrator types it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct UserInput {
    pub login: String,
    pub name: Text,
    pub position: Text,
    #[serde(default)]
    pub phone: String,
    pub roles: Vec<RoleGrant>,
    pub pin: String,
}

/// A user's changed details as the administrator types them (the login never
/// changes; the PIN is reset on its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct UserUpdate {
    pub name: Text,
    pub position: Text,
    #[serde(default)]
    pub phone: String,
    pub roles: Vec<RoleGrant>,
}

pub const MIN_PIN_DIGITS: usize = 4;
pub const MAX_PIN_DIGITS: usize = 12;

/// Checks a PIN's shape: 4 to 12 digits.
pub fn validate_pin(pin: &str) -> Result<(), DomainError> {
    let ok = (MIN_PIN_DIGITS..=MAX_PIN_DIGITS).contains(&pin.len())
        && pin.bytes().all(|b| b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(DomainError::at(
            ErrorCode::PinInvalid,
            "pin",
            "a PIN is 4 to 12 digits",
        ))
    }
}

/// At least this many digits for a head, a deputy or an administrator: their
/// PINs sign decisions and change the office.
pub const MIN_STRONG_PIN_DIGITS: usize = 6;

/// Whether holding `role` asks for a long PIN.
pub fn needs_strong_pin(role: Role) -> bool {
    matches!(role, Role::Head | Role::Deputy | Role::Admin)
}

/// Checks a PIN for a user holding `roles`: its shape, and 6+ digits for a
/// head, a deputy or an administrator.
pub fn validate_pin_for(roles: &[RoleGrant], pin: &str) -> Result<(), DomainError> {
    validate_pin(pin)?;
    if pin.len() < MIN_STRONG_PIN_DIGITS && roles.iter().any(|g| needs_strong_pin(g.role)) {
        return Err(DomainError::at(
            ErrorCode::PinTooShort,
            "pin",
            "a head, deputy or administrator needs a PIN of at least 6 digits",
        ));
    }
    Ok(())
}

fn text_field(field: &str, value: &str, errors: &mut Vec<DomainError>) {
    let value = match crate::text::clean(field, value, false) {
        Ok(value) => value,
        Err(e) => return errors.push(e),
    };
    let n = value.trim().chars().count();
    if n == 0 {
        errors.push(DomainError::at(
            ErrorCode::Required,
            field,
            format!("{field} is empty"),
        ));
    } else if n > 200 {
        errors.push(DomainError::at(
            ErrorCode::TooLong,
            field,
            format!("{field} is too long"),
        ));
    }
}

/// A checked name or position as stored: invisible characters removed, NFC,
/// white space folded.
fn printed(value: &str) -> String {
    crate::case::normalize_text(&crate::text::sanitize(value, false).unwrap_or_default())
}

/// Checks a new user; returns the user (active) to store, or every problem found.
pub fn validate_user(input: &UserInput) -> Result<User, Vec<DomainError>> {
    let mut errors = Vec::new();
    let login = input.login.trim().to_lowercase();
    let login_ok = (2..=32).contains(&login.len())
        && login.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        });
    if !login_ok {
        errors.push(DomainError::at(
            ErrorCode::LoginInvalid,
            "login",
            "2 to 32 Latin letters, digits, dots, dashes or underscores",
        ));
    }
    check_details(
        &input.name,
        &input.position,
        &input.phone,
        &input.roles,
        &mut errors,
    );
    if let Err(e) = validate_pin_for(&input.roles, &input.pin) {
        errors.push(e);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(User {
        login,
        name: Text {
            kk: printed(&input.name.kk),
            ru: printed(&input.name.ru),
        },
        position: Text {
            kk: printed(&input.position.kk),
            ru: printed(&input.position.ru),
        },
        phone: input.phone.trim().to_string(),
        roles: input.roles.clone(),
        active: true,
    })
}

/// Checks the details every user has (names, positions, phone, roles).
fn check_details(
    name: &Text,
    position: &Text,
    phone: &str,
    roles: &[RoleGrant],
    errors: &mut Vec<DomainError>,
) {
    text_field("name.kk", &name.kk, errors);
    text_field("name.ru", &name.ru, errors);
    text_field("position.kk", &position.kk, errors);
    text_field("position.ru", &position.ru, errors);
    if phone.chars().count() > 40 {
        errors.push(DomainError::at(
            ErrorCode::TooLong,
            "phone",
            "phone is too long",
        ));
    }
    if roles.is_empty() {
        errors.push(DomainError::at(
            ErrorCode::Required,
            "roles",
            "no role given",
        ));
    }
    for grant in roles {
        if grant.role == Role::External {
            errors.push(DomainError::at(
                ErrorCode::InvalidInput,
                "roles",
                "external bodies are not users of the office",
            ));
        }
        let needs_department = matches!(grant.role, Role::DeptHead | Role::Executor);
        let department = grant.department.as_deref().map(str::trim).unwrap_or("");
        if needs_department && department.is_empty() {
            errors.push(DomainError::at(
                ErrorCode::Required,
                "roles.department",
                format!("{} needs a department", grant.role.code()),
            ));
        }
    }
}

/// Checks a user's changed details; returns the user as it will be stored
/// (login and active flag kept from `current`), or every problem found.
pub fn validate_update(current: &User, update: &UserUpdate) -> Result<User, Vec<DomainError>> {
    let mut errors = Vec::new();
    check_details(
        &update.name,
        &update.position,
        &update.phone,
        &update.roles,
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(User {
        login: current.login.clone(),
        name: Text {
            kk: printed(&update.name.kk),
            ru: printed(&update.name.ru),
        },
        position: Text {
            kk: printed(&update.position.kk),
            ru: printed(&update.position.ru),
        },
        phone: update.phone.trim().to_string(),
        roles: update.roles.clone(),
        active: current.active,
    })
}

/// The office keeps at least one active administrator: `after` is every user
/// as they would be once a change is made; `last_admin` (on `field`) if none
/// of them is an active administrator.
pub fn keeps_an_admin(after: &[User], field: &str) -> Result<(), DomainError> {
    if after.iter().any(|u| u.active && u.has(Role::Admin)) {
        return Ok(());
    }
    Err(DomainError::at(
        ErrorCode::LastAdmin,
        field,
        "the change would leave no active administrator",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> UserInput {
        UserInput {
            login: "Aigul".into(),
            name: Text {
                kk: "Айгүл Серікқызы".into(),
                ru: "Айгуль Сериковна".into(),
            },
            position: Text {
                kk: "Бас маман".into(),
                ru: "Главный специалист".into(),
            },
            phone: "+7 7112 51 00 00".into(),
            roles: vec![RoleGrant {
                role: Role::Executor,
                department: Some("Көлік бөлімі".into()),
            }],
            pin: "2580".into(),
        }
    }

    #[test]
    fn the_office_keeps_an_active_administrator() {
        let admin = |login: &str, active: bool| User {
            active,
            roles: vec![RoleGrant {
                role: Role::Admin,
                department: None,
            }],
            ..validate_user(&UserInput {
                login: login.into(),
                ..input()
            })
            .unwrap()
        };
        let executor = validate_user(&input()).unwrap();
        assert!(keeps_an_admin(&[executor.clone(), admin("boss", true)], "roles").is_ok());
        let e = keeps_an_admin(&[executor.clone(), admin("boss", false)], "login").unwrap_err();
        assert_eq!(e.code, ErrorCode::LastAdmin);
        assert_eq!(e.field.as_deref(), Some("login"));
        assert!(keeps_an_admin(&[executor], "roles").is_err());
    }

    #[test]
    fn a_good_user_is_accepted_with_a_lower_case_login() {
        let user = validate_user(&input()).unwrap();
        assert_eq!(user.login, "aigul");
        assert!(user.has(Role::Executor));
    }

    #[test]
    fn executors_need_a_department_and_pins_are_digits() {
        let mut i = input();
        i.roles[0].department = None;
        i.pin = "12a4".into();
        i.login = "a b".into();
        let codes: Vec<_> = validate_user(&i)
            .unwrap_err()
            .into_iter()
            .map(|e| e.code)
            .collect();
        assert_eq!(
            codes,
            vec![
                ErrorCode::LoginInvalid,
                ErrorCode::Required,
                ErrorCode::PinInvalid
            ]
        );
    }

    #[test]
    fn heads_deputies_and_admins_need_six_digits_others_four() {
        let grant = |role| {
            vec![RoleGrant {
                role,
                department: None,
            }]
        };
        for role in [Role::Head, Role::Deputy, Role::Admin] {
            assert_eq!(
                validate_pin_for(&grant(role), "12345").unwrap_err().code,
                ErrorCode::PinTooShort
            );
            assert!(validate_pin_for(&grant(role), "123456").is_ok());
        }
        assert!(validate_pin_for(&grant(Role::Clerk), "1234").is_ok());
        assert_eq!(
            validate_pin_for(&grant(Role::Clerk), "123")
                .unwrap_err()
                .code,
            ErrorCode::PinInvalid
        );
        let mut i = input();
        i.roles.push(RoleGrant {
            role: Role::Admin,
            department: None,
        });
        let errors = validate_user(&i).unwrap_err();
        assert_eq!(errors[0].code, ErrorCode::PinTooShort);
        i.pin = "258025".into();
        assert!(validate_user(&i).is_ok());
    }

    #[test]
    fn names_refuse_control_characters_and_lose_invisible_ones() {
        let mut i = input();
        i.name.kk = "Айгүл\u{1b}[2J".into();
        i.position.ru = "\u{200B}\u{FEFF}".into();
        let errors = validate_user(&i).unwrap_err();
        assert_eq!(errors[0].code, ErrorCode::TextInvalid);
        assert_eq!(errors[0].field.as_deref(), Some("name.kk"));
        assert_eq!(errors[1].code, ErrorCode::Required);
        assert_eq!(errors[1].field.as_deref(), Some("position.ru"));
        let mut i = input();
        i.name.ru = " Айгуль\u{200B} Сер\u{00AD}икова ".into();
        assert_eq!(validate_user(&i).unwrap().name.ru, "Айгуль Серикова");
    }
}
