//! Properties checked on random text: the gazetteer agrees with a naive reference matcher written here
//! (slow and obvious), its spans are always valid, and it never panics.
//!
//! The texts are built from a small vocabulary of names (and spelling variants of them), proclitics,
//! other words and word endings, spaces, diacritics and punctuation, glued together without separators
//! so that names meet proclitics, suffixes and each other in every way.

use std::sync::OnceLock;

use khabar_gazetteer::{Entity, EntityKind, Gazetteer, MatchSource, Mention};
use khabar_tokenize::{NormalizedText, Span};
use proptest::prelude::*;

/// `cases` cases, or as many as `PROPTEST_CASES` says (for long runs by hand).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Names of the reference gazetteer: overlapping, nested, sharing prefixes and suffixes, ambiguous
/// (جورجيا twice), with the article (contracted forms), starting with ل, quoted, multi-word, Latin.
const NAMES: &[(&str, &[&str])] = &[
    ("العراق", &[]),
    ("بغداد", &[]),
    ("إيران", &["ايران"]),
    ("الولايات المتحدة", &["أمريكا"]),
    ("الأمم المتحدة", &[]),
    ("المتحدة", &[]),
    ("حلف", &[]),
    ("حلف شمال الأطلسي", &["الناتو", "ناتو", "حلف الناتو"]),
    ("الأطلسي", &[]),
    ("كتائب \"سيد الشهداء\"", &[]),
    ("لبنان", &[]),
    ("جورجيا", &[]),
    ("ولاية جورجيا", &["جورجيا"]),
    ("موسى", &[]),
    ("NATO", &["Nato"]),
    ("مجموعة 20", &[]),
    // Same length, overlapping in قيادة الأمن العام: the leftmost wins.
    ("قيادة الأمن", &[]),
    ("الأمن العام", &[]),
    // Shaped like a feminine nisba: after a definite noun (الحدود السعودية) it is the adjective.
    ("السعودية", &[]),
];

fn entities() -> Vec<Entity> {
    NAMES
        .iter()
        .enumerate()
        .map(|(i, (name, aliases))| {
            Entity::new(format!("e{i}"), EntityKind::Location, *name)
                .with_aliases(aliases.iter().copied())
        })
        .collect()
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut b = Gazetteer::builder();
        for e in entities() {
            b.add(e).unwrap();
        }
        b.build().unwrap()
    })
}

/// The same names plus people, so that family names (short names) are searched too.
fn gazetteer_with_people() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut b = Gazetteer::builder();
        for e in entities() {
            b.add(e).unwrap();
        }
        b.add(Entity::new("p1", EntityKind::Person, "محمد شياع السوداني"))
            .unwrap();
        b.add(Entity::new("p2", EntityKind::Person, "علي السوداني"))
            .unwrap();
        b.add(Entity::new("p3", EntityKind::Person, "رجب طيب أردوغان").with_aliases(["أردوغان"]))
            .unwrap();
        b.build().unwrap()
    })
}

// ---------------------------------------------------------------------------------------------------
// The naive reference matcher.

/// One mention as the reference finds it, in normalised coordinates.
#[derive(Clone, Debug)]
struct Naive {
    prefix_start: usize,
    start: usize,
    end: usize,
    /// Whether the name was read in its contracted form (للعراق).
    contracted: bool,
    /// The ids of every entity the matched name stands for, sorted.
    ids: Vec<String>,
}

fn is_arabic_letter_or_mark(c: char) -> bool {
    khabar_tokenize::chars::is_arabic_letter(c) || khabar_tokenize::chars::is_arabic_word_mark(c)
}

/// The proclitics allowed in front of a name: و ف ب ل ك, and و or ف followed by ب ل ك.
fn is_proclitic(prefix: &str) -> bool {
    const ONE: [&str; 5] = ["و", "ف", "ب", "ل", "ك"];
    const TWO: [&str; 6] = ["وب", "ول", "وك", "فب", "فل", "فك"];
    prefix.is_empty() || ONE.contains(&prefix) || TWO.contains(&prefix)
}

/// A name with the article, written after the preposition ل, loses the article's alef: العراق → لعراق.
/// Only for names whose first word has at least two letters after ال.
fn contracted(name: &str) -> Option<String> {
    let rest = name.strip_prefix("ال")?;
    let letters = rest
        .chars()
        .take_while(|&c| khabar_tokenize::chars::is_arabic_letter(c))
        .count();
    (letters >= 2).then(|| format!("ل{rest}"))
}

