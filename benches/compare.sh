#!/usr/bin/env bash
# Whole-process comparison: casegraph vs NetworkX vs the parsing floors, on
# the S, M and L datasets, each in two shapes of the generator (issue #14):
# `default` (the shapes of real data: most relationships without an id,
# labels, properties, escapes, non-ASCII names) and `explicit-ids` (every
# relationship with an id, none of the extras). Prints a Markdown table of
# median wall time and median peak RSS (from /usr/bin/time) per dataset,
# shape and command, then a summary per dataset and shape: check against
# the typed floor, peak RSS against the file, NetworkX's load against
# check, the path query and stats. Each floor and the `check` measured
# against it run in turn (floor, check, floor, check, …), so that their
# ratio compares runs made under the same load of the host. See
# benches/BENCHMARKS.md for the figures
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
#   DRAW_SIZES= benches/compare.sh            # no drawing section
#   SIZES= DRAW_SIZES="50 100" RUNS=1 benches/compare.sh   # drawing only, the small sizes
#   DRAW_TIMEOUT=600 SIZES= benches/compare.sh  # drawing only, system dot given 10 min a run
#
# Then the drawing time of issue #14 item 5: random graphs of DRAW_SIZES
# entities (default 50 100 200 500; at most 500, what `render` draws
# unforced) and three times as many relationships,
# each in two kinds (`synth --ends uniform`: both ends uniform; `--ends
# hub-heavy`: one end from a Pareto distribution), drawn whole by `casegraph
# render` as SVG and PNG (`--layout auto`: the engine it chose is in the
# table) and by the system Graphviz (/usr/bin/dot and /usr/bin/neato) on the
# DOT casegraph writes for that engine. Every drawing run is stopped after
# DRAW_TIMEOUT seconds (default 120) and shows as "> 120".
#
# Needs: /usr/bin/time (Debian package `time`), python3 with venv (only for
# SIZES), Graphviz in /usr/bin for its columns (else they read "-"). Generated
# data goes to target/bench-data/, the NetworkX venv to target/venv/, what
# the commands write (and the pairs files) to target/bench-out/.
set -euo pipefail
cd "$(dirname "$0")/.."

# `-`, not `:-`: an empty SIZES or DRAW_SIZES skips its section.
SIZES=${SIZES-"s m l"}
DRAW_SIZES=${DRAW_SIZES-"50 100 200 500"}
DRAW_TIMEOUT=${DRAW_TIMEOUT:-120}
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
PY=target/venv/bin/python
if [ -n "$SIZES" ]; then
  [ -x "$PY" ] || python3 -m venv target/venv
  # NumPy for `nx.spring_layout`. `python -m pip`, not bin/pip: a venv copied
  # from another checkout keeps that checkout's path in its scripts.
  "$PY" -c 'import networkx, numpy' 2>/dev/null || "$PY" -m pip install --quiet networkx numpy
