//! Prints the attributions of a short news text as an aligned table: source → entity id, cue, content.
//!
//! Columns are padded by characters, not bytes, so Arabic text lines up in a terminal.
//!
//! Run with `cargo run --example who_said_what`.

use khabar::Analyzer;

const TEXT: &str = "وكشف متحدث عسكري عراقي في وقت سابق أن المباحثات بين واشنطن وبغداد تهدف إلى صياغة جدول زمني. \
                    وقال رئيس الوزراء العراقي محمد شياع السوداني إن \"العراق لم يعد بحاجة إلى قوات التحالف\". \
                    وأكد مصدر سياسي أن الميليشيات العراقية حددت للسوداني مهلة، وفق وكالة \"شفق نيوز\" الكردية.";

/// Pads `s` with spaces to `width` characters.
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

/// At most `max` characters of `s`, with an ellipsis when cut.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn main() {
    let analyzer = Analyzer::new();
    let analysis = analyzer.analyze(TEXT);

    let rows: Vec<[String; 4]> = analysis
        .attributions
        .iter()
        .map(|a| {
            [
                a.source
                    .map_or_else(|| "—".to_string(), |s| TEXT[s].to_string()),
                a.source_entity.map_or_else(
                    || "—".to_string(),
                    |id| analyzer.gazetteer().entity(id).id.clone(),
                ),
                TEXT[a.cue].to_string(),
                clip(&TEXT[a.content], 60),
            ]
        })
        .collect();

    let header = ["source", "entity", "cue", "content"];
    let widths: Vec<usize> = (0..3)
        .map(|col| {
            rows.iter()
                .map(|r| r[col].chars().count())
                .chain([header[col].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();

    println!(
        "{}   {}   {}   {}",
        pad(header[0], widths[0]),
        pad(header[1], widths[1]),
        pad(header[2], widths[2]),
        header[3]
    );
    println!("{}", "-".repeat(widths.iter().sum::<usize>() + 9 + 60));
    for [source, entity, cue, content] in &rows {
        println!(
            "{} → {}   {}   {}",
            pad(source, widths[0]),
            pad(entity, widths[1]),
            pad(cue, widths[2]),
            content
        );
    }
}
