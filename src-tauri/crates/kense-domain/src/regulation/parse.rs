//! Reading a regulation file into a checked `ServiceDefinition`, and writing one back.

use super::error::RegulationError;
use super::locate::Locator;
use super::model::ServiceDefinition;
use super::validate;

/// Larger files are not regulations; refuse them before parsing.
pub const MAX_FILE_BYTES: usize = 512 * 1024;

/// Reads and checks one service definition. `file_name` only labels errors.
pub fn parse_service(file_name: &str, text: &str) -> Result<ServiceDefinition, RegulationError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(RegulationError::new(
            file_name,
            None,
            None,
            format!(
                "file is {} bytes, at most {MAX_FILE_BYTES} are accepted",
                text.len()
            ),
        ));
    }
    let locator = Locator::new(text);
    let def: ServiceDefinition = toml::from_str(text).map_err(|e| {
        let span = e.span();
        RegulationError::new(
            file_name,
            span.as_ref().map(|s| locator.line_of(s.start)),
            span.as_ref().and_then(|s| locator.path_at(s)),
            e.message().trim().to_string(),
        )
    })?;
    match validate::check(&def).into_iter().next() {
        None => Ok(def),
        Some(issue) => Err(RegulationError::new(
            file_name,
            locator.line_of_path(&issue.field),
            Some(issue.field),
            issue.message,
        )),
    }
}

impl ServiceDefinition {
    /// The definition as a regulation file; `parse_service` reads it back unchanged.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string_pretty(self)
            // Every field is plain text, numbers, dates or lists of tables: always serialisable.
            .unwrap_or_else(|e| format!("# could not write the definition: {e}\n"));
        format!(
            "# Service `{}`, version {} (written by Kense). Limits: 15min, 2h, 1wd, same-day, same-day-max-30min.\n\n{body}",
            self.id, self.version
        )
    }
}
