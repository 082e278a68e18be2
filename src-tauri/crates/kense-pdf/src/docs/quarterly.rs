//! The quarterly report on state services: per service, the number rendered,
//! of them through the portal and through the State Corporation, refusals and
//! violations of the time limits; totals, the office, the period, the head's
//! signature block. A4 portrait, the table's header repeated on every page.

use crate::assemble::{finish, Part};
use crate::common::signature;
use crate::fonts::{fonts, Fonts};
use crate::layout::{Align, Cell, Flow, PageSetup, Row, Style, MM};
use crate::text::{date, tr, trf};
use crate::{Lang, PdfError, QuarterlyData};

/// Column widths in mm; they add up to the portrait body width (180 mm).
const COLUMNS: [f32; 7] = [10.0, 70.0, 20.0, 20.0, 20.0, 20.0, 20.0];

pub fn render_quarterly(data: &QuarterlyData, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let flow = layout(fonts, data, lang);
    let name = tr(lang, "reports.pdf.title");
    finish(fonts, vec![Part { flow, lang }], &data.stamp, &name)
}

fn row(texts: [String; 7], style: Style, shade: f32) -> Row {
    Row {
        cells: texts
            .into_iter()
            .zip(COLUMNS)
            .enumerate()
            .map(|(i, (t, w))| {
                let s = if i == 1 {
                    style
                } else {
                    style.align(Align::Center)
                };
                Cell::new(t, w * MM, s)
            })
            .collect(),
        borders: true,
        padding: 2.0,
        shade,
    }
}

pub(crate) fn layout<'f>(fonts: &'f Fonts, data: &QuarterlyData, lang: Lang) -> Flow<'f> {
    let mut flow = Flow::new(fonts, PageSetup::a4_portrait());
    flow.paragraph(&data.office.name, Style::bold(11.0).align(Align::Center));
    flow.paragraph(
        &trf(
            lang,
            "reports.pdf.contacts",
            &[
                ("address", &data.office.address),
                ("phone", &data.office.phone),
            ],
        ),
        Style::regular(8.5).align(Align::Center).grey(0.25),
    );
    flow.space(2.0 * MM);
    flow.rule(0.8);
    flow.space(5.0 * MM);
    flow.paragraph(
        &tr(lang, "reports.pdf.title"),
        Style::bold(13.0).align(Align::Center),
    );
    flow.paragraph(
        &trf(
            lang,
            "reports.pdf.period",
            &[
                ("from", &date(data.period_from)),
                ("to", &date(data.period_to)),
            ],
        ),
        Style::regular(10.0).align(Align::Center),
    );
    if data.draft {
        flow.paragraph(
            &tr(lang, "reports.pdf.draft"),
            Style::bold(10.0).align(Align::Center).grey(0.45),
        );
    }
    flow.space(5.0 * MM);

    let header = row(
        [
            "reports.pdf.col_no",
            "reports.pdf.col_service",
            "reports.pdf.col_rendered",
            "reports.pdf.col_portal",
            "reports.pdf.col_state_corp",
            "reports.pdf.col_refused",
            "reports.pdf.col_violations",
        ]
        .map(|k| tr(lang, k)),
        Style::bold(8.0),
        0.88,
    );
    flow.row(&header);
    flow.set_running_header(Some(header));
    let cell = Style::regular(9.0);
    let mut total = [0u32; 5];
    for (i, line) in data.lines.iter().enumerate() {
        let figures = [
            line.rendered,
            line.portal,
            line.state_corp,
            line.refused,
            line.violations,
        ];
        for (t, f) in total.iter_mut().zip(figures) {
            *t += f;
        }
        flow.row(&row(
            [
                (i + 1).to_string(),
                line.service.clone(),
                figures[0].to_string(),
                figures[1].to_string(),
                figures[2].to_string(),
                figures[3].to_string(),
                figures[4].to_string(),
            ],
            cell,
            1.0,
        ));
    }
    flow.set_running_header(None);
    flow.row(&row(
        [
            String::new(),
            tr(lang, "reports.pdf.total"),
            total[0].to_string(),
            total[1].to_string(),
            total[2].to_string(),
            total[3].to_string(),
            total[4].to_string(),
        ],
        Style::bold(9.0),
        0.94,
    ));
    if data.lines.is_empty() {
        flow.space(2.0 * MM);
        flow.paragraph(&tr(lang, "reports.pdf.nothing"), Style::regular(9.0));
    }
    flow.space(3.0 * MM);
    flow.paragraph(
        &tr(lang, "reports.pdf.notes"),
        Style::regular(8.0).grey(0.3),
    );
    flow.space(6.0 * MM);
    signature(&mut flow, lang, &data.signatory, true);
    flow
}
