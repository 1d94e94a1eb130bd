//! Every pattern and trap of the annotation guide, on sentences from real news (the seed article and
//! SaudiNewsNet), asserting the exact cue, source and content text.

use khabar_attribution::{Attribution, AttributionKind, Attributor, CueKind, SourceKind};

fn extract(text: &str) -> Vec<Attribution> {
    Attributor::new().find(text)
}

/// The attributions of `text` with the default gazetteer's mentions as evidence, as the analyzer
/// finds them: the rules that need a speaker's name see one.
fn extract_with_names(text: &str) -> Vec<Attribution> {
    let tokens = khabar_tokenize::Tokenizer::new().tokens(text);
    let mentions = khabar_gazetteer::Gazetteer::default().find(text);
    Attributor::new().extract(text, &tokens, &mentions)
}

/// The (cue, source, content) text of each attribution of `text`.
fn parts<'t>(text: &'t str, found: &[Attribution]) -> Vec<(&'t str, Option<&'t str>, &'t str)> {
    found
        .iter()
        .map(|a| (&text[a.cue], a.source.map(|s| &text[s]), &text[a.content]))
        .collect()
}

/// One row: the text, then the expected (cue, source, content, kind) of each attribution in order.
macro_rules! case {
    ($name:ident, $text:expr, [$(($cue:expr, $source:expr, $content:expr, $kind:ident)),* $(,)?]) => {
        #[test]
        fn $name() {
            let text: &str = $text;
            let found = extract(text);
            let got: Vec<(&str, Option<&str>, &str, AttributionKind)> = found
                .iter()
                .map(|a| (&text[a.cue], a.source.map(|s| &text[s]), &text[a.content], a.kind))
                .collect();
            let expected: Vec<(&str, Option<&str>, &str, AttributionKind)> =
                vec![$(($cue, $source, $content, AttributionKind::$kind)),*];
            assert_eq!(got, expected, "rules: {:?}", found.iter().map(|a| a.rule).collect::<Vec<_>>());
        }
    };
}

// VSO with adjuncts between source and complement.
case!(
    vso_adjunct_time,
    "وكشف متحدث عسكري عراقي في وقت سابق أن المباحثات بين واشنطن وبغداد تهدف إلى صياغة جدول زمني.",
    [(
        "كشف",
        Some("متحدث عسكري عراقي"),
        "المباحثات بين واشنطن وبغداد تهدف إلى صياغة جدول زمني",
        Indirect
    )]
);
case!(
    vso_adjunct_video,
    "وقال أوباما في فيديو بثه البيت الابيض «ستميط ادارتي اللثام عن النسخة النهائية من خطة أميركا لطاقة نظيفة»",
    [(
        "قال",
        Some("أوباما"),
        "«ستميط ادارتي اللثام عن النسخة النهائية من خطة أميركا لطاقة نظيفة»",
        Direct
    )]
);
case!(
    vso_adjunct_named_forum,
    "وقالت جيني تشيس في منتدى \"تمويل الطاقة الجديدة\"، إن الطاقة المتوافرة في شكل حرارة يجعل المحطة أصغر حجما.",
    [(
        "قالت",
        Some("جيني تشيس"),
        "الطاقة المتوافرة في شكل حرارة يجعل المحطة أصغر حجما",
        Indirect
    )]
);
case!(
    vso_plain,
    "وأكد مصدر سياسي أن الميليشيات العراقية حددت مهلة بـ40 يوما لحسم ملف إخراج القوات الأميركية من البلاد.",
    [(
        "أكد",
        Some("مصدر سياسي"),
        "الميليشيات العراقية حددت مهلة بـ40 يوما لحسم ملف إخراج القوات الأميركية من البلاد",
        Indirect
    )]
);
case!(
    vso_preposition_complement,
    "وأعرب السوداني عن رغبته في تطوير التعاون مع الحلف في مجالات التدريب.",
    [(
        "أعرب",
        Some("السوداني"),
        "رغبته في تطوير التعاون مع الحلف في مجالات التدريب",
        Indirect
    )]
);
case!(
    vso_ila_anna,
    "وأشار العامر إلى أن الفرع قدم عددا من الدورات.",
    [(
        "أشار",
        Some("العامر"),
        "الفرع قدم عددا من الدورات",
        Indirect
    )]
);
case!(
    vso_joined_preposition_stays,
    "وهددت ميليشيات عراقية من بينها كتائب \"سيد الشهداء\" الموالية لإيران منذ نحو أسبوعين باستئناف الهجمات على القواعد الأميركية.",
    [(
        "هددت",
        Some("ميليشيات عراقية من بينها كتائب \"سيد الشهداء\" الموالية لإيران"),
        "باستئناف الهجمات على القواعد الأميركية",
        Indirect
    )]
);
case!(
    vso_in_statement_adjunct,
    "وقال المتحدث في بيان إن الحكومة ستواصل دعم المستشفيات.",
    [(
        "قال",
        Some("المتحدث"),
        "الحكومة ستواصل دعم المستشفيات",
        Indirect
    )]
);

// Direct quotes after a colon, with guillemets; mixed content.
case!(
    colon_guillemets_direct,
    "وقال الوزير: «القرية ظلت تشكل أهم عوامل الجذب السياحي بعسير».",
    [(
        "قال",
        Some("الوزير"),
        "«القرية ظلت تشكل أهم عوامل الجذب السياحي بعسير»",
        Direct
    )]
);
case!(
    mixed_quote,
    "وأفاد المكتب الإعلامي بأن \"السوداني ناقش مع قائد بعثة الناتو الأوضاع الأمنية\" في المنطقة.",
    [(
        "أفاد",
        Some("المكتب الإعلامي"),
        "\"السوداني ناقش مع قائد بعثة الناتو الأوضاع الأمنية\" في المنطقة",
        Mixed
    )]
);

// Pro-drop and participial continuations inherit the source.
case!(
    participle_continuation,
    "وأوضح العامر أن الهيئة تحمي الشريعة، مضيفا أن الفرع قدم عددا من الدورات.",
    [
        ("أوضح", Some("العامر"), "الهيئة تحمي الشريعة", Indirect),
        (
            "مضيفا",
            Some("العامر"),
            "الفرع قدم عددا من الدورات",
            Indirect
        )
    ]
);
case!(
    pro_drop_continuation,
    "وقال الوزير إن الوضع مستقر. وأضاف أن القوات تنتشر في المدينة.",
    [
        ("قال", Some("الوزير"), "الوضع مستقر", Indirect),
        ("أضاف", Some("الوزير"), "القوات تنتشر في المدينة", Indirect)
    ]
);

