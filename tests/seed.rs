//! The seed article end to end: every gold entity found with its exact span, and the JSON view's spans
//! reproduce the text in every offset unit.

use khabar::{Analyzer, OffsetUnit};

const SEED: &str = include_str!("../examples/data/seed_article.txt");

#[test]
fn seed_entities_match_the_gold_spans() {
    let gold_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/article.gold.jsonl"
    );
    let Ok(gold) = std::fs::read_to_string(gold_path) else {
        eprintln!("skipped: {gold_path} is absent");
        return;
    };
    let gold: serde_json::Value =
        serde_json::from_str(gold.lines().next().expect("one line")).expect("json");
    let text = gold["text"].as_str().expect("text");
    let analyzer = Analyzer::builder().rules(false).build();
    let analysis = analyzer.analyze(text);
    let json = analysis.to_json(&analyzer, OffsetUnit::Char, false);
    let found: Vec<(usize, usize, &str)> = json
        .mentions
        .iter()
        .map(|m| (m.start, m.end, m.kind))
        .collect();
    let expected: Vec<(usize, usize, &str)> = gold["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|e| {
            let span = e["span"].as_array().expect("span");
            (
                span[0].as_u64().unwrap() as usize,
                span[1].as_u64().unwrap() as usize,
                e["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn json_spans_reproduce_the_text_in_every_unit() {
    let analyzer = Analyzer::new();
    let analysis = analyzer.analyze(SEED);
    for unit in [OffsetUnit::Char, OffsetUnit::Byte, OffsetUnit::Utf16] {
        let json = analysis.to_json(&analyzer, unit, true);
        let value = serde_json::to_value(&json).expect("serialisable");
        let slice = |start: usize, end: usize| -> String {
            match unit {
                OffsetUnit::Char => SEED.chars().skip(start).take(end - start).collect(),
                OffsetUnit::Byte => SEED[start..end].to_string(),
                OffsetUnit::Utf16 => {
                    let units: Vec<u16> = SEED.encode_utf16().collect();
                    String::from_utf16(&units[start..end]).expect("utf16")
                }
            }
        };
        let mut checked = 0;
        for key in ["mentions", "sentences", "tokens"] {
            for item in value[key].as_array().expect("array") {
                let (s, e) = (
                    item["start"].as_u64().unwrap() as usize,
                    item["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(slice(s, e), item["text"].as_str().unwrap());
                checked += 1;
            }
        }
        for attribution in value["attributions"].as_array().expect("array") {
            for role in ["cue", "content"] {
                let span = &attribution[role];
                let (s, e) = (
                    span["start"].as_u64().unwrap() as usize,
                    span["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(slice(s, e), span["text"].as_str().unwrap());
            }
        }
        assert!(checked > 100);
    }
}
