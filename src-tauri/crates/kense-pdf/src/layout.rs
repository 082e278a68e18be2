//! A small flow layout engine on top of printpdf's low-level page operations:
//! measures words with the font's advances, wraps and justifies paragraphs,
//! breaks over-long words, lays out table rows (split across pages when they
//! must be) and moves to a new page whenever the body is full.
//!
//! Coordinates are points with y measured from the top of the page; they are
//! turned into PDF coordinates (y from the bottom) only when an op is emitted.

use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, Rgb, TextItem,
};

use crate::fonts::{Face, Fonts};

pub const MM: f32 = 72.0 / 25.4;

/// Page size and the body area that flowing content may use.
#[derive(Debug, Clone, Copy)]
pub struct PageSetup {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    /// Bottom of the body (from the top of the page): the footer lives below it.
    pub body_bottom: f32,
}

/// Room kept under the body for the footer (QR code, check code, page number).
pub const FOOTER_BAND: f32 = 18.0 * MM;

impl PageSetup {
    /// A4 portrait; margins per office practice: left 30, right 15, top and bottom 20 mm.
    pub fn a4_portrait() -> Self {
        Self::with_size(210.0 * MM, 297.0 * MM)
    }

    /// A4 landscape, same margins.
    pub fn a4_landscape() -> Self {
        Self::with_size(297.0 * MM, 210.0 * MM)
    }

    fn with_size(width: f32, height: f32) -> Self {
        Self {
            width,
            height,
            left: 30.0 * MM,
            right: width - 15.0 * MM,
            top: 20.0 * MM,
            body_bottom: height - 20.0 * MM - FOOTER_BAND,
        }
    }

    pub fn body_width(&self) -> f32 {
        self.right - self.left
    }

    /// Bottom margin line (from the top): nothing is drawn below it.
    pub fn bottom_margin(&self) -> f32 {
        self.height - 20.0 * MM
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    /// Both edges straight, except the last line of a paragraph.
    Justify,
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub face: Face,
    pub size: f32,
    pub align: Align,
    /// Line height as a multiple of the font size.
    pub leading: f32,
    /// Extra indent of a paragraph's first line (official letters use 12.5 mm).
    pub first_indent: f32,
    /// Grey level of the text, 0 = black.
    pub grey: f32,
}

impl Style {
    pub fn new(face: Face, size: f32) -> Self {
        Self {
            face,
            size,
            align: Align::Left,
            leading: 1.3,
            first_indent: 0.0,
            grey: 0.0,
        }
    }
    pub fn regular(size: f32) -> Self {
        Self::new(Face::Regular, size)
    }
    pub fn bold(size: f32) -> Self {
        Self::new(Face::Bold, size)
    }
    pub fn align(mut self, align: Align) -> Self {
        self.align = align;
        self
    }
    pub fn indent(mut self, first_indent: f32) -> Self {
        self.first_indent = first_indent;
        self
    }
    pub fn grey(mut self, grey: f32) -> Self {
        self.grey = grey;
        self
    }
    pub fn line_height(&self) -> f32 {
        self.size * self.leading
    }
}

/// One wrapped line: its words, natural width, and whether it may be stretched.
#[derive(Debug, Clone)]
pub struct WrappedLine {
    pub words: Vec<String>,
    pub width: f32,
    /// False for the last line of a paragraph (and lines ended by a broken word).
    pub stretch: bool,
    pub indent: f32,
}

/// A text line as placed on a page, kept so tests can prove nothing leaves the page.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedText {
    pub page: usize,
    pub x: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
    pub text: String,
}

