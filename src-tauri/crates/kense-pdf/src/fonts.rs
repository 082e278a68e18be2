//! The bundled fonts: parsed once per process, measured for layout and handed
//! to printpdf under fixed resource names (printpdf's own `add_font` draws a
//! random id, which would make two renders of the same data differ).

use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont, PdfDocument, PdfFont};

use crate::PdfError;

static REGULAR_TTF: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../assets/fonts/DejaVuSans.ttf"
));
static BOLD_TTF: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../assets/fonts/DejaVuSans-Bold.ttf"
));

/// Which face a run of text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

/// One parsed face with what layout needs from it.
pub struct LoadedFace {
    pub parsed: ParsedFont,
    /// Six upper-case letters: also becomes the PDF subset tag (`KNSREG+DejaVuSans`).
    pub id: &'static str,
    units_per_em: f32,
    /// Advances of the first 0x500 code points (Latin and Cyrillic, incl. Kazakh
    /// letters) in font units, so measuring a line is an array lookup per char.
    advances: Vec<u16>,
}

impl LoadedFace {
    fn load(bytes: &[u8], id: &'static str) -> Result<Self, PdfError> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| PdfError::Font(format!("cannot parse bundled font {id}")))?;
        let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
        let advances = (0u32..0x500)
            .map(|cp| {
                parsed
                    .lookup_glyph_index(cp)
                    .map(|g| parsed.get_horizontal_advance(g))
                    .unwrap_or(0)
            })
            .collect();
        Ok(Self {
            parsed,
            id,
            units_per_em,
            advances,
        })
    }

    /// Advance of one character in points at `size`.
    pub fn char_width(&self, c: char, size: f32) -> f32 {
        let cp = c as u32;
        let units = match self.advances.get(cp as usize) {
            Some(&a) => a,
            None => self
                .parsed
                .lookup_glyph_index(cp)
                .map(|g| self.parsed.get_horizontal_advance(g))
                .unwrap_or(0),
        };
        f32::from(units) * size / self.units_per_em
    }

    /// Width of a string in points at `size` (no kerning: printpdf does not kern either).
    pub fn text_width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(c, size)).sum()
    }

    /// Whether the face has a real glyph for `c` (not .notdef).
    #[cfg(test)]
    pub fn has_glyph(&self, c: char) -> bool {
        self.parsed
            .lookup_glyph_index(c as u32)
            .is_some_and(|g| g != 0)
    }

    pub fn font_id(&self) -> FontId {
        FontId(self.id.to_string())
    }
}

pub struct Fonts {
    pub regular: LoadedFace,
    pub bold: LoadedFace,
}

impl Fonts {
    pub fn face(&self, face: Face) -> &LoadedFace {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    /// Registers both faces in `doc` under their fixed ids. printpdf only embeds
    /// (a subset of) a face that some text on a page uses.
    pub fn register(&self, doc: &mut PdfDocument) {
        for face in [&self.regular, &self.bold] {
            doc.resources
                .fonts
                .map
                .insert(face.font_id(), PdfFont::new(face.parsed.clone()));
        }
    }
}

static FONTS: OnceLock<Result<Fonts, PdfError>> = OnceLock::new();

/// The process-wide parsed fonts (parsing DejaVu takes longer than laying out a letter).
pub fn fonts() -> Result<&'static Fonts, PdfError> {
    FONTS
        .get_or_init(|| {
            Ok(Fonts {
                regular: LoadedFace::load(REGULAR_TTF, "KNSREG")?,
                bold: LoadedFace::load(BOLD_TTF, "KNSBLD")?,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kazakh_letter_has_a_glyph_in_both_faces() {
        let f = fonts().unwrap();
        for c in "ӘҒҚҢӨҰҮҺІәғқңөұүһі".chars() {
            assert!(f.regular.has_glyph(c), "regular lacks {c}");
            assert!(f.bold.has_glyph(c), "bold lacks {c}");
            assert!(f.regular.char_width(c, 10.0) > 1.0);
        }
    }

    #[test]
    fn widths_scale_with_size_and_bold_is_wider() {
        let f = fonts().unwrap();
        let w10 = f.regular.text_width("Қолхат", 10.0);
        let w20 = f.regular.text_width("Қолхат", 20.0);
        assert!((w20 - 2.0 * w10).abs() < 0.01);
        assert!(f.bold.text_width("Қолхат", 10.0) > w10);
        // A character beyond the cached range is still measured.
        assert!(f.regular.char_width('€', 10.0) > 1.0);
    }
}
