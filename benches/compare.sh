#!/usr/bin/env bash
# Whole-process comparison: casegraph vs NetworkX vs the parsing floors, on
# the S, M and L datasets, each in two shapes of the generator (issue #14):
# `default` (the shapes of real data: most relationships without an id,
# labels, properties, escapes, non-ASCII names) and `explicit-ids` (every
# relationship with an id, none of the extras). Prints a Markdown table of
# median wall time and median peak RSS (from /usr/bin/time) per dataset,
# shape and command, then a summary per dataset and shape: check against
# the typed floor, peak RSS against the file, NetworkX's load against
# check, the path query and stats. See benches/BENCHMARKS.md for the figures
# and what they are measured against. Besides the load: 100 path queries
# between fixed pairs, a node-link export and a `render --focus` diagram,
# each beside NetworkX doing the same. And the load of the same dataset as
# the three CSV files (`casegraph export --format csv` writes them) against
# the csv crate alone reading them (examples/csv_floor.rs), issue #13 item 9.
#
#   benches/compare.sh              # S and M (3 runs each) and L (1 run), both shapes
#   SIZES="s m" RUNS=5 benches/compare.sh
#   SIZES=xs RUNS=1 benches/compare.sh        # 1000 entities: a quick check that it runs
#   SHAPES=default SIZES=m benches/compare.sh # one shape only
#   RUNS_L=3 benches/compare.sh
#   RUNS=5 RUNS_L=3 RUNS_NX_L=1 benches/compare.sh   # as recorded in BENCHMARKS.md
#
# Needs: /usr/bin/time (Debian package `time`), python3 with venv. Generated
# data goes to target/bench-data/, the NetworkX venv to target/venv/, what
# the commands write (and the pairs files) to target/bench-out/.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"s m l"}
SHAPES=${SHAPES:-"default explicit-ids"}
RUNS=${RUNS:-3}
RUNS_L=${RUNS_L:-1}
# NetworkX on L takes minutes a row: its rows may run fewer times.
RUNS_NX_L=${RUNS_NX_L:-$RUNS_L}
DATA=target/bench-data
OUT=target/bench-out
SEED=1
mkdir -p "$DATA" "$OUT"

command -v /usr/bin/time >/dev/null || { echo "install GNU time: apt-get install time" >&2; exit 2; }

cargo build --release --quiet --bin casegraph --example synth --example floors --example csv_floor
BIN=target/release/casegraph
[ -x target/venv/bin/python ] || python3 -m venv target/venv
PY=target/venv/bin/python
# NumPy for `nx.spring_layout`. `python -m pip`, not bin/pip: a venv copied
# from another checkout keeps that checkout's path in its scripts.
"$PY" -c 'import networkx, numpy' 2>/dev/null || "$PY" -m pip install --quiet networkx numpy

declare -A ENTITIES=([xs]=1000 [s]=10000 [m]=100000 [l]=1000000)
declare -A RELS=([xs]=3000 [s]=30000 [m]=300000 [l]=3000000)

# The medians of the last `measure`, for the summary.
T=0 M=0
# Summary rows, printed after the main table.
SUMMARY=()
CSV_SUMMARY=()

