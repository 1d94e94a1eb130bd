#!/usr/bin/env python3
"""Builds default.tsv, the embedded default gazetteer of khabar-gazetteer.

Usage (from the repository root):

    python3 crates/khabar-gazetteer/data/generate.py [SHARED_DATA_DIR]

SHARED_DATA_DIR defaults to ../shared/data relative to the repository root. Only permissive sources are
read (see README.md next to this script):

* cldr-ar/territories.json        Unicode CLDR, Unicode License v3: country/territory and region names
* i18n-iso-countries-ar/ar.json   i18n-iso-countries, MIT: country names
* cldr-ar/timeZoneNames.json      Unicode CLDR, Unicode License v3: exemplar cities of time zones
* curated_locations.tsv, curated_organizations.tsv, curated_people.tsv (hand-written, this directory)

Merging: entities are keyed by id. Countries come from the two country sources merged by ISO 3166 code;
a curated row with the same id overrides the canonical name (when its canonical column is not empty),
adds its aliases and overrides attributes. Exemplar cities are added last and only when none of their
names (after the matcher's folds) is already a name of another entity.

Standard library only; the output is deterministic.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]

KINDS = ("PER", "ORG", "LOC")

# Arabic diacritics (harakat, tanween, shadda, sukun, superscript alef, Quranic marks) and tatweel.
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def clean(name):
    """The name as written, without diacritics and tatweel, with single spaces."""
    name = DIACRITICS.sub("", name)
    name = name.replace("\t", " ").replace("|", " ")
    return " ".join(name.split())


def fold(name):
    """The matcher's default folds, for de-duplication: diacritics, tatweel, alef variants, ى → ي."""
    name = clean(name)
    name = re.sub("[أإآٱ]", "ا", name)
    name = name.replace("ى", "ي")
    name = re.sub("[\u201c\u201d\u00ab\u00bb]", '"', name)
    return name


# ISO-like codes of the country sources that are not places (or are organisations, curated as ORG).
NOT_PLACES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "CQ"}

# UN M49 regions of CLDR that news names as places: code -> (id, English).
REGIONS = {
    "002": ("africa", "Africa"),
    "003": ("north-america", "North America"),
    "005": ("south-america", "South America"),
    "009": ("oceania", "Oceania"),
    "011": ("west-africa", "Western Africa"),
    "013": ("central-america", "Central America"),
    "014": ("east-africa", "Eastern Africa"),
    "015": ("north-africa", "Northern Africa"),
    "017": ("central-africa", "Middle Africa"),
    "018": ("southern-africa", "Southern Africa"),
    "019": ("americas", "Americas"),
    "021": ("northern-america", "Northern America"),
    "029": ("caribbean", "Caribbean"),
    "030": ("east-asia", "Eastern Asia"),
    "034": ("south-asia", "Southern Asia"),
    "035": ("southeast-asia", "South-Eastern Asia"),
    "039": ("southern-europe", "Southern Europe"),
    "053": ("australasia", "Australasia"),
    "054": ("melanesia", "Melanesia"),
    "057": ("micronesia-region", "Micronesia"),
    "061": ("polynesia", "Polynesia"),
    "142": ("asia", "Asia"),
    "143": ("central-asia", "Central Asia"),
    "145": ("west-asia", "Western Asia"),
    "150": ("europe", "Europe"),
    "151": ("eastern-europe", "Eastern Europe"),
    "154": ("northern-europe", "Northern Europe"),
    "155": ("western-europe", "Western Europe"),
    "202": ("sub-saharan-africa", "Sub-Saharan Africa"),
    "419": ("latin-america", "Latin America"),
}

