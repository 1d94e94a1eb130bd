//! Matching on real sentences (the seed article and lines of SaudiNewsNet), one case a line: the text,
//! then every mention expected, as `"the text its span selects" => "entity id"`, in text order.
//!
//! The gazetteer is built here, so these tests do not depend on the embedded data.

use std::sync::OnceLock;

use khabar_gazetteer::{Entity, EntityKind, Gazetteer, MatchSource, Mention};

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        use EntityKind::{Location as Loc, Organization as Org, Person as Per};
        let entities = [
            Entity::new("org:nato", Org, "حلف شمال الأطلسي").with_aliases([
                "الناتو",
                "ناتو",
                "حلف الناتو",
            ]),
            Entity::new("loc:atlantic", Loc, "الأطلسي"),
            Entity::new("loc:iq", Loc, "العراق"),
            Entity::new("loc:baghdad", Loc, "بغداد"),
            Entity::new("loc:ir", Loc, "إيران"),
            Entity::new("loc:tehran", Loc, "طهران"),
            Entity::new("loc:washington", Loc, "واشنطن"),
            Entity::new("loc:us", Loc, "الولايات المتحدة").with_aliases(["أمريكا", "أميركا"]),
            Entity::new("loc:mosul", Loc, "الموصل"),
            Entity::new("loc:syria", Loc, "سوريا").with_aliases(["سورية"]),
            Entity::new("loc:turkey", Loc, "تركيا"),
            Entity::new("loc:vienna", Loc, "فيينا"),
            Entity::new("loc:riyadh", Loc, "الرياض"),
            Entity::new("loc:istanbul", Loc, "إسطنبول"),
            Entity::new("loc:emirates", Loc, "الإمارات"),
            Entity::new("loc:sa", Loc, "السعودية").with_aliases(["المملكة العربية السعودية"]),
            Entity::new("per:sudani", Per, "محمد شياع السوداني"),
            Entity::new("per:erdogan", Per, "رجب طيب أردوغان").with_aliases(["أردوغان"]),
            Entity::new("per:musa", Per, "عمرو موسى"),
            Entity::new("org:kataib", Org, "كتائب \"سيد الشهداء\""),
            Entity::new("org:shafaq", Org, "شفق نيوز").with_aliases(["وكالة شفق نيوز"]),
            Entity::new("org:isis", Org, "داعش")
                .with_aliases(["تنظيم الدولة الإسلامية", "تنظيم داعش"]),
            Entity::new("org:coalition", Org, "التحالف الدولي"),
            Entity::new("org:g20", Org, "مجموعة العشرين").with_aliases(["مجموعة 20"]),
        ];
        let mut builder = Gazetteer::builder();
        for entity in entities {
            builder.add(entity).expect("valid entity");
        }
        builder.build().expect("the test gazetteer builds")
    })
}

/// The mentions of `text` as (selected text, entity id) pairs.
fn found<'t>(gazetteer: &Gazetteer, text: &'t str) -> Vec<(&'t str, String)> {
    gazetteer
        .find(text)
        .iter()
        .map(|m| (&text[m.span], gazetteer.entity(m.entity).id.clone()))
        .collect()
}

fn check(text: &str, expected: &[(&str, &str)]) {
    let got = found(gazetteer(), text);
    let expected: Vec<(&str, String)> = expected
        .iter()
        .map(|&(s, id)| (s, id.to_string()))
        .collect();
    assert_eq!(got, expected, "in {text:?}");
}

/// `name: "text" => ["span" => "id", …];` — one test per line.
macro_rules! cases {
    ($($name:ident: $text:expr => [$($span:expr => $id:expr),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                check($text, &[$(($span, $id)),*]);
            }
        )*
    };
}

// Spelling variants folded by the normaliser, on both sides.
cases! {
    alef_hamza_in_name_bare_in_text: "تحتل امريكا العراق" => ["امريكا" => "loc:us", "العراق" => "loc:iq"];
    alef_madda_in_text: "قالت آمريكا" => ["آمريكا" => "loc:us"];
    alef_hamza_below_bare_in_text: "وصل الى اسطنبول مساء" => ["اسطنبول" => "loc:istanbul"];
    alef_hamza_below_both: "وصل إلى إسطنبول مساء" => ["إسطنبول" => "loc:istanbul"];
    hamza_above_below_swapped: "زيارة أيران" => ["أيران" => "loc:ir"];
    bare_alef_for_article_hamza: "دولة الامارات" => ["الامارات" => "loc:emirates"];
    alef_maqsura_as_ya: "صرح عمرو موسي أمس" => ["عمرو موسي" => "per:musa"];
    alef_maqsura_as_written: "صرح عمرو موسى أمس" => ["عمرو موسى" => "per:musa"];
    diacritics_in_text: "مدينة بَغْدَادُ القديمة" => ["بَغْدَادُ" => "loc:baghdad"];
    shadda_and_tanwin: "وصل إلى العِراقِّ أمس" => ["العِراقِّ" => "loc:iq"];
    tatweel_in_text: "شوارع بغــداد" => ["بغــداد" => "loc:baghdad"];
    arabic_indic_digits: "قمة مجموعة ٢٠ في الرياض" => ["مجموعة ٢٠" => "org:g20", "الرياض" => "loc:riyadh"];
    persian_digits: "قمة مجموعة ۲۰ المقبلة" => ["مجموعة ۲۰" => "org:g20"];
    ascii_digits: "قمة مجموعة 20 المقبلة" => ["مجموعة 20" => "org:g20"];
    digits_do_not_run_on: "مجموعة 200 شخص" => [];
    bidi_mark_inside_name: "زار بغ\u{200F}داد" => ["بغ\u{200F}داد" => "loc:baghdad"];
}

