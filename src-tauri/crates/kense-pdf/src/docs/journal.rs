//! Journal printout for a period: A4 landscape table with the header row
//! repeated on every page, and totals at the end.

use kense_domain::case::CaseStatus;

use crate::assemble::{finish, Part};
use crate::fonts::{fonts, Fonts};
use crate::layout::{Align, Cell, Flow, PageSetup, Row, Style, MM};
use crate::text::{date, tr, trf};
use crate::{JournalData, Lang, PdfError};

/// Column widths in mm; they add up to the landscape body width (252 mm).
const COLUMNS: [f32; 7] = [24.0, 21.0, 56.0, 27.0, 58.0, 33.0, 33.0];

pub fn render_journal(data: &JournalData, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let flow = layout(fonts, data, lang);
    let name = tr(lang, "pdf.journal.title");
    finish(fonts, vec![Part { flow, lang }], &data.stamp, &name)
}

fn status_key(status: CaseStatus) -> &'static str {
    match status {
        CaseStatus::Registered => "pdf.status.registered",
        CaseStatus::InProgress => "pdf.status.in_progress",
        CaseStatus::AwaitingSignature => "pdf.status.awaiting_signature",
        CaseStatus::Closed => "pdf.status.closed",
        CaseStatus::Refused => "pdf.status.refused",
        CaseStatus::Withdrawn => "pdf.status.withdrawn",
    }
}

fn row(texts: [String; 7], style: Style, shade: f32) -> Row {
    Row {
        cells: texts
            .into_iter()
            .zip(COLUMNS)
            .map(|(t, w)| Cell::new(t, w * MM, style))
            .collect(),
        borders: true,
        padding: 2.0,
        shade,
    }
}

pub(crate) fn layout<'f>(fonts: &'f Fonts, data: &JournalData, lang: Lang) -> Flow<'f> {
    let mut flow = Flow::new(fonts, PageSetup::a4_landscape());
    flow.paragraph(&data.office.name, Style::bold(10.0).align(Align::Center));
    flow.paragraph(
        &tr(lang, "pdf.journal.title"),
        Style::bold(13.0).align(Align::Center),
    );
    flow.paragraph(
        &trf(
            lang,
            "pdf.journal.period",
            &[
                ("from", &date(data.period_from)),
                ("to", &date(data.period_to)),
            ],
        ),
        Style::regular(10.0).align(Align::Center),
    );
    flow.space(4.0 * MM);

    let header = row(
        [
            "pdf.journal.col_number",
            "pdf.journal.col_date",
            "pdf.journal.col_applicant",
            "pdf.journal.col_iin_bin",
            "pdf.journal.col_service",
            "pdf.journal.col_status",
            "pdf.journal.col_due_closed",
        ]
        .map(|k| tr(lang, k)),
        Style::bold(8.0),
        0.88,
    );
    flow.row(&header);
    flow.set_running_header(Some(header));

    let cell_style = Style::regular(8.0);
    // Totals per status in the order a case moves through them.
    let mut by_status: Vec<(CaseStatus, usize)> = [
        CaseStatus::Registered,
        CaseStatus::InProgress,
        CaseStatus::AwaitingSignature,
        CaseStatus::Closed,
        CaseStatus::Refused,
        CaseStatus::Withdrawn,
    ]
    .map(|s| (s, 0))
    .to_vec();
    let mut late = 0usize;
    for r in &data.rows {
        if let Some(entry) = by_status.iter_mut().find(|(s, _)| *s == r.status) {
            entry.1 += 1;
        }
        let mut due = trf(lang, "pdf.journal.due", &[("date", &date(r.due_on))]);
        if let Some(closed) = r.closed_on {
            due.push('\n');
            due.push_str(&trf(lang, "pdf.journal.closed", &[("date", &date(closed))]));
            if closed > r.due_on {
                late += 1;
            }
        }
        flow.row(&row(
            [
                r.number.clone(),
                date(r.registered_on),
                r.applicant.clone(),
                r.iin_bin.clone().unwrap_or_else(|| "—".into()),
                r.service.clone(),
                tr(lang, status_key(r.status)),
                due,
            ],
            cell_style,
            1.0,
        ));
    }
    flow.set_running_header(None);

    flow.space(4.0 * MM);
    let totals_style = Style::regular(10.0);
    flow.ensure(4.0 * totals_style.line_height());
    flow.paragraph(
        &trf(
            lang,
            "pdf.journal.total",
            &[("count", &data.rows.len().to_string())],
        ),
        Style::bold(10.0),
    );
    let parts: Vec<String> = by_status
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| format!("{} — {n}", tr(lang, status_key(*status))))
        .collect();
    if !parts.is_empty() {
        flow.paragraph(&parts.join("; "), totals_style);
    }
    flow.paragraph(
        &trf(
            lang,
            "pdf.journal.closed_late",
            &[("count", &late.to_string())],
        ),
        totals_style,
    );
    if let Some(chain) = &data.chain {
        flow.space(2.0 * MM);
        flow.paragraph(
            &trf(
                lang,
                "ledger.pdf_chain",
                &[("length", &chain.length.to_string()), ("hash", &chain.head)],
            ),
            Style::regular(8.0),
        );
    }
    flow
}
