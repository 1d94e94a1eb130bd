//! Clitic-aware, alias-aware matching of people, organisations and places in Arabic text.
//!
//! A [`Gazetteer`] holds the [`Entity`]s a user tracks — ids of their own, a kind, a canonical name and
//! aliases — and finds every [`Mention`] of them in Arabic text, however it is spelled or glued:
//!
//! - names are matched after the same normalisation as the text (hamza and alef variants, ى/ي, diacritics,
//!   tatweel, digits, quotation marks, any run of whitespace), so أمريكا matches امريكا and a name broken
//!   over a line still matches;
//! - proclitics (و ف ب ل ك and their stacks) may be glued in front: والناتو, بالعراق, وبواشنطن, and the
//!   contraction ل + ال → لل: للعراق. The mention's span is the name without the proclitics, as the
//!   annotation guide marks it (in للعراق: لعراق);
//! - a name never matches inside a longer word (العراق is not found in العراقية);
//! - overlapping hits resolve to the longest valid one, after the boundary checks;
//! - after a person's full name, a later family name alone (السوداني) links to the same entity.
//!
//! Matching never fails; building and loading return [`Error`]s that name the file and line.
//!
//! # Example: the embedded default gazetteer
//! ```
//! use khabar_gazetteer::Gazetteer;
//!
//! let gazetteer = Gazetteer::default();
//! let text = "والناتو يدعم بغداد وللعراق حدود مع إيران";
//! let mentions = gazetteer.find(text);
//! let found: Vec<&str> = mentions.iter().map(|m| &text[m.span]).collect();
//! assert_eq!(found, ["الناتو", "بغداد", "لعراق", "إيران"]);
//! assert_eq!(gazetteer.entity(mentions[0].entity).id, "org:nato");
//! ```
//!
//! # Example: your own entities
//! ```
//! use khabar_gazetteer::{Entity, EntityKind, Gazetteer};
//!
//! let gazetteer = Gazetteer::builder()
//!     .add(Entity::new("q1", EntityKind::Organization, "شفق نيوز").with_aliases(["وكالة شفق نيوز"]))?
//!     .build()?;
//! let text = "وفق وكالة شفق نيوز الكردية";
//! let mention = &gazetteer.find(text)[0];
//! assert_eq!(&text[mention.span], "وكالة شفق نيوز");
//! # Ok::<(), khabar_gazetteer::Error>(())
//! ```
//!
//! # Crate features
//! - `embedded` (default): the default gazetteer of `data/default.tsv` (countries, cities, organisations
//!   and leaders from permissive sources, see `data/README.md`) behind [`Gazetteer::default`].

#![deny(missing_docs)]

mod bytes;
pub mod clusters;
mod entity;
mod error;
mod load;
mod patterns;
pub mod rules;
mod scan;
pub mod tagger;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use khabar_tokenize::{Normalizer, NormalizerBuilder, Span, clitics};

pub use entity::{Entity, EntityId, EntityKind};
pub use error::{Error, ErrorKind};

use patterns::{Candidate, Entry, Matcher, NisbaShape, PatternSet, select_longest};
use scan::Scanner;

/// How a mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MatchSource {
    /// One of the entity's names.
    Name,
    /// The family name of a person whose full name appeared earlier in the same text.
    ShortName,
    /// A nisba adjective of a place (العراقية for العراق), reported only when the gazetteer was built
    /// with [`GazetteerBuilder::nisba`]. It is a link to the place, not a name: the annotation guide does
    /// not count it as an entity. Its `alias` is 0, the canonical name.
    Nisba,
}

/// One mention of a gazetteer entity in a text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mention {
    /// The name in the original text, without proclitics.
    pub span: Span,
    /// The proclitics glued in front (و in والناتو, ل in للعراق), if any.
    pub proclitic: Option<Span>,
    /// The entity.
    pub entity: EntityId,
    /// The entity's kind.
    pub kind: EntityKind,
    /// Which of the entity's names matched (an index into [`Entity::names`]).
    pub alias: u32,
    /// Other entities that share the matched name: the name is ambiguous between them.
    pub also: Vec<EntityId>,
    /// How the mention was found.
    pub source: MatchSource,
}

/// A compiled gazetteer: immutable, `Send + Sync`, and cheap to clone (its data is shared).
#[derive(Clone, Debug)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    entities: Vec<Entity>,
    normalizer: Normalizer,
    /// Normalises and cuts text as `normalizer` does.
    scanner: Scanner,
    names: PatternSet,
    /// The nisba adjectives of places, when asked for.
    nisba: Option<PatternSet>,
    /// For each entity, whether its data guards its names against other words' readings
    /// ([`Gazetteer::drop_homographs`]): most have no guard, and are passed over without a lookup.
    guarded: Vec<bool>,
}

