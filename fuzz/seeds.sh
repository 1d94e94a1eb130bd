#!/bin/sh
# Writes seed corpora into fuzz/corpus/<target>/ (git-ignored): short lines of the seed article and of
# the SaudiNewsNet sample, plus small gazetteers and gazetteer files made from them. Nothing is committed.
set -eu
cd "$(dirname "$0")"
shared=${KHABAR_SHARED:-../../shared}
article=$shared/seed/article.txt
corpus=$shared/data/corpus/saudinewsnet-10mb.txt
lines=$(mktemp)
trap 'rm -f "$lines"' EXIT
{ [ -f "$article" ] && cat "$article"; [ -f "$corpus" ] && head -c 400000 "$corpus"; } 2>/dev/null |
    tr -d '\r' | awk 'length($0) > 0' | cut -c1-300 | awk 'NR % 3 == 1' | head -n 400 > "$lines"
for target in normalize tokenize gazetteer loaders attribution analyzer; do
    mkdir -p "corpus/$target"
done
n=0
while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "$line" > "corpus/tokenize/l$n"
    printf '%s' "$line" > "corpus/attribution/l$n"
    printf '%s' "$line" > "corpus/analyzer/l$n"
    # Two bytes of normaliser switches (all on, then the defaults plus extras) before the text.
    printf '\377\037%s' "$line" > "corpus/normalize/l$n"
    # Gazetteer: one byte (two entities), two names taken from the line, then the line as text.
    a=$(printf '%s' "$line" | cut -d' ' -f2-3)
    b=$(printf '%s' "$line" | cut -d' ' -f5)
    printf '\001%s\n%s|و%s\n%s' "$a" "$b" "$b" "$line" > "corpus/gazetteer/l$n"
    if [ $((n % 4)) -eq 0 ]; then
        printf 'e%s\tPER\t%s\t%s|%s\ten=x;k=v\n# comment\n' "$n" "$a" "$b" "$a" > "corpus/loaders/t$n"
        printf '{"id": "e%s", "kind": "LOC", "name": "%s", "aliases": ["%s"]}\n' "$n" "$a" "$b" > "corpus/loaders/j$n"
    fi
done < "$lines"
echo "seeded $n lines into $(pwd)/corpus"
