#!/bin/sh
# Runs every fuzz target for SECONDS (default 60) each, on stable Rust through RUSTC_BOOTSTRAP, and
# prints the executions per target. Seeds first with ./seeds.sh.
set -u
cd "$(dirname "$0")"
seconds=${1:-60}
[ -d corpus ] || ./seeds.sh
for target in normalize tokenize gazetteer loaders attribution analyzer; do
    mkdir -p "corpus/$target" "artifacts/$target"
    log=artifacts/$target.log
    RUSTC_BOOTSTRAP=1 cargo fuzz run -O -a --sanitizer none "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 > "$log" 2>&1
    status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    echo "$target: exit $status, ${runs:-?} executions in ${seconds}s"
    [ $status -eq 0 ] || grep -E 'panicked|Test unit written' "$log" | head -3
done
