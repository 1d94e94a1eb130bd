//! Recognition beyond the list: names that context words introduce. Kept apart from dictionary matching
//! so every result says which rule produced it, and so users can run the dictionary alone.
//!
//! - **Titles** (الرئيس، الشيخ، وزير الخارجية …), optionally followed by adjectives (الفرنسي، السابق),
//!   introduce a person's name: the following name tokens, with بن / أبو / آل chains.
//! - **Runs of known name tokens** (two or more given or family names in a row) are a person.
//! - **Organisation head nouns** (وزارة، حزب، جامعة …) with their definite complement are an organisation.
//! - **Place words** (مدينة، محافظة، نهر …) introduce a place; the place word itself is left out, as the
//!   annotation guide says (محافظة جدة → جدة).

use std::borrow::Cow;
use std::sync::LazyLock;

use khabar_tokenize::{Norm, Normalizer, Span, Token, TokenKind, WordMap};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::{EntityId, EntityKind, Gazetteer, Mention};

/// A name found by a context rule, mostly with no entity behind it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Guess {
    /// The name in the original text.
    pub span: Span,
    /// What kind of name the rule expects there.
    pub kind: EntityKind,
    /// The rule that found it: `title`, `after-cue`, `name-tokens`, `org-head`, `place-word`,
    /// `family-name`, `place-institution`, `byline`, `quoted-name`, `newspaper`, `name-list`, `club`,
    /// `addressee`, `leader`, `group`, `facility`, or `tagger` for the statistical tagger of
    /// [`crate::tagger`].
    pub rule: &'static str,
    /// The entity the name stands for, when the rule knows it: a club named by its short name
    /// ([`Rule::Club`]), in the gazetteer given to [`Recognizer::with_gazetteer_names`].
    #[serde(default)]
    pub entity: Option<EntityId>,
}

/// Nouns that classify an outlet or a platform named after them (normalised): its quoted name stands
/// alone (صحيفة «سبق» → سبق).
const MEDIA_HEADS: &[&str] = &[
    "صحيفه",
    "صحيفة",
    "جريده",
    "جريدة",
    "مجله",
    "مجلة",
    "موقع",
    "قناه",
    "قناة",
    "اذاعه",
    "اذاعة",
    "شبكه",
    "شبكة",
    "منصه",
    "منصة",
    "تطبيق",
];

/// Titles that introduce a person's name directly (normalised, with the article).
const TITLES: &[&str] = &[
    "الرئيس",
    "الرئيسه",
    "الامين",
    "الملك",
    "الملكه",
    "الامير",
    "الاميره",
    "الشيخ",
    "الشيخه",
    "الوزير",
    "الوزيره",
    "النائب",
    "الجنرال",
    "الدكتور",
    "الدكتوره",
    "السيد",
    "السيده",
    "الامام",
    "المستشار",
    "العقيد",
    "اللواء",
    "العميد",
    "الفريق",
    "المشير",
    "الرائد",
    "النقيب",
    "المهندس",
    "الاستاذ",
    "الفنان",
    "الفنانه",
    "اللاعب",
    "المدرب",
    "الكاتب",
    "الشاعر",
    "المطرب",
    "المخرج",
    "الحارس",
    "المهاجم",
    "المدافع",
    "البطل",
    "البابا",
    "القس",
    "الحاخام",
    "السفير",
    "الزعيم",
    "المرشد",
    "القاضي",
    "المحامي",
    "الصحفي",
    "الرئيسة",
    "الملكة",
    "الأميرة",
    "الشيخة",
    "الوزيرة",
    "الدكتورة",
    "السيدة",
    "الفنانة",
    // Ranks, religious titles and callings news puts before a name (العريف عبدالله الأحمري، الملا عمر،
    // المواطن جمال البلوي). Not those that are family names too (الجندي، الطبيب، المعلم، الحاج): a
    // title never ends a name (وليد المعلم).
    "المقدم",
    "الملازم",
    "الرقيب",
    "العريف",
    "الملا",
    "الداعية",
    "الداعيه",
    "الاعلامي",
    "الاعلاميه",
    "الاعلامية",
    "الروائي",
    "الاديب",
    "الباحث",
    "الناشط",
    "الناشطه",
    "الناشطة",
    "المواطن",
    "المواطنه",
    "المواطنة",
    // Positions news puts before or after a name (القيادي في المقاومة أحمد كربج، زهرة آدم المسؤولة
    // المحلية): never a family name.
    "القيادي",
    "القياديه",
    "القيادية",
    "المسؤول",
    "المسؤوله",
    "المسؤولة",
    "الخبير",
    "الخبيره",
    "الخبيرة",
    "المحلل",
    "المحلله",
    "المحللة",
    "المدير",
    "المديره",
    "المديرة",
    "المشرف",
    "المشرفه",
    "المشرفة",
    "المتحدث",
    "المتحدثه",
    "المتحدثة",
    "الناطق",
    "الناطقه",
    "الناطقة",
];
/// Heads of construct titles, followed by their complement (رئيس الوزراء، وزير الخارجية).
const CONSTRUCT_TITLES: &[&str] = &[
    "رئيس",
    "رئيسه",
    "رئيسة",
    "وزير",
    "وزيره",
    "وزيرة",
    "نائب",
    "امين",
    "مدير",
    "قائد",
    "سفير",
    "زعيم",
    "مستشار",
    "ولي",
    "امير",
    "محافظ",
    "مفتي",
    "شيخ",
    "عضو",
    "مساعد",
    "وكيل",
    "متحدث",
    "الناطق",
    "المتحدث",
    "ملك",
    "مندوب",
];
/// Adjectives that may stand between a title and the name.
const TITLE_MODIFIERS: &[&str] = &[
    // Epithets of news (الفنان الكبير، الشاعر العظيم، اللاعب الشاب).
    "الكبير",
    "الكبيره",
    "الكبيرة",
    "العظيم",
    "الشهير",
    "الشهيره",
    "الشهيرة",
    "المعروف",
    "المعروفه",
    "المعروفة",
    "القدير",
    "القديره",
    "القديرة",
    "الشاب",
    "الشابه",
    "الشابة",
    "الواعد",
    "المخضرم",
    "السابق",
    "الراحل",
    "الحالي",
    "المخلوع",
    "الجديد",
    "الاسبق",
    "المكلف",
    "الاعلي",
    "العام",
    // Military ranks: اللواء بحري، الفريق أول ركن، العقيد طيار.
    "اول",
    "ركن",
    "الركن",
    "بحري",
    "جوي",
    "طيار",
];
/// Reporting verbs whose subject often follows at once (وقال ستيفان).
const REPORTING_VERBS: &[&str] = &[
    "قال",
    "اضاف",
    "اكد",
    "اوضح",
    "اعرب",
    "اشار",
    "صرح",
    "تابع",
    "قالت",
    "اضافت",
    "اكدت",
    "ذكر",
    "اعلن",
    "كشف",
    "اوضحت",
    "اشارت",
    "ذكرت",
    "اعلنت",
    "كشفت",
    "صرحت",
    "افاد",
    "افادت",
    "اعربت",
    "اردف",
    "اردفت",
    // The present tense, as features quote the people they meet (ويقول محمد القصير: «…»).
    "يقول",
    "تقول",
    "يضيف",
    "تضيف",
    "يؤكد",
    "تؤكد",
    "يوضح",
    "يشير",
    "تشير",
];
/// Words linking parts of a name.
const NAME_LINKS: &[&str] = &["بن", "ابن", "ابو", "ال", "عبد", "ام", "بنت", "ولد"];
/// Organisation head nouns kept inside the name (وزارة الداخلية، حزب الله).
const ORG_HEADS: &[&str] = &[
    "وزاره",
    "وزارة",
    "اتحاد",
    "مجلس",
    "هيئه",
    "هيئة",
    "جمعيه",
    "جمعية",
    "جامعه",
    "جامعة",
    "منظمه",
    "منظمة",
    "حزب",
    "حركه",
    "حركة",
    "تنظيم",
    "جبهه",
    "جبهة",
    "مؤسسه",
    "مؤسسة",
    "بنك",
    "مصرف",
    "محكمه",
    "محكمة",
    "مستشفي",
    "كليه",
    "كلية",
    "معهد",
    "صندوق",
    "ديوان",
    "رابطه",
    "رابطة",
    "نقابه",
    "نقابة",
    "وكاله",
    "وكالة",
    "نادي",
    "جيش",
    "كتائب",
    "شركه",
    "شركة",
    "مديريه",
    "مديرية",
    "امانه",
    "امانة",
    "بلديه",
    "بلدية",
    "مجموعه",
    "مجموعة",
    "لجنه",
    "لجنة",
];
/// Place words that introduce a place name and stay outside it.
/// Institutions that take the name of the place they serve (normalised): إمارة، أمانة، بلدية، شرطة،
/// صحة (the health directorate), مستشفى، جامعة، محكمة، مديرية، غرفة (of commerce).
const PLACE_INSTITUTIONS: &[&str] = &[
    "امارة",
    "امانة",
    "بلدية",
    "شرطة",
    "صحة",
    "مستشفي",
    "جامعة",
    "محكمة",
    "مديرية",
    "غرفة",
    "شركة",
    "مجمع",
];
/// The institutions of [`PLACE_INSTITUTIONS`] that may be named after a person with a title instead of a
/// place.
const NAMED_AFTER_PEOPLE: [&str; 2] = ["مستشفي", "مجمع"];
/// Words after a place word that name no place (SaudiNewsNet): a currency (منطقة اليورو), what happens
/// there (منطقة الحادث، منطقة الجزاء), adjectives and ordinals without the nisba's ية (منطقة قريبة،
/// ولاية ثالثة: a third term) and adverbs of place (منطقة خارج المنطقة), normalised.
const NOT_PLACE_NAMES: &[&str] = &[
    "اليورو",
    "الدولار",
    "الاسترليني",
    "الحادث",
    "الحادثة",
    "الجزاء",
    "العمليات",
    "قريبة",
    "قريبه",
    "مجاورة",
    "مجاوره",
    "جديدة",
    "جديده",
    "كاملة",
    "كامله",
    "واحدة",
    "واحده",
    "ثانية",
    "ثانيه",
    "ثالثة",
    "ثالثه",
    "رابعة",
    "رابعه",
    "خامسة",
    "خامسه",
    "اخري",
    "ماهولة",
    "ماهوله",
    "كبيرة",
    "كبيره",
    "صغيرة",
    "صغيره",
    "امنة",
    "امنه",
    "عازلة",
    "عازله",
    "حرة",
    "حره",
    "محددة",
    "محدده",
    "معينة",
    "معينه",
    "مدتها",
    "خارج",
    "داخل",
    "وسط",
];
/// Adjectives that place a place after its name (المطل على، التابعة لـ، الواقع في), normalised: no part
/// of the name.
const PLACING_ADJECTIVES: &[&str] = &[
    "المطل",
    "المطله",
    "المطلة",
    "التابع",
    "التابعه",
    "التابعة",
    "الواقع",
    "الواقعه",
    "الواقعة",
    "المتاخم",
    "المتاخمه",
    "المتاخمة",
    "المجاور",
    "المجاوره",
    "المجاورة",
    "القريب",
    "القريبه",
    "القريبة",
    "المحاذي",
    "المحاذيه",
    "المحاذية",
    "المحايد",
    "المحاط",
    "المحاطه",
    "المحاطة",
];
/// Heads of facilities news names after a person (طريق الملك فهد، جامع الإمام تركي), normalised: places.
const FACILITY_HEADS: &[&str] = &[
    "طريق",
    "شارع",
    "جسر",
    "ملعب",
    "استاد",
    "جامع",
    "مسجد",
    "حديقه",
    "حديقة",
    "ميدان",
    "منتزه",
    "قاعه",
    "قاعة",
    "برج",
    "دوار",
];
/// Heads of institutions news names after a person (مستشفى الملك فهد، كلية الملك فهد الأمنية),
/// normalised: organisations.
const NAMED_INSTITUTION_HEADS: &[&str] = &[
    "مستشفي",
    "مركز",
    "كليه",
    "كلية",
    "جامعه",
    "جامعة",
    "معهد",
    "مدرسه",
    "مدرسة",
    "مكتبه",
    "مكتبة",
];
/// Titles a facility's person bears (الملك، الأمير، الإمام، الشيخ), normalised.
const FACILITY_TITLES: &[&str] = &["الملك", "الامير", "الاميره", "الاميرة", "الامام", "الشيخ"];
const PLACE_WORDS: &[&str] = &[
    "مدينه",
    "مدينة",
    "محافظه",
    "محافظة",
    "ولايه",
    "ولاية",
    "منطقه",
    "منطقة",
    "اقليم",
    "جزيره",
    "جزيرة",
    "نهر",
    "بلده",
    "بلدة",
    "قريه",
    "قرية",
    "حي",
    "بحيره",
    "بحيرة",
    "جبل",
    "مقاطعه",
    "مقاطعة",
    "عاصمه",
    "عاصمة",
    "واحه",
    "واحة",
    "ميناء",
    "مطار",
    "صحراء",
];
/// Place words that are part of the name they head, as the annotation guide has facilities and natural
/// features whole (مطار الدمام، جبل القارة، ميناء جدة); the other place words are left out of it.
const FEATURE_HEADS: &[&str] = &[
    "جزيره",
    "جزيرة",
    "نهر",
    "بحيره",
    "بحيرة",
    "جبل",
    "ميناء",
    "مطار",
];
/// Words that never start or continue a name.
const STOP: &[&str] = &[
    // Words the name-token list holds (as transliterated names) that news uses as common words: God
    // and its formulas, month names, particles.
    "الله",
    "عز",
    "وجل",
    "كانون",
    "تشرين",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "سيما",
    "ليست",
    "ليس",
    "سوي",
    "عاد",
    "بيوت",
    "لي",
    "وان",
    "بيان",
    "ليل",
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "ان",
    "التي",
    "الذي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللذان",
    "اللتان",
    "اللاتي",
    "اللواتي",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "كل",
    "بعد",
    "قبل",
    "امس",
    "اليوم",
    "قد",
    "لا",
    "لم",
    "لن",
    "ما",
    "حيث",
    "كما",
    "او",
    "ثم",
    "بين",
    "عند",
    "لدي",
    "منذ",
    "حتي",
    "غير",
    "دون",
    "نحو",
    "ضد",
    "عبر",
    "اي",
    "كان",
    "كانت",
    "يوم",
    "عام",
    "قال",
    "وقال",
    "اكد",
    "اعلن",
    "خلال",
    "الان",
    "وهو",
    "وهي",
    "هو",
    "هي",
    "انه",
    "انها",
    "الا",
    "اذا",
    "لكن",
    "ايضا",
    // The currency (ريال مدريد is the gazetteer's).
    "ريال",
    // Participles that describe a person after the name (المقيم في، المتهم بـ), not a family name.
    "المقيم",
    "المقيمة",
    "المتهم",
    "المشتبه",
    "الموقوف",
    "المطلوب",
    "جدا",
    "امام",
    "فقط",
    "مساء",
    "صباح",
    // Function and common words that fold into a listed name (بأن → بان as in بان كي مون, إبان → ابان)
    // or are spelled like one (مرة، دان، حياة): the gazetteer still finds the people it knows.
    "بان",
    "ابان",
    "لان",
    "لاي",
    "الف",
    "عدة",
    "مرة",
    "اكبر",
    "كي",
    "صاحب",
    "دول",
    "بيت",
    "يكن",
    "فاز",
    "دان",
    "سان",
    "سي",
    "بي",
    "جي",
    "تي",
    "بانه",
    "بانها",
    "بانهم",
    "لانه",
    "لانها",
    "احدي",
    "كاد",
    "كادت",
    "بات",
    "باتت",
    "انا",
    "اول",
    // Adverbs and question words the list holds as names.
    "اولا",
    "اين",
    "كيف",
    "ذا",
    // Honorifics with a pronoun, which stand for a person already named (أدى سموه، وأكد معاليه).
    "سموه",
    "سموها",
    "معاليه",
    "سعادته",
    "فضيلته",
    "سماحته",
    "الفضاء",
    // Common nouns read as names in SaudiNewsNet: ضيوف الرحمن "the pilgrims" (119 times in the 99 MB
    // corpus), الطفلة "the girl" as a family name (81, as in ذوي الطفلة "the girl's family"). ضيوف is also
    // a surname (عبدو ضيوف), which the rules then read without it (2 in the corpus).
    "ضيوف",
    "الطفلة",
    // Common words that are a name token glued to و, read as the next name of a list in SaudiNewsNet:
    // في ظل وجود "given the presence of" (7 times in the 99 MB corpus), وباب "and the gate of" (7), وبني
    // "and the sons of", a tribe or a place (9), وتحسين "and improving" (7).
    "وجود",
    "وباب",
    "وبني",
    "وتحسين",
    // Read as a family name after a lone given name: رحمه الله and غفر الله له after the dead (39 times
    // in the 99 MB corpus), هنا "here".
    "رحمه",
    "غفر",
    "هنا",
    // Adjectives read as a family name (SaudiNewsNet, 99 MB): مكتبة الملك عبدالعزيز العامة "public" (40),
    // مؤشر نيكي القياسي "benchmark" (25), واصل الثنائي "the pair" (19).
    "العامة",
    "العامه",
    "القياسي",
    "الثنائي",
    // Common nouns read as a family name alone (99 MB): الشباب "the youth" (40), الشهيد "the martyr" (29),
    // الاستقدام "recruitment" (26); حفظه الله after the living as رحمه الله after the dead; والد "father",
    // read as a given name before them (والد الشهيد: 23).
    "الشباب",
    "الشهيد",
    "الاستقدام",
    "حفظه",
    "والد",
    // Read as a family name (99 MB): باب in فتح باب الترشح/القبول "opening registration" (71), الهدف "the
    // goal" (37), المنتقل "who moved" (25), التسجيل "scoring" (21); الإسلام after anything but سيف (about
    // 100: دين الإسلام، باسم الإسلام، أركان الإسلام), see [`Words::read_compound_given_names`].
    "باب",
    "الهدف",
    "المنتقل",
    "التسجيل",
    "الاسلام",
    // The honorific of clerics (سماحة المفتي), read as a given name after a verb (تؤكد سماحة الإسلام).
    "سماحه",
    "سماحة",
    // Common words the name-token list holds as given names, read as the start of a name (99 MB; a sample
    // of each read nearly all wrong): حياة "life" (110), دور "role" (117), دار "house", a publisher or a
    // place (106), واصل "went on" (111) and the الثلاثي/الرباعي "trio/quartet" after it, نجاح "success" (41).
    "حياه",
    "حياة",
    "دور",
    "دار",
    "واصل",
    "الثلاثي",
    "الرباعي",
    "نجاح",
    // "Mall", after a mall's name (حياة مول، سلمى مول، دارين مول), not a family name.
    "مول",
    // More words the name-token list holds that start names in the 99 MB corpus, nearly all wrongly (30–85
    // times each): فور "as soon as", مكان "place", كون "being", ترى "sees", أولى "first", أدى "performed",
    // الودي "friendly (match)", وولي "and the (crown) prince". See also [`NOT_GIVEN_NAMES`].
    "فور",
    "مكان",
    "كون",
    "تري",
    "اولي",
    "ادي",
    "الودي",
    "وولي",
    // Common words that ended a wrong name and then stood alone as its family name (99 MB, 7–24 times
    // each): التمور، التطوع، المعلومة، المتوسطة، المرأة، الاستراحة، اللقاء، الأسر، القصة، المتنقلة، المنتج،
    // الكلام, and استقبل "received", برنامج "programme", عليه "on him", قوله "his saying". Not البحر, which
    // names seas (البحر الأبيض المتوسط), nor الدورة "the session", a district of Baghdad (ANERcorp).
    "التمور",
    "التطوع",
    "المعلومة",
    "المتوسطة",
    "المراة",
    "الاستراحة",
    "اللقاء",
    "الاسر",
    "القصة",
    "المتنقلة",
    "المنتج",
    "الكلام",
    "استقبل",
    "برنامج",
    "عليه",
    "قوله",
];

