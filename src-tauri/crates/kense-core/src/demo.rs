//! The demo journal: a few realistic applications in Kazakh and Russian, so a
//! newcomer sees a working office at first start.

use chrono::{DateTime, Duration, FixedOffset};
use kense_domain::case::{ApplicantInput, ApplicationInput};
use kense_domain::types::{ApplicantKind, Role, Text};
use kense_domain::user::{RoleGrant, UserInput};

use crate::{CoreError, Office};

struct Sample {
    service: &'static str,
    kind: ApplicantKind,
    language: &'static str,
    /// The IIN of a person or the BIN of an organisation (all pass the checksum).
    id_number: &'static str,
    name: &'static str,
    phone: &'static str,
    address: &'static str,
    documents: &'static [&'static str],
    minutes_ago: i64,
}

const SAMPLES: &[Sample] = &[
    Sample {
        service: "small-vessel-certificate",
        kind: ApplicantKind::Person,
        language: "kk",
        id_number: "850315300128",
        name: "Ержан Сәбитұлы Қалиев",
        phone: "+7 701 555 12 34",
        address: "Орал қ., Сарайшық к-сі, 12",
        documents: &[
            "Өтініш",
            "Жеке басын куәландыратын құжат",
            "Медициналық анықтама",
        ],
        minutes_ago: 290,
    },
    Sample {
        service: "grain-warehouse-licence",
        kind: ApplicantKind::Organisation,
        language: "ru",
        id_number: "050440001239",
        name: "ТОО «Астық Терминал Батыс»",
        phone: "+7 7112 50 60 70",
        address: "г. Уральск, ул. Даулеткерея, 4",
        documents: &[
            "Заявление",
            "Сведения о соответствии квалификационным требованиям",
        ],
        minutes_ago: 200,
    },
    Sample {
        service: "real-estate-address-reference",
        kind: ApplicantKind::Person,
        language: "kk",
        id_number: "920711400350",
        name: "Гүлнұр Өміржанқызы Бекова",
        phone: "+7 777 123 45 67",
        address: "Қарағанды қ., Бұқар жырау д-лы, 45",
        documents: &["Өтініш", "Жылжымайтын мүлікке құқық белгілейтін құжат"],
        minutes_ago: 120,
    },
    Sample {
        service: "intl-inspection-certificate",
        kind: ApplicantKind::Person,
        language: "ru",
        id_number: "781122401567",
        name: "Иванова Светлана Петровна",
        phone: "+7 705 987 65 43",
        address: "г. Тараз, ул. Толе би, 8",
        documents: &["Заявление", "Документ о регистрации транспортного средства"],
        minutes_ago: 45,
    },
];

/// The demo office's people: one per role. Demo PIN: `111111` for the head, the
/// deputy and the administrator, `1111` for the others.
pub const DEMO_PIN: &str = "1111";
/// The demo PIN of the head, the deputy and the administrator (6 digits: the policy).
pub const DEMO_STRONG_PIN: &str = "111111";

/// The demo PIN of a demo user: 6 digits for a head, deputy or administrator.
pub fn demo_pin(login: &str) -> &'static str {
    let strong = DEMO_USERS.iter().any(|u| {
        u.login == login
            && u.roles
                .iter()
                .any(|(role, _)| kense_domain::user::needs_strong_pin(*role))
    });
    if strong {
        DEMO_STRONG_PIN
    } else {
        DEMO_PIN
    }
}

struct DemoUser {
    login: &'static str,
    name: (&'static str, &'static str),
    position: (&'static str, &'static str),
    roles: &'static [(Role, Option<&'static str>)],
}

const TRANSPORT: Option<&str> = Some("Жолаушылар көлігі бөлімі");

