//! Layout-level checks: every text line placed by the flow stays inside the
//! page body, for the long cases.

#[path = "../../tests/common/mod.rs"]
mod samples;

use crate::fonts::fonts;
use crate::layout::Flow;
use crate::Lang;

fn assert_inside(flow: &Flow<'_>) {
    let s = flow.setup;
    assert!(!flow.placed.is_empty());
    for p in &flow.placed {
        assert!(p.x >= s.left - 0.01, "left of the margin: {p:?}");
        assert!(
            p.x + p.width <= s.right + 0.05,
            "past the right margin: {p:?}"
        );
        assert!(p.top >= s.top - 0.01, "above the top margin: {p:?}");
        assert!(
            p.top + p.height <= s.body_bottom + 0.01,
            "into the footer: {p:?}"
        );
        assert!(p.page < flow.pages.len());
    }
}

#[test]
fn twelve_ground_letter_stays_inside_the_body() {
    let f = fonts().unwrap();
    for lang in [Lang::Kk, Lang::Ru] {
        let flow = super::refusal::layout(f, &samples::refusal(lang, 12), lang);
        assert!(flow.pages.len() >= 2);
        assert_inside(&flow);
    }
}

#[test]
fn long_names_stay_inside_the_body() {
    let f = fonts().unwrap();
    let mut data = samples::receipt(Lang::Kk);
    data.office.name = samples::LONG_ORG.into();
    data.applicant.name = samples::LONG_ORG.into();
    data.service_name = samples::LONG_ORG.into();
    data.documents = vec![samples::LONG_ORG.into(); 30];
    let flow = super::receipt::layout(f, &data, Lang::Kk);
    assert!(flow.pages.len() >= 2);
    assert_inside(&flow);
    // A word-free string of 400 letters is cut, never clipped.
    let mut data = samples::result(crate::ResultKind::Certificate, Lang::Ru);
    data.holder.name = "Ә".repeat(400);
    let flow = super::certificate::layout(f, &data, Lang::Ru, &super::certificate::Mark::Original);
    assert_inside(&flow);
    let letters: usize = flow
        .placed
        .iter()
        .map(|p| p.text.matches('Ә').count())
        .sum();
    assert!(letters >= 400);
}

#[test]
fn journal_rows_stay_inside_the_landscape_body() {
    let f = fonts().unwrap();
    let flow = super::journal::layout(f, &samples::journal(300), Lang::Ru);
    assert!(flow.setup.width > flow.setup.height);
    assert!(flow.pages.len() > 5);
    assert_inside(&flow);
}