// According-to, trailing and preposed.
case!(
    according_trailing,
    "وأكد مصدر سياسي أن الميليشيات حددت مهلة، وفق وكالة \"شفق نيوز\" الكردية العراقية.",
    [
        ("أكد", Some("مصدر سياسي"), "الميليشيات حددت مهلة", Indirect),
        (
            "وفق",
            Some("وكالة \"شفق نيوز\" الكردية العراقية"),
            "أكد مصدر سياسي أن الميليشيات حددت مهلة",
            Indirect
        )
    ]
);
case!(
    according_preposed_fa_inna,
    "وبحسب بعض العارفين بكواليس الفيفا، فإن بلاتر لا يزال قادرا على استعمال قنواته.",
    [(
        "بحسب",
        Some("بعض العارفين بكواليس الفيفا"),
        "بلاتر لا يزال قادرا على استعمال قنواته",
        Indirect
    )]
);

case!(
    according_preposed_joined_media_head_with_quoted_name,
    "ووفقاً لموقع “كلنا شركاء” السوري المعارض، شملت أحكام الإعدام كلاً من فيصل القاسم.",
    [(
        "وفقاً",
        Some("موقع “كلنا شركاء” السوري المعارض"),
        "شملت أحكام الإعدام كلاً من فيصل القاسم",
        Indirect
    )]
);
case!(
    according_preposed_contracted_head,
    "ووفقا للموقع، شملت الأحكام عشرة أشخاص.",
    [("وفقا", Some("لموقع"), "شملت الأحكام عشرة أشخاص", Indirect)]
);
// A noun whose ل is its own keeps it (SaudiNewsNet: the source was ائحة الاتهام).
case!(
    according_to_a_noun_that_starts_with_lam,
    "ووفق لائحة الاتهام، فإن المتهمين لم يعترفا بتهمة القتل.",
    [(
        "وفق",
        Some("لائحة الاتهام"),
        "المتهمين لم يعترفا بتهمة القتل",
        Indirect
    )]
);

// كما: "also" before a named speaker, in either order; "as" without one is no report.
case!(
    kama_also_vso,
    "وقع الحادث صباح اليوم، كما قال الوزير إن التحقيق بدأ.",
    [("قال", Some("الوزير"), "التحقيق بدأ", Indirect)]
);
case!(
    kama_trailing_cue_after_its_content,
    "وأغلقت الطرق المؤدية إلى الموقع، كما قالت الشرطة.",
    [(
        "قالت",
        Some("الشرطة"),
        "وأغلقت الطرق المؤدية إلى الموقع",
        Indirect
    )]
);
case!(
    trap_kama_as_without_a_speaker,
    "وهذا هو الحل، كما ذكرنا سابقا أن الأمر صعب.",
    []
);

// A quantifier after the source opens the verb's object.
case!(
    vso_source_ends_before_a_quantified_object,
    "وطالبت سلطة الطاقة جميع الجهات المعنية بالضغط لإجراء الصيانة اللازمة للخطوط.",
    [(
        "طالبت",
        Some("سلطة الطاقة"),
        "بالضغط لإجراء الصيانة اللازمة للخطوط",
        Indirect
    )]
);

// Agentless passive.
case!(
    passive_null_source,
    "وقيل إن الطائرة هبطت في المطار بسلام.",
    [("قيل", None, "الطائرة هبطت في المطار بسلام", Indirect)]
);

// Traps: editorial formulas, non-speech uses, the homograph بين, nominal uses.
case!(
    trap_editorial,
    "يذكر أن هذه الزيارة جاءت ضمن سلسلة زيارات يقوم بها الرئيس العام.",
    []
);
case!(
    trap_editorial_tajdur,
    "وتجدر الإشارة إلى أن المهرجان يستمر أسبوعا.",
    []
);
case!(
    trap_non_speech_goal,
    "وأضاف اللاعب هدفا ثانيا في الدقيقة الأخيرة.",
    []
);
case!(
    trap_between,
    "ولا تلوح في الأفق أي بوادر لاتفاق وشيك بين العراق والولايات المتحدة بشأن انسحاب القوات.",
    []
);
case!(
    trap_relative_ma,
    "وهو ما تؤكده الهجمات التي تنفذها خلايا إرهابية.",
    []
);
case!(
    trap_wishing,
    "رئيس الوزراء العراقي يرغب في تطوير التعاون مع حلف شمال الأطلسي.",
    []
);
case!(
    trap_according_plan,
    "وتم توزيع المساعدات وفق خطة معدة مسبقا.",
    []
);

#[test]
fn continuation_points_at_the_attribution_it_continues() {
    let text = "وأوضح العامر أن الهيئة تحمي الشريعة، مضيفا أن الفرع قدم عددا من الدورات.";
    let found = extract(text);
    assert_eq!(found[1].continues, Some(0));
    assert_eq!(found[1].cue_kind, CueKind::Participle);
    assert_eq!(found[1].cue_lemma, "أضاف");
}

#[test]
fn sources_are_typed_from_their_head_noun() {
    let cases = [
        ("وأكد مصدر سياسي أن الوضع مستقر.", SourceKind::Anonymous),
        (
            "وأكد مسؤولون أميركيون أن واشنطن تعول على بغداد.",
            SourceKind::Group,
        ),
        ("وذكر بيان الوزارة أن الحادث وقع أمس.", SourceKind::Document),
        // Plural heads and a demonstrative before the head (SaudiNewsNet).
        (
            "وقالت السلطات التركية إنها ستمنع المسيرة.",
            SourceKind::Organization,
        ),
        (
            "وذكرت تقارير صحفية أن المفاوضات تعثرت.",
            SourceKind::Document,
        ),
        ("وأكدت هذه المصادر أن المفاوضات تعثرت.", SourceKind::Group),
        // A name no list knows with a person's title after it, whatever place the title names.
        (
            "وقال جوزيه مورينيو مدرب تشيلسي إن الفريق جاهز.",
            SourceKind::Person,
        ),
    ];
    for (text, kind) in cases {
        let kinds: Vec<Option<SourceKind>> = extract(text).iter().map(|a| a.source_kind).collect();
        assert_eq!(kinds, [Some(kind)], "{text}");
    }
}

#[test]
fn text_ending_in_the_middle_of_a_cue_yields_nothing_and_does_not_panic() {
    for text in [
        "وقال",
        "وقال الوزير",
        "وقال الوزير إن",
        "وفق",
        "، مضيفا",
        "«",
        "وقال: «",
    ] {
        let _ = extract(text);
    }
    assert!(extract("وقال الوزير إن").is_empty());
}

// SVO, including the auxiliary كان … قد.
case!(
    svo_title_subject,
    "الوزير قال إن الوضع مستقر في المدينة.",
    [("قال", Some("الوزير"), "الوضع مستقر في المدينة", Indirect)]
);
case!(
    svo_kana_qad,
    "وكان الوزير قد أكد أن الحكومة ستدعم المستشفيات.",
    [("أكد", Some("الوزير"), "الحكومة ستدعم المستشفيات", Indirect)]
);

