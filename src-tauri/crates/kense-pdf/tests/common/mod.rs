//! Sample data shared by the integration tests, the unit tests and the benchmark.
#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime};
use kense_domain::case::CaseStatus;
use kense_pdf::*;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn dt(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, min, 0).unwrap()
}

pub fn stamp(code: &str) -> DocStamp {
    DocStamp {
        check_code: code.to_string(),
        qr_payload: format!("KENSE:1:{code}:5f2c9a0e7b1d4c3e"),
        document_id: format!("kense-{code}"),
        created_at: dt(2026, 11, 20, 10, 15),
    }
}

pub fn office(lang: Lang) -> Office {
    Office {
        name: match lang {
            Lang::Kk => "Батыс Қазақстан облысының жолаушылар көлігі және автомобиль жолдары басқармасы".into(),
            Lang::Ru => "Управление пассажирского транспорта и автомобильных дорог Западно-Казахстанской области".into(),
        },
        address: "090000, Орал қ., Достық даңғылы, 201".into(),
        phone: "+7 (7112) 50-12-34".into(),
    }
}

/// About 300 characters, the longest organisation names seen in practice.
pub const LONG_ORG: &str = "«Қазақстан Республикасы Ауыл шаруашылығы министрлігінің Агроөнеркәсіптік кешендегі мемлекеттік инспекция комитеті Батыс Қазақстан облыстық аумақтық инспекциясының Бөрлі ауданы бойынша аумақтық инспекциясы» республикалық мемлекеттік мекемесінің астық қабылдау кәсіпорны жауапкершілігі шектеулі серіктестігі филиалы";

pub const APPLICANT: &str = "Әбілқасымова Гүлнұр Серікқызы";
pub const APPLICANT_IIN: &str = "800416100254";
pub const KAZAKH_LETTERS: &str = "ӘҒҚҢӨҰҮҺІ әғқңөұүһі";

pub fn receipt(lang: Lang) -> ReceiptData {
    let (service, procedure, docs) = match lang {
        Lang::Kk => (
            "Шағын көлемді өздігінен жүретін кемелерді басқару құқығына куәлік беру",
            "Куәлік беру",
            vec![
                "Өтініш (Стандарттың 1-қосымшасы)",
                "Жеке басын куәландыратын құжат",
                "Медициналық анықтама (083/у нысаны)",
                "3x4 см көлеміндегі екі фотосурет",
                "Мемлекеттік баж төленгенін растайтын құжат",
            ],
        ),
        Lang::Ru => (
            "Выдача удостоверения на право управления маломерным самоходным судном",
            "Выдача удостоверения",
            vec![
                "Заявление (приложение 1 к Стандарту)",
                "Документ, удостоверяющий личность",
                "Медицинская справка (форма 083/у)",
                "Две фотографии размером 3x4 см",
                "Документ об уплате государственной пошлины",
            ],
        ),
    };
    ReceiptData {
        stamp: stamp("R7K2-9Q4M"),
        office: office(lang),
        registration_number: "2026-000123".into(),
        registered_at: dt(2026, 11, 18, 9, 42),
        applicant: Party {
            name: APPLICANT.into(),
            iin_bin: Some(APPLICANT_IIN.into()),
        },
        representative: Some(Party {
            name: "Қуанышбаев Ержан Мұратұлы".into(),
            iin_bin: Some("680503250034".into()),
        }),
        service_name: service.into(),
        procedure_name: procedure.into(),
        documents: docs.into_iter().map(String::from).collect(),
        result_due: d(2026, 11, 30),
        clerk_name: "Сейітова Айгүл Нұрланқызы".into(),
    }
}

pub fn head(lang: Lang) -> Signatory {
    Signatory {
        position: match lang {
            Lang::Kk => "Басқарма басшысы".into(),
            Lang::Ru => "Руководитель управления".into(),
        },
        name: "Ғ. Ә. Құрманғалиев".into(),
    }
}

pub fn result(kind: ResultKind, lang: Lang) -> ResultData {
    let (title, fields) = match lang {
        Lang::Kk => (
            "шағын көлемді өздігінен жүретін кемелерді басқару құқығына",
            vec![
                ("Кеме түрі", "Моторлы қайық, қуаты 50 а.к. дейін"),
                ("Жүзу ауданы", "Жайық өзені, Шаған өзені"),
            ],
        ),
        Lang::Ru => (
            "на право управления маломерным самоходным судном",
            vec![
                ("Тип судна", "Моторная лодка мощностью до 50 л.с."),
                ("Район плавания", "река Урал, река Шаган"),
            ],
        ),
    };
    ResultData {
        stamp: stamp("C3P8-1XZ7"),
        office: office(lang),
        kind,
        title: title.into(),
        number: "KZ-ШКК-0457/2026".into(),
        holder: Party {
            name: APPLICANT.into(),
            iin_bin: Some(APPLICANT_IIN.into()),
        },
        fields: fields
            .into_iter()
            .map(|(l, v)| Field {
                label: l.into(),
                value: v.into(),
            })
            .collect(),
        issued_on: d(2026, 11, 27),
        valid_until: Some(d(2036, 11, 27)),
        signatory: head(lang),
    }
}

pub fn duplicate(lang: Lang) -> DuplicateData {
    DuplicateData {
        document: result(ResultKind::Certificate, lang),
        original_number: "KZ-ШКК-0113/2021".into(),
        original_issued_on: d(2021, 5, 14),
    }
}

