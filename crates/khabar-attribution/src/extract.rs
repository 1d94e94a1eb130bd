//! The extraction rules. Each rule starts from a cue word and reads the tokens around it; a rule reports
//! an attribution only when it finds every part it needs (precision over recall).

use khabar_gazetteer::rules::Guess;
use khabar_gazetteer::{EntityKind, MatchSource, Mention};
use khabar_tokenize::{Span, TokenKind};

use crate::lexicon::{ComplementWord, Cue, CueClass, Entry, Lexicon, WordClasses};
use crate::{Attribution, AttributionKind, CueKind, Findings, SourceKind};

/// The longest source, in tokens, a rule will read.
const MAX_SOURCE: usize = 16;
/// How far after the source a complement may be, in tokens (adjuncts such as في وقت سابق sit there).
const MAX_GAP: usize = 16;
/// The longest content, in tokens.
const MAX_CONTENT: usize = 400;

/// Words that open an adjunct between a source and its content: times and occasions.
const ADJUNCT_STARTS: &[&str] = &[
    "امس",
    "اليوم",
    "الليله",
    "غدا",
    "صباح",
    "مساء",
    "ظهر",
    "خلال",
    "منذ",
    "عقب",
    "اثناء",
    "لدي",
    "ايضا",
    "كذلك",
    "يوم",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "هاتفيا",
    "مؤخرا",
    "سابقا",
    "حينها",
    "عشيه",
    "عشية",
    "فجر",
    "الاسبوع",
    "الشهر",
    "انذاك",
    "حينذاك",
    "وقتها",
];
/// Occasions with the speaker's pronoun (تصريحاته، حديثه، كلمتها): after a source, the cue's object.
const POSSESSED_OCCASIONS: &[&str] = &[
    "بيانه",
    "بيانها",
    "تصريحه",
    "تصريحها",
    "تصريحاته",
    "تصريحاتها",
    "كلمته",
    "كلمتها",
    "حديثه",
    "حديثها",
    "حواره",
    "حوارها",
    "مقابلته",
    "مقابلتها",
];
/// Nouns that after في make an occasion adjunct (في بيان، في تصريح صحفي، في وقت سابق).
const OCCASIONS: &[&str] = &[
    "فيديو",
    "مكالمة",
    "مكالمه",
    "منتدي",
    "ندوة",
    "ندوه",
    "محاضرة",
    "محاضره",
    "خطبة",
    "خطبه",
    "جلسة",
    "جلسه",
    "مداخلة",
    "مداخله",
    "حفل",
    "ورشة",
    "ورشه",
    "بيان",
    "تصريح",
    "تصريحات",
    "وقت",
    "كلمة",
    "مؤتمر",
    "حديث",
    "لقاء",
    "اتصال",
    "مقابلة",
    "تغريدة",
    "رسالة",
    "ختام",
    "افتتاح",
    "اجتماع",
    "بيانه",
    "بيانها",
    "تصريحه",
    "تصريحها",
    "تصريحاته",
    "كلمته",
    "كلمتها",
    "حديثه",
    "حديثها",
    "تغريدته",
    "تغريدات",
    "لقائه",
    "اتصاله",
    "معرض",
    "سياق",
    "رده",
    "ردها",
    "اطار",
    "حفل",
    "ندوة",
    "جلسة",
    "منشور",
    "حوار",
    "حواره",
    "حوارها",
    "مقابلته",
    "مقابلتها",
    "مقال",
    "مقاله",
    "مقالها",
    "تقرير",
    "تقريره",
    "تقريرها",
    "رسالته",
    "رسالتها",
    // Times: في ساعة مبكرة من صباح أمس، في وقت متأخر من مساء الاثنين.
    "ساعة",
    "ساعه",
    "صباح",
    "مساء",
    "ليلة",
    "ليله",
];
/// Words that, after a comma (or on their own), open a clause of the writer's and end a content.
const WRITER_CLAUSES: &[&str] = &[
    "فيما",
    "كما",
    "لكن",
    "لكنه",
    "لكنها",
    "بينما",
    "حيث",
    "الامر",
    "وهو",
    "وهي",
    "حينها",
    "جاء",
    "وذلك",
    "ولكن",
];
/// The rules' word classes, each word as the tokens' normalised forms spell it (not normalised again, so
/// that a word matches exactly the tokens it did as a list entry), for [`Lexicon`] to mark its entries.
pub(crate) fn word_classes() -> impl Iterator<Item = (String, WordClasses)> {
    let listed = [
        (ADJUNCT_STARTS, WordClasses::ADJUNCT_START),
        (OCCASIONS, WordClasses::OCCASION),
        (WRITER_CLAUSES, WordClasses::WRITER_CLAUSE),
        (NAME_HEADS, WordClasses::NAME_HEAD),
        (ADDRESSEE_HEADS, WordClasses::ADDRESSEE_HEAD),
        (POSSESSED_OCCASIONS, WordClasses::POSSESSED_OCCASION),
    ]
    .into_iter()
    .flat_map(|(words, class)| words.iter().map(move |word| (word.to_string(), class)));
    // في البيان is an occasion as much as في بيان.
    let with_article = OCCASIONS
        .iter()
        .map(|word| (format!("ال{word}"), WordClasses::OCCASION));
    listed.chain(with_article)
}

/// Words before a cue that make it part of a relative or editorial clause (وهو ما يشير، مما يؤكد), or
/// a verbal noun (طلبت عدم كشف هوياتها).
const NOT_AFTER: &[&str] = &[
    "عدم",
    "ما",
    "مما",
    "بما",
    "لما",
    "عما",
    "الذي",
    "التي",
    "ان",
    "لا",
    "لم",
    "لن",
    "قد_لا",
];
/// Heads after which a quotation holds a name, not speech (وكالة "شفق نيوز").
const NAME_HEADS: &[&str] = &[
    "وكاله",
    "وكالة",
    "موقع",
    "صحيفة",
    "صحيفه",
    "قناة",
    "قناه",
    "كتائب",
    "حركة",
    "تنظيم",
    "جماعة",
    "حزب",
    "مجلة",
    "اذاعة",
    "شبكة",
    "برنامج",
    "مسجد",
    "منظمة",
    "شركة",
    "جمعية",
    "هيئة",
    "مركز",
    "جامعة",
    "فندق",
    "ائتلاف",
    "تحالف",
];
/// Words that start with ب or ل without being a preposition glued to a content noun.
const JOINED_FUNCTION_WORDS: &[&str] = &[
    "بين",
    "بعد",
    "بدون",
    "بسبب",
    "بعض",
    "لدي",
    "لكن",
    "لان",
    "لذلك",
    "لقد",
    "لهذا",
    "بها",
    "بهم",
    "لها",
    "لهم",
    "بذلك",
    "لاسيما",
    "بينما",
];
/// Agentless passive cues whose source is null.
const PASSIVES: &[&str] = &["قيل", "يقال", "افيد", "يفاد", "اعلن_عن"];
/// What can follow بحسب/حسب before the source (بحسب ما نقلته وكالة …).
const RELAY_VERBS: &[&str] = &[
    "نقلته",
    "نقلت",
    "ذكرته",
    "ذكرت",
    "اوردته",
    "اوردت",
    "افادت",
    "افاد",
    "اعلنته",
    "نشرته",
    "قالته",
    "اكدته",
    "اوضحته",
];

/// A token as the rules see it.
struct Tok<'a> {
    span: Span,
    norm: &'a str,
    /// `norm` without one proclitic و/ف ([`strip_conjunction`]).
    bare: &'a str,
    /// What the lexicon says about `norm` and about `bare`, looked up once here for every rule.
    entry: Option<&'a Entry>,
    bare_entry: Option<&'a Entry>,
    kind: TokenKind,
    sentence: usize,
    /// A line break lies between this token and the previous one.
    new_paragraph: bool,
    /// Inside a quotation (between an opening and its closing mark, within one paragraph).
    quoted: bool,
    /// An opening mark that closes a quotation, as mistyped ([`closes_as_typed`]).
    mistyped_close: bool,
}

/// The text prepared for the rules: tokens, sentences, quotations and mentions.
struct Doc<'a> {
    text: &'a str,
    toks: Vec<Tok<'a>>,
    mentions: &'a [Mention],
    /// Names the context rules found, with no entity behind them.
    names: &'a [Guess],
    /// Whether the mentions are in text order and disjoint (as the gazetteer returns them), which lets
    /// the lookups below binary-search instead of scanning every mention for every cue.
    mentions_sorted: bool,
    /// The same for the rule-found names (as the recognizer returns them).
    names_sorted: bool,
}

/// Whether the opening mark at token `at` closes a quotation instead, as mistyped (… المتطرف « . وأوضح):
/// it comes right before a full stop, a comma or the like, a line break or the end of the text, where
/// nothing can open (an ellipsis or a bracket can: «… أكتب، «(17 فبراير)).
fn closes_as_typed(text: &str, tokens: &[khabar_tokenize::Token<'_>], at: usize) -> bool {
    let Some(next) = tokens.get(at + 1) else {
        return true;
    };
    matches!(
        next.text,
        "." | "،" | "," | "؛" | ";" | "!" | "؟" | "?" | ":"
    ) || text
        .get(tokens[at].span.end..next.span.start)
        .is_some_and(|gap| gap.contains(['\n', '\r']))
}

/// Whether `items` (mentions or names, told apart by `span_of`) are non-empty, in text order and
/// disjoint, so that [`near`] may binary-search them.
fn in_text_order<T>(items: &[T], span_of: impl Fn(&T) -> Span) -> bool {
    items.iter().all(|x| !span_of(x).is_empty())
        && items
            .windows(2)
            .all(|w| span_of(&w[0]).end <= span_of(&w[1]).start)
}

/// The items that may lie inside or overlap `span`: a sub-slice found by binary search when they are
/// [`in_text_order`] (`sorted`), all of them otherwise.
fn near<T>(items: &[T], sorted: bool, span: Span, span_of: impl Fn(&T) -> Span) -> &[T] {
    if !sorted {
        return items;
    }
    let from = items.partition_point(|x| span_of(x).end <= span.start);
    let to = items.partition_point(|x| span_of(x).start < span.end.max(span.start + 1));
    &items[from..to.max(from)]
}

fn is_opening_quote(s: &str) -> bool {
    matches!(s, "«" | "“" | "\"" | "„" | "‘" | "'")
}

fn is_closing_quote(s: &str) -> bool {
    matches!(s, "»" | "”" | "\"" | "’" | "'")
}

impl Tok<'_> {
    /// Whether `bare` differs from `norm`: it is `norm` or a shorter suffix of it, so lengths tell.
    fn has_conjunction(&self) -> bool {
        self.bare.len() < self.norm.len()
    }
}

