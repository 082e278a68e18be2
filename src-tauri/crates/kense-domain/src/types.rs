//! Small vocabulary types shared by every part of the domain.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A text given in both official languages; neither may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Text {
    pub kk: String,
    pub ru: String,
}

impl Text {
    pub fn get(&self, lang: Language) -> &str {
        match lang {
            Language::Kk => &self.kk,
            Language::Ru => &self.ru,
        }
    }
}

/// The language of an application, a document or the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Language {
    Kk,
    Ru,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Kk, Language::Ru];

    pub fn code(self) -> &'static str {
        match self {
            Language::Kk => "kk",
            Language::Ru => "ru",
        }
    }

    pub fn parse(code: &str) -> Option<Language> {
        match code {
            "kk" => Some(Language::Kk),
            "ru" => Some(Language::Ru),
            _ => None,
        }
    }
}

/// How an application reached the office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Channel {
    StateCorp,
    Portal,
    InPerson,
    Post,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::StateCorp,
        Channel::Portal,
        Channel::InPerson,
        Channel::Post,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Channel::StateCorp => "state_corp",
            Channel::Portal => "portal",
            Channel::InPerson => "in_person",
            Channel::Post => "post",
        }
    }

    pub fn parse(code: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Who applies: a natural person (IIN) or an organisation (BIN).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ApplicantKind {
    Person,
    Organisation,
}

impl ApplicantKind {
    pub fn code(self) -> &'static str {
        match self {
            ApplicantKind::Person => "person",
            ApplicantKind::Organisation => "organisation",
        }
    }

    pub fn parse(code: &str) -> Option<ApplicantKind> {
        match code {
            "person" => Some(ApplicantKind::Person),
            "organisation" => Some(ApplicantKind::Organisation),
            _ => None,
        }
    }
}

/// The roles a regulation's steps are assigned to.
/// `Deputy` never owns a step in a regulation: it acts for `Head`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    Clerk,
    Head,
    Deputy,
    DeptHead,
    Executor,
    External,
    Admin,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Clerk => "clerk",
            Role::Head => "head",
            Role::Deputy => "deputy",
            Role::DeptHead => "dept_head",
            Role::Executor => "executor",
            Role::External => "external",
            Role::Admin => "admin",
        }
    }

    pub const ALL: [Role; 7] = [
        Role::Clerk,
        Role::Head,
        Role::Deputy,
        Role::DeptHead,
        Role::Executor,
        Role::External,
        Role::Admin,
    ];

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}