#[test]
fn svo_headline_links_the_source_to_its_entity() {
    use khabar_gazetteer::{Entity, EntityKind, Gazetteer};
    use khabar_tokenize::Tokenizer;

    let gazetteer = Gazetteer::builder()
        .add(
            Entity::new("per:sudani", EntityKind::Person, "محمد شياع السوداني")
                .with_aliases(["السوداني"]),
        )
        .and_then(|b| b.build())
        .expect("valid gazetteer");
    let text = "السوداني يدعو لتعزيز التعاون مع الناتو بعد انسحاب قوات التحالف";
    let tokens = Tokenizer::new().tokens(text);
    let mentions = gazetteer.find(text);
    let found = Attributor::new().extract(text, &tokens, &mentions);
    assert_eq!(found.len(), 1);
    let a = &found[0];
    assert_eq!(&text[a.cue], "يدعو");
    assert_eq!(&text[a.source.expect("a source")], "السوداني");
    assert_eq!(
        &text[a.content],
        "لتعزيز التعاون مع الناتو بعد انسحاب قوات التحالف"
    );
    assert_eq!(a.source_kind, Some(SourceKind::Person));
    assert_eq!(
        gazetteer.entity(a.source_entity.expect("linked")).id,
        "per:sudani"
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn arabic_news_like() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "وقال",
            "قال",
            "الوزير",
            "إن",
            "أن",
            "مصدر",
            "سياسي",
            "،",
            ".",
            "«",
            "»",
            "\"",
            ":",
            "مضيفا",
            "وفق",
            "وكالة",
            "بحسب",
            "فإن",
            "يذكر",
            "الحكومة",
            "\n",
            "قد",
            "وكان",
            "عن",
            "إلى",
            "بين",
            "ما",
            "وهو",
            "ﻻ",
            "ـ",
            "\u{064E}",
            "\u{200F}",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|words| words.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn spans_are_valid_and_ordered(text in arabic_news_like()) {
            let found = extract(&text);
            for a in &found {
                for span in [Some(a.cue), a.source, Some(a.content)].into_iter().flatten() {
                    prop_assert!(span.end <= text.len() && span.start <= span.end);
                    prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                }
                prop_assert!(!a.content.is_empty());
                if let Some(index) = a.continues {
                    prop_assert!(index < found.len());
                }
            }
            prop_assert!(found.windows(2).all(|w| w[0].cue.start < w[1].cue.start));
        }

        #[test]
        fn never_panics_on_any_string(text in "\\PC{0,200}") {
            let _ = extract(&text);
        }
    }
}

// An adjunct between the cue and its source, an apposed name after a comma, and a possessed occasion.
case!(
    adjunct_before_source,
    "وقالت في بيان وزارة الداخلية إن الحادث وقع أمس.",
    [("قالت", Some("وزارة الداخلية"), "الحادث وقع أمس", Indirect)]
);
case!(
    apposed_name_after_comma,
    "وقال مسؤول إعلام الحشد الشعبي في شمال صلاح الدين، علي الحسيني، إن القوات تقدمت.",
    [(
        "قال",
        Some("مسؤول إعلام الحشد الشعبي في شمال صلاح الدين، علي الحسيني"),
        "القوات تقدمت",
        Indirect
    )]
);
case!(
    apposed_name_before_the_addressee,
    "وقال مسؤول إعلام الحشد الشعبي في شمال صلاح الدين، علي الحسيني لـ”راديو سوا” إن داعش \
     “كان يبرز عضلاته عندما أتاه قصف مقاتلات التحالف”.",
    [(
        "قال",
        Some("مسؤول إعلام الحشد الشعبي في شمال صلاح الدين، علي الحسيني"),
        "داعش “كان يبرز عضلاته عندما أتاه قصف مقاتلات التحالف”",
        Mixed
    )]
);
// A clause after the comma is no apposition: و with a clause word, a relative clause (SaudiNewsNet).
case!(
    no_apposition_over_a_clause_after_the_comma,
    "ويقول وزير الخارجية الأميركي جون كيري، وهو محق، إن وحشية الأسد هي ما جلب الجماعات المتطرفة.",
    [(
        "يقول",
        Some("وزير الخارجية الأميركي جون كيري"),
        "وحشية الأسد هي ما جلب الجماعات المتطرفة",
        Indirect
    )]
);
// نقل/نسب … عن/إلى the one quoted … قوله: the words start after قوله (development set, SaudiNewsNet).
case!(
    quoted_speaker_and_qawluhu_stay_out_of_the_content,
    "ونسبت يونهاب الي مصدر بالحكومة الكورية الجنوبية قوله \"تقييمنا هو ان كوريا الشمالية ستستخدم منصة الاطلاق\".",
    [(
        "نسبت",
        Some("يونهاب"),
        "\"تقييمنا هو ان كوريا الشمالية ستستخدم منصة الاطلاق\"",
        Direct
    )]
);
case!(
    qawluhu_then_a_colon_and_inna,
    "ونقلت الإذاعة الإسرائيلية عن نتانياهو قوله: إن رفع العقوبات يعني ضخ مبلغ كبير.",
    [(
        "نقلت",
        Some("الإذاعة الإسرائيلية"),
        "رفع العقوبات يعني ضخ مبلغ كبير",
        Indirect
    )]
);
// A feminine participle after a masculine cue is about the content's subject, not the speaker (seed
// article); مشيرة goes on with the speaker's words whatever the gender.
case!(
    feminine_participle_after_a_masculine_cue_stays_in_the_content,
    "وأكد مصدر سياسي أن الميليشيات العراقية حددت للسوداني مهلة بـ40 يوما لحسم ملف إخراج القوات \
     الأميركية من البلاد، متوعدة بوضع حد لهدنة استهدافها للقواعد التابعة للولايات المتحدة.",
    [(
        "أكد",
        Some("مصدر سياسي"),
        "الميليشيات العراقية حددت للسوداني مهلة بـ40 يوما لحسم ملف إخراج القوات الأميركية من البلاد، \
         متوعدة بوضع حد لهدنة استهدافها للقواعد التابعة للولايات المتحدة",
        Indirect
    )]
);
// The accusative subject after لكن (development set).
case!(
    accusative_subject_after_lakin,
    "ولم تتمكن وزارة الدفاع من تأكيد التقرير لكن مسؤولا قال انهم يسعون للتحقق من صحته.",
    [("قال", Some("مسؤولا"), "يسعون للتحقق من صحته", Indirect)]
);
// A quoted speaker right after the cue, then the topic and a colon (development set).
case!(
    quoted_speaker_then_the_topic_then_a_colon,
    "وقال \"الحريري\" عن العمليات العسكرية للتحالف في اليمن: \"ما زالت عاصفة الحزم شوكة في حلق المشروع\".",
    [(
        "قال",
        Some("الحريري"),
        "\"ما زالت عاصفة الحزم شوكة في حلق المشروع\"",
        Direct
    )]
);
// بيّن written with its shadda is the verb, with no conjunction before it (SaudiNewsNet); without the
// shadda the same letters are the preposition.
case!(
    bayyana_with_its_shadda_is_a_cue,
    "وفي السياق ذاته، بيَّن مدير مركز داوني الصحي الدكتور سعيد الدوسري أن تجارة الوهم أخذت طابعاً حديثاً.",
    [(
        "بيَّن",
        Some("مدير مركز داوني الصحي الدكتور سعيد الدوسري"),
        "تجارة الوهم أخذت طابعاً حديثاً",
        Indirect
    )]
);
case!(
    bayna_without_the_shadda_is_no_cue,
    "وفي السياق ذاته، بين مدير مركز داوني الصحي والطبيب أن تجارة الوهم أخذت طابعاً حديثاً.",
    []
);
// Whom it was said to as a pronoun before the source, and an adjunct after the comma, are not the
// source (SaudiNewsNet).
case!(
    pronoun_addressee_before_the_source,
    "قال له ابن المبارك: اذهب واحفر بئراً في مكان يحتاج الناس فيه إلى الماء.",
    [(
        "قال",
        Some("ابن المبارك"),
        "اذهب واحفر بئراً في مكان يحتاج الناس فيه إلى الماء",
        Indirect
    )]
);
case!(
    adjunct_after_the_comma_is_no_apposition,
    "أعلنت الوكالة، في الشهر الماضي، عن تطبيق مبادرة الترك الطوعي للخدمة.",
    [(
        "أعلنت",
        Some("الوكالة"),
        "تطبيق مبادرة الترك الطوعي للخدمة",
        Indirect
    )]
);
// A source never starts with a preposition: after one, the report goes on with the earlier speaker
// (SaudiNewsNet).
case!(
    no_source_starts_with_a_preposition,
    "وأكد الدكتور مدحت حماد أن المنطقة تتغير. وقال من جهته إن العمل مستمر.",
    [
        ("أكد", Some("الدكتور مدحت حماد"), "المنطقة تتغير", Indirect),
        ("قال", Some("الدكتور مدحت حماد"), "العمل مستمر", Indirect)
    ]
);
// A relative clause that identifies the source stays in it, up to the complement (development set,
// SaudiNewsNet); the quotation inside it is a name, not speech.
case!(
    relative_clause_in_the_source,
    "وقال التقرير، الذي أعدته «شركة آسيا للاستثمار»: عندما ننظر اليوم إلى تركيبة السكان نجد تغيرا.",
    [(
        "قال",
        Some("التقرير، الذي أعدته «شركة آسيا للاستثمار»"),
        "عندما ننظر اليوم إلى تركيبة السكان نجد تغيرا",
        Indirect
    )]
);
case!(
    relative_clause_between_commas_in_the_source,
    "وأشار المصدر، الذي فضل عدم ذكر اسمه، إلى أن الفلبين خالفت الاتفاقية.",
    [(
        "أشار",
        Some("المصدر، الذي فضل عدم ذكر اسمه"),
        "الفلبين خالفت الاتفاقية",
        Indirect
    )]
);
case!(
    possessed_occasion_is_an_adjunct,
    "وذكرت وزارة العمل في دليلها الإرشادي الجديد أن العامل يستحق إجازة.",
    [("ذكرت", Some("وزارة العمل"), "العامل يستحق إجازة", Indirect)]
);
case!(
    homograph_bayyana_with_conjunction,
    "وقال المتحدث إن الحملة بدأت. وبين أن التنسيق تم مع الجهات المعنية.",
    [
        ("قال", Some("المتحدث"), "الحملة بدأت", Indirect),
        (
            "بين",
            Some("المتحدث"),
            "التنسيق تم مع الجهات المعنية",
            Indirect
        )
    ]
);
case!(
    tabayyana_is_not_a_report,
    "وتبين أن بالموقع سبع إصابات.",
    []
);