/// The particles of European names (de, da, van, von, del, dos), normalised: inside a name they link its
/// words as بن does (ديفيد دي خيا: 39 names in the 99 MB corpus ended at دي), though a name may start with
/// one (دي ماريا).
const NAME_PARTICLES: &[&str] = &["دي", "دا", "فان", "فون", "ديل", "دوس", "دو"];

/// Words the name-token list holds that start names in the 99 MB corpus nearly always wrongly, but that
/// real names hold further on (جاك لو، سعد بن رحيل، الدكتور سعود كاتب): no name tokens, so no name starts
/// there, but no stop words either, so a name may go on over them. لو "if", قادر "able", رحيل
/// "departure", كاتب "writer", مشرف "supervisor", عالم "scientist" (30–85 wrong starts each).
const NOT_GIVEN_NAMES: &[&str] = &["لو", "قادر", "رحيل", "كاتب", "مشرف", "عالم"];

/// Given names that are common nouns too, each with the words after it that make it the noun: mostly
/// the calendar (رمضان المبارك، ربيع الأول، عيد الفطر، عيد ميلاده), and the astronaut (رائد الفضاء),
/// normalised: no name starts there.
const COMMON_NOUN_PHRASES: &[(&str, &[&str])] = &[
    ("رائد", &["الفضاء"]),
    (
        "رمضان",
        &[
            "المبارك",
            "الكريم",
            "المعظم",
            "الفضيل",
            "الماضي",
            "المقبل",
            "الجاري",
        ],
    ),
    ("شعبان", &["المعظم", "الماضي", "المقبل", "الجاري"]),
    ("رجب", &["المعظم", "الماضي", "المقبل", "الجاري"]),
    ("شوال", &["الماضي", "المقبل", "الجاري"]),
    ("محرم", &["الحرام", "الماضي", "المقبل", "الجاري"]),
    ("ربيع", &["الاول", "الثاني", "الاخر"]),
    ("جمادي", &["الاولي", "الاخره", "الاخرة", "الثانيه", "الثانية"]),
    (
        "عيد",
        &[
            "الفطر",
            "الاضحي",
            "الميلاد",
            "ميلاد",
            "ميلاده",
            "ميلادها",
            "الحب",
            "الام",
            "العمال",
            "الاستقلال",
            "الفصح",
            "الشكر",
        ],
    ),
];
/// Months that are also given names: after شهر, never a name (شهر رمضان، بشهر شعبان).
const MONTHS_NAMED_LIKE_PEOPLE: &[&str] =
    &["رمضان", "شعبان", "رجب", "شوال", "محرم", "ربيع", "جمادي"];

/// Nouns after which a group's short name stands for the group (ميليشيات الحوثي), normalised. Not
/// مسلحي، مقاتلي، عناصر: ending like countless other words, they cost every word a test more than the
/// few names after them were worth.
const MILITIA_HEADS: &[&str] = &["ميليشيات", "مليشيات", "ميليشيا", "مليشيا"];

/// Words after which باسم means "in the name of" (المتحدث الرسمي باسم، الناطق باسم), normalised.
const SPEAKER_WORDS: &[&str] = &[
    "الرسمي",
    "الرسميه",
    "الرسمية",
    "المتحدث",
    "المتحدثه",
    "المتحدثة",
    "الناطق",
    "الناطقه",
    "الناطقة",
    "متحدث",
    "متحدثا",
    "ناطق",
    "ناطقا",
];

/// Nouns after which a known person's family name stands for the person (قوات صالح، حكومة هادي),
/// normalised. Not ميليشيات, after which الحوثي is the group, nor نظام, also a system (نظام سريع).
const LEADER_HEADS: &[&str] = &["قوات", "انصار", "حكومة", "حكومه"];

/// Words of sports news after which a club is named by its short name (فريق التعاون، لاعب الهلال).
/// Not جماهير or مواجهة: جماهير الشباب and مواجهة الشباب are as often the masses of the young and
/// facing them.
const SPORTS_HEADS: &[&str] = &[
    "فريق",
    "لاعب",
    "لاعبو",
    "لاعبي",
    "مهاجم",
    "مدافع",
    "حارس",
    "مدرب",
    "مباراه",
    "مباراة",
];

/// One context rule, to switch on or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// A title (الرئيس، وزير الخارجية) before known name tokens. A given name right after a title is linked
    /// to the person the gazetteer knows by that form (`known_as` in its data: الملك سلمان).
    Title,
    /// A known name token right after a reporting verb or a nationality adjective.
    AfterCue,
    /// Two or more known name tokens in a row.
    NameTokens,
    /// An organisation head noun with its definite complement. Off by default: on the held-out slice of
    /// the ANERcorp training split it added less recall than it cost in precision.
    OrgHead,
    /// A place word before a place name (محافظة جدة → جدة), and a facility or a natural feature with
    /// its name, head included (مطار الدمام، جبل القارة).
    PlaceWord,
    /// A later mention, by family name alone, of a person a rule found by full name earlier in the text
    /// (the gazetteer does the same for the people it knows).
    FamilyName,
    /// An institution named after its place (إمارة منطقة الباحة، صحة الطائف): one organisation, the
    /// place inside it no entity of its own ([`inside_a_guess`]).
    PlaceInstitution,
    /// The byline that opens a news story (حاتم العميري - سبق - مكة المكرمة:): the reporters and the
    /// outlet before the place.
    Byline,
    /// A quoted name after an organisation's or an outlet's head noun (شركة «إكس جت»، لموقع “كلنا
    /// شركاء”، قناة "العربية"): the name inside the quotation marks, without the head, which only
    /// classifies it.
    QuotedName,
    /// The unquoted name after صحيفة or جريدة (بصحيفة الوئام، صحيفة الرياض): an outlet, even where the
    /// same word names a place the gazetteer knows (that mention gives way, [`inside_a_guess`]).
    Newspaper,
    /// A known name token glued to و right after a person's name, or after the comma that follows it:
    /// the next person of a list (فيصل القاسم وميشيل كيلو ومحمد حبش).
    NameList,
    /// A club the gazetteer knows as نادي X, named X alone after a sports word (فريق التعاون، مهاجم
    /// الهلال، لاعبي النصر): without it, X is a common word (cooperation, the crescent, victory).
    Club,
    /// A quoted name right after لـ, where speech is reported to it (وصرح لـ«المدينة»، قال مصدر لـ«الشرق
    /// الأوسط» إن …): the outlet, an organisation, even where the gazetteer knows the name as a place (that
    /// mention gives way, [`inside_a_guess`]).
    Addressee,
    /// The family name of a person the gazetteer knows, alone after forces, supporters or a government
    /// (قوات صالح، أنصار صالح، حكومة هادي): the person whose they are, even where the full name is not in
    /// the text. Linked when only one person has that family name.
    LeaderName,
    /// A group the gazetteer knows as جماعة X, named X after its militias (ميليشيات الحوثي): the group,
    /// not the person of that family name.
    GroupName,
    /// A facility or an institution named after a titled person (طريق الملك عبدالله، مستشفى الملك فهد
    /// التخصصي، مركز الأمير سلطان لطب وجراحة القلب): one place or organisation, read where the title
    /// rule would read the person. The annotation guide marks the whole name, facilities as places and
    /// hospitals, colleges and centres as organisations.
    NamedFacility,
}