impl<'a> Doc<'a> {
    fn new(lexicon: &'a Lexicon, text: &'a str, evidence: &Findings<'a, 'a>) -> Doc<'a> {
        let Findings {
            tokens,
            sentences,
            mentions,
            names,
        } = *evidence;
        let mut sentence = 0;
        let mut toks: Vec<Tok<'a>> = Vec::with_capacity(tokens.len());
        let mut depth = 0usize;
        let mut straight = false;
        let mut prev_end = 0;
        for (at, token) in tokens.iter().enumerate() {
            while sentences
                .get(sentence)
                .is_some_and(|s| s.end <= token.span.start)
            {
                sentence += 1;
            }
            // The gap is nearly always one space or none, told at once; otherwise a space or two, where a
            // plain loop beats a memchr call.
            let gap = &text.as_bytes()[prev_end..token.span.start];
            let new_paragraph =
                !matches!(gap, [] | [b' ']) && gap.iter().any(|&b| b == b'\n' || b == b'\r');
            if new_paragraph {
                (depth, straight) = (0, false);
            }
            prev_end = token.span.end;
            let mut quoted = depth > 0 || straight;
            let mistyped_close = token.kind == TokenKind::Quote
                && matches!(token.text, "«" | "“" | "„")
                && closes_as_typed(text, tokens, at);
            if token.kind == TokenKind::Quote {
                match token.text {
                    _ if mistyped_close => depth = depth.saturating_sub(1),
                    "«" | "“" | "„" => {
                        depth += 1;
                        quoted = true;
                    }
                    "»" | "”" => depth = depth.saturating_sub(1),
                    "\"" => {
                        straight = !straight;
                        quoted = true;
                    }
                    _ => {}
                }
            }
            let norm: &'a str = &token.norm;
            let bare = strip_conjunction(norm);
            let entry = lexicon.entry(norm);
            toks.push(Tok {
                span: token.span,
                norm,
                bare,
                entry,
                bare_entry: if bare.len() == norm.len() {
                    entry
                } else {
                    lexicon.entry(bare)
                },
                kind: token.kind,
                sentence,
                new_paragraph,
                quoted,
                mistyped_close,
            });
        }
        Doc {
            text,
            toks,
            mentions,
            names,
            mentions_sorted: in_text_order(mentions, |m| m.span),
            names_sorted: in_text_order(names, |g| g.span),
        }
    }

    /// The mentions that may lie inside or overlap `span`, a sub-slice when they are sorted.
    fn mentions_near(&self, span: Span) -> &'a [Mention] {
        near(self.mentions, self.mentions_sorted, span, |m| m.span)
    }

    /// The rule-found names that may lie inside or overlap `span`, a sub-slice when they are sorted.
    fn names_near(&self, span: Span) -> &'a [Guess] {
        near(self.names, self.names_sorted, span, |g| g.span)
    }

    fn norm(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.norm)
    }

    /// The token's normalised form without one proclitic و/ف.
    fn bare(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.bare)
    }

    /// Whether the token starts with a proclitic و/ف, i.e. `bare` differs from `norm`.
    fn has_conjunction(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Tok::has_conjunction)
    }

    /// The single-word cue the token's normalised form is.
    fn cue(&self, i: usize) -> Option<&'a Cue> {
        self.toks.get(i)?.entry?.cue.as_ref()
    }

    /// The single-word cue the token is without one proclitic و/ف.
    fn bare_cue(&self, i: usize) -> Option<&'a Cue> {
        self.toks.get(i)?.bare_entry?.cue.as_ref()
    }

    /// The complement word the token's normalised form is.
    fn complement_word(&self, i: usize) -> Option<ComplementWord> {
        self.toks.get(i)?.entry?.complement_word
    }

    /// Whether the token's normalised form is in `class`.
    fn is(&self, i: usize, class: WordClasses) -> bool {
        self.toks
            .get(i)
            .and_then(|t| t.entry)
            .is_some_and(|entry| entry.classes.contains(class))
    }

    /// Whether the token without one proclitic و/ف is in `class`.
    fn bare_is(&self, i: usize, class: WordClasses) -> bool {
        self.toks
            .get(i)
            .and_then(|t| t.bare_entry)
            .is_some_and(|entry| entry.classes.contains(class))
    }

    /// Whether the token, with or without a proclitic و/ف, is in `class` (وكالة keeps its و).
    fn is_one_of(&self, i: usize, class: WordClasses) -> bool {
        self.is(i, class) || self.bare_is(i, class)
    }

    /// The source kind the token's head noun signals.
    fn head_kind(&self, lexicon: &Lexicon, i: usize) -> Option<SourceKind> {
        lexicon
            .head_kind(self.norm(i))
            .or_else(|| lexicon.head_kind(self.bare(i)))
    }

    fn is_punct(&self, i: usize, signs: &[&str]) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punctuation && signs.contains(&t.norm))
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        b < self.toks.len() && self.toks[a].sentence == self.toks[b].sentence
    }

    fn span(&self, from: usize, to_inclusive: usize) -> Span {
        Span::new(self.toks[from].span.start, self.toks[to_inclusive].span.end)
    }

    /// The names inside `span`. Nisba adjectives (مسؤولون عراقيون) are links, not names: a source is
    /// not the country its adjective names.
    fn mentions_in(&self, span: Span) -> impl Iterator<Item = &Mention> {
        self.mentions_near(span)
            .iter()
            .filter(move |m| span.contains(m.span) && m.source != MatchSource::Nisba)
    }

    /// One past the last token of the last person's name (the gazetteer's or a rule's) that ends
    /// within tokens `from..to`.
    fn person_name_end(&self, from: usize, to: usize) -> Option<usize> {
        (from + 1..to)
            .rev()
            .find(|&k| self.person_name_ends_before(k))
    }

    /// Whether a person's name, found by the gazetteer or a rule, ends with token `k - 1`.
    fn person_name_ends_before(&self, k: usize) -> bool {
        let Some(last) = k.checked_sub(1).and_then(|at| self.toks.get(at)) else {
            return false;
        };
        let end = last.span.end;
        self.mentions_near(last.span)
            .iter()
            .any(|m| m.kind == EntityKind::Person && m.span.end == end)
            || self
                .names_near(last.span)
                .iter()
                .any(|g| g.kind == EntityKind::Person && g.span.end == end)
    }

    /// One past the last token of a name (the gazetteer's or a rule's, not a nisba) that starts with
    /// token `from`.
    fn name_end_at(&self, from: usize) -> Option<usize> {
        let first = self.toks.get(from)?.span;
        let end = self
            .mentions_near(first)
            .iter()
            .filter(|m| m.source != MatchSource::Nisba)
            .map(|m| m.span)
            .chain(self.names_near(first).iter().map(|g| g.span))
            .filter(|span| span.start == first.start)
            .map(|span| span.end)
            .max()?;
        let after = from + self.toks[from..].partition_point(|t| t.span.start < end);
        (self.toks[after - 1].span.end == end).then_some(after)
    }

    /// The tokens of the last person's name (the gazetteer's or a rule's) before token `i`, in its
    /// sentence or the two before.
    fn person_named_before(&self, i: usize) -> Option<(usize, usize)> {
        let before = self.toks.get(i)?.span.start;
        let sentence = self.toks[i].sentence;
        let last = self
            .mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person && m.span.end <= before)
            .map(|m| m.span)
            .chain(
                self.names
                    .iter()
                    .filter(|g| g.kind == EntityKind::Person && g.span.end <= before)
                    .map(|g| g.span),
            )
            .max_by_key(|span| span.end)?;
        let from = self.toks.partition_point(|t| t.span.end <= last.start);
        let to = self.toks.partition_point(|t| t.span.start < last.end);
        (from < to && self.toks[from].sentence + 2 >= sentence).then_some((from, to))
    }

    /// The closing mark of the quotation that opens at token `k` and holds at most `words` tokens:
    /// such a short quotation is rather a name than speech.
    fn short_quotation(&self, k: usize, words: usize) -> Option<usize> {
        let tok = self.toks.get(k)?;
        if tok.kind != TokenKind::Quote || !is_opening_quote(tok.norm) {
            return None;
        }
        self.closing_quote(k)
            .filter(|&close| close - k <= words + 1)
    }

    /// The closing mark of a quotation opening at token `k` right after لـ or an outlet's head noun
    /// (لـ«الحياة»، لصحيفة «عكاظ»): a name, the addressee of the words; or after an occasion (في منتدى
    /// "تمويل الطاقة الجديدة"): the occasion's name.
    fn addressee_quotation(&self, k: usize) -> Option<usize> {
        let after_addressee_head = k > 0
            && (self.is(k - 1, WordClasses::ADDRESSEE_HEAD)
                || self.is_one_of(k - 1, WordClasses::NAME_HEAD)
                || self.is(k - 1, WordClasses::OCCASION));
        after_addressee_head
            .then(|| self.short_quotation(k, 5))
            .flatten()
    }

    /// The kinds of the rule-found names inside `span`.
    fn name_kinds_in(&self, span: Span) -> impl Iterator<Item = EntityKind> {
        self.names_near(span)
            .iter()
            .filter(move |g| span.contains(g.span))
            .map(|g| g.kind)
    }

    /// Whether `span` overlaps a name, the gazetteer's (not a nisba) or a rule's.
    fn overlaps_name(&self, span: Span) -> bool {
        self.mentions_near(span)
            .iter()
            .any(|m| m.span.overlaps(span) && m.source != MatchSource::Nisba)
            || self.names_near(span).iter().any(|g| g.span.overlaps(span))
    }

    /// Index of the quotation mark closing the one at `open`, within the paragraph.
    fn closing_quote(&self, open: usize) -> Option<usize> {
        let opener = self.toks[open].norm;
        let closer: &[&str] = match opener {
            "«" => &["»"],
            "“" => &["”", "“"],
            "\"" => &["\""],
            _ => &["»", "”", "\"", "’", "'"],
        };
        (open + 1..self.toks.len().min(open + MAX_CONTENT))
            .take_while(|&k| !self.toks[k].new_paragraph)
            .find(|&k| {
                let tok = &self.toks[k];
                tok.kind == TokenKind::Quote && (closer.contains(&tok.norm) || tok.mistyped_close)
            })
    }
}

/// The proclitics و (D9 88) and ف (D9 81), each as its two bytes read as one little-endian number.
const WAW: u16 = u16::from_le_bytes([0xD9, 0x88]);
const FA: u16 = u16::from_le_bytes([0xD9, 0x81]);

/// `norm` without a proclitic و/ف followed by two letters at least. The first two bytes are compared as
/// one number: a match on the first byte alone branched on whether it is D9, as it is for half the
/// Arabic letters, and so mispredicted about every other word.
fn strip_conjunction(norm: &str) -> &str {
    match norm.as_bytes().first_chunk::<2>() {
        Some(&pair)
            if matches!(u16::from_le_bytes(pair), WAW | FA)
                && norm[2..].chars().nth(1).is_some() =>
        {
            &norm[2..]
        }
        _ => norm,
    }
}

/// A cue found at a token, with its span (without a proclitic و/ف) and how many tokens it covers.
struct CueHit<'l> {
    cue: &'l Cue,
    span: Span,
    len: usize,
}

/// Where the content starts once a complement is matched: at token `start`, and `start_byte` inside it.
#[derive(Clone, Copy)]
struct ContentStart {
    token: usize,
    byte: usize,
}

pub(crate) fn extract(
    lexicon: &Lexicon,
    text: &str,
    evidence: &Findings<'_, '_>,
) -> Vec<Attribution> {
    let doc = Doc::new(lexicon, text, evidence);
    let mut out: Vec<Attribution> = Vec::new();
    // One past the last token of the editorial formulas started so far: no cue starts inside one.
    let mut editorial_end = 0;
    for (i, tok) in doc.toks.iter().enumerate() {
        // A word the lexicon does not know starts neither a formula nor a cue.
        if tok.entry.is_none() && tok.bare_entry.is_none() {
            continue;
        }
        editorial_end = editorial_end.max(editorial_phrase_end(&doc, i));
        if i < editorial_end || tok.quoted || tok.kind != TokenKind::Arabic {
            continue;
        }
        let Some(hit) = find_cue(&doc, i) else {
            continue;
        };
        // Cues are disjoint and in text order: only the latest ones can reach this one.
        let overlapping = out
            .iter()
            .rev()
            .take_while(|a| a.cue.end > hit.span.start)
            .any(|a| a.cue.overlaps(hit.span));
        if hit.cue.class == CueClass::Optional || overlapping {
            continue;
        }
        let found = match hit.cue.kind {
            CueKind::Verb => verb(lexicon, &doc, i, &hit, &out),
            CueKind::Participle => participle(lexicon, &doc, i, &hit, &out),
            CueKind::AccordingTo => according(lexicon, &doc, i, &hit),
            CueKind::Noun | CueKind::Colon => None,
        };
        if let Some(attribution) = found {
            out.push(attribution);
        }
    }
    out
}