#[test]
fn a_source_stops_before_a_second_reporting_verb() {
    let text = "وقال بيان صادر عن الوزارة ودعا المواطنين إلى الحذر: «الوضع خطير».";
    let found = extract(text);
    let said = found
        .iter()
        .find(|a| &text[a.cue] == "قال")
        .expect("قال is a cue here");
    assert_eq!(
        &text[said.source.expect("a source")],
        "بيان صادر عن الوزارة"
    );
}

// Stacked adjuncts before the complement, and an according-to phrase ending a source.
case!(
    stacked_adjuncts_no_overt_source,
    "وأعلنت وزارة الداخلية أنه تم إحباط عملية تهريب. وقالت في بيان امس إن دوريات خفر السواحل نفذت خطة.",
    [
        (
            "أعلنت",
            Some("وزارة الداخلية"),
            "تم إحباط عملية تهريب",
            Indirect
        ),
        (
            "قالت",
            Some("وزارة الداخلية"),
            "دوريات خفر السواحل نفذت خطة",
            Indirect
        )
    ]
);

#[test]
fn an_according_to_phrase_ends_a_source() {
    let text = "وأكدت الحكومة وفقاً لوكالة الأنباء اليمنية أنه سيتم تزويد المستشفيات بالأدوية.";
    let found = extract(text);
    let confirmed = found
        .iter()
        .find(|a| &text[a.cue] == "أكدت")
        .expect("أكدت is a cue here");
    assert_eq!(&text[confirmed.source.expect("a source")], "الحكومة");
}

/// A cue kept only for overt sources (رأى) takes a name the context rules found as its source, typed
/// by the name's kind; without that name there is no attribution.
#[test]
fn a_rule_found_name_is_an_overt_source() {
    use khabar_attribution::Findings;
    use khabar_gazetteer::rules::Recognizer;
    use khabar_tokenize::{Tokenizer, sentence_spans};

    let text = "ورأى حسين المصري أنه من الصعب أن يقضي الإنسان العيد بعيدا عن الأهل.";
    let tokens = Tokenizer::new().tokens(text);
    let sentences = sentence_spans(text, &tokens);
    let names = Recognizer::new().find(text, &tokens, &[]);
    assert_eq!(
        names.iter().map(|g| &text[g.span]).collect::<Vec<_>>(),
        ["حسين المصري"]
    );
    let attributor = Attributor::new();
    let with = |names| {
        attributor.extract_with(
            text,
            &Findings {
                tokens: &tokens,
                sentences: &sentences,
                mentions: &[],
                names,
            },
        )
    };
    let found = with(&names);
    let got: Vec<_> = found
        .iter()
        .map(|a| {
            (
                &text[a.cue],
                a.source.map(|s| &text[s]),
                &text[a.content],
                a.source_kind,
            )
        })
        .collect();
    assert_eq!(
        got,
        [(
            "رأى",
            Some("حسين المصري"),
            "من الصعب أن يقضي الإنسان العيد بعيدا عن الأهل",
            Some(SourceKind::Person)
        )]
    );
    assert!(with(&[]).is_empty());
}

// A closing bracket stays in the content when the content opened it; a stray one at the end does not.
case!(
    content_keeps_a_bracket_it_opened,
    "وقالت وزارة العمل إن الطلبات الجديدة ارتفعت 12 ألف طلب للأسبوع المنتهي في 25 تموز (يوليو).",
    [(
        "قالت",
        Some("وزارة العمل"),
        "الطلبات الجديدة ارتفعت 12 ألف طلب للأسبوع المنتهي في 25 تموز (يوليو)",
        Indirect
    )]
);