// Proclitics: the span is the name without them.
cases! {
    wa_before_article: "تعاون والناتو" => ["الناتو" => "org:nato"];
    bi_before_article: "قرب مدينة الموصل بالعراق" => ["الموصل" => "loc:mosul", "العراق" => "loc:iq"];
    fa_before_name: "فبغداد لا تريد ذلك" => ["بغداد" => "loc:baghdad"];
    ka_before_article: "بلد كالعراق" => ["العراق" => "loc:iq"];
    wa_bi_stack: "اجتماع وبواشنطن" => ["واشنطن" => "loc:washington"];
    wa_before_name: "بيروت تحت الاجتياح الإسرائيلي وبغداد تحت الاحتلال الأميركي" => ["بغداد" => "loc:baghdad"];
    wa_in_list: "مناطق واسعة من سوريا والعراق" => ["سوريا" => "loc:syria", "العراق" => "loc:iq"];
    li_before_hamza: "وسمح لإيران بالتدخل في الشأن الداخلي للعراق" => ["إيران" => "loc:ir", "لعراق" => "loc:iq"];
    li_before_name: "فضلا عن الزيارات لطهران بعد التوصل إلى الاتفاق النووي في فيينا" => ["طهران" => "loc:tehran", "فيينا" => "loc:vienna"];
    li_before_multiword: "دعا الأمين العام لحلف شمال الأطلسي إلى اجتماع" => ["حلف شمال الأطلسي" => "org:nato"];
    three_letters_are_not_a_proclitic: "فيالعراق" => [];
    non_proclitic_letter: "سالعراق" => [];
    article_is_not_a_proclitic: "الناتو والاناتو" => ["الناتو" => "org:nato"];
}

// The contraction ل + ال → لل: the span keeps the article's ل.
cases! {
    lil_iraq: "إبان الغزو الأميركي للعراق" => ["لعراق" => "loc:iq"];
    lil_multiword: "تركيا سمحت للولايات المتحدة بشن غارات" => ["تركيا" => "loc:turkey", "لولايات المتحدة" => "loc:us"];
    lil_after_wa: "وللعراق حدود" => ["لعراق" => "loc:iq"];
    contraction_needs_the_li: "ثم لعراق" => [];
    contraction_needs_a_proclitic_li: "بلعراق" => [];
    plain_li_before_article_too: "لالعراق" => ["العراق" => "loc:iq"];
}

// A name never matches inside a longer word.
cases! {
    not_in_nisba: "مصير المدنيين العراقيين في شمال العراق" => ["العراق" => "loc:iq"];
    not_in_feminine_nisba: "وأفاد المكتب الإعلامي لرئيس الحكومة العراقية" => [];
    not_in_iranian: "توسّع الهيمنة الإيرانية وتصاعد الطموحات" => [];
    not_in_quoted_adjective: "ويتحفظ العامري على «الطهرانية» التي ينادي بها البعض" => [];
    not_after_a_latin_letter: "xبغداد" => [];
    not_before_a_digit: "بغداد2" => [];
    quotes_around_a_name: "تنظيم الدولة الإسلامية \"داعش\" من البلاد" => ["تنظيم الدولة الإسلامية" => "org:isis", "داعش" => "org:isis"];
    guillemets_around_a_name: "متشددي «داعش» انطلاقا" => ["داعش" => "org:isis"];
    punctuation_after_a_name: "العراق، وسوريا." => ["العراق" => "loc:iq", "سوريا" => "loc:syria"];
}

// Multi-word names across any run of whitespace.
cases! {
    no_break_space: "حلف\u{00A0}شمال\u{00A0}الأطلسي" => ["حلف\u{00A0}شمال\u{00A0}الأطلسي" => "org:nato"];
    double_space: "أعلن حلف  شمال الأطلسي" => ["حلف  شمال الأطلسي" => "org:nato"];
    line_break: "سمحت للولايات\nالمتحدة بشن" => ["لولايات\nالمتحدة" => "loc:us"];
    crlf_and_tab: "رجب طيب\r\n\tأردوغان" => ["رجب طيب\r\n\tأردوغان" => "per:erdogan"];
    narrow_no_break_space: "وكالة\u{202F}شفق نيوز" => ["وكالة\u{202F}شفق نيوز" => "org:shafaq"];
}

// Overlaps resolve to the longest valid name.
cases! {
    longest_wins: "يعقد حلف شمال الأطلسي اجتماعا" => ["حلف شمال الأطلسي" => "org:nato"];
    shorter_alone: "عبر المحيط الأطلسي" => ["الأطلسي" => "loc:atlantic"];
    shorter_alone_with_article: "عبر الأطلسي" => ["الأطلسي" => "loc:atlantic"];
    nested_alias: "قصف طيران حلف الناتو" => ["حلف الناتو" => "org:nato"];
    longer_alias_over_shorter: "أكدت وكالة شفق نيوز" => ["وكالة شفق نيوز" => "org:shafaq"];
    full_name_over_alias: "قال رجب طيب أردوغان إن" => ["رجب طيب أردوغان" => "per:erdogan"];
    invalid_longer_keeps_shorter: "حلف شمال الأطلسيين" => [];
    adjacent_names: "سوريا العراق" => ["سوريا" => "loc:syria", "العراق" => "loc:iq"];
}

