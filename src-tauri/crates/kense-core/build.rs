//! Embeds every file of assets/regulations and assets/calendar into the binary,
//! so the office's defaults need no installation folder and no network.

use std::fmt::Write as _;
use std::path::Path;

fn embed(dir: &Path, name: &str, out: &mut String) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    files.sort();
    writeln!(out, "pub const {name}: &[(&str, &str)] = &[").unwrap();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy();
        let abs = path.canonicalize().unwrap();
        println!("cargo:rerun-if-changed={}", abs.display());
        writeln!(
            out,
            "    ({file:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
    println!("cargo:rerun-if-changed={}", root.join("locales").display());
    let mut out = String::new();
    embed(&root.join("assets/regulations"), "REGULATIONS", &mut out);
    embed(&root.join("assets/calendar"), "CALENDAR", &mut out);
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled.rs");
    std::fs::write(dest, out).unwrap();
}
