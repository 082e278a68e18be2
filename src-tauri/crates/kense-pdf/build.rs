// rust-i18n embeds the locale files at compile time; editing a YAML file must
// rebuild this crate, and cargo does not know that by itself.
fn main() {
    println!("cargo:rerun-if-changed=../../../locales");
    println!("cargo:rerun-if-changed=../../../locales/kk.yml");
    println!("cargo:rerun-if-changed=../../../locales/ru.yml");
    println!("cargo:rerun-if-changed=../../../assets/fonts");
}