// Quotation marks inside a name belong to it, whatever their style.
cases! {
    straight_quotes: "ميليشيات عراقية من بينها كتائب \"سيد الشهداء\" الموالية لإيران" => ["كتائب \"سيد الشهداء\"" => "org:kataib", "إيران" => "loc:ir"];
    guillemets: "من بينها كتائب «سيد الشهداء» الموالية" => ["كتائب «سيد الشهداء»" => "org:kataib"];
    curly_quotes: "من بينها كتائب “سيد الشهداء” الموالية" => ["كتائب “سيد الشهداء”" => "org:kataib"];
    single_quotes: "من بينها كتائب 'سيد الشهداء' الموالية" => ["كتائب 'سيد الشهداء'" => "org:kataib"];
    quote_marks_are_needed: "من بينها كتائب سيد الشهداء الموالية" => [];
    quoted_name_with_proclitic: "هاجمت وكتائب «سيد الشهداء»" => ["كتائب «سيد الشهداء»" => "org:kataib"];
}

// Short names: after a person's full name, the family name alone links to the person.
cases! {
    later_family_name_links: "دعا محمد شياع السوداني إلى الحوار. وأعرب السوداني عن رغبته" => ["محمد شياع السوداني" => "per:sudani", "السوداني" => "per:sudani"];
    earlier_family_name_does_not: "السوداني يدعو. دعا محمد شياع السوداني إلى الحوار" => ["محمد شياع السوداني" => "per:sudani"];
    family_name_with_contraction: "محمد شياع السوداني. حددت للسوداني مهلة" => ["محمد شياع السوداني" => "per:sudani", "لسوداني" => "per:sudani"];
    family_name_with_proclitic: "محمد شياع السوداني. ويواجه والسوداني ضغوطا" => ["محمد شياع السوداني" => "per:sudani", "السوداني" => "per:sudani"];
    family_name_not_inside_a_word: "محمد شياع السوداني. السودانيين" => ["محمد شياع السوداني" => "per:sudani"];
    family_name_only_for_people: "حلف شمال الأطلسي. الأطلسي" => ["حلف شمال الأطلسي" => "org:nato", "الأطلسي" => "loc:atlantic"];
    alias_links_anywhere: "أردوغان قال. رجب طيب أردوغان" => ["أردوغان" => "per:erdogan", "رجب طيب أردوغان" => "per:erdogan"];
}

#[test]
fn proclitic_span_is_reported() {
    let g = gazetteer();
    for (text, name, proclitic) in [
        ("والناتو", "الناتو", Some("و")),
        ("وبواشنطن", "واشنطن", Some("وب")),
        ("للعراق", "لعراق", Some("ل")),
        ("وللعراق", "لعراق", Some("ول")),
        ("لإيران", "إيران", Some("ل")),
        ("وَالعراق", "العراق", Some("وَ")),
        ("بغداد", "بغداد", None),
        ("«داعش»", "داعش", None),
    ] {
        let mentions = g.find(text);
        assert_eq!(mentions.len(), 1, "in {text:?}");
        let m = &mentions[0];
        assert_eq!(&text[m.span], name, "in {text:?}");
        assert_eq!(m.proclitic.map(|p| &text[p]), proclitic, "in {text:?}");
        assert_eq!(m.source, MatchSource::Name);
    }
}

#[test]
fn alias_index_names_the_matched_name() {
    let g = gazetteer();
    let text = "قصف طيران حلف الناتو والناتو وناتو وحلف شمال الأطلسي";
    let names: Vec<&str> = g.find(text).iter().map(|m| g.matched_name(m)).collect();
    assert_eq!(names, ["حلف الناتو", "الناتو", "ناتو", "حلف شمال الأطلسي"]);
    let aliases: Vec<u32> = g.find(text).iter().map(|m| m.alias).collect();
    assert_eq!(aliases, [3, 1, 2, 0]);
}

#[test]
fn short_name_source_and_entity() {
    let g = gazetteer();
    let text = "دعا محمد شياع السوداني إلى الحوار. وأعرب السوداني عن رغبته";
    let mentions = g.find(text);
    let sources: Vec<MatchSource> = mentions.iter().map(|m| m.source).collect();
    assert_eq!(sources, [MatchSource::Name, MatchSource::ShortName]);
    assert_eq!(mentions[0].entity, mentions[1].entity);
    assert_eq!(mentions[1].kind, EntityKind::Person);
}

fn build(entities: impl IntoIterator<Item = Entity>) -> Gazetteer {
    let mut builder = Gazetteer::builder();
    for entity in entities {
        builder.add(entity).expect("valid entity");
    }
    builder.build().expect("builds")
}

#[test]
fn rejected_longer_candidate_does_not_hide_a_shorter_one() {
    let g = build([
        Entity::new("hilf", EntityKind::Organization, "حلف"),
        Entity::new("nato", EntityKind::Organization, "حلف شمال الأطلسي"),
    ]);
    assert_eq!(
        found(&g, "حلف شمال الأطلسيين"),
        [("حلف", "hilf".to_string())]
    );
    assert_eq!(
        found(&g, "حلف شمال الأطلسي"),
        [("حلف شمال الأطلسي", "nato".to_string())]
    );
}

