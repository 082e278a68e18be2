//! Result documents: certificate, licence, reference; their duplicate and the
//! re-registered licence; and the two-language certificate.

use chrono::NaiveDate;

use crate::assemble::{finish, Part};
use crate::common::{label_values, office_heading, signature, BODY};
use crate::fonts::{fonts, Fonts};
use crate::layout::{Align, Flow, PageSetup, Style, MM};
use crate::text::{date, tr, trf};
use crate::{DuplicateData, Lang, PdfError, ReregisteredData, ResultData, ResultKind};

/// What marks the form besides its own data.
pub(crate) enum Mark<'a> {
    Original,
    Duplicate {
        number: &'a str,
        issued_on: NaiveDate,
    },
    Reregistered {
        on: NaiveDate,
        reason: &'a str,
    },
}

pub fn render_result(data: &ResultData, lang: Lang) -> Result<Vec<u8>, PdfError> {
    render(data, lang, Mark::Original)
}

pub fn render_duplicate(data: &DuplicateData, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let mark = Mark::Duplicate {
        number: &data.original_number,
        issued_on: data.original_issued_on,
    };
    render(&data.document, lang, mark)
}

pub fn render_reregistered_licence(
    data: &ReregisteredData,
    lang: Lang,
) -> Result<Vec<u8>, PdfError> {
    let mark = Mark::Reregistered {
        on: data.reregistered_on,
        reason: &data.reason,
    };
    render(&data.licence, lang, mark)
}

/// The certificate in Kazakh (first page) and Russian (second page) in one
/// file. Each language is a full form of its own with its own page count; the
/// footer's check code and QR come from the Kazakh version's stamp.
pub fn render_certificate_bilingual(kk: &ResultData, ru: &ResultData) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let parts = vec![
        Part {
            flow: layout(fonts, kk, Lang::Kk, &Mark::Original),
            lang: Lang::Kk,
        },
        Part {
            flow: layout(fonts, ru, Lang::Ru, &Mark::Original),
            lang: Lang::Ru,
        },
    ];
    let name = format!(
        "{} / {}",
        file_title(kk, Lang::Kk),
        file_title(ru, Lang::Ru)
    );
    finish(fonts, parts, &kk.stamp, &name)
}

fn kind_key(kind: ResultKind) -> &'static str {
    match kind {
        ResultKind::Certificate => "pdf.result.kind.certificate",
        ResultKind::Licence => "pdf.result.kind.licence",
        ResultKind::Reference => "pdf.result.kind.reference",
    }
}

fn file_title(data: &ResultData, lang: Lang) -> String {
    format!("{} № {}", tr(lang, kind_key(data.kind)), data.number)
}

fn render(data: &ResultData, lang: Lang, mark: Mark<'_>) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let flow = layout(fonts, data, lang, &mark);
    let name = file_title(data, lang);
    finish(fonts, vec![Part { flow, lang }], &data.stamp, &name)
}

pub(crate) fn layout<'f>(
    fonts: &'f Fonts,
    data: &ResultData,
    lang: Lang,
    mark: &Mark<'_>,
) -> Flow<'f> {
    let mut flow = Flow::new(fonts, PageSetup::a4_portrait());
    office_heading(&mut flow, &data.office, true);
    flow.space(4.0 * MM);
    flow.paragraph(
        &tr(lang, kind_key(data.kind)),
        Style::bold(24.0).align(Align::Center),
    );
    flow.space(1.0 * MM);
    flow.paragraph(&data.title, Style::regular(12.5).align(Align::Center));
    flow.space(2.0 * MM);
    flow.paragraph(
        &format!("№ {}", data.number),
        Style::bold(14.0).align(Align::Center),
    );

    match mark {
        Mark::Original => {}
        Mark::Duplicate { number, issued_on } => {
            flow.space(3.0 * MM);
            flow.paragraph(
                &tr(lang, "pdf.result.duplicate_mark"),
                Style::bold(18.0).align(Align::Center).grey(0.25),
            );
            flow.paragraph(
                &trf(
                    lang,
                    "pdf.result.duplicate_of",
                    &[("number", number), ("date", &date(*issued_on))],
                ),
                Style::regular(BODY).align(Align::Center),
            );
        }
        Mark::Reregistered { on, reason } => {
            flow.space(3.0 * MM);
            flow.paragraph(
                &trf(lang, "pdf.result.reregistered_on", &[("date", &date(*on))]),
                Style::bold(12.0).align(Align::Center).grey(0.25),
            );
            flow.paragraph(
                &trf(
                    lang,
                    "pdf.result.reregistered_reason",
                    &[("reason", reason)],
                ),
                Style::regular(BODY).align(Align::Center),
            );
        }
    }
    flow.space(8.0 * MM);

    let mut rows = vec![(tr(lang, "pdf.result.holder"), data.holder.name.clone())];
    if let Some(id) = &data.holder.iin_bin {
        rows.push((tr(lang, "pdf.common.iin_bin"), id.clone()));
    }
    rows.extend(
        data.fields
            .iter()
            .map(|f| (f.label.clone(), f.value.clone())),
    );
    rows.push((tr(lang, "pdf.result.issued_on"), date(data.issued_on)));
    if let Some(until) = data.valid_until {
        rows.push((tr(lang, "pdf.result.valid_until"), date(until)));
    }
    rows.push((tr(lang, "pdf.result.issued_by"), data.office.name.clone()));
    label_values(&mut flow, &rows, 55.0 * MM);

    flow.space(10.0 * MM);
    signature(&mut flow, lang, &data.signatory, true);
    flow
}
