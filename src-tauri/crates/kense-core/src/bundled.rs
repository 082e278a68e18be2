//! The regulation and calendar files shipped in `assets/`, embedded at build time.

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The bundled regulation files as (file name, text) pairs.
pub fn regulation_sources() -> Vec<(String, String)> {
    REGULATIONS
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}
