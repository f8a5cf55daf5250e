#!/usr/bin/env bash
# Whole-process comparison: casegraph vs NetworkX vs the parsing floors, on
# the S, M and L datasets. Prints a Markdown table of median wall time and
# median peak RSS (from /usr/bin/time) per command and dataset; see
# benches/BENCHMARKS.md for the figures and what they are measured against.
# Besides the load: 100 path queries between fixed pairs, a node-link
# export and a `render --focus` diagram, each beside NetworkX doing the same.
#
#   benches/compare.sh              # S and M (3 runs each) and L (1 run)
#   SIZES="s m" RUNS=5 benches/compare.sh
#   RUNS_L=3 benches/compare.sh
#   RUNS=5 RUNS_L=3 RUNS_NX_L=1 benches/compare.sh   # as recorded in BENCHMARKS.md
#
# Needs: /usr/bin/time (Debian package `time`), python3 with venv. Generated
# data goes to target/bench-data/, the NetworkX venv to target/venv/, what
# the commands write (and the pairs files) to target/bench-out/.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"s m l"}
RUNS=${RUNS:-3}
RUNS_L=${RUNS_L:-1}
# NetworkX on L takes minutes a row: its rows may run fewer times.
RUNS_NX_L=${RUNS_NX_L:-$RUNS_L}
DATA=target/bench-data
OUT=target/bench-out
SEED=1
mkdir -p "$DATA" "$OUT"

command -v /usr/bin/time >/dev/null || { echo "install GNU time: apt-get install time" >&2; exit 2; }

cargo build --release --quiet --bin casegraph --example synth --example floors
BIN=target/release/casegraph
[ -x target/venv/bin/python ] || python3 -m venv target/venv
PY=target/venv/bin/python
# NumPy for `nx.spring_layout`. `python -m pip`, not bin/pip: a venv copied
# from another checkout keeps that checkout's path in its scripts.
"$PY" -c 'import networkx, numpy' 2>/dev/null || "$PY" -m pip install --quiet networkx numpy

declare -A ENTITIES=([s]=10000 [m]=100000 [l]=1000000)
declare -A RELS=([s]=30000 [m]=300000 [l]=3000000)

# measure LABEL CMD...: runs CMD $runs times, prints "| LABEL | median s | median MB |".
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
  printf '| %s | %s | %.2f | %d | %s |\n' "$size" "$label" "$mt" "$((mr / 1024))" "$runs"
}

echo "| dataset | command | median wall s | median peak RSS MiB | runs |"
echo "| --- | --- | --- | --- | --- |"
for size in $SIZES; do
  file=$DATA/$size.json
  if [ ! -f "$file" ]; then
    target/release/examples/synth --entities "${ENTITIES[$size]}" \
      --relationships "${RELS[$size]}" --seed "$SEED" -o "$file"
  fi
  # The fixed queries come from the entity ids alone: the dataset is not read.
  pairs=$OUT/$size.pairs.tsv
  target/release/examples/synth --entities "${ENTITIES[$size]}" --seed "$SEED" --pairs-out "$pairs"
  focus=$(target/release/examples/synth --entities "${ENTITIES[$size]}" --seed "$SEED" --focus-id)
  runs=$RUNS; [ "$size" = l ] && runs=$RUNS_L
  nxruns=$runs; [ "$size" = l ] && nxruns=$RUNS_NX_L
  mb=$(( $(stat -c %s "$file") / 1000000 ))
  echo "| $size | file size: $mb MB | | | |"
  measure "cat" cat "$file"
  measure "serde_json IgnoredAny" target/release/examples/floors ignored "$file"
  measure "serde_json typed, borrowed" target/release/examples/floors typed "$file"
  measure "casegraph check" "$BIN" check --data "$file"
  measure "casegraph stats" "$BIN" stats --data "$file"
  # Some of the pairs have no path (the small components), for which
  # `path` exits 1 and says so on its last line.
  allow='^error: [0-9]+ of [0-9]+ pairs (has|have) no path' \
    measure "casegraph path (100 pairs)" "$BIN" path --pairs "$pairs" --data "$file"
  runs=$nxruns measure "networkx path (100 pairs)" "$PY" benches/networkx_bench.py path "$file" "$pairs"
  measure "casegraph export node-link" "$BIN" export --format node-link \
    -o "$OUT/$size.node-link.json" --data "$file"
  runs=$nxruns measure "networkx export node-link" "$PY" benches/networkx_bench.py export "$file" \
    "$OUT/$size.networkx.node-link.json"
  measure "casegraph render --focus (svg)" "$BIN" render --focus "$focus" --depth 1 \
    -o "$OUT/$size.focus.svg" --data "$file"
  runs=$nxruns measure "networkx focus (svg)" "$PY" benches/networkx_bench.py focus "$file" "$focus" \
    "$OUT/$size.networkx.focus.svg"
  runs=$nxruns measure "networkx check (load)" "$PY" benches/networkx_bench.py check "$file"
  runs=$nxruns measure "networkx stats" "$PY" benches/networkx_bench.py stats "$file"
done