/// Wraps `text` into lines no wider than `width`. Explicit newlines start new
/// paragraphs; a word wider than a line is cut between characters.
pub fn wrap(fonts: &Fonts, text: &str, style: &Style, width: f32) -> Vec<WrappedLine> {
    let face = fonts.face(style.face);
    let size = style.size;
    let space = face.char_width(' ', size);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut words: Vec<String> = Vec::new();
        let mut line_w = 0.0f32;
        let mut indent = style.first_indent;
        let para_start = out.len();
        let flush = |out: &mut Vec<WrappedLine>,
                     words: &mut Vec<String>,
                     line_w: &mut f32,
                     indent: &mut f32,
                     stretch: bool| {
            out.push(WrappedLine {
                words: std::mem::take(words),
                width: *line_w,
                stretch,
                indent: *indent,
            });
            *line_w = 0.0;
            *indent = 0.0;
        };
        for word in para.split_whitespace() {
            let ww = face.text_width(word, size);
            let avail = width - indent;
            let needed = if words.is_empty() {
                ww
            } else {
                line_w + space + ww
            };
            if needed <= avail + 0.01 {
                words.push(word.to_string());
                line_w = needed;
                continue;
            }
            if !words.is_empty() {
                flush(&mut out, &mut words, &mut line_w, &mut indent, true);
            }
            if ww <= width - indent + 0.01 {
                words.push(word.to_string());
                line_w = ww;
                continue;
            }
            // Too long for any line: cut it into pieces that fill whole lines.
            let mut piece = String::new();
            let mut piece_w = 0.0;
            for c in word.chars() {
                let cw = face.char_width(c, size);
                if !piece.is_empty() && piece_w + cw > width - indent + 0.01 {
                    words.push(std::mem::take(&mut piece));
                    line_w = piece_w;
                    flush(&mut out, &mut words, &mut line_w, &mut indent, false);
                    piece_w = 0.0;
                }
                piece.push(c);
                piece_w += cw;
            }
            words.push(piece);
            line_w = piece_w;
        }
        if !words.is_empty() || out.len() == para_start {
            flush(&mut out, &mut words, &mut line_w, &mut indent, false);
        }
    }
    out
}

fn grey_color(level: f32) -> Color {
    Color::Rgb(Rgb {
        r: level,
        g: level,
        b: level,
        icc_profile: None,
    })
}

/// Low-level drawing into one page's op list; shared by the flow and the footer.
pub struct Canvas<'a> {
    pub ops: &'a mut Vec<Op>,
    pub page_height: f32,
}

impl Canvas<'_> {
    /// Draws one wrapped line with its left edge at `x` and its line box top at
    /// `top`, stretched to `box_width` when `justify` is set.
    pub fn text_line(
        &mut self,
        fonts: &Fonts,
        line: &WrappedLine,
        style: &Style,
        x: f32,
        top: f32,
        box_width: f32,
    ) -> f32 {
        let face = fonts.face(style.face);
        let size = style.size;
        let avail = box_width - line.indent;
        let (start, gap_extra) = match style.align {
            Align::Left => (x + line.indent, 0.0),
            Align::Center => (x + line.indent + (avail - line.width).max(0.0) / 2.0, 0.0),
            Align::Right => (x + line.indent + (avail - line.width).max(0.0), 0.0),
            Align::Justify => {
                let gaps = line.words.len().saturating_sub(1);
                if line.stretch && gaps > 0 {
                    (
                        x + line.indent,
                        ((avail - line.width) / gaps as f32).max(0.0),
                    )
                } else {
                    (x + line.indent, 0.0)
                }
            }
        };
        // DejaVu: ascender 0.928 em, descender 0.236 em; centre that in the line box.
        let baseline = top + (style.line_height() - 1.164 * size) / 2.0 + 0.928 * size;
        let mut items = Vec::with_capacity(line.words.len() * 2);
        let last = line.words.len().saturating_sub(1);
        for (i, w) in line.words.iter().enumerate() {
            if i < last {
                items.push(TextItem::Text(format!("{w} ")));
                if gap_extra > 0.0 {
                    // TJ numbers move left by n/1000 em: negative moves right.
                    items.push(TextItem::Offset(-gap_extra / size * 1000.0));
                }
            } else {
                items.push(TextItem::Text(w.clone()));
            }
        }
        if style.grey > 0.0 {
            self.ops.push(Op::SetFillColor {
                col: grey_color(style.grey),
            });
        }
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetFont {
            font: PdfFontHandle::External(face.font_id()),
            size: Pt(size),
        });
        self.ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(start),
                y: Pt(self.page_height - baseline),
            },
        });
        self.ops.push(Op::ShowText { items });
        self.ops.push(Op::EndTextSection);
        if style.grey > 0.0 {
            self.ops.push(Op::SetFillColor {
                col: grey_color(0.0),
            });
        }
        let stretched = if gap_extra > 0.0 { avail } else { line.width };
        start - x + stretched
    }

    pub fn fill_rect(&mut self, x: f32, top: f32, w: f32, h: f32, grey: f32) {
        self.ops.push(Op::SetFillColor {
            col: grey_color(grey),
        });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(self.page_height - top - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
        self.ops.push(Op::SetFillColor {
            col: grey_color(0.0),
        });
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32) {
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: Point {
                            x: Pt(x1),
                            y: Pt(self.page_height - y1),
                        },
                        bezier: false,
                    },
                    LinePoint {
                        p: Point {
                            x: Pt(x2),
                            y: Pt(self.page_height - y2),
                        },
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }
}

