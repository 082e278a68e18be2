//! The footer QR code, drawn as filled rectangles (one per run of dark
//! modules in a row) so no image support is needed.

use qrcode::{Color, EcLevel, QrCode};

use crate::PdfError;

/// Dark modules of a QR symbol, row by row, as runs `(row, first column, length)`.
pub struct QrMatrix {
    pub width: usize,
    pub runs: Vec<(usize, usize, usize)>,
}

impl QrMatrix {
    pub fn encode(payload: &str) -> Result<Self, PdfError> {
        let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
            .map_err(|e| PdfError::Qr(e.to_string()))?;
        let width = code.width();
        let colors = code.to_colors();
        let mut runs = Vec::new();
        for row in 0..width {
            let mut col = 0;
            while col < width {
                if colors[row * width + col] == Color::Dark {
                    let start = col;
                    while col < width && colors[row * width + col] == Color::Dark {
                        col += 1;
                    }
                    runs.push((row, start, col - start));
                } else {
                    col += 1;
                }
            }
        }
        Ok(Self { width, runs })
    }

    /// Whether module (row, col) is dark.
    #[cfg(test)]
    pub fn is_dark(&self, row: usize, col: usize) -> bool {
        self.runs
            .iter()
            .any(|&(r, c, n)| r == row && col >= c && col < c + n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finder_patterns_are_where_qr_puts_them() {
        let m = QrMatrix::encode("KENSE:2026/000123:AB12CD").unwrap();
        assert!(m.width >= 21);
        // The three 7x7 finder squares have dark corners and a light ring.
        for (r, c) in [(0, 0), (0, m.width - 7), (m.width - 7, 0)] {
            assert!(m.is_dark(r, c));
            assert!(m.is_dark(r + 6, c + 6));
            assert!(!m.is_dark(r + 1, c + 1));
            assert!(m.is_dark(r + 3, c + 3));
        }
        // Timing pattern on row 6 alternates between the finders.
        for c in 8..m.width - 8 {
            assert_eq!(m.is_dark(6, c), c % 2 == 0, "timing at column {c}");
        }
    }

    #[test]
    fn an_oversized_payload_is_an_error_not_a_panic() {
        assert!(QrMatrix::encode(&"x".repeat(5000)).is_err());
    }
}
