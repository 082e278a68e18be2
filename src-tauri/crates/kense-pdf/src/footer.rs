//! The footer of every page: QR code, check code, page N of M.

use crate::fonts::Fonts;
use crate::layout::{wrap, Align, Canvas, PageSetup, Style, MM};
use crate::qr::QrMatrix;
use crate::text::{tr, trf};
use crate::{DocStamp, Lang};

pub const QR_SIZE: f32 = 16.0 * MM;

pub struct Footer<'a> {
    pub fonts: &'a Fonts,
    pub setup: PageSetup,
    pub lang: Lang,
    pub stamp: &'a DocStamp,
    pub qr: &'a QrMatrix,
}

impl Footer<'_> {
    pub fn draw(&self, canvas: &mut Canvas<'_>, page: usize, total: usize) {
        let s = &self.setup;
        let qr_top = s.bottom_margin() - QR_SIZE;
        canvas.line(s.left, qr_top - 1.5 * MM, s.right, qr_top - 1.5 * MM, 0.4);

        let module = QR_SIZE / self.qr.width as f32;
        for &(row, col, len) in &self.qr.runs {
            canvas.fill_rect(
                s.left + col as f32 * module,
                qr_top + row as f32 * module,
                len as f32 * module,
                module,
                0.0,
            );
        }

        let text_x = s.left + QR_SIZE + 4.0 * MM;
        let page_w = 45.0 * MM;
        let text_w = s.right - text_x - page_w;
        let code = trf(
            self.lang,
            "pdf.footer.check_code",
            &[("code", &self.stamp.check_code)],
        );
        let bold = Style::bold(8.0);
        let small = Style::regular(7.0).grey(0.35);
        let mut top = qr_top + 1.0 * MM;
        for line in wrap(self.fonts, &code, &bold, text_w).iter().take(2) {
            canvas.text_line(self.fonts, line, &bold, text_x, top, text_w);
            top += bold.line_height();
        }
        let hint = tr(self.lang, "pdf.footer.hint");
        for line in wrap(self.fonts, &hint, &small, text_w).iter().take(3) {
            canvas.text_line(self.fonts, line, &small, text_x, top, text_w);
            top += small.line_height();
        }

        let label = trf(
            self.lang,
            "pdf.footer.page",
            &[("page", &page.to_string()), ("total", &total.to_string())],
        );
        let style = Style::regular(8.0).align(Align::Right);
        let x = s.right - page_w;
        if let Some(line) = wrap(self.fonts, &label, &style, page_w).first() {
            canvas.text_line(self.fonts, line, &style, x, qr_top + 1.0 * MM, page_w);
        }
    }
}