pub fn reregistered(lang: Lang) -> ReregisteredData {
    let mut licence = result(ResultKind::Licence, lang);
    licence.title = match lang {
        Lang::Kk => "астық қолхаттарын бере отырып, астық қоймасы қызметтерін көрсету жөніндегі қызметпен айналысуға".into(),
        Lang::Ru => "на осуществление деятельности по оказанию услуг по складской деятельности с выпуском зерновых расписок".into(),
    };
    licence.holder = Party {
        name: "«Ақжайық Астық» ЖШС".into(),
        iin_bin: Some("940140000385".into()),
    };
    licence.valid_until = None;
    ReregisteredData {
        licence,
        reregistered_on: d(2026, 11, 25),
        reason: match lang {
            Lang::Kk => "заңды тұлғаның атауы өзгеруі".into(),
            Lang::Ru => "изменение наименования юридического лица".into(),
        },
    }
}

pub fn grounds(lang: Lang, n: usize) -> Vec<Ground> {
    let base = match lang {
        Lang::Kk => [
            "Өтініш берушінің мемлекеттік қызметті алу үшін ұсынған құжаттарының және (немесе) олардағы деректердің (мәліметтердің) анық еместігін анықтау",
            "Өтініш берушінің және (немесе) мемлекеттік қызметті көрсету үшін қажетті ұсынылған материалдардың, объектілердің, деректер мен мәліметтердің Қазақстан Республикасының нормативтік құқықтық актілерінде белгіленген талаптарға сәйкес келмеуі",
            "Өтініш беруші Стандарттың 9-тармағында көзделген құжаттардың толық топтамасын ұсынбаған",
        ],
        Lang::Ru => [
            "Установление недостоверности документов, представленных заявителем для получения государственной услуги, и (или) данных (сведений), содержащихся в них",
            "Несоответствие заявителя и (или) представленных материалов, объектов, данных и сведений, необходимых для оказания государственной услуги, требованиям, установленным нормативными правовыми актами Республики Казахстан",
            "Заявителем не представлен полный пакет документов, предусмотренных пунктом 9 Стандарта",
        ],
    };
    (0..n)
        .map(|i| Ground {
            text: format!("{} [{}]", base[i % 3], i + 1),
            clause: match lang {
                Lang::Kk => format!("Стандарттың 10-тармағының {}) тармақшасы", i + 1),
                Lang::Ru => format!("подпункт {}) пункта 10 Стандарта", i + 1),
            },
        })
        .collect()
}

pub fn refusal(lang: Lang, n_grounds: usize) -> RefusalData {
    let (service, missing, expired) = match lang {
        Lang::Kk => (
            "Шағын көлемді өздігінен жүретін кемелерді басқару құқығына куәлік беру",
            vec![
                "Медициналық анықтама (083/у нысаны)",
                "Мемлекеттік баж төленгенін растайтын құжат",
            ],
            vec!["Нотариалды куәландырылған сенімхат (қолданылу мерзімі 01.10.2026 аяқталған)"],
        ),
        Lang::Ru => (
            "Выдача удостоверения на право управления маломерным самоходным судном",
            vec![
                "Медицинская справка (форма 083/у)",
                "Документ об уплате государственной пошлины",
            ],
            vec!["Нотариальная доверенность (срок действия истёк 01.10.2026)"],
        ),
    };
    RefusalData {
        stamp: stamp("F9D1-4HBW"),
        office: office(lang),
        outgoing_number: "05-12/345".into(),
        outgoing_date: d(2026, 11, 20),
        application_number: "2026-000123".into(),
        application_date: d(2026, 11, 18),
        addressee: Addressee {
            name: APPLICANT.into(),
            address: Some("Орал қ., Сарайшық к-сі, 12-үй, 45-пәтер".into()),
        },
        service_name: service.into(),
        grounds: grounds(lang, n_grounds),
        explanation: String::new(),
        missing_documents: missing.into_iter().map(String::from).collect(),
        expired_documents: expired.into_iter().map(String::from).collect(),
        signatory: head(lang),
        executor: Executor {
            name: "Жұмабаева Ә. Қ.".into(),
            phone: "+7 (7112) 50-12-40".into(),
        },
    }
}

pub fn journal(rows: usize) -> JournalData {
    let statuses = [
        CaseStatus::Registered,
        CaseStatus::InProgress,
        CaseStatus::AwaitingSignature,
        CaseStatus::Closed,
        CaseStatus::Refused,
        CaseStatus::Withdrawn,
    ];
    let names = [
        APPLICANT,
        "«Ақжайық Астық» ЖШС",
        "Иванов Сергей Петрович",
        "Өтегенов Нұрлан Үсенұлы",
        LONG_ORG,
    ];
    let services = [
        "Шағын көлемді кемелерді басқару құқығына куәлік беру",
        "Астық қоймасы қызметтерін көрсету лицензиясы",
        "Жылжымайтын мүлік мекенжайын нақтылау туралы анықтама",
    ];
    JournalData {
        stamp: stamp("J5T0-8NVE"),
        office: office(Lang::Kk),
        period_from: d(2026, 1, 1),
        period_to: d(2026, 11, 30),
        rows: (0..rows)
            .map(|i| {
                let reg = d(2026, 1, 1) + chrono::Days::new((i % 330) as u64);
                let status = statuses[i % statuses.len()];
                JournalRow {
                    number: format!("2026-{:06}", i + 1),
                    registered_on: reg,
                    applicant: names[i % names.len()].into(),
                    iin_bin: if i % 7 == 3 {
                        None
                    } else {
                        Some(["800416100254", "940140000385", "680503250034"][i % 3].into())
                    },
                    service: services[i % services.len()].into(),
                    status,
                    due_on: reg + chrono::Days::new(10),
                    closed_on: matches!(status, CaseStatus::Closed | CaseStatus::Refused)
                        .then(|| reg + chrono::Days::new(if i % 4 == 0 { 12 } else { 8 })),
                }
            })
            .collect(),
        chain: Some(kense_pdf::ChainAnchor {
            length: 1234,
            head: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
        }),
    }
}
