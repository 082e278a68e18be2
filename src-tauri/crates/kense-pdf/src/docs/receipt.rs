//! Receipt (қолхат / расписка) given to the applicant when documents are accepted.

use crate::assemble::{finish, Part};
use crate::common::{label_values, numbered, office_heading, signature, title, BODY};
use crate::fonts::{fonts, Fonts};
use crate::layout::{Align, Flow, PageSetup, Style, MM};
use crate::text::{date, date_time, tr, trf};
use crate::{Lang, PdfError, ReceiptData, Signatory};

pub fn render_receipt(data: &ReceiptData, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let flow = layout(fonts, data, lang);
    let name = trf(
        lang,
        "pdf.receipt.file_title",
        &[("number", &data.registration_number)],
    );
    finish(fonts, vec![Part { flow, lang }], &data.stamp, &name)
}

pub(crate) fn layout<'f>(fonts: &'f Fonts, data: &ReceiptData, lang: Lang) -> Flow<'f> {
    let mut flow = Flow::new(fonts, PageSetup::a4_portrait());
    office_heading(&mut flow, &data.office, true);
    title(&mut flow, &tr(lang, "pdf.receipt.title"), 18.0);
    flow.paragraph(
        &tr(lang, "pdf.receipt.subtitle"),
        Style::regular(BODY).align(Align::Center),
    );
    flow.space(2.0 * MM);
    let reg = trf(
        lang,
        "pdf.receipt.registration",
        &[
            ("number", &data.registration_number),
            ("date", &date_time(data.registered_at)),
        ],
    );
    flow.paragraph(&reg, Style::bold(BODY).align(Align::Center));
    flow.space(6.0 * MM);

    let mut rows = vec![(
        tr(lang, "pdf.common.applicant"),
        data.applicant.name.clone(),
    )];
    if let Some(id) = &data.applicant.iin_bin {
        rows.push((tr(lang, "pdf.common.iin_bin"), id.clone()));
    }
    if let Some(rep) = &data.representative {
        rows.push((tr(lang, "pdf.common.representative"), rep.name.clone()));
        if let Some(id) = &rep.iin_bin {
            rows.push((tr(lang, "pdf.common.representative_iin"), id.clone()));
        }
    }
    rows.push((tr(lang, "pdf.common.service"), data.service_name.clone()));
    rows.push((
        tr(lang, "pdf.common.procedure"),
        data.procedure_name.clone(),
    ));
    rows.push((tr(lang, "pdf.receipt.result_due"), date(data.result_due)));
    label_values(&mut flow, &rows, 50.0 * MM);

    flow.space(5.0 * MM);
    flow.ensure(3.0 * BODY * 1.3);
    flow.paragraph(
        &trf(
            lang,
            "pdf.receipt.documents",
            &[("count", &data.documents.len().to_string())],
        ),
        Style::bold(BODY),
    );
    flow.space(1.5 * MM);
    numbered(
        &mut flow,
        &data.documents,
        Style::regular(BODY).align(Align::Justify),
    );
    flow.space(4.0 * MM);
    flow.paragraph(
        &tr(lang, "pdf.receipt.note"),
        Style::regular(9.5).align(Align::Justify).grey(0.2),
    );
    flow.space(4.0 * MM);
    signature(
        &mut flow,
        lang,
        &Signatory {
            position: tr(lang, "pdf.receipt.accepted_by"),
            name: data.clerk_name.clone(),
        },
        false,
    );
    signature(
        &mut flow,
        lang,
        &Signatory {
            position: tr(lang, "pdf.receipt.received_by"),
            name: data
                .representative
                .as_ref()
                .unwrap_or(&data.applicant)
                .name
                .clone(),
        },
        false,
    );
    flow
}
