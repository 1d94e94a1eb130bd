//! The fuzz targets' invariants (`fuzz/src/lib.rs`, compiled in here) driven on stable Rust: by
//! proptest on text weighted towards what breaks Arabic pipelines, by the lines of the seed article, and
//! by the inputs the fuzzer once failed on (regressions).

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod invariants;

use invariants::*;
use proptest::prelude::*;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// One character, weighted towards letters, marks, tatweel, quotes, clitic letters, invisible controls
/// and odd whitespace.
fn weighted_char() -> impl Strategy<Value = char> {
    prop_oneof![
        30 => prop::char::range('\u{0621}', '\u{064A}'),
        8 => prop::sample::select(vec!['و', 'ف', 'ب', 'ل', 'ك', 'ا', 'ل']),
        6 => prop::char::range('\u{064B}', '\u{0652}'),
        2 => Just('\u{0640}'),
        10 => Just(' '),
        2 => prop::sample::select(vec!['\n', '\r', '\t', '\u{00A0}', '\u{2029}', '\u{3000}']),
        2 => prop::sample::select(vec!['\0', '\u{7F}', '\u{85}', '\u{1B}']),
        3 => prop::sample::select(vec![
            '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}',
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
        ]),
        4 => prop::sample::select(vec!['"', '\'', '«', '»', '“', '”', ':', '.', '،', '؟', '!']),
        2 => prop::sample::select(vec!['0', '٣', '۴', '٫', '-', '/', '#', '@']),
        2 => prop::char::range('\u{FB50}', '\u{FEFC}'),
        1 => prop::char::range('a', 'z'),
        2 => any::<char>(),
    ]
}

fn weighted_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(weighted_char(), 0..max).prop_map(String::from_iter)
}

/// Real words, cues, names and clitic-glued forms, joined by spaces or glued.
fn news_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "قال",
        "وقال",
        "أكد",
        "وأكدت",
        "مضيفا",
        "وفق",
        "بحسب",
        "نقلا عن",
        "أن",
        "إن",
        ":",
        "«",
        "»",
        "\"",
        "مصدر",
        "سياسي",
        "وزير",
        "الخارجية",
        "العراق",
        "والعراق",
        "للعراق",
        "بغداد",
        "إيران",
        "الناتو",
        "محمد",
        "شياع",
        "السوداني",
        "للسوداني",
        "الأمم المتحدة",
        "وكالة",
        "شفق نيوز",
        "بيان",
        "في",
        "على",
        "إلى",
        ".",
        "،",
        "\n",
        "\r\n",
        "\u{200F}",
        "\u{0640}",
        "\u{064E}",
    ]);
    let sep = prop::sample::select(vec![" ", " ", " ", "", "  ", "\n"]);
    prop::collection::vec((words, sep), 0..40)
        .prop_map(|parts| parts.into_iter().flat_map(|(w, s)| [w, s]).collect())
}

/// Gazetteer fuzz input: a count byte, names (with aliases) from the vocabulary, then the text.
fn gazetteer_input() -> impl Strategy<Value = Vec<u8>> {
    let name = prop::sample::select(vec![
        "العراق",
        "بغداد",
        "إيران|ايران",
        "الأمم المتحدة",
        "محمد شياع السوداني|السوداني",
        "حلف شمال الأطلسي|الناتو",
        "ولاية جورجيا|جورجيا",
        "\u{064E}",
        "  ",
        "بـغداد",
        "كتائب «سيد الشهداء»",
        "وزير الخارجية",
        "NATO",
    ]);
    (
        any::<u8>(),
        prop::collection::vec(name, 1..6),
        prop_oneof![news_text(), weighted_text(60)],
    )
        .prop_map(|(n, names, text)| {
            let mut out = vec![n];
            for name in &names {
                out.extend_from_slice(name.as_bytes());
                out.push(b'\n');
            }
            out.extend_from_slice(text.as_bytes());
            out
        })
}