# measure LABEL CMD...: runs CMD $runs times, prints
# "| SIZE | SHAPE | LABEL | median s | median MiB | runs |" and sets T and M.
# A command that fails stops the script, unless `allow` (a regex, set for
# this call: `allow=RE measure ...`) matches the last line of its stderr.
measure() {
  local label=$1; shift
  local times=() rss=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o target/bench-time.txt "$@" >/dev/null 2>target/bench-stderr.txt || {
      if [ -z "${allow:-}" ] || ! tail -1 target/bench-stderr.txt | grep -qE "$allow"; then
        echo "failed: $*" >&2; cat target/bench-stderr.txt >&2; return 1
      fi; }
    read -r t m < <(tail -1 target/bench-time.txt)
    times+=("$t"); rss+=("$m")
  done
  local mt mr
  mt=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mr=$(printf '%s\n' "${rss[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '| %s | %s | %s | %.2f | %d | %s |\n' "$size" "$shape" "$label" "$mt" "$((mr / 1024))" "$runs"
  T=$mt M=$mr
}

# ratio A B: A / B to two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

echo "| dataset | shape | command | median wall s | median peak RSS MiB | runs |"
echo "| --- | --- | --- | --- | --- | --- |"
for size in $SIZES; do
for shape in $SHAPES; do
  # The explicit-ids file keeps the name it had before shapes (its bytes
  # did not change; benches/load.rs reads it too).
  file=$DATA/$size.json
  [ "$shape" = explicit-ids ] || file=$DATA/$size.$shape.json
  if [ ! -f "$file" ]; then
    target/release/examples/synth --entities "${ENTITIES[$size]}" \
      --relationships "${RELS[$size]}" --seed "$SEED" --shape "$shape" -o "$file"
  fi
  # The fixed queries come from the entity ids alone: the dataset is not read.
  pairs=$OUT/$size.pairs.tsv
  target/release/examples/synth --entities "${ENTITIES[$size]}" --seed "$SEED" --pairs-out "$pairs"
  focus=$(target/release/examples/synth --entities "${ENTITIES[$size]}" --seed "$SEED" --focus-id)
  runs=$RUNS; [ "$size" = l ] && runs=$RUNS_L
  nxruns=$runs; [ "$size" = l ] && nxruns=$RUNS_NX_L
  bytes=$(stat -c %s "$file")
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
  echo "| $size | $shape | file size: $mb MB | | | |"
  measure "cat" cat "$file"
  measure "serde_json IgnoredAny" target/release/examples/floors ignored "$file"
  measure "serde_json typed, borrowed" target/release/examples/floors typed "$file"
  floor=$T
  measure "casegraph check" "$BIN" check --data "$file"
  check=$T check_rss=$M
  measure "casegraph stats" "$BIN" stats --data "$file"
  stats=$T
  # Some of the pairs have no path (the small components), for which
  # `path` exits 1 and says so on its last line.
  allow='^error: [0-9]+ of [0-9]+ pairs (has|have) no path' \
    measure "casegraph path (100 pairs)" "$BIN" path --pairs "$pairs" --data "$file"
  path=$T
  runs=$nxruns measure "networkx path (100 pairs)" "$PY" benches/networkx_bench.py path "$file" "$pairs"
  measure "casegraph export node-link" "$BIN" export --format node-link \
    -o "$OUT/$size.node-link.json" --data "$file"
  runs=$nxruns measure "networkx export node-link" "$PY" benches/networkx_bench.py export "$file" \
    "$OUT/$size.networkx.node-link.json"
  measure "casegraph render --focus (svg)" "$BIN" render --focus "$focus" --depth 1 \
    -o "$OUT/$size.focus.svg" --data "$file"
  runs=$nxruns measure "networkx focus (svg)" "$PY" benches/networkx_bench.py focus "$file" "$focus" \
    "$OUT/$size.networkx.focus.svg"
  # The same dataset as the CSV files of graph-data/README.md (issue #13
  # item 9), written by casegraph's own CSV export: the csv crate alone
  # reading them (typed rows, the target's floor; and bare byte records),
  # and casegraph loading them.
  csvdir=${file%.json}.csv
  [ -f "$csvdir/relationships.csv" ] || "$BIN" export --format csv -o "$csvdir" --data "$file" >/dev/null
  csv_mb=$(du -cb "$csvdir"/*.csv | tail -1 | awk '{ printf "%.1f", $1 / 1e6 }')
  echo "| $size | $shape | CSV files: $csv_mb MB | | | |"
  measure "csv crate ByteRecord" target/release/examples/csv_floor bytes "$csvdir"
  csv_bytes=$T
  measure "csv crate typed, borrowed (floor)" target/release/examples/csv_floor typed "$csvdir"
  csv_floor=$T
  measure "casegraph check (CSV)" "$BIN" check --data "$csvdir"
  csv_check=$T csv_rss=$M
  CSV_SUMMARY+=("| $size | $shape | $csv_mb | $(ratio "$csv_check" "$csv_floor") ($csv_check s / $csv_floor s) | \
$(ratio "$csv_check" "$csv_bytes") | $(ratio "$csv_check" "$check") | $((csv_rss / 1024)) MiB |")
  runs=$nxruns measure "networkx check (load)" "$PY" benches/networkx_bench.py check "$file"
  nx_load=$T
  runs=$nxruns measure "networkx stats" "$PY" benches/networkx_bench.py stats "$file"
  # Per path query after the load: the 100 pairs' run less the check's, /100.
  per_query_ms=$(awk -v p="$path" -v c="$check" 'BEGIN { q = (p - c) * 10; printf "%.1f", q < 0 ? 0 : q }')
  SUMMARY+=("| $size | $shape | $mb | $(ratio "$check" "$floor") ($check s / $floor s) | \
$(ratio $((check_rss * 1024)) "$bytes") ($((check_rss / 1024)) MiB) | $(ratio "$nx_load" "$check") | \
$per_query_ms | $stats |")
done
done

echo
echo "| dataset | shape | file MB | check ÷ typed floor | peak RSS ÷ file | NetworkX load ÷ check | path ms / query after load | stats s |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${SUMMARY[@]}"

echo
echo "| dataset | shape | CSV MB | check (CSV) ÷ csv typed floor | ÷ csv ByteRecord | ÷ check (JSON) | check (CSV) peak RSS |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${CSV_SUMMARY[@]}"