const DEMO_USERS: &[DemoUser] = &[
    DemoUser {
        login: "admin",
        name: ("Дәурен Әкімжанов", "Даурен Акимжанов"),
        position: ("Жүйе әкімшісі", "Администратор системы"),
        roles: &[(Role::Admin, None)],
    },
    DemoUser {
        login: "clerk",
        name: ("Айгүл Серікқызы Нұрланова", "Айгуль Сериковна Нурланова"),
        position: ("Кеңсе маманы", "Специалист канцелярии"),
        roles: &[(Role::Clerk, None)],
    },
    DemoUser {
        login: "head",
        name: ("Нұрлан Абайұлы Жұмабаев", "Нурлан Абаевич Жумабаев"),
        position: ("Басқарма басшысы", "Руководитель управления"),
        roles: &[(Role::Head, None)],
    },
    DemoUser {
        login: "deputy",
        name: ("Сәуле Болатқызы Ерғалиева", "Сауле Болатовна Ергалиева"),
        position: ("Басшының орынбасары", "Заместитель руководителя"),
        roles: &[(Role::Deputy, None)],
    },
    DemoUser {
        login: "depthead",
        name: ("Бауыржан Қайратұлы Омаров", "Бауыржан Кайратович Омаров"),
        position: (
            "Жолаушылар көлігі бөлімінің басшысы",
            "Руководитель отдела пассажирского транспорта",
        ),
        roles: &[(Role::DeptHead, TRANSPORT)],
    },
    DemoUser {
        login: "executor",
        name: ("Мөлдір Ғаниқызы Сәрсенова", "Мольдир Ганиевна Сарсенова"),
        position: ("Бас маман", "Главный специалист"),
        roles: &[(Role::Executor, TRANSPORT)],
    },
    DemoUser {
        login: "executor2",
        name: ("Олжас Тимурұлы Қасымов", "Олжас Тимурович Касымов"),
        position: ("Жетекші маман", "Ведущий специалист"),
        roles: &[(Role::Executor, TRANSPORT)],
    },
];

/// Creates the demo office's users when the office has none yet.
pub fn seed_users(office: &mut Office, now: DateTime<FixedOffset>) -> Result<usize, CoreError> {
    if office.has_users()? {
        return Ok(0);
    }
    // The demo office is a journal for trying things out: light PIN hashes,
    // a clock that may be set by hand.
    office.mark_test_journal()?;
    for user in DEMO_USERS {
        let input = UserInput {
            login: user.login.to_string(),
            name: Text {
                kk: user.name.0.to_string(),
                ru: user.name.1.to_string(),
            },
            position: Text {
                kk: user.position.0.to_string(),
                ru: user.position.1.to_string(),
            },
            phone: "+7 7112 50 00 00".to_string(),
            roles: user
                .roles
                .iter()
                .map(|(role, department)| RoleGrant {
                    role: *role,
                    department: department.map(str::to_string),
                })
                .collect(),
            pin: demo_pin(user.login).to_string(),
        };
        office.insert_user(&input, "admin", now)?;
    }
    Ok(DEMO_USERS.len())
}

/// Fills an empty journal with the demo users and the samples, registered
/// shortly before `now`. A journal that already has cases is left as it is.
/// Returns how many cases were added.
pub fn seed(office: &mut Office, now: DateTime<FixedOffset>) -> Result<usize, CoreError> {
    if office.case_count()? > 0 {
        return Ok(0);
    }
    seed_users(office, now)?;
    if office.details()?.name.kk.is_empty() {
        office.store_office_details(&crate::office_details::demo_details())?;
    }
    // The demo clerk registers the samples (the demo is made before anyone
    // signs in).
    let clerk = crate::Session::for_user(&office.user("clerk")?, now);
    let mut added = 0;
    for sample in SAMPLES {
        let Some(service) = office.catalog().latest(sample.service).cloned() else {
            continue;
        };
        let kind = &sample.kind;
        let (Some(procedure), Some(channel), true) = (
            service.procedures.first(),
            service.channels.first(),
            service.applicant_kinds.contains(kind),
        ) else {
            continue;
        };
        let registered_at = now - Duration::minutes(sample.minutes_ago);
        let input = ApplicationInput {
            service: service.id.clone(),
            procedure: procedure.id.clone(),
            channel: channel.code().to_string(),
            received_at: (registered_at - Duration::minutes(10)).to_rfc3339(),
            language: sample.language.to_string(),
            external_number: None,
            applicant: ApplicantInput {
                kind: kind.code().to_string(),
                iin: (*kind == ApplicantKind::Person).then(|| sample.id_number.to_string()),
                bin: (*kind == ApplicantKind::Organisation).then(|| sample.id_number.to_string()),
                name: sample.name.to_string(),
                phone: sample.phone.to_string(),
                address: sample.address.to_string(),
            },
            representative: None,
            documents: sample.documents.iter().map(|d| d.to_string()).collect(),
        };
        office.register(&clerk, &input, registered_at)?;
        added += 1;
    }
    Ok(added)
}
