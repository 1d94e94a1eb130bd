//! Pathological inputs through the whole pipeline: each asserts the invariants of the fuzz targets (spans
//! in bounds and on char boundaries, ordering, JSON offsets) and, where meaningful, exact results.
//! Sizes are kept small enough for a fast debug run; `benches/adversarial.rs` times the same inputs at
//! two sizes to show that the work stays linear.

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod invariants;

use invariants::{check_analysis, check_attributions, check_normalized, check_tokens};
use khabar::{Analyzer, Entity, EntityKind, Gazetteer, Normalizer, TokenKind, Tokenizer};

fn analyzer() -> &'static Analyzer {
    static A: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    A.get_or_init(Analyzer::new)
}

/// Runs the whole pipeline and every invariant on `text`; returns what it found for exact checks.
fn analyze_checked(text: &str) -> khabar::Analysis<'_> {
    check_analysis(analyzer(), text)
}

fn texts(text: &str, spans: impl IntoIterator<Item = khabar::Span>) -> Vec<&str> {
    spans.into_iter().map(|s| &text[s]).collect()
}

#[test]
fn a_long_line_without_spaces() {
    // 256 KB of Arabic words glued together, one name at the very end.
    let glued = "مصدرسياسيأكدأن".repeat(256 * 1024 / "مصدرسياسيأكدأن".len());
    let text = format!("{glued}العراق");
    let analysis = analyze_checked(&text);
    // One word: a name glued to a longer word is not a mention (العراق is not in …أنالعراق).
    assert_eq!(analysis.tokens.len(), 1);
    assert_eq!(analysis.tokens[0].text, text);
    assert!(analysis.mentions.is_empty());
    assert!(analysis.attributions.is_empty());
    assert_eq!(analysis.sentences.len(), 1);
}

#[test]
fn a_long_run_of_latin_and_digits() {
    let text = "a1".repeat(32 * 1024);
    let analysis = analyze_checked(&text);
    assert_eq!(analysis.tokens.len(), 1);
}

#[test]
fn a_megabyte_of_diacritics_only() {
    let text = "\u{064E}\u{0651}\u{064B}\u{0652}".repeat(1024 * 1024 / 8);
    assert_eq!(text.len(), 1024 * 1024);
    let normalized = Normalizer::new().normalize(&text);
    assert_eq!(normalized.as_str(), "");
    check_normalized(&Normalizer::new(), &text);
    let analysis = analyzer().analyze(&text);
    check_tokens(&text, &analysis.tokens);
    assert!(analysis.mentions.is_empty() && analysis.attributions.is_empty());
}

#[test]
fn a_megabyte_of_tatweel_only() {
    let text = "\u{0640}".repeat(1024 * 1024 / 2);
    assert_eq!(Normalizer::new().normalize_str(&text), "");
    check_normalized(&Normalizer::new(), &text);
    let analysis = analyzer().analyze(&text);
    check_tokens(&text, &analysis.tokens);
    assert!(analysis.mentions.is_empty() && analysis.attributions.is_empty());
}

#[test]
fn marks_and_tatweel_around_a_name() {
    // A name stretched and vowelled in the middle of 64 KB of marks still matches, span selecting it
    // with its own marks.
    let marks = "\u{064E}\u{0640}".repeat(16 * 1024);
    let text = format!("{marks} قال العـــراقُ {marks}");
    let analysis = analyze_checked(&text);
    assert_eq!(
        texts(&text, analysis.mentions.iter().map(|m| m.span)),
        ["العـــراقُ"]
    );
}

#[test]
fn a_hundred_thousand_unbalanced_quotation_marks() {
    for (quote, n) in [
        ("«", 100_000),
        ("\"", 100_000),
        ("“", 10_000),
        ("»", 10_000),
    ] {
        let text = format!("قال مصدر إن {}", quote.repeat(n));
        let analysis = analyze_checked(&text);
        assert!(analysis.tokens.len() >= 3);
        assert!(analysis.attributions.len() <= 1);
    }
    // Alternating open quotes and words: nothing ever closes.
    let text = "« قال «وقال ".repeat(5_000);
    let analysis = analyze_checked(&text);
    check_attributions(&text, &analysis.attributions);
}