/// One past the last token of the longest editorial formula (يذكر أن، تجدر الإشارة إلى أن) starting at
/// token `i`, or 0 when none does.
fn editorial_phrase_end(doc: &Doc<'_>, i: usize) -> usize {
    let longest_from = |entry: Option<&Entry>| {
        entry.map_or(0, |entry| {
            entry
                .editorial
                .iter()
                .filter(|phrase| {
                    phrase
                        .iter()
                        .enumerate()
                        .skip(1)
                        .all(|(k, word)| doc.norm(i + k) == word)
                })
                .map(|phrase| (i + phrase.len()).min(doc.toks.len()))
                .max()
                .unwrap_or(0)
        })
    };
    let tok = &doc.toks[i];
    let bare_end = if tok.has_conjunction() {
        longest_from(tok.bare_entry)
    } else {
        0
    };
    longest_from(tok.entry).max(bare_end)
}

fn find_cue<'l>(doc: &Doc<'l>, i: usize) -> Option<CueHit<'l>> {
    let token = &doc.toks[i];
    let stripped_span = || {
        // Skip the proclitic letter and any marks after it in the original text.
        let original = &doc.text[token.span.range()];
        let mut chars = original.char_indices().skip(1);
        let start = chars
            .find(|&(_, c)| !khabar_tokenize::chars::is_arabic_word_mark(c))
            .map_or(token.span.start, |(at, _)| token.span.start + at);
        Span::new(start, token.span.end)
    };
    let hit = |entry: &'l Entry, span: Span| {
        if let Some((_, cue)) = entry
            .two_word_cues
            .iter()
            .find(|(second, _)| doc.norm(i + 1) == second)
        {
            return Some(CueHit { cue, span, len: 2 });
        }
        let cue = entry.cue.as_ref()?;
        Some(CueHit { cue, span, len: 1 })
    };
    token
        .entry
        .and_then(|entry| hit(entry, token.span))
        .or_else(|| {
            token
                .has_conjunction()
                .then_some(token.bare_entry)
                .flatten()
                .and_then(|entry| hit(entry, stripped_span()))
        })
}

/// The participle قائلا ("saying") in its forms, normalised: after a verb, a second word for one report.
const SAYING: [&str; 3] = ["قائلا", "قائلة", "قائلين"];
/// أن and إن with their pronoun suffixes, normalised (both fold to ان).
const INNA_FORMS: [&str; 6] = ["ان", "انه", "انها", "انهم", "انهما", "اننا"];

/// Where the content starts after a participle or a verb right after the cue, the second word of one
/// report (وأوضح قائلا: «…»، وأضاف موضحا أن …، وتابع يقول: …): past that word's own complement, or past a
/// colon, or at a quotation (the annotation guide keeps the first verb as the cue).
fn second_word(doc: &Doc<'_>, at: usize) -> Option<ContentStart> {
    let hit = find_cue(doc, at)?;
    let second = match hit.cue.kind {
        CueKind::Participle => true,
        // وتابع يقول: …, but not a verb of its own clause (وقال ويضيف).
        CueKind::Verb => !doc.has_conjunction(at),
        _ => false,
    };
    if hit.cue.class != CueClass::Main || !second {
        return None;
    }
    // Whom the words were said to may come between (ويوضح قائلا لـ«الشرق الأوسط» إنه …).
    find_complement(doc, hit.cue, at + hit.len, true)
        .filter(|start| start.token <= at + MAX_SECOND_WORD_GAP)
}

/// The most tokens from a second word to its content ([`second_word`]).
const MAX_SECOND_WORD_GAP: usize = 8;

/// Words that start no object: prepositions, adverbs of time and the like, after which the clause goes on
/// to its complement or ends.
const NOT_AN_OBJECT: [&str; 16] = [
    "في",
    "علي",
    "من",
    "عن",
    "الي",
    "مع",
    "امس",
    "اليوم",
    "خلال",
    "بعد",
    "قبل",
    "عبر",
    "لدي",
    "ان",
    "انه",
    "ايضا",
];

/// أعلنت شركة تبوك الزراعية تطورات …: a cue that may take its content directly, with no complement in
/// the sentence, has it as an object right after a subject that is a name (the gazetteer's or a rule's)
/// starting at token `from`; also returns where the subject ends.
/// What follows the name is no object when it goes on describing the subject: an adjective (وزارة
/// الداخلية السعودية), an apposition with a head noun (سيرغي لافروف وزير الخارجية), a place with a
/// preposition (جامعة الملك فيصل بالأحساء), another name, the next of a list (وكوبا) or whom the words
/// were said to (لموقع ناديه).
fn object_after_name(
    lexicon: &Lexicon,
    doc: &Doc<'_>,
    cue: &Cue,
    from: usize,
) -> Option<(ContentStart, usize)> {
    // قال reports speech; after حث، دعا … the object is whom the call is addressed to.
    if !cue.complements.direct
        || cue.class != CueClass::Main
        || cue.lemma == "قال"
        || ADDRESSED_VERBS.contains(&cue.lemma.as_str())
    {
        return None;
    }
    // The subject's own adjective stays with it (وزارة الداخلية السعودية), and a time or an occasion
    // may come between (، أمس،).
    let mut subject_end = doc.name_end_at(from)?;
    if is_nisba_shaped(doc.norm(subject_end)) {
        subject_end += 1;
    }
    let mut object = subject_end;
    loop {
        while doc.is_punct(object, &["،", ","]) {
            object += 1;
        }
        let next = skip_adjunct(doc, object);
        if next == object {
            break;
        }
        object = next;
    }
    let tok = doc
        .toks
        .get(object)
        .filter(|_| doc.same_sentence(from, object))?;
    let norm = tok.norm;
    let describes_subject = is_nisba_shaped(norm)
        || lexicon.head_kind(norm).is_some()
        || norm.starts_with(['و', 'ل'])
        || ["بال", "كال"].iter().any(|p| norm.starts_with(p))
        || doc.name_end_at(object).is_some();
    let plausible =
        tok.kind == TokenKind::Arabic && !NOT_AN_OBJECT.contains(&norm) && !describes_subject;
    plausible.then_some((
        ContentStart {
            token: object,
            byte: tok.span.start,
        },
        subject_end,
    ))
}

/// Where the person accused starts, when the subject read after اتهم ends with a person's name right
/// before the charge at token `charge` (اتهم زعيم حزب معارض مؤيد للأكراد اردوغان بشن …، اتهم وزير الخارجية
/// جون كيري بشار الأسد بارتكاب …): that name is the object, not the end of the subject. Only when the subject
/// keeps a word before it.
fn accused_name_start(doc: &Doc<'_>, after: usize, charge: usize) -> Option<usize> {
    if charge <= after + 1 {
        return None;
    }
    let source = doc.span(after, charge - 1);
    let name_start = doc
        .mentions_in(source)
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| m.span)
        .chain(
            doc.names_near(source)
                .iter()
                .filter(|g| g.kind == EntityKind::Person && source.contains(g.span))
                .map(|g| g.span),
        )
        .filter(|span| span.end == source.end)
        .map(|span| span.start)
        .min()?;
    let token = doc.toks.partition_point(|t| t.span.end <= name_start);
    (token > after && doc.toks[token].span.start == name_start).then_some(token)
}

/// Whether `norm` has the article and the ending of a relational adjective (السعودية، الأمريكي).
fn is_nisba_shaped(norm: &str) -> bool {
    norm.starts_with("ال") && (norm.ends_with('ي') || norm.ends_with("ية") || norm.ends_with("يه"))
}

/// Matches one of the cue's complements at token `k`: returns where the content starts. The longest
/// complement wins (إلى أن over إلى).
fn complement_at(doc: &Doc<'_>, cue: &Cue, k: usize, allow_direct: bool) -> Option<ContentStart> {
    let tok = doc.toks.get(k)?;
    let complements = &cue.complements;
    let fits = |len: usize| k + len < doc.toks.len();
    // A word complement can only match from a complement word, which most tokens are not.
    let words = tok
        .entry
        .and_then(|entry| entry.complement_word)
        .and_then(|word| {
            complements
                .phrases
                .iter()
                .find(|phrase| {
                    fits(phrase.len())
                        && phrase
                            .iter()
                            .enumerate()
                            .all(|(n, &w)| doc.complement_word(k + n) == Some(w))
                })
                .map(Vec::len)
                .or_else(|| (complements.has_single_word(word) && fits(1)).then_some(1))
        });
    let colon = || (complements.colon && fits(1) && doc.is_punct(k, &[":"])).then_some(1);
    let direct = || {
        complements.direct
            && allow_direct
            && tok.kind == TokenKind::Quote
            && is_opening_quote(tok.norm)
    };
    let joined = || {
        complements
            .joined
            .iter()
            .any(|&letter| starts_with_joined_preposition(doc, k, letter))
    };
    // What introduces the words after قائلا (أضاف قائلا: «…»، وتابع قائلا إن …) belongs to neither the
    // cue nor the content, nor does a colon after any word complement.
    let words = words.map(|len| {
        let saying = SAYING.contains(&doc.norm(k + len - 1));
        let next = doc.norm(k + len);
        let introducer = doc.is_punct(k + len, &[":"]) || (saying && INNA_FORMS.contains(&next));
        len + usize::from(fits(len + 1) && introducer)
    });
    let len = words
        .or_else(colon)
        .or_else(|| (direct() || joined()).then_some(0))?;
    Some(ContentStart {
        token: k + len,
        byte: doc.toks[k + len].span.start,
    })
}

/// Whether token `k` is a content word carrying the preposition `letter` (بضرورة، لتعزيز), not a function
/// word, a name or the object of another preposition.
fn starts_with_joined_preposition(doc: &Doc<'_>, k: usize, letter: char) -> bool {
    let tok = &doc.toks[k];
    let after_preposition =
        || k > 0 && matches!(doc.norm(k - 1), "من" | "في" | "عن" | "علي" | "الي" | "مع");
    tok.kind == TokenKind::Arabic
        && tok.norm.starts_with(letter)
        && tok.norm.chars().count() >= 4
        && !after_preposition()
        && !JOINED_FUNCTION_WORDS
            .iter()
            .any(|w| tok.norm.starts_with(w))
        && !doc.overlaps_name(tok.span)
}

/// Whether token `k` opens an adjunct that ends a source: a time word, في + occasion, لـ + addressee.
fn opens_adjunct(doc: &Doc<'_>, k: usize) -> bool {
    let norm = doc.norm(k);
    let next = doc.norm(k + 1);
    // في with a noun carrying a possessive pronoun is an occasion too: في دليلها، في كلمته.
    let possessed = || {
        next.chars().count() >= 4
            && (next.ends_with("ها") || next.ends_with("هم") || next.ends_with('ه'))
    };
    doc.is(k, WordClasses::ADJUNCT_START)
        || (norm == "في" && (doc.is(k + 1, WordClasses::OCCASION) || possessed()))
        || (norm == "بعد" && next == "ذلك")
        // The medium: عبر حسابه، عبر الهاتف، عبر تصريح.
        || norm == "عبر"
        || doc.is(k, WordClasses::ADDRESSEE_HEAD)
        || doc.is(k, WordClasses::POSSESSED_OCCASION)
        // هذا الأسبوع، هذا الشهر.
        || (matches!(norm, "هذا" | "هذه") && matches!(next, "الاسبوع" | "الشهر"))
}

/// Words that open a clause after و (وفي، وقد، وكان …): a content starting with one of them leaves the و out.
const CLAUSE_STARTERS: &[&str] = &[
    "في",
    "قد",
    "كان",
    "كانت",
    "من",
    "مع",
    "هو",
    "هي",
    "بذلك",
    "لم",
    "لا",
    "لو",
    "لكن",
    "رغم",
    "بعد",
    "بعدما",
    "قبل",
    "بالتالي",
    "بالنسبة",
    "اضافه",
    "اضافة",
    "لان",
    "بدلا",
    "بخلاف",
    "لاحقا",
    "اذا",
    "ان",
    "ما",
    "منذ",
    "عند",
    "علي",
    "حتي",
    "هذا",
    "هذه",
    "ذلك",
    "تم",
    "سيتم",
    "بينما",
    "فيما",
    "كما",
];