#[test]
fn ambiguous_name_reports_every_entity() {
    let g = build([
        Entity::new("loc:georgia-country", EntityKind::Location, "جورجيا"),
        Entity::new("loc:georgia-state", EntityKind::Location, "ولاية جورجيا")
            .with_aliases(["جورجيا"]),
        Entity::new("loc:iq", EntityKind::Location, "العراق"),
    ]);
    let text = "زار وجورجيا ثم ولاية جورجيا";
    let mentions = g.find(text);
    assert_eq!(mentions.len(), 2);
    assert_eq!(&text[mentions[0].span], "جورجيا");
    let id = |m: &Mention| g.entity(m.entity).id.clone();
    assert_eq!(id(&mentions[0]), "loc:georgia-country");
    let also: Vec<&str> = mentions[0]
        .also
        .iter()
        .map(|e| g.entity(*e).id.as_str())
        .collect();
    assert_eq!(also, ["loc:georgia-state"]);
    assert_eq!(g.matched_name(&mentions[0]), "جورجيا");
    assert_eq!(&text[mentions[1].span], "ولاية جورجيا");
    assert_eq!(id(&mentions[1]), "loc:georgia-state");
    assert!(mentions[1].also.is_empty());
}

#[test]
fn names_differing_only_in_ascii_case_are_one_ambiguous_name() {
    let g = build([
        Entity::new("a", EntityKind::Organization, "NATO"),
        Entity::new("b", EntityKind::Organization, "Nato"),
    ]);
    let text = "قال nato أمس";
    let mentions = g.find(text);
    assert_eq!(mentions.len(), 1);
    assert_eq!(&text[mentions[0].span], "nato");
    let ids: Vec<&str> = std::iter::once(mentions[0].entity)
        .chain(mentions[0].also.iter().copied())
        .map(|e| g.entity(e).id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn short_name_shared_by_two_people_lists_only_those_already_named() {
    let g = build([
        Entity::new("per:a", EntityKind::Person, "علي حسن الخطيب"),
        Entity::new("per:b", EntityKind::Person, "سمير الخطيب"),
    ]);
    let text = "قال علي حسن الخطيب. ورد الخطيب على سمير الخطيب. ثم الخطيب";
    let mentions = g.find(text);
    let got: Vec<(&str, &str, Vec<&str>)> = mentions
        .iter()
        .map(|m| {
            (
                &text[m.span],
                g.entity(m.entity).id.as_str(),
                m.also.iter().map(|e| g.entity(*e).id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("علي حسن الخطيب", "per:a", vec![]),
            ("الخطيب", "per:a", vec![]),
            ("سمير الخطيب", "per:b", vec![]),
            ("الخطيب", "per:a", vec!["per:b"]),
        ]
    );
}

/// The seed article: every mention of the entities above, in order.
#[test]
fn seed_article() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/article.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("seed article not found at {path}; skipping");
        return;
    };
    let g = gazetteer();
    let got = found(g, &text);
    let got: Vec<(&str, &str)> = got.iter().map(|(s, id)| (*s, id.as_str())).collect();
    let expected = [
        // The headline's السوداني comes before the full name and is not an alias: no mention.
        ("الناتو", "org:nato"),
        ("حلف شمال الأطلسي", "org:nato"),
        ("بغداد", "loc:baghdad"),
        ("محمد شياع السوداني", "per:sudani"),
        ("حلف شمال الأطلسي", "org:nato"),
        ("ناتو", "org:nato"),
        ("التحالف الدولي", "org:coalition"),
        ("تنظيم الدولة الإسلامية", "org:isis"),
        ("داعش", "org:isis"),
        ("واشنطن", "loc:washington"),
        ("بغداد", "loc:baghdad"),
        ("السوداني", "per:sudani"),
        ("الناتو", "org:nato"),
        ("العراق", "loc:iq"),
        ("داعش", "org:isis"),
        ("السوداني", "per:sudani"),
        ("التحالف الدولي", "org:coalition"),
        ("داعش", "org:isis"),
        ("السوداني", "per:sudani"),
        ("إيران", "loc:ir"),
        ("العراق", "loc:iq"),
        ("السوداني", "per:sudani"),
        ("حلف الناتو", "org:nato"),
        ("إيران", "loc:ir"),
        ("طهران", "loc:tehran"),
        ("العراق", "loc:iq"),
        ("الولايات المتحدة", "loc:us"),
        ("العراق", "loc:iq"),
        ("واشنطن", "loc:washington"),
        ("واشنطن", "loc:washington"),
        ("بغداد", "loc:baghdad"),
        ("التحالف الدولي", "org:coalition"),
        ("كتائب \"سيد الشهداء\"", "org:kataib"),
        ("إيران", "loc:ir"),
        ("بغداد", "loc:baghdad"),
        ("واشنطن", "loc:washington"),
        ("لسوداني", "per:sudani"),
        ("لولايات المتحدة", "loc:us"),
        ("شفق نيوز", "org:shafaq"),
        ("العراق", "loc:iq"),
        ("الولايات المتحدة", "loc:us"),
        ("واشنطن", "loc:washington"),
        ("بغداد", "loc:baghdad"),
        ("طهران", "loc:tehran"),
        ("العراق", "loc:iq"),
        ("واشنطن", "loc:washington"),
    ];
    assert_eq!(got, expected);
}

mod nisba {
    use khabar_gazetteer::{Entity, EntityKind, Gazetteer, MatchSource};

    fn iraq(nisba: bool) -> Gazetteer {
        let mut builder = Gazetteer::builder();
        builder
            .add(
                Entity::new("loc:iq", EntityKind::Location, "العراق")
                    .with_attribute("nisba", "عراقي"),
            )
            .expect("valid entity");
        builder.nisba(nisba).build().expect("builds")
    }

    #[test]
    fn adjectives_link_to_their_place_when_asked() {
        let text = "وأكد مسؤولون عراقيون أن الحكومة العراقية تدعم العراق وللعراقيين حق التظاهر";
        let found: Vec<(&str, MatchSource)> = iraq(true)
            .find(text)
            .iter()
            .map(|m| (&text[m.span], m.source))
            .collect();
        assert_eq!(
            found,
            [
                ("عراقيون", MatchSource::Nisba),
                ("العراقية", MatchSource::Nisba),
                ("العراق", MatchSource::Name),
                ("لعراقيين", MatchSource::Nisba),
            ]
        );
    }

    #[test]
    fn adjectives_are_not_reported_by_default() {
        let text = "الحكومة العراقية تدعم العراق";
        let found: Vec<&str> = iraq(false)
            .find(text)
            .iter()
            .map(|m| &text[m.span])
            .collect();
        assert_eq!(found, ["العراق"]);
    }

    #[test]
    fn the_nisba_switch_survives_a_round_trip_through_bytes() {
        let gazetteer = iraq(true);
        let loaded = Gazetteer::from_bytes(&gazetteer.to_bytes()).expect("loads");
        let text = "الحكومة العراقية";
        assert_eq!(loaded.find(text), gazetteer.find(text));
        assert_eq!(loaded.find(text).len(), 1);
    }
}

// A place named like a feminine nisba is the adjective right after a definite noun (not after a place
// word or إلى), and the place anywhere else.
cases! {
    nisba_shaped_place_after_definite_noun: "وقعت الاشتباكات على الحدود السعودية أمس" => [];
    nisba_shaped_place_after_preposition: "وعادت القوات إلى السعودية أمس" => ["السعودية" => "loc:sa"];
    nisba_shaped_place_with_proclitic: "بين قطر والسعودية" => ["السعودية" => "loc:sa"];
    nisba_shaped_place_in_a_longer_name: "زار المملكة العربية السعودية" => ["المملكة العربية السعودية" => "loc:sa"];
    nisba_shaped_place_after_place_word: "في المنطقة السعودية من الخليج" => ["السعودية" => "loc:sa"];
    // The definite noun may carry proclitics, or the contracted لل (SaudiNewsNet).
    nisba_shaped_place_after_contracted_article: "نما عدد العائدين للأراضي السعودية" => [];
    nisba_shaped_place_after_bi_and_article: "الطلاب المقبولين بالجامعات السعودية" => [];
    nisba_shaped_place_after_wa_and_article: "تراعي العادات والتقاليد السعودية" => [];
    nisba_shaped_place_after_a_word_spelled_with_wal: "قال والي السعودية" => ["السعودية" => "loc:sa"];
}

/// A person known by one word that is the nisba of a known place (السوداني, of السودان) is that
/// adjective right after a definite noun, a title among them; anywhere else it is the person.
#[test]
fn a_person_named_by_a_place_nisba_is_the_adjective_after_a_definite_noun() {
    let gazetteer = Gazetteer::default();
    let people = |text: &str| -> Vec<String> {
        gazetteer
            .find(text)
            .iter()
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| text[m.span].to_string())
            .collect()
    };
    for text in [
        "وأفاد مصطفى الختم السوداني المقيم في محافظة الحائط أنهم لا يشعرون بالغربة",
        "وجدد نائب الرئيس السوداني دعوته إلى الحوار",
        "في دعم الجنيه السوداني ودفع فاتورة الاستيراد",
    ] {
        assert_eq!(people(text), Vec::<String>::new(), "{text}");
    }
    let text = "تنفيذ مذكرة توقيف بحق الرئيس السوداني عمر البشير";
    assert_eq!(people(text), ["عمر البشير"]);
    for text in [
        "السوداني يدعو إلى الحوار",
        "وقال السوداني إن الحكومة ماضية",
        "أكد رئيس الوزراء محمد شياع السوداني أن الحكومة ماضية",
    ] {
        assert_eq!(people(text).len(), 1, "{text}");
    }
    // A family name that is no place's nisba stays the person after a title.
    let text = "وكان الرئيس السيسي أكد خلال حفل التخرج";
    assert_eq!(people(text), ["السيسي"]);
}

/// A known person's family name alone, shaped like a nisba, after a definite noun other than a title is
/// that noun's adjective (SaudiNewsNet: العمل العربي المشترك was نبيل العربي 20 times); after a title it
/// is the person.
#[test]
fn a_family_name_shaped_like_a_nisba_is_the_adjective_after_a_definite_noun() {
    let gazetteer = Gazetteer::default();
    let text = "قال الأمين العام للجامعة العربية نبيل العربي إن مسيرة العمل العربي المشترك مستمرة \
                لحماية الأمن القومي العربي. وأكد الدكتور العربي أن الجامعة";
    let people: Vec<(&str, usize)> = gazetteer
        .find(text)
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| (&text[m.span], m.span.start))
        .collect();
    let after_the_title = text.find("العربي أن").expect("in the text");
    assert_eq!(
        people,
        [
            ("نبيل العربي", text.find("نبيل").expect("in the text")),
            ("العربي", after_the_title)
        ]
    );
}