impl Rule {
    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// The word lists above, as bits of one table, so a token is looked up once per list test.
#[derive(Clone, Copy)]
enum Class {
    Titles = 1,
    ConstructTitles = 1 << 1,
    TitleModifiers = 1 << 2,
    NameLinks = 1 << 3,
    OrgHeads = 1 << 4,
    PlaceWords = 1 << 5,
    Stop = 1 << 6,
    ReportingVerbs = 1 << 7,
    /// A person-name token of the [`Recognizer`] (its own list, not one of the static ones).
    PersonToken = 1 << 8,
    PlaceInstitutions = 1 << 9,
    /// A one-word place name of the gazetteer (مصر، العراق، سوريا), whose nisba (المصري) is an
    /// adjective before it is a family name.
    PlaceName = 1 << 10,
    MediaHeads = 1 << 11,
    /// A stop word at which no rule starts, marked when a recognizer is built so that
    /// [`Recognizer::find`] passes it after one lookup. Only in a recognizer's own table, never in
    /// [`CLASSES`], whose bits are also features of [`crate::tagger`].
    StartsNoRule = 1 << 12,
    /// علي, the name spelled like the preposition على ([`Words::read_ali_as_a_name`]): marked in a
    /// recognizer's own table so that a text without it is told by its tokens' bits alone.
    Ali = 1 << 13,
    /// A sports word after which a club's short name names the club ([`SPORTS_HEADS`]): marked in a
    /// recognizer's own table.
    SportsHeads = 1 << 14,
    /// The name of a club the gazetteer knows as نادي X, without نادي (التعاون، الهلال): marked in a
    /// recognizer's own table by [`Recognizer::with_gazetteer_names`].
    ClubName = 1 << 15,
}

static CLASSES: LazyLock<WordMap<u16>> = LazyLock::new(|| {
    let mut table: WordMap<u16> = WordMap::new();
    let lists: [(&[&'static str], Class); 10] = [
        (TITLES, Class::Titles),
        (CONSTRUCT_TITLES, Class::ConstructTitles),
        (TITLE_MODIFIERS, Class::TitleModifiers),
        (NAME_LINKS, Class::NameLinks),
        (ORG_HEADS, Class::OrgHeads),
        (PLACE_WORDS, Class::PlaceWords),
        (STOP, Class::Stop),
        (REPORTING_VERBS, Class::ReportingVerbs),
        (PLACE_INSTITUTIONS, Class::PlaceInstitutions),
        (MEDIA_HEADS, Class::MediaHeads),
    ];
    for (words, class) in lists {
        for &word in words {
            *table.get_or_insert_with(word, || 0) |= class as u16;
        }
    }
    table
});

/// The lists `word` is in, as [`Class`] bits (also a feature of [`crate::tagger`]).
pub(crate) fn bits(word: &str) -> u16 {
    CLASSES.get(word).copied().unwrap_or(0)
}

/// Whether `word` is in the list `class`.
fn is(word: &str, class: Class) -> bool {
    bits(word) & class as u16 != 0
}

/// The lists whose words head a name (a title or a head noun) and so may carry a proclitic.
const HEAD_CLASSES: u16 = Class::Titles as u16
    | Class::ConstructTitles as u16
    | Class::PlaceWords as u16
    | Class::OrgHeads as u16
    | Class::PlaceInstitutions as u16
    | Class::MediaHeads as u16
    | Class::SportsHeads as u16;

/// Finds names from context. Immutable and cheap to share.
#[derive(Clone, Debug)]
pub struct Recognizer {
    normalizer: Normalizer,
    /// The static word lists' bits plus [`Class::PersonToken`] for this recognizer's name tokens: one
    /// lookup answers every list test of a word.
    words: WordMap<u16>,
    person_token_count: usize,
    /// The clubs of the gazetteer given to [`Recognizer::with_gazetteer_names`], by short name (الهلال
    /// for نادي الهلال), normalised; the first club of a short name keeps it.
    clubs: WordMap<EntityId>,
    /// The family names (last words, three letters or more) of the gazetteer's people with names of two
    /// words or more, normalised, with the person when only one has it ([`Rule::LeaderName`]).
    leaders: WordMap<Option<EntityId>>,
    /// The organisations of the gazetteer named جماعة X, by X normalised ([`Rule::GroupName`]).
    groups: WordMap<EntityId>,
    /// The people of the gazetteer known by a title and their given name (`known_as`: الملك سلمان), by that
    /// form normalised; `None` where two people share it ([`Rule::Title`]).
    known_by_title: WordMap<Option<EntityId>>,
    /// Rules switched off, one bit per [`Rule`].
    disabled: u16,
}

/// The Wikidata name tokens, then the given names they lack (`data/README.md`).
#[cfg(feature = "embedded")]
const EMBEDDED_PERSON_TOKENS: [&str; 2] = [
    include_str!("../data/person_tokens.txt"),
    include_str!("../data/curated_given_names.txt"),
];

impl Default for Recognizer {
    /// A recognizer with the embedded person-name tokens (feature `embedded`).
    fn default() -> Recognizer {
        let recognizer = Recognizer {
            normalizer: Normalizer::new(),
            words: CLASSES.iter().map(|(word, &bits)| (word, bits)).collect(),
            person_token_count: 0,
            clubs: WordMap::new(),
            leaders: WordMap::new(),
            groups: WordMap::new(),
            known_by_title: WordMap::new(),
            disabled: Rule::OrgHead.bit(),
        }
        .with_inert_stop_words_marked();
        #[cfg(feature = "embedded")]
        let recognizer = recognizer.with_person_tokens(
            EMBEDDED_PERSON_TOKENS
                .iter()
                .flat_map(|list| list.lines())
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty()),
        );
        recognizer
    }
}

impl Recognizer {
    /// A recognizer with the embedded person-name tokens.
    pub fn new() -> Recognizer {
        Recognizer::default()
    }

    /// Marks the stop words at which no rule can start ([`Class::StartsNoRule`]). Only a stop word that
    /// its reading keeps whole is marked: whether a rule may start there then depends on the static lists
    /// alone (a stop word is never a name token), so the name tokens added later cannot change it.
    fn with_inert_stop_words_marked(mut self) -> Recognizer {
        let inert: Vec<&str> = STOP
            .iter()
            .copied()
            .filter(|&word| {
                let tokens = [Token {
                    span: Span::new(0, word.len()),
                    text: word,
                    norm: Norm::from(word),
                    kind: TokenKind::Arabic,
                }];
                let words = Words::new(&tokens, &self.words);
                let reading = words.read(0);
                reading.bare == word && !reading.may_start_a_rule()
            })
            .collect();
        for word in inert {
            *self.words.get_or_insert_with(word, || 0) |= Class::StartsNoRule as u16;
        }
        *self.words.get_or_insert_with(ALI, || 0) |= Class::Ali as u16;
        for &word in SPORTS_HEADS {
            *self.words.get_or_insert_with(word, || 0) |= Class::SportsHeads as u16;
        }
        self
    }

    /// Switches one rule on or off.
    pub fn with_rule(mut self, rule: Rule, on: bool) -> Recognizer {
        if on {
            self.disabled &= !rule.bit();
        } else {
            self.disabled |= rule.bit();
        }
        self
    }

    /// Whether a rule is on.
    pub fn uses(&self, rule: Rule) -> bool {
        self.disabled & rule.bit() == 0
    }

    /// Adds person-name tokens (given and family names).
    pub fn with_person_tokens<I, S>(mut self, tokens: I) -> Recognizer
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for token in tokens {
            let norm = self.normalizer.normalize_str(token.as_ref().trim());
            // Link words (بن، أبو، آل) join names but are never one, and the head nouns of titles,
            // organisations and places (نادي، مدينة) name none: they stay out of the list.
            let word = norm.as_ref();
            if word.chars().count() >= 2
                && !NOT_GIVEN_NAMES.contains(&word)
                && !is(word, Class::Stop)
                && !is(word, Class::NameLinks)
                && !is(word, Class::Titles)
                && !is(word, Class::ConstructTitles)
                && !is(word, Class::OrgHeads)
                && !is(word, Class::PlaceWords)
            {
                let bits = self.words.get_or_insert_with(word, || 0);
                if *bits & Class::PersonToken as u16 == 0 {
                    *bits |= Class::PersonToken as u16;
                    self.person_token_count += 1;
                }
            }
        }
        self
    }

    /// Adds the tokens of every person name in `gazetteer`.
    pub fn with_gazetteer_names(mut self, gazetteer: &Gazetteer) -> Recognizer {
        let places = gazetteer
            .entities()
            .iter()
            .filter(|e| e.kind == EntityKind::Location)
            .flat_map(|e| e.names())
            .filter(|name| !name.contains(char::is_whitespace));
        for place in places {
            let norm = self.normalizer.normalize_str(place);
            *self.words.get_or_insert_with(&norm, || 0) |= Class::PlaceName as u16;
        }
        for (index, club) in organisations_named(gazetteer, "نادي ") {
            let norm = self.normalizer.normalize_str(club);
            *self.words.get_or_insert_with(&norm, || 0) |= Class::ClubName as u16;
            self.clubs
                .get_or_insert_with(&norm, || EntityId(index as u32));
        }
        for (index, group) in organisations_named(gazetteer, "جماعة ") {
            let norm = self.normalizer.normalize_str(group);
            self.groups
                .get_or_insert_with(&norm, || EntityId(index as u32));
        }
        let people = gazetteer
            .entities()
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person);
        for (index, person) in people {
            let id = EntityId(index as u32);
            let known_as = person.attributes.get("known_as").map(String::as_str);
            for form in known_as.into_iter().flat_map(|forms| forms.split('|')) {
                let form = self.normalizer.normalize_str(form.trim());
                let known = self.known_by_title.get_or_insert_with(&form, || Some(id));
                if *known != Some(id) {
                    *known = None;
                }
            }
            for name in person.names() {
                let words: Vec<&str> = name.split_whitespace().collect();
                let [_, .., last] = words[..] else {
                    continue;
                };
                let last = self.normalizer.normalize_str(last);
                if last.chars().count() < 3 {
                    continue;
                }
                let leader = self.leaders.get_or_insert_with(&last, || Some(id));
                if *leader != Some(id) {
                    *leader = None;
                }
            }
        }
        let names: Vec<String> = gazetteer
            .entities()
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .flat_map(|e| {
                e.names()
                    .flat_map(str::split_whitespace)
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .collect();
        self.with_person_tokens(names)
    }

    /// Number of person-name tokens known.
    pub fn person_token_count(&self) -> usize {
        self.person_token_count
    }

    /// Finds names in `text` from its tokens (made with the default normaliser), leaving out anything that
    /// overlaps a `known` mention. Never fails.
    pub fn find(&self, text: &str, tokens: &[Token<'_>], known: &[Mention]) -> Vec<Guess> {
        let mut words = Words::new(tokens, &self.words);
        words.read_ali_as_a_name(text);
        words.read_compound_given_names();
        words.read_particles();
        words.read_bism_after_a_speaker();
        let known = &*places_read_as_family_names(&words, known);
        let mut out: Vec<Guess> = Vec::new();
        // Mentions and guesses both come in text order, so overlap checks need only look near the end.
        let mut next_known = 0;
        let mut taken = |span: Span, out: &[Guess]| {
            while known
                .get(next_known)
                .is_some_and(|m| m.span.end <= span.start)
            {
                next_known += 1;
            }
            known.get(next_known).is_some_and(|m| m.span.overlaps(span))
                || out.last().is_some_and(|g| g.span.overlaps(span))
        };

        // One past the last token of the latest guess: the next rule starts after it.
        let mut free = 0;
        for i in words.possible_starts() {
            if i < free {
                continue;
            }
            let on = |rule| self.uses(rule);
            let reading = words.read(i);
            let bare = reading.bare.as_ref();
            let bare_bits = reading.bare_bits;
            let list_item = on(Rule::NameList)
                .then(|| self.name_list_item(&words, i, &reading, known, &out))
                .flatten()
                .filter(|(guess, _)| !taken(guess.span, &out));
            if let Some((guess, next)) = list_item {
                out.push(guess);
                free = next;
                continue;
            }
            if !reading.may_start_a_rule() {
                continue;
            }
            // Rules that may read over a mention the gazetteer found (a place inside an institution's
            // or an airport's name, a place named like a newspaper): the mentions they cover give way,
            // but not one they would cut (شبه جزيرة سيناء) or repeat (نهر النيل), nor the previous guess.
            let clear = |(guess, _): &(Guess, usize)| {
                let cut_or_repeated = |m: &Mention| {
                    m.span.overlaps(guess.span)
                        && (!guess.span.contains(m.span)
                            || (m.span == guess.span && m.kind == guess.kind))
                };
                !out.last().is_some_and(|g| g.span.overlaps(guess.span))
                    && !overlapping(known, guess.span, |m| m.span).any(cut_or_repeated)
            };
            let over_mentions = (on(Rule::PlaceWord)
                && bare_bits & Class::PlaceWords as u16 != 0
                && FEATURE_HEADS.contains(&bare))
            .then(|| self.feature(&words, i, bare, known))
            .flatten()
            .filter(clear)
            .or_else(|| {
                (on(Rule::Newspaper) && bare_bits & Class::MediaHeads as u16 != 0)
                    .then(|| newspaper(&words, i, bare, known))
                    .flatten()
                    .filter(clear)
            })
            .or_else(|| {
                (on(Rule::PlaceInstitution) && bare_bits & Class::PlaceInstitutions as u16 != 0)
                    .then(|| self.place_institution(&words, i, bare, known))
                    .flatten()
                    .filter(clear)
            })
            .or_else(|| {
                // The club over the city it is named after (لاعب برشلونة).
                (on(Rule::Club) && bare_bits & Class::SportsHeads as u16 != 0)
                    .then(|| self.club(&words, i + 1))
                    .flatten()
                    .filter(clear)
            });
            if let Some((guess, next)) = over_mentions {
                out.push(guess);
                free = next;
                continue;
            }
            let found = None
                .or_else(|| {
                    on(Rule::QuotedName)
                        .then(|| quoted_name(&words, i, bare_bits))
                        .flatten()
                })
                .or_else(|| {
                    on(Rule::Title)
                        .then(|| self.after_title(&words, i, &reading))
                        .flatten()
                })
                .or_else(|| {
                    on(Rule::AfterCue)
                        .then(|| self.after_cue_or_nisba(&words, i, &reading, known))
                        .flatten()
                })
                .or_else(|| {
                    on(Rule::NameTokens)
                        .then(|| self.name_run(&words, i, &reading))
                        .flatten()
                })
                .or_else(|| {
                    on(Rule::OrgHead)
                        .then(|| org_head(&words, i, &reading))
                        .flatten()
                })
                .or_else(|| {
                    on(Rule::PlaceWord)
                        .then(|| place_word(&words, i, &reading))
                        .flatten()
                });
            if let Some((guess, next)) = found.filter(|(guess, _)| !taken(guess.span, &out)) {
                out.push(guess);
                free = next;
            }
        }
        if self.uses(Rule::Byline) {
            self.byline(text, &words, known, &mut out);
        }
        if self.uses(Rule::FamilyName) {
            self.family_names(&words, known, &mut out);
        }
        if self.uses(Rule::Addressee) {
            addressees(&words, known, &mut out);
        }
        if self.uses(Rule::Club) {
            self.clubs_before_nationalities(&words, known, &mut out);
            self.clubs_again(&words, known, &mut out);
        }
        if self.uses(Rule::GroupName) && !self.groups.is_empty() {
            self.group_names(&words, known, &mut out);
        }
        if self.uses(Rule::LeaderName) && !self.leaders.is_empty() {
            self.leader_names(&words, known, &mut out);
        }
        out
    }

    /// [`Rule::GroupName`]: after ميليشيات، ميليشيا … (with a proclitic or not), a word that names a group
    /// the gazetteer knows as جماعة X.
    fn group_names(&self, words: &Words<'_, '_>, known: &[Mention], out: &mut Vec<Guess>) {
        let mut found = Vec::new();
        for &head in &words.markers.militia_heads {
            let i = head + 1;
            let Some(&entity) = (i < words.len())
                .then(|| self.groups.get(words.norm(i)))
                .flatten()
            else {
                continue;
            };
            let span = words.tokens[i].span;
            // The gazetteer's reading of the word as someone (الحوثي, a family name) gives way, as
            // the analyzer drops a mention inside a guess of another kind.
            let known_org =
                overlapping(known, span, |m| m.span).any(|m| m.kind == EntityKind::Organization);
            if !known_org && overlapping(out, span, |g| g.span).next().is_none() {
                found.push(Guess {
                    span,
                    kind: EntityKind::Organization,
                    rule: "group",
                    entity: Some(entity),
                });
            }
        }
        merge_guesses(out, found);
    }

    /// [`Rule::Club`] once more over the whole text: a club read as the club somewhere (لاعب برشلونة) is
    /// the club wherever else the gazetteer read its name as the city (رئيس برشلونة، صفوف برشلونة): a
    /// text about football names one Barcelona. In a text about sport ([`is_sports_text`]) a city named
    /// without the article that has a club of its name is the club too (تعاقدت إدارة نجران، سترون نجران
    /// هذا الموسم), unless it reads as the place there ([`reads_as_the_place`]).
    fn clubs_again(&self, words: &Words<'_, '_>, known: &[Mention], out: &mut Vec<Guess>) {
        let clubs: FxHashSet<&str> = out
            .iter()
            .filter(|g| g.rule == "club")
            .map(|g| words.norm(words.token_at(g.span.start)))
            .collect();
        // Read only when a city named like a club is there at all: most texts name none.
        let mut sports_text = None;
        let mut found = Vec::new();
        for mention in known.iter().filter(|m| m.kind == EntityKind::Location) {
            let k = words.token_at(mention.span.start);
            let reading = words.read(k);
            let whole_token = words
                .tokens
                .get(k)
                .is_some_and(|t| t.span.end == mention.span.end);
            let mut club_of_a_sports_text = || {
                words.is(k, Class::ClubName)
                    && !reading.bare.starts_with("ال")
                    && *sports_text.get_or_insert_with(|| is_sports_text(words))
                    && !reads_as_the_place(words, k, known)
            };
            if whole_token
                && (clubs.contains(reading.bare.as_ref()) || club_of_a_sports_text())
                && overlapping(out, mention.span, |g| g.span).next().is_none()
            {
                found.push(Guess {
                    span: mention.span,
                    kind: EntityKind::Organization,
                    rule: "club",
                    entity: self.clubs.get(reading.bare.as_ref()).copied(),
                });
            }
        }
        merge_guesses(out, found);
    }

    /// [`Rule::Club`] before a masculine nationality adjective: a city is feminine, so there its name is
    /// the club's (برشلونة الإسباني، روما الإيطالي), which the gazetteer leaves unlinked. Only names
    /// without the article: those with it are common nouns too (الاتحاد الأوروبي، الشباب السعودي،
    /// التعاون الخليجي). A pass of its own over the club names, since a name read with a proclitic
    /// (برشلونة as ب + رشلونة) starts no rule.
    fn clubs_before_nationalities(
        &self,
        words: &Words<'_, '_>,
        known: &[Mention],
        out: &mut Vec<Guess>,
    ) {
        let found: Vec<Guess> = (0..words.len())
            .filter(|&k| {
                words.is(k, Class::ClubName)
                    && !words.norm(k).starts_with("ال")
                    && self.is_masculine_place_nisba(words, k + 1)
            })
            .filter_map(|k| self.club(words, k))
            .map(|(guess, _)| guess)
            .filter(|guess| {
                overlapping(known, guess.span, |m| m.span).next().is_none()
                    && overlapping(out, guess.span, |g| g.span).next().is_none()
            })
            .collect();
        merge_guesses(out, found);
    }

    /// [`Rule::LeaderName`]: after قوات، أنصار، حكومة (with a proclitic or not), a word that is a known
    /// person's family name, as written (no proclitic of its own, no article, no stop word).
    fn leader_names(&self, words: &Words<'_, '_>, known: &[Mention], out: &mut Vec<Guess>) {
        let mut found = Vec::new();
        for &head in &words.markers.leader_heads {
            // The family name without the article: قوات الحوثي are the group's, and a definite word
            // after حكومة is its adjective or complement.
            let i = head + 1;
            if i >= words.len()
                || !words.is_arabic(i)
                || words.is(i, Class::Stop)
                || words.norm(i).starts_with("ال")
            {
                continue;
            }
            let Some(&entity) = self.leaders.get(words.norm(i)) else {
                continue;
            };
            let span = words.tokens[i].span;
            let taken = overlapping(known, span, |m| m.span).next().is_some()
                || overlapping(out, span, |g| g.span).next().is_some();
            if !taken {
                found.push(Guess {
                    span,
                    kind: EntityKind::Person,
                    rule: "leader",
                    entity,
                });
            }
        }
        merge_guesses(out, found);
    }

    pub(crate) fn is_name_token(&self, norm: &str) -> bool {
        self.word_bits(norm) & Class::PersonToken as u16 != 0
    }

    /// Whether a nisba (المصري، العراقية، السوري، اللبناني) is the adjective of a place the gazetteer
    /// knows: then it is no family name. Tribal nisbas (الشمري، القحطاني) name no place.
    fn is_place_nisba(&self, nisba: &str) -> bool {
        nisba_places(nisba).is_some_and(|places| {
            places
                .iter()
                .any(|place| self.word_bits(place) & Class::PlaceName as u16 != 0)
        })
    }

    /// Whether token `k` is the masculine nisba of a place the gazetteer knows (الإسباني، الإيطالي).
    fn is_masculine_place_nisba(&self, words: &Words<'_, '_>, k: usize) -> bool {
        k < words.len()
            && words.is_arabic(k)
            && words.tokens[k].text.ends_with('ي')
            && self.is_place_nisba(words.norm(k))
    }

    /// Whether token `k` reads as a family nisba (الغامدي، القرني، الأحمري): the article, a masculine
    /// nisba ending written ي (a final ى, folded to ي, ends words such as الأضحى and الفتوى), five
    /// letters or more, on no list and naming no place the gazetteer knows.
    fn is_family_nisba(&self, words: &Words<'_, '_>, k: usize) -> bool {
        let norm = words.norm(k);
        words.is_arabic(k)
            && !NISBA_SHAPED_COMMON_WORDS.contains(&norm)
            && words.bits(k) == 0
            && norm.starts_with("ال")
            && words.tokens[k].text.ends_with('ي')
            && norm.chars().nth(4).is_some()
            && !self.is_place_nisba(norm)
    }

    /// The lists `word` is in, this recognizer's name tokens included.
    fn word_bits(&self, word: &str) -> u16 {
        self.words.get(word).copied().unwrap_or(0)
    }

    /// Extends a name from token `from` over name tokens and links; returns one past its last token.
    fn name_end(&self, words: &Words<'_, '_>, from: usize, max: usize) -> usize {
        // Inside a name, the particles of European names link too (ديفيد دي خيا، لويس فان غال).
        let link = |k: usize| words.is(k, Class::NameLinks) || words.is_name_particle(k);
        let mut end = from + 1;
        while end < words.len() && end - from < max {
            let after_link = link(end - 1);
            if link(end) && end + 1 < words.len() && words.is_arabic(end + 1) {
                end += 1;
                continue;
            }
            if words.is_arabic(end)
                && !words.is(end, Class::Stop)
                && (after_link || words.is_name_token(end))
                && !words.is_common_noun_word(end, words.norm(end))
            {
                end += 1;
                continue;
            }
            break;
        }
        // A name does not end on a link word.
        while end > from + 1 && link(end - 1) {
            end -= 1;
        }
        end
    }

    /// [`Recognizer::name_end`], then one family name with the article (سعود الشريم، سالم محمد الشهري):
    /// used after a title or a reporting verb, where a name is expected.
    fn name_end_with_family(&self, words: &Words<'_, '_>, from: usize, max: usize) -> usize {
        let end = self.name_end(words, from, max);
        let family = words.norm(end);
        // After a chain of descent (حسن بن عبدالله), the next word is the family name with or without
        // the article (زعبان، كابلي).
        // A word that starts like a verb or with a glued conjunction or preposition (تتواصل، فكان،
        // للمؤتمرات) is not one, unless it is a known name.
        let after_descent = (from + 1..end).any(|k| words.is(k, Class::NameLinks))
            && (words.is_name_token(end) || !family.starts_with(['و', 'ف', 'ب', 'ل', 'ت', 'ي']));
        let is_family = end < words.len()
            && end - from < max
            && words.is_arabic(end)
            && (family.starts_with("ال") || after_descent)
            && family.chars().count() >= 4
            // Feminine adjectives (الطبية) qualify a place, never a person, and long masculine
            // plurals (المصابين، المسؤولون) name no one; shorter ones can be families (الحسين، السعدون).
            && !family.ends_with("ية")
            && !family.ends_with("يه")
            && !(family.ends_with("ين") && family.chars().count() >= 7)
            && !(family.ends_with("ون") && family.chars().count() >= 8)
            && !words.is(end, Class::Stop)
            && !words.is(end, Class::TitleModifiers)
            && !words.is(end, Class::Titles)
            && !words.is(end, Class::ConstructTitles)
            && !is_definite_head(family);
        if is_family { end + 1 } else { end }
    }

    /// [`Recognizer::name_end_with_family`] where a person is expected (after a title or a reporting
    /// verb): a lone given name there takes the next word as its family name even when no list knows
    /// it (السفير محمد صبيح، وقال خافيير سولانا), if nothing marks that word as another kind: no list,
    /// no article, not the shape of a common word ([`has_common_word_shape`]).
    fn expected_name_end(&self, words: &Words<'_, '_>, from: usize, max: usize) -> usize {
        let end = self.name_end_with_family(words, from, max);
        let next = words.norm(end);
        let letters = next.chars().count();
        // A lone given name, in one word or in two (عبد الرحمن رحيمي).
        let given_name_alone = end == from + 1
            || (end == from + 2 && starts_a_compound_given_name(words, from, words.norm(from)));
        let unknown_word = given_name_alone
            && words.is_arabic(end)
            && words.bits(end) == 0
            && letters >= 3
            && !next.starts_with("ال")
            && !has_common_word_shape(next, letters);
        if !unknown_word {
            return end;
        }
        // After that word the name goes on over known name tokens (سيد ظفر هاشمي) and a family nisba
        // (حامد رافع الخيالي), but no other definite word: after a verb read as a name (السعودية رفعت
        // أسعار النفط), that would make a family name of a common noun.
        let end = self.name_end(words, end, max - 1);
        let nisba_family =
            end < words.len() && end - from < max && self.is_family_nisba(words, end);
        if nisba_family { end + 1 } else { end }
    }

    /// Token `k`, the short name of a club the gazetteer knows, as that club: after a sports word (فريق
    /// التعاون) or before the masculine nationality adjective a city cannot take (روما الإيطالي).
    fn club(&self, words: &Words<'_, '_>, k: usize) -> Option<(Guess, usize)> {
        if !words.is(k, Class::ClubName) || !words.is_arabic(k) {
            return None;
        }
        Some((
            Guess {
                span: words.span(k, k),
                kind: EntityKind::Organization,
                rule: "club",
                entity: self.clubs.get(words.norm(k)).copied(),
            },
            k + 1,
        ))
    }

    /// مطار الدمام، جبل القارة، مطار الملك خالد: a facility or a natural feature (token `i`, whose bare
    /// form is `bare`) with its name, head included: a place the gazetteer knows (whose mention gives way,
    /// [`inside_a_guess`]), a person named with a title, or a name as after any place word.
    fn feature(
        &self,
        words: &Words<'_, '_>,
        i: usize,
        bare: &str,
        known: &[Mention],
    ) -> Option<(Guess, usize)> {
        let k = i + 1;
        let start = words.tokens.get(k)?.span.start;
        let end = if let Some(place) = starting_at(known, start, |m| m.span) {
            if place.kind != EntityKind::Location {
                return None;
            }
            words.end_of(k, place.span.end)
        } else if let Some(end) = self.titled_name_end(words, k) {
            end
        } else {
            place_name_end(words, k)?
        };
        Some(words.guess_from(i, bare, end, EntityKind::Location, "place-word"))
    }

    /// One past a person's name with a title at token `k` (الملك فهد، الأمير فيصل بن فهد), as a
    /// facility or an institution may be named.
    fn titled_name_end(&self, words: &Words<'_, '_>, k: usize) -> Option<usize> {
        (words.is(k, Class::Titles) && words.is_name_token(k + 1))
            .then(|| self.name_end_with_family(words, k + 1, 5))
    }

    /// الرئيس (الفرنسي) جاك شيراك; وزير الخارجية الأمريكي جون كيري.
    fn after_title(
        &self,
        words: &Words<'_, '_>,
        i: usize,
        title: &Reading<'_>,
    ) -> Option<(Guess, usize)> {
        let mut k = i + 1;
        if title.bare_bits & Class::ConstructTitles as u16 != 0 {
            // The complement of the title: الوزراء، الخارجية (up to three definite words).
            let complement_start = k;
            while k < words.len()
                && k - complement_start < 3
                && words.norm(k).starts_with("ال")
                && !words.is_name_token(k)
            {
                k += 1;
            }
            if k == complement_start {
                return None;
            }
        } else if title.bare_bits & Class::Titles as u16 == 0 {
            return None;
        }
        // Nationality adjectives and modifiers: الفرنسي، السابق.
        let mut skipped = 0;
        while k < words.len()
            && skipped < 2
            && (words.is(k, Class::TitleModifiers) || is_nisba(words.norm(k)))
        {
            k += 1;
            skipped += 1;
        }
        if k >= words.len() || !words.is_arabic(k) {
            return None;
        }
        let first = words.norm(k);
        // An unknown word glued to a preposition (لهيئة، بمنطقة) starts a phrase, not a name.
        let glued_preposition = first.starts_with(['ل', 'ب']) && !words.is_name_token(k);
        // An unknown word counts only when a known name token follows it (جاك شيراك … but not رسالة).
        // Nor one with a common word's ending (احتمالية رحيل: a probability of leaving).
        let unknown_then_name = !first.starts_with("ال")
            && !words.is(k, Class::Stop)
            && !glued_preposition
            && !first.ends_with("ية")
            && !first.ends_with("يه")
            && words.is_name_token(k + 1);
        // An ordinal after the title is the title's own (الفريق الأول, النائب الثاني).
        let plausible_first =
            (words.is_name_token(k) || unknown_then_name) && !ORDINALS.contains(&first);
        if !plausible_first || words.is(k, Class::Titles) || words.is(k, Class::ConstructTitles) {
            return None;
        }
        let end = self.expected_name_end(words, k, 5);
        if self.uses(Rule::NamedFacility) {
            if let Some(facility) = named_facility(words, i, k, end) {
                return Some(facility);
            }
        }
        let span = words.span(k, end - 1);
        Some((
            Guess {
                span,
                kind: EntityKind::Person,
                rule: "title",
                entity: self.known_by_title(words, i, title, k, end),
            },
            end,
        ))
    }

    /// The person known by the title at token `i` and the given name at tokens `k..end` right after it
    /// (الملك سلمان), if the gazetteer names one (`known_as`).
    fn known_by_title(
        &self,
        words: &Words<'_, '_>,
        i: usize,
        title: &Reading<'_>,
        k: usize,
        end: usize,
    ) -> Option<EntityId> {
        let given_name = end == k + 1 || (end == k + 2 && words.norm(k) == "عبد");
        if self.known_by_title.is_empty() || k != i + 1 || !given_name {
            return None;
        }
        let mut form = String::from(title.bare.as_ref());
        for j in k..end {
            form.push(' ');
            form.push_str(words.norm(j));
        }
        self.known_by_title.get(&form).copied().flatten()
    }

    /// A known name token after a reporting verb or a nationality adjective: وقال ستيفان …، البرازيلي
    /// اندرسون. `known` are the gazetteer's mentions.
    fn after_cue_or_nisba(
        &self,
        words: &Words<'_, '_>,
        i: usize,
        introducer: &Reading<'_>,
        known: &[Mention],
    ) -> Option<(Guess, usize)> {
        let after_verb = introducer.conjunctionless_bits & Class::ReportingVerbs as u16 != 0;
        let after_nisba = || {
            is_nisba(introducer.conjunctionless)
                && !NISBA_SHAPED_COMMON_WORDS.contains(&introducer.conjunctionless)
        };
        if !(after_verb || after_nisba()) {
            return None;
        }
        let k = i + 1;
        // After an adjective, a word with the article is another adjective (عيد الأضحى المبارك، الأهالي
        // الصغير): the names that follow a nationality are foreign given names, without it.
        if !after_verb && words.norm(k).starts_with("ال") {
            return None;
        }
        // A title after the verb (وقال أمير المنطقة، وقال المهندس …) is the title rule's to read.
        let title = words.is(k, Class::Titles)
            || words.is(k, Class::ConstructTitles)
            || words.is(k, Class::TitleModifiers);
        if !words.is_arabic(k)
            || !words.is_name_token(k)
            || title
            || words.is_common_noun_word(k, words.norm(k))
        {
            return None;
        }
        // A nisba the gazetteer read as a place is the place (أن السعودية رفعت أسعار …), no adjective.
        let read_as_place = || {
            overlapping(known, words.tokens[i].span, |m| m.span)
                .next()
                .is_some_and(|m| m.kind == EntityKind::Location)
        };
        if !after_verb && read_as_place() {
            return None;
        }
        let end = self.expected_name_end(words, k, 5);
        Some((
            Guess {
                span: words.span(k, end - 1),
                kind: EntityKind::Person,
                rule: "after-cue",
                entity: None,
            },
            end,
        ))
    }

    /// إمارة منطقة الباحة، صحة الطائف، مستشفى عسير المركزي: after an institution's head noun (token `i`,
    /// checked by the caller), a place word or none, a place the gazetteer knows, and a relational adjective
    /// or none; a hospital or a complex may be named after a person with a title instead.
    fn place_institution(
        &self,
        words: &Words<'_, '_>,
        i: usize,
        bare: &str,
        known: &[Mention],
    ) -> Option<(Guess, usize)> {
        let mut k = i + 1;
        if words.is(k, Class::PlaceWords) {
            k += 1;
        }
        let start = words.tokens.get(k)?.span.start;
        let place =
            starting_at(known, start, |m| m.span).filter(|m| m.kind == EntityKind::Location);
        let mut end = if let Some(place) = place {
            let end = words.end_of(k, place.span.end);
            if words.tokens.get(end - 1)?.span.end != place.span.end {
                return None;
            }
            end
        } else if NAMED_AFTER_PEOPLE.contains(&bare) {
            // A hospital or a complex named after a person with a title: مجمع الملك فيصل الطبي.
            self.titled_name_end(words, k)?
        } else {
            return None;
        };
        let adjective = words.is_arabic(end) && is_nisba(words.norm(end));
        if adjective {
            end += 1;
        }
        // A company named after a place says what it does with ل: شركة تبوك لإنتاج المحاصيل، شركة آسيا
        // للاستثمار. Without an adjective or that, شركة before a place is a company somewhere.
        if bare == "شركة" {
            let purpose = end;
            if words.is_arabic(purpose) && words.norm(purpose).starts_with('ل') {
                end += 1;
                while end < words.len() && end - purpose <= 2 && words.norm(end).starts_with("ال")
                {
                    end += 1;
                }
            } else if !adjective {
                return None;
            }
        }
        Some(words.guess_from(i, bare, end, EntityKind::Organization, "place-institution"))
    }

    /// ويوسف القرضاوي after فيصل القاسم: a known name token glued to و (token `i`, read as `item`) right
    /// after a person's name, a rule's or the gazetteer's, or after the comma that follows it, names the
    /// next person of a list.
    fn name_list_item(
        &self,
        words: &Words<'_, '_>,
        i: usize,
        item: &Reading<'_>,
        known: &[Mention],
        out: &[Guess],
    ) -> Option<(Guess, usize)> {
        // This runs at every token a rule may start at: the name token test, one load, comes first.
        let name_bits = item.conjunctionless_bits;
        let a_name = (name_bits & Class::PersonToken as u16 != 0
            || starts_a_compound_given_name(words, i, item.conjunctionless))
            && name_bits
                & (Class::Stop as u16 | Class::Titles as u16 | Class::ConstructTitles as u16)
                == 0;
        if !a_name {
            return None;
        }
        let glued_waw = is_glued_waw_name(words, i, item);
        // Or after a comma alone, a name token with nothing glued (ماجد النافع، عمر الدخيل).
        let after_comma = !words.norm(i).starts_with('و')
            && i > 0
            && matches!(words.norm(i - 1), "،" | ",")
            && !item.conjunctionless.starts_with("ال")
            && !words.is_common_noun_word(i, item.conjunctionless);
        if !(glued_waw || after_comma) {
            return None;
        }
        if entity_before(words, i, known, out) != Some(EntityKind::Person) {
            return None;
        }
        let last = self.expected_name_end(words, i, 5);
        Some(words.guess_from(
            i,
            item.conjunctionless,
            last,
            EntityKind::Person,
            "name-list",
        ))
    }

    /// Two or more known name tokens in a row: جون كيري.
    fn name_run(
        &self,
        words: &Words<'_, '_>,
        i: usize,
        first: &Reading<'_>,
    ) -> Option<(Guess, usize)> {
        let glued = first.bare_bits & Class::PersonToken as u16 == 0;
        let (name, name_bits) = if glued {
            (first.conjunctionless, first.conjunctionless_bits)
        } else {
            (&*first.bare, first.bare_bits)
        };
        // A given name takes no article (الدين الإسلامي is no person).
        let continues = words.is_name_token(i + 1)
            || (words.is(i + 1, Class::NameLinks) && words.is_arabic(i + 2))
            || (!name.starts_with("ال") && self.is_family_nisba(words, i + 1));
        // وأكد is the verb أكد after و far more often than the family name واكد.
        let first_is_name = (name_bits & Class::PersonToken as u16 != 0
            || starts_a_compound_given_name(words, i, name))
            && first.conjunctionless_bits & Class::ReportingVerbs as u16 == 0
            && !words.is_common_noun_word(i, name);
        if !words.is_arabic(i)
            || !first_is_name
            || !continues
            || (glued && !is_glued_waw_name(words, i, first))
        {
            return None;
        }
        let end = self.name_end_with_family(words, i, 5);
        if end < i + 2 {
            return None;
        }
        // A name glued to و starts after it where it stands between names of a list (… وميشيل كيلو
        // ومحمد حبش ويوسف القرضاوي): alone, و + a name token is as often a word (وجود، وطالب، ورأى).
        if glued && !name_token_before(words, i) && !glued_waw_name_at(words, end) {
            return None;
        }
        Some(words.guess_from(i, name, end, EntityKind::Person, "name-tokens"))
    }
}

/// Fewest sports words (فريق، لاعب، مدرب، مباراة …, with the article or without) that make a text one
/// about sport.
const SPORTS_TEXT_WORDS: usize = 4;

/// Whether the text is about sport: it has at least [`SPORTS_TEXT_WORDS`] sports words.
fn is_sports_text(words: &Words<'_, '_>) -> bool {
    (0..words.len())
        .filter(|&k| {
            // With the article, read off the short list itself rather than looked up in the word map:
            // this runs over every word of a text that names a city like a club.
            words.is(k, Class::SportsHeads)
                || words
                    .norm(k)
                    .strip_prefix("ال")
                    .is_some_and(|word| SPORTS_HEADS.contains(&word))
        })
        .nth(SPORTS_TEXT_WORDS - 1)
        .is_some()
}

/// Whether the city named at token `k` is the place even in a text about sport: after a place word or
/// في (بمدينة تورينو، بالعاصمة روما، هنا في ليفربول), after a name (أنتونيو فالنسيا, a player), or beside another
/// place the gazetteer found, in a list of places (تبوك وأبها وحائل).
fn reads_as_the_place(words: &Words<'_, '_>, k: usize, known: &[Mention]) -> bool {
    let Some(before) = k.checked_sub(1) else {
        return false;
    };
    let place_beside = |j: usize| {
        words.tokens.get(j).is_some_and(|token| {
            overlapping(known, token.span, |m| m.span).any(|m| {
                m.kind == EntityKind::Location
                    && !words.is(words.token_at(m.span.start), Class::ClubName)
            })
        })
    };
    let bare = words.read(before).bare;
    is_place_word(&bare)
        || bare.strip_prefix("ال").is_some_and(is_place_word)
        || words.norm(before) == "في"
        || words.is_name_token(before)
        || place_beside(before)
        || place_beside(k + 1)
        || (matches!(words.norm(before), "،" | ",") && place_beside(before.wrapping_sub(1)))
        || (matches!(words.norm(k + 1), "،" | ",") && place_beside(k + 2))
}

/// Whether `word`, token `i` without its proclitics, is عبد before a definite word: the first half of
/// a compound given name (عبد الله، عبد العزيز).
fn starts_a_compound_given_name(words: &Words<'_, '_>, i: usize, word: &str) -> bool {
    word == "عبد" && words.is_arabic(i + 1) && words.norm(i + 1).starts_with("ال")
}

/// Whether token `i`, read as `item`, is a name token glued to و (ومحمد، وعبد الله): not when the word
/// with its و is a word of its own (وكيل، وسام), nor a definite word (والدين), nor a common noun here.
fn is_glued_waw_name(words: &Words<'_, '_>, i: usize, item: &Reading<'_>) -> bool {
    let norm = words.norm(i);
    norm.starts_with('و')
        && item.conjunctionless.len() + 2 == norm.len()
        && (item.conjunctionless_bits & Class::PersonToken as u16 != 0
            || starts_a_compound_given_name(words, i, item.conjunctionless))
        && words.bits(i) == 0
        && !item.conjunctionless.starts_with("ال")
        && !words.is_common_noun_word(i, item.conjunctionless)
}

/// Whether the word before token `i`, or before the comma before it, is a name token: the end of the
/// list's previous name (… وآسر ياسين وشيرين رضا).
fn name_token_before(words: &Words<'_, '_>, i: usize) -> bool {
    let Some(before) = i.checked_sub(1) else {
        return false;
    };
    let before = match words.norm(before) {
        "،" | "," => before.checked_sub(1),
        _ => Some(before),
    };
    before.is_some_and(|k| words.is_name_token(k))
}

/// Whether token `k`, or the one after a comma at `k`, is a name token glued to و: the list's next
/// name (ومحمد حبش ويوسف القرضاوي).
fn glued_waw_name_at(words: &Words<'_, '_>, k: usize) -> bool {
    let k = if matches!(words.norm(k), "،" | ",") {
        k + 1
    } else {
        k
    };
    k < words.len() && words.is_arabic(k) && is_glued_waw_name(words, k, &words.read(k))
}

/// The kind of the name, a mention of the gazetteer or a guess so far, that ends right before token `i`
/// or before the comma before it: the name whose list token `i` may go on.
fn entity_before(
    words: &Words<'_, '_>,
    i: usize,
    known: &[Mention],
    out: &[Guess],
) -> Option<EntityKind> {
    let before = i.checked_sub(1)?;
    let before = if matches!(words.norm(before), "،" | ",") {
        before.checked_sub(1)?
    } else {
        before
    };
    let end = words.tokens[before].span.end;
    let guess = out.last().filter(|g| g.span.end == end).map(|g| g.kind);
    let mention = known
        .get(known.partition_point(|m| m.span.end < end))
        .filter(|m| m.span.end == end)
        .map(|m| m.kind);
    guess.or(mention)
}

/// Whether an unknown word, `letters` long, has a shape names rarely have: a glued conjunction (وفدا),
/// a preposition glued to a noun (لمدة، للمؤتمر، بتصريح، بالعاصمة: ل before a consonant, ب before ت or
/// the article, ك before the article), a verb in
/// the present or future tense, three letters and up (يرى، تشق، يستقبل، تقول، سيقرر) or in the plural
/// (استنكروا), the ending of a feminine noun (حالة), of a pronoun after a longer word (مواقفه) or of an
/// adverb (رسميا), or the shape of an adverbial participle (مشيرا، قائلا).
fn has_common_word_shape(word: &str, letters: usize) -> bool {
    let second = word.chars().nth(1).unwrap_or_default();
    word.starts_with(['و', 'ف'])
        || (word.starts_with('ل') && !matches!(second, 'ا' | 'و' | 'ي'))
        || word.starts_with("بت")
        || word.starts_with("بم")
        || word.starts_with("بال")
        || word.starts_with("كال")
        || (word.starts_with(['ي', 'ت']) && letters >= 3)
        || (word.starts_with("سي") || word.starts_with("ست")) && letters >= 5
        || word.ends_with("وا")
        || (word.ends_with("يا") && letters >= 5)
        || word.ends_with('ة')
        || (word.ends_with('ه') && letters >= 5)
        // An adverbial participle (مشيرا، محذرا، مؤكدا، قائلا): foreign names that end in ا after م take
        // a long vowel second (ماريا، ميرزا، موراتا).
        || (word.starts_with('م') && word.ends_with('ا') && letters >= 5 && !matches!(second, 'ا' | 'و' | 'ي'))
        || (letters == 5 && word.ends_with('ا') && word.chars().nth(2) == Some('ئ'))
}

/// Whether `word` starts with one of the proclitics [`Words::read`] takes off a word before an article
/// or a head noun (و ف ب ل ك), told from its first two bytes without decoding a letter or branching
/// on them: this runs for every token, and a `match` over the byte pairs mispredicted about once in
/// three tokens.
fn starts_with_proclitic(word: &str) -> bool {
    word.as_bytes()
        .first_chunk::<2>()
        .is_some_and(|&[lead, second]| is_proclitic(lead, second))
}

/// Whether the letter of two bytes `lead`, `second` is a proclitic: the matcher's table of them.
fn is_proclitic(lead: u8, second: u8) -> bool {
    crate::patterns::proclitic_bits(lead, second) != 0
}

/// The tokens as the rules read them.
struct Words<'a, 't> {
    tokens: &'a [Token<'t>],
    /// The recognizer's word lists ([`Recognizer::words`]).
    lists: &'a WordMap<u16>,
    /// The lists each token's normalised form is in. Looked up for every token at once: the rules ask
    /// for nearly every token's lists anyway, and a plain load spares each ask a test whether the token
    /// was looked up yet (which mispredicted where the rules look ahead).
    norm_bits: Vec<u16>,
    /// Tokens a few rules look for by their exact letters, found in the same pass.
    markers: Markers,
}

/// Where the tokens are that a few rules start from by their exact letters: found while the words'
/// lists are looked up, so those rules visit them and not every token.
#[derive(Default)]
struct Markers {
    /// لـ, before the outlet speech is reported to ([`Rule::Addressee`]).
    lams: Vec<usize>,
    /// باسم, a given name or "in the name of" ([`Words::read_bism_after_a_speaker`]).
    bism: Vec<usize>,
    /// قوات، أنصار، حكومة with a proclitic or not ([`Rule::LeaderName`]).
    leader_heads: Vec<usize>,
    /// ميليشيات، ميليشيا … with a proclitic or not ([`Rule::GroupName`]).
    militia_heads: Vec<usize>,
}

impl Markers {
    /// Notes token `i`, whose normalised form is `norm`, if it is one of the marked words. Most words
    /// are told apart by their last two letters, then by their length.
    #[inline]
    fn note(&mut self, i: usize, norm: &str) {
        if norm == "ل" {
            self.lams.push(i);
            return;
        }
        // The last two letters, as one number, against those of the marked words: most words end
        // otherwise, and are passed after one comparison with each.
        let Some(tail) = last_four(norm.as_bytes()) else {
            return;
        };
        if !MARKED_TAILS.contains(&tail) {
            return;
        }
        match norm.len() {
            8 if norm == "باسم" => self.bism.push(i),
            8..=14 if has_head(norm, LEADER_HEADS) => self.leader_heads.push(i),
            12..=20 if has_head(norm, MILITIA_HEADS) => self.militia_heads.push(i),
            _ => {}
        }
    }
}

/// The last two letters of باسم, of [`LEADER_HEADS`] and of [`MILITIA_HEADS`], each as the number
/// [`last_four`] reads.
const MARKED_TAILS: [u32; 6] = [
    little_endian("سم"),
    little_endian("ات"),
    little_endian("ار"),
    little_endian("مة"),
    little_endian("مه"),
    little_endian("يا"),
];

/// Whether `norm` is one of `heads` as written or after up to two proclitic letters (وقوات، لحكومة،
/// ولميليشيات), never with the article (الحكومة على …).
/// Whether `word` is an organisation's or a place's head noun with the article (الحركة، المحافظة): the
/// institution or the place already spoken of, never a family name.
fn is_definite_head(word: &str) -> bool {
    /// The heads, hashed: a family name's every candidate is tested.
    static HEADS: LazyLock<FxHashSet<&str>> =
        LazyLock::new(|| ORG_HEADS.iter().chain(PLACE_WORDS).copied().collect());
    word.strip_prefix("ال")
        .is_some_and(|bare| HEADS.contains(bare))
}

fn has_head(norm: &str, heads: &[&str]) -> bool {
    heads.iter().any(|noun| {
        norm.strip_suffix(noun).is_some_and(|proclitics| {
            proclitics.len() <= 4
                && proclitics
                    .chars()
                    .all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل'))
        })
    })
}

/// A token as [`Recognizer::find`] reads it: without its proclitics, and without its conjunction,
/// with the lists each form is in.
struct Reading<'w> {
    /// The token without proclitics before an article or a head noun (وللرئيس → الرئيس).
    bare: Cow<'w, str>,
    bare_bits: u16,
    /// The token without one conjunction و/ف (وقال → قال).
    conjunctionless: &'w str,
    conjunctionless_bits: u16,
}

/// The lists at whose words, as they stand, a rule may start: head nouns, name tokens and reporting
/// verbs (see [`Reading::may_start_a_rule`]).
const RULE_START_CLASSES: u16 =
    HEAD_CLASSES | Class::PersonToken as u16 | Class::ReportingVerbs as u16;

impl Reading<'_> {
    /// Whether a rule may start at the word read: a head noun or a name token (bare), a reporting
    /// verb (without its conjunction) or a nisba.
    fn may_start_a_rule(&self) -> bool {
        self.bare_bits & (HEAD_CLASSES | Class::PersonToken as u16) != 0
            || self.conjunctionless_bits
                & (Class::ReportingVerbs as u16 | Class::PersonToken as u16)
                != 0
            || is_nisba(self.conjunctionless)
    }
}