/// Verbs whose subject is followed by whom the call is addressed to, then the content's preposition
/// (حث X المسؤولين على …، دعا X المواطنين إلى …).
const ADDRESSED_VERBS: &[&str] = &["حث", "ناشد", "طالب", "دعا"];

/// Prepositions, normalised, a source never starts with: what follows them is a topic or an adjunct. Not
/// على, which folds to the name علي.
const PREPOSITIONS: &[&str] = &[
    "ب", "ل", "في", "من", "عن", "الي", "مع", "حول", "لدي", "منذ", "خلال",
];

/// Relative pronouns, normalised: after a comma they open a relative clause, no apposition.
const RELATIVE_PRONOUNS: &[&str] = &[
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللواتي",
    "اللاتي",
];

/// Words that take عن inside a noun phrase (بيان صادر عن الوزارة، المسؤول عن الأمن، نيابة عن).
const NOUNS_TAKING_AN: &[&str] = &[
    // The verb too: بيان صدر عن مكتب الحاكم.
    "صدر",
    "صادر",
    "صادره",
    "صادرة",
    "الصادر",
    "الصادره",
    "الصادرة",
    "مسؤول",
    "مسؤوله",
    "مسؤولة",
    "المسؤول",
    "المسؤوله",
    "المسؤولة",
    "ممثل",
    "ممثلا",
    "نيابه",
    "نيابة",
];

/// لـ, alone or glued to an outlet's head or to the press: whom the words were said to follows (قال
/// لـ«الحياة»، لصحيفة «عكاظ»، للصحفيين).
const ADDRESSEE_HEADS: &[&str] = &[
    "ل",
    "لوكاله",
    "لوكالة",
    "لصحيفه",
    "لصحيفة",
    "لجريده",
    "لجريدة",
    "لمجله",
    "لمجلة",
    "لقناه",
    "لقناة",
    "لشبكه",
    "لشبكة",
    "لاذاعه",
    "لاذاعة",
    "لموقع",
    "لمحطه",
    "لمحطة",
    "لراديو",
    "لتلفزيون",
    "للوكاله",
    "للوكالة",
    "للصحيفه",
    "للصحيفة",
    "للقناه",
    "للقناة",
    "للموقع",
    "للمحطه",
    "للمحطة",
    "للتلفزيون",
    "للصحفيين",
    "للصحافيين",
    "للصحافة",
];

/// Whether tokens `from..to` hold no participle-shaped word and no reporting verb or participle (an
/// apposed name does not; مضيفا and وقال do).
fn lexicon_free(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    (from..to).all(|k| {
        let bare = doc.bare(k);
        let participle_shaped =
            bare.starts_with('م') && bare.ends_with('ا') && bare.chars().count() >= 5;
        !participle_shaped && !reports_at(doc, k)
    })
}

/// Whether token `k`, after a comma, opens a clause or an adjunct rather than an apposition: و with a
/// clause word (، ومن المتوقع، ، وهو محق), a preposition or an adverb of time or number (، في الشهر
/// الماضي، ، أكثر من مرة). (A relative clause is read before, by [`relative_clause_end`].)
fn opens_clause(doc: &Doc<'_>, k: usize) -> bool {
    (doc.has_conjunction(k) && CLAUSE_STARTERS.contains(&doc.bare(k)))
        || PREPOSITIONS.contains(&doc.norm(k))
        || matches!(doc.norm(k), "قبل" | "بعد" | "اكثر" | "مرة")
}

/// Whether an according-to word (وفقا، بحسب) stands at token `k`, with or without و.
fn according_at(doc: &Doc<'_>, k: usize) -> bool {
    [doc.cue(k), doc.bare_cue(k)]
        .iter()
        .any(|cue| cue.is_some_and(|c| c.kind == CueKind::AccordingTo))
}

/// Whether a reporting verb or participle of the main list stands at token `k`.
fn reports_at(doc: &Doc<'_>, k: usize) -> bool {
    let tok = &doc.toks[k];
    (tok.entry.is_some() || tok.bare_entry.is_some())
        && find_cue(doc, k).is_some_and(|hit| {
            hit.cue.class == CueClass::Main
                && matches!(hit.cue.kind, CueKind::Verb | CueKind::Participle)
        })
}

/// Skips the adjuncts (أمس، أيضا، في بيان له، في تصريح صحفي) that stand between a cue and its source;
/// returns where the source starts.
fn skip_adjunct(doc: &Doc<'_>, from: usize) -> usize {
    // Adjuncts can stack: في بيان امس، أمس في تصريح صحفي.
    let mut at = from;
    for _ in 0..3 {
        let next = skip_one_adjunct(doc, at);
        if next == at {
            break;
        }
        at = next;
    }
    at
}

/// Skips a single adjunct at `from`, if one starts there.
fn skip_one_adjunct(doc: &Doc<'_>, from: usize) -> usize {
    if !opens_adjunct(doc, from) || doc.norm(from) == "ل" {
        return from;
    }
    let mut k = from + 1;
    if doc.norm(from) == "في" || doc.norm(from) == "بعد" {
        k += 1;
        // The occasion's modifiers: له، صحفي، سابق، الأخير.
        while k < doc.toks.len()
            && k - from < 5
            && doc.toks[k].kind == TokenKind::Arabic
            && (matches!(
                doc.norm(k),
                "له" | "لها"
                    | "لهم"
                    | "صحفي"
                    | "صحافي"
                    | "صحفيه"
                    | "صحفية"
                    | "سابق"
                    | "سابقه"
                    | "سابقة"
                    | "مشترك"
                    | "رسمي"
                    | "رسميه"
                    | "رسمية"
                    | "مقتضب"
                    | "خاص"
                    | "خاصه"
                    | "خاصة"
                    | "متلفز"
            ) || (doc.norm(k).starts_with("ال")
                && !matches!(doc.norm(k), "الي" | "الا" | "الذي" | "التي" | "الذين")))
        {
            k += 1;
        }
    } else if doc.norm(from) == "عبر" {
        // The medium and what qualifies it, up to a complement word or a cue: عبر حسابه الرسمي بموقع
        // «تويتر»، عبر الهاتف.
        while k < doc.toks.len() && k - from < 8 {
            let tok = &doc.toks[k];
            let qualifies = matches!(tok.kind, TokenKind::Arabic | TokenKind::Latin)
                && doc.complement_word(k).is_none()
                && doc.cue(k).is_none()
                && doc.bare_cue(k).is_none();
            if qualifies {
                k += 1;
            } else if let Some(close) = doc.short_quotation(k, 5) {
                k = close + 1;
            } else {
                break;
            }
        }
    } else if matches!(doc.norm(from), "الاسبوع" | "الشهر" | "هذا" | "هذه") {
        // الأسبوع الماضي، هذا الأسبوع، الشهر المقبل.
        if matches!(doc.norm(from), "هذا" | "هذه") {
            k += 1;
        }
        if matches!(doc.norm(k), "الماضي" | "المقبل" | "الجاري" | "الحالي")
        {
            k += 1;
        }
    } else if doc.is(from, WordClasses::ADJUNCT_START)
        && doc.norm(from) != "خلال"
        && doc.norm(from) != "منذ"
    {
        // اليوم الثلاثاء، أمس الأحد: a day name may follow.
        if matches!(
            doc.norm(k),
            "الاحد"
                | "الاثنين"
                | "الثلاثاء"
                | "الاربعاء"
                | "الخميس"
                | "الجمعة"
                | "الجمعه"
                | "السبت"
        ) {
            k += 1;
        }
    } else {
        return from;
    }
    k
}

/// Reads a source noun phrase from token `from`: up to a complement of `cue`, an adjunct, punctuation
/// or the sentence end. Quotations after a name head (وكالة "شفق نيوز") stay inside. Returns the index
/// one past its last token.
fn read_source(doc: &Doc<'_>, cue: &Cue, from: usize) -> usize {
    let mut k = from;
    while k < doc.toks.len()
        && k - from < MAX_SOURCE
        && doc.same_sentence(from, k)
        && (k == from || !doc.toks[k].new_paragraph)
    {
        let tok = &doc.toks[k];
        // Another report ends the source where it is one for sure: a participle (واصفا، قائلا), a verb
        // glued to و/ف (… صاحب المطعم، ويضيف: …), or a verb right after the cue (وتابع يقول: …). A verb
        // inside the source's own phrase stays (مصدر طلب عدم كشف اسمه).
        if reports_at(doc, k) {
            let hit = find_cue(doc, k);
            let participle = hit
                .as_ref()
                .is_some_and(|hit| hit.cue.kind == CueKind::Participle);
            // A verb right before its own complement introduces the words too (أضاف البروفسور هيكمان
            // يقول: …).
            let before_its_complement = hit
                .as_ref()
                .is_some_and(|hit| complement_at(doc, hit.cue, k + hit.len, true).is_some());
            if participle || k == from || doc.has_conjunction(k) || before_its_complement {
                break;
            }
        }
        if tok.kind == TokenKind::Quote {
            let names_a_name = k > from && doc.is_one_of(k - 1, WordClasses::NAME_HEAD);
            // A short quotation right before the cue's complement ends the source's name (من شركة
            // «كولييرز إنترناشونال» إن …); speech would follow the complement, not precede it.
            let name_before_complement = |close: usize| {
                k > from
                    && close - k <= 5
                    && (complement_at(doc, cue, close + 1, false).is_some()
                        || (doc.is_punct(close + 1, &["،", ","])
                            && complement_at(doc, cue, close + 2, false).is_some()))
            };
            // A word or two quoted right after the cue is the speaker's name, as news marks a name
            // it has just introduced (وأبدى "المقبل" دهشته).
            let quoted_speaker = k == from && doc.short_quotation(k, 2).is_some();
            match doc.closing_quote(k) {
                Some(close)
                    if names_a_name
                        || quoted_speaker
                        || doc.overlaps_name(doc.span(k, close)) && close - k <= 6
                        || name_before_complement(close) =>
                {
                    k = close + 1;
                    continue;
                }
                _ => break,
            }
        }
        // After حث، دعا … what follows the comma is whom the call is addressed to (حث وكيل الإمارة،
        // مديري التعليم على …), no apposition.
        if k > from && doc.is_punct(k, &["،", ","]) && ADDRESSED_VERBS.contains(&cue.lemma.as_str())
        {
            break;
        }
        if k > from && doc.is_punct(k, &["،", ","]) && RELATIVE_PRONOUNS.contains(&doc.norm(k + 1))
        {
            // A relative clause that identifies the source stays in it, as the guide asks, when the
            // complement ends it (التقرير، الذي أعدته «شركة آسيا للاستثمار»: …، الرجل، الذي رفض ذكر
            // اسمه، إن …).
            if let Some(end) = relative_clause_end(doc, cue, k + 1) {
                k = end;
            }
            break;
        }
        if k > from && doc.is_punct(k, &["،", ","]) {
            // An apposed name after a comma stays in the source when the complement, a comma or an
            // adjunct (whom it was said to, when) follows it: مسؤول إعلام الحشد الشعبي، علي الحسيني، أن
            // …، مسؤول إعلام الحشد الشعبي، علي الحسيني لـ”راديو سوا” إن …
            let ends_apposition = |j: usize| {
                complement_at(doc, cue, j, true).is_some()
                    || doc.is_punct(j, &["،", ","])
                    || opens_adjunct(doc, j)
            };
            let apposed = (k + 1..(k + 5).min(doc.toks.len()))
                .find(|&j| ends_apposition(j) || doc.toks[j].kind != TokenKind::Arabic)
                .filter(|&j| ends_apposition(j));
            match apposed {
                Some(j)
                    if j > k + 1
                        && !doc.bare_is(k + 1, WordClasses::WRITER_CLAUSE)
                        && !opens_adjunct(doc, k + 1)
                        && !opens_clause(doc, k + 1)
                        && !(k + 1..j).any(|x| according_at(doc, x))
                        && lexicon_free(doc, k + 1, j) =>
                {
                    k = j;
                    break;
                }
                _ => break,
            }
        }
        // عن after صدر، صادر، مسؤول … belongs to the source's phrase (بيان صدر عن مكتب الحاكم), not the
        // cue's complement (أعلن عن).
        let an_of_the_phrase = tok.norm == "عن" && NOUNS_TAKING_AN.contains(&doc.bare(k - 1));
        if tok.kind == TokenKind::Punctuation
            || (k > from && !an_of_the_phrase && complement_at(doc, cue, k, true).is_some())
        {
            break;
        }
        // A second reporting verb glued to و starts a new clause: وقال بيان … ودعا …
        let glued_verb =
            doc.has_conjunction(k) && doc.bare_cue(k).is_some_and(|c| c.kind == CueKind::Verb);
        // So does an according-to phrase: وأكدت الحكومة وفقا لوكالة …
        let according = according_at(doc, k);
        // A quantifier after the source opens the verb's object: ناشدت الحكومة اليمنية جميع الأطباء.
        let object = k > from + 1 && matches!(doc.bare(k), "جميع" | "كافة" | "كل");
        // عن before a colon opens the topic: قال الحريري عن العمليات العسكرية: «…»; not after a word
        // that takes عن inside a noun phrase (بيان صادر عن الوزارة، المسؤول عن الأمن).
        let topic = doc.norm(k) == "عن"
            && !NOUNS_TAKING_AN.contains(&doc.bare(k - 1))
            && find_complement(doc, cue, k + 1, false)
                .is_some_and(|start| doc.is_punct(start.token - 1, &[":"]));
        if k > from && (opens_adjunct(doc, k) || glued_verb || according || object || topic) {
            break;
        }
        k += 1;
    }
    k
}