#[test]
fn deeply_repeated_clitics() {
    for clitic in ["و", "ف", "ل", "وب", "ال"] {
        let word = format!("{}العراق", clitic.repeat(10_000));
        let text = format!("زار {word} أمس");
        let analysis = analyze_checked(&text);
        // Proclitics stack at most two or three deep (وبال، وللعراق): a run of 10 000 is no proclitic.
        assert!(
            analysis.mentions.is_empty(),
            "{clitic}: {:?}",
            analysis.mentions
        );
        let token = &analysis.tokens[1];
        assert_eq!(token.text, word);
        assert!(token.clitics().iter().all(|a| a.parts().len() <= 4));
    }
    // Many short words each carrying the longest legal stack.
    let text = "وبالعراق ".repeat(5_000);
    let analysis = analyze_checked(&text);
    assert_eq!(analysis.mentions.len(), 5_000);
    assert!(analysis.mentions.iter().all(|m| &text[m.span] == "العراق"));
    assert!(
        analysis
            .mentions
            .iter()
            .all(|m| &text[m.proclitic.unwrap()] == "وب")
    );
}

/// Every C0 and C1 control, DEL, and the bidi and other format characters of the brief.
fn control_and_format_chars() -> Vec<char> {
    let ranges = [
        (0x0000, 0x001F),
        (0x007F, 0x009F),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2060, 0x206F),
        (0xFEFF, 0xFEFF),
        (0xFFF9, 0xFFFB),
    ];
    ranges
        .into_iter()
        .flat_map(|(a, b)| (a..=b).filter_map(char::from_u32))
        .collect()
}

#[test]
fn every_control_and_format_character() {
    let chars = control_and_format_chars();
    assert_eq!(chars.len(), 32 + 33 + 5 + 5 + 16 + 1 + 3);
    // Alone, repeated, between words, inside a name, and all of them at once.
    let all: String = chars.iter().collect();
    analyze_checked(&all);
    for &c in &chars {
        for text in [
            c.to_string(),
            c.to_string().repeat(1000),
            format!("قال{c}مصدر{c} إن العراق{c}"),
            format!("زار الع{c}راق و{c}بغداد"),
            format!("{c}«{c}قال{c}»{c}"),
        ] {
            analyze_checked(&text);
        }
    }
    let text = format!("قال مصدر إن {all} العراق {all} بغداد {all}");
    let analysis = analyze_checked(&text);
    let names = texts(&text, analysis.mentions.iter().map(|m| m.span));
    assert!(
        names.contains(&"العراق") && names.contains(&"بغداد"),
        "{names:?}"
    );
}

#[test]
fn bidi_marks_inside_a_name() {
    let g = Gazetteer::builder()
        .add(Entity::new(
            "per:x",
            EntityKind::Person,
            "محمد شياع السوداني",
        ))
        .and_then(|b| b.add(Entity::new("loc:iq", EntityKind::Location, "العراق")))
        .and_then(|b| b.build())
        .unwrap();
    let analyzer = Analyzer::builder().gazetteer(g.clone()).build();
    for mark in ['\u{200F}', '\u{200E}', '\u{061C}', '\u{200C}', '\u{2067}'] {
        // Inside a word, between words, and around the name: the span selects the name as written,
        // marks inside included, marks at its edges left out.
        let text = format!("قال محمد{mark} شياع السو{mark}داني إن {mark}للعر{mark}اق{mark} حقا");
        check_analysis(&analyzer, &text);
        let mentions = g.find(&text);
        assert_eq!(
            texts(&text, mentions.iter().map(|m| m.span)),
            [
                format!("محمد{mark} شياع السو{mark}داني"),
                format!("لعر{mark}اق")
            ],
            "mark {:04X}",
            u32::from(mark)
        );
        assert_eq!(&text[mentions[1].proclitic.unwrap()], "ل");
    }
}