impl<'a, 't> Words<'a, 't> {
    fn new(tokens: &'a [Token<'t>], lists: &'a WordMap<u16>) -> Words<'a, 't> {
        // `lists.get` inlined here, not a call of `Words::lookup` a token: 1.5 M instructions less on
        // 2 MB of news.
        let mut norm_bits = Vec::with_capacity(tokens.len());
        let mut markers = Markers::default();
        for (i, token) in tokens.iter().enumerate() {
            let bits = lists.get(&token.norm).copied().unwrap_or(0);
            // Only a word the normaliser rewrote can hold a hamza or a diacritic.
            norm_bits.push(if !token.norm.is_borrowed() {
                spelling_bits(token.text, bits)
            } else {
                bits
            });
            markers.note(i, &token.norm);
        }
        Words {
            tokens,
            lists,
            norm_bits,
            markers,
        }
    }
}

/// A word's list bits corrected by what its spelling tells and its folded letters hide. The
/// accusative ending ـًا of adverbs and objects (رسمياً، مالياً، أنموذجاً) makes it no part of a name:
/// a stop word. A conjunction before a hamza on alef (وإلى، وأصل: and to, and the origin) makes the
/// whole word no name, though its folded letters spell one (والي، واصل); the word after the
/// conjunction may still be one (وأحمد).
fn spelling_bits(text: &str, bits: u16) -> u16 {
    if text.contains('\u{064B}') {
        return (bits | Class::Stop as u16) & !(Class::PersonToken as u16);
    }
    let mut chars = text.chars();
    let conjunction_then_hamza =
        matches!(chars.next(), Some('و' | 'ف')) && matches!(chars.next(), Some('أ' | 'إ' | 'آ'));
    if conjunction_then_hamza {
        bits & !(Class::PersonToken as u16)
    } else {
        bits
    }
}

