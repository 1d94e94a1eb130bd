//! Loaders (TSV, JSON lines, files) and the errors of loading and building, asserted as the messages a
//! user reads: they name the file and the line.

use std::collections::BTreeMap;

use khabar_gazetteer::{Entity, EntityKind, ErrorKind, Gazetteer};

fn tsv(text: &str) -> Result<Gazetteer, String> {
    Gazetteer::builder()
        .add_tsv(text, "people.tsv")
        .and_then(|b| b.build())
        .map_err(|e| e.to_string())
}

fn jsonl(text: &str) -> Result<Gazetteer, String> {
    Gazetteer::builder()
        .add_jsonl(text, "people.jsonl")
        .and_then(|b| b.build())
        .map_err(|e| e.to_string())
}

fn ids(g: &Gazetteer, text: &str) -> Vec<String> {
    g.find(text)
        .iter()
        .map(|m| format!("{}={}", &text[m.span], g.entity(m.entity).id))
        .collect()
}

#[test]
fn tsv_with_comments_blank_lines_and_missing_columns() {
    let g = tsv(concat!(
        "# id\tkind\tname\taliases\tattributes\n",
        "\n",
        "org:nato\tORG\tحلف شمال الأطلسي\tالناتو|ناتو| حلف الناتو \ten=NATO; wikidata=Q7184\n",
        "   \n",
        "  # an indented comment\n",
        "loc:iq\tloc\tالعراق\r\n",
        "loc:baghdad\tGPE\tبغداد\t\n",
        "per:sudani\tPERS\tمحمد شياع السوداني\t\t\n",
        "loc:ir\tLOC\tإيران\t|\t;\n",
    ))
    .unwrap();
    assert_eq!(g.len(), 5);
    let nato = g.entity(g.find_id("org:nato").unwrap());
    assert_eq!(nato.kind, EntityKind::Organization);
    assert_eq!(nato.aliases, ["الناتو", "ناتو", "حلف الناتو"]);
    let attributes: BTreeMap<String, String> = [("en", "NATO"), ("wikidata", "Q7184")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(nato.attributes, attributes);
    let iq = g.entity(g.find_id("loc:iq").unwrap());
    assert_eq!(
        (iq.kind, iq.name.as_str()),
        (EntityKind::Location, "العراق")
    );
    assert!(iq.aliases.is_empty() && iq.attributes.is_empty());
    assert_eq!(
        g.entity(g.find_id("per:sudani").unwrap()).kind,
        EntityKind::Person
    );
    assert!(g.entity(g.find_id("loc:ir").unwrap()).aliases.is_empty());
    assert_eq!(
        ids(&g, "دعا محمد شياع السوداني الناتو وبغداد لإيران وللعراق"),
        [
            "محمد شياع السوداني=per:sudani",
            "الناتو=org:nato",
            "بغداد=loc:baghdad",
            "إيران=loc:ir",
            "لعراق=loc:iq"
        ]
    );
}

#[test]
fn tsv_with_a_byte_order_mark() {
    let g = tsv("\u{FEFF}loc:iq\tLOC\tالعراق\n").unwrap();
    assert_eq!(g.entities()[0].id, "loc:iq");
    let g = tsv("\u{FEFF}# a comment\nloc:iq\tLOC\tالعراق\n").unwrap();
    assert_eq!(g.len(), 1);
}

#[test]
fn jsonl_entities() {
    let g = jsonl(concat!(
        r#"{"id": "org:nato", "kind": "ORG", "name": "حلف شمال الأطلسي", "aliases": ["الناتو"], "attributes": {"en": "NATO"}}"#,
        "\n\n",
        r#"{"id": "loc:iq", "kind": "LOC", "name": "العراق"}"#,
        "\r\n",
        r#"{"id": "per:x", "kind": "PERSON", "name": "محمد شياع السوداني"}"#,
        "\n",
    ))
    .unwrap();
    assert_eq!(g.len(), 3);
    let nato = &g.entities()[0];
    assert_eq!(nato.aliases, ["الناتو"]);
    assert_eq!(nato.attributes.get("en").map(String::as_str), Some("NATO"));
    assert_eq!(g.entities()[2].kind, EntityKind::Person);
    assert_eq!(
        ids(&g, "والناتو في العراق"),
        ["الناتو=org:nato", "العراق=loc:iq"]
    );
}

#[test]
fn jsonl_with_a_byte_order_mark() {
    let g =
        jsonl("\u{FEFF}{\"id\": \"loc:iq\", \"kind\": \"LOC\", \"name\": \"العراق\"}\n").unwrap();
    assert_eq!(g.entities()[0].id, "loc:iq");
}

/// `name: input => "expected error message";` — one case a line.
macro_rules! errors {
    ($loader:ident { $($name:ident: $input:expr => $message:expr;)* }) => {
        $(
            #[test]
            fn $name() {
                assert_eq!($loader($input).map(|g| g.len()), Err($message.to_string()));
            }
        )*
    };
}

errors!(tsv {
    tsv_too_few_columns: "loc:iq\tLOC\tالعراق\nloc:ir\tLOC\n" => "people.tsv:2: expected at least 3 tab-separated columns (id, kind, name), found 2";
    tsv_spaces_instead_of_tabs: "# header\nloc:iq LOC العراق\n" => "people.tsv:2: expected at least 3 tab-separated columns (id, kind, name), found 1";
    tsv_too_many_columns: "\nloc:iq\tLOC\tالعراق\t\t\textra\n" => "people.tsv:2: expected at most 5 columns, found 6";
    tsv_unknown_kind: "loc:iq\tLOC\tالعراق\nx\tplace\tبغداد\n" => "people.tsv:2: unknown entity kind \"place\" (expected PER, ORG, LOC or MISC)";
    tsv_bad_attribute: "loc:iq\tLOC\tالعراق\t\ten=Iraq;wikidata\n" => "people.tsv:1: attribute \"wikidata\" is not key=value";
    tsv_empty_attribute_key: "loc:iq\tLOC\tالعراق\t\t=Iraq\n" => "people.tsv:1: attribute \"=Iraq\" has an empty key";
    tsv_duplicate_id: "loc:iq\tLOC\tالعراق\n# again\nloc:iq\tLOC\tبغداد\n" => "people.tsv:3: duplicate entity id \"loc:iq\"";
    tsv_empty_name: "loc:iq\tLOC\tالعراق\nloc:x\tLOC\t  \n" => "people.tsv:2: entity \"loc:x\" has a name that is empty or normalises to nothing (\"\")";
    tsv_empty_id: "\tLOC\tالعراق\n" => "people.tsv:1: entity \"\" has a name that is empty or normalises to nothing (\"\")";
    tsv_alias_of_diacritics_only: "loc:iq\tLOC\tالعراق\t\u{064B}\u{064C}\n" => "people.tsv:1: entity \"loc:iq\" has a name that is empty or normalises to nothing (\"\\u{64b}\\u{64c}\")";
    tsv_name_of_tatweel_only: "loc:iq\tLOC\tالعراق\nloc:x\tLOC\t\u{0640}\u{0640}\n" => "people.tsv:2: entity \"loc:x\" has a name that is empty or normalises to nothing (\"\u{0640}\u{0640}\")";
});

errors!(jsonl {
    jsonl_invalid_json: "{\"id\": \"a\", \"kind\": \"LOC\", \"name\": \"العراق\"}\n{\"id\": \"b\", \"kind\": \"LOC\" \"name\": \"بغداد\"}\n" => "people.jsonl:2: invalid entity JSON at column 27: expected `,` or `}`";
    jsonl_unknown_kind: "{\"id\": \"a\", \"kind\": \"PLACE\", \"name\": \"العراق\"}\n" => "people.jsonl:1: invalid entity JSON at column 27: unknown variant `PLACE`, expected one of `PER`, `PERS`, `PERSON`, `ORG`, `ORGANIZATION`, `GPE`, `LOC`, `LOCATION`, `MISC`";
    jsonl_missing_name: "\n{\"id\": \"a\", \"kind\": \"LOC\"}\n" => "people.jsonl:2: invalid entity JSON at column 26: missing field `name`";
    jsonl_not_an_object: "\"العراق\"\n" => "people.jsonl:1: invalid entity JSON at column 8: invalid type: string \"العراق\", expected struct Entity";
    jsonl_duplicate_id: "{\"id\": \"a\", \"kind\": \"LOC\", \"name\": \"العراق\"}\n{\"id\": \"a\", \"kind\": \"LOC\", \"name\": \"بغداد\"}\n" => "people.jsonl:2: duplicate entity id \"a\"";
    jsonl_alias_of_diacritics_only: "{\"id\": \"a\", \"kind\": \"LOC\", \"name\": \"العراق\", \"aliases\": [\"\u{064B}\u{064C}\"]}\n" => "people.jsonl:1: entity \"a\" has a name that is empty or normalises to nothing (\"\\u{64b}\\u{64c}\")";
});

#[test]
fn errors_from_code() {
    let mut builder = Gazetteer::builder();
    builder
        .add(Entity::new("loc:iq", EntityKind::Location, "العراق"))
        .unwrap();
    let duplicate = builder
        .add(Entity::new("loc:iq", EntityKind::Location, "بغداد"))
        .unwrap_err();
    assert_eq!(
        duplicate.to_string(),
        "entity \"loc:iq\": duplicate entity id \"loc:iq\""
    );
    assert!(matches!(duplicate.kind(), ErrorKind::DuplicateId { id, .. } if id == "loc:iq"));
    let empty = builder
        .add(Entity::new("loc:x", EntityKind::Location, ""))
        .unwrap_err();
    assert!(matches!(empty.kind(), ErrorKind::EmptyName { id, .. } if id == "loc:x"));
    builder
        .add(Entity::new("loc:y", EntityKind::Location, "بغداد").with_aliases(["\u{064E}\u{0651}"]))
        .unwrap();
    let err = builder.build().unwrap_err();
    assert_eq!(
        err.to_string(),
        "entity \"loc:y\": entity \"loc:y\" has a name that is empty or normalises to nothing (\"\\u{64e}\\u{651}\")"
    );
    assert!(matches!(err.kind(), ErrorKind::EmptyName { name, .. } if name == "\u{064E}\u{0651}"));
}

#[test]
fn load_picks_the_format_by_extension_and_names_the_file() {
    let dir = std::env::temp_dir().join(format!("khabar-gazetteer-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tsv_path = dir.join("places.tsv");
    let jsonl_path = dir.join("orgs.jsonl");
    std::fs::write(&tsv_path, "# places\nloc:iq\tLOC\tالعراق\n").unwrap();
    std::fs::write(
        &jsonl_path,
        "{\"id\": \"org:nato\", \"kind\": \"ORG\", \"name\": \"الناتو\"}\n",
    )
    .unwrap();
    let g = Gazetteer::builder()
        .load(&tsv_path)
        .and_then(|b| b.load(&jsonl_path))
        .and_then(|b| b.build())
        .unwrap();
    assert_eq!(
        ids(&g, "والناتو في العراق"),
        ["الناتو=org:nato", "العراق=loc:iq"]
    );

    let bad = dir.join("bad.tsv");
    std::fs::write(&bad, "loc:iq\tLOC\tالعراق\nloc:ir\tCOUNTRY\tإيران\n").unwrap();
    let err = Gazetteer::builder().load(&bad).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}:2: unknown entity kind \"COUNTRY\" (expected PER, ORG, LOC or MISC)",
            bad.display()
        )
    );

    let missing = dir.join("missing.tsv");
    let err = Gazetteer::builder().load(&missing).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("{}: cannot read: ", missing.display())),
        "{err}"
    );
    assert!(matches!(err.kind(), ErrorKind::Io { .. }));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_empty_gazetteer_finds_nothing() {
    let g = Gazetteer::builder().build().unwrap();
    assert!(g.is_empty());
    assert!(g.find("العراق وإيران").is_empty());
    assert!(g.find("").is_empty());
}
