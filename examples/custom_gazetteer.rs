//! Builds a gazetteer of your own — here an analyst's watch list of people and organisations, each with
//! the aliases the press uses — and analyses a text with it through `Analyzer::builder().gazetteer(..)`.
//!
//! Mentions come back with the ids you chose, whichever alias or clitic form the text used
//! (والناتو، لحلف شمال الأطلسي), and attribution sources are linked to the same ids.
//!
//! Run with `cargo run --example custom_gazetteer`.

use khabar::{Analyzer, Entity, EntityKind, Gazetteer};

const TEXT: &str = "وقال رئيس الوزراء العراقي محمد شياع السوداني إن العلاقة مع حلف شمال الأطلسي \
                    ستتطور. وأكد السوداني أن بغداد تريد دعم الناتو في التدريب، فيما ذكرت وزارة الخارجية \
                    الأمريكية أن واشنطن تتابع المباحثات مع الحكومة العراقية.";

fn watch_list() -> Result<Gazetteer, khabar::gazetteer::Error> {
    let mut builder = Gazetteer::builder();
    builder
        .add(
            Entity::new("watch:sudani", EntityKind::Person, "محمد شياع السوداني")
                .with_aliases(["السوداني", "محمد السوداني"])
                .with_attribute("en", "Mohammed Shia al-Sudani"),
        )?
        .add(
            Entity::new("watch:nato", EntityKind::Organization, "حلف شمال الأطلسي")
                .with_aliases(["الناتو", "ناتو", "حلف الناتو"])
                .with_attribute("en", "NATO"),
        )?
        .add(
            Entity::new(
                "watch:us-state",
                EntityKind::Organization,
                "وزارة الخارجية الأمريكية",
            )
            .with_aliases(["الخارجية الأمريكية", "وزارة الخارجية الأميركية"])
            .with_attribute("en", "U.S. Department of State"),
        )?;
    builder.build()
}

fn main() -> Result<(), khabar::gazetteer::Error> {
    let gazetteer = watch_list()?;
    println!("watch list: {} entities", gazetteer.len());

    // Only the watch list: no embedded default gazetteer, no context rules.
    let analyzer = Analyzer::builder()
        .gazetteer(gazetteer)
        .rules(false)
        .build();
    let analysis = analyzer.analyze(TEXT);

    println!("\nMentions:");
    for mention in &analysis.mentions {
        let entity = analyzer.gazetteer().entity(mention.entity);
        let en = entity.attributes.get("en").map_or("", String::as_str);
        println!(
            "  {:<14} {:<28} as written: {}",
            entity.id, en, &TEXT[mention.span]
        );
    }

    println!("\nStatements by watched entities:");
    for said in &analysis.attributions {
        if let Some(id) = said.source_entity {
            println!(
                "  {} ({}): {}",
                analyzer.gazetteer().entity(id).id,
                &TEXT[said.cue],
                &TEXT[said.content]
            );
        }
    }
    Ok(())
}
