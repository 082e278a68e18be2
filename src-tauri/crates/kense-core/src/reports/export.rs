//! Spreadsheets: the journal (the current filter) and a report's tables as
//! `.xlsx` (real numbers and dates, frozen header row, column widths,
//! autofilter) or CSV (UTF-8 with BOM, `;` between fields as Excel expects
//! in the kk/ru locales). Long exports report progress every
//! [`EXPORT_CHUNK`] rows and stop when asked.

use kense_domain::journal::JournalFilter;
use kense_domain::report::ReportQuery;
use kense_domain::types::Language;
use kense_domain::{DomainError, ErrorCode};
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, XlsxError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::tables::{journal_row, journal_sheet, report_tables, Sheet, SheetCell};
use crate::authorize::{authorize, What};
use crate::{CoreError, Office, Session};

type Time = chrono::DateTime<chrono::FixedOffset>;

/// Rows written between two progress reports (and cancel checks).
pub const EXPORT_CHUNK: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    Xlsx,
    Csv,
}

impl ExportFormat {
    pub fn parse(code: &str) -> Option<ExportFormat> {
        match code {
            "xlsx" => Some(ExportFormat::Xlsx),
            "csv" => Some(ExportFormat::Csv),
            _ => None,
        }
    }
}

/// Told `(rows done, rows in all)`; answers `false` to stop the export.
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize) -> bool;

/// The export was stopped by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

impl From<Cancelled> for CoreError {
    fn from(_: Cancelled) -> CoreError {
        DomainError::new(ErrorCode::ExportCancelled, "the export was cancelled").into()
    }
}

fn failed(e: XlsxError) -> CoreError {
    DomainError::new(ErrorCode::ExportFailed, e.to_string()).into()
}

struct Ticker<'p> {
    progress: Progress<'p>,
    done: usize,
    total: usize,
}

impl Ticker<'_> {
    fn row(&mut self) -> Result<(), Cancelled> {
        self.done += 1;
        if self.done.is_multiple_of(EXPORT_CHUNK) && !(self.progress)(self.done, self.total) {
            return Err(Cancelled);
        }
        Ok(())
    }
}

/// Writes the tables as one workbook, a worksheet each.
pub fn write_xlsx(sheets: &[Sheet], progress: Progress<'_>) -> Result<Vec<u8>, CoreError> {
    let total = sheets.iter().map(|s| s.rows.len()).sum();
    if !(progress)(0, total) {
        return Err(Cancelled.into());
    }
    let mut ticker = Ticker {
        progress,
        done: 0,
        total,
    };
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xE4E9F0))
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let date_time = Format::new().set_num_format("dd.mm.yyyy hh:mm");
    let share = Format::new().set_num_format("0.0%");
    let mut book = Workbook::new();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(&sheet.name)).map_err(failed)?;
        for (col, (title, width)) in sheet.headers.iter().zip(&sheet.widths).enumerate() {
            let col = col as u16;
            ws.write_string_with_format(0, col, title, &header)
                .map_err(failed)?;
            ws.set_column_width(col, *width).map_err(failed)?;
        }
        ws.set_row_height(0, 30).map_err(failed)?;
        ws.set_freeze_panes(1, 0).map_err(failed)?;
        for (i, cells) in sheet.rows.iter().enumerate() {
            let row = i as u32 + 1;
            for (col, cell) in cells.iter().enumerate() {
                let col = col as u16;
                match cell {
                    SheetCell::Empty => Ok(&mut *ws),
                    SheetCell::Text(t) => ws.write_string(row, col, t),
                    SheetCell::Int(n) => ws.write_number(row, col, *n as f64),
                    SheetCell::Share(x) => ws.write_number_with_format(row, col, *x, &share),
                    SheetCell::Date(d) => ws.write_datetime_with_format(row, col, d, &date),
                    SheetCell::DateTime(t) => {
                        ws.write_datetime_with_format(row, col, t, &date_time)
                    }
                }
                .map_err(failed)?;
            }
            ticker.row()?;
        }
        let last_col = sheet.headers.len().max(1) as u16 - 1;
        ws.autofilter(0, 0, sheet.rows.len() as u32, last_col)
            .map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

/// A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