/// A name longer than the compact trie can hold (its rest after the distinguishing prefix runs over 255
/// characters) still builds, matches, and survives saving and loading.
#[test]
fn a_very_long_name_builds_and_matches() {
    let long = format!("هيئة {}", "الرقابة والتحقيق ".repeat(20).trim());
    assert!(long.chars().count() > 300);
    let gazetteer = build([
        Entity::new("org:long", EntityKind::Organization, long.as_str()),
        Entity::new("loc:iq", EntityKind::Location, "العراق"),
    ]);
    let text = format!("أعلنت {long} في العراق أمس");
    for g in [
        &gazetteer,
        &Gazetteer::from_bytes(&gazetteer.to_bytes()).expect("loads"),
    ] {
        let found: Vec<&str> = g.find(&text).iter().map(|m| &text[m.span]).collect();
        assert_eq!(found, [long.as_str(), "العراق"]);
    }
}

/// A name holding U+FFFF (a noncharacter the trie library reserves) still builds and matches.
#[test]
fn a_name_with_a_noncharacter_builds_and_matches() {
    let gazetteer = build([Entity::new(
        "org:x",
        EntityKind::Organization,
        "شركة\u{FFFF}س",
    )]);
    let text = "أعلنت شركة\u{FFFF}س أمس";
    let found: Vec<&str> = gazetteer.find(text).iter().map(|m| &text[m.span]).collect();
    assert_eq!(found, ["شركة\u{FFFF}س"]);
}

