//! Per-channel limits of a step, written as a small table: `{ portal = "20min" }`.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::limit::Limit;
use crate::types::Channel;

/// Limits by intake channel, in file order (kept so that a rewritten file diffs cleanly).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChannelLimits(Vec<(Channel, Limit)>);

impl ChannelLimits {
    pub fn new(entries: Vec<(Channel, Limit)>) -> Self {
        ChannelLimits(entries)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, channel: Channel) -> Option<Limit> {
        self.0.iter().find(|(c, _)| *c == channel).map(|(_, l)| *l)
    }

    pub fn entries(&self) -> &[(Channel, Limit)] {
        &self.0
    }
}

impl Serialize for ChannelLimits {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (channel, limit) in &self.0 {
            map.serialize_entry(channel.code(), limit)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for ChannelLimits {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ChannelLimits;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of channel = limit, e.g. { portal = \"20min\" }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ChannelLimits, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let channel = Channel::parse(&key).ok_or_else(|| {
                        serde::de::Error::custom(format!(
                            "unknown channel `{key}`, expected one of state_corp, portal, in_person, post"
                        ))
                    })?;
                    let limit: Limit = map.next_value()?;
                    entries.push((channel, limit));
                }
                Ok(ChannelLimits(entries))
            }
        }
        d.deserialize_map(V)
    }
}
