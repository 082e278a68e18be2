//! Reasoned refusal letter, with the requisites of an official letter
//! (Order No. 236): letterhead, outgoing number and date, reference to the
//! application, addressee, heading, text, signature, seal place, executor.

use crate::assemble::{finish, Part};
use crate::common::{numbered, signature};
use crate::fonts::{fonts, Fonts};
use crate::layout::{Align, Cell, Flow, PageSetup, Row, Style, MM};
use crate::text::{date, tr, trf};
use crate::{Lang, PdfError, RefusalData};

/// Body size of the letter: a little smaller than other forms so that a usual
/// refusal fits on one page.
const LETTER: f32 = 10.5;

const SIGNATURE_HEIGHT: f32 = crate::common::SIGNATURE_HEIGHT;

/// The executor's two lines at the foot of the letter, with a little air above.
const FOOT_HEIGHT: f32 = 2.0 * 8.0 * 1.3 + 3.0 * MM;

/// Paragraph indent of official letters.
const INDENT: f32 = 12.5 * MM;

pub fn render_refusal(data: &RefusalData, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let flow = layout(fonts, data, lang);
    let name = trf(
        lang,
        "pdf.refusal.file_title",
        &[("number", &data.outgoing_number)],
    );
    finish(fonts, vec![Part { flow, lang }], &data.stamp, &name)
}

pub(crate) fn layout<'f>(fonts: &'f Fonts, data: &RefusalData, lang: Lang) -> Flow<'f> {
    let mut flow = Flow::new(fonts, PageSetup::a4_portrait());
    let mut body = Style::regular(LETTER).align(Align::Justify);
    body.leading = 1.25;

    // Letterhead.
    flow.paragraph(&data.office.name, Style::bold(12.0).align(Align::Center));
    flow.paragraph(
        &trf(
            lang,
            "pdf.refusal.contacts",
            &[
                ("address", &data.office.address),
                ("phone", &data.office.phone),
            ],
        ),
        Style::regular(8.5).align(Align::Center).grey(0.25),
    );
    flow.space(2.0 * MM);
    flow.rule(1.2);
    flow.space(0.8 * MM);
    flow.rule(0.4);
    flow.space(5.0 * MM);

    // Outgoing number and reference on the left, addressee on the right.
    let width = flow.setup.body_width();
    let refs = format!(
        "{}\n{}",
        trf(
            lang,
            "pdf.refusal.outgoing",
            &[
                ("number", &data.outgoing_number),
                ("date", &date(data.outgoing_date))
            ],
        ),
        trf(
            lang,
            "pdf.refusal.in_reply_to",
            &[
                ("number", &data.application_number),
                ("date", &date(data.application_date))
            ],
        ),
    );
    let mut addressee = data.addressee.name.clone();
    if let Some(address) = &data.addressee.address {
        addressee.push('\n');
        addressee.push_str(address);
    }
    flow.row(&Row {
        cells: vec![
            Cell::new(refs, width * 0.48, Style::regular(10.0)),
            Cell::new("", width * 0.07, Style::regular(10.0)),
            Cell::new(addressee, width * 0.45, Style::bold(LETTER)),
        ],
        borders: false,
        padding: 0.0,
        shade: 1.0,
    });
    flow.space(6.0 * MM);

    flow.paragraph(
        &tr(lang, "pdf.refusal.heading"),
        Style::bold(12.0).align(Align::Center),
    );
    flow.space(4.0 * MM);

    flow.paragraph(
        &trf(
            lang,
            "pdf.refusal.intro",
            &[
                ("number", &data.application_number),
                ("date", &date(data.application_date)),
                ("office", &data.office.name),
                ("service", &data.service_name),
            ],
        ),
        body.indent(INDENT),
    );
    flow.space(1.5 * MM);
    let grounds: Vec<String> = data
        .grounds
        .iter()
        .map(|g| {
            trf(
                lang,
                "pdf.refusal.ground",
                &[("text", &g.text), ("clause", &g.clause)],
            )
        })
        .collect();
    numbered(&mut flow, &grounds, body);
    if !data.explanation.trim().is_empty() {
        flow.space(1.5 * MM);
        flow.paragraph(data.explanation.trim(), body.indent(INDENT));
    }

    for (key, docs) in [
        ("pdf.refusal.missing_documents", &data.missing_documents),
        ("pdf.refusal.expired_documents", &data.expired_documents),
    ] {
        if docs.is_empty() {
            continue;
        }
        flow.space(2.0 * MM);
        flow.ensure(3.0 * body.line_height());
        flow.paragraph(&tr(lang, key), Style::bold(LETTER).indent(INDENT));
        numbered(&mut flow, docs, body);
    }

    flow.space(2.0 * MM);
    flow.paragraph(&tr(lang, "pdf.refusal.reapply"), body.indent(INDENT));
    flow.space(2.5 * MM);
    // The end of the appeal paragraph keeps with the signature: a signature
    // never stands alone on the last page.
    let appeal = trf(lang, "pdf.refusal.appeal", &[("office", &data.office.name)]);
    flow.ensure(3.0 * body.line_height());
    flow.paragraph(
        &tr(lang, "pdf.refusal.appeal_heading"),
        Style::bold(LETTER).indent(INDENT),
    );
    flow.paragraph_with_next(
        &appeal,
        body.indent(INDENT),
        5.0 * MM + SIGNATURE_HEIGHT + FOOT_HEIGHT,
    );

    flow.space(5.0 * MM);
    signature(&mut flow, lang, &data.signatory, true);

    // The executor goes at the foot of the last page, as letters have it.
    let foot = Style::regular(8.0).grey(0.2);
    let foot_height = 2.0 * foot.line_height();
    flow.ensure(FOOT_HEIGHT);
    let bottom = flow.setup.body_bottom - foot_height;
    if flow.y < bottom {
        flow.y = bottom;
    }
    flow.paragraph(
        &trf(
            lang,
            "pdf.refusal.executor",
            &[("name", &data.executor.name)],
        ),
        foot,
    );
    flow.paragraph(
        &trf(
            lang,
            "pdf.refusal.phone",
            &[("phone", &data.executor.phone)],
        ),
        foot,
    );
    flow
}