// SaudiNewsNet: the last word of these names is no one alone (صلى الله عليه وسلم was حسن نصر الله, every
// later سعود was King Salman of آل سعود, and the father's name of a patronymic stood for the son).
#[test]
fn no_short_name_from_a_compound_given_name_a_patronymic_or_a_clan() {
    let g = Gazetteer::default();
    let short_names = |text: &str| -> Vec<String> {
        g.find(text)
            .iter()
            .filter(|m| m.source == MatchSource::ShortName)
            .map(|m| text[m.span].to_string())
            .collect()
    };
    let none: [&str; 0] = [];
    assert_eq!(
        short_names("وقال حسن نصر الله إن الحزب مستعد. وقال النبي صلى الله عليه وسلم"),
        none
    );
    assert_eq!(
        short_names(
            "استقبل الملك سلمان بن عبدالعزيز آل سعود الوفد، بحضور سعود القحطاني المستشار \
             في الديوان، منذ عهد الملك عبدالعزيز"
        ),
        none
    );
    // A family name of its own still stands for the person.
    assert_eq!(
        short_names("وقال وزير الخارجية عادل الجبير إن المملكة ترحب. وأضاف الجبير أن"),
        ["الجبير"]
    );
}

// SaudiNewsNet: a one-word name the data marks as a common word too (`ambiguous=common-word`), followed
// by a definite feminine adjective, is that common noun (the base, the island), unless the adjective is
// a nationality.
#[test]
fn a_common_word_name_with_a_feminine_adjective_is_the_common_noun() {
    let g = Gazetteer::default();
    let found = |text: &str| -> Vec<String> {
        g.find(text)
            .iter()
            .map(|m| format!("{} {}", &text[m.span], g.entity(m.entity).id))
            .collect()
    };
    assert_eq!(
        found("إن مقاتلات اف-16 أقلعت من القاعدة الجوية في ديار بكر"),
        ["ديار بكر loc:diyarbakir"]
    );
    assert_eq!(
        found("مع وضع الحواجز في الجزيرة الوسطية للطريق"),
        Vec::<String>::new()
    );
    assert_eq!(
        found("سيطرة القاعدة على المكلا، وقناة الجزيرة القطرية"),
        [
            "القاعدة org:al-qaeda",
            "المكلا loc:mukalla",
            "الجزيرة org:aljazeera"
        ]
    );
}

// SaudiNewsNet: an organisation of one country named right before another country's nationality
// adjective is a namesake the gazetteer does not know, and is not linked to the one it knows. The same
// country's adjective, an adjective that cannot agree with a feminine head, and organisations without a
// country change nothing.
#[test]
fn another_countrys_adjective_unlinks_a_national_organisation() {
    let g = Gazetteer::default();
    let ids = |text: &'static str| found(&g, text);
    let none: [(&str, String); 0] = [];
    assert_eq!(
        ids("يعير لانزيني إلى وست هام أعار الجزيرة الإماراتي لاعبه"),
        none
    );
    assert_eq!(
        ids("متزايد للطائرات دون طيار حذرت هيئة الطيران المدني البريطانية اليوم"),
        none
    );
    assert_eq!(
        ids("قريره حول الاتفاق النووي أمام مجلس الشورى الإيراني، أمس"),
        none
    );
    assert_eq!(
        ids("وافق مجلس الشورى السعودي على النظام"),
        [("مجلس الشورى", "org:shura-council".to_string())]
    );
    assert_eq!(
        ids("بإعدام مذيع قناة الجزيرة السوري فيصل القاسم"),
        [("الجزيرة", "org:aljazeera".to_string())]
    );
    assert_eq!(
        ids("وقالت وزارة التجارة الأمريكية أمس إن الناتج"),
        [("وزارة التجارة", "org:ministry-commerce".to_string())]
    );
    // مالي names Mali, but المالية is "financial": no nationality.
    assert_eq!(
        ids("اتفاق بين نادي بورتو المالية والبنك"),
        [("نادي بورتو", "org:fc-porto".to_string())]
    );
}

// SaudiNewsNet: الوحدات is "the units" (الوحدات السكنية، الوحدات الأمنية) in Saudi news; the Jordanian
// club is matched as نادي الوحدات.
#[test]
fn al_wahdat_is_the_club_only_with_its_head() {
    let g = Gazetteer::default();
    let text = "ارتفاع أسعار الوحدات السكنية، وفاز نادي الوحدات الأردني";
    let found = found(&g, text);
    assert_eq!(found, [("نادي الوحدات", "org:al-wahdat".to_string())]);
}

// SaudiNewsNet: a place named like a masculine nisba (الرمادي) right after a definite noun is the
// adjective (الذئب الرمادي: the grey wolf); after an indefinite place word it is the city.
#[test]
fn a_place_named_like_a_masculine_nisba_after_a_definite_noun_is_the_adjective() {
    let g = Gazetteer::default();
    let text = "وقفزت أعداد الذئب الرمادي في أوروبا، واشتباكات في مدينة الرمادي";
    assert_eq!(
        found(&g, text),
        [
            ("أوروبا", "loc:europe".to_string()),
            ("الرمادي", "loc:ramadi".to_string())
        ]
    );
}

