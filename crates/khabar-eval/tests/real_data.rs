//! Reads the real shared data: the seed article's gold scored against itself, and the official
//! ANERcorp (CAMeL Lab split) test file. Skipped, with a message, when the data is absent.

use std::path::{Path, PathBuf};

use khabar_eval::{
    EntityKind, PredictedAttribution, Report, Tag, read_conll, read_gold_jsonl, score_attributions,
    score_entities, score_entities_for,
};

fn shared(relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipping: {} not found", path.display());
        None
    }
}

fn gold_scores_perfectly_against_itself(relative: &str) {
    let Some(path) = shared(relative) else { return };
    let docs = read_gold_jsonl(&path).unwrap();
    assert!(!docs.is_empty());
    let mut report = Report::new();
    for doc in &docs {
        let entities = doc.entity_spans();
        report.add_entities(&score_entities(&entities, &entities));
        let predicted: Vec<PredictedAttribution> = doc
            .attributions
            .iter()
            .filter(|a| !a.optional)
            .map(PredictedAttribution::from)
            .collect();
        report.add_attributions(&score_attributions(
            &doc.text,
            &doc.attributions,
            &predicted,
        ));
        report.documents += 1;
    }
    println!("{report}");
    let entities = report.entities.as_ref().unwrap();
    for scores in entities.per_kind.values().chain([&entities.micro]) {
        assert_eq!(scores.exact.prf().f1, 1.0);
        assert_eq!(scores.partial.prf().f1, 1.0);
        assert_eq!((scores.exact.fp, scores.exact.fn_), (0, 0));
    }
    assert!(entities.micro.exact.tp > 0);
    let attributions = report.attributions.as_ref().unwrap();
    assert!(attributions.gold > 0);
    assert_eq!(attributions.aligned, attributions.gold);
    for role in [
        &attributions.cue,
        &attributions.source,
        &attributions.content,
    ] {
        let (e, p) = (role.exact.prf(), role.proportional.prf());
        assert_eq!((e.precision, e.recall, e.f1), (1.0, 1.0, 1.0));
        assert_eq!((p.precision, p.recall, p.f1), (1.0, 1.0, 1.0));
    }
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["attributions"]["content"]["exact"]["f1"], 1.0);
    assert_eq!(json["entities"]["micro"]["exact"]["fn"], 0);
    assert_eq!(json["entities"]["per_kind"]["PER"]["exact"]["fp"], 0);

    // Predicting the optional attributions too changes nothing: they are neither rewarded nor
    // penalised.
    for doc in &docs {
        let all: Vec<PredictedAttribution> = doc
            .attributions
            .iter()
            .map(PredictedAttribution::from)
            .collect();
        let r = score_attributions(&doc.text, &doc.attributions, &all);
        let optional = doc.attributions.iter().filter(|a| a.optional).count();
        assert_eq!(r.aligned_optional, optional, "{}", doc.id);
        assert_eq!(r.aligned, r.gold, "{}", doc.id);
        assert_eq!(r.content.exact.fp + r.cue.exact.fp + r.source.exact.fp, 0);
    }
}

#[test]
fn seed_gold_against_itself_is_perfect() {
    gold_scores_perfectly_against_itself("seed/article.gold.jsonl");
}

#[test]
fn dev_gold_against_itself_is_perfect() {
    gold_scores_perfectly_against_itself("dev/gold.jsonl");
}

#[test]
fn anercorp_official_test_counts() {
    let Some(path) = shared("data/anercorp-camel/ANERCorp_CamelLab_test.txt") else {
        return;
    };
    let sentences = read_conll(&path).unwrap();
    // SOURCE.md says 924 sentences: that is the number of blank lines. The file does not end with
    // one, so its last sentence (12 tokens, one of them B-PERS) has no separator after it; the
    // stated 25,008 tokens and PERS 858 only add up with that sentence included, hence 925.
    assert_eq!(sentences.len(), 925);
    assert_eq!(sentences.last().unwrap().tokens.len(), 12);
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    assert_eq!(tokens, 25_008);
    assert!(sentences.iter().all(|s| s.tokens.len() == s.tags.len()));

    // SOURCE.md's entity counts are counts of B- tags.
    let begins = |kind| {
        sentences
            .iter()
            .flat_map(|s| &s.tags)
            .filter(|t| **t == Tag::B(kind))
            .count()
    };
    assert_eq!(begins(EntityKind::Per), 858);
    assert_eq!(begins(EntityKind::Loc), 668);
    assert_eq!(begins(EntityKind::Org), 450);
    assert_eq!(begins(EntityKind::Misc), 235);
    // Under the conlleval convention an I- tag after O or another kind also starts an entity. The
    // file has 74 such tags (49 I-PERS, 8 I-LOC, 9 I-ORG, 8 I-MISC; many right after the corrupted
    // first token of a sentence), so conlleval and seqeval see more entities than B- tags.
    let entities = |kind| {
        sentences
            .iter()
            .flat_map(|s| s.entities())
            .filter(|e| e.kind == kind)
            .count()
    };
    assert_eq!(entities(EntityKind::Per), 858 + 49);
    assert_eq!(entities(EntityKind::Loc), 668 + 8);
    assert_eq!(entities(EntityKind::Org), 450 + 9);
    assert_eq!(entities(EntityKind::Misc), 235 + 8);

    let mut report = Report::new();
    for s in &sentences {
        let e = s.entities();
        report.add_entities(&score_entities_for(EntityKind::ALL, &e, &e));
        report.documents += 1;
    }
    let micro = report.entities.as_ref().unwrap().micro;
    assert_eq!(micro.exact.tp, 2_211 + 74);
    assert_eq!(micro.exact.prf().f1, 1.0);
}
