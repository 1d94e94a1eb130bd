//! The compact JSON writer (`JsonAnalysis::write_compact`) against serde_json: the same bytes for
//! real articles in every offset unit, with and without tokens and ids, and for strings full of what
//! JSON escapes.

use khabar::{
    Analyzer, AttributionKind, CueKind, JsonAnalysis, JsonId, JsonMention, JsonSpan, OffsetUnit,
    SourceKind, TokenKind,
};
use proptest::prelude::*;

/// One analyzer for every case: building the embedded gazetteer takes a moment.
static ANALYZER: std::sync::LazyLock<Analyzer> = std::sync::LazyLock::new(Analyzer::new);

/// The development articles' texts, read in place from `../shared/dev/gold.jsonl`.
fn dev_texts() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/dev/gold.jsonl");
    let data = std::fs::read_to_string(path).expect("the development set is beside the project");
    data.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            value["text"].as_str().expect("a text field").to_string()
        })
        .collect()
}

fn compact(json: &JsonAnalysis<'_>) -> String {
    let mut out = Vec::new();
    json.write_compact(&mut out);
    String::from_utf8(out).expect("the writer writes UTF-8")
}

#[test]
fn real_articles_come_out_as_serde_json_writes_them() {
    let analyzer = &*ANALYZER;
    let texts = dev_texts();
    assert!(texts.len() >= 30, "{} development articles", texts.len());
    let mut attributions = 0;
    for (i, text) in texts.iter().enumerate() {
        let analysis = analyzer.analyze(text);
        attributions += analysis.attributions.len();
        for unit in [OffsetUnit::Char, OffsetUnit::Byte, OffsetUnit::Utf16] {
            for tokens in [false, true] {
                let mut json = analysis.to_json(analyzer, unit, tokens);
                json.id = match i % 3 {
                    0 => None,
                    1 => Some(JsonId::Text(format!("article \"{i}\"\n"))),
                    _ => Some(JsonId::Number(-(i as i64))),
                };
                let expected = serde_json::to_string(&json).expect("serialisable");
                assert_eq!(
                    compact(&json),
                    expected,
                    "article {i}, {unit:?}, tokens {tokens}"
                );
            }
        }
    }
    // The comparison covered attributions, not only mentions and sentences.
    assert!(attributions > 50, "{attributions} attributions");
}

/// Each value's `as_str` is its serde name.
fn assert_serde_names<T: serde::Serialize + Copy + std::fmt::Debug>(
    values: &[T],
    as_str: impl Fn(T) -> &'static str,
) {
    for &value in values {
        let serialized = serde_json::to_value(value).expect("serialisable");
        assert_eq!(Some(as_str(value)), serialized.as_str(), "{value:?}");
    }
}

#[test]
fn enum_names_are_the_serde_names() {
    assert_serde_names(
        &[OffsetUnit::Char, OffsetUnit::Byte, OffsetUnit::Utf16],
        OffsetUnit::as_str,
    );
    assert_serde_names(
        &[
            CueKind::Verb,
            CueKind::Participle,
            CueKind::AccordingTo,
            CueKind::Noun,
            CueKind::Colon,
        ],
        CueKind::as_str,
    );
    assert_serde_names(
        &[
            AttributionKind::Direct,
            AttributionKind::Indirect,
            AttributionKind::Mixed,
        ],
        AttributionKind::as_str,
    );
    assert_serde_names(
        &[
            SourceKind::Person,
            SourceKind::Organization,
            SourceKind::Media,
            SourceKind::Document,
            SourceKind::Anonymous,
            SourceKind::Group,
        ],
        SourceKind::as_str,
    );
    assert_serde_names(
        &[
            TokenKind::Arabic,
            TokenKind::Latin,
            TokenKind::OtherWord,
            TokenKind::Number,
            TokenKind::Punctuation,
            TokenKind::Quote,
            TokenKind::Symbol,
            TokenKind::Emoji,
            TokenKind::Url,
            TokenKind::Email,
            TokenKind::Hashtag,
            TokenKind::Mention,
        ],
        TokenKind::as_str,
    );
}

/// The JSON structs are public: a label or rule name set by hand that needs escapes is escaped too.
#[test]
fn hand_made_names_with_escapes_are_escaped() {
    let json = JsonAnalysis {
        id: None,
        offsets: OffsetUnit::Byte,
        mentions: vec![JsonMention {
            start: 0,
            end: 8,
            text: "الناتو",
            kind: "ORG \"alliance\"",
            entity: Some("org:nato\\1"),
            canonical: None,
            source: "rule\nwith a line break",
            proclitic: None,
            also: vec!["x\u{1}"],
        }],
        attributions: Vec::new(),
        sentences: Vec::new(),
        tokens: None,
    };
    let written = compact(&json);
    assert_eq!(written, serde_json::to_string(&json).unwrap());
    assert!(
        written.contains(r#""kind":"ORG \"alliance\"""#),
        "{written}"
    );
    assert!(
        written.contains(r#""source":"rule\nwith a line break""#),
        "{written}"
    );
}

/// Text weighted to what JSON escapes and to the bytes around the escape checks' thresholds.
fn escape_heavy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("\n".to_string()),
        "[\u{0}-\u{1F}]",
        "[\u{1F}-\u{23}\u{5B}-\u{5D}\u{7F}-\u{81}]",
        "[\u{0621}-\u{064A} ]{1,12}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn any_string_is_escaped_as_serde_json_escapes_it(text in escape_heavy_text()) {
        let json = JsonAnalysis {
            id: Some(JsonId::Text(text.clone())),
            offsets: OffsetUnit::Char,
            mentions: Vec::new(),
            attributions: Vec::new(),
            sentences: vec![JsonSpan { start: 0, end: text.len(), text: &text }],
            tokens: None,
        };
        prop_assert_eq!(compact(&json), serde_json::to_string(&json).unwrap());
    }

    #[test]
    fn any_analysed_text_comes_out_as_serde_json_writes_it(text in escape_heavy_text()) {
        let analysis = ANALYZER.analyze(&text);
        let json = analysis.to_json(&ANALYZER, OffsetUnit::Utf16, true);
        prop_assert_eq!(compact(&json), serde_json::to_string(&json).unwrap());
    }
}