// SaudiNewsNet: وفيات (deaths) is no و + Fiat; the company is matched by its full name.
#[test]
fn deaths_are_not_fiat() {
    let g = Gazetteer::default();
    let text = "في ظل ارتفاع نسب وفيات الحوادث، قررت شركة «فيات كرايسلر» سحب 1.4 مليون سيارة";
    assert_eq!(found(&g, text), [("فيات كرايسلر", "org:fiat".to_string())]);
}

// SaudiNewsNet: وجدة is و + جدة ("and Jeddah") all 290 times the corpus writes it; Oujda, which folds to
// the same letters, is not in the embedded data.
#[test]
fn wa_jeddah_is_and_jeddah() {
    let g = Gazetteer::default();
    let text = "في مكة المكرمة وجدة والطائف";
    assert_eq!(
        found(&g, text),
        [
            ("مكة المكرمة", "loc:makkah".to_string()),
            ("جدة", "loc:jeddah".to_string()),
            ("الطائف", "loc:taif".to_string())
        ]
    );
}

// SaudiNewsNet: أودى بحياة ("took the life of"), مرسى دبي ("Dubai Marina") and وأم ("and mother of") fold to
// the names of Audi, Morsi and the agency وام, whose data asks for their exact spelling; once the entity
// is named, a later variant is his (Egyptian papers write محمد مرسى).
#[test]
fn names_that_must_be_spelled_exactly_are_not_their_homographs() {
    let g = Gazetteer::default();
    let text = "الهجوم الذي أودى بحياة 27 شخصا، وبيعت فيلا في مرسى دبي، وارتفعت مبيعات أودي";
    assert_eq!(
        found(&g, text),
        [
            ("دبي", "loc:dubai".to_string()),
            ("أودي", "org:audi".to_string())
        ]
    );
    let text = "وقال الرئيس المعزول محمد مرسى إن مرسى لن يتراجع";
    assert_eq!(
        found(&g, text),
        [
            ("محمد مرسى", "per:mohamed-morsi".to_string()),
            ("مرسى", "per:mohamed-morsi".to_string())
        ]
    );
}

// A mention dropped before the short names (here the Emirati club, not the channel) must not shift
// which full name each later family name belongs to: مدني is still إياد مدني.
#[test]
fn a_dropped_namesake_leaves_the_short_names_of_later_people() {
    let g = Gazetteer::default();
    let text = "فاز الجزيرة الإماراتي أمس. وقال إياد مدني إن الهجوم مدان، وشدد مدني على ثقته";
    assert_eq!(
        found(&g, text),
        [
            ("إياد مدني", "per:iyad-madani".to_string()),
            ("مدني", "per:iyad-madani".to_string())
        ]
    );
}

// SaudiNewsNet: places whose names, spelled otherwise, are frequent words (باكرا "early" is ب + اكرا for
// Accra, مآرب "aims" for Marib, فأس "an axe" for Fez, حمأة "mire" for Hama, صفوي "Safavid" for Safwa);
// their data asks for the spellings it lists (مارب, without the hamza, is one of Marib's).
#[test]
fn places_spelled_otherwise_are_other_words() {
    let g = Gazetteer::default();
    let text = "خرج باكرا لتحقيق مآرب خاصة بعد أن وقع فأس في حمأة الحرب، ومشروع صفوي";
    assert_eq!(found(&g, text), []);
    let text = "اشتباكات في محافظة مارب وفي مدينة فاس";
    assert_eq!(
        found(&g, text),
        [
            ("مارب", "loc:marib".to_string()),
            ("فاس", "loc:fes".to_string())
        ]
    );
}

// SaudiNewsNet: للحج is "for the Hajj" (ل + الحج), all 121 times, though it also spells ل + لحج "to
// Lahij"; النيل من is "to harm" (136 times), not the Nile. The data says so (`not_glued_to=ل`,
// `not_before=من`); بلحج and مياه النيل stay.
#[test]
fn words_that_proclitics_or_a_phrase_make_of_names_are_not_them() {
    let g = Gazetteer::default();
    let text = "قدموا للحج هذا العام، ومحاولات للنيل من أمن المملكة";
    assert_eq!(found(&g, text), []);
    // Other proclitics that spell other words: كسبها "earned it", وساما "a medal", كسرت "broke".
    let text = "المباراة التي كسبها الفريق ونال وساما، والسيارة التي كسرت القواعد";
    assert_eq!(found(&g, text), []);
    let text = "قتال في سبها وسرت، وأعلنت ساما";
    assert_eq!(
        found(&g, text),
        [
            ("سبها", "loc:sabha".to_string()),
            ("سرت", "loc:sirte".to_string()),
            ("ساما", "org:sama".to_string())
        ]
    );
    let text = "المقاومة الشعبية بلحج تطالب بحصة من مياه النيل";
    assert_eq!(
        found(&g, text),
        [
            ("المقاومة الشعبية", "org:popular-resistance".to_string()),
            ("لحج", "loc:lahij".to_string()),
            ("النيل", "loc:nile".to_string())
        ]
    );
}