#[test]
fn text_ending_in_the_middle_of_a_cue() {
    let full = "وقال وزير الخارجية العراقي إن بغداد ترفض، وفقا لمصادر، نقلا عن وكالة";
    // Every prefix, char by char: never a panic, never a span past the end.
    let ends: Vec<usize> = full
        .char_indices()
        .map(|(i, _)| i)
        .chain([full.len()])
        .collect();
    for &end in &ends {
        analyze_checked(&full[..end]);
    }
    for text in [
        "وقال",
        "وقا",
        "قال:",
        "قال «",
        "بحسب",
        "نقلا ع",
        "وأكد مصدر أن",
    ] {
        let analysis = analyze_checked(text);
        for a in &analysis.attributions {
            assert!(a.content.end <= text.len());
        }
    }
}

#[test]
fn crlf_and_lone_cr() {
    for newline in ["\r\n", "\r", "\n", "\u{2029}", "\u{2028}", "\u{85}"] {
        let text = format!(
            "قال مصدر إن العراق يرفض.{newline}وأكد وزير أن بغداد ترفض{newline}{newline}محمد شياع السوداني"
        );
        let analysis = analyze_checked(&text);
        let names = texts(&text, analysis.mentions.iter().map(|m| m.span));
        assert_eq!(
            names,
            ["العراق", "بغداد", "محمد شياع السوداني"],
            "newline {newline:?}"
        );
        // A line break always ends a sentence: three sentences, none crossing a break.
        assert_eq!(analysis.sentences.len(), 3, "newline {newline:?}");
        for s in &analysis.sentences {
            assert!(
                !text[*s].contains(['\r', '\n', '\u{2029}']),
                "{:?}",
                &text[*s]
            );
        }
        // No token contains a line break.
        assert!(
            analysis
                .tokens
                .iter()
                .all(|t| !t.text.contains(['\r', '\n']))
        );
    }
    // A name broken over a line, CRLF or lone CR, still matches (multi-word names match across lines).
    for newline in ["\r\n", "\r"] {
        let text = format!("زار محمد شياع{newline}السوداني بغداد");
        let mentions = Gazetteer::default().find(&text);
        assert_eq!(
            texts(&text, mentions.iter().map(|m| m.span))[0],
            format!("محمد شياع{newline}السوداني")
        );
    }
}

#[test]
fn nul_bytes() {
    let text = "قال\0مصدر\0إن\0العراق\0\0\0يرفض\0";
    let analysis = analyze_checked(text);
    assert_eq!(
        texts(text, analysis.mentions.iter().map(|m| m.span)),
        ["العراق"]
    );
    let text = "\0".repeat(100_000);
    let analysis = analyze_checked(&text);
    assert!(analysis.mentions.is_empty() && analysis.attributions.is_empty());
    let tokens = Tokenizer::new().tokens("العراق\0بغداد");
    assert_eq!(
        tokens.iter().map(|t| (t.text, t.kind)).collect::<Vec<_>>(),
        [("العراق", TokenKind::Arabic), ("بغداد", TokenKind::Arabic)]
    );
}

#[test]
fn many_cues_and_mentions_in_one_sentence() {
    // Thousands of reports with no full stop: the attributor once compared every cue with every earlier
    // attribution and every mention (quadratic; see benches/adversarial.rs). Its binary-searched lookup
    // must agree with the plain scan it falls back to when mentions come unsorted.
    let text = "وقال وزير الخارجية العراقي إن بغداد ترفض، ".repeat(2_000);
    let analysis = analyze_checked(&text);
    assert_eq!(analysis.attributions.len(), 2_000);
    let attributor = khabar::Attributor::new();
    let mut reversed = analysis.mentions.clone();
    reversed.reverse();
    assert_eq!(
        attributor.extract(&text, &analysis.tokens, &analysis.mentions),
        attributor.extract(&text, &analysis.tokens, &reversed)
    );
    let small = "وقال محمد شياع السوداني إن بغداد ترفض، وأكد وزير الخارجية العراقي أن إيران توافق";
    let analysis = analyze_checked(small);
    let mut reversed = analysis.mentions.clone();
    reversed.reverse();
    assert_eq!(
        analysis.attributions,
        attributor.extract(small, &analysis.tokens, &reversed)
    );
    assert!(
        analysis
            .attributions
            .iter()
            .any(|a| a.source_entity.is_some())
    );
}

