//! The catalogue keeps every valid version and reports the rest.

use chrono::NaiveDate;

use super::super::*;
use super::{file, FILES};

fn sources() -> Vec<(String, String)> {
    FILES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn version_two(name: &str, effective: &str) -> String {
    let def = parse_service(name, file(name)).unwrap();
    let next = apply_edit(&def, &ServiceEdit::default(), date(effective)).unwrap();
    next.to_toml()
}

#[test]
fn loads_all_six_sorted_by_id() {
    let c = Catalog::load(sources());
    assert!(c.rejected().is_empty(), "{:?}", c.rejected());
    let ids: Vec<_> = c.services().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "bus-passenger-licence",
            "cotton-warehouse-licence",
            "grain-warehouse-licence",
            "intl-inspection-certificate",
            "real-estate-address-reference",
            "small-vessel-certificate",
        ]
    );
}

#[test]
fn a_bad_file_is_rejected_and_the_rest_still_load() {
    let mut s = sources();
    s.push(("broken.toml".into(), "id = \"x\"\nversion = [".into()));
    s[0].1 = s[0].1.replacen("role = \"head\"", "role = \"boss\"", 1);
    let c = Catalog::load(s);
    assert_eq!(c.services().len(), 5);
    let files: Vec<_> = c.rejected().iter().map(|r| r.file.as_str()).collect();
    assert_eq!(files, ["broken.toml", "small-vessel-certificate.toml"]);
    assert!(c.rejected()[1].error.message.contains("boss"));
    assert!(c.latest("small-vessel-certificate").is_none());
    assert!(c.terms("small-vessel-certificate").is_none());
}

#[test]
fn several_versions_of_one_service() {
    let mut s = sources();
    let v2 = version_two("grain-warehouse-licence.toml", "2015-01-01");
    s.push(("grain-warehouse-licence.v2.toml".into(), v2));
    let c = Catalog::load(s);
    assert!(c.rejected().is_empty(), "{:?}", c.rejected());
    assert_eq!(c.latest("grain-warehouse-licence").unwrap().version, 2);
    assert_eq!(c.version("grain-warehouse-licence", 1).unwrap().version, 1);
    assert!(c.version("grain-warehouse-licence", 3).is_none());
    assert_eq!(c.versions("grain-warehouse-licence").len(), 2);
    assert_eq!(c.terms("grain-warehouse-licence").unwrap().version, 2);
    assert_eq!(
        c.terms_for_version("grain-warehouse-licence", 1)
            .unwrap()
            .version,
        1
    );
    assert_eq!(
        c.in_force("grain-warehouse-licence", date("2014-12-31"))
            .unwrap()
            .version,
        1
    );
    assert_eq!(
        c.in_force("grain-warehouse-licence", date("2015-01-01"))
            .unwrap()
            .version,
        2
    );
    assert!(c
        .in_force("grain-warehouse-licence", date("2014-01-01"))
        .is_none());
    assert_eq!(
        c.file_of("grain-warehouse-licence", 2),
        Some("grain-warehouse-licence.v2.toml")
    );
    assert_eq!(c.services().len(), 6);
}

#[test]
fn duplicate_id_and_version_is_rejected_whatever_the_order() {
    for reversed in [false, true] {
        let mut s = sources();
        s.push((
            "a-copy.toml".into(),
            file("bus-passenger-licence.toml").into(),
        ));
        if reversed {
            s.reverse();
        }
        let c = Catalog::load(s);
        assert_eq!(c.rejected().len(), 1);
        let r = &c.rejected()[0];
        assert_eq!(r.file, "bus-passenger-licence.toml");
        assert!(
            r.error.message.contains("already defined in `a-copy.toml`"),
            "{}",
            r.error
        );
        assert_eq!(r.error.field.as_deref(), Some("version"));
        assert_eq!(c.file_of("bus-passenger-licence", 1), Some("a-copy.toml"));
    }
}

#[test]
fn a_later_version_taking_effect_earlier_is_rejected() {
    let mut s = sources();
    let def = parse_service("x", file("bus-passenger-licence.toml")).unwrap();
    let mut v2 = def.clone();
    v2.version = 2;
    v2.effective_from = date("2010-01-01");
    s.push(("bus-v2.toml".into(), v2.to_toml()));
    let c = Catalog::load(s);
    assert_eq!(c.rejected().len(), 1);
    assert_eq!(
        c.rejected()[0].error.field.as_deref(),
        Some("effective_from")
    );
    assert_eq!(c.latest("bus-passenger-licence").unwrap().version, 1);
}

#[test]
fn terms_of_an_unknown_service() {
    let c = Catalog::load(sources());
    assert!(c.terms("nope").is_none());
    assert!(c.latest("nope").is_none());
    assert!(c.versions("nope").is_empty());
}
