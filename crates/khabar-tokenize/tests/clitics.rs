//! Clitic analysis on real words: which analysis comes first, and the text of every part.

use khabar_tokenize::Tokenizer;
use khabar_tokenize::clitics::{CliticAnalysis, PartKind, analyze, is_proclitic_prefix};

/// An analysis written as its parts: `(text, kind)` in text order.
fn parts<'w>(word: &'w str, analysis: &CliticAnalysis) -> Vec<(&'w str, PartKind)> {
    analysis
        .parts()
        .iter()
        .map(|p| (&word[p.span], p.kind))
        .collect()
}

use PartKind::{
    Article as A, Conjunction as C, Future as F, Preposition as P, Pronoun as N, Stem as S,
};

/// One case a line: `name: word => [first analysis as (text, kind) parts]`.
macro_rules! first_cases {
    ($($name:ident: $word:expr => [$(($text:expr, $kind:expr)),* $(,)?];)*) => {$(
        #[test]
        fn $name() {
            let word: &str = $word;
            let analyses = analyze(word, 0);
            let expected: Vec<(&str, PartKind)> = vec![$(($text, $kind)),*];
            assert_eq!(parts(word, &analyses[0]), expected, "first analysis of {word}");
        }
    )*};
}

/// One case a line: `name: word => [an analysis offered somewhere in the list]`.
macro_rules! offered_cases {
    ($($name:ident: $word:expr => [$(($text:expr, $kind:expr)),* $(,)?];)*) => {$(
        #[test]
        fn $name() {
            let word: &str = $word;
            let expected: Vec<(&str, PartKind)> = vec![$(($text, $kind)),*];
            let all: Vec<_> = analyze(word, 0).iter().map(|a| parts(word, a)).collect();
            assert!(all.contains(&expected), "{word}: {expected:?} not among {all:?}");
        }
    )*};
}

first_cases! {
    // Visible article after proclitics: the article split comes first.
    wa_bi_al: "وبالعراق" => [("و", C), ("ب", P), ("ال", A), ("عراق", S)];
    bi_al: "بالعراق" => [("ب", P), ("ال", A), ("عراق", S)];
    wa_al: "والناتو" => [("و", C), ("ال", A), ("ناتو", S)];
    al_only: "العراق" => [("ال", A), ("عراق", S)];
    al_with_hamza_stem: "الأميركية" => [("ال", A), ("أميركية", S)];
    wasla_article: "ٱلرحيم" => [("ٱل", A), ("رحيم", S)];
    // The ل + ال contraction.
    fa_li_l: "فللعراق" => [("ف", C), ("ل", P), ("ل", A), ("عراق", S)];
    li_l: "للعراق" => [("ل", P), ("ل", A), ("عراق", S)];
    wa_li_l: "وللسوداني" => [("و", C), ("ل", P), ("ل", A), ("سوداني", S)];
    li_l_seed: "للولايات" => [("ل", P), ("ل", A), ("ولايات", S)];
    // Words whose first letters look like clitics keep their whole-word analysis first.
    baghdad: "بغداد" => [("بغداد", S)];
    balda: "بلدة" => [("بلدة", S)];
    kataib: "كتائب" => [("كتائب", S)];
    faransa: "فرنسا" => [("فرنسا", S)];
    lubnan: "لبنان" => [("لبنان", S)];
    wali: "والي" => [("والي", S)];
    wasal: "وصل" => [("وصل", S)];
    li_iran_whole_first: "لإيران" => [("لإيران", S)];
    // charabia's bug: words starting with ال / أل / إل / آل are not split.
    ila: "إلى" => [("إلى", S)];
    ila_bare: "الى" => [("الى", S)];
    alaf: "آلاف" => [("آلاف", S)];
    alladhi: "الذي" => [("الذي", S)];
    allati: "التي" => [("التي", S)];
    alladhina: "الذين" => [("الذين", S)];
    allah: "الله" => [("الله", S)];
    alf: "ألف" => [("ألف", S)];
    ilgha: "إلغاء" => [("إلغاء", S)];
    // Marks stay with their letter.
    marked: "وَبِالعِرَاقِ" => [("وَ", C), ("بِ", P), ("ال", A), ("عِرَاقِ", S)];
    tatweel: "بـالعراق" => [("بـ", P), ("ال", A), ("عراق", S)];
    // Too short to split.
    one_letter: "و" => [("و", S)];
    two_letters: "في" => [("في", S)];
}

offered_cases! {
    li_iran: "لإيران" => [("ل", P), ("إيران", S)];
    wa_baghdad: "وبغداد" => [("و", C), ("بغداد", S)];
    wa_bi_ghdad: "وبغداد" => [("و", C), ("ب", P), ("غداد", S)];
    fa_li_proclitic_stack: "فلبنان" => [("ف", C), ("لبنان", S)];
    future: "سيقول" => [("س", F), ("يقول", S)];
    wa_future: "وسيقول" => [("و", C), ("س", F), ("يقول", S)];
    pronoun_ha: "كتابه" => [("كتاب", S), ("ه", N)];
    pronoun_hum: "بلادهم" => [("بلاد", S), ("هم", N)];
    pronoun_with_preposition: "بلادهم" => [("ب", P), ("لاد", S), ("هم", N)];
    pronoun_ha_alef: "رغبتها" => [("رغبت", S), ("ها", N)];
    pronoun_huma: "دعمهما" => [("دعم", S), ("هما", N)];
    pronoun_na: "بلادنا" => [("بلاد", S), ("نا", N)];
    pronoun_seed: "وتعاونها" => [("و", C), ("تعاون", S), ("ها", N)];
    pronoun_seed_2: "برغبته" => [("ب", P), ("رغبت", S), ("ه", N)];
    // Four letters, the fewest any split leaves room for: article + two, proclitic + three, three +
    // pronoun, the contraction + two.
    four_letters_article: "الآن" => [("ال", A), ("آن", S)];
    four_letters_proclitic: "لندن" => [("ل", P), ("ندن", S)];
    four_letters_pronoun: "كتبه" => [("كتب", S), ("ه", N)];
    four_letters_contraction: "للجو" => [("ل", P), ("ل", A), ("جو", S)];
    whole_always_offered: "وبالعراق" => [("وبالعراق", S)];
    whole_after_article: "للعراق" => [("للعراق", S)];
}

