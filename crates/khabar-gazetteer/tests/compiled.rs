//! A compiled gazetteer saved with `to_bytes` and loaded with `from_bytes` finds exactly what the original
//! finds; bytes that are not a compiled gazetteer fail with a clear error, never a panic.

use khabar_gazetteer::{Entity, EntityKind, ErrorKind, Gazetteer};
use khabar_tokenize::Normalizer;

fn custom() -> Gazetteer {
    let mut builder = Gazetteer::builder();
    builder
        .add(
            Entity::new("org:nato", EntityKind::Organization, "حلف شمال الأطلسي")
                .with_aliases(["الناتو", "ناتو", "NATO"])
                .with_attribute("wikidata", "Q7184"),
        )
        .unwrap()
        .add(Entity::new("loc:iq", EntityKind::Location, "العراق"))
        .unwrap()
        .add(Entity::new("loc:ga", EntityKind::Location, "جورجيا"))
        .unwrap()
        .add(Entity::new("loc:ga-us", EntityKind::Location, "ولاية جورجيا").with_aliases(["جورجيا"]))
        .unwrap()
        .add(Entity::new(
            "per:sudani",
            EntityKind::Person,
            "محمد شياع السوداني",
        ))
        .unwrap()
        .add(Entity::new(
            "misc:x",
            EntityKind::Misc,
            "كتائب \"سيد الشهداء\"",
        ))
        .unwrap();
    // A non-default normaliser: ta marbuta folded.
    builder.normalizer(Normalizer::builder().teh_marbuta(true).build());
    builder.build().unwrap()
}

const TEXTS: &[&str] = &[
    "والناتو يدعم بغداد وللعراق حدود مع إيران",
    "قال محمد شياع السوداني إن العراق ... وأكد السوداني وللسوداني",
    "جورجيا وولاية جورجيا، nato وNATO",
    "كتائب «سيد الشهداء» في العراقية",
    "",
    "أعلنت وزارة الخارجية السعودية في الرياض أن الأمم المتحدة والولايات المتحدة",
];

fn round_trip(gazetteer: &Gazetteer) -> Gazetteer {
    let bytes = gazetteer.to_bytes();
    let loaded = Gazetteer::from_bytes(&bytes).expect("bytes from to_bytes load");
    assert_eq!(
        loaded.to_bytes(),
        bytes,
        "saving again gives the same bytes"
    );
    loaded
}

#[test]
fn round_trip_finds_the_same() {
    for gazetteer in [Gazetteer::default(), custom()] {
        let loaded = round_trip(&gazetteer);
        assert_eq!(loaded.entities(), gazetteer.entities());
        assert_eq!(
            loaded.normalizer().options(),
            gazetteer.normalizer().options()
        );
        assert_eq!(loaded.pattern_count(), gazetteer.pattern_count());
        for text in TEXTS {
            assert_eq!(loaded.find(text), gazetteer.find(text), "{text:?}");
        }
        for entity in gazetteer.entities().iter().take(300) {
            for name in entity.names() {
                let text = format!("وقال {name}، ثم {name}");
                assert_eq!(loaded.find(&text), gazetteer.find(&text), "{text:?}");
            }
        }
    }
}

#[test]
fn round_trip_of_an_empty_gazetteer() {
    let empty = Gazetteer::builder().build().unwrap();
    let loaded = round_trip(&empty);
    assert!(loaded.is_empty());
    assert!(loaded.find("العراق").is_empty());
}

fn load_error(bytes: &[u8]) -> String {
    match Gazetteer::from_bytes(bytes) {
        Ok(_) => panic!("{} bytes loaded", bytes.len()),
        Err(e) => {
            assert!(matches!(e.kind(), ErrorKind::Compiled(_)), "{e:?}");
            e.to_string()
        }
    }
}

#[test]
fn bad_bytes_fail_clearly() {
    let bytes = custom().to_bytes();
    assert!(load_error(b"").contains("not a compiled khabar gazetteer"));
    assert!(load_error(b"id\tLOC\tname\n").contains("not a compiled khabar gazetteer"));
    assert!(load_error(&bytes[..bytes.len() - 1]).contains("truncated"));

    let mut corrupted = bytes.clone();
    let middle = corrupted.len() / 2;
    corrupted[middle] ^= 0x40;
    assert!(load_error(&corrupted).contains("checksum"));

    let mut other_version = bytes.clone();
    other_version[8] = other_version[8].wrapping_add(1);
    let message = load_error(&other_version);
    assert!(message.contains("version"), "{message}");

    // Every truncation fails, none panics.
    for len in (0..bytes.len()).step_by(7) {
        load_error(&bytes[..len]);
    }
}