/// Gazetteer file fuzz input: TSV- and JSON-shaped lines, some broken.
fn loader_input() -> impl Strategy<Value = String> {
    let line = prop::sample::select(vec![
        "loc:iq\tLOC\tالعراق",
        "loc:iq\tLOC\tالعراق\tالعراق|عراق\ten=Iraq;wikidata=Q796",
        "org:un\tORG\tالأمم المتحدة\t\t",
        "x\tPLACE\tمكان",
        "y\tPER",
        "z\tPER\t\u{064B}\u{064C}",
        "a\tMISC\tشيء\t\u{0640}",
        "b\tLOC\tمكان\t\tnokey",
        "# comment",
        "",
        "   ",
        "\u{FEFF}c\tLOC\tبغداد",
        "{\"id\": \"j1\", \"kind\": \"LOC\", \"name\": \"العراق\"}",
        "{\"id\": \"j2\", \"kind\": \"ORG\", \"name\": \"الناتو\", \"aliases\": [\"\"]}",
        "{\"id\": \"j3\", \"kind\": \"LOC\" \"name\": \"x\"}",
        "{\"id\": \"j4\", \"kind\": \"PER\", \"name\": \"علي\", \"attributes\": {\"en\": \"Ali\"}}",
        "[]",
        "\r",
    ]);
    let end = prop::sample::select(vec!["\n", "\r\n", "\r", "\n\n"]);
    prop::collection::vec((line, end), 0..12)
        .prop_map(|lines| lines.into_iter().flat_map(|(l, e)| [l, e]).collect())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn normalize(bits in any::<u16>(), text in prop_oneof![weighted_text(80), news_text()]) {
        let mut data = bits.to_le_bytes().to_vec();
        data.extend_from_slice(text.as_bytes());
        check_normalize(&data);
    }

    #[test]
    fn normalize_bytes(data in prop::collection::vec(any::<u8>(), 0..64)) {
        check_normalize(&data);
    }

    #[test]
    fn tokenize(text in prop_oneof![weighted_text(80), news_text()]) {
        check_tokenize(text.as_bytes());
    }

    #[test]
    fn gazetteer(data in gazetteer_input()) {
        check_gazetteer(&data);
    }

    #[test]
    fn loaders(text in loader_input()) {
        check_loaders(text.as_bytes());
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn attribution(text in prop_oneof![news_text(), weighted_text(80)]) {
        check_attribution(text.as_bytes());
    }

    #[test]
    fn analyzer(text in prop_oneof![news_text(), weighted_text(80)]) {
        check_analyzer(text.as_bytes());
    }
}

/// Every line of the seed article through every target (the fuzzers' seeds are built the same way).
#[test]
fn seed_article_lines() {
    let Ok(article) = std::fs::read_to_string("../shared/seed/article.txt") else {
        eprintln!("../shared/seed/article.txt not found: skipped");
        return;
    };
    for line in article.lines().filter(|l| !l.trim().is_empty()) {
        check_tokenize(line.as_bytes());
        check_attribution(line.as_bytes());
        check_analyzer(line.as_bytes());
        let mut data = vec![0xFF, 0x1F];
        data.extend_from_slice(line.as_bytes());
        check_normalize(&data);
        let words: Vec<&str> = line.split(' ').collect();
        if words.len() > 4 {
            let gazetteer = format!("\u{1}{} {}\n{}\n{line}", words[1], words[2], words[4]);
            check_gazetteer(gazetteer.as_bytes());
        }
    }
    check_analyzer(article.as_bytes());
}

// Inputs the fuzzers failed on, reduced by hand (the originals were built from corpus text, which is not
// committed). Each one once showed an invariant stated too strongly against the documented behaviour;
// they stay here so the checks keep covering the edge.

/// Whitespace collapsing removes the second and later spaces of a run: a span starting there is a
/// span starting at a removed character, exempt from the round trip (normaliser `all on`).
#[test]
fn regression_collapsed_whitespace_round_trip() {
    check_normalize("\u{FF}\u{1F}في يوليو   إلى 263 مليون".as_bytes());
    check_normalize(&[&[0xFF, 0x1F][..], "a   b".as_bytes()].concat());
}

/// With `invisible(false)` an ALM (U+061C) stays in the normalised text, and `to_original` keeps it at
/// the ends of mapped spans (it trims invisible characters only when the fold removed them).
#[test]
fn regression_kept_invisible_at_span_edges() {
    let mut data = vec![0x05, 0x00];
    data.extend_from_slice("\0\0 \u{061C}\u{FFFD}ي الطابق \u{061C}".as_bytes());
    check_normalize(&data);
}

/// A name that starts with a diacritic is matched without it.
#[test]
fn regression_name_starting_with_a_mark() {
    check_gazetteer("\u{1}\u{064E}دعو لتعزيز\nمع|ومع\nالسوداني يدعو لتعزيز التعاون".as_bytes());
}

/// A verb-first report whose source runs to a colon across a second cue verb (دعا): the attribution of
/// that verb then gets a source holding the first cue, or, in the fuzzed original, continues the first
/// one and inherits a source that overlaps its own cue. Only an inherited source may overlap its cue.
#[test]
fn regression_inherited_source_across_a_cue() {
    let text = "وقال بيان مكتب داود اوغلو والمرشدي دعا الى اجتماع لكبار الوزراء والمسؤولين الام: السبت في أنقرة";
    check_attribution(text.as_bytes());
    check_analyzer(text.as_bytes());
}

/// A presentation form whose compatibility decomposition is a space and a removable mark (ﹰ) vanishes
/// entirely: the oracle must count it as removed, like a dropped mark.
#[test]
fn regression_presentation_form_that_vanishes() {
    let mut data = vec![0x00, 0x00];
    data.extend_from_slice("\u{FE70}".as_bytes());
    check_normalize(&data);
}

/// A proclitic written inside one presentation-form ligature with the name has no span of its own, so
/// the mention reports none rather than an empty one.
#[test]
fn regression_proclitic_inside_a_ligature() {
    // ﰰ is the ligature فم: its ف is a proclitic of the name مآلي, inside one original character.
    let mut data = vec![0x00];
    data.extend_from_slice("مآلى\n\u{FC30}آلى\u{64B}".as_bytes());
    check_gazetteer(&data);
}