/// The attributes [`Gazetteer::drop_homographs`] reads.
const GUARDS: [&str; 4] = ["spelling", "not_glued_to", "not_before", "not_after"];

impl Inner {
    fn new(
        entities: Vec<Entity>,
        normalizer: Normalizer,
        scanner: Scanner,
        names: PatternSet,
        nisba: Option<PatternSet>,
    ) -> Inner {
        let guarded = entities
            .iter()
            .map(|entity| {
                GUARDS
                    .iter()
                    .any(|key| entity.attributes.contains_key(*key))
            })
            .collect();
        Inner {
            entities,
            normalizer,
            scanner,
            names,
            nisba,
            guarded,
        }
    }
}

/// Collects entities, from code or files, and compiles them into a [`Gazetteer`].
#[derive(Clone, Debug, Default)]
pub struct GazetteerBuilder {
    entities: Vec<Entity>,
    origins: Vec<String>,
    ids: std::collections::HashMap<String, usize>,
    normalizer: Option<Normalizer>,
    nisba: bool,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    fn add_from(&mut self, entity: Entity, origin: String) -> Result<&mut Self, Error> {
        if entity.id.trim().is_empty() || entity.name.trim().is_empty() {
            return Err(Error::new(ErrorKind::EmptyName {
                id: entity.id,
                origin,
                name: String::new(),
            }));
        }
        if self.ids.contains_key(&entity.id) {
            return Err(Error::new(ErrorKind::DuplicateId {
                id: entity.id,
                origin,
            }));
        }
        self.ids.insert(entity.id.clone(), self.entities.len());
        self.entities.push(entity);
        self.origins.push(origin);
        Ok(self)
    }

    /// Adds one entity. Fails on an empty id or name and on an id already added.
    pub fn add(&mut self, entity: Entity) -> Result<&mut Self, Error> {
        let origin = format!("entity {:?}", entity.id);
        self.add_from(entity, origin)
    }

    /// Adds the entities of TSV text (format in the module docs of the loaders: `id<TAB>kind<TAB>name
    /// <TAB>aliases|…<TAB>key=value;…`). `origin` names the input in error messages.
    pub fn add_tsv(&mut self, text: &str, origin: &str) -> Result<&mut Self, Error> {
        for located in load::parse_tsv(text, origin)? {
            self.add_from(located.entity, format!("{origin}:{}", located.line))?;
        }
        Ok(self)
    }

    /// Adds the entities of JSON-lines text, one entity object a line.
    pub fn add_jsonl(&mut self, text: &str, origin: &str) -> Result<&mut Self, Error> {
        for located in load::parse_jsonl(text, origin)? {
            self.add_from(located.entity, format!("{origin}:{}", located.line))?;
        }
        Ok(self)
    }

    /// Loads a gazetteer file: JSON lines when its name ends in `.jsonl` or `.json`, TSV otherwise.
    pub fn load(&mut self, path: impl AsRef<Path>) -> Result<&mut Self, Error> {
        let path = path.as_ref();
        let text = Error::read_file(path)?;
        let origin = path.display().to_string();
        match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "json") => self.add_jsonl(&text, &origin),
            _ => self.add_tsv(&text, &origin),
        }
    }

    /// Adds the embedded default gazetteer's entities.
    #[cfg(feature = "embedded")]
    pub fn add_default(&mut self) -> Result<&mut Self, Error> {
        self.add_tsv(EMBEDDED_TSV, "khabar-gazetteer/data/default.tsv")
    }

    /// Sets the normaliser applied to names and text. Whitespace collapsing and quotation-mark folding
    /// are always switched on, so that multi-word and quoted names match across line breaks and quote
    /// styles.
    pub fn normalizer(&mut self, normalizer: Normalizer) -> &mut Self {
        self.normalizer = Some(normalizer);
        self
    }

    /// Also reports the nisba adjectives of places that have a `nisba` attribute (`nisba=عراقي` on
    /// العراق): العراقي، العراقية، العراقيون، عراقيين … become [`MatchSource::Nisba`] links to the place.
    /// Off by default: an adjective is not an entity.
    pub fn nisba(&mut self, yes: bool) -> &mut Self {
        self.nisba = yes;
        self
    }

    /// Compiles the gazetteer. Fails when a name normalises to nothing. A one-word name that is also an
    /// Arabic function word (علي = على once ى is folded, امام = أمام) is kept on its entity but not
    /// matched on its own.
    pub fn build(&self) -> Result<Gazetteer, Error> {
        let mut options = self
            .normalizer
            .as_ref()
            .map(|n| n.options().clone())
            .unwrap_or_default();
        let normalizer = options.collapse_whitespace(true).quotes(true).build();
        let mut normalized: Vec<(String, Entry)> = Vec::new();
        for (index, entity) in self.entities.iter().enumerate() {
            for (alias, name) in entity.names().enumerate() {
                let norm = normalizer.normalize_str(name.trim());
                let norm = norm.trim();
                if norm.is_empty() {
                    return Err(Error::new(ErrorKind::EmptyName {
                        id: entity.id.clone(),
                        origin: self.origins[index].clone(),
                        name: name.to_string(),
                    }));
                }
                if FUNCTION_WORDS.contains(&norm) {
                    // علي (Ali) is also على (on) once ى is folded: alone it would match every preposition.
                    continue;
                }
                let entry = Entry {
                    entity: EntityId(index as u32),
                    alias: alias as u32,
                };
                normalized.push((norm.to_string(), entry));
            }
        }
        let scanner = Scanner::new(&normalizer);
        let is_person = |id: EntityId| self.entities[id.0 as usize].kind == EntityKind::Person;
        let names = PatternSet::new(
            normalized.iter().map(|(n, e)| (n.as_str(), *e)),
            &scanner,
            is_person,
        )?;
        let nisba = if self.nisba {
            Some(nisba_set(&self.entities, &normalizer, &scanner)?)
        } else {
            None
        };
        Ok(Gazetteer {
            inner: Arc::new(Inner::new(
                self.entities.clone(),
                normalizer,
                scanner,
                names,
                nisba,
            )),
        })
    }
}

