use super::*;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T10:30:00+05:00").unwrap()
}

fn terms() -> ServiceTerms {
    ServiceTerms {
        version: 1,
        procedures: vec!["issue".into(), "duplicate".into()],
        channels: vec![Channel::StateCorp, Channel::InPerson],
        applicant_kinds: vec![ApplicantKind::Person],
    }
}

fn input() -> ApplicationInput {
    ApplicationInput {
        service: "small-vessel-certificate".into(),
        procedure: "issue".into(),
        channel: "state_corp".into(),
        received_at: "2026-11-23T10:15:00+05:00".into(),
        language: "kk".into(),
        external_number: Some("  SC-1  ".into()),
        applicant: ApplicantInput {
            kind: "person".into(),
            iin: Some("800416100254".into()),
            bin: None,
            name: "  Әсет   Құрманғалиұлы ".into(),
            phone: "+7 701 123 45 67".into(),
            address: "Орал қ.".into(),
        },
        representative: None,
        documents: vec!["Өтініш".into(), " ".into()],
    }
}

fn codes(input: &ApplicationInput) -> Vec<(ErrorCode, Option<String>)> {
    validate_application(input, Some(&terms()), now())
        .unwrap_err()
        .into_iter()
        .map(|e| (e.code, e.field))
        .collect()
}

#[test]
fn accepts_a_good_application_and_normalizes_it() {
    let valid = validate_application(&input(), Some(&terms()), now()).unwrap();
    assert_eq!(valid.applicant.name, "Әсет Құрманғалиұлы");
    assert_eq!(valid.external_number.as_deref(), Some("SC-1"));
    assert_eq!(valid.documents, vec!["Өтініш".to_string()]);
    assert_eq!(valid.channel, Channel::StateCorp);
    assert_eq!(valid.service_version, 1);
}

#[test]
fn empty_name_is_refused() {
    let mut i = input();
    i.applicant.name = "   ".into();
    assert_eq!(
        codes(&i),
        vec![(ErrorCode::NameEmpty, Some("applicant.name".into()))]
    );
}

#[test]
fn ten_thousand_character_name_is_refused() {
    let mut i = input();
    i.applicant.name = "Ә".repeat(10_000);
    assert_eq!(
        codes(&i),
        vec![(ErrorCode::TooLong, Some("applicant.name".into()))]
    );
}

#[test]
fn bad_iin_checksum_is_refused() {
    let mut i = input();
    i.applicant.iin = Some("821214240092".into());
    assert_eq!(
        codes(&i),
        vec![(ErrorCode::IinChecksum, Some("applicant.iin".into()))]
    );
}

#[test]
fn received_in_the_future_is_refused() {
    let mut i = input();
    i.received_at = "2026-11-23T10:31:00+05:00".into();
    assert_eq!(
        codes(&i),
        vec![(ErrorCode::ReceivedInFuture, Some("received_at".into()))]
    );
}

#[test]
fn received_at_in_another_offset_is_converted_to_office_time() {
    let mut i = input();
    i.received_at = "2026-11-23T05:00:00Z".into();
    let valid = validate_application(&i, Some(&terms()), now()).unwrap();
    assert_eq!(valid.received_at.to_rfc3339(), "2026-11-23T10:00:00+05:00");
}

#[test]
fn unknown_service_procedure_and_channel_are_named() {
    let mut i = input();
    i.procedure = "nope".into();
    i.channel = "fax".into();
    let got = codes(&i);
    assert!(got.contains(&(ErrorCode::UnknownProcedure, Some("procedure".into()))));
    assert!(got.contains(&(ErrorCode::UnknownChannel, Some("channel".into()))));
    let err = validate_application(&input(), None, now()).unwrap_err();
    assert_eq!(err[0].code, ErrorCode::UnknownService);
}

#[test]
fn organisation_needs_a_valid_bin_and_an_allowed_kind() {
    let mut i = input();
    i.applicant.kind = "organisation".into();
    i.applicant.bin = Some("940140000386".into());
    let got = codes(&i);
    assert!(got.contains(&(ErrorCode::BinChecksum, Some("applicant.bin".into()))));
    assert!(got.contains(&(
        ErrorCode::ApplicantKindNotAllowed,
        Some("applicant.kind".into())
    )));
}

#[test]
fn representative_is_checked() {
    let mut i = input();
    i.representative = Some(RepresentativeInput {
        name: "Иванов Иван".into(),
        iin: "061211600012".into(),
        poa_number: "123".into(),
        poa_date: "2026-11-24".into(),
    });
    assert_eq!(
        codes(&i),
        vec![(
            ErrorCode::PoaDateAfterReceipt,
            Some("representative.poa_date".into())
        )]
    );
}

#[test]
fn no_documents_is_refused() {
    let mut i = input();
    i.documents = vec!["  ".into()];
    assert_eq!(
        codes(&i),
        vec![(ErrorCode::DocumentsEmpty, Some("documents".into()))]
    );
}

#[test]
fn printed_texts_refuse_control_characters_and_invisible_names() {
    let mut i = input();
    i.applicant.name = "Әсет\0".into();
    i.applicant.address = "\u{1b}[31mОрал".into();
    i.documents = vec!["Өтініш\u{202E}".into()];
    assert_eq!(
        codes(&i),
        vec![
            (ErrorCode::TextInvalid, Some("applicant.name".into())),
            (ErrorCode::TextInvalid, Some("applicant.address".into())),
            (ErrorCode::TextInvalid, Some("documents".into())),
            (ErrorCode::DocumentsEmpty, Some("documents".into())),
        ]
    );
    let mut i = input();
    i.applicant.name = "\u{200B}\u{200D}\u{FEFF}".into();
    assert_eq!(
        codes(&i),
        vec![(ErrorCode::NameEmpty, Some("applicant.name".into()))]
    );
    let mut i = input();
    i.applicant.name = "Ә\u{200B}сет Құрманғали\u{0438}\u{0306}".into();
    let valid = validate_application(&i, Some(&terms()), now()).unwrap();
    assert_eq!(valid.applicant.name, "Әсет Құрманғалий");
}