/// One past the last token of the relative clause opening at token `at` in a source, when `cue`'s
/// complement (not a quotation: that is part of the clause, a name) follows it at once or after a comma.
fn relative_clause_end(doc: &Doc<'_>, cue: &Cue, at: usize) -> Option<usize> {
    let end = doc.toks.len().min(at + MAX_RELATIVE_CLAUSE);
    let mut j = at + 1;
    while j < end && doc.same_sentence(at, j) {
        if let Some(close) = doc.short_quotation(j, 5) {
            j = close + 1;
            continue;
        }
        if complement_at(doc, cue, j, false).is_some() {
            return Some(j);
        }
        if doc.is_punct(j, &["،", ","]) && complement_at(doc, cue, j + 1, false).is_some() {
            return Some(j);
        }
        // Punctuation, or another report for sure (a participle: … التصاميم مشيرًا إلى; a verb glued to
        // و), ends the clause with no complement; a verb alone may be the clause's own (عدم ذكر اسمه).
        let another_report = reports_at(doc, j)
            && (doc.has_conjunction(j)
                || find_cue(doc, j).is_some_and(|hit| hit.cue.kind == CueKind::Participle));
        if doc.toks[j].kind == TokenKind::Punctuation || another_report {
            return None;
        }
        j += 1;
    }
    None
}

/// Most tokens of a relative clause in a source, its pronoun included.
const MAX_RELATIVE_CLAUSE: usize = 12;

/// After a source, skips adjuncts to the first complement within reach in the same sentence.
fn find_complement(
    doc: &Doc<'_>,
    cue: &Cue,
    from: usize,
    allow_direct: bool,
) -> Option<ContentStart> {
    let end = doc.toks.len().min(from + MAX_GAP);
    let mut k = from;
    while k < end && (k == from || doc.same_sentence(from.saturating_sub(1), k)) {
        // A reporting verb glued to و/ف starts a report of its own (صاحب المطعم، ويضيف: …).
        if k > from && doc.has_conjunction(k) && reports_at(doc, k) {
            return None;
        }
        // A quotation right after لـ or an outlet's head, with the complement after it, names whom the
        // words were said to (قال لـ«الحياة» إن …، لصحيفة «عكاظ»: …): it is no speech.
        let after_addressee = doc
            .addressee_quotation(k)
            .and_then(|close| complement_after_addressee(doc, cue, k, close, end, allow_direct));
        if let Some(start) = after_addressee.or_else(|| complement_at(doc, cue, k, allow_direct)) {
            return Some(start);
        }
        k += 1;
    }
    None
}

/// The complement after the addressee quotation that opens at token `open` and closes at `close`,
/// before token `end`: right after it, past the outlet's adjective, a time adjunct and a bracket
/// (لشبكة «سي إن إن» الإخبارية أمس (الاثنين)، إن …), or the next أن / إن / بأن or colon in the
/// sentence before any quotation (غداة لقائه خادم الحرمين إن …). A preposition there (على) would rather
/// belong to the adjunct.
fn complement_after_addressee(
    doc: &Doc<'_>,
    cue: &Cue,
    open: usize,
    close: usize,
    end: usize,
    allow_direct: bool,
) -> Option<ContentStart> {
    let mut next = close + 1;
    if doc.toks.get(next).is_some_and(|t| {
        t.kind == TokenKind::Arabic && t.norm.starts_with("ال") && t.norm.ends_with(['ي', 'ة', 'ه'])
    }) {
        next += 1;
    }
    next = skip_adjunct(doc, next);
    if doc
        .toks
        .get(next)
        .is_some_and(|t| t.kind == TokenKind::Punctuation && t.norm == "(")
    {
        next = (next..doc.toks.len().min(next + 4))
            .find(|&j| doc.toks[j].norm == ")")
            .map_or(next, |j| j + 1);
    }
    next += usize::from(doc.is_punct(next, &["،", ","]));
    complement_at(doc, cue, next, allow_direct).or_else(|| {
        let clause_word = |j: usize| {
            doc.norm(j).trim_start_matches('ب').starts_with("ان") || doc.is_punct(j, &[":"])
        };
        (next..end)
            .take_while(|&j| doc.same_sentence(open, j) && doc.toks[j].kind != TokenKind::Quote)
            .filter(|&j| clause_word(j))
            .find_map(|j| complement_at(doc, cue, j, false))
    })
}

/// Where a content starting at `start` ends (index of its last token): at the sentence end outside
/// quotations, before a comma that opens a participle, an according-to phrase, a writer's clause or a
/// new reporting verb, before a semicolon, or at the paragraph end.
fn content_end(doc: &Doc<'_>, start: usize, cue: usize) -> usize {
    let mut depth = 0usize;
    let mut straight = false;
    let mut last = start;
    // Where the last quotation closed: what follows it is read as after a comma.
    let mut closed_at = None;
    let limit = doc.toks.len().min(start + MAX_CONTENT);
    for k in start..limit {
        let tok = &doc.toks[k];
        if k > start && tok.new_paragraph {
            break;
        }
        if tok.kind == TokenKind::Quote {
            match tok.norm {
                _ if tok.mistyped_close => depth = depth.saturating_sub(1),
                "«" | "“" => depth += 1,
                "»" | "”" => depth = depth.saturating_sub(1),
                "\"" => straight = !straight,
                _ => {}
            }
            if depth == 0 && !straight {
                closed_at = Some(k);
            }
            last = k;
            continue;
        }
        let open = depth > 0 || straight;
        if !open && k > start {
            // A full stop after a one-letter abbreviation (د. أسامة البار، م. خالد) ends nothing; after
            // a year's (2013م.، 1436هـ.) it ends the sentence.
            let abbreviation = doc.is_punct(k, &["."])
                && doc.toks[k - 1].kind == TokenKind::Arabic
                && doc.norm(k - 1).chars().count() == 1
                && !(k >= 2 && doc.toks[k - 2].kind == TokenKind::Number);
            if doc.is_punct(k, &[".", "!", "؟", "?", "…", "..", "...", "؛", ";"]) && !abbreviation
            {
                break;
            }
            let comma = doc.is_punct(k, &["،", ",", "-", "–"]);
            let after_quotation = closed_at == Some(k - 1);
            let next = if comma { k + 1 } else { k };
            if ends_before(doc, next, comma || after_quotation, cue) {
                break;
            }
        }
        last = k;
    }
    // Trailing punctuation stays outside, except a bracket that closes one opened inside (… 25 تموز
    // (يوليو)).
    while last > start
        && doc.toks[last].kind == TokenKind::Punctuation
        && !closes_a_bracket_inside(doc, start, last)
    {
        last -= 1;
    }
    last
}

/// Whether token `last` is a closing bracket whose opening bracket stands in `start..last`, unclosed.
fn closes_a_bracket_inside(doc: &Doc<'_>, start: usize, last: usize) -> bool {
    let (open, close) = match doc.norm(last) {
        ")" => ("(", ")"),
        "]" => ("[", "]"),
        _ => return false,
    };
    let count = |bracket: &str| (start..last).filter(|&k| doc.norm(k) == bracket).count();
    count(open) > count(close)
}

/// Whether a content reported by the cue at token `reported_by` stops before token `k` (which follows a
/// comma when `after_comma`).
fn ends_before(doc: &Doc<'_>, k: usize, after_comma: bool, reported_by: usize) -> bool {
    let Some(tok) = doc.toks.get(k) else {
        return false;
    };
    if tok.kind != TokenKind::Arabic {
        return false;
    }
    let cue = doc.cue(k).or_else(|| doc.bare_cue(k));
    match cue {
        // A feminine participle after a masculine cue describes someone the words are about, not the
        // speaker (وأكد مصدر أن الميليشيات حددت مهلة …، متوعدة بوضع حد …), unless it is one that news
        // uses to go on with the speaker's words whatever the speaker's gender (مشيرة، مضيفة).
        Some(cue)
            if cue.kind == CueKind::Participle
                && !(gender_of(doc, reported_by) == Some(Gender::Masculine)
                    && gender_of(doc, k) == Some(Gender::Feminine)
                    && !CONTINUING_LEMMAS.contains(&cue.lemma.as_str())) =>
        {
            return after_comma || (1..=3).any(|n| complement_at(doc, cue, k + n, false).is_some());
        }
        Some(cue) if cue.kind == CueKind::AccordingTo && after_comma => return true,
        // و + a reporting verb starts the next report, after a comma or not (… بالآراء التي تسمعها وقالت
        // إنها …); a homograph (وبين: and between) only after a comma, and nothing after ما or حد, where
        // the word is a relative clause's or an idiom's (ما وصفته بـ، على حد وصفه).
        Some(cue) if cue.kind == CueKind::Verb && after_comma && doc.has_conjunction(k) => {
            return true;
        }
        _ if !after_comma
            && doc.has_conjunction(k)
            && doc
                .bare_cue(k)
                .is_some_and(|c| c.kind == CueKind::Verb && c.class == CueClass::Main)
            && k.checked_sub(1)
                .is_some_and(|p| !matches!(doc.norm(p), "ما" | "حد" | "من")) =>
        {
            return true;
        }
        _ => {}
    }
    if !after_comma {
        let next = doc.norm(k + 1);
        return matches!(tok.norm, "بينما" | "وبينما")
            || (matches!(tok.norm, "وهو" | "وهي" | "مما") && next == "ما")
            || (tok.norm == "الامر" && next == "الذي")
            || (tok.norm == "في" && next == "حين");
    }
    // ، كما or ، حيث + a reporting verb is the writer's next report (، كما صرح المتحدث، حيث يقول
    // محللون); with anything else they go on with what was said (أوضحت الوزارة أن …، كما تم ضبط …،
    // حيث إن …), and so they do with a verb kept only for overt speakers when no speaker follows it
    // (كما تطرق اللقاء إلى …, but كما تحدث وزير الخارجية فرانك فالتر شتاينمير، كما ناقش المجتمعون).
    if matches!(tok.norm, "كما" | "حيث") {
        return doc
            .cue(k + 1)
            .or_else(|| doc.bare_cue(k + 1))
            .is_some_and(|cue| {
                // A speaker after it: a name, or people named by a masculine plural (المجتمعون).
                let subject = doc.norm(k + 2);
                let people = subject.ends_with("ون") || subject.ends_with("ين");
                let names_follow = k + 3 < doc.toks.len().min(k + 8)
                    && doc.overlaps_name(doc.span(k + 2, (k + 7).min(doc.toks.len() - 1)));
                cue.class != CueClass::Optional || names_follow || people
            });
    }
    doc.is_one_of(k, WordClasses::WRITER_CLAUSE) || tok.norm == "الامر"
}