#[cfg(feature = "embedded")]
const EMBEDDED_TSV: &str = include_str!("../data/default.tsv");

impl Default for Gazetteer {
    /// The embedded default gazetteer (feature `embedded`), compiled once per process and shared; without
    /// the feature, an empty gazetteer.
    fn default() -> Gazetteer {
        #[cfg(feature = "embedded")]
        {
            static DEFAULT: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
            DEFAULT
                .get_or_init(|| {
                    GazetteerBuilder::new()
                        .add_default()
                        .and_then(|b| b.build())
                        .expect("the embedded gazetteer is valid (checked by its tests)")
                })
                .clone()
        }
        #[cfg(not(feature = "embedded"))]
        {
            GazetteerBuilder::new()
                .build()
                .expect("an empty gazetteer always builds")
        }
    }
}

impl Gazetteer {
    /// Starts a builder.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.inner.entities.len()
    }

    /// Whether the gazetteer has no entities.
    pub fn is_empty(&self) -> bool {
        self.inner.entities.is_empty()
    }

    /// The entity behind an id returned in a [`Mention`].
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.inner.entities[id.index()]
    }

    /// All entities, in the order they were added.
    pub fn entities(&self) -> &[Entity] {
        &self.inner.entities
    }

    /// Looks an entity up by the user's id.
    pub fn find_id(&self, id: &str) -> Option<EntityId> {
        self.inner
            .entities
            .iter()
            .position(|e| e.id == id)
            .map(|i| EntityId(i as u32))
    }

    /// The name a mention matched.
    pub fn matched_name(&self, mention: &Mention) -> &str {
        self.entity(mention.entity)
            .names()
            .nth(mention.alias as usize)
            .unwrap_or_default()
    }

    /// The normaliser applied to names and text.
    pub fn normalizer(&self) -> &Normalizer {
        &self.inner.normalizer
    }

    /// Heap memory of the compiled names (the trie and the tables behind it), in bytes.
    pub fn automaton_memory(&self) -> usize {
        self.inner.names.memory_usage()
    }

    /// Number of distinct normalised patterns (names and their لل forms).
    pub fn pattern_count(&self) -> usize {
        self.inner.names.len()
    }

    /// The compiled gazetteer as bytes: its entities, its normaliser's switches and its compiled names,
    /// behind a versioned header and a checksum. [`Gazetteer::from_bytes`] reads them back much faster
    /// than [`GazetteerBuilder::build`] compiles the entities.
    ///
    /// ```
    /// use khabar_gazetteer::Gazetteer;
    ///
    /// let gazetteer = Gazetteer::default();
    /// let loaded = Gazetteer::from_bytes(&gazetteer.to_bytes())?;
    /// let text = "وصل الوفد إلى بغداد";
    /// assert_eq!(loaded.find(text), gazetteer.find(text));
    /// # Ok::<(), khabar_gazetteer::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = bytes::Writer::default();
        out.str(&format!("{:?}", self.inner.normalizer.options()));
        out.len(usize::from(self.inner.nisba.is_some()));
        out.len(self.inner.entities.len());
        for entity in &self.inner.entities {
            // Destructured in full: a new field must be given a place in the format (and a new version).
            let Entity {
                id,
                kind,
                name,
                aliases,
                attributes,
            } = entity;
            out.str(id);
            out.str(kind.label());
            out.str(name);
            out.len(aliases.len());
            for alias in aliases {
                out.str(alias);
            }
            out.len(attributes.len());
            for (key, value) in attributes {
                out.str(key);
                out.str(value);
            }
        }
        self.inner.names.write(&mut out);
        out.finish()
    }

    /// Reads a gazetteer written by [`Gazetteer::to_bytes`]. Fails with [`ErrorKind::Compiled`] on bytes
    /// of another format version, truncated, corrupted or inconsistent ones.
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer, Error> {
        let mut input = bytes::Reader::new(bytes)?;
        let options = input.str()?;
        let normalizer = normalizer_from_debug(options)
            .ok_or_else(|| input.invalid("normaliser switches this version does not know"))?;
        let with_nisba = match input.len(0)? {
            0 => false,
            1 => true,
            _ => return Err(input.invalid("the nisba flag is neither 0 nor 1")),
        };
        let count = input.len(5 * 8)?;
        let mut entities = Vec::with_capacity(count);
        let mut names = Vec::with_capacity(count);
        for _ in 0..count {
            let id = input.str()?.to_string();
            let kind = input
                .str()?
                .parse::<EntityKind>()
                .map_err(|e| input.invalid(&e))?;
            let name = input.str()?.to_string();
            let alias_count = input.len(8)?;
            let mut aliases = Vec::with_capacity(alias_count);
            for _ in 0..alias_count {
                aliases.push(input.str()?.to_string());
            }
            let attribute_count = input.len(16)?;
            let mut attributes = BTreeMap::new();
            for _ in 0..attribute_count {
                let key = input.str()?.to_string();
                attributes.insert(key, input.str()?.to_string());
            }
            names.push(u32::try_from(aliases.len() + 1).unwrap_or(u32::MAX));
            entities.push(Entity {
                id,
                kind,
                name,
                aliases,
                attributes,
            });
        }
        let patterns = PatternSet::read(&mut input, &names)?;
        input.finish()?;
        let scanner = Scanner::new(&normalizer);
        // The adjectives are few: rebuilt from the entities rather than stored.
        let nisba = if with_nisba {
            Some(nisba_set(&entities, &normalizer, &scanner)?)
        } else {
            None
        };
        Ok(Gazetteer {
            inner: Arc::new(Inner::new(entities, normalizer, scanner, patterns, nisba)),
        })
    }

    /// Finds every mention in `text`, in text order.
    ///
    /// The text is normalised on the fly, piece by piece, and never copied: spans point into `text`.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let inner = &*self.inner;
        let mut names = Matcher::new(&inner.names, text, true);
        let mut adjectives = inner
            .nisba
            .as_ref()
            .map(|set| Matcher::new(set, text, false));
        inner.scanner.scan(text, |piece| {
            names.feed(piece);
            if let Some(adjectives) = &mut adjectives {
                adjectives.feed(piece);
            }
        });
        names.finish();
        let mut chosen = select_longest(std::mem::take(&mut names.candidates));
        // A place named like a feminine nisba (السعودية) right after a definite noun is its adjective
        // (الحدود السعودية), and so is a town named like a masculine one (الذئب الرمادي: the grey wolf; a
        // sea or a country, المحيط الأطلسي، الأوروغواي, has no `country` and stays), and a person named
        // by the nisba of a place the gazetteer knows (السوداني: of السودان), titles included (الرئيس
        // السوداني).
        chosen.retain(|c| {
            let Some(first) = inner.names.entries(c).first() else {
                return true;
            };
            let entity = self.entity(first.entity);
            // A definite feminine adjective after a name that is a common word too (القاعدة الجوية، الجزيرة
            // الوسطية) makes it that noun, unless the adjective is a nationality (قناة الجزيرة القطرية).
            let common_noun = definite_feminine_adjective_after(text, c.span.end)
                .is_some_and(|adjective| !self.is_place_nisba(adjective))
                && is_common_word_reading(entity, first.alias);
            if common_noun {
                return false;
            }
            match c.nisba_after_noun {
                Some(NisbaShape::Feminine) => entity.kind != EntityKind::Location,
                Some(NisbaShape::Masculine) => match entity.kind {
                    EntityKind::Location => !entity.attributes.contains_key("country"),
                    EntityKind::Person => !entity
                        .names()
                        .nth(first.alias as usize)
                        .is_some_and(|name| self.is_place_nisba(name)),
                    _ => true,
                },
                None => true,
            }
        });
        let mut mentions: Vec<Mention> = chosen
            .iter()
            .map(|c| self.mention(c, inner.names.entries(c), MatchSource::Name))
            .collect();
        self.drop_other_countries_namesakes(text, &mut mentions);
        self.drop_teams_named_after_cities(text, &mut mentions);
        let readings_of_other_words = self.drop_homographs(text, &mut mentions);
        // The short names pair each candidate with its mention: the dropped go from both.
        let mut kept = mentions.iter().map(|m| m.span).peekable();
        chosen.retain(|c| kept.next_if_eq(&c.span).is_some());
        self.add_short_names(
            &chosen,
            std::mem::take(&mut names.family_hits),
            &readings_of_other_words,
            &mut mentions,
        );
        if let (Some(mut adjectives), Some(set)) = (adjectives, &inner.nisba) {
            adjectives.finish();
            self.add_nisba(set, adjectives.candidates, &mut mentions);
        }
        mentions
    }

    /// Whether `name` (السوداني) is the nisba of a place this gazetteer knows (السودان), in the forms
    /// [`rules::nisba_places`] gives.
    fn is_place_nisba(&self, name: &str) -> bool {
        self.nisba_places(name).next().is_some()
    }

    /// The places the gazetteer knows whose nisba `adjective` may be, in the forms
    /// [`rules::nisba_places`] gives, each as often as it has such a one-word name.
    fn nisba_places(&self, adjective: &str) -> impl Iterator<Item = &Entity> {
        let inner = &*self.inner;
        let adjective = inner.normalizer.normalize_str(adjective.trim());
        rules::nisba_places(&adjective)
            .into_iter()
            .flatten()
            .flat_map(move |place| inner.names.one_word_entries(&place))
            .map(|e| self.entity(e.entity))
            .filter(|entity| entity.kind == EntityKind::Location)
    }

    /// The ISO code of the country whose nationality adjective `adjective` is (الأمريكية → US), from the
    /// `iso` attribute of the place [`rules::nisba_places`] leads to; none for a place whose name is a
    /// common word too (المالية is "financial" far more often than "Malian").
    fn nationality(&self, adjective: &str) -> Option<&str> {
        self.nisba_places(adjective)
            .filter(|place| !is_common_word(place))
            .find_map(|place| place.attributes.get("iso").map(String::as_str))
    }

    /// An organisation of one country named right before another country's nationality adjective is a
    /// namesake the gazetteer does not know (الجزيرة الإماراتي is the Emirati club, not the Qatari
    /// channel; هيئة الطيران المدني البريطانية the British authority, not the Saudi one): its mention is
    /// dropped rather than linked to the wrong body. An adjective that cannot agree with a feminine head
    /// (قناة الجزيرة السوري فيصل القاسم) describes someone else and decides nothing; organisations
    /// without a `country` (ministries, international bodies) are left as they are.
    fn drop_other_countries_namesakes(&self, text: &str, mentions: &mut Vec<Mention>) {
        mentions.retain(|mention| {
            mention.kind != EntityKind::Organization
                || self
                    .nationality_after(text, mention)
                    .is_none_or(|(own, adjective, country)| {
                        own.eq_ignore_ascii_case(country)
                            || !agrees_with_head(head_of(text, mention.span), adjective)
                    })
        });
    }

    /// A city named right before the masculine nationality adjective of its own country is a team named
    /// after it (برشلونة الإسباني، روما الإيطالي): a city takes the feminine (برشلونة الإسبانية). Its
    /// mention is dropped rather than linked to the city (the context rules read the club there when
    /// the gazetteer knows it). Only names of one word without the article: some places are masculine
    /// (الجولان السوري، سد النهضة الإثيوبي); nor after a masculine head noun, whose adjective it is
    /// (منتجع سوتشي الروسي، خام تكساس الأمريكي).
    fn drop_teams_named_after_cities(&self, text: &str, mentions: &mut Vec<Mention>) {
        mentions.retain(|mention| {
            if mention.kind != EntityKind::Location {
                return true;
            }
            let Some((own, adjective, country)) = self.nationality_after(text, mention) else {
                return true;
            };
            let name = &text[mention.span];
            let masculine = !(adjective.ends_with('ة') || adjective.ends_with('ه'));
            name.starts_with("ال")
                || name.contains(char::is_whitespace)
                || head_of(text, mention.span)
                    .is_some_and(|head| MASCULINE_PLACE_HEADS.contains(&head))
                || !(masculine && own.eq_ignore_ascii_case(country))
        });
    }

    /// For a mention whose entity's data gives a `country`, right before a nationality adjective: that
    /// country, the adjective and the adjective's country (an ISO code, in the case the data writes it).
    fn nationality_after<'a>(
        &'a self,
        text: &'a str,
        mention: &Mention,
    ) -> Option<(&'a str, &'a str, &'a str)> {
        // The adjective first: most names have none after them.
        let (_, adjective) = definite_word_after(text, mention.span.end)?;
        let own = self.entity(mention.entity).attributes.get("country")?;
        let country = self.nationality(adjective)?;
        Some((own, adjective, country))
    }

    /// Drops the mentions that the entity's data marks as readings of other words, which the normaliser
    /// or the proclitics made the same (`data/README.md`):
    /// - `spelling=exact`: a one-word name spelled as none of the entity's names, diacritics aside, nor
    ///   as one without the article's alef that the لل contraction drops (أودى بحياة "took the life of"
    ///   is not Audi's أودي, مرسى دبي "Dubai Marina" not Morsi's مرسي, وأم "and mother of" not وام);
    /// - `not_glued_to=P|…`: a one-word name glued to one of these proclitic letters (the last of its
    ///   proclitics), which together spell another word: للحج is "for the Hajj" (ل + الحج) far more often
    ///   than "to Lahij", كسبها "earned it" rather than ك + Sabha;
    /// - `not_before=W|…`: the name right before one of these words, with which it makes a common phrase
    ///   (النيل من "to harm", not the Nile);
    /// - `not_after=W|…`: the name right after one of these words (with proclitics or not), which makes
    ///   it part of another name (سوق عكاظ, the festival, is not the newspaper عكاظ).
    ///
    /// Of the first two, once the entity is named otherwise, its further mentions stay: a text that writes
    /// محمد مرسى writes مرسى for him after it. Returns where the dropped mentions were, proclitics
    /// included.
    fn drop_homographs(&self, text: &str, mentions: &mut Vec<Mention>) -> Vec<Span> {
        let mut named: Vec<EntityId> = Vec::new();
        let mut dropped = Vec::new();
        mentions.retain(|mention| {
            let keep = self.keeps_its_reading(text, mention, &mut named);
            if !keep {
                dropped.push(
                    mention
                        .proclitic
                        .map_or(mention.span, |p| p.cover(mention.span)),
                );
            }
            keep
        });
        dropped
    }

    /// Whether `mention` is read as its entity by the guards of [`Gazetteer::drop_homographs`]; `named`
    /// collects the guarded entities the text has named so far.
    fn keeps_its_reading(&self, text: &str, mention: &Mention, named: &mut Vec<EntityId>) -> bool {
        if !self.inner.guarded[mention.entity.index()] {
            return true;
        }
        let entity = self.entity(mention.entity);
        let attribute = |key: &str| entity.attributes.get(key).map(String::as_str);
        if attribute("not_before").is_some_and(|words| {
            word_after(text, mention.span.end)
                .is_some_and(|(_, next)| words.split('|').any(|word| word == next))
        }) {
            return false;
        }
        let start = mention.proclitic.map_or(mention.span.start, |p| p.start);
        if attribute("not_after").is_some_and(|words| {
            word_before(text, start).is_some_and(|previous| {
                words.split('|').any(|word| {
                    previous
                        .strip_suffix(word)
                        .is_some_and(clitics::is_proclitic_prefix)
                })
            })
        }) {
            return false;
        }
        let one_word = !text[mention.span].contains(char::is_whitespace);
        let misspelled = one_word && attribute("spelling") == Some("exact") && {
            let written: String = text[mention.span]
                .chars()
                .filter(|&ch| ch != '\u{0640}' && !khabar_tokenize::is_arabic_diacritic(ch))
                .collect();
            !entity
                .names()
                .any(|name| name == written || name.strip_prefix('ا') == Some(&written))
        };
        let glued = one_word
            && attribute("not_glued_to").is_some_and(|letters| {
                mention.proclitic.is_some_and(|proclitic| {
                    letters
                        .split('|')
                        .any(|letter| text[proclitic].ends_with(letter))
                })
            });
        if (misspelled || glued) && !named.contains(&mention.entity) {
            return false;
        }
        if attribute("spelling").is_some() || attribute("not_glued_to").is_some() {
            named.push(mention.entity);
        }
        true
    }

    /// Adds the nisba adjectives that no name already covers.
    fn add_nisba(&self, set: &PatternSet, candidates: Vec<Candidate>, mentions: &mut Vec<Mention>) {
        let taken: Vec<Span> = mentions
            .iter()
            .map(|m| m.proclitic.map_or(m.span, |p| p.cover(m.span)))
            .collect();
        let before = mentions.len();
        for c in select_longest(candidates) {
            let mention = self.mention(&c, set.entries(&c), MatchSource::Nisba);
            if !taken.iter().any(|t| t.overlaps(mention.span)) {
                mentions.push(mention);
            }
        }
        if mentions.len() > before {
            mentions.sort_by_key(|m| m.span.start);
        }
    }

    fn mention(&self, c: &Candidate, entries: &[Entry], source: MatchSource) -> Mention {
        let first = entries[0];
        Mention {
            span: c.span,
            proclitic: c.proclitic,
            entity: first.entity,
            kind: self.entity(first.entity).kind,
            alias: first.alias,
            also: entries[1..].iter().map(|e| e.entity).collect(),
            source,
        }
    }

    /// Links later family names of people whose multi-word name matched: after محمد شياع السوداني, a
    /// bare السوداني refers to the same person. `hits` are the family names the matcher saw;
    /// `other_words`, where the guards read another word (نصيب الأسد "the lion's share"), take none.
    fn add_short_names(
        &self,
        chosen: &[Candidate],
        hits: Vec<Candidate>,
        other_words: &[Span],
        mentions: &mut Vec<Mention>,
    ) {
        // The people each family name stands for, in text order, each once; and where each person's
        // full name first ends. Hash lookups, not scans: a long text names thousands of people.
        let mut short: HashMap<u32, Vec<Entry>> = HashMap::new();
        let mut seen: HashSet<(u32, EntityId)> = HashSet::new();
        let mut first_end: HashMap<EntityId, usize> = HashMap::new();
        for (candidate, mention) in chosen.iter().zip(mentions.iter()) {
            if mention.kind != EntityKind::Person {
                continue;
            }
            let Some(family) = candidate.family() else {
                continue;
            };
            if seen.insert((family, mention.entity)) {
                short.entry(family).or_default().push(Entry {
                    entity: mention.entity,
                    alias: mention.alias,
                });
                first_end.entry(mention.entity).or_insert(candidate.norm[2]);
            }
        }
        if short.is_empty() {
            return;
        }
        let hits: Vec<Candidate> = hits
            .into_iter()
            .filter(|hit| hit.nisba_after_noun.is_none() && short.contains_key(&hit.family_hit()))
            .collect();
        // Everything already found, proclitics included, by start: the spans are disjoint, so the one
        // starting last before a new span's end is the only one that can overlap it.
        let mut taken: BTreeMap<usize, Span> = mentions
            .iter()
            .map(|m| m.proclitic.map_or(m.span, |p| p.cover(m.span)))
            .chain(other_words.iter().copied())
            .map(|s| (s.start, s))
            .collect();
        for hit in select_longest(hits) {
            // Only the people whose full name came earlier: a family name shared by several people
            // refers to one of those already named, never to one named later.
            let named: Vec<Entry> = short[&hit.family_hit()]
                .iter()
                .filter(|entry| {
                    first_end
                        .get(&entry.entity)
                        .is_some_and(|&end| end <= hit.norm[0])
                })
                .copied()
                .collect();
            if named.is_empty() {
                continue;
            }
            let mention = self.mention(&hit, &named, MatchSource::ShortName);
            let whole = mention
                .proclitic
                .map_or(mention.span, |p| p.cover(mention.span));
            let clashes = taken
                .range(..whole.end)
                .next_back()
                .is_some_and(|(_, t)| t.overlaps(whole));
            if !clashes {
                taken.insert(whole.start, whole);
                mentions.push(mention);
            }
        }
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// The normaliser whose switches print as `debug` (`NormalizerBuilder { tatweel: true, … }`), if every
/// switch is known and the rebuilt normaliser prints the same.
fn normalizer_from_debug(debug: &str) -> Option<Normalizer> {
    let fields = debug
        .strip_prefix("NormalizerBuilder {")?
        .strip_suffix('}')?;
    let mut builder = Normalizer::builder();
    for field in fields.split(',').map(str::trim).filter(|f| !f.is_empty()) {
        let (name, value) = field.split_once(':')?;
        let yes: bool = value.trim().parse().ok()?;
        let set = match name.trim() {
            "presentation_forms" => NormalizerBuilder::presentation_forms,
            "tatweel" => NormalizerBuilder::tatweel,
            "diacritics" => NormalizerBuilder::diacritics,
            "alef" => NormalizerBuilder::alef,
            "alef_maqsura" => NormalizerBuilder::alef_maqsura,
            "teh_marbuta" => NormalizerBuilder::teh_marbuta,
            "hamza_carriers" => NormalizerBuilder::hamza_carriers,
            "persian_letters" => NormalizerBuilder::persian_letters,
            "digits" => NormalizerBuilder::digits,
            "invisible" => NormalizerBuilder::invisible,
            "spaces" => NormalizerBuilder::spaces,
            "collapse_whitespace" => NormalizerBuilder::collapse_whitespace,
            "quotes" => NormalizerBuilder::quotes,
            _ => return None,
        };
        set(&mut builder, yes);
    }
    let mut check = String::new();
    write!(check, "{builder:?}").ok()?;
    (check == debug).then(|| builder.build())
}

/// The nisba adjectives of the entities with a `nisba` attribute, in every gender, number and with or
/// without the article: عراقي → عراقي، عراقية، عراقيون، عراقيين، عراقيات، العراقي …
fn nisba_set(
    entities: &[Entity],
    normalizer: &Normalizer,
    scanner: &Scanner,
) -> Result<PatternSet, Error> {
    let mut forms: Vec<(String, Entry)> = Vec::new();
    for (index, entity) in entities.iter().enumerate() {
        let Some(base) = entity.attributes.get("nisba") else {
            continue;
        };
        let base = normalizer.normalize_str(base.trim());
        if base.chars().count() < 3 {
            continue;
        }
        let entry = Entry {
            entity: EntityId(index as u32),
            alias: 0,
        };
        for ending in ["", "ة", "ه", "ون", "ين", "ات"] {
            forms.push((format!("{base}{ending}"), entry));
            forms.push((format!("ال{base}{ending}"), entry));
        }
    }
    PatternSet::new(
        forms.iter().map(|(form, entry)| (form.as_str(), *entry)),
        scanner,
        |_| false,
    )
}

/// Normalised Arabic function words. A one-word name equal to one of them (علي, which على becomes once ى
/// is folded; امام, which is also أمام "in front of") is matched only inside longer names.
const FUNCTION_WORDS: &[&str] = &[
    "علي", "الي", "امام", "حتي", "لدي", "سوي", "متي", "مني", "عن", "من", "في", "مع", "ان", "او",
    "ما", "لا", "كل", "بعد", "قبل", "بين", "عند", "منذ", "ضد", "عبر", "غير", "دون", "نحو", "هذا",
    "هذه", "ذلك", "التي", "الذي",
];

/// The definite word one space after byte `end` of `text`, with where it starts, if one is there: the
/// adjective a name may take. Read from the bytes, since most names are followed by nothing of the kind.
fn definite_word_after(text: &str, end: usize) -> Option<(usize, &str)> {
    // The article tested before the word is measured: most names have none after them.
    text.get(end..)?.strip_prefix(" ال")?;
    word_after(text, end)
}

/// The word of Arabic letters one space after byte `end` of `text`, with where it starts, if one is
/// there.
fn word_after(text: &str, end: usize) -> Option<(usize, &str)> {
    let next = text.get(end..)?.strip_prefix(' ')?;
    let word_end = next
        .find(|c: char| !khabar_tokenize::chars::is_arabic_letter(c))
        .unwrap_or(next.len());
    (word_end > 0).then(|| (end + 1, &next[..word_end]))
}

/// Masculine nouns news puts before a place's name (منتجع سوسة، خليج غوانتانامو، إقليم كردستان، مؤتمر
/// ميونيخ): a masculine adjective after the name is theirs.
const MASCULINE_PLACE_HEADS: &[&str] = &[
    "منتجع",
    "خليج",
    "سوق",
    "خام",
    "إقليم",
    "اقليم",
    "ميناء",
    "مطار",
    "جيب",
    "سجن",
    "معتقل",
    "مضيق",
    "بحر",
    "نهر",
    "جبل",
    "وادي",
    "قطاع",
    "ريف",
    "مؤتمر",
    "اتفاق",
    "معرض",
    "مهرجان",
];

/// The head noun of the name at `span` of `text`: its first word, or for a name of one word the word
/// right before it (قناة in قناة الجزيرة), if there is one.
fn head_of(text: &str, span: Span) -> Option<&str> {
    match text[span].split_once(' ') {
        Some((first, _)) => Some(first),
        None => word_before(text, span.start),
    }
}

/// The word of Arabic letters one space before byte `start` of `text`, if one is there.
fn word_before(text: &str, start: usize) -> Option<&str> {
    text[..start]
        .strip_suffix(' ')?
        .rsplit(|c: char| !khabar_tokenize::chars::is_arabic_letter(c))
        .next()
        .filter(|word| !word.is_empty())
}

/// Whether `adjective` can qualify a name with the head noun `head`: a head ending in ة (قناة، هيئة) is
/// feminine and takes only a feminine adjective.
fn agrees_with_head(head: Option<&str>, adjective: &str) -> bool {
    let feminine = |word: &str| word.ends_with('ة') || word.ends_with('ه');
    !head.is_some_and(|head| head.ends_with('ة')) || feminine(adjective)
}

/// The definite feminine adjective right after byte `end` of `text`, if one is there (القاعدة الجوية،
/// الجزيرة القطرية).
fn definite_feminine_adjective_after(text: &str, end: usize) -> Option<&str> {
    let (_, word) = definite_word_after(text, end)?;
    (word.chars().count() >= 5 && (word.ends_with("ية") || word.ends_with("يه"))).then_some(word)
}

/// Whether the name of `entity` numbered `alias` is one word with the article that the data marks as a
/// common word too (`ambiguous=common-word`: القاعدة "the base", الجزيرة "the island"): with a definite
/// feminine adjective after it, it is that common noun, not the organisation or the place.
fn is_common_word_reading(entity: &Entity, alias: u32) -> bool {
    is_common_word(entity)
        && entity
            .names()
            .nth(alias as usize)
            .is_some_and(|name| name.starts_with("ال") && !name.contains(' '))
}

/// Whether the data marks a name of `entity` as a frequent ordinary word too (`ambiguous=common-word`).
fn is_common_word(entity: &Entity) -> bool {
    entity.attributes.get("ambiguous").map(String::as_str) == Some("common-word")
}

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<crate::Gazetteer>();
        assert_send_sync::<crate::GazetteerBuilder>();
        assert_send_sync::<crate::Mention>();
        assert_send_sync::<crate::Error>();
    }
}