// ، كما goes on with what was said, unless a reporting verb follows it: then the writer reports again.
case!(
    kama_after_a_comma_continues_the_content,
    "وأوضحت الوزارة أن المتهم تدرب على صناعة المتفجرات، كما تم تدريبه على الغوص.",
    [(
        "أوضحت",
        Some("الوزارة"),
        "المتهم تدرب على صناعة المتفجرات، كما تم تدريبه على الغوص",
        Indirect
    )]
);
case!(
    kama_and_a_reporting_verb_starts_another_attribution,
    "وقال الوزير إن 18 شخصا قتلوا في الهجوم، كما صرح المتحدث باسم الشرطة أن التحقيق بدأ.",
    [
        ("قال", Some("الوزير"), "18 شخصا قتلوا في الهجوم", Indirect),
        ("صرح", Some("المتحدث باسم الشرطة"), "التحقيق بدأ", Indirect)
    ]
);
case!(
    haythu_after_a_comma_continues_the_content,
    "وأوضح المدير أن هناك تخبطا عند تحديد قيمة الإيجار، حيث إن معظم الملاك يقعون في حيرة.",
    [(
        "أوضح",
        Some("المدير"),
        "هناك تخبطا عند تحديد قيمة الإيجار، حيث إن معظم الملاك يقعون في حيرة",
        Indirect
    )]
);
case!(
    haythu_and_a_reporting_verb_starts_another_attribution,
    "وقال الوزير إن الأسعار سترتفع، حيث قال محللون إن الطلب يزداد.",
    [
        ("قال", Some("الوزير"), "الأسعار سترتفع", Indirect),
        ("قال", Some("محللون"), "الطلب يزداد", Indirect)
    ]
);

// After a closing quotation mark, a new clause (a participle, و + a reporting verb, a writer's clause)
// ends the content, as after a comma.
case!(
    a_participle_after_a_closing_quotation_ends_the_content,
    "وقالت الفنانة إنها استمتعت بمشاركتها في مسلسل «العراب» واصفة العمل بالضخم.",
    [(
        "قالت",
        Some("الفنانة"),
        "استمتعت بمشاركتها في مسلسل «العراب»",
        Mixed
    )]
);

// و + a reporting verb starts the next report even without a comma before it.
case!(
    a_conjunction_and_a_reporting_verb_end_the_content_without_a_comma,
    "وأعربت الفنانة عن سعادتها بالآراء التي تسمعها وقالت إنها تلقت اتصالات من فنانين.",
    [
        (
            "أعربت",
            Some("الفنانة"),
            "سعادتها بالآراء التي تسمعها",
            Indirect
        ),
        ("قالت", Some("الفنانة"), "تلقت اتصالات من فنانين", Indirect)
    ]
);

// An opening mark typed where the quotation closes (right before a full stop) closes it: the next
// sentence's report is not read as quoted.
case!(
    an_opening_mark_before_a_full_stop_closes_the_quotation,
    "وقال المسؤول «إن المدرسة منظومة للوقاية من الفكر المتطرف « . وأوضح الثقفي أن الهاجس الأمني لم يعد مسؤولية رجال الأمن فقط.",
    [
        (
            "قال",
            Some("المسؤول"),
            "«إن المدرسة منظومة للوقاية من الفكر المتطرف «",
            Direct
        ),
        (
            "أوضح",
            Some("الثقفي"),
            "الهاجس الأمني لم يعد مسؤولية رجال الأمن فقط",
            Indirect
        )
    ]
);

// Whom the words were said to (لـ«الحياة»، لمجلة «التايم» الأمريكية أمس) is neither the source nor the
// content.
case!(
    a_quoted_addressee_is_passed_over,
    "وقال المتحدث باسم الوزارة لـ«الحياة» إن القرار نهائي.",
    [(
        "قال",
        Some("المتحدث باسم الوزارة"),
        "القرار نهائي",
        Indirect
    )]
);
case!(
    a_quoted_addressee_with_its_adjective_and_a_time_is_passed_over,
    "وقال الوزير لمجلة «التايم» الأمريكية أمس إن الحرب انتهت.",
    [("قال", Some("الوزير"), "الحرب انتهت", Indirect)]
);

// An outlet's head glued to ل without quotation marks (لمحطة، لراديو، للصحفيين) opens the addressee
// too: it ends the source, and starts none (SaudiNewsNet).
case!(
    an_unquoted_outlet_ends_the_source,
    "وقال لانزيني لمحطة وست هام التلفزيونية «إنه تحد جديد بالنسبة لي».",
    [("قال", Some("لانزيني"), "«إنه تحد جديد بالنسبة لي»", Direct)]
);
case!(
    the_press_addressed_is_no_source,
    "وأكد عمدة نيويورك بيل دي بلازيو أن المرض تحت السيطرة. وقال للصحفيين \"لم نر ابدا تفشيا مثل هذا\".",
    [
        (
            "أكد",
            Some("عمدة نيويورك بيل دي بلازيو"),
            "المرض تحت السيطرة",
            Indirect
        ),
        (
            "قال",
            Some("عمدة نيويورك بيل دي بلازيو"),
            "\"لم نر ابدا تفشيا مثل هذا\"",
            Direct
        )
    ]
);

// An interview, a report or an article the words were said in is no part of the source (SaudiNewsNet).
case!(
    an_interview_ends_the_source,
    "وترى ابن نحيت في حوار مقتضب أن الرياضة انحرفت عن مسارها الصحيح.",
    [(
        "ترى",
        Some("ابن نحيت"),
        "الرياضة انحرفت عن مسارها الصحيح",
        Indirect
    )]
);
case!(
    an_official_statement_ends_the_source,
    "وكانت الهيئة أعلنت في بيان رسمي لها عن القبض على المتهمين.",
    [("أعلنت", Some("الهيئة"), "القبض على المتهمين", Indirect)]
);

// إلى after the occasion is the complement, not a definite word qualifying the occasion (SaudiNewsNet).
case!(
    ila_after_an_occasion_is_the_complement,
    "ودعا في كلمته إلى تعزيز التعاون بين البلدين.",
    [("دعا", None, "تعزيز التعاون بين البلدين", Indirect)]
);

// The speaker's own statement after the source is the cue's object (SaudiNewsNet), and ضمن حديثه is a
// phrase, not a source.
case!(
    his_statement_ends_the_source,
    "واختتم الصبيحي تصريحاته بالقول \"صالح والحوثيون ظلوا يعدون للحرب\".",
    [(
        "اختتم",
        Some("الصبيحي"),
        "\"صالح والحوثيون ظلوا يعدون للحرب\"",
        Direct
    )]
);
case!(
    within_his_talk_is_no_source,
    "وقال أمجد علي إن الفعاليات متنوعة. وذكر ضمن حديثه أن الأماكن مخصصة للعائلات.",
    [
        ("قال", Some("أمجد علي"), "الفعاليات متنوعة", Indirect),
        ("ذكر", Some("أمجد علي"), "الأماكن مخصصة للعائلات", Indirect)
    ]
);