/// The grammatical gender of a reporting word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
}

/// The gender the word at token `k` shows, where its form tells: a participle in ة (مضيفة) is feminine;
/// one in ا (مضيفا), and a verb with neither the feminine ت of the past nor the ت of the present (أكد،
/// قال، يقول), masculine.
fn gender_of(doc: &Doc<'_>, k: usize) -> Option<Gender> {
    let word = doc.bare(k);
    if word.ends_with('ة') {
        Some(Gender::Feminine)
    } else if word.ends_with('ا') || !(word.starts_with('ت') || word.ends_with('ت')) {
        Some(Gender::Masculine)
    } else {
        None
    }
}

/// Lemmas of the participles that go on with the speaker's words (، مضيفا أن …، مشيرة إلى …).
const CONTINUING_LEMMAS: &[&str] = &[
    "أضاف", "أشار", "أوضح", "أكد", "لفت", "نوه", "بيّن", "شدد", "تابع", "قال",
];

/// Builds the content span and its kind from a start to the end the content rules find; `cue` is the
/// token of the cue that reports it.
fn content(doc: &Doc<'_>, start: ContentStart, cue: usize) -> Option<(Span, AttributionKind)> {
    let start = past_quoted_speaker(doc, start);
    let end = content_end(doc, start.token, cue);
    let span = Span::new(start.byte, doc.toks[end].span.end);
    if span.is_empty() {
        return None;
    }
    Some((span, content_kind(doc, start.token, end)))
}

/// After عن or إلى, the one quoted and قوله: نقلت يونهاب عن المصدر قوله إن … reports what the source
/// said, from after قوله (and whom it was said to, and إن, أنه or a colon).
fn past_quoted_speaker(doc: &Doc<'_>, start: ContentStart) -> ContentStart {
    let after_an = start.token > 0 && matches!(doc.norm(start.token - 1), "عن" | "الي");
    if !after_an {
        return start;
    }
    let end = doc.toks.len().min(start.token + MAX_QUOTED_SPEAKER);
    let Some(said) = (start.token..end)
        .take_while(|&k| {
            !matches!(doc.toks[k].kind, TokenKind::Punctuation | TokenKind::Quote)
                || doc.is_punct(k, &["،", ","])
        })
        .find(|&k| matches!(doc.norm(k), "قوله" | "قولها" | "قولهم" | "قولهما"))
    else {
        return start;
    };
    let opens_words = |k: usize| INNA_FORMS.contains(&doc.norm(k)) || doc.is_punct(k, &[":"]);
    let mut token = skip_adjunct(doc, said + 1);
    // Whom it was said to may come between (قوله للصحفيين «…»).
    if doc.norm(token).starts_with("لل")
        && (opens_words(token + 1)
            || doc
                .toks
                .get(token + 1)
                .is_some_and(|t| t.kind == TokenKind::Quote))
    {
        token += 1;
    }
    // A colon, إن, or both (قوله: إن …).
    while token < said + 4 && opens_words(token) {
        token += 1;
    }
    match doc.toks.get(token) {
        Some(tok) => ContentStart {
            token,
            byte: tok.span.start,
        },
        None => start,
    }
}

/// Most tokens between عن and قوله: the speaker's name and title (عن وزير الخارجية الروسي سيرغي
/// لافروف قوله).
const MAX_QUOTED_SPEAKER: usize = 12;

/// direct when one quotation covers the content, mixed when a quotation (not around a name) is inside,
/// indirect otherwise.
fn content_kind(doc: &Doc<'_>, first: usize, last: usize) -> AttributionKind {
    let opens = |k: usize| {
        let tok = &doc.toks[k];
        tok.kind == TokenKind::Quote && is_opening_quote(tok.norm) && !tok.mistyped_close
    };
    if opens(first) && doc.closing_quote(first) == Some(last) {
        return AttributionKind::Direct;
    }
    let mut k = first;
    while k <= last {
        if opens(k)
            && let Some(close) = doc.closing_quote(k).filter(|&c| c <= last)
        {
            let quoted = doc.span(k, close);
            let is_name = doc.overlaps_name(quoted)
                || (k > 0 && doc.is_one_of(k - 1, WordClasses::NAME_HEAD));
            if !is_name {
                return AttributionKind::Mixed;
            }
            k = close;
        }
        k += 1;
    }
    if is_closing_quote(doc.norm(last)) && doc.toks[last].kind == TokenKind::Quote && !opens(first)
    {
        return AttributionKind::Mixed;
    }
    AttributionKind::Indirect
}

/// Types a source from its mentions and its head noun.
fn source_kind(lexicon: &Lexicon, doc: &Doc<'_>, span: Span, first: usize) -> SourceKind {
    let mut kinds = doc
        .mentions_in(span)
        .map(|m| m.kind)
        .chain(doc.name_kinds_in(span));
    let first_kind = kinds.next();
    let person = first_kind == Some(EntityKind::Person) || kinds.any(|k| k == EntityKind::Person);
    let head = doc
        .head_kind(lexicon, first)
        .or_else(|| {
            // A quantifier or a demonstrative (بعض، عدد من، هذه المصادر) defers to the next noun.
            let quantifier = matches!(
                doc.bare(first),
                "بعض" | "عدد" | "كثير" | "احد" | "معظم" | "هذه" | "هذا" | "هؤلاء"
            );
            quantifier
                .then(|| doc.head_kind(lexicon, first + 1))
                .flatten()
        })
        .or_else(|| {
            // A head in the accusative (لكن مسؤولا قال).
            doc.norm(first)
                .strip_suffix('ا')
                .and_then(|noun| lexicon.head_kind(noun))
        });
    // A name no list knows, then a person's title (فابيو كانافارو قائد إيطاليا السابق): a person, whatever
    // place the title names.
    let titled = || {
        (first + 1..doc.toks.len())
            .take_while(|&k| doc.toks[k].span.end <= span.end)
            .any(|k| doc.head_kind(lexicon, k) == Some(SourceKind::Person))
    };
    match head {
        Some(SourceKind::Anonymous | SourceKind::Person) if person => SourceKind::Person,
        Some(kind) => kind,
        None if titled() => SourceKind::Person,
        None => match first_kind {
            Some(EntityKind::Organization | EntityKind::Location) => SourceKind::Organization,
            _ => SourceKind::Person,
        },
    }
}

/// The entity a source is or contains: a person first, else the first mention.
fn source_entity(doc: &Doc<'_>, span: Span) -> Option<khabar_gazetteer::EntityId> {
    let mut inside = doc.mentions_in(span);
    let first = inside.next()?;
    Some(
        inside
            .chain(std::iter::once(first))
            .find(|m| m.kind == EntityKind::Person)
            .unwrap_or(first)
            .entity,
    )
}

/// Whether a span of tokens looks like a speaker: it holds a name or starts with a known head noun.
fn looks_like_speaker(lexicon: &Lexicon, doc: &Doc<'_>, from: usize, to: usize) -> bool {
    from < to
        && (doc.mentions_in(doc.span(from, to - 1)).next().is_some()
            || doc.name_kinds_in(doc.span(from, to - 1)).next().is_some()
            || (from..to.min(from + 2)).any(|k| doc.head_kind(lexicon, k).is_some()))
}

/// The most recent attribution with a source, in this or the previous two sentences.
fn antecedent(doc: &Doc<'_>, i: usize, out: &[Attribution]) -> Option<usize> {
    let sentence = doc.toks[i].sentence;
    let sentence_at = |byte: usize| {
        let k = doc
            .toks
            .partition_point(|t| t.span.end <= byte)
            .min(doc.toks.len() - 1);
        doc.toks[k].sentence
    };
    // Measured from where the earlier content ends, so a long report can still be continued.
    out.iter().rposition(|a| {
        a.source.is_some()
            && a.cue.start < doc.toks[i].span.start
            && sentence_at(a.content.end.saturating_sub(1)) + 2 >= sentence
    })
}

#[allow(clippy::too_many_arguments)]
fn attribution(
    lexicon: &Lexicon,
    doc: &Doc<'_>,
    hit: &CueHit<'_>,
    source: Option<(usize, usize)>,
    inherited: Option<(usize, &Attribution)>,
    content: (Span, AttributionKind),
    rule: &'static str,
) -> Attribution {
    let (source_span, source_kind, source_entity) = match (source, inherited) {
        (Some((from, to)), _) => {
            // Marks around a whole name are not part of it: أوضح "الحريري" → الحريري.
            let quoted = to >= from + 3 && doc.short_quotation(from, to - from) == Some(to - 1);
            let (from, to) = if quoted {
                (from + 1, to - 1)
            } else {
                (from, to)
            };
            let span = doc.span(from, to - 1);
            (
                Some(span),
                Some(source_kind(lexicon, doc, span, from)),
                source_entity(doc, span),
            )
        }
        (None, Some((_, earlier))) => (earlier.source, earlier.source_kind, earlier.source_entity),
        (None, None) => (None, None, None),
    };
    Attribution {
        cue: hit.span,
        cue_lemma: hit.cue.lemma.clone(),
        cue_kind: hit.cue.kind,
        source: source_span,
        source_kind,
        source_entity,
        content: content.0,
        kind: content.1,
        continues: inherited.map(|(index, _)| index),
        rule,
    }
}

