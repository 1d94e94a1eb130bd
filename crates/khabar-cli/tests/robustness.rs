//! The CLI under load and abuse: a directory of thousands of small files, one very long JSON line, a
//! reader that stops early (SIGPIPE), and parallel batches whose output lines must never interleave.
//! Sizes are kept small for debug builds; a 100 MB line is measured by hand on a release build (peak
//! memory grows linearly with the line, about 20 bytes per input byte, most of it the tokens and the
//! rendered output line).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const KHABAR: &str = env!("CARGO_BIN_EXE_khabar");
/// A JSON-lines batch in, JSON lines out.
const JSONL_BATCH: [&str; 5] = ["analyze", "--input", "jsonl", "--format", "jsonl"];

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path =
            std::env::temp_dir().join(format!("khabar-robust-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn khabar(args: &[&str]) -> Output {
    Command::new(KHABAR)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn assert_quiet_success(output: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{what}: {stderr}"
    );
    assert!(
        output.status.success(),
        "{what}: {:?} {stderr}",
        output.status
    );
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("not one JSON object per line ({e}): {l:.200}"))
        })
        .collect()
}

const SENTENCE: &str = "وقال وزير الخارجية العراقي إن بغداد ترفض التدخل في شؤونها.";

#[test]
fn a_directory_of_thousands_of_small_files() {
    let dir = TempDir::new("many-files");
    let nested = dir.join("nested");
    std::fs::create_dir_all(&nested).unwrap();
    let count = 3000;
    for i in 0..count {
        let parent = if i % 2 == 0 { &dir.0 } else { &nested };
        let text = format!("{i}: {SENTENCE}");
        std::fs::write(parent.join(format!("{i:05}.txt")), text).unwrap();
    }
    // An empty file and a file that is not UTF-8 among them: named, the others go on.
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("latin1.txt"), b"caf\xe9").unwrap();
    let output = khabar(&["analyze", "--format", "jsonl", dir.0.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [format!(
            "khabar: {}: invalid UTF-8 at byte 3 (use --lossy to replace it)",
            dir.join("latin1.txt").display()
        )]
    );
    let lines = json_lines(&output);
    assert_eq!(lines.len(), count + 1);
    // Every article found its attribution; the offsets are from its own text.
    let with_attribution = lines
        .iter()
        .filter(|l| l["attributions"].as_array().is_some_and(|a| a.len() == 1))
        .count();
    assert_eq!(with_attribution, count);
}

#[test]
fn one_very_long_json_line() {
    let dir = TempDir::new("long-line");
    let path = dir.join("big.jsonl");
    // About 2 MB of text in one line, between two ordinary lines.
    let body = format!("{SENTENCE} ").repeat(2 << 20 >> 7);
    let mut file = std::fs::File::create(&path).unwrap();
    writeln!(file, "{}", serde_json::json!({"id": "a", "text": SENTENCE})).unwrap();
    writeln!(file, "{}", serde_json::json!({"id": "big", "text": body})).unwrap();
    writeln!(file, "{}", serde_json::json!({"id": "c", "text": SENTENCE})).unwrap();
    drop(file);
    let output = khabar(&[
        "analyze",
        "--input",
        "jsonl",
        "--format",
        "jsonl",
        path.to_str().unwrap(),
    ]);
    assert_quiet_success(&output, "long line");
    let lines = json_lines(&output);
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "big", "c"]);
    let big = lines[1]["attributions"].as_array().unwrap().len();
    assert_eq!(big, body.matches("وقال").count());
}