// A quotation right after a participle of speech is its content (SaudiNewsNet).
case!(
    a_quotation_right_after_a_participle,
    "وقال زلاتكو داليتش المدير الفني للعين، إن فريقه أكمل تحضيراته، موضحاً «هناك بعض اللاعبين المصابين».",
    [
        (
            "قال",
            Some("زلاتكو داليتش المدير الفني للعين"),
            "فريقه أكمل تحضيراته",
            Indirect
        ),
        (
            "موضحاً",
            Some("زلاتكو داليتش المدير الفني للعين"),
            "«هناك بعض اللاعبين المصابين»",
            Direct
        )
    ]
);

// A participle after a clause whose verb reported nothing (an optional cue: اتفق على) takes that
// verb's subject, read up to the verb's own complement.
case!(
    a_participle_after_an_unreported_clause,
    "واتفق عدد من الزوار على أن المهرجان ناجح، مشيرين إلى أن التنظيم كان ممتازا.",
    [(
        "مشيرين",
        Some("عدد من الزوار"),
        "التنظيم كان ممتازا",
        Indirect
    )]
);
case!(
    no_subject_read_without_the_verbs_complement,
    "وأبدى الطلاب سعادتهم لاجتياز البرنامج، مؤكدين أنهم تعلموا الكثير.",
    []
);

// A time after the source is no part of it (SaudiNewsNet).
case!(
    last_week_ends_the_source,
    "وأعلنت الشركة الأسبوع الماضي أن أرباحها زادت بأكثر من ثلاثة أمثالها.",
    [(
        "أعلنت",
        Some("الشركة"),
        "أرباحها زادت بأكثر من ثلاثة أمثالها",
        Indirect
    )]
);
case!(
    this_week_ends_the_source,
    "وقالت منظمة أوكسفام هذا الأسبوع إن 13 مليون شخص يواجهون نقصا في الغذاء.",
    [(
        "قالت",
        Some("منظمة أوكسفام"),
        "13 مليون شخص يواجهون نقصا في الغذاء",
        Indirect
    )]
);
case!(
    then_ends_the_source,
    "وقالت الوزارة آنذاك إنها خاطبت المجلس الدولي للمتاحف.",
    [(
        "قالت",
        Some("الوزارة"),
        "خاطبت المجلس الدولي للمتاحف",
        Indirect
    )]
);

// The medium (عبر حسابه …، عبر الهاتف) and an adjunct between commas (، أمس،، لوكالة …،) are no part of the
// source.
case!(
    the_medium_ends_the_source,
    "وقال بطل المسلسل ناصر القصبي عبر حسابه الرسمي بموقع تويتر للتواصل الاجتماعي “خلال أسبوعين تشرفت باستقبال ثلاث مكالمات”.",
    [(
        "قال",
        Some("بطل المسلسل ناصر القصبي"),
        "“خلال أسبوعين تشرفت باستقبال ثلاث مكالمات”",
        Direct
    )]
);
case!(
    an_adjunct_between_commas_is_no_apposition,
    "وأكد وزير الثقافة والإعلام، لوكالة الأنباء السعودية، أن القرار يعكس الاهتمام.",
    [(
        "أكد",
        Some("وزير الثقافة والإعلام"),
        "القرار يعكس الاهتمام",
        Indirect
    )]
);

// وقال إنه with no report before it to continue: the speaker is the person named last, linked to its
// entity; with nobody named, the report stands without a source.
#[test]
fn a_dropped_subject_is_the_person_named_last() {
    let text =
        "وصل الرئيس العراقي محمد شياع السوداني إلى باريس أمس. وقال إنه يأمل في تعزيز العلاقات.";
    let found = extract_with_names(text);
    let got = parts(text, &found);
    assert_eq!(
        got,
        [("قال", Some("محمد شياع السوداني"), "يأمل في تعزيز العلاقات")]
    );
    assert_eq!(found[0].source_kind, Some(SourceKind::Person));
    assert!(found[0].source_entity.is_some());

    let unnamed = "وصل الوفد إلى باريس أمس. وقال إنه يأمل في تعزيز العلاقات.";
    let found = Attributor::new().find(unnamed);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].source, None);
    assert_eq!(&unnamed[found[0].content], "يأمل في تعزيز العلاقات");
}

// News writes قال بأن and أشار أن (without إلى) too.
case!(
    qala_bi_anna,
    "وقال رئيس وزراء اليونان أليسكيس تسيبراس بأنه اتفاق سيئ.",
    [(
        "قال",
        Some("رئيس وزراء اليونان أليسكيس تسيبراس"),
        "اتفاق سيئ",
        Indirect
    )]
);
case!(
    ashara_anna_without_ila,
    "وأشار الدكتور العيد أنه تمت إعادة الاختبار لهم.",
    [(
        "أشار",
        Some("الدكتور العيد"),
        "تمت إعادة الاختبار لهم",
        Indirect
    )]
);

// على ما أفاد X, بحسب ما ذكرت X: a report after its content, like …، كما أوضح X.
case!(
    ala_ma_afada_after_the_content,
    "قتل 20 شخصا في التفجير، على ما أفاد متطوع ومصدر طبي.",
    [(
        "أفاد",
        Some("متطوع ومصدر طبي"),
        "قتل 20 شخصا في التفجير",
        Indirect
    )]
);

// أما X فأكد: the subject starts after أما.
case!(
    amma_opens_the_subject,
    "أما وزير الخارجية البريطاني فيليب هاموند فأكد أن الاتفاق جيد.",
    [(
        "أكد",
        Some("وزير الخارجية البريطاني فيليب هاموند"),
        "الاتفاق جيد",
        Indirect
    )]
);
case!(
    a_time_adjunct_ends_the_source,
    "وقال المتحدث باسم القوات الجوية ناصر الحاسي في ساعة مبكرة من صباح أمس إن السفينة أغرقت.",
    [(
        "قال",
        Some("المتحدث باسم القوات الجوية ناصر الحاسي"),
        "السفينة أغرقت",
        Indirect
    )]
);
case!(
    a_quoted_addressee_with_a_longer_adjunct_is_passed_over,
    "وقال جعجع لـ«الشرق الأوسط» غداة لقائه خادم الحرمين إن اللقاء كان إيجابيا.",
    [("قال", Some("جعجع"), "اللقاء كان إيجابيا", Indirect)]
);
case!(
    a_short_quotation_before_the_complement_ends_the_source,
    "وقال بريان وارد من شركة العقارات التجارية «كولييرز إنترناشونال» إن المستثمرين الصينيين اشتروا عقارات.",
    [(
        "قال",
        Some("بريان وارد من شركة العقارات التجارية «كولييرز إنترناشونال»"),
        "المستثمرين الصينيين اشتروا عقارات",
        Indirect
    )]
);

