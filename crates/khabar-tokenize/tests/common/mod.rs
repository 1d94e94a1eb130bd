//! What the test files share.

/// The seed article, read in place; `None` (with a message) when the shared folder is absent.
pub fn seed_article() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/article.txt"
    );
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(err) => {
            eprintln!("skipping: seed article not found at {path}: {err}");
            None
        }
    }
}