/// Runs `command | head -1` in a shell, returning khabar's exit code and standard error.
fn piped_into_head(command: &str, dir: &TempDir) -> (String, String, String) {
    let code = dir.join("code");
    let err = dir.join("err");
    let script = format!(
        "{{ {command} 2>'{}'; echo $? > '{}'; }} | head -1",
        err.display(),
        code.display()
    );
    let output = Command::new("sh").arg("-c").arg(&script).output().unwrap();
    assert!(output.status.success(), "{script}");
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    (
        read(&code).trim().to_string(),
        read(&err),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn sigpipe_when_piped_into_head_is_a_quiet_success() {
    let dir = TempDir::new("sigpipe");
    let path = dir.join("big.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..3000 {
        writeln!(
            file,
            "{}",
            serde_json::json!({"id": i, "text": SENTENCE.repeat(4)})
        )
        .unwrap();
    }
    drop(file);
    let big = path.to_str().unwrap();
    for command in [
        format!("'{KHABAR}' analyze --input jsonl --format jsonl '{big}'"),
        format!("'{KHABAR}' analyze --input jsonl --format json '{big}'"),
        format!("'{KHABAR}' analyze --input jsonl '{big}'"),
        format!("'{KHABAR}' match --input jsonl --format jsonl '{big}'"),
        format!("'{KHABAR}' tokenize --input jsonl '{big}'"),
    ] {
        let (code, stderr, stdout) = piped_into_head(&command, &dir);
        assert_eq!(code, "0", "{command}: {stderr}");
        assert_eq!(stderr, "", "{command}");
        assert_eq!(stdout.lines().count(), 1, "{command}");
    }
}

#[test]
fn parallel_batch_output_lines_never_interleave() {
    let dir = TempDir::new("interleave");
    let path = dir.join("batch.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    // Articles of very different sizes so that workers finish out of order.
    let count = 600;
    for i in 0..count {
        let repeat = [1, 20, 3, 60, 7][i % 5];
        writeln!(
            file,
            "{}",
            serde_json::json!({"id": i, "text": format!("{SENTENCE}\n").repeat(repeat)})
        )
        .unwrap();
    }
    drop(file);
    for threads in ["1", "2", "4"] {
        let output = khabar(
            &[
                &JSONL_BATCH[..],
                &["--threads", threads, path.to_str().unwrap()],
            ]
            .concat(),
        );
        assert_quiet_success(&output, "batch");
        let lines = json_lines(&output);
        let ids: Vec<u64> = lines.iter().map(|l| l["id"].as_u64().unwrap()).collect();
        assert_eq!(
            ids,
            (0..count as u64).collect::<Vec<_>>(),
            "threads {threads}"
        );
        for (i, line) in lines.iter().enumerate() {
            let expected = [1, 20, 3, 60, 7][i % 5];
            assert_eq!(
                line["attributions"].as_array().unwrap().len(),
                expected,
                "article {i} with {threads} threads"
            );
        }
    }
}

/// JSON lines on standard input are analysed as they come: the results of the first chunk are written
/// while the writer still holds the pipe open (a reader that waited for the end would never answer),
/// and a bad line names its line number on standard input.
#[test]
fn standard_input_is_analysed_as_a_stream() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = Command::new(KHABAR)
        .args(JSONL_BATCH)
        .args(["--threads", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let line = |i: usize| serde_json::json!({"id": i, "text": SENTENCE}).to_string();
    // One whole chunk (256 articles), the pipe left open.
    for i in 0..256 {
        writeln!(stdin, "{}", line(i)).unwrap();
    }
    stdin.flush().unwrap();
    let (sender, receiver) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if sender.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    for i in 0..256 {
        let got = receiver
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no result {i} while standard input stays open"));
        let value: serde_json::Value = serde_json::from_str(&got).unwrap();
        assert_eq!(value["id"], i);
    }
    // Then a bad line and one more article, and the end of the input.
    writeln!(stdin, "{{\"id\": 256, \"text\": ").unwrap();
    writeln!(stdin, "{}", line(257)).unwrap();
    drop(stdin);
    let last: serde_json::Value = serde_json::from_str(&receiver.recv().unwrap()).unwrap();
    assert_eq!(last["id"], 257);
    let output = child.wait_with_output().unwrap();
    reader.join().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("khabar: <stdin>:257: invalid JSON"),
        "{stderr}"
    );
}