// The topic after عن, before the colon, is no part of the source; marks around a whole source name are
// not part of it either.
case!(
    the_topic_before_a_colon_ends_the_source,
    "قال الحريري عن العمليات العسكرية للتحالف في اليمن: \"كان فكري منشغلا\".",
    [("قال", Some("الحريري"), "\"كان فكري منشغلا\"", Direct)]
);
#[test]
fn quotation_marks_around_a_whole_source_are_left_out() {
    let text = "وأوضح \"الحريري\" أن الحرب طويلة.";
    let found = extract_with_names(text);
    let got = parts(text, &found);
    assert_eq!(got, [("أوضح", Some("الحريري"), "الحرب طويلة")]);
}

// A content before a trailing according-to phrase leaves out the و that joins it to the text before,
// not a word's own و.
case!(
    the_joining_conjunction_is_left_out_of_a_trailing_content,
    "وقد قتل المدنيون عندما أطلق المتمردون النيران على بلدة، بحسب وزارة الداخلية.",
    [(
        "بحسب",
        Some("وزارة الداخلية"),
        "قد قتل المدنيون عندما أطلق المتمردون النيران على بلدة",
        Indirect
    )]
);

// A subject never starts with a preposition: في / أمام … is an adjunct, and the speaker is the person
// named before; إمام (an imam), which folds to the letters of أمام, still is one.
#[test]
fn a_phrase_after_the_verb_is_an_adjunct_not_the_source() {
    let text = "وألقى المرشد علي خامنئي خطبة العيد. وقال في خطبته الطويلة أمام المصلين إن المفاوضات انتهت.";
    let found = extract_with_names(text);
    let got = parts(text, &found);
    assert_eq!(got, [("قال", Some("علي خامنئي"), "المفاوضات انتهت")]);

    let imam = "وقال إمام وخطيب المسجد الحرام الدكتور سعود الشريم: \"قتل المصلين جريمة\".";
    let found = Attributor::new().find(imam);
    assert_eq!(
        found.first().and_then(|a| a.source).map(|s| &imam[s]),
        Some("إمام وخطيب المسجد الحرام الدكتور سعود الشريم")
    );
}

// After وصف / حث …, the subject ends with the person's name: the object starts the content of وصف, and
// after حث it is whom the call is addressed to.
#[test]
fn an_object_after_the_speaker_s_name_ends_the_source() {
    let described = "ووصف نتنياهو الاتفاق النووي بالخطأ التاريخي.";
    assert_eq!(
        parts(described, &extract_with_names(described)),
        [("وصف", Some("نتنياهو"), "الاتفاق النووي بالخطأ التاريخي")]
    );
    let urged = "وحث نتنياهو المشرعين الأمريكيين على رفض الاتفاق.";
    assert_eq!(
        parts(urged, &extract_with_names(urged)),
        [("حث", Some("نتنياهو"), "رفض الاتفاق")]
    );
}

// A participle right before أن continues the report even without a comma, at the start of a sentence
// (SaudiNewsNet); after a verb of being it is an adjective ("it was striking that").
case!(
    participle_before_an_at_the_start_of_a_sentence,
    "وأوضح المهندس سليمان البطحي أن الأمانة أتاحت المشاركة في الاستطلاع. وتستمر المشاركة حتى نهاية الشهر. لافتاً أن جميع نتائج الاستطلاع سوف يتم دراستها.",
    [
        (
            "أوضح",
            Some("المهندس سليمان البطحي"),
            "الأمانة أتاحت المشاركة في الاستطلاع",
            Indirect
        ),
        (
            "لافتاً",
            Some("المهندس سليمان البطحي"),
            "جميع نتائج الاستطلاع سوف يتم دراستها",
            Indirect
        ),
    ]
);
case!(
    participle_after_a_verb_of_being_is_an_adjective,
    "وأوضح المتحدث الرسمي علي الغامدي أن الفرق نقلت المصابين. وكان لافتا أن الوزير لم يحضر.",
    [(
        "أوضح",
        Some("المتحدث الرسمي علي الغامدي"),
        "الفرق نقلت المصابين",
        Indirect
    )]
);
// After قائلا, what introduces the words (a colon, إن) is neither cue nor content.
case!(
    colon_after_qailan,
    "وأضاف جوليان قائلا: «يجب أن يكون ملمس الطعام مناسبا»",
    [(
        "أضاف",
        Some("جوليان"),
        "«يجب أن يكون ملمس الطعام مناسبا»",
        Direct
    )]
);
case!(
    inna_after_qailan,
    "وتابع منديز قائلا إن العمل بالفيلمين خيار لأسلوب حياة.",
    [(
        "تابع",
        Some("منديز"),
        "العمل بالفيلمين خيار لأسلوب حياة",
        Indirect
    )]
);

// An announcement, a denial or an accusation with an object for content, after a named subject
// (SaudiNewsNet); after an apposition the words describe the subject, not what was said.
#[test]
fn object_content_after_a_named_subject() {
    let text = "وأعلنت الأمم المتحدة حالة الطوارئ الإنسانية من المستوى الثالث في اليمن.";
    let found = extract_with_names(text);
    assert_eq!(
        parts(text, &found),
        [(
            "أعلنت",
            Some("الأمم المتحدة"),
            "حالة الطوارئ الإنسانية من المستوى الثالث في اليمن"
        )]
    );
    let text = "وتنفي إيران سعيها لامتلاك سلاح نووي، وأكد سيرغي لافروف وزير الخارجية الروسي استحالة تبرير ذلك.";
    let found = extract_with_names(text);
    assert_eq!(
        parts(text, &found),
        [("تنفي", Some("إيران"), "سعيها لامتلاك سلاح نووي")]
    );
    let text = "أعلنت وزارة الداخلية السعودية، أمس، القبض على 431 عنصرا أغلبهم سعوديون.";
    let found = extract_with_names(text);
    assert_eq!(
        parts(text, &found),
        [(
            "أعلنت",
            Some("وزارة الداخلية السعودية"),
            "القبض على 431 عنصرا أغلبهم سعوديون"
        )]
    );
}

// A quotation around a name the context rules found is part of the source, not speech (SaudiNewsNet).
#[test]
fn a_quoted_name_found_by_a_rule_stays_in_the_source() {
    let text = "وأعلنت دار «سيرجيو روسي» للأحذية أنها وجدت مشتريا وأن توقيع عقد البيع سيتم قريبا.";
    let tokens = khabar_tokenize::Tokenizer::new().tokens(text);
    let sentences = khabar_tokenize::sentence_spans(text, &tokens);
    let gazetteer = khabar_gazetteer::Gazetteer::default();
    let mentions = gazetteer.find(text);
    let names = khabar_gazetteer::rules::Recognizer::new()
        .with_gazetteer_names(&gazetteer)
        .find(text, &tokens, &mentions);
    let evidence = khabar_attribution::Findings {
        tokens: &tokens,
        sentences: &sentences,
        mentions: &mentions,
        names: &names,
    };
    let found = Attributor::new().extract_with(text, &evidence);
    assert_eq!(
        parts(text, &found),
        [(
            "أعلنت",
            Some("دار «سيرجيو روسي» للأحذية"),
            "وجدت مشتريا وأن توقيع عقد البيع سيتم قريبا"
        )]
    );
}

