//! Turns laid-out flows into a PDF file: footers with page numbers, fonts under
//! fixed names, metadata from the data, and a fixed file identifier, so the
//! same data always gives the same bytes.

use lopdf::{Object, StringFormat};
use printpdf::{OffsetDateTime, PdfDocument, PdfPage, PdfSaveOptions, Pt};

use crate::fonts::Fonts;
use crate::footer::Footer;
use crate::layout::{Canvas, Flow};
use crate::qr::QrMatrix;
use crate::{DocStamp, Lang, PdfError};

/// One language version of a document; several make one file (bilingual certificate).
pub struct Part<'f> {
    pub flow: Flow<'f>,
    pub lang: Lang,
}

pub fn finish(
    fonts: &Fonts,
    parts: Vec<Part<'_>>,
    stamp: &DocStamp,
    title: &str,
) -> Result<Vec<u8>, PdfError> {
    let qr = QrMatrix::encode(&stamp.qr_payload)?;
    let mut doc = PdfDocument::new(title);
    fonts.register(&mut doc);
    for part in parts {
        let setup = part.flow.setup;
        let footer = Footer {
            fonts,
            setup,
            lang: part.lang,
            stamp,
            qr: &qr,
        };
        let total = part.flow.pages.len();
        for (i, mut ops) in part.flow.pages.into_iter().enumerate() {
            footer.draw(
                &mut Canvas {
                    ops: &mut ops,
                    page_height: setup.height,
                },
                i + 1,
                total,
            );
            let mut page = PdfPage::new(
                printpdf::Mm(setup.width * 25.4 / 72.0),
                printpdf::Mm(setup.height * 25.4 / 72.0),
                ops,
            );
            // Exact point sizes: mm round trips would leave 595.27 as 595.2699.
            for r in [&mut page.media_box, &mut page.trim_box, &mut page.crop_box] {
                r.width = Pt(setup.width);
                r.height = Pt(setup.height);
            }
            doc.pages.push(page);
        }
    }
    let when = OffsetDateTime::from_unix_timestamp(stamp.created_at.and_utc().timestamp())
        .map_err(|e| PdfError::Metadata(e.to_string()))?;
    let info = &mut doc.metadata.info;
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;
    info.identifier = stamp.document_id.clone();
    info.creator = "Kense".into();
    info.producer = "Kense (printpdf)".into();
    save(&doc, &stamp.document_id)
}

fn save(doc: &PdfDocument, document_id: &str) -> Result<Vec<u8>, PdfError> {
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    // printpdf writes a random /ID; the caller's document id replaces it.
    let id = Object::String(document_id.as_bytes().to_vec(), StringFormat::Hexadecimal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(out)
}