fi

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
# With `limit=SECONDS measure ...` each run is stopped after that long: the
# row then reads "> SECONDS", T is "> SECONDS" and no further run is made.
measure() {
  local label=$1; shift
  local times=() rss=() status
  # /usr/bin/time around `timeout`: its peak RSS is the command's.
  [ -z "${limit:-}" ] || set -- timeout "$limit" "$@"
  for _ in $(seq "$runs"); do
    status=0
    /usr/bin/time -f "%e %M" -o target/bench-time.txt "$@" >/dev/null 2>target/bench-stderr.txt || status=$?
    if [ -n "${limit:-}" ] && [ "$status" = 124 ]; then
      printf '| %s | %s | %s | > %s | - | stopped |\n' "$size" "$shape" "$label" "$limit"
      T="> $limit" M=0
      return 0
    fi
    if [ "$status" != 0 ]; then
      if [ -z "${allow:-}" ] || ! tail -1 target/bench-stderr.txt | grep -qE "$allow"; then
        echo "failed: $*" >&2; cat target/bench-stderr.txt >&2; return 1
      fi
    fi
    read -r t m < <(tail -1 target/bench-time.txt)
    times+=("$t"); rss+=("$m")
  done
  local mt mr
  mt=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mr=$(printf '%s\n' "${rss[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '| %s | %s | %s | %.2f | %d | %s |\n' "$size" "$shape" "$label" "$mt" "$((mr / 1024))" "$runs"
  T=$mt M=$mr
}

# measure_pair LABEL_A LABEL_B: like `measure`, for the commands in the
# arrays A and B, run in turn (A, B, A, B, …) rather than all of A's runs
# and then all of B's: on a shared host the load changes from minute to
# minute, and a ratio of two medians taken minutes apart measured the host
# as much as the code. Prints a row for each; sets TA MA (A's medians) and
# TB MB (B's).
measure_pair() {
  local la=$1 lb=$2 ta=() tb=() ra=() rb=() t m
  for _ in $(seq "$runs"); do
    run_once "${A[@]}" || return 1
    read -r t m < <(tail -1 target/bench-time.txt)
    ta+=("$t"); ra+=("$m")
    run_once "${B[@]}" || return 1
    read -r t m < <(tail -1 target/bench-time.txt)
    tb+=("$t"); rb+=("$m")
  done
  TA=$(median "${ta[@]}") MA=$(median "${ra[@]}") TB=$(median "${tb[@]}") MB=$(median "${rb[@]}")
  printf '| %s | %s | %s | %.2f | %d | %s, in turn with the next |\n' "$size" "$shape" "$la" "$TA" "$((MA / 1024))" "$runs"
  printf '| %s | %s | %s | %.2f | %d | %s, in turn with the one above |\n' "$size" "$shape" "$lb" "$TB" "$((MB / 1024))" "$runs"
}

# run_once CMD...: one timed run into target/bench-time.txt; a failure stops
# the script unless `allow` matches the last line of its stderr.
run_once() {
  /usr/bin/time -f "%e %M" -o target/bench-time.txt "$@" >/dev/null 2>target/bench-stderr.txt && return 0
  [ -n "${allow:-}" ] && tail -1 target/bench-stderr.txt | grep -qE "$allow" && return 0
  echo "failed: $*" >&2; cat target/bench-stderr.txt >&2; return 1
}

# median X...: the middle value (the lower middle of an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# ratio A B: A / B to two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

if [ -n "$SIZES" ]; then
echo "| dataset | shape | command | median wall s | median peak RSS MiB | runs |"
echo "| --- | --- | --- | --- | --- | --- |"
fi
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
  A=(target/release/examples/floors typed "$file") B=("$BIN" check --data "$file")
  measure_pair "serde_json typed, borrowed" "casegraph check"
  floor=$TA check=$TB check_rss=$MB
  measure "casegraph stats" "$BIN" stats --data "$file"
  stats=$T
  # The per-query cost after the load: 100 pairs against the first of
  # them alone, in turn. The first query of a run also spells out the
  # default ids (the answer names relationships), once for all: that is
  # the 1-pair run less `check`, shown on its own. Some of the pairs have
  # no path (the small components), for which `path` exits 1 and says so
  # on its last line.
  pair1=$OUT/$size.pair1.tsv
  grep -v '^#' "$pairs" | head -1 > "$pair1"
  A=("$BIN" path --pairs "$pair1" --data "$file") B=("$BIN" path --pairs "$pairs" --data "$file")
  allow='^error: [0-9]+ of [0-9]+ pairs? (has|have) no path' \
    measure_pair "casegraph path (1 pair)" "casegraph path (100 pairs)"
  path1=$TA path=$TB
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
  A=(target/release/examples/csv_floor typed "$csvdir") B=("$BIN" check --data "$csvdir")
  measure_pair "csv crate typed, borrowed (floor)" "casegraph check (CSV)"
  csv_floor=$TA csv_check=$TB csv_rss=$MB
  CSV_SUMMARY+=("| $size | $shape | $csv_mb | $(ratio "$csv_check" "$csv_floor") ($csv_check s / $csv_floor s) | \
$(ratio "$csv_check" "$csv_bytes") | $(ratio "$csv_check" "$check") | $((csv_rss / 1024)) MiB |")
  runs=$nxruns measure "networkx check (load)" "$PY" benches/networkx_bench.py check "$file"
  nx_load=$T
  runs=$nxruns measure "networkx stats" "$PY" benches/networkx_bench.py stats "$file"
  # Per path query after the load and the first query: (100 pairs − 1 pair) / 99.
  per_query_ms=$(awk -v p="$path" -v o="$path1" 'BEGIN { q = (p - o) * 1000 / 99; printf "%.1f", q < 0 ? 0 : q }')
  first_s=$(awk -v o="$path1" -v c="$check" 'BEGIN { q = o - c; printf "%.2f", q < 0 ? 0 : q }')
  SUMMARY+=("| $size | $shape | $mb | $(ratio "$check" "$floor") ($check s / $floor s) | \
$(ratio $((check_rss * 1024)) "$bytes") ($((check_rss / 1024)) MiB) | $(ratio "$nx_load" "$check") | \
$per_query_ms | $first_s | $stats |")
done
done

if [ -n "$SIZES" ]; then
echo
echo "| dataset | shape | file MB | check ÷ typed floor | peak RSS ÷ file | NetworkX load ÷ check | path ms / query after load | first path query s | stats s |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${SUMMARY[@]}"

echo
echo "| dataset | shape | CSV MB | check (CSV) ÷ csv typed floor | ÷ csv ByteRecord | ÷ check (JSON) | check (CSV) peak RSS |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${CSV_SUMMARY[@]}"
fi

# Drawing time (issue #14 item 5): random graphs of 3 relationships per
# entity, drawn whole by casegraph (SVG, and PNG through resvg) and by the
# system Graphviz. Every run is stopped after DRAW_TIMEOUT s: the system
# `dot` takes minutes from 200 entities on.
[ -n "$DRAW_SIZES" ] || exit 0
declare -A DRAWN=()
DRAW_ROWS=()
runs=$RUNS
echo
echo "| entities / relationships | graph | command | median wall s | median peak RSS MiB | runs |"
echo "| --- | --- | --- | --- | --- | --- |"
for n in $DRAW_SIZES; do
for kind in uniform hub-heavy; do
  rels=$((3 * n))
  size="$n / $rels" shape=$kind base=draw-$n-$kind
  file=$DATA/$base.json
  # Milliseconds to write, so written every time: never a stale file.
  target/release/examples/synth --ends "$kind" --entities "$n" --relationships "$rels" \
    --seed "$SEED" -o "$file"
  limit=$DRAW_TIMEOUT measure "casegraph render svg" "$BIN" render --format svg \
    -o "$OUT/$base.svg" --data "$file"
  svg=$T
  # `--layout auto` says on stderr when it chose another engine than dot.
  engine=$(grep -oE 'laid out with [a-z]+' target/bench-stderr.txt | awk '{ print $4 }' || true)
  engine=${engine:-dot}
  limit=$DRAW_TIMEOUT measure "casegraph render png" "$BIN" render --format png \
    -o "$OUT/$base.png" --data "$file"
  png=$T
  sys_dot=- sys_neato=-
  if [ -x /usr/bin/dot ] && [ -x /usr/bin/neato ]; then
    # Each engine gets the DOT casegraph writes for it: the neato one asks
    # to remove overlaps and route curved edges, and names its engine
    # (`layout=neato`), which /usr/bin/dot would obey.
    "$BIN" render --format dot --layout dot -o "$OUT/$base.dot.gv" --data "$file"
    "$BIN" render --format dot --layout neato -o "$OUT/$base.neato.gv" --data "$file"
    limit=$DRAW_TIMEOUT measure "system dot -Tsvg" /usr/bin/dot -Tsvg \
      -o "$OUT/$base.system-dot.svg" "$OUT/$base.dot.gv"
    sys_dot=$T
    limit=$DRAW_TIMEOUT measure "system neato -Tsvg" /usr/bin/neato -Tsvg \
      -o "$OUT/$base.system-neato.svg" "$OUT/$base.neato.gv"
    sys_neato=$T
  fi
  DRAWN["$n $kind svg"]=$svg DRAWN["$n $kind png"]=$png
  DRAW_ROWS+=("| $n | $rels | $kind | $svg ($engine) | $png | $sys_dot | $sys_neato |")
done
done

echo
echo "| entities | relationships | graph | casegraph svg s (engine) | casegraph png s | system dot s | system neato s |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${DRAW_ROWS[@]}"

# The issue's targets for `render`, where their size was drawn: the slower
# of SVG and PNG, on both kinds of graph.
echo
for goal in "200 10" "500 30"; do
  read -r n most <<<"$goal"
  [ -n "${DRAWN["$n uniform svg"]:-}" ] || continue
  met=met figures=()
  for kind in uniform hub-heavy; do
    svg=${DRAWN["$n $kind svg"]} png=${DRAWN["$n $kind png"]}
    figures+=("$kind svg $svg s, png $png s")
    for t in "$svg" "$png"; do
      awk -v t="$t" -v most="$most" 'BEGIN { exit !(t !~ /^>/ && t + 0 <= most) }' || met="NOT met"
    done
  done
  joined=$(printf '%s; ' "${figures[@]}")
  echo "- render ≤ $most s at $n / $((3 * n)): ${joined%; } — $met"
done