// SaudiNewsNet: a city takes a feminine adjective (برشلونة الإسبانية); with a masculine nationality
// adjective of its country the name is a team's (برشلونة الإسباني), not linked to the city. Not after a
// masculine head noun, whose adjective it is (منتجع سوتشي الروسي), nor in a masculine place's name of
// several words (سد النهضة الإثيوبي). ميلان alone is the club; the city is ميلانو.
#[test]
fn a_city_before_a_masculine_nationality_adjective_is_a_team() {
    let g = Gazetteer::default();
    let text = "فاز برشلونة الإسباني في رحلة إلى برشلونة الإسبانية، وقرب منتجع سوتشي الروسي";
    assert_eq!(
        found(&g, text),
        [
            ("برشلونة", "loc:barcelona".to_string()),
            ("سوتشي", "loc:sochi".to_string())
        ]
    );
    let text = "مفاوضات سد النهضة الإثيوبي، وخسر ميلان الإيطالي في ميلانو";
    assert_eq!(
        found(&g, text),
        [
            ("سد النهضة", "loc:gerd".to_string()),
            ("ميلان", "org:ac-milan".to_string()),
            ("ميلانو", "loc:milan".to_string())
        ]
    );
}

// SaudiNewsNet: مسقط رأسه is "his birthplace" (94 times), الرباط الصليبي the cruciate ligament (56).
#[test]
fn birthplaces_and_ligaments_are_not_muscat_and_rabat() {
    let g = Gazetteer::default();
    let text = "عاد إلى مسقط رأسه بعد إصابته في الرباط الصليبي، ثم زار مسقط والرباط";
    assert_eq!(
        found(&g, text),
        [
            ("مسقط", "loc:muscat".to_string()),
            ("الرباط", "loc:rabat".to_string())
        ]
    );
}

// SaudiNewsNet: سوق عكاظ, the festival (no entity, by the guide), is not the newspaper عكاظ: 1,283 of its
// links in the 99 MB corpus were (`not_after=سوق`, proclitics on سوق or not).
#[test]
fn souq_okaz_is_not_the_newspaper() {
    let g = Gazetteer::default();
    let text = "انطلق سوق عكاظ، وقال رئيس اللجنة الإشرافية لسوق عكاظ لصحيفة عكاظ إن";
    assert_eq!(found(&g, text), [("عكاظ", "org:okaz".to_string())]);
}

// SaudiNewsNet and the development set: حماة الوطن are the homeland's protectors (46 times in the 99 MB
// corpus), بنين وبنات boys and girls (24), not Hama and Benin; ريف حماة stays.
#[test]
fn protectors_and_boys_are_not_hama_and_benin() {
    let g = Gazetteer::default();
    let text = "رجال الأمن حماة الوطن، ومدارس بنين وبنات، وقصف ريف حماة الشمالي";
    assert_eq!(found(&g, text), [("حماة", "loc:hama".to_string())]);
}

// SaudiNewsNet: مالي after a noun it qualifies is "financial" (مبلغ مالي، دعم مالي: 188 in the 99 MB
// corpus), المغرب after صلاة or أذان the sunset prayer (51), the Okaz festival's poet, avenue and prize
// are not the newspaper (185), كوبا أمريكا is the Copa América, not Cuba (150); شمال مالي and ملك
// المغرب stay.
#[test]
fn financial_sunset_and_the_okaz_festival_are_not_mali_morocco_and_the_paper() {
    let g = Gazetteer::default();
    let text = "تلقى مبلغ مالي ودعم مالي بعد صلاة المغرب، وفاز شاعر عكاظ بجائزة عكاظ في كوبا أمريكا";
    assert_eq!(found(&g, text), []);
    let text = "هجوم في شمال مالي، واستقبل ملك المغرب الوفد";
    assert_eq!(
        found(&g, text),
        [
            ("مالي", "loc:ml".to_string()),
            ("المغرب", "loc:ma".to_string())
        ]
    );
}

// SaudiNewsNet: people named with a known person's family name are themselves, by their full names
// (سليمان الأسد is not Bashar, هشام مرسي not Mohamed Morsi); نصيب الأسد is "the lion's share".
#[test]
fn namesakes_and_the_lions_share() {
    let g = Gazetteer::default();
    let text = "اعتقل سليمان الأسد، وقال هشام مرسي إن الأسهم نالت نصيب الأسد";
    assert_eq!(
        found(&g, text),
        [
            ("سليمان الأسد", "per:suleiman-al-assad".to_string()),
            ("هشام مرسي", "per:hisham-morsi".to_string())
        ]
    );
}

// SaudiNewsNet's economic news: an institution named after a place is the institution, whole (the guide
// keeps its name), not the place inside it.
#[test]
fn banks_named_after_places_are_the_banks() {
    let g = Gazetteer::default();
    let text = "رفع بنك إنجلترا الفائدة، وارتفع سهم بنك دبي الإسلامي في سوق دبي المالي";
    assert_eq!(
        found(&g, text),
        [
            ("بنك إنجلترا", "org:bank-of-england".to_string()),
            ("بنك دبي الإسلامي", "org:dubai-islamic-bank".to_string()),
            ("سوق دبي المالي", "org:dfm".to_string())
        ]
    );
}

// SaudiNewsNet: الجزيرة is also the Saudi newspaper (جريدة الجزيرة), a Riyadh district (حي الجزيرة) and an
// island (توحيد الجزيرة), and الأناضول the region (شرق الأناضول): not the channel and the agency there.
#[test]
fn al_jazirah_and_anatolia_are_not_the_channel_and_the_agency() {
    let g = Gazetteer::default();
    let text = "كتب في جريدة الجزيرة عن حي الجزيرة وشرق الأناضول، وقالت قناة الجزيرة ووكالة الأناضول";
    assert_eq!(
        found(&g, text),
        [
            ("الجزيرة", "org:aljazeera".to_string()),
            ("الأناضول", "org:anadolu".to_string())
        ]
    );
}