#[test]
fn many_rule_found_names_before_many_reports() {
    // Thousands of names only the rules find, then thousands of reports: the attributor once walked
    // every rule-found name for every token it checked (quadratic). Its binary-searched lookup must
    // agree with the plain scan it falls back to when the names come unsorted.
    let text = format!(
        "{}{}",
        "السفير خافيير سولانا، ".repeat(2_000),
        "وأكد السفير خافيير سولانا أن الوفد سيعود. ".repeat(2_000)
    );
    let analysis = analyze_checked(&text);
    assert_eq!(analysis.guesses.len(), 4_000);
    assert_eq!(analysis.attributions.len(), 2_000);
    assert!(
        analysis
            .attributions
            .iter()
            .all(|a| a.source.is_some_and(|s| &text[s] == "السفير خافيير سولانا"))
    );
    let mut reversed = analysis.guesses.clone();
    reversed.reverse();
    let findings = khabar::attribution::Findings {
        tokens: &analysis.tokens,
        sentences: &analysis.sentences,
        mentions: &analysis.mentions,
        names: &reversed,
    };
    assert_eq!(
        khabar::Attributor::new().extract_with(&text, &findings),
        analysis.attributions
    );
}

#[test]
fn rules_neither_repeat_nor_cut_a_name_the_gazetteer_knows() {
    // SaudiNewsNet: the feature and institution rules read over the places inside a name, but a name the
    // gazetteer knows whole (نهر النيل، شبه جزيرة سيناء، the hospital with its research centre) stays
    // one mention, found once.
    let text = "وصل الجيش إلى شبه جزيرة سيناء قرب نهر النيل، ونقل المريض إلى مستشفى الملك فيصل التخصصي \
                ومركز الأبحاث ثم إلى مستشفى الملك فهد بجدة.";
    let analysis = analyze_checked(text);
    assert_eq!(
        texts(text, analysis.mentions.iter().map(|m| m.span)),
        [
            "شبه جزيرة سيناء",
            "نهر النيل",
            "مستشفى الملك فيصل التخصصي ومركز الأبحاث",
            "جدة"
        ]
    );
    assert_eq!(
        texts(text, analysis.guesses.iter().map(|g| g.span)),
        ["مستشفى الملك فهد"]
    );
}

#[test]
fn a_long_run_of_facility_names() {
    // Each airport is one place with its head, read over the city the gazetteer knows; the checks that a
    // rule cuts no mention search the mentions instead of walking them all, which on this text took
    // time quadratic in the number of names.
    let text = "مطار الدمام ".repeat(20_000);
    let analysis = analyze_checked(&text);
    assert!(analysis.mentions.is_empty());
    assert_eq!(analysis.guesses.len(), 20_000);
    assert!(
        analysis
            .guesses
            .iter()
            .all(|g| &text[g.span] == "مطار الدمام")
    );
}

#[test]
fn thousands_of_people_with_distinct_family_names() {
    // Each a full name with a title, then its family name alone: every later family name is the person
    // (a search over the family names, not over the people, keeps this linear: see benches/adversarial.rs).
    // No letter that makes a proclitic, a verb's prefix or a feminine ending.
    const LETTERS: [char; 16] = [
        'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
    ];
    let family =
        |i: usize| -> String { (0..5).map(|k| LETTERS[(i / 16usize.pow(k)) % 16]).collect() };
    let people = 2_000;
    let mut text = String::new();
    for i in 0..people {
        text.push_str(&format!("وقال السفير محمد {} إن الأمر مهم. ", family(i)));
    }
    for i in 0..people {
        text.push_str(&format!("وأضاف {} أن الوفد وصل. ", family(i)));
    }
    let analysis = analyze_checked(&text);
    let found = texts(&text, analysis.guesses.iter().map(|g| g.span));
    assert_eq!(found.len(), 2 * people);
    assert_eq!(found[0], format!("محمد {}", family(0)));
    assert_eq!(found[people], family(0));
    assert_eq!(found[2 * people - 1], family(people - 1));
}
