//! Finds the line of a field such as `transfer[1]` or `kurban_ait` in a TOML
//! text, so that checks made after parsing still point the administrator at it.

use toml::de::{DeTable, DeValue};

/// The 1-based line where `field` (dotted, with `[i]` for array items) starts.
pub(crate) fn line_of(text: &str, field: &str) -> Option<usize> {
    let root = DeTable::parse(text).ok()?;
    let mut table = root.get_ref();
    let mut start = None;
    let mut parts = field.split('.').peekable();
    while let Some(part) = parts.next() {
        let (key, index) = match part.split_once('[') {
            Some((key, rest)) => (key, rest.strip_suffix(']')?.parse::<usize>().ok()),
            None => (part, None),
        };
        let (_, mut value) = table.iter().find(|(k, _)| k.get_ref().as_ref() == key)?;
        if let Some(i) = index {
            let DeValue::Array(items) = value.get_ref() else {
                return None;
            };
            value = items.get(i)?;
        }
        start = Some(value.span().start);
        match value.get_ref() {
            DeValue::Table(inner) => table = inner,
            _ if parts.peek().is_some() => return None,
            _ => {}
        }
    }
    start.map(|at| text[..at.min(text.len())].matches('\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::line_of;

    #[test]
    fn finds_keys_tables_and_array_items() {
        let text = "year = 2028\nkurban_ait = \"2028-05-04\"\n\n[[transfer]]\nday_off = \"2028-01-03\"\n\n[[transfer]]\nworking_day = \"2028-01-08\"\n";
        assert_eq!(line_of(text, "year"), Some(1));
        assert_eq!(line_of(text, "kurban_ait"), Some(2));
        assert_eq!(line_of(text, "transfer[1].working_day"), Some(8));
        assert_eq!(line_of(text, "transfer[0].day_off"), Some(5));
        assert_eq!(line_of(text, "transfer[2]"), None);
        assert_eq!(line_of(text, "missing"), None);
    }
}
