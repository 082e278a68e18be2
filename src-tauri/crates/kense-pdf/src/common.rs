//! Blocks shared by several documents: office heading, titles, label/value
//! tables, numbered lists, the signature block.

use crate::layout::{Align, Cell, Flow, Row, Style, MM};
use crate::text::tr;
use crate::{Lang, Office, Signatory};

pub const BODY: f32 = 11.0;

/// Room the signature block with its seal place takes.
pub const SIGNATURE_HEIGHT: f32 = 22.0 * MM;

/// The issuing office, centred, with its address and phone when `contacts`.
pub fn office_heading(flow: &mut Flow<'_>, office: &Office, contacts: bool) {
    flow.paragraph(&office.name, Style::bold(11.0).align(Align::Center));
    if contacts {
        let line = format!("{} · {}", office.address, office.phone);
        flow.paragraph(&line, Style::regular(8.5).align(Align::Center).grey(0.25));
    }
    flow.space(2.0 * MM);
    flow.rule(1.2);
    flow.space(0.8 * MM);
    flow.rule(0.4);
    flow.space(6.0 * MM);
}

pub fn title(flow: &mut Flow<'_>, text: &str, size: f32) {
    flow.paragraph(text, Style::bold(size).align(Align::Center));
}

/// Borderless two-column rows: a grey label and a bold value, both wrapping.
pub fn label_values(flow: &mut Flow<'_>, rows: &[(String, String)], label_width: f32) {
    let value_width = flow.setup.body_width() - label_width;
    for (label, value) in rows {
        flow.row(&Row {
            cells: vec![
                Cell::new(label.clone(), label_width, Style::regular(10.0).grey(0.3)),
                Cell::new(value.clone(), value_width, Style::bold(10.5)),
            ],
            borders: false,
            padding: 2.0,
            shade: 1.0,
        });
    }
}

/// "1) …" items with a hanging indent; long items wrap and justify.
pub fn numbered(flow: &mut Flow<'_>, items: &[String], style: Style) {
    let number_width = 9.0 * MM;
    let text_width = flow.setup.body_width() - number_width;
    for (i, item) in items.iter().enumerate() {
        flow.row(&Row {
            cells: vec![
                Cell::new(
                    format!("{})", i + 1),
                    number_width,
                    // Same size and leading as the text, so baselines line up.
                    Style {
                        face: crate::fonts::Face::Regular,
                        align: Align::Right,
                        first_indent: 0.0,
                        ..style
                    },
                ),
                Cell::new(item.clone(), text_width, style),
            ],
            borders: false,
            padding: 1.0,
            shade: 1.0,
        });
    }
}

/// Position, signature line, name; the seal place under it when `seal`.
pub fn signature(flow: &mut Flow<'_>, lang: Lang, who: &Signatory, seal: bool) {
    let width = flow.setup.body_width();
    let pos_w = width * 0.38;
    let line_w = width * 0.22;
    let name_w = width - pos_w - line_w;
    flow.keep_together(SIGNATURE_HEIGHT);
    flow.space(4.0 * MM);
    flow.row(&Row {
        cells: vec![
            Cell::new(who.position.clone(), pos_w, Style::bold(BODY)),
            Cell::new("", line_w, Style::regular(BODY)),
            Cell::new(
                who.name.clone(),
                name_w,
                Style::bold(BODY).align(Align::Right),
            ),
        ],
        borders: false,
        padding: 1.0,
        shade: 1.0,
    });
    let x = flow.setup.left + pos_w + 3.0 * MM;
    let y = flow.y - 2.0;
    flow.line(x, y, x + line_w - 6.0 * MM, y, 0.5);
    let hint = tr(lang, "pdf.common.signature");
    let hint_style = Style::regular(7.0).align(Align::Center).grey(0.4);
    let line_x = flow.setup.left + pos_w;
    flow.paragraph_at(&hint, hint_style, line_x, line_w);
    if seal {
        flow.space(2.0 * MM);
        flow.paragraph(&tr(lang, "pdf.common.seal_place"), Style::bold(BODY));
    }
}
