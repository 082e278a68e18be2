mod catalog;
mod edit;
mod fuzz;
mod real_files;
mod reject;

/// The six real files, as the app ships them.
pub(super) const FILES: [(&str, &str); 6] = [
    (
        "small-vessel-certificate.toml",
        include_str!("../../../../../assets/regulations/small-vessel-certificate.toml"),
    ),
    (
        "grain-warehouse-licence.toml",
        include_str!("../../../../../assets/regulations/grain-warehouse-licence.toml"),
    ),
    (
        "intl-inspection-certificate.toml",
        include_str!("../../../../../assets/regulations/intl-inspection-certificate.toml"),
    ),
    (
        "bus-passenger-licence.toml",
        include_str!("../../../../../assets/regulations/bus-passenger-licence.toml"),
    ),
    (
        "cotton-warehouse-licence.toml",
        include_str!("../../../../../assets/regulations/cotton-warehouse-licence.toml"),
    ),
    (
        "real-estate-address-reference.toml",
        include_str!("../../../../../assets/regulations/real-estate-address-reference.toml"),
    ),
];

pub(super) fn file(name: &str) -> &'static str {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .expect("known file")
}