#[test]
fn li_iran_offers_the_split_second() {
    let all = analyze("لإيران", 0);
    assert!(all[0].is_whole());
    assert_eq!(parts("لإيران", &all[1]), [("ل", P), ("إيران", S)]);
}

#[test]
fn stem_with_article_and_proclitics() {
    for (word, stem_with_article, stem, proclitics) in [
        ("فللعراق", "لعراق", "عراق", "فل"),
        ("للعراق", "لعراق", "عراق", "ل"),
        ("وللسوداني", "لسوداني", "سوداني", "ول"),
        ("وبالعراق", "العراق", "عراق", "وب"),
        ("بالعراق", "العراق", "عراق", "ب"),
        ("والناتو", "الناتو", "ناتو", "و"),
        ("العراق", "العراق", "عراق", ""),
        ("بغداد", "بغداد", "بغداد", ""),
    ] {
        let first = &analyze(word, 0)[0];
        assert_eq!(
            &word[first.stem_with_article()],
            stem_with_article,
            "{word}"
        );
        assert_eq!(&word[first.stem()], stem, "{word}");
        let pro: String = first.proclitics().map(|p| &word[p.span]).collect();
        assert_eq!(pro, proclitics, "{word}");
    }
}

#[test]
fn pronoun_analyses_come_after_the_whole_word() {
    for word in ["كتابه", "بلادهم"] {
        let all = analyze(word, 0);
        assert!(all[0].is_whole(), "{word}");
        assert!(
            all.iter().any(|a| a.parts().iter().any(|p| p.kind == N)),
            "{word}"
        );
    }
    // No pronoun after an article (الكتابه is not Arabic), and none leaving a stem under three letters.
    let all = analyze("الكتابه", 0);
    assert!(
        all.iter()
            .filter(|a| a.parts().iter().any(|p| p.kind == A))
            .all(|a| a.parts().iter().all(|p| p.kind != N))
    );
    assert!(
        analyze("بيه", 0)
            .iter()
            .all(|a| a.parts().iter().all(|p| p.kind != N))
    );
}

#[test]
fn words_under_four_letters_are_only_whole() {
    // Each would need a stem under the shortest: و + لد, ب + ها, ال + ن, ل + ل + ه, فـ + يه, ه after مع.
    for word in ["ولد", "بها", "الن", "لله", "فيه", "معه", "وَلَدٌ"] {
        let all = analyze(word, 0);
        assert_eq!(all.len(), 1, "{word}: {all:?}");
        assert!(all[0].is_whole(), "{word}");
    }
}

#[test]
fn spans_are_offset_into_the_original_text() {
    let text = "وأكد مصدر أن الميليشيات حددت للسوداني مهلة";
    let tokens = Tokenizer::new().tokens(text);
    let token = tokens.iter().find(|t| t.text == "للسوداني").unwrap();
    let first = &token.clitics()[0];
    assert_eq!(&text[first.stem_with_article()], "لسوداني");
    assert_eq!(&text[first.stem()], "سوداني");
    for analysis in token.clitics() {
        for part in analysis.parts() {
            assert!(token.span.contains(part.span));
        }
    }
    // Non-Arabic tokens have no analyses.
    let tokens = Tokenizer::new().tokens("40 Black «");
    assert!(tokens.iter().all(|t| t.clitics().is_empty()));
}

#[test]
fn seed_article_words_keep_their_whole_analysis_or_article() {
    let text = "دعا رئيس الوزراء العراقي محمد شياع السوداني إلى تعزيز التعاون مع حلف شمال الأطلسي";
    for token in Tokenizer::new().tokens(text) {
        let first = &token.clitics()[0];
        let expected = if token.text.starts_with("ال") && token.text != "إلى" {
            2
        } else {
            1
        };
        assert_eq!(first.parts().len(), expected, "{}", token.text);
    }
}

#[test]
fn proclitic_prefixes() {
    for yes in [
        "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك",
    ] {
        assert!(is_proclitic_prefix(yes), "{yes:?}");
    }
    for no in ["س", "بو", "لل", "ال", "وبل", "x", "وو", "بب"] {
        assert!(!is_proclitic_prefix(no), "{no:?}");
    }
}

#[test]
fn no_panic_on_odd_words() {
    for word in [
        "",
        "\u{0651}",
        "\u{0651}\u{0651}ب",
        "ـ",
        "ال",
        "لل",
        "وال",
        "ولل",
        "\u{FEFB}",
        "بّ\u{200C}ل",
    ] {
        let all = analyze(word, 7);
        assert!(!all.is_empty());
        for analysis in &all {
            assert!(analysis.parts().iter().filter(|p| p.kind == S).count() == 1);
            for part in analysis.parts() {
                assert!(part.span.start >= 7 && part.span.end <= 7 + word.len());
            }
        }
    }
}