impl Words<'_, '_> {
    /// The name علي and the preposition على fold to the same letters, so the lists hold the word as a
    /// stop word. Where the text spells على with its alef maqsura anywhere, a علي written with ي is the
    /// name: a name token, no stop word. A text that writes ي for every final ى (on older or Egyptian
    /// sites) tells nothing, and is left as it is.
    fn read_ali_as_a_name(&mut self, text: &str) {
        // A plain pass over the bits first: most texts hold no علي at all.
        if !self
            .norm_bits
            .iter()
            .any(|&bits| bits & Class::Ali as u16 != 0)
        {
            return;
        }
        let written_ali = |bits: u16, t: &Token<'_>| {
            bits & Class::Ali as u16 != 0 && t.norm == ALI && t.text.ends_with('ي')
        };
        let any_written = self
            .norm_bits
            .iter()
            .zip(self.tokens)
            .any(|(&bits, token)| written_ali(bits, token));
        if !any_written || !text.contains('ى') {
            return;
        }
        for (bits, token) in self.norm_bits.iter_mut().zip(self.tokens) {
            if written_ali(*bits, token) {
                *bits = (*bits & !(Class::Stop as u16 | Class::StartsNoRule as u16))
                    | Class::PersonToken as u16;
            }
        }
    }

    /// Compound given names written in two words. عبد before a definite word starts one (عبد الله، عبد
    /// الرحمن): a name token there, where a rule can start a name, and so is the word after it, الله
    /// included, otherwise a stop word. After و (وعبد الرحمن) only the second word is marked: the first
    /// is read without its و ([`starts_a_compound_given_name`]). الإسلام, a stop word (دين الإسلام، باسم
    /// الإسلام), ends one after سيف (سيف الإسلام).
    fn read_compound_given_names(&mut self) {
        for i in 0..self.tokens.len().saturating_sub(1) {
            let norm = &*self.tokens[i].norm;
            // عبد and سيف are six bytes, eight with و: most words are passed on their length.
            if !matches!(norm.len(), 6 | 8) {
                continue;
            }
            let abd =
                matches!(norm, "عبد" | "وعبد") && starts_a_compound_given_name(self, i, "عبد");
            let saif = matches!(norm, "سيف" | "وسيف") && self.norm(i + 1) == "الاسلام";
            if !(abd || saif) {
                continue;
            }
            if norm == "عبد" {
                self.norm_bits[i] |= Class::PersonToken as u16;
            }
            let next = &mut self.norm_bits[i + 1];
            *next = (*next & !(Class::Stop as u16 | Class::StartsNoRule as u16))
                | Class::PersonToken as u16;
        }
    }

    /// Whether token `k` is a particle of a European name ([`NAME_PARTICLES`]) where it can be one:
    /// written with nothing the normaliser folds (فإن folds to فان) and before a word that is neither
    /// definite nor feminine (فان العملية is فإن written without its hamza, مدام دي حكاية Egyptian "this").
    fn is_name_particle(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| t.text.len() <= 6)
            && NAME_PARTICLES.contains(&self.norm(k))
            && self.tokens.get(k).is_some_and(|t| t.norm.is_borrowed())
            && self.is_arabic(k + 1)
            && !self.norm(k + 1).starts_with("ال")
            && !self.norm(k + 1).ends_with('ة')
    }

    /// A particle the name-token list holds as a given name (فان غال، دي ماريا) starts a name only where
    /// it can be a particle ([`Words::is_name_particle`]): فان alone or before a definite word is فإن.
    fn read_particles(&mut self) {
        for k in 0..self.tokens.len() {
            // Every particle is two or three letters.
            if self.norm_bits[k] & Class::PersonToken as u16 != 0
                && self.tokens[k].text.len() <= 6
                && NAME_PARTICLES.contains(&self.norm(k))
                && !self.is_name_particle(k)
            {
                self.norm_bits[k] &= !(Class::PersonToken as u16);
            }
        }
    }

    /// باسم after a spokesman (المتحدث الرسمي باسم الوزارة) is "in the name of", no given name: a stop
    /// word there.
    fn read_bism_after_a_speaker(&mut self) {
        let is_speaker = |k: usize| {
            self.tokens
                .get(k)
                .is_some_and(|t| SPEAKER_WORDS.contains(&t.norm.as_ref()))
        };
        for &i in &self.markers.bism {
            // Or with one adjective between (المتحدث العسكري باسم الجيش).
            let after_a_speaker = i > 0
                && (is_speaker(i - 1)
                    || (i > 1 && is_speaker(i - 2) && is_nisba(self.norm(i - 1))));
            if after_a_speaker {
                self.norm_bits[i] = Class::Stop as u16;
            }
        }
    }

    fn lookup(&self, word: &str) -> u16 {
        self.lists.get(word).copied().unwrap_or(0)
    }

    /// The lists token `i`'s normalised form is in; none past the end.
    fn bits(&self, i: usize) -> u16 {
        self.norm_bits.get(i).copied().unwrap_or(0)
    }

    /// The tokens at which a rule may start, as far as one look at each token tells (a superset of
    /// those whose [`Reading::may_start_a_rule`]): not a stop word that starts no rule, and a word on a
    /// list a rule starts at or one whose bytes may make it one ([`may_start_unlisted`]). Each token
    /// is tested without a branch and its index written whether it passes or not, the count moving on
    /// only when it does: the branches a token took in [`Recognizer::find`] before, on its lists, its
    /// proclitic and its article, mispredicted nearly once a token.
    fn possible_starts(&self) -> Vec<usize> {
        let mut starts = vec![0; self.len()];
        let mut count = 0;
        for (i, (token, &bits)) in self.tokens.iter().zip(&self.norm_bits).enumerate() {
            let listed = bits & RULE_START_CLASSES != 0;
            let possible = (bits & Class::StartsNoRule as u16 == 0)
                & (listed | may_start_unlisted(&token.norm));
            starts[count] = i;
            count += usize::from(possible);
        }
        starts.truncate(count);
        starts
    }

    /// Whether token `i`'s normalised form is in the list `class`.
    fn is(&self, i: usize, class: Class) -> bool {
        self.bits(i) & class as u16 != 0
    }

    /// Whether `word`, token `i` without its proclitics, names a date, a feast or a common noun here,
    /// not a person, as the head of such a phrase or what follows one (عيد ميلاد، رائد الفضاء): see
    /// [`COMMON_NOUN_PHRASES`] and [`MONTHS_NAMED_LIKE_PEOPLE`].
    fn is_common_noun_word(&self, i: usize, word: &str) -> bool {
        let (before, next) = (self.norm(i.wrapping_sub(1)), self.norm(i + 1));
        let after_month = matches!(before, "شهر" | "بشهر" | "لشهر" | "وشهر" | "وبشهر" | "ولشهر");
        let completes = |head: &str, after: &str| {
            COMMON_NOUN_PHRASES
                .iter()
                .find(|&&(calendar, _)| calendar == head)
                .is_some_and(|(_, words)| words.contains(&after))
        };
        completes(word, next)
            || completes(before, word)
            || (after_month && MONTHS_NAMED_LIKE_PEOPLE.contains(&word))
    }

    fn is_name_token(&self, i: usize) -> bool {
        self.is(i, Class::PersonToken)
    }

    fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token that holds byte `at` of the text (the first after it when `at` falls between tokens).
    fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= at)
    }

    fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| &t.norm)
    }

    fn is_arabic(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Arabic)
    }

    /// The guess of a rule from token `i`, read without the proclitics its reading `bare` leaves out,
    /// to the token before `end`, where the next rule may start.
    fn guess_from(
        &self,
        i: usize,
        bare: &str,
        end: usize,
        kind: EntityKind,
        rule: &'static str,
    ) -> (Guess, usize) {
        let span = Span::new(
            self.start_without_proclitic(i, bare),
            self.tokens[end - 1].span.end,
        );
        (
            Guess {
                span,
                kind,
                rule,
                entity: None,
            },
            end,
        )
    }

    /// One past the last token from `from` on that starts before byte `end`: where the tokens of a
    /// mention ending there end.
    fn end_of(&self, from: usize, end: usize) -> usize {
        let mut k = from;
        while k < self.len() && self.tokens[k].span.start < end {
            k += 1;
        }
        k
    }

    fn span(&self, from: usize, to_inclusive: usize) -> Span {
        Span::new(
            self.tokens[from].span.start,
            self.tokens[to_inclusive].span.end,
        )
    }

    /// Reads token `i` without a proclitic و/ف/ب/ل/ك before an article or a head noun (and لل read as
    /// ال): وللرئيس → الرئيس; and without one conjunction و/ف. Each form is looked up at most once.
    /// Runs for every token: always inlined, so the common path costs no call and no returned struct.
    #[inline(always)]
    fn read(&self, i: usize) -> Reading<'_> {
        let norm = self.norm(i);
        if starts_with_proclitic(norm) {
            return self.read_proclitic(i);
        }
        // Most words: nothing to strip, one lookup.
        let bits = self.bits(i);
        Reading {
            bare: Cow::Borrowed(norm),
            bare_bits: bits,
            conjunctionless: norm,
            conjunctionless_bits: bits,
        }
    }

    /// [`Words::read`] for a token that starts with a proclitic letter. Kept out of line so that the
    /// common path of `read` stays small enough to inline.
    #[inline(never)]
    fn read_proclitic(&self, i: usize) -> Reading<'_> {
        let norm = self.norm(i);
        // Every proclitic is a two-byte letter.
        let after_first = &norm[2..];
        // The proclitic is a conjunction, و (D9 88) or ف (D9 81), when its second byte says so.
        let conjunctionless = if matches!(norm.as_bytes()[1], 0x81 | 0x88) {
            after_first
        } else {
            norm
        };
        // The lists of `after_first` when the head test looked them up: that form is
        // `conjunctionless` when the letter is و/ف.
        let mut first_after_bits = None;
        let mut rest = norm;
        let mut rest_bits = None;
        let mut rebuilt = None;
        for round in 0..2 {
            if let Some(after) = rest.strip_prefix("لل") {
                // Concatenated, not formatted: this runs for every لل word.
                rebuilt = Some(["ال", after].concat());
                break;
            }
            let after = if round == 0 {
                Some(after_first)
            } else {
                starts_with_proclitic(rest).then(|| &rest[2..])
            };
            let Some(after) = after else {
                break;
            };
            if after.starts_with("ال") {
                (rest, rest_bits) = (after, None);
                continue;
            }
            let after_bits = self.lookup(after);
            if round == 0 {
                first_after_bits = Some(after_bits);
            }
            if after_bits & HEAD_CLASSES == 0 {
                break;
            }
            (rest, rest_bits) = (after, Some(after_bits));
        }
        let (bare, bare_bits) = match rebuilt {
            Some(rebuilt) => {
                let bits = self.lookup(&rebuilt);
                (Cow::Owned(rebuilt), bits)
            }
            // `rest` is `norm` or a shorter suffix of it, so the lengths tell which.
            None => {
                let bits = match rest_bits {
                    Some(bits) => bits,
                    None if rest.len() == norm.len() => self.bits(i),
                    None => self.lookup(rest),
                };
                (Cow::Borrowed(rest), bits)
            }
        };
        // Suffixes of `norm` of one length are one slice.
        let conjunctionless_bits = if conjunctionless.len() == norm.len() {
            self.bits(i)
        } else if matches!(&bare, Cow::Borrowed(b) if b.len() == conjunctionless.len()) {
            bare_bits
        } else {
            first_after_bits.unwrap_or_else(|| self.lookup(conjunctionless))
        };
        Reading {
            bare,
            bare_bits,
            conjunctionless,
            conjunctionless_bits,
        }
    }

    /// Where the token's text starts once the proclitics that [`Words::read`] removed are skipped.
    fn start_without_proclitic(&self, i: usize, bare: &str) -> usize {
        let token = &self.tokens[i];
        let mut dropped = token
            .norm
            .chars()
            .count()
            .saturating_sub(bare.chars().count());
        // A contracted article (للتعاون read as التعاون): the name starts at the article's ل, as the
        // gazetteer marks لعراق in للعراق.
        let contracted =
            bare.starts_with("ال") && token.norm.chars().skip(dropped).take(2).eq(['ل', 'ل']);
        if contracted {
            dropped += 1;
        }
        let skip: usize = token
            .text
            .chars()
            .filter(|c| !khabar_tokenize::chars::is_arabic_word_mark(*c))
            .take(dropped)
            .map(char::len_utf8)
            .sum();
        token.span.start + skip
    }
}

