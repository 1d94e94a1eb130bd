//! The data model: entities, their kinds and ids.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// The kind of a named entity, as the annotation guide defines them.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum EntityKind {
    /// People.
    #[serde(rename = "PER", alias = "PERS", alias = "PERSON")]
    Person,
    /// Organisations, institutions, parties, militias, companies, media outlets, alliances.
    #[serde(rename = "ORG", alias = "ORGANIZATION")]
    Organization,
    /// Countries, cities, regions, geographic features, facilities.
    #[serde(rename = "LOC", alias = "LOCATION", alias = "GPE")]
    Location,
    /// Anything else a user tracks (events, products, works).
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityKind {
    /// The short label used in files and JSON: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Location => "LOC",
            EntityKind::Misc => "MISC",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for EntityKind {
    type Err = String;

    /// Accepts the labels of the annotation guide and of ANERcorp, in any case.
    fn from_str(s: &str) -> Result<EntityKind, String> {
        match s.trim().to_ascii_uppercase().as_str() {
            "PER" | "PERS" | "PERSON" => Ok(EntityKind::Person),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Ok(EntityKind::Organization),
            "LOC" | "LOCATION" | "GPE" => Ok(EntityKind::Location),
            "MISC" => Ok(EntityKind::Misc),
            // Quote the kind as the user wrote it, not upper-cased.
            _ => Err(format!(
                "unknown entity kind {:?} (expected PER, ORG, LOC or MISC)",
                s.trim()
            )),
        }
    }
}

/// An entity a user tracks: an id of theirs, a kind, a canonical name, aliases and free attributes.
///
/// ```
/// use khabar_gazetteer::{Entity, EntityKind};
///
/// let nato = Entity::new("org:nato", EntityKind::Organization, "حلف شمال الأطلسي")
///     .with_aliases(["الناتو", "ناتو", "حلف الناتو"])
///     .with_attribute("en", "NATO");
/// assert_eq!(nato.names().count(), 4);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    /// The user's id, unique in a gazetteer.
    pub id: String,
    /// The kind.
    pub kind: EntityKind,
    /// The canonical name.
    pub name: String,
    /// Other names that refer to the entity.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Free attributes: English name (`en`), Wikidata id (`wikidata`), country, nisba adjective (`nisba`).
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
}

impl Entity {
    /// A new entity without aliases or attributes.
    pub fn new(id: impl Into<String>, kind: EntityKind, name: impl Into<String>) -> Entity {
        Entity {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: Vec::new(),
            attributes: BTreeMap::new(),
        }
    }

    /// Adds aliases.
    pub fn with_aliases<I, S>(mut self, aliases: I) -> Entity
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.aliases.extend(aliases.into_iter().map(Into::into));
        self
    }

    /// Adds one attribute.
    pub fn with_attribute(mut self, key: impl Into<String>, value: impl Into<String>) -> Entity {
        self.attributes.insert(key.into(), value.into());
        self
    }

    /// The canonical name, then the aliases. A [`crate::Mention`]'s `alias` indexes this sequence.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// The index of an entity inside one [`crate::Gazetteer`].
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct EntityId(pub(crate) u32);

impl EntityId {
    /// The index as a `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}