# Exemplar cities left out: common Arabic words or personal names (false matches in news), names that
# are not place names, and remote stations. Time-zone areas left out entirely: Antarctica, Etc.
SKIP_ZONE_AREAS = {"Antarctica", "Etc"}
SKIP_CITIES = {
    "ترك", "استر", "كانتون", "واك", "سمراء", "أورال", "نوم", "سنتر", "كونكس", "فيفاي", "ثيل", "سيتا",
    "دارون", "برثا", "بيترسبرغ", "العيون", "ماهي", "كريسماس", "أداك", "جوني", "بلم", "جوجو", "واليس",
    "كوسرا", "باناب", "سالطا", "تاكمان", "أشوا", "كيشينج", "ايركيتسك", "مجادن", "سكالين", "أندير",
    "ياكتسك", "يكاترنبيرج", "نوفوسبيرسك", "فلاديفوستك", "فولوجراد", "كالينجراد", "ريوبرانكو",
    "كومبو جراند", "أروجوانيا", "ماشيو", "وينكتون", "سوفت كارنت", "كامبرديج باي", "كيابا", "ايرونبي",
    "برسيبان", "أوكلا", "ليندمان", "لورد هاو", "سكورسبيسند", "دانمرك شافن", "غودثاب", "أكتوب",
    "لومبباشا", "مكويلون", "كرالنديك", "حي الأمير السفلي", "مدينة هو تشي منة", "مدينة غير معروفة",
    "سول", "ديلي", "فارو", "كناري", "كوكوس", "تشاغوس", "سان خوان", "سان لويس", "سانتياغو", "ميريدا",
    "ريجينا", "بويس", "نيو ساليم", "مينوميني", "فينسينس", "ويناماك", "مارنجو", "مونتيسيلو", "لويس فيل",
    "غراند ترك", "جوس باي", "جلاس باي", "كورال هاربر", "ريزولوت", "رانكن انلت", "اينوفيك", "داوسان",
    "داوسن كريك", "كريستون", "فورت نيلسون", "وايت هورس", "اكويلت", "بلانك-سابلون", "سانت جونس",
    "كويهايكيو", "بونتا أريناز", "أوجيناجا", "باهيا بانديراس", "ياكوتات", "سيتكا", "ميتلاكاتلا", "نوم",
    "خانديجا", "أوست نيرا", "سريدنكوليمسك", "هوفد", "قوستاناي", "أتيراو", "أكتاو", "كيزيلوردا", "ماكسار",
    "بونتيانك", "جايابيورا", "بوسنغن", "ماريهامن", "فاماغوستا", "جامبير", "ماركيساس", "تشاثام",
    "كيريتي ماتي", "كواجالين", "فاكاوفو", "تونغاتابو", "إيفات", "ثيل", "كايين", "ماريغوت", "باو فيستا",
    "بورتو فيلو", "سانتاريم", "نوروناه", "ريسيف", "فورتاليزا", "باهيا", "ماناوس", "أزورس", "ماديرا",
    "استانلي", "جورجيا الجنوبية", "سانت توماس", "تورتولا", "سانت كيتس", "سانت لوشيا", "سانت فنسنت",
    "كايمان", "أنتيغوا", "المالديف", "ريونيون", "كيرغويلين", "لونجيربين", "ميدواي", "بيتكيرن",
}


def slug(text):
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s


class Entity:
    def __init__(self, ident, kind, canonical, source):
        self.id = ident
        self.kind = kind
        self.canonical = canonical
        self.aliases = []
        self.attrs = {}
        self.sources = {source}

    def names(self):
        return [self.canonical] + self.aliases

    def add_alias(self, name):
        name = clean(name)
        if not name:
            return
        # One name per folded form, except for an entity that must be spelled exactly (`spelling=exact`):
        # the matcher compares its text with every spelling the data lists.
        key = (lambda n: n) if self.attrs.get("spelling") == "exact" else fold
        if key(name) in {key(n) for n in self.names()}:
            return
        self.aliases.append(name)

    def set_canonical(self, name):
        name = clean(name)
        old = self.canonical
        self.aliases = [a for a in self.aliases if fold(a) != fold(name)]
        self.canonical = name
        if old and fold(old) != fold(name):
            self.aliases.insert(0, old)


def usable(name):
    """Source names with parentheses, dash-separated qualifiers or commas are not news names."""
    return name and "(" not in name and " - " not in name and "،" not in name and "," not in name


def read_tsv(path):
    rows = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) != 5:
            sys.exit(f"{path}:{number}: expected 5 tab-separated columns, found {len(cols)}")
        ident, kind, canonical, aliases, attrs = (c.strip() for c in cols)
        if kind not in KINDS:
            sys.exit(f"{path}:{number}: bad kind {kind!r}")
        attributes = {}
        for pair in filter(None, (p.strip() for p in attrs.split(";"))):
            if "=" not in pair:
                sys.exit(f"{path}:{number}: attribute {pair!r} is not key=value")
            key, value = pair.split("=", 1)
            attributes[key.strip()] = value.strip()
        rows.append((number, ident, kind, canonical, [a.strip() for a in aliases.split("|") if a.strip()], attributes))
    return rows