/// How far into a text its first paragraph break is looked for: the title before a byline is short.
const MAX_TITLE_BYTES: usize = 600;

/// Words that stand where a byline names its place: the story comes from the wires or was compiled.
const WIRE_WORDS: &[&str] = &["وكالات", "متابعات"];

impl Recognizer {
    /// A byline at the start of the text or of its second paragraph (after a title): segments
    /// separated by dashes and closed by a colon or a slash, `reporters - outlet - place:`. The
    /// segment before the first place (a place the gazetteer knows, or وكالات / متابعات) is the
    /// outlet, an organisation; the segments before it that start with a given name are reporters.
    /// Two segments at least; at most four words a segment.
    fn byline(&self, text: &str, words: &Words<'_, '_>, known: &[Mention], out: &mut Vec<Guess>) {
        // A title is a line or two: a byline further in is no byline. It opens the text, or the line
        // after the title (after one line break or a blank line).
        let head = &text.as_bytes()[..text.len().min(MAX_TITLE_BYTES)];
        let second_line = head
            .iter()
            .position(|&byte| byte == b'\n')
            .map(|at| words.tokens.partition_point(|t| t.span.start < at));
        let mut found = Vec::new();
        for start in std::iter::once(0).chain(second_line) {
            let Some(segments) = byline_segments(words, start) else {
                continue;
            };
            let is_place = |&(from, to): &(usize, usize)| {
                (to == from + 1 && WIRE_WORDS.contains(&words.norm(from)))
                    || starting_at(known, words.tokens[from].span.start, |m| m.span).is_some_and(
                        |m| m.kind == EntityKind::Location && m.span == words.span(from, to - 1),
                    )
            };
            let Some(place) = segments.iter().position(is_place) else {
                continue;
            };
            let person = |&(from, to): &(usize, usize)| {
                (2..=3).contains(&(to - from)) && words.is_name_token(from)
            };
            for (k, &(from, to)) in segments[..place].iter().enumerate() {
                let kind = if person(&(from, to)) {
                    EntityKind::Person
                } else if k + 1 == place && to - from <= 2 {
                    EntityKind::Organization
                } else {
                    continue;
                };
                found.push(Guess {
                    span: words.span(from, to - 1),
                    kind,
                    rule: "byline",
                    entity: None,
                });
            }
        }
        let taken = |span: Span| {
            overlapping(known, span, |m| m.span).next().is_some()
                || overlapping(out, span, |g| g.span).next().is_some()
        };
        found.retain(|g| !taken(g.span));
        merge_guesses(out, found);
    }
}

