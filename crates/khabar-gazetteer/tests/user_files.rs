//! Gazetteer files as users write them: a large generated file (20 000 entities by default; set
//! `KHABAR_GAZETTEER_ENTRIES=1000000` and run in release to measure the million-entry case, which prints
//! its time and peak memory), malformed lines in files on disk, and names that normalise to nothing.

use std::path::PathBuf;
use std::time::Instant;

use khabar_gazetteer::{Entity, EntityKind, ErrorKind, Gazetteer};

const PERSON_TOKENS: &str =
    "../../../shared/data/wikidata-person-tokens-ar/person_name_tokens_en_ar.tsv";

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("khabar-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Peak resident memory of this process in kB (Linux), if known.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Arabic name tokens: from the Wikidata person-token list when present, else a built-in handful.
fn name_tokens() -> Vec<String> {
    let from_file: Vec<String> = std::fs::read_to_string(PERSON_TOKENS)
        .map(|text| {
            text.lines()
                .skip(1)
                .filter_map(|l| l.split('\t').nth(1))
                .filter(|t| t.chars().count() >= 3)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    if from_file.len() >= 1000 {
        return from_file;
    }
    [
        "محمد",
        "أحمد",
        "علي",
        "حسن",
        "حسين",
        "عبدالله",
        "خالد",
        "سعيد",
        "يوسف",
        "إبراهيم",
        "السوداني",
        "الحكيم",
        "المالكي",
        "العبادي",
        "الكاظمي",
        "الصدر",
        "البرزاني",
        "الطالباني",
        "الحلبوسي",
        "الخزعلي",
        "فاطمة",
        "زينب",
        "مريم",
        "نور",
        "سارة",
        "ليلى",
        "هدى",
        "عمر",
        "طارق",
        "مصطفى",
    ]
    .map(String::from)
    .to_vec()
}

/// A deterministic generator (64-bit LCG): the same file on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// A TSV gazetteer of `count` people with two- and three-part names, an alias for the three-part ones
/// (first and last name), and attributes; every 97th line is a comment and every 89th blank.
fn generated_tsv(count: usize) -> (String, Vec<String>) {
    let tokens = name_tokens();
    let mut rng = Lcg(7);
    let mut out = String::with_capacity(count * 64);
    let mut names = Vec::with_capacity(count);
    for i in 0..count {
        if i % 97 == 0 {
            out.push_str("# generated people\n");
        }
        if i % 89 == 0 {
            out.push('\n');
        }
        let first = &tokens[rng.below(tokens.len())];
        let middle = &tokens[rng.below(tokens.len())];
        let last = &tokens[rng.below(tokens.len())];
        let kind = ["PER", "PER", "PER", "ORG", "LOC"][i % 5];
        let (name, alias) = if i % 3 == 0 {
            (
                format!("{first} {middle} {last}"),
                format!("{first} {last}"),
            )
        } else {
            (format!("{first} {last}"), String::new())
        };
        out.push_str(&format!(
            "gen:{i}\t{kind}\t{name}\t{alias}\tsource=generated;n={i}\n"
        ));
        names.push(name);
    }
    (out, names)
}

#[test]
fn a_large_generated_gazetteer_loads_builds_and_matches() {
    let count: usize = std::env::var("KHABAR_GAZETTEER_ENTRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let (tsv, names) = generated_tsv(count);
    let dir = temp_dir("large-gazetteer");
    let path = dir.join("people.tsv");
    std::fs::write(&path, &tsv).unwrap();
    let bytes = tsv.len();
    drop(tsv);

    let started = Instant::now();
    let mut builder = Gazetteer::builder();
    builder.load(&path).unwrap();
    let loaded = started.elapsed();
    let g = builder.build().unwrap();
    let built = started.elapsed();
    drop(builder);
    assert_eq!(g.len(), count);
    assert_eq!(g.entities()[count - 1].id, format!("gen:{}", count - 1));

    // Search: a text naming a few of the generated people, glued to proclitics.
    let picks = [0, count / 3, count / 2, count - 1];
    let text: String = picks
        .iter()
        .map(|&i| format!("وقال {} إن ", names[i]))
        .collect();
    let search = Instant::now();
    let mentions = g.find(&text);
    let searched = search.elapsed();
    for &i in &picks {
        let span_text = &names[i];
        assert!(
            mentions.iter().any(|m| &text[m.span] == span_text
                && (m.entity.index() == i || m.also.iter().any(|e| e.index() == i))),
            "{span_text} (gen:{i}) not found in {mentions:?}"
        );
    }
    eprintln!(
        "{count} entities ({:.1} MB TSV, {} patterns): loaded in {:.2} s, built in {:.2} s total, \
         search {:?}, automaton {:.1} MB, peak RSS {} MB",
        bytes as f64 / 1e6,
        g.pattern_count(),
        loaded.as_secs_f64(),
        built.as_secs_f64(),
        searched,
        g.automaton_memory() as f64 / 1e6,
        peak_rss_kb().map_or("?".to_string(), |kb| (kb / 1024).to_string()),
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn malformed_lines_in_files_name_the_file_and_line() {
    let dir = temp_dir("malformed-gazetteers");
    let cases: &[(&str, &str, &str)] = &[
        // (file name, content, expected message after "path:")
        (
            "crlf.tsv",
            "loc:iq\tLOC\tالعراق\r\n# comment\r\n\r\nloc:x\tLOC\r\n",
            "4: expected at least 3 tab-separated columns (id, kind, name), found 2",
        ),
        (
            "bad.jsonl",
            "{\"id\": \"a\", \"kind\": \"LOC\", \"name\": \"العراق\"}\r\n\r\n{\"id\": \"b\", \"kind\": \"LOC\", \"name\": }\n",
            "3: invalid entity JSON at column 36: expected value",
        ),
        (
            "empty-alias.jsonl",
            "{\"id\": \"a\", \"kind\": \"LOC\", \"name\": \"العراق\"}\n{\"id\": \"b\", \"kind\": \"LOC\", \"name\": \"بغداد\", \"aliases\": [\"\"]}\n",
            "2: entity \"b\" has a name that is empty or normalises to nothing (\"\")",
        ),
        (
            "truncated.jsonl",
            "{\"id\": \"a\", \"kind\": \"LOC\", \"name\": \"العر",
            "1: invalid entity JSON at column 41: EOF while parsing a string",
        ),
    ];
    for (file, content, expected) in cases {
        let path = dir.join(file);
        std::fs::write(&path, content).unwrap();
        let result = Gazetteer::builder().load(&path).and_then(|b| b.build());
        let err = result.unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{}:{expected}", path.display()),
            "{file}"
        );
    }
    // The line of an error deep in a large file.
    let mut big: String = (0..10_000)
        .map(|i| format!("e{i}\tPER\tاسم {i}\n"))
        .collect();
    big.push_str("oops\tPER\n");
    let path = dir.join("deep.tsv");
    std::fs::write(&path, big).unwrap();
    let err = Gazetteer::builder().load(&path).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Parse { line: 10_001, .. }),
        "{err}"
    );
    assert!(
        err.to_string()
            .starts_with(&format!("{}:10001: ", path.display()))
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn aliases_that_normalise_to_nothing_are_rejected_clearly() {
    // Diacritics only and tatweel only are covered in loading.rs; these are the invisible ones, mixed
    // removable characters, and whitespace that is not ASCII.
    for alias in [
        "\u{200F}",
        "\u{200E}\u{200F}\u{061C}",
        "\u{200C}\u{200D}",
        "\u{FEFF}",
        "\u{2066}\u{2069}",
        "\u{0640}\u{064E}\u{200F}",
        "\u{00A0}\u{2009}",
        "\u{064B} \u{0640}",
    ] {
        let err = Gazetteer::builder()
            .add(Entity::new("loc:iq", EntityKind::Location, "العراق").with_aliases([alias]))
            .and_then(|b| b.build())
            .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::EmptyName { id, name, .. } if id == "loc:iq" && name == alias),
            "{alias:?}: {err}"
        );
        assert!(
            err.to_string()
                .contains("has a name that is empty or normalises to nothing"),
            "{err}"
        );
    }
    // In a TSV file the message points at the line.
    let err = Gazetteer::builder()
        .add_tsv(
            "loc:iq\tLOC\tالعراق\nloc:ir\tLOC\tإيران\t\u{200F}\u{200E}|ايران\n",
            "places.tsv",
        )
        .and_then(|b| b.build())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "places.tsv:2: entity \"loc:ir\" has a name that is empty or normalises to nothing (\"\\u{200f}\\u{200e}\")"
    );
    // A name with a letter among the invisible characters is fine and matches without them.
    let g = Gazetteer::builder()
        .add(Entity::new(
            "loc:iq",
            EntityKind::Location,
            "\u{200F}العراق\u{200F}",
        ))
        .and_then(|b| b.build())
        .unwrap();
    let text = "زار العراق";
    assert_eq!(&text[g.find(text)[0].span], "العراق");
}
