//! Analyses the seed article (embedded with `include_str!`) with the default analyzer and prints the
//! entities it mentions and who said what.
//!
//! Run with `cargo run --example analyze_article`.

use khabar::Analyzer;

const ARTICLE: &str = include_str!("data/seed_article.txt");

fn main() {
    let analyzer = Analyzer::new();
    let analysis = analyzer.analyze(ARTICLE);
    let text = analysis.text;

    println!(
        "{} tokens, {} sentences, {} mentions, {} attributions\n",
        analysis.tokens.len(),
        analysis.sentences.len(),
        analysis.mentions.len() + analysis.guesses.len(),
        analysis.attributions.len()
    );

    println!("Entities:");
    for mention in &analysis.mentions {
        let entity = analyzer.gazetteer().entity(mention.entity);
        println!(
            "  {:<3} {:>5}..{:<5} {}  → {} ({})",
            mention.kind,
            mention.span.start,
            mention.span.end,
            &text[mention.span],
            entity.id,
            entity.name
        );
    }
    for guess in &analysis.guesses {
        println!(
            "  {:<3} {:>5}..{:<5} {}  (found by the {} rule)",
            guess.kind, guess.span.start, guess.span.end, &text[guess.span], guess.rule
        );
    }

    println!("\nWho said what:");
    for said in &analysis.attributions {
        let source = said.source.map_or("(no source)", |s| &text[s]);
        let entity = said
            .source_entity
            .map(|id| format!(" [{}]", analyzer.gazetteer().entity(id).id))
            .unwrap_or_default();
        println!("  {source}{entity} — {}:", &text[said.cue]);
        println!("      {}", &text[said.content]);
    }
}
