#!/usr/bin/env bash
# Whole-process comparison: casegraph vs NetworkX vs the parsing floors, on
# the S, M and L datasets. Prints a Markdown table of median wall time and
# median peak RSS (from /usr/bin/time) per command and dataset; see
# benches/BENCHMARKS.md for the figures and what they are measured against.
#
#   benches/compare.sh              # S and M (3 runs each) and L (1 run)
#   SIZES="s m" RUNS=5 benches/compare.sh
#   RUNS_L=3 benches/compare.sh
#
# Needs: /usr/bin/time (Debian package `time`), python3 with venv. Generated
# data goes to target/bench-data/, the NetworkX venv to target/venv/.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"s m l"}
RUNS=${RUNS:-3}
RUNS_L=${RUNS_L:-1}
DATA=target/bench-data
mkdir -p "$DATA"

command -v /usr/bin/time >/dev/null || { echo "install GNU time: apt-get install time" >&2; exit 2; }

cargo build --release --quiet --bin casegraph --example synth --example floors
BIN=target/release/casegraph
if [ ! -x target/venv/bin/python ]; then
  python3 -m venv target/venv
  target/venv/bin/pip install --quiet networkx
fi
PY=target/venv/bin/python

declare -A ENTITIES=([s]=10000 [m]=100000 [l]=1000000)
declare -A RELS=([s]=30000 [m]=300000 [l]=3000000)

# measure LABEL CMD...: runs CMD $runs times, prints "| LABEL | median s | median MB |".
measure() {
  local label=$1; shift
  local times=() rss=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o target/bench-time.txt "$@" >/dev/null 2>target/bench-stderr.txt || {
      echo "failed: $*" >&2; cat target/bench-stderr.txt >&2; return 1; }
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
      --relationships "${RELS[$size]}" --seed 1 -o "$file"
  fi
  runs=$RUNS; [ "$size" = l ] && runs=$RUNS_L
  mb=$(( $(stat -c %s "$file") / 1000000 ))
  echo "| $size | file size: $mb MB | | | |"
  measure "cat" cat "$file"
  measure "serde_json IgnoredAny" target/release/examples/floors ignored "$file"
  measure "serde_json typed, borrowed" target/release/examples/floors typed "$file"
  measure "casegraph check" "$BIN" check --data "$file"
  measure "casegraph stats" "$BIN" stats --data "$file"
  # Hooks: path queries, node-link export and render --focus go here, each
  # beside its NetworkX counterpart, e.g.
  #   measure "casegraph path (100 pairs)" ...
  #   measure "networkx path (100 pairs)" "$PY" benches/networkx_bench.py path "$file"
  measure "networkx check (load)" "$PY" benches/networkx_bench.py check "$file"
  measure "networkx stats" "$PY" benches/networkx_bench.py stats "$file"
done