/// One cell of a table row (or of a borderless label/value row).
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub width: f32,
    pub style: Style,
}

impl Cell {
    pub fn new(text: impl Into<String>, width: f32, style: Style) -> Self {
        Self {
            text: text.into(),
            width,
            style,
        }
    }
}

/// A row of cells and how it is framed.
#[derive(Debug, Clone)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub borders: bool,
    pub padding: f32,
    /// Grey fill behind the row (header rows), 1.0 = none.
    pub shade: f32,
}

/// The flowing document: pages of ops, a cursor, and the running table header.
pub struct Flow<'f> {
    pub fonts: &'f Fonts,
    pub setup: PageSetup,
    pub pages: Vec<Vec<Op>>,
    /// Cursor: top of the next thing to place, from the top of the current page.
    pub y: f32,
    pub placed: Vec<PlacedText>,
    /// Drawn again at the top of every new page (journal table header).
    running_header: Option<Row>,
}

impl<'f> Flow<'f> {
    pub fn new(fonts: &'f Fonts, setup: PageSetup) -> Self {
        Self {
            fonts,
            setup,
            pages: vec![Vec::new()],
            y: setup.top,
            placed: Vec::new(),
            running_header: None,
        }
    }

    pub fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    fn canvas(&mut self) -> Canvas<'_> {
        let page_height = self.setup.height;
        let ops = self.pages.last_mut().expect("a flow always has a page");
        Canvas { ops, page_height }
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.setup.top;
        if let Some(header) = self.running_header.clone() {
            let wrapped = self.wrap_row(&header);
            self.row_fragment(&header, &wrapped, &[], None);
        }
    }

    /// Sets (or clears) the row repeated at the top of each following page.
    pub fn set_running_header(&mut self, header: Option<Row>) {
        self.running_header = header;
    }

    pub fn remaining(&self) -> f32 {
        self.setup.body_bottom - self.y
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn ensure(&mut self, height: f32) {
        if height > self.remaining() + 0.01 && self.y > self.setup.top + 0.01 {
            self.new_page();
        }
    }

    pub fn space(&mut self, height: f32) {
        self.y += height;
        if self.y > self.setup.body_bottom {
            self.new_page();
        }
    }

    /// A paragraph across the full body width.
    pub fn paragraph(&mut self, text: &str, style: Style) {
        let (x, w) = (self.setup.left, self.setup.body_width());
        self.paragraph_at(text, style, x, w);
    }

    /// A paragraph in a column starting at `x` of width `width`; lines flow onto
    /// new pages as needed.
    pub fn paragraph_at(&mut self, text: &str, style: Style, x: f32, width: f32) {
        self.paragraph_keeping(text, style, x, width, 0.0);
    }

    /// A full-width paragraph whose last two lines stay on the same page as the
    /// `after` points that follow it (a signature block after the last paragraph).
    pub fn paragraph_with_next(&mut self, text: &str, style: Style, after: f32) {
        let (x, w) = (self.setup.left, self.setup.body_width());
        self.paragraph_keeping(text, style, x, w, after);
    }

    fn paragraph_keeping(&mut self, text: &str, style: Style, x: f32, width: f32, after: f32) {
        let lines = wrap(self.fonts, text, &style, width);
        let lh = style.line_height();
        let n = lines.len();
        for (i, line) in lines.iter().enumerate() {
            // No orphan (a first line alone at a page foot) and no widow (a
            // last line alone at the top of the next page): move two lines on.
            let orphan = i == 0 && n >= 2;
            let widow = n >= 3 && i == n - 2;
            if orphan || widow {
                self.ensure(2.0 * lh);
            }
            let tail_start = i + 2 == n || n == 1;
            if after > 0.0 && tail_start {
                let keep = (n - i) as f32 * lh + after;
                // Only when the tail can fit a page at all.
                if keep <= self.setup.body_bottom - self.setup.top {
                    self.ensure(keep);
                }
            }
            self.ensure(lh);
            self.draw_line(line, &style, x, width);
            self.y += lh;
        }
    }

    /// Lines that must stay together (a signature block): moves to a new page
    /// first when they do not fit.
    pub fn keep_together(&mut self, height: f32) {
        self.ensure(height);
    }

    fn draw_line(&mut self, line: &WrappedLine, style: &Style, x: f32, width: f32) {
        let top = self.y;
        let page = self.page_index();
        let fonts = self.fonts;
        let drawn = self.canvas().text_line(fonts, line, style, x, top, width);
        let start = match style.align {
            Align::Left | Align::Justify => x + line.indent,
            Align::Center => x + line.indent + (width - line.indent - line.width).max(0.0) / 2.0,
            Align::Right => x + line.indent + (width - line.indent - line.width).max(0.0),
        };
        self.placed.push(PlacedText {
            page,
            x: start,
            top,
            width: drawn - (start - x),
            height: style.line_height(),
            text: line.words.join(" "),
        });
    }

    /// A horizontal rule across the body at the cursor.
    pub fn rule(&mut self, thickness: f32) {
        let (l, r, y) = (self.setup.left, self.setup.right, self.y);
        self.canvas().line(l, y, r, y, thickness);
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32) {
        self.canvas().line(x1, y1, x2, y2, thickness);
    }

    fn wrap_row(&self, row: &Row) -> Vec<Vec<WrappedLine>> {
        row.cells
            .iter()
            .map(|c| wrap(self.fonts, &c.text, &c.style, c.width - 2.0 * row.padding))
            .collect()
    }

    /// Places a row; if it does not fit it moves to a new page, and a row taller
    /// than a whole page is split between pages line by line.
    pub fn row(&mut self, row: &Row) {
        let wrapped = self.wrap_row(row);
        let mut done = vec![0usize; row.cells.len()];
        loop {
            let remaining_h = |done: &[usize]| -> f32 {
                wrapped
                    .iter()
                    .zip(&row.cells)
                    .zip(done)
                    .map(|((lines, c), d)| (lines.len() - d) as f32 * c.style.line_height())
                    .fold(0.0, f32::max)
                    + 2.0 * row.padding
            };
            let need = remaining_h(&done);
            if need > self.remaining() + 0.01 {
                let fresh_page_room = self.setup.body_bottom - self.setup.top;
                if need <= fresh_page_room && self.y > self.setup.top + 0.01 {
                    self.new_page();
                    continue;
                }
            }
            let limit = self.remaining();
            let finished = self.row_fragment(row, &wrapped, &done, Some(limit));
            match finished {
                None => return,
                Some(next) => {
                    done = next;
                    self.new_page();
                }
            }
        }
    }

    /// Draws the lines of each cell from `done` on, as many as fit in `limit`
    /// (all when `None`). Returns the new progress if some lines are left.
    fn row_fragment(
        &mut self,
        row: &Row,
        wrapped: &[Vec<WrappedLine>],
        done: &[usize],
        limit: Option<f32>,
    ) -> Option<Vec<usize>> {
        let pad = row.padding;
        let start = |i: usize| done.get(i).copied().unwrap_or(0);
        let mut take = Vec::with_capacity(wrapped.len());
        let mut height: f32 = 0.0;
        for (i, (lines, cell)) in wrapped.iter().zip(&row.cells).enumerate() {
            let lh = cell.style.line_height();
            let left = lines.len() - start(i);
            let n = match limit {
                // At least one line per fragment so a row always progresses.
                Some(l) => left.min((((l - 2.0 * pad) / lh).floor().max(1.0)) as usize),
                None => left,
            };
            take.push(n);
            height = height.max(n as f32 * lh);
        }
        height += 2.0 * pad;
        let top = self.y;
        let row_width: f32 = row.cells.iter().map(|c| c.width).sum();
        let left_x = self.setup.left;
        if row.shade < 1.0 {
            let shade = row.shade;
            self.canvas()
                .fill_rect(left_x, top, row_width, height, shade);
        }
        let mut x = left_x;
        for (i, (lines, cell)) in wrapped.iter().zip(&row.cells).enumerate() {
            let lh = cell.style.line_height();
            let s = start(i);
            for (k, line) in lines[s..s + take[i]].iter().enumerate() {
                self.y = top + pad + k as f32 * lh;
                self.draw_line(line, &cell.style, x + pad, cell.width - 2.0 * pad);
            }
            x += cell.width;
        }
        if row.borders {
            let bottom = top + height;
            let mut canvas = self.canvas();
            canvas.line(left_x, top, left_x + row_width, top, 0.5);
            canvas.line(left_x, bottom, left_x + row_width, bottom, 0.5);
            let mut x = left_x;
            canvas.line(x, top, x, bottom, 0.5);
            for cell in &row.cells {
                x += cell.width;
                canvas.line(x, top, x, bottom, 0.5);
            }
        }
        self.y = top + height;
        let next: Vec<usize> = (0..wrapped.len()).map(|i| start(i) + take[i]).collect();
        if next.iter().zip(wrapped).all(|(n, l)| *n >= l.len()) {
            None
        } else {
            Some(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::fonts;

    #[test]
    fn wraps_by_words_within_width() {
        let f = fonts().unwrap();
        let style = Style::regular(11.0);
        let text = "Мемлекеттік қызмет көрсету тәртібі туралы ақпарат ".repeat(8);
        let lines = wrap(f, &text, &style, 200.0);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(l.width <= 200.01, "{} > 200", l.width);
        }
        let rejoined: Vec<String> = lines.iter().flat_map(|l| l.words.clone()).collect();
        let original: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(rejoined, original);
        assert!(lines[..lines.len() - 1].iter().all(|l| l.stretch));
        assert!(!lines.last().unwrap().stretch);
    }

    #[test]
    fn breaks_a_word_longer_than_the_line() {
        let f = fonts().unwrap();
        let style = Style::regular(11.0);
        let word = "Ә".repeat(120);
        let lines = wrap(f, &format!("қысқа {word} соңы"), &style, 150.0);
        assert!(lines.len() >= 4);
        for l in &lines {
            assert!(l.width <= 150.01);
        }
        let all: String = lines.iter().flat_map(|l| l.words.clone()).collect();
        assert_eq!(all, format!("қысқа{word}соңы"));
    }

    #[test]
    fn first_line_indent_narrows_only_the_first_line() {
        let f = fonts().unwrap();
        let style = Style::regular(11.0).indent(40.0);
        let lines = wrap(f, &"сөз ".repeat(60), &style, 200.0);
        assert_eq!(lines[0].indent, 40.0);
        assert!(lines[0].width <= 160.01);
        assert!(lines[1..].iter().all(|l| l.indent == 0.0));
    }

    #[test]
    fn empty_text_still_takes_a_line() {
        let f = fonts().unwrap();
        assert_eq!(wrap(f, "", &Style::regular(10.0), 100.0).len(), 1);
        assert_eq!(wrap(f, "а\n\nб", &Style::regular(10.0), 100.0).len(), 3);
    }

    #[test]
    fn a_row_taller_than_a_page_is_split_and_nothing_leaves_the_body() {
        let f = fonts().unwrap();
        let setup = PageSetup::a4_portrait();
        let mut flow = Flow::new(f, setup);
        let long = "ұзын мәтін ".repeat(900);
        let row = Row {
            cells: vec![
                Cell::new("№", 30.0, Style::bold(9.0)),
                Cell::new(long.clone(), 200.0, Style::regular(9.0)),
            ],
            borders: true,
            padding: 3.0,
            shade: 1.0,
        };
        flow.row(&row);
        assert!(flow.pages.len() >= 2);
        let words: usize = flow
            .placed
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum();
        assert_eq!(words, 1 + long.split_whitespace().count());
        for p in &flow.placed {
            assert!(p.top >= setup.top - 0.01);
            assert!(p.top + p.height <= setup.body_bottom + 0.01, "{p:?}");
        }
    }
}