/// Every start offset of `needle` in `haystack`, overlapping occurrences included, ignoring ASCII case.
fn occurrences(haystack: &str, needle: &str) -> Vec<usize> {
    let haystack = haystack.to_ascii_lowercase();
    let needle = needle.to_ascii_lowercase();
    (0..haystack.len())
        .filter(|&i| haystack.is_char_boundary(i) && haystack[i..].starts_with(&needle))
        .collect()
}

fn naive_find(g: &Gazetteer, normalized: &NormalizedText<'_>) -> Vec<Naive> {
    let norm = normalized.as_str();
    // (pattern, contracted?, entity id)
    let mut patterns: Vec<(String, bool, String)> = Vec::new();
    for entity in g.entities() {
        for name in entity.names() {
            let name = g.normalizer().normalize_str(name.trim()).trim().to_string();
            if let Some(c) = contracted(&name) {
                patterns.push((c, true, entity.id.clone()));
            }
            patterns.push((name, false, entity.id.clone()));
        }
    }
    let mut candidates: Vec<Naive> = Vec::new();
    for (pattern, is_contracted, id) in &patterns {
        for start in occurrences(norm, pattern) {
            let end = start + pattern.len();
            // The name must end a word.
            if let Some(next) = norm[end..].chars().next() {
                if next.is_alphanumeric() || khabar_tokenize::chars::is_arabic_word_mark(next) {
                    continue;
                }
            }
            // Whatever Arabic is glued in front must be a proclitic stack, and nothing else may be
            // glued in front of that.
            let before = &norm[..start];
            let glued: usize = before
                .chars()
                .rev()
                .take_while(|&c| is_arabic_letter_or_mark(c))
                .map(char::len_utf8)
                .sum();
            let prefix_start = start - glued;
            if norm[..prefix_start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let prefix = &norm[prefix_start..start];
            if !is_proclitic(prefix) || (*is_contracted && !prefix.ends_with('ل')) {
                continue;
            }
            // One candidate per span and reading (plain or contracted); merge the ids of ambiguous names.
            let same = candidates
                .iter_mut()
                .find(|c| (c.start, c.end, c.contracted) == (start, end, *is_contracted));
            match same {
                Some(c) => {
                    if !c.ids.contains(id) {
                        c.ids.push(id.clone());
                        c.ids.sort();
                    }
                }
                None => candidates.push(Naive {
                    prefix_start,
                    start,
                    end,
                    contracted: *is_contracted,
                    ids: vec![id.clone()],
                }),
            }
        }
    }
    // Longest first, then leftmost; keep what does not overlap (proclitics included) what is kept.
    candidates.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.start, c.contracted));
    let mut chosen: Vec<Naive> = Vec::new();
    for c in candidates {
        if chosen
            .iter()
            .all(|k| k.end <= c.prefix_start || c.end <= k.prefix_start)
        {
            chosen.push(c);
        }
    }
    chosen.sort_by_key(|c| c.start);
    chosen.retain(|c| !nisba_adjective(g, norm, c));
    chosen
}