// Two words introducing one content: the first verb is the cue, the second word (a participle or a verb)
// is neither the source nor a report of its own (SaudiNewsNet).
case!(
    second_word_after_the_cue,
    "وقال الوزير إن الاتفاق جيد. وتابع يقول: «إنه يقف بصورة جيدة». وأضاف موضحا أن «المسلحين من كل الجماعات»",
    [
        ("قال", Some("الوزير"), "الاتفاق جيد", Indirect),
        ("تابع", Some("الوزير"), "«إنه يقف بصورة جيدة»", Direct),
        ("أضاف", Some("الوزير"), "«المسلحين من كل الجماعات»", Direct),
    ]
);
// A reporting verb glued to و ends the source before it and starts a report of its own.
case!(
    a_glued_reporting_verb_ends_the_source,
    "وأكد الشيف مارون شديد صاحب المطعم أن المطعم مزدحم، ويضيف: «هذه الوجبة خفيفة تغنيك عن وجبة دسمة»",
    [
        (
            "أكد",
            Some("الشيف مارون شديد صاحب المطعم"),
            "المطعم مزدحم",
            Indirect
        ),
        (
            "يضيف",
            Some("الشيف مارون شديد صاحب المطعم"),
            "«هذه الوجبة خفيفة تغنيك عن وجبة دسمة»",
            Direct
        ),
    ]
);

// عن after صدر belongs to the source's phrase, not to the cue's complement (the development set).
case!(
    an_inside_the_source_phrase,
    "أعلن بيان صدر عن مكتب حاكم إقليم أغري بشرق تركيا أمس الأحد أن اثنين من أفراد قوات الأمن قتلا.",
    [(
        "أعلن",
        Some("بيان صدر عن مكتب حاكم إقليم أغري بشرق تركيا"),
        "اثنين من أفراد قوات الأمن قتلا",
        Indirect
    )]
);

// After حث، دعا … what follows the comma is the addressee, not an apposition (the development set).
case!(
    the_addressee_after_a_comma,
    "على صعيد آخر حث وكيل الإمارة، مديري التعليم ومساعديهم على تفعيل دور الإرشاد الطلابي للحماية من الفكر الضال.",
    [(
        "حث",
        Some("وكيل الإمارة"),
        "تفعيل دور الإرشاد الطلابي للحماية من الفكر الضال",
        Indirect
    )]
);

// A full stop after a one-letter abbreviation (د.) does not end the content; after a year's (م.) it does
// (the development set, SaudiNewsNet).
case!(
    abbreviations_inside_the_content,
    "وأوضح كابلي أن اللجنة تعمل بمتابعة من رئيس اللجنة المحلية للانتخابات د. أسامة البار. وبدأت الحملة عام 2015م. وقال المتحدث إن الحملة نجحت.",
    [
        (
            "أوضح",
            Some("كابلي"),
            "اللجنة تعمل بمتابعة من رئيس اللجنة المحلية للانتخابات د. أسامة البار",
            Indirect
        ),
        ("قال", Some("المتحدث"), "الحملة نجحت", Indirect),
    ]
);

// A word or two quoted right after the cue name the speaker, or whom the words were said to when a
// subject stands before the verb (SaudiNewsNet, the development set).
case!(
    a_quoted_speaker_after_the_cue,
    "وقال “القصبي” إن “مكالمة وزراء الإعلام طوقت عنقي بجميل شعورهم”.",
    [(
        "قال",
        Some("القصبي"),
        "“مكالمة وزراء الإعلام طوقت عنقي بجميل شعورهم”",
        Direct
    )]
);
case!(
    a_quoted_addressee_after_the_cue,
    "مصادر ميدانية في المنطقة أبلغت «الشرق الأوسط» أن أهالي السائق فقدوا الاتصال به.",
    [(
        "أبلغت",
        Some("مصادر ميدانية في المنطقة"),
        "أهالي السائق فقدوا الاتصال به",
        Indirect
    )]
);
// The second word may follow the source too, in the present tense (SaudiNewsNet).
case!(
    second_word_after_the_source,
    "وأضاف البروفسور هيكمان يقول: «أشعر أن الحكام هناك يمتلكون حسا دقيقا».",
    [(
        "أضاف",
        Some("البروفسور هيكمان"),
        "«أشعر أن الحكام هناك يمتلكون حسا دقيقا»",
        Direct
    )]
);

// A cue as a verbal noun after عدم reports nothing, and جاء with a subject is "came" (the development
// set).
case!(
    no_report_after_adam_or_in_jaa_with_a_subject,
    "وذكرت ثلاثة مصادر في الشرطة طلبت عدم كشف هوياتها أن حصيلة الضحايا بلغت 20 قتيلاً. وجاء التوقيع مع اللاعب بحضور نائب رئيس النادي في مطار الملك خالد.",
    [(
        "ذكرت",
        Some("ثلاثة مصادر في الشرطة طلبت عدم كشف هوياتها"),
        "حصيلة الضحايا بلغت 20 قتيلاً",
        Indirect
    )]
);

// After ، كما a verb kept only for overt speakers goes on with what was said when no speaker follows it
// (the seed article), and ends it when one does (the development set).
case!(
    kama_before_an_optional_cue,
    "وأفاد المكتب الإعلامي بأن \"السوداني ناقش الأوضاع الأمنية\"، كما تطرق اللقاء إلى \"جهود البعثة في التدريب\". وحث وكيل الإمارة، مديري التعليم على تفعيل الإرشاد، كما ناقش المجتمعون عددا من الموضوعات.",
    [
        (
            "أفاد",
            Some("المكتب الإعلامي"),
            "\"السوداني ناقش الأوضاع الأمنية\"، كما تطرق اللقاء إلى \"جهود البعثة في التدريب\"",
            Mixed
        ),
        ("حث", Some("وكيل الإمارة"), "تفعيل الإرشاد", Indirect),
    ]
);

/// After اتهم, the person's name right before the charge (ب…) is the one accused, not the end of the
/// subject (development set).
#[test]
fn the_accused_name_before_the_charge_starts_the_content() {
    let text = "واتهم زعيم حزب معارض مؤيد للأكراد أردوغان بشن الضربات الجوية في سوريا والعراق.";
    let found = extract_with_names(text);
    assert_eq!(
        parts(text, &found),
        [(
            "اتهم",
            Some("زعيم حزب معارض مؤيد للأكراد"),
            "أردوغان بشن الضربات الجوية في سوريا والعراق"
        )]
    );
}