/// The segments of a byline starting at token `start`, as token ranges, if one starts there.
fn byline_segments(words: &Words<'_, '_>, start: usize) -> Option<Vec<(usize, usize)>> {
    let mut segments = Vec::new();
    let mut from = start;
    for k in start..words.len().min(start + 16) {
        let token = &words.tokens[k];
        let dash = matches!(token.text, "-" | "–" | "—");
        let close = matches!(token.text, ":" | "/");
        if dash || close {
            if k == from || k - from > 4 {
                return None;
            }
            segments.push((from, k));
            from = k + 1;
            if close {
                return (segments.len() >= 2).then_some(segments);
            }
        } else if !words.is_arabic(k) {
            return None;
        }
    }
    None
}

/// The name علي, normalised: the preposition على folds to the same letters.
const ALI: &str = "علي";

/// Words of a nisba's shape that are common words (شهر يوليو الماضي; the club, the league, the chair):
/// never a family name, nor a nationality before a name (آية الكرسي خلف كل صلاة).
const NISBA_SHAPED_COMMON_WORDS: &[&str] = &[
    "الماضي",
    "الجاري",
    "الحالي",
    "التالي",
    "النادي",
    "الدوري",
    "الكرسي",
    "الوادي",
    "الراي",
    // Broken plurals in ي (مَفاعٍ، أفاعٍ), listed rather than matched by shape: المشاري and المناعي, of the
    // same shape, are families.
    "المقاهي",
    "المباني",
    "المعاني",
    "المساعي",
    "المراعي",
    "المواشي",
    "الاراضي",
    "الاغاني",
    "الاماني",
    "الايادي",
    "الاهالي",
    "الليالي",
    "الضواحي",
    "النواحي",
];

/// Ordinals end regnal names (عبدالله الثاني) but are nobody's family name.
const ORDINALS: &[&str] = &[
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    // And the numeral: الفريق الواحد is the one team, not a general.
    "الواحد",
];

impl Recognizer {
    /// Adds the later mentions of the people in `out` by their family name alone: after سعد بن محمد
    /// الشمري, a bare الشمري (or والشمري) is the same person. The family name is the last word of a
    /// name of two words or more, on no word list (الأمين العام is a title, not a name). With the
    /// article: a nisba only when it names no known place (الشمري, not المصري), a plural-shaped word
    /// (…ات: القوات) only when it is a known name token. Without it (كابلي، مورينيو): no given name and
    /// no common word's shape. A mention must come after the full name, overlap nothing found already,
    /// and not follow a given name (فيصل القاسم is a full name the rules missed, not a short one); آل،
    /// أبو or بن right before it is part of it.
    fn family_names(&self, words: &Words<'_, '_>, known: &[Mention], out: &mut Vec<Guess>) {
        // Each family name with where the full name ends and its given name (the first person's), and
        // the last four bytes of each without the article, by which most words are told apart at once.
        // Hashed, not listed: a long text can name thousands of people.
        let mut families: FxHashMap<&str, (usize, &str, Option<&str>)> = FxHashMap::default();
        let mut stem_ends: FxHashSet<u32> = FxHashSet::default();
        let mut token = 0;
        for guess in out.iter().filter(|g| g.kind == EntityKind::Person) {
            let first = words.token_at(guess.span.start);
            let given = words.norm(first);
            // Past a proclitic the name starts inside its first token (لفيصل القاسم).
            let given = if words
                .tokens
                .get(first)
                .is_some_and(|t| t.span.start < guess.span.start)
            {
                given.get(2..).unwrap_or_default()
            } else {
                given
            };
            while token < words.len() && words.tokens[token].span.end < guess.span.end {
                token += 1;
            }
            let last = words.norm(token);
            let first_token_start = words.tokens.get(token).map_or(0, |t| t.span.start);
            let several_words = guess.span.start < first_token_start;
            let definite = last.starts_with("ال")
                && last.chars().count() >= 5
                && if is_nisba(last) {
                    !self.is_place_nisba(last)
                } else {
                    self.is_name_token(last) || !last.ends_with("ات")
                }
                && !ORDINALS.contains(&last)
                && !is_definite_head(last);
            // A family name without the article (كابلي، دغريري) only when no list knows it as a given
            // name either (محمد صالح is no reason to read every later صالح as the person) and has no
            // common word's shape.
            let letters = last.chars().count();
            let indefinite = !last.starts_with("ال")
                && letters >= 4
                && !self.is_name_token(last)
                && !has_common_word_shape(last, letters);
            let previous = words.norm(token.wrapping_sub(1));
            if several_words
                && (definite || indefinite)
                && bits(last) == 0
                && !NISBA_SHAPED_COMMON_WORDS.contains(&last)
                && !ends_a_compound_given_name(previous, last)
            {
                let particle = FAMILY_PARTICLES.iter().copied().find(|&p| p == previous);
                families
                    .entry(last)
                    .or_insert((guess.span.end, given, particle));
                let stem = last.strip_prefix("ال").unwrap_or(last);
                stem_ends.extend(last_four(stem.as_bytes()));
            }
        }
        if families.is_empty() {
            return;
        }
        // The mentions and the guesses so far are in text order and overlap none of their own kind, and
        // the family names are found in text order: a search, not a walk over all of them.
        let taken = |span: Span, found: &[Guess]| {
            overlapping(known, span, |m| m.span).next().is_some()
                || overlapping(out, span, |g| g.span).next().is_some()
                || found.last().is_some_and(|g| g.span.overlaps(span))
        };
        let mut found = Vec::new();
        for i in 0..words.len() {
            // Every written form of a family name (الشمري، والشمري، للشمري) ends with it minus ال, so
            // with its last four bytes (every stem has four: three letters at least): one lookup tells
            // nearly every other word apart before the word is read.
            if !last_four(words.norm(i).as_bytes()).is_some_and(|end| stem_ends.contains(&end)) {
                continue;
            }
            let bare = words.read(i).bare;
            let Some(&(after, given_name, particle)) = families.get(bare.as_ref()) else {
                continue;
            };
            // A family name a particle made (آل سعود، بن لادن) is the person only with its particle:
            // alone it is a given name as often.
            let before = words.norm(i.wrapping_sub(1));
            let same_particle = |p: &str| {
                before == p || (matches!(p, "بن" | "ابن") && matches!(before, "بن" | "ابن"))
            };
            if particle.is_some_and(|p| !same_particle(p)) {
                continue;
            }
            let token = &words.tokens[i];
            let mut span = Span::new(words.start_without_proclitic(i, &bare), token.span.end);
            let after_given_name = i > 0 && words.is_name_token(i - 1);
            // The person's given name glued to a proclitic before it (لفيصل القاسم، ويوسف القرضاوي),
            // which no rule read as a name, makes the full name again.
            let glued = i.checked_sub(1).map(|k| words.norm(k)).filter(|norm| {
                starts_with_proclitic(norm) && !after_given_name && span.start == token.span.start
            });
            if let Some(given) = glued
                .map(|norm| &norm[2..])
                .filter(|given| *given == given_name)
            {
                span.start = words.start_without_proclitic(i - 1, given);
            } else if span.start == token.span.start
                && i > 0
                && FAMILY_PARTICLES.contains(&words.norm(i - 1))
            {
                // The word that makes a family name of it (آل فايد، أبو ثنين، بن زيما) belongs to it.
                span.start = words.tokens[i - 1].span.start;
            }
            if token.span.start >= after && !after_given_name && !taken(span, &found) {
                found.push(Guess {
                    span,
                    kind: EntityKind::Person,
                    rule: "family-name",
                    entity: None,
                });
            }
        }
        merge_guesses(out, found);
    }
}

/// Normalised words before a family name that are part of it: آل (folded to ال), أبو, بن, ابن.
pub(crate) const FAMILY_PARTICLES: [&str; 4] = ["ال", "ابو", "بن", "ابن"];

/// Whether `last`, the last word of a full name after `previous`, completes a compound given name
/// rather than naming a family: عبد العزيز, and the names of God and the faith that end many given
/// names (شمس الدين، سيف الإسلام، نصر الله). Alone later in the text, such a word is no one.
pub(crate) fn ends_a_compound_given_name(previous: &str, last: &str) -> bool {
    previous == "عبد" || matches!(last, "الدين" | "الاسلام" | "الله")
}

/// The last four bytes of `word` as one number, if it has four.
fn last_four(word: &[u8]) -> Option<u32> {
    word.last_chunk::<4>().map(|&end| u32::from_le_bytes(end))
}

/// The one-word place names a normalised nisba (المصري، السورية) may be the adjective of: مصر، المصر،
/// مصرا، مصريا، المصرية … from its stem; `None` when it has no nisba's article and ending.
pub(crate) fn nisba_places(nisba: &str) -> Option<[String; 5]> {
    let stem = nisba
        .strip_prefix("ال")
        .and_then(|rest| rest.strip_suffix('ي').or_else(|| rest.strip_suffix("ية")))?;
    Some([
        stem.to_string(),
        format!("ال{stem}"),
        format!("{stem}ا"),
        format!("{stem}يا"),
        format!("ال{stem}ية"),
    ])
}

/// A nationality or relational adjective: ال…ي / ال…يه / ال…ية.
pub(crate) fn is_nisba(norm: &str) -> bool {
    // Six characters at least, counted no further than six.
    has_nisba_shape(norm) && norm.chars().nth(5).is_some()
}

/// The bytes of `text` (four at most) as one little-endian number, as four bytes of a word are read.
const fn little_endian(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut value = 0;
    let mut at = bytes.len();
    while at > 0 {
        at -= 1;
        value = value << 8 | bytes[at] as u32;
    }
    value
}

/// Whether `norm` begins with the article and ends in ي / يه / ية, of any length: [`is_nisba`] but for
/// its count of characters. The first and the last four bytes are compared as numbers and the tests
/// joined by `&` and `|`: the article alone, tested first, mispredicted on about every other call.
fn has_nisba_shape(norm: &str) -> bool {
    let bytes = norm.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) else {
        return false;
    };
    is_nisba_shaped(first, last)
}

/// [`has_nisba_shape`] of a word of four bytes or more, from its first and last four bytes.
fn is_nisba_shaped(first: [u8; 4], last: [u8; 4]) -> bool {
    let last = u32::from_le_bytes(last);
    (u32::from_le_bytes(first) == little_endian("ال"))
        & ((last >> 16 == little_endian("ي"))
            | (last == little_endian("يه"))
            | (last == little_endian("ية")))
}

/// Whether a rule may start at `norm` though no list holds it as it stands: it starts with a proclitic
/// (a list may hold what follows) or has a nisba's shape. One load of its first four bytes serves both
/// tests. A word shorter than four bytes passes neither: what follows its proclitic is a byte at most,
/// and no word a rule starts at is that short (tested).
fn may_start_unlisted(norm: &str) -> bool {
    let bytes = norm.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) else {
        return false;
    };
    is_proclitic(first[0], first[1]) | is_nisba_shaped(first, last)
}

/// وزارة الداخلية، حزب الله: the head noun and up to three definite words after it.
fn org_head(words: &Words<'_, '_>, i: usize, head: &Reading<'_>) -> Option<(Guess, usize)> {
    if head.bare_bits & Class::OrgHeads as u16 == 0 {
        return None;
    }
    let mut end = i + 1;
    while end < words.len() && end - i <= 3 && words.is_arabic(end) {
        let norm = words.norm(end);
        if !(norm.starts_with("ال") || norm == "الله")
            || words.is(end, Class::Stop)
            || matches!(norm, "التي" | "الذي")
        {
            break;
        }
        end += 1;
    }
    if end == i + 1 {
        return None;
    }
    Some(words.guess_from(i, &head.bare, end, EntityKind::Organization, "org-head"))
}

/// Adds the guesses a rule `found` after the main pass to `out`, keeping it in text order.
fn merge_guesses(out: &mut Vec<Guess>, found: Vec<Guess>) {
    if !found.is_empty() {
        out.extend(found);
        out.sort_by_key(|g| g.span.start);
    }
}

/// The longest outlet's name [`Rule::Addressee`] takes, in words.
const MAX_ADDRESSEE: usize = 4;

/// [`Rule::Addressee`]: لـ, a quotation of one to four words, and then what opens reported speech (إن،
/// أن، a colon, a comma) or, before لـ, a reporting verb.
fn addressees(words: &Words<'_, '_>, known: &[Mention], out: &mut Vec<Guess>) {
    let mut found = Vec::new();
    for &i in &words.markers.lams {
        let Some((span, close)) = quotation_after(words, i, MAX_ADDRESSEE) else {
            continue;
        };
        let speech_follows = matches!(
            words.norm(close + 1),
            "ان" | "انه" | "انها" | "بان" | ":" | "،" | ","
        );
        let after_report =
            i > 0 && words.read(i - 1).conjunctionless_bits & Class::ReportingVerbs as u16 != 0;
        if !(speech_follows || after_report) {
            continue;
        }
        // A name the gazetteer knows as an organisation already is left to it.
        let known_here = overlapping(known, span, |m| m.span).next();
        if known_here.is_some_and(|m| m.kind == EntityKind::Organization)
            || overlapping(out, span, |g| g.span).next().is_some()
        {
            continue;
        }
        found.push(Guess {
            span,
            kind: EntityKind::Organization,
            rule: "addressee",
            entity: None,
        });
    }
    merge_guesses(out, found);
}