/// A place named like a feminine nisba (ال…ية), with no proclitic, right after a definite noun of the
/// vocabulary (ال, with proclitics or not, and three letters or more, not the place word منطقة): the
/// adjective, not the place.
fn nisba_adjective(g: &Gazetteer, norm: &str, c: &Naive) -> bool {
    let name = &norm[c.start..c.end];
    let place = c.ids.iter().any(|id| {
        g.entities()
            .iter()
            .any(|e| &e.id == id && e.kind == EntityKind::Location)
    });
    let before = norm[..c.prefix_start].trim_end_matches(char::is_whitespace);
    let gap_is_space = before.len() < c.prefix_start;
    let previous: String = before
        .chars()
        .rev()
        .take_while(|&c| c.is_alphanumeric() || khabar_tokenize::chars::is_arabic_word_mark(c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // The article, after a conjunction and a preposition or not, or the preposition ل with the
    // article written ل (الحدود، والحدود، بالحدود، للحدود، وللحدود).
    let mut noun = None;
    for conjunction in ["", "و", "ف"] {
        for head in ["ال", "بال", "كال", "لل"] {
            let prefix = format!("{conjunction}{head}");
            if noun.is_none() && previous.starts_with(&prefix) {
                noun = Some(previous[prefix.len()..].to_string());
            }
        }
    }
    let definite = noun.is_some_and(|noun| noun.chars().count() >= 3 && noun != "منطقة");
    place
        && c.prefix_start == c.start
        && name.starts_with("ال")
        && (name.ends_with("ية") || name.ends_with("يه"))
        && gap_is_space
        && definite
}

/// What the gazetteer finds, in the reference's terms: (original proclitic+name span, name span, ids).
fn actual(g: &Gazetteer, text: &str) -> Vec<(Option<Span>, Span, Vec<String>)> {
    g.find(text)
        .iter()
        .filter(|m| m.source == MatchSource::Name)
        .map(|m| (m.proclitic, m.span, ids(g, m)))
        .collect()
}

fn ids(g: &Gazetteer, m: &Mention) -> Vec<String> {
    let mut ids: Vec<String> = std::iter::once(m.entity)
        .chain(m.also.iter().copied())
        .map(|e| g.entity(e).id.clone())
        .collect();
    ids.sort();
    ids
}

fn expected(g: &Gazetteer, text: &str) -> Vec<(Option<Span>, Span, Vec<String>)> {
    let normalized = g.normalizer().normalize(text);
    naive_find(g, &normalized)
        .into_iter()
        .map(|n| {
            let span = normalized.to_original(Span::new(n.start, n.end));
            // A proclitic written inside one presentation-form ligature with the name (ﻻلناتو) has no
            // span of its own.
            let proclitic = (n.prefix_start < n.start)
                .then(|| {
                    let p = normalized.to_original(Span::new(n.prefix_start, n.start));
                    Span::new(p.start, p.end.min(span.start))
                })
                .filter(|p| !p.is_empty());
            (proclitic, span, n.ids)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------------
// Random texts.

/// Pieces glued together to make a text: names as written and respelled, proclitics, other words,
/// suffixes that turn a name into a longer word, whitespace, marks and punctuation.
fn piece() -> impl Strategy<Value = &'static str> {
    let names: Vec<&'static str> = NAMES
        .iter()
        .flat_map(|(n, a)| std::iter::once(*n).chain(a.iter().copied()))
        .collect();
    prop_oneof![
        8 => prop::sample::select(names),
        3 => prop::sample::select(vec![
            "اِيران", "آيران", "الاطلسي", "الأطلسى", "بَغْدَادُ", "بغـــداد", "العِراق", "موسي", "nato",
            "حلف\u{00A0}شمال  الأطلسي", "حلف\nشمال الأطلسي", "كتائب «سيد الشهداء»", "مجموعة ٢٠",
            "الولايات\r\nالمتحدة", "ولاية جورجيا", "شمال الأطلسي", "قيادة الأمن العام",
            // Presentation forms: بغداد and لبنان as old encoders wrote them, a ligature of لا.
            "\u{FE91}\u{FED0}\u{FEAA}\u{FE8D}\u{FEA9}", "\u{FEDF}\u{FE92}\u{FEE8}\u{FE8E}\u{FEE5}", "\u{FEFB}",
        ]),
        // Names without their article, to meet ل and لل: للعراق, بلعراق.
        3 => prop::sample::select(vec!["عراق", "ولايات المتحدة", "أطلسي", "أمم المتحدة", "متحدة", "ناتو"]),
        6 => prop::sample::select(vec!["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "ال", "لل", "س", "وال", "بال"]),
        3 => prop::sample::select(vec!["في", "قال", "من", "مع", "شمال", "سيد", "دولة", "x", "ABC", "2", "العام", "قيادة", "الحدود", "المنطقة", "إلى"]),
        3 => prop::sample::select(vec!["ية", "يين", "ين", "ي", "ها", "ان", "s"]),
        8 => prop::sample::select(vec![" ", " ", " ", "  ", "\n", "\u{00A0}", "\t"]),
        2 => prop::sample::select(vec!["\u{064E}", "\u{0651}", "\u{0640}", "\u{200F}", "\u{200C}"]),
        3 => prop::sample::select(vec!["،", ".", "\"", "«", "»", "(", ")", "-", "'", "؟"]),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|pieces| pieces.concat())
}

/// Any character, weighted towards Arabic and what surrounds it in real text.
fn wild_char() -> impl Strategy<Value = char> {
    prop_oneof![
        20 => prop::char::range('\u{0621}', '\u{064A}'),
        4 => prop::char::range('\u{064B}', '\u{0652}'),
        2 => Just('\u{0640}'),
        6 => Just(' '),
        2 => prop::sample::select(vec!['\n', '\r', '\t', '\u{00A0}', '\u{2029}', '\u{0085}']),
        2 => prop::sample::select(vec!['\u{200E}', '\u{200F}', '\u{061C}', '\u{202B}', '\u{FEFF}', '\u{200D}']),
        2 => prop::sample::select(vec!['"', '\'', '«', '»', '“', '”']),
        2 => prop::sample::select(vec!['٢', '۲', '2', 'A', 'n']),
        2 => prop::char::range('\u{FB50}', '\u{FEFC}'),
        2 => any::<char>(),
    ]
}

/// Vocabulary pieces mixed with any characters: what the matcher must agree on even in odd text.
fn wild_text() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        3 => piece().prop_map(String::from),
        1 => wild_char().prop_map(String::from),
    ];
    prop::collection::vec(part, 0..32).prop_map(|parts| parts.concat())
}

fn check_spans(g: &Gazetteer, text: &str) -> Result<(), TestCaseError> {
    let mentions = g.find(text);
    let mut last_end = 0;
    for m in &mentions {
        let whole = m.proclitic.map_or(m.span, |p| p.cover(m.span));
        prop_assert!(
            m.span.end <= text.len() && m.span.start < m.span.end,
            "{m:?}"
        );
        prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        if let Some(p) = m.proclitic {
            prop_assert!(p.start < p.end && p.end <= m.span.start, "{m:?}");
            prop_assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
        }
        prop_assert!(
            whole.start >= last_end,
            "mentions overlap or are out of order: {mentions:?}"
        );
        last_end = whole.end;
        prop_assert!(m.entity.index() < g.len());
        prop_assert!(!m.also.contains(&m.entity));
        prop_assert!(g.entity(m.entity).names().nth(m.alias as usize).is_some());
        if m.source == MatchSource::ShortName {
            prop_assert_eq!(m.kind, EntityKind::Person);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn agrees_with_the_naive_matcher(text in text()) {
        let g = gazetteer();
        prop_assert_eq!(actual(g, &text), expected(g, &text), "text {:?}", text);
    }

    #[test]
    fn agrees_with_the_naive_matcher_on_wild_text(text in wild_text()) {
        let g = gazetteer();
        prop_assert_eq!(actual(g, &text), expected(g, &text), "text {:?}", text);
    }

    #[test]
    fn spans_are_valid_on_vocabulary_text(text in text()) {
        check_spans(gazetteer_with_people(), &text)?;
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn never_panics_on_arbitrary_strings(text in any::<String>()) {
        check_spans(gazetteer_with_people(), &text)?;
    }

    #[test]
    fn never_panics_on_arabic_weighted_strings(chars in prop::collection::vec(wild_char(), 0..200)) {
        let text: String = chars.into_iter().collect();
        check_spans(gazetteer_with_people(), &text)?;
        check_spans(&Gazetteer::default(), &text)?;
    }

    #[test]
    fn short_names_follow_a_full_name(text in text(), family in prop::sample::select(vec!["السوداني", "أردوغان"])) {
        let g = gazetteer_with_people();
        let text = format!("{text} {family} محمد شياع السوداني {text} {family}");
        let mentions = g.find(&text);
        for m in mentions.iter().filter(|m| m.source == MatchSource::ShortName) {
            let entity = g.entity(m.entity);
            let full = g.find(&text).into_iter().find(|f| f.entity == m.entity && f.source == MatchSource::Name);
            prop_assert!(full.is_some_and(|f| f.span.end <= m.span.start), "{} linked before its full name in {:?}", entity.id, text);
        }
    }
}

#[test]
fn the_naive_matcher_sees_the_tricky_cases() {
    let g = gazetteer();
    for text in [
        "حلف شمال الأطلسيين",
        "وللولايات المتحدة",
        "للبنان ولبنان",
        "وجورجيا",
        "NATO nato Nato",
        "كتائب «سيد الشهداء»ية",
        "ال العراق لالعراق",
        "قيادة الأمن العام",
        // Found by the property test on wild text: a proclitic inside a ligature with the name, and a
        // definite noun glued to a presentation-form symbol before a nisba-shaped place.
        "\u{FEFB}لناتو ",
        "\u{FBB2}الحدود السعودية",
        "",
    ] {
        assert_eq!(actual(g, text), expected(g, text), "{text:?}");
    }
    let text = "حلف شمال الأطلسيين";
    let found: Vec<&str> = g.find(text).iter().map(|m| &text[m.span]).collect();
    assert_eq!(found, ["حلف"]);
}
