//! Linearity of the whole pipeline on pathological inputs: each input is timed at two sizes, n and 4n,
//! so the ratio of the two times can be read off the report (about 4 when the work is linear). Nothing
//! asserts on wall-clock time; `tests/adversarial.rs` checks the results on the same kinds of input.

#![allow(missing_docs)] // criterion_group! generates an undocumented public function.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use khabar::Analyzer;

/// Makes an input of about the given size in bytes.
type Make = fn(usize) -> String;

/// The pathological inputs, each a function of a size in bytes (approximately).
fn inputs() -> Vec<(&'static str, Make)> {
    vec![
        ("no_spaces", |n| "مصدرسياسيأكدأن".repeat(n / 26)),
        ("diacritics_only", |n| "\u{064E}\u{0651}".repeat(n / 4)),
        ("tatweel_only", |n| "\u{0640}".repeat(n / 2)),
        ("unbalanced_guillemets", |n| {
            format!("قال مصدر إن {}", "«".repeat(n / 2))
        }),
        ("unbalanced_straight_quotes", |n| {
            format!("قال مصدر إن {}", "\"".repeat(n))
        }),
        ("quote_and_cue_runs", |n| "« قال «وقال ".repeat(n / 20)),
        ("repeated_clitics", |n| {
            format!("زار {}العراق أمس", "و".repeat(n / 2))
        }),
        ("clitic_stacks", |n| "وبالعراق ".repeat(n / 16)),
        ("controls", |n| {
            "\u{200F}\u{202E}\u{2066}\u{FEFF}\0\r".repeat(n / 14)
        }),
        ("cues_without_full_stop", |n| {
            "وقال وزير الخارجية العراقي إن بغداد ترفض، ".repeat(n / 75)
        }),
        ("cues_and_quotes", |n| {
            "قال مصدر إن \"\"\"\"\"\"\"\" ".repeat(n / 30)
        }),
        // Thousands of people with distinct family names, each a later short name to look for.
        ("distinct_family_names", |n| {
            (0..n / 50)
                .map(|i| format!("وقال السفير محمد {} إن الأمر مهم. ", distinct_word(i)))
                .collect()
        }),
    ]
}

/// A five-letter word of its own for every `i` below 16⁵.
fn distinct_word(mut i: usize) -> String {
    // No letter that makes a proclitic, a verb's prefix or a feminine ending.
    const LETTERS: [char; 16] = [
        'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
    ];
    (0..5)
        .map(|_| {
            let letter = LETTERS[i % 16];
            i /= 16;
            letter
        })
        .collect()
}

fn adversarial(c: &mut Criterion) {
    let analyzer = Analyzer::new();
    black_box(analyzer.analyze("قال"));
    let n = 256 * 1024;
    for (name, make) in inputs() {
        let mut group = c.benchmark_group(format!("adversarial/{name}"));
        group.sample_size(10);
        group.warm_up_time(std::time::Duration::from_secs(1));
        group.measurement_time(std::time::Duration::from_secs(3));
        for size in [n, 4 * n] {
            let text = make(size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
                b.iter(|| black_box(analyzer.analyze(black_box(text))))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