def main():
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    shared = shared.resolve()
    territories = json.loads((shared / "cldr-ar" / "territories.json").read_text(encoding="utf-8"))
    territories = territories["main"]["ar"]["localeDisplayNames"]["territories"]
    iso = json.loads((shared / "i18n-iso-countries-ar" / "ar.json").read_text(encoding="utf-8"))["countries"]
    zones = json.loads((shared / "cldr-ar" / "timeZoneNames.json").read_text(encoding="utf-8"))
    zones = zones["main"]["ar"]["dates"]["timeZoneNames"]["zone"]

    entities = {}

    def get(ident, kind, canonical, source):
        if ident not in entities:
            entities[ident] = Entity(ident, kind, clean(canonical), source)
        else:
            entities[ident].sources.add(source)
        return entities[ident]

    # 1. Countries and territories: i18n-iso-countries name first (the shorter, usual form), then CLDR.
    codes = sorted({k.split("-")[0] for k in territories if re.fullmatch(r"[A-Z]{2}(-.*)?", k)} | set(iso))
    for code in codes:
        if code in NOT_PLACES:
            continue
        names = []
        if usable(iso.get(code, "")):
            names.append(iso[code])
        for key in (code + "-alt-short", code, code + "-alt-variant"):
            if usable(territories.get(key, "")):
                names.append(territories[key])
        names = [clean(n) for n in names]
        if not names:
            continue
        entity = get("loc:" + code.lower(), "LOC", names[0], "cldr+i18n-iso-countries")
        for n in names[1:]:
            entity.add_alias(n)
        entity.attrs["iso"] = code
    # 2. Regions (UN M49 codes of CLDR).
    for code, (ident, english) in REGIONS.items():
        if code in territories:
            entity = get("loc:" + ident, "LOC", territories[code], "cldr")
            entity.attrs["en"] = english

    # 3. Curated files override and extend.
    for file_name in ("curated_locations.tsv", "curated_organizations.tsv", "curated_people.tsv"):
        for number, ident, kind, canonical, aliases, attrs in read_tsv(HERE / file_name):
            where = f"{file_name}:{number}"
            if ident in entities:
                entity = entities[ident]
                if entity.kind != kind:
                    sys.exit(f"{where}: {ident} is {entity.kind} elsewhere")
                entity.sources.add("curated")
                if canonical:
                    entity.set_canonical(canonical)
            else:
                if not canonical:
                    sys.exit(f"{where}: new entity {ident} needs a canonical name")
                entity = get(ident, kind, canonical, "curated")
            entity.attrs.update(attrs)
            for a in aliases:
                entity.add_alias(a)

    # 3b. A club named "نادي الX" is as often "النادي الX" (النادي الأهلي): that form is an alias too. Only the
    # bare X stays out: الهلال، التعاون are common words (the context rules read them after فريق, لاعب …).
    for entity in entities.values():
        if entity.kind == "ORG" and entity.canonical.startswith("نادي ال"):
            entity.add_alias("النادي " + entity.canonical[len("نادي "):])

    # 4. Exemplar cities of the time zones, when not already known under another id.
    taken = {}
    for e in entities.values():
        for n in e.names():
            taken.setdefault(fold(n), e.id)

    def walk(node, path):
        for key, value in sorted(node.items()):
            if not isinstance(value, dict):
                continue
            if "exemplarCity" in value:
                yield path + [key], value["exemplarCity"]
            else:
                yield from walk(value, path + [key])

    for path, city in walk(zones, []):
        if path[0] in SKIP_ZONE_AREAS:
            continue
        city = clean(city)
        if not usable(city) or city in SKIP_CITIES or len(fold(city).replace(" ", "")) < 3:
            continue
        english = path[-1].replace("_", " ")
        ident = "loc:" + slug(english)
        owner = taken.get(fold(city))
        if owner is not None:
            continue  # a country, or a curated city that already has this name
        if ident in entities:
            # Same id as a curated place with other names: add the CLDR spelling as a variant.
            entities[ident].add_alias(city)
            entities[ident].sources.add("cldr-tz")
            taken[fold(city)] = ident
            continue
        entity = get(ident, "LOC", city, "cldr-tz")
        entity.attrs.setdefault("en", english)
        taken[fold(city)] = ident

    # 5. Write.
    order = {"LOC": 0, "ORG": 1, "PER": 2}
    out = [
        "# khabar-gazetteer default gazetteer. GENERATED by generate.py: do not edit by hand.",
        "# Sources: Unicode CLDR 48.2 (Unicode License v3), i18n-iso-countries 7.14.0 (MIT), hand-curated",
        "# lists (this repository's licence). See README.md.",
        "# id<TAB>kind<TAB>canonical<TAB>aliases (|)<TAB>attributes (key=value;...)",
    ]
    counts = {k: 0 for k in KINDS}
    for entity in sorted(entities.values(), key=lambda e: (order[e.kind], e.id)):
        if entity.kind == "LOC" and entity.id[4:].isalpha() and len(entity.id) == 6 and "iso" not in entity.attrs:
            entity.attrs["iso"] = entity.id[4:].upper()
        keys = sorted(entity.attrs, key=lambda k: (k not in ("en", "iso"), k != "en", k))
        attrs = ";".join(f"{k}={entity.attrs[k]}" for k in keys)
        out.append("\t".join([entity.id, entity.kind, entity.canonical, "|".join(entity.aliases), attrs]))
        counts[entity.kind] += 1
    (HERE / "default.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    print("wrote", HERE / "default.tsv", " ".join(f"{k}={v}" for k, v in counts.items()), "total", sum(counts.values()))


if __name__ == "__main__":
    main()