/// Reporting verbs: VSO (أكد مصدر سياسي أن …), SVO (السوداني يدعو لتعزيز …), pro-drop continuations
/// (وأضاف أن …) and agentless passives (قيل إن …).
fn verb(
    lexicon: &Lexicon,
    doc: &Doc<'_>,
    i: usize,
    hit: &CueHit<'_>,
    out: &[Attribution],
) -> Option<Attribution> {
    let cue = hit.cue;
    // A verb right after the cue of the report before it, or in the present tense right after its
    // source, and before that report's content, is its second word (وتابع يقول: …، أضاف البروفسور
    // هيكمان يقول: …). A verb in the past after a subject is a clause of its own (لكن المصدر ذاته قال).
    let second_word_of_last = out.last().is_some_and(|last| {
        let before = i.checked_sub(1).map(|k| doc.toks[k].span.end);
        let present = doc.bare(i).starts_with(['ي', 'ت']);
        !doc.has_conjunction(i)
            && doc.toks[i].span.end <= last.content.start
            && (before == Some(last.cue.end) || (present && before == last.source.map(|s| s.end)))
    });
    if second_word_of_last {
        return None;
    }
    // ما is otherwise a relative, but على ما أفاد X is a report after its content, and only that.
    if after_ala_ma(doc, i) {
        let after = i + hit.len;
        let source_end = read_source(doc, cue, after);
        return trailing_kama(lexicon, doc, i, hit, (after, source_end));
    }
    if i > 0 && !doc.has_conjunction(i) && NOT_AFTER.contains(&doc.norm(i - 1)) {
        return None;
    }
    // كما before a cue is "also" (كما أكد الوزير أن) with a speaker named after it, and "as" (كما
    // ذكرنا، كما يقال) without one: only the first is read, so the source must be overt.
    let after_kama = i > 0 && doc.norm(i - 1) == "كما";
    if i > 1 && doc.norm(i - 1) == "ما" && doc.bare(i - 2) == "هو" {
        return None;
    }
    let mut after = i + hit.len;
    // Gaps before a VSO source: لـ«المدينة» (an addressee), فيه, and whom it was said to as a pronoun
    // (قال له ابن المبارك).
    // Not لي, which is also a name (لي كيشيانغ).
    if matches!(doc.norm(after), "فيه" | "له" | "لها" | "لهم" | "لنا") {
        after += 1;
    }
    if doc.norm(after) == "ل" {
        after += 1;
        if let Some(close) = doc
            .toks
            .get(after)
            .filter(|t| t.kind == TokenKind::Quote)
            .and_then(|_| doc.closing_quote(after))
        {
            after = close + 1;
        } else {
            after += 1;
        }
    }
    if after >= doc.toks.len() || !doc.same_sentence(i, after) {
        return None;
    }
    // بيّن written with its shadda is the verb, not the preposition بين. (عبّر and تبيّن were tried too:
    // عبّر عن … mostly took an adjunct for its source, and تبيّن أن is "it turned out".)
    let written_verb =
        doc.bare(i) == "بين" && doc.text[doc.toks[i].span.range()].contains('\u{0651}');
    let guarded = cue.class == CueClass::Guarded && !written_verb;
    // Pro-drop or SVO: the complement follows the cue at once, or after an adjunct (قال في بيان إن).
    let source_start = skip_adjunct(doc, after);
    // A subject never starts with a preposition: قال في خطبة العيد «…», قال فيها إن …, قال أمام المصلين
    // إن … have no overt source, and the phrase is an adjunct however long.
    // أمام as written: إمام (an imam) folds to the same letters.
    let written = doc
        .toks
        .get(source_start)
        .map_or("", |t| &doc.text[t.span.range()]);
    let in_phrase = matches!(
        doc.norm(source_start),
        "في" | "فيها" | "فيه" | "فيهم" | "خلال" | "اثناء" | "عبر" | "لدي" | "ضمن"
    ) || written == "أمام";
    // Any other preposition there (من خلاله، لـ «المدينة»، عن) opens a phrase too, but only a complement
    // that introduces speech for sure (أن، إن، a colon, a quotation) is taken after it: what follows
    // عن or ب is as often the content itself (تكشف عن جبال شاهقة).
    let after_preposition = !in_phrase
        && doc.norm(source_start) != "الي"
        && (PREPOSITIONS.contains(&doc.norm(source_start))
            || doc.is(source_start, WordClasses::ADDRESSEE_HEAD));
    let introduces_speech = |start: &ContentStart| {
        let before = doc.norm(start.token - 1);
        INNA_FORMS.contains(&before.strip_prefix('ب').unwrap_or(before))
            || doc.is_punct(start.token - 1, &[":"])
            || doc.toks[start.token].kind == TokenKind::Quote
    };
    // A word or two quoted right after the cue, with the complement after them, are no speech: whom
    // the words were said to after a subject (مصادر … أبلغت «الشرق الأوسط» أن …), else the speaker
    // (وقال "المقبل": …), read as the source below.
    // The complement may come after the topic (قال "الحريري" عن العمليات العسكرية: "…").
    let after_short_quotation = doc.short_quotation(after, 2).and_then(|close| {
        complement_at(doc, cue, close + 1, false).or_else(|| {
            (doc.norm(close + 1) == "عن")
                .then(|| find_complement(doc, cue, close + 2, false))
                .flatten()
                .filter(|start| doc.is_punct(start.token - 1, &[":"]))
        })
    });
    let immediate = match after_short_quotation {
        Some(start) => subject_before(lexicon, doc, i).is_some().then_some(start),
        None => complement_at(doc, cue, after, true),
    }
    .or_else(|| second_word(doc, after))
    .or_else(|| {
        (source_start != after)
            .then(|| complement_at(doc, cue, source_start, true))
            .flatten()
    })
    .or_else(|| {
        in_phrase
            .then(|| find_complement(doc, cue, source_start + 1, true))
            .flatten()
    })
    .or_else(|| {
        after_preposition
            .then(|| find_complement(doc, cue, source_start + 1, true))
            .flatten()
            .filter(introduces_speech)
    });
    if let Some(start) = immediate.filter(|_| !after_kama) {
        // A homograph with no subject is a report only when glued to و/ف: وبين أن (and he showed that).
        let glued = doc.has_conjunction(i) && doc.bare(i) == "بين";
        if guarded && (!glued || matches!(doc.toks[after].kind, TokenKind::Quote)) {
            return None;
        }
        let content = content(doc, start, i)?;
        if let Some((from, to)) = subject_before(lexicon, doc, i) {
            return Some(attribution(
                lexicon,
                doc,
                hit,
                Some((from, to)),
                None,
                content,
                "verb-svo",
            ));
        }
        if PASSIVES.contains(&doc.bare(i)) {
            return Some(attribution(
                lexicon,
                doc,
                hit,
                None,
                None,
                content,
                "verb-passive",
            ));
        }
        let Some(index) = antecedent(doc, i, out) else {
            // No report before it to continue, and the story goes on (وقال إنه): the speaker is the
            // person named last, a sentence or two before (… أمين الريحاني … وقال إنه).
            // A short quotation right after the verb is rather its subject's name (وأعلنت «خلية
            // الصقور» الاستخباراتية أن).
            let short_quotation = doc.short_quotation(start.token, 3).is_some();
            // Glued to و, or with a في phrase between (قال فيها «…»), the verb goes on with the story.
            if !(doc.has_conjunction(i) || in_phrase) || short_quotation {
                return None;
            }
            return Some(attribution(
                lexicon,
                doc,
                hit,
                doc.person_named_before(i),
                None,
                content,
                "verb-prodrop",
            ));
        };
        return Some(attribution(
            lexicon,
            doc,
            hit,
            None,
            Some((index, &out[index])),
            content,
            "verb-continuation",
        ));
    }
    // جاء reports only as وجاء في البيان: …, with في right after it; with a subject it is "came".
    if cue.lemma == "جاء" {
        return None;
    }
    let after = source_start;
    let mut source_end = read_source(doc, cue, after);
    // A source never starts with a preposition (ذكّر بـ «…»، أكد عن …).
    if source_end == after || PREPOSITIONS.contains(&doc.norm(after)) {
        return None;
    }
    // وصف رئيس المجلس محمد الناصر إقرار القانون بـ…, حث X المسؤولين على …: after a verb that takes an
    // object, the subject ends with the person's name. The object starts the content of وصف and اتهم;
    // after حث، دعا … it is whom the call is addressed to, and the content follows its preposition.
    let described = matches!(cue.lemma.as_str(), "وصف" | "اتهم");
    let object_start = (described || ADDRESSED_VERBS.contains(&cue.lemma.as_str()))
        .then(|| doc.person_name_end(after, source_end))
        .flatten()
        .filter(|&end| {
            // The object is a definite noun, a noun before a definite one (إقرار القانون), a
            // demonstrative or a quantifier: an unknown word after a name may rather be more of the
            // name (سارة ليا ويتسن مديرة).
            let object = doc.norm(end);
            end < source_end
                && doc.toks[end].kind == TokenKind::Arabic
                && lexicon.head_kind(object).is_none()
                && (object.starts_with("ال")
                    || doc.norm(end + 1).starts_with("ال")
                    || matches!(
                        object,
                        "هذا" | "هذه" | "ذلك" | "تلك" | "ما" | "جميع" | "كافة" | "عموم"
                    ))
        });
    // After اتهم, a charge (ب…) right after the name the subject was read to end with makes that name
    // the one accused (اتهم زعيم حزب معارض اردوغان بشن …).
    let object_start = match object_start {
        Some(end) if cue.lemma == "اتهم" && doc.norm(end).starts_with('ب') => {
            accused_name_start(doc, after, end).or(Some(end))
        }
        other => other,
    };
    if let Some(end) = object_start {
        source_end = end;
    }
    let found = object_start
        .filter(|_| described)
        .map(|token| ContentStart {
            token,
            byte: doc.toks[token].span.start,
        })
        .or_else(|| find_complement(doc, cue, source_end, true))
        .or_else(|| {
            // With an object for content, the subject is the name before it.
            let (start, subject_end) = object_after_name(lexicon, doc, cue, after)?;
            source_end = subject_end;
            Some(start)
        });
    let Some(start) = found else {
        return trailing_kama(lexicon, doc, i, hit, (after, source_end));
    };
    // A homograph (بين between / بيّن showed) needs a speaker and a clause complement right after it.
    let complement_at_source_end =
        |at: usize| complement_at(doc, cue, at, true).is_some_and(|s| s.token == start.token);
    let complement_follows_source = complement_at_source_end(source_end)
        || complement_at_source_end(skip_adjunct(doc, source_end));
    // بين X وY is "between X and Y": a coordinated source rules the homograph out.
    let coordinated =
        (after + 1..source_end).any(|k| doc.norm(k).starts_with('و') && doc.has_conjunction(k));
    if guarded
        && !(looks_like_speaker(lexicon, doc, after, source_end)
            && complement_follows_source
            && !coordinated)
    {
        return None;
    }
    let content = content(doc, start, i)?;
    Some(attribution(
        lexicon,
        doc,
        hit,
        Some((after, source_end)),
        None,
        content,
        "verb-vso",
    ))
}

/// Whether the cue at token `i` follows على ما, بحسب ما, حسب ما or وفق ما (as reported by).
fn after_ala_ma(doc: &Doc<'_>, i: usize) -> bool {
    i >= 2 && doc.norm(i - 1) == "ما" && matches!(doc.norm(i - 2), "علي" | "بحسب" | "حسب" | "وفق")
}

/// A cue after its content: …، كما صرح المتحدث باسم الرئيس, … على ما أفاد متطوع. The cue follows كما
/// and a comma, or على ما / بحسب ما; its source runs to the end of the sentence, and the content is the
/// clause before.
fn trailing_kama(
    lexicon: &Lexicon,
    doc: &Doc<'_>,
    i: usize,
    hit: &CueHit<'_>,
    (from, to): (usize, usize),
) -> Option<Attribution> {
    // …، كما أوضح X; … على ما أفاد X, بحسب ما أكد X.
    let after_kama = i >= 2
        && ((doc.norm(i - 1) == "كما" && doc.is_punct(i - 2, &["،", ","])) || after_ala_ma(doc, i));
    let ends_sentence = !doc.same_sentence(i, to) || doc.is_punct(to, &[".", "!", "؟", "?"]);
    // What follows the cue is its source, not a complement (كما أوضح أن …).
    let complement_first = complement_at(doc, hit.cue, from, true).is_some();
    if !after_kama
        || !ends_sentence
        || complement_first
        || hit.cue.class != CueClass::Main
        || !looks_like_speaker(lexicon, doc, from, to)
    {
        return None;
    }
    // The content ends before the comma, or before على / بحسب (and a comma before them).
    let boundary = if after_ala_ma(doc, i) && i >= 3 && doc.is_punct(i - 3, &["،", ","]) {
        i - 3
    } else {
        i - 2
    };
    let content = clause_before(doc, boundary)?;
    Some(attribution(
        lexicon,
        doc,
        hit,
        Some((from, to)),
        None,
        content,
        "verb-trailing",
    ))
}

/// The subject of an SVO clause before the cue at `i`: a noun phrase that starts the sentence (or
/// follows كان, لكن, بينما, a comma) and names a speaker. `(first, one past last)`.
fn subject_before(lexicon: &Lexicon, doc: &Doc<'_>, i: usize) -> Option<(usize, usize)> {
    let mut end = i;
    if end > 0 && doc.norm(end - 1) == "قد" {
        end -= 1;
    }
    let mut from = end;
    while from > 0 && end - from < 8 && doc.same_sentence(from - 1, i) {
        let prev = from - 1;
        let norm = doc.norm(prev);
        let opener = matches!(
            doc.bare(prev),
            "كان"
                | "كانت"
                | "لكن"
                | "بينما"
                | "حيث"
                | "فيما"
                | "كما"
                | "اذ"
                | "ان"
                | "الذي"
                | "التي"
                | "اما"
        );
        if doc.toks[prev].kind == TokenKind::Punctuation || opener || norm == "ان" {
            break;
        }
        if doc.toks[prev].kind != TokenKind::Arabic && doc.toks[prev].kind != TokenKind::Quote {
            return None;
        }
        from = prev;
    }
    let starts_clause = from == 0
        || !doc.same_sentence(from - 1, i)
        || doc.toks[from].new_paragraph
        || doc.toks[from - 1].kind == TokenKind::Punctuation
        || matches!(
            doc.bare(from - 1),
            "كان" | "كانت" | "لكن" | "بينما" | "حيث" | "فيما" | "كما" | "اذ" | "اما"
        );
    // وعن فلان قال، وحول المعسكر قال: what follows a preposition is the topic, not the speaker.
    let topic = PREPOSITIONS.contains(&doc.bare(from));
    // After لكن the subject is in the accusative: لكن مسؤولا قال.
    let accusative_speaker = || {
        from + 1 == end
            && from > 0
            && doc.bare(from - 1) == "لكن"
            && matches!(
                source_kind(lexicon, doc, doc.toks[from].span, from),
                SourceKind::Anonymous
            )
    };
    (from < end
        && starts_clause
        && !topic
        && (looks_like_speaker(lexicon, doc, from, end) || accusative_speaker()))
    .then_some((from, end))
}

