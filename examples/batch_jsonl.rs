//! Analyses a batch of JSON lines (`{"id": …, "text": …}`) in parallel with rayon and writes one JSON
//! line per input, in input order, with the input's id — what `khabar analyze --input jsonl --format
//! jsonl` does, in a few lines of library code.
//!
//! One `Analyzer` is shared by all threads: it is `Send + Sync` and immutable.
//!
//! Run with `cargo run --example batch_jsonl`.

use std::io::{self, Write};

use khabar::{Analyzer, JsonId, OffsetUnit};
use rayon::prelude::*;

const INPUT: &str = r#"{"id": "a1", "text": "وكشف متحدث عسكري عراقي أن المباحثات بين واشنطن وبغداد تهدف إلى صياغة جدول زمني."}
{"id": "a2", "text": "وأكد مصدر سياسي أن الميليشيات العراقية حددت للسوداني مهلة، وفق وكالة \"شفق نيوز\" الكردية."}
{"id": 3, "text": "قال وزير الخارجية السعودي إن المملكة تدعم الحل السياسي في اليمن."}
{"id": "a4", "text": "وأعلنت وزارة الداخلية أن الرياض ستستضيف المؤتمر الشهر المقبل."}"#;

fn main() -> io::Result<()> {
    let analyzer = Analyzer::new();
    let inputs: Vec<serde_json::Value> = INPUT
        .lines()
        .map(|line| serde_json::from_str(line).expect("the built-in lines are valid JSON"))
        .collect();

    // `par_iter().map().collect()` keeps the input order in the output vector.
    let lines: Vec<String> = inputs
        .par_iter()
        .map(|value| {
            let text = value["text"].as_str().unwrap_or_default();
            let analysis = analyzer.analyze(text);
            let mut json = analysis.to_json(&analyzer, OffsetUnit::Char, false);
            json.id = match &value["id"] {
                serde_json::Value::String(s) => Some(JsonId::Text(s.clone())),
                serde_json::Value::Number(n) => n.as_i64().map(JsonId::Number),
                _ => None,
            };
            serde_json::to_string(&json).expect("an analysis always serialises")
        })
        .collect();

    let mut out = io::stdout().lock();
    for line in lines {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