fn csv_field(cell: &SheetCell) -> String {
    let text = match cell {
        SheetCell::Empty => String::new(),
        SheetCell::Text(t) => t.clone(),
        SheetCell::Int(n) => n.to_string(),
        SheetCell::Share(x) => format!("{:.1}%", x * 100.0).replace('.', ","),
        SheetCell::Date(d) => d.format("%Y-%m-%d").to_string(),
        SheetCell::DateTime(t) => t.format("%Y-%m-%d %H:%M").to_string(),
    };
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Writes the tables as CSV: UTF-8 with a BOM; several tables one after
/// another, each under its name and separated by an empty line.
pub fn write_csv(sheets: &[Sheet], progress: Progress<'_>) -> Result<Vec<u8>, CoreError> {
    let total = sheets.iter().map(|s| s.rows.len()).sum();
    if !(progress)(0, total) {
        return Err(Cancelled.into());
    }
    let mut ticker = Ticker {
        progress,
        done: 0,
        total,
    };
    let mut out = String::from("\u{FEFF}");
    let line = |out: &mut String, fields: Vec<String>| {
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    };
    for (i, sheet) in sheets.iter().enumerate() {
        if sheets.len() > 1 {
            if i > 0 {
                out.push_str("\r\n");
            }
            line(
                &mut out,
                vec![csv_field(&SheetCell::Text(sheet.name.clone()))],
            );
        }
        line(
            &mut out,
            sheet
                .headers
                .iter()
                .map(|h| csv_field(&SheetCell::Text(h.clone())))
                .collect(),
        );
        for row in &sheet.rows {
            line(&mut out, row.iter().map(csv_field).collect());
            ticker.row()?;
        }
    }
    Ok(out.into_bytes())
}

/// Writes tables in `format`.
pub fn write_tables(
    sheets: &[Sheet],
    format: ExportFormat,
    progress: Progress<'_>,
) -> Result<Vec<u8>, CoreError> {
    match format {
        ExportFormat::Xlsx => write_xlsx(sheets, progress),
        ExportFormat::Csv => write_csv(sheets, progress),
    }
}

/// The folder exports go to by default: the user's documents folder.
pub fn default_export_dir() -> std::path::PathBuf {
    dirs::document_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| std::path::PathBuf::from("."))
}

impl Office {
    /// The journal narrowed by `filter` (every matching case, newest first)
    /// as one table in `lang`.
    pub fn journal_sheets(
        &self,
        session: &Session,
        filter: &JournalFilter,
        lang: Language,
        now: Time,
    ) -> Result<Vec<Sheet>, CoreError> {
        authorize(session, What::ReadJournal)?;
        let filter = &kense_domain::dates::journal_filter_dates(filter)?;
        let cases = kense_store::queues::search(self.store().conn(), filter, now, u32::MAX)?;
        let labels = self.all_labels()?;
        let mut sheet = journal_sheet(lang);
        sheet.rows = cases
            .iter()
            .map(|c| journal_row(c, &labels, lang))
            .collect();
        Ok(vec![sheet])
    }

    /// Every table of the report of `query`, as `login` may see it.
    pub fn report_sheets(
        &self,
        session: &Session,
        query: &ReportQuery,
        lang: Language,
        now: Time,
    ) -> Result<Vec<Sheet>, CoreError> {
        let view = self.report(session, query, now)?;
        Ok(report_tables(&view, lang))
    }

    /// The journal narrowed by `filter` as a spreadsheet in `lang`.
    pub fn export_journal(
        &self,
        session: &Session,
        filter: &JournalFilter,
        format: ExportFormat,
        lang: Language,
        now: Time,
        progress: Progress<'_>,
    ) -> Result<Vec<u8>, CoreError> {
        write_tables(
            &self.journal_sheets(session, filter, lang, now)?,
            format,
            progress,
        )
    }

    /// Every table of the report of `query` as a spreadsheet in `lang`.
    pub fn export_report(
        &self,
        session: &Session,
        query: &ReportQuery,
        format: ExportFormat,
        lang: Language,
        now: Time,
        progress: Progress<'_>,
    ) -> Result<Vec<u8>, CoreError> {
        write_tables(
            &self.report_sheets(session, query, lang, now)?,
            format,
            progress,
        )
    }
}