/// Verbs of being, after which a participle is an adjective (كان لافتا، بات مؤكدا).
const BEING_VERBS: [&str; 10] = [
    "كان",
    "كانت",
    "يكون",
    "تكون",
    "بدا",
    "يبدو",
    "اصبح",
    "اصبحت",
    "بات",
    "ليس",
];

/// Participles that continue the previous report with the same source: …، مضيفا أن …
fn participle(
    lexicon: &Lexicon,
    doc: &Doc<'_>,
    i: usize,
    hit: &CueHit<'_>,
    out: &[Attribution],
) -> Option<Attribution> {
    let after_comma = i > 0 && doc.is_punct(i - 1, &["،", ",", "-", "–"]);
    let Some(index) = antecedent(doc, i, out) else {
        // Only after a comma: a participle after a dash or with nothing before it is rarer speech.
        let after_a_comma = i > 0 && doc.is_punct(i - 1, &["،", ","]);
        return after_a_comma
            .then(|| participle_of_a_clause(lexicon, doc, i, hit))
            .flatten();
    };
    let earlier = &out[index];
    // قائلا between the earlier cue and its content, or any participle right after that cue, is that
    // report's own second word (وتابع منديز قائلا إن …، وأضاف موضحا أن …).
    let within_earlier_frame =
        earlier.cue.end <= doc.toks[i].span.start && doc.toks[i].span.end <= earlier.content.start;
    let right_after_earlier_cue = i > 0 && doc.toks[i - 1].span.end == earlier.cue.end;
    if within_earlier_frame && (SAYING.contains(&doc.bare(i)) || right_after_earlier_cue) {
        return None;
    }
    // Inside the earlier report's words it is part of them (، متوعدة بوضع حد … after وأكد مصدر أن …).
    if earlier.content.contains(doc.toks[i].span) {
        return None;
    }
    let adjacent = earlier.content.end <= doc.toks[i].span.start
        && doc.toks[i].span.start - earlier.content.end <= 4;
    // Right before a complement ending in أن (لافتا أن، مشيرا إلى أن), the participle continues the report
    // without a comma, where no other clause can have a subject of its own: at the start of a sentence,
    // or in the sentence the report ends in. A verb of being before it makes it an adjective (وكان
    // لافتا أن: "it was striking").
    let sentence_of_report = doc
        .toks
        .partition_point(|t| t.span.end < earlier.content.end)
        .min(i);
    let no_other_subject = i == 0
        || !doc.same_sentence(i - 1, i)
        || doc.toks[i].new_paragraph
        || doc.same_sentence(sentence_of_report, i);
    let right_before_complement = no_other_subject
        && doc
            .toks
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Arabic)
        && complement_at(doc, hit.cue, i + 1, false).is_some_and(|start| {
            let last = doc.norm(start.token - 1);
            start.token > i + 1 && INNA_FORMS.contains(&last.strip_prefix('ب').unwrap_or(last))
        })
        && !(i > 0 && BEING_VERBS.contains(&doc.bare(i - 1)));
    if !(after_comma || adjacent || right_before_complement) {
        return None;
    }
    participle_report(lexicon, doc, i, hit, None, Some((index, earlier)))
}

/// The report of the participle at token `i`, its content starting at a complement within the next
/// three tokens, its source given or inherited.
fn participle_report(
    lexicon: &Lexicon,
    doc: &Doc<'_>,
    i: usize,
    hit: &CueHit<'_>,
    source: Option<(usize, usize)>,
    inherited: Option<(usize, &Attribution)>,
) -> Option<Attribution> {
    let start = (1..=3).find_map(|n| complement_at(doc, hit.cue, i + n, true))?;
    let content = content(doc, start, i)?;
    Some(attribution(
        lexicon,
        doc,
        hit,
        source,
        inherited,
        content,
        "participle",
    ))
}

/// A participle after a comma whose sentence reports nothing before it, but opens with a verb the
/// lexicon knows, its subject and its complement (وعبر الطلاب عن سعادتهم …، مؤكدين أن …): that subject
/// said it.
fn participle_of_a_clause(
    lexicon: &Lexicon,
    doc: &Doc<'_>,
    i: usize,
    hit: &CueHit<'_>,
) -> Option<Attribution> {
    let verb = sentence_start(doc, i)?;
    let cue = doc.cue(verb).or_else(|| doc.bare_cue(verb))?;
    if cue.kind != CueKind::Verb {
        return None;
    }
    // The subject must end where the verb's own complement starts (الطلاب عن سعادتهم): a verb that takes
    // its object directly (أبدى سعادته) leaves no boundary to read it by.
    let source_end = read_source(doc, cue, verb + 1);
    if !looks_like_speaker(lexicon, doc, verb + 1, source_end)
        || complement_at(doc, cue, verb + 1, true).is_some()
        || complement_at(doc, cue, source_end, false).is_none()
    {
        return None;
    }
    participle_report(lexicon, doc, i, hit, Some((verb + 1, source_end)), None)
}

/// The first token of the sentence (and paragraph) token `i` is in, when it is not `i` itself.
fn sentence_start(doc: &Doc<'_>, i: usize) -> Option<usize> {
    (0..i)
        .rev()
        .take_while(|&k| doc.same_sentence(k, i) && !doc.toks[k + 1].new_paragraph)
        .last()
}

/// The clause from the start of the sentence to the comma at `comma`: the content a trailing cue
/// reports (…، وفق وكالة شفق نيوز / …، كما صرح المتحدث). A leading و is left out when it is a
/// conjunction: وأكد → أكد, والميليشيات → الميليشيات.
fn clause_before(doc: &Doc<'_>, comma: usize) -> Option<(Span, AttributionKind)> {
    let first = sentence_start(doc, comma).filter(|&first| first < comma)?;
    let mut byte = doc.toks[first].span.start;
    let bare = doc.bare(first);
    // The conjunction that joins the clause to the text before is left out (وقد، وفي، ويتعرض), not a
    // word's own و or ف (وزارة، وسائل، فتحت).
    let conjunction = doc.bare_cue(first).is_some()
        || bare.starts_with("ال")
        || CLAUSE_STARTERS.contains(&bare)
        || (doc.norm(first).starts_with('و')
            && bare.starts_with(['ي', 'ت'])
            && bare.chars().count() >= 3);
    if doc.has_conjunction(first) && conjunction {
        let original = &doc.text[doc.toks[first].span.range()];
        byte += original.chars().next().map_or(0, char::len_utf8);
    }
    let last = comma - 1;
    Some((
        Span::new(byte, doc.toks[last].span.end),
        content_kind(doc, first, last),
    ))
}

/// Nouns whose first ل is their own (وفق لائحة الاتهام، وفق لوائح الوزارة), normalised: no joined ل to
/// strip after an according-to cue.
const RADICAL_LAM_NOUNS: &[&str] = &[
    "لائحه",
    "لائحة",
    "لوائح",
    "لجنه",
    "لجنة",
    "لجان",
    "لقاء",
    "لقاءات",
];

/// According-to phrases: trailing (…، وفق وكالة شفق نيوز) or preposed (وبحسب الوزير، فإن …).
fn according(lexicon: &Lexicon, doc: &Doc<'_>, i: usize, hit: &CueHit<'_>) -> Option<Attribution> {
    let mut from = i + hit.len;
    let mut source_byte = doc.toks.get(from)?.span.start;
    // The source's head noun when the ل is joined to it: لموقع → موقع, للموقع → الموقع.
    let mut joined_head = None;
    match doc.norm(from) {
        "ل" | "عن" | "الي" => {
            from += 1;
            source_byte = doc.toks.get(from)?.span.start;
        }
        "ما" if RELAY_VERBS.contains(&doc.norm(from + 1)) => {
            from += 2;
            if doc.norm(from) == "عن" {
                from += 1;
            }
            source_byte = doc.toks.get(from)?.span.start;
        }
        norm if norm.starts_with('ل')
            && norm.chars().count() > 3
            && hit.cue.complements.joined.contains(&'ل')
            && !RADICAL_LAM_NOUNS.contains(&norm) =>
        {
            // وفقا لوكالة: the joined ل is not part of the source.
            let rest = &norm['ل'.len_utf8()..];
            joined_head = match rest.strip_prefix('ل') {
                Some(after_article) => lexicon.head_kind(&format!("ال{after_article}")),
                None => lexicon.head_kind(rest),
            };
            let token = &doc.toks[from];
            source_byte = token.span.start
                + doc.text[token.span.range()]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
        }
        _ => {}
    }
    if from >= doc.toks.len() || !doc.same_sentence(i, from) {
        return None;
    }
    let mut end = from;
    while end < doc.toks.len() && end - from < 10 && doc.same_sentence(from, end) {
        let tok = &doc.toks[end];
        let after_head = doc.is_one_of(end - 1, WordClasses::NAME_HEAD)
            || (end - 1 == from && joined_head.is_some());
        if tok.kind == TokenKind::Quote && end > from && after_head {
            if let Some(close) = doc.closing_quote(end) {
                end = close + 1;
                continue;
            }
        }
        if tok.kind == TokenKind::Punctuation
            || tok.kind == TokenKind::Quote
            || doc.norm(end) == "فان"
            || (end > from && opens_adjunct(doc, end))
        {
            break;
        }
        end += 1;
    }
    if joined_head.is_none() && !looks_like_speaker(lexicon, doc, from, end) {
        return None;
    }
    let source = Span::new(source_byte, doc.toks[end - 1].span.end);
    let sentence_start = sentence_start(doc, i);
    let trailing =
        i > 0 && doc.is_punct(i - 1, &["،", ","]) && sentence_start.is_some_and(|s| s < i - 1);
    let content = if trailing {
        clause_before(doc, i - 1)?
    } else {
        let at_sentence_start = sentence_start.is_none();
        if !at_sentence_start {
            return None;
        }
        let next = if doc.is_punct(end, &["،", ","]) || doc.norm(end) == "فان" {
            end + 1
        } else {
            return None;
        };
        if next >= doc.toks.len() || !doc.same_sentence(i, next) {
            return None;
        }
        let start = if doc.norm(next) == "فان" {
            next + 1
        } else {
            next
        };
        content(
            doc,
            ContentStart {
                token: start,
                byte: doc.toks.get(start)?.span.start,
            },
            i,
        )?
    };
    let kind = joined_head.unwrap_or_else(|| source_kind(lexicon, doc, source, from));
    Some(Attribution {
        cue: hit.span,
        cue_lemma: hit.cue.lemma.clone(),
        cue_kind: CueKind::AccordingTo,
        source: Some(source),
        source_kind: Some(kind),
        source_entity: source_entity(doc, source),
        content: content.0,
        kind: content.1,
        continues: None,
        rule: if trailing {
            "according-trailing"
        } else {
            "according-preposed"
        },
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// The byte test agrees with the plain definition: a و/ف and two characters at least after it.
        #[test]
        fn strip_conjunction_takes_a_conjunction_before_two_letters(
            word in "[وفمa\u{0800}\u{1F600}]{0,4}",
        ) {
            let expected = match word.strip_prefix(['و', 'ف']) {
                Some(rest) if rest.chars().count() >= 2 => rest,
                _ => word.as_str(),
            };
            prop_assert_eq!(strip_conjunction(&word), expected);
        }
    }
}