/// The longest quoted name [`Rule::QuotedName`] takes, in tokens.
const MAX_QUOTED_NAME: usize = 6;

/// شركة «إكس جت»: after an organisation's or an outlet's head noun (token `i`, whose lists are
/// `head_bits`), a quotation mark, one to [`MAX_QUOTED_NAME`] words or numbers, and a quotation mark.
fn quoted_name(words: &Words<'_, '_>, i: usize, head_bits: u16) -> Option<(Guess, usize)> {
    if head_bits & (Class::OrgHeads as u16 | Class::MediaHeads as u16) == 0 {
        return None;
    }
    let (span, close) = quotation_after(words, i, MAX_QUOTED_NAME)?;
    Some((
        Guess {
            span,
            kind: EntityKind::Organization,
            rule: "quoted-name",
            entity: None,
        },
        close + 1,
    ))
}

/// The words inside a quotation that opens right after token `i`: one to `max` words or numbers, not
/// numbers alone. Returns their span and the closing mark's index.
fn quotation_after(words: &Words<'_, '_>, i: usize, max: usize) -> Option<(Span, usize)> {
    let tokens = words.tokens;
    let is_quote = |at: usize| tokens.get(at).is_some_and(|t| t.kind == TokenKind::Quote);
    if !is_quote(i + 1) {
        return None;
    }
    let first = i + 2;
    let close = (first..tokens.len().min(first + max + 1)).find(|&at| is_quote(at))?;
    let inner = tokens.get(first..close)?;
    let is_name_part = |t: &Token<'_>| {
        matches!(
            t.kind,
            TokenKind::Arabic | TokenKind::Latin | TokenKind::OtherWord | TokenKind::Number
        )
    };
    if inner.is_empty()
        || !inner.iter().all(is_name_part)
        || !inner.iter().any(|t| t.kind != TokenKind::Number)
    {
        return None;
    }
    Some((
        Span::new(inner[0].span.start, inner[inner.len() - 1].span.end),
        close,
    ))
}

/// The organisations of `gazetteer` with a name of `head` and one word (نادي الهلال، جماعة الحوثي), as
/// (entity index, that word).
fn organisations_named<'g>(
    gazetteer: &'g Gazetteer,
    head: &'static str,
) -> impl Iterator<Item = (usize, &'g str)> {
    gazetteer
        .entities()
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Organization)
        .flat_map(|(index, e)| e.names().map(move |name| (index, name)))
        .filter_map(move |(index, name)| Some((index, name.strip_prefix(head)?)))
        .filter(|(_, word)| !word.contains(char::is_whitespace))
}

/// Whether `stem`, a word without its article (رئيس، دكتور), is a title with the article.
pub(crate) fn is_title_stem(stem: &str) -> bool {
    let title = ["ال", stem].concat();
    is(&title, Class::Titles) || is(&title, Class::ConstructTitles)
}

/// Whether `norm` is a place word (منطقة، محافظة، مدينة …), written without the article.
pub(crate) fn is_place_word(norm: &str) -> bool {
    is(norm, Class::PlaceWords)
}

/// Heads after which an unquoted definite word is a newspaper's name (normalised, as in
/// [`MEDIA_HEADS`]): not موقع or قناة, which also mean a site and a canal.
const NEWSPAPER_HEADS: &[&str] = &["صحيفه", "صحيفة", "جريده", "جريدة"];

/// بصحيفة الوئام، صحيفة الرياض، جريدة الشرق الأوسط: after a newspaper head (token `i`, whose bare form is
/// `bare`), one definite word, or the place the gazetteer knows there (الشرق الأوسط) read as the outlet.
/// A name the gazetteer already knows as an organisation is left to it; an adjective (صحيفة محلية،
/// الصحيفة الإلكترونية) is no name.
fn newspaper(
    words: &Words<'_, '_>,
    i: usize,
    bare: &str,
    known: &[Mention],
) -> Option<(Guess, usize)> {
    let k = i + 1;
    let name = words.norm(k);
    if !NEWSPAPER_HEADS.contains(&bare)
        || !words.is_arabic(k)
        || !name.starts_with("ال")
        || name.chars().count() < 4
        || words.is(k, Class::Stop)
        || has_nisba_shape(name)
    {
        return None;
    }
    let start = words.tokens[k].span.start;
    let end = match starting_at(known, start, |m| m.span) {
        Some(mention) if mention.kind != EntityKind::Location => return None,
        Some(mention) => words.end_of(k + 1, mention.span.end),
        None => k + 1,
    };
    Some((
        Guess {
            span: Span::new(start, words.tokens[end - 1].span.end),
            kind: EntityKind::Organization,
            rule: "newspaper",
            entity: None,
        },
        end,
    ))
}

/// `known` without the places named like a family nisba (الأحمدي، الرمادي) that follow a person-name token
/// (فايز الأحمدي، اللاعب سعد الأحمدي): there they are the person's family name, and the rules may read
/// them so; the person they then find covers the place, which gives way ([`inside_a_guess`]).
fn places_read_as_family_names<'m>(
    words: &Words<'_, '_>,
    known: &'m [Mention],
) -> Cow<'m, [Mention]> {
    let is_family_name = |m: &Mention| {
        m.kind == EntityKind::Location && m.proclitic.is_none() && {
            let k = words.token_at(m.span.start);
            words.tokens.get(k).is_some_and(|t| t.span == m.span)
                && has_nisba_shape(words.norm(k))
                && words.tokens[k].text.ends_with('ي')
                && k.checked_sub(1).is_some_and(|before| {
                    words.read(before).bare_bits & Class::PersonToken as u16 != 0
                })
        }
    };
    if known.iter().any(is_family_name) {
        Cow::Owned(
            known
                .iter()
                .filter(|m| !is_family_name(m))
                .cloned()
                .collect(),
        )
    } else {
        Cow::Borrowed(known)
    }
}

/// Whether `mention` lies inside a longer name a rule found around it (the place in إمارة منطقة
/// الباحة), or a rule read the same words as another kind (صحيفة الرياض: the newspaper, not the city):
/// the annotation guide annotates only the whole name, so such mentions are left out. `guesses` are as
/// [`Recognizer::find`] returns them, in text order and none overlapping another, so only the last one
/// starting at or before the mention can hold it.
pub fn inside_a_guess(mention: &Mention, guesses: &[Guess]) -> bool {
    let before = guesses.partition_point(|g| g.span.start <= mention.span.start);
    before.checked_sub(1).is_some_and(|at| {
        let g = &guesses[at];
        g.span.contains(mention.span) && (g.span != mention.span || g.kind != mention.kind)
    })
}

/// The items of `items` (in text order, none overlapping another: a gazetteer's mentions, a recognizer's
/// guesses) whose span, told by `span_of`, overlaps `span`: a binary search, not a walk over all of
/// them, which on a long text of repeated names took time quadratic in their number.
fn overlapping<T>(
    items: &[T],
    span: Span,
    span_of: impl Fn(&T) -> Span,
) -> impl Iterator<Item = &T> {
    let from = items.partition_point(|x| span_of(x).end <= span.start);
    items[from..]
        .iter()
        .take_while(move |x| span_of(x).start < span.end)
}

/// The item of `items` (in text order, none overlapping another) whose span starts at byte `start`.
fn starting_at<T>(items: &[T], start: usize, span_of: impl Fn(&T) -> Span) -> Option<&T> {
    let at = items.partition_point(|x| span_of(x).start < start);
    items.get(at).filter(|x| span_of(x).start == start)
}

/// محافظة جدة، منطقة مكة المكرمة: the name after a place word.
fn place_word(words: &Words<'_, '_>, i: usize, place: &Reading<'_>) -> Option<(Guess, usize)> {
    // After عاصمة a place the gazetteer does not know is rarely a place (عاصمة الثقافة، عاصمة التمور).
    if place.bare_bits & Class::PlaceWords as u16 == 0
        || FEATURE_HEADS.contains(&place.bare.as_ref())
        || matches!(place.bare.as_ref(), "عاصمة" | "عاصمه")
    {
        return None;
    }
    let k = i + 1;
    // Place words joined by و are kinds of place, no name (46 مدينة ومحافظة بمختلف مناطق المملكة).
    let joined_to_a_place_word = words.norm(i).starts_with('و')
        && words.norm(i) != place.bare
        && i.checked_sub(1)
            .is_some_and(|before| words.read(before).bare_bits & Class::PlaceWords as u16 != 0);
    if joined_to_a_place_word {
        return None;
    }
    // A place word with the article names the place already spoken of (منطقة المحافظة).
    if words
        .norm(k)
        .strip_prefix("ال")
        .is_some_and(|bare| PLACE_WORDS.contains(&bare))
    {
        return None;
    }
    let end = place_name_end(words, k)?;
    Some((
        Guess {
            span: words.span(k, end - 1),
            kind: EntityKind::Location,
            rule: "place-word",
            entity: None,
        },
        end,
    ))
}

/// One past the last token of the name a place word introduces at token `k`: one word, or two when the
/// first has no article and the second has it (مكة المكرمة); `None` when no name stands there.
/// [`Rule::NamedFacility`]: the facility or institution whose head comes right before the title at token
/// `title`, when the person's name runs from token `name` to `name_end` (طريق الملك عبدالله): from the
/// head to the name, with the name's adjective (مستشفى الملك فيصل التخصصي، مكتبة الملك فهد العامة) and an
/// institution's field
/// (مركز الأمير سلطان لطب وجراحة القلب).
fn named_facility(
    words: &Words<'_, '_>,
    title: usize,
    name: usize,
    name_end: usize,
) -> Option<(Guess, usize)> {
    let head = title.checked_sub(1)?;
    if title + 1 != name || !FACILITY_TITLES.contains(&words.norm(title)) {
        return None;
    }
    let reading = words.read(head);
    let kind = if FACILITY_HEADS.contains(&reading.bare.as_ref()) {
        EntityKind::Location
    } else if NAMED_INSTITUTION_HEADS.contains(&reading.bare.as_ref()) {
        EntityKind::Organization
    } else {
        return None;
    };
    let mut end = name_end;
    let adjective = words.norm(end);
    if end < words.len()
        && words.is_arabic(end)
        && (is_nisba(adjective) || matches!(adjective, "العامة" | "العامه"))
    {
        end += 1;
    }
    // The field: a word glued to ل, then words joined by و and definite adjectives (للبحوث والدراسات
    // الإسلامية). A library has none: what follows it is what it serves (مكتبة الملك عبدالعزيز للأطفال).
    let field = words.norm(end);
    let library = matches!(reading.bare.as_ref(), "مكتبة" | "مكتبه");
    if kind == EntityKind::Organization
        && !library
        && words.is_arabic(end)
        && field.starts_with('ل')
        && field.chars().count() >= 4
    {
        end += 1;
        while end < words.len()
            && words.is_arabic(end)
            && end - name_end < 6
            && (words.norm(end).starts_with("ال") || words.norm(end).starts_with('و'))
            && !words.is(end, Class::Titles)
        {
            end += 1;
        }
    }
    Some(words.guess_from(head, &reading.bare, end, kind, "facility"))
}

fn place_name_end(words: &Words<'_, '_>, k: usize) -> Option<usize> {
    let first = words.norm(k);
    // Not a title (مدينة الملك فهد names a person's city, ولاية رئيس الإقليم his term) nor an adjective
    // (منطقة سكنية، ولاية ثالثة).
    let adjective = first.chars().count() >= 4 && (first.ends_with("ية") || first.ends_with("يه"));
    // Nor a word glued to و that goes on the sentence (قرى وهجر، مدينة ومحافظة، منطقة وفي): a function
    // word, a place word or a feminine noun or adjective after it (وخيمة، واعدة). Names do start with و
    // (وادي الدواسر، ويسكونسن).
    let glued_word = first.strip_prefix('و').is_some_and(|rest| {
        rest.ends_with('ة') || rest.ends_with('ه') || is_place_word(rest) || is(rest, Class::Stop)
    });
    if !words.is_arabic(k)
        || glued_word
        || words.is(k, Class::Stop)
        || is_nisba(first)
        || adjective
        || NOT_PLACE_NAMES.contains(&first)
        || words.is(k, Class::PlaceWords)
        || words.is(k, Class::Titles)
        || words.is(k, Class::ConstructTitles)
    {
        return None;
    }
    // A second word joins when the first has no article and the second has it: مكة المكرمة; not an
    // adjective that places it (جبل صبر المطل على، شمدينلي التابعة لـ), nor a place word (مطار المنطقة).
    let second = words.norm(k + 1);
    let two = !first.starts_with("ال")
        && second.starts_with("ال")
        && words.is_arabic(k + 1)
        && !words.is(k + 1, Class::Stop)
        && !is_nisba(second)
        && !PLACING_ADJECTIVES.contains(&second)
        && !is_definite_head(second);
    Some(if two { k + 2 } else { k + 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proclitics_are_told_by_their_bytes() {
        for letter in '\u{0600}'..='\u{06FF}' {
            let word = format!("{letter}ا");
            assert_eq!(
                starts_with_proclitic(&word),
                ['و', 'ف', 'ب', 'ل', 'ك'].contains(&letter),
                "{letter}"
            );
        }
        assert!(!starts_with_proclitic(""));
        assert!(!starts_with_proclitic("x"));
    }

    /// [`may_start_unlisted`] lets no word shorter than four bytes through: what follows the proclitic of
    /// such a word is too short for any list a rule starts at.
    #[test]
    fn words_a_rule_starts_at_have_two_letters_at_least() {
        let lists = [
            TITLES,
            CONSTRUCT_TITLES,
            PLACE_WORDS,
            ORG_HEADS,
            PLACE_INSTITUTIONS,
            MEDIA_HEADS,
            REPORTING_VERBS,
        ];
        for word in lists.into_iter().flatten() {
            assert!(word.len() >= 4, "{word}");
        }
    }

    proptest::proptest! {
        /// The byte tests agree with the plain definitions.
        #[test]
        fn byte_tests_agree_with_the_letters(word in "[اليةهوفبكxy\u{0800}]{0,7}") {
            let proclitic = word.starts_with(['و', 'ف', 'ب', 'ل', 'ك']);
            proptest::prop_assert_eq!(starts_with_proclitic(&word), proclitic);
            let nisba_shape = word.starts_with("ال")
                && (word.ends_with('ي') || word.ends_with("يه") || word.ends_with("ية"));
            proptest::prop_assert_eq!(has_nisba_shape(&word), nisba_shape);
            if word.len() >= 4 {
                proptest::prop_assert_eq!(may_start_unlisted(&word), proclitic || nisba_shape);
            }
        }
    }

    #[test]
    fn stop_words_that_start_no_rule_are_marked_in_the_recognizer_only() {
        let inert = Class::StartsNoRule as u16;
        let recognizer = Recognizer::new();
        for word in ["في", "من", "لا", "كما"] {
            assert_ne!(recognizer.word_bits(word) & inert, 0, "{word}");
            assert_eq!(bits(word) & inert, 0, "{word}");
        }
    }
}
