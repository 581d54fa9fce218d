#!/usr/bin/env bash
# One tier of issue #15's in-process tables: ingest at 1 and 2 threads (ours / floor / Solr, RUNS
# runs each in one JVM) and the query mix RUNS times (one JVM each), raw output in OUT; then
# `python3 bench/harness-summary.py OUT` prints the tables (medians over runs, ratios per run).
# Usage: [KEEP=DIR] bench/harness-tier.sh CORPUS_DIR OUT_FILE HEAP [RUNS=5] [QUERY_SECONDS=5]
# KEEP: where the three indexes stay afterwards (ours, floor, solr); by default they are removed.
# THREADS: the ingest thread counts, in order (default "1 2"); the last one's indexes are kept.
# QUERY_RUNS: how many QueryBench runs (default RUNS; 0 for ingest only).
# Build first (repository root): mvn -B -q install -DskipTests -Djacoco.skip=true &&
#   mvn -B -q -f bench/harness/pom.xml package
set -euo pipefail
corpus=$1 out=$2 heap=$3 runs=${4:-5} seconds=${5:-5}
cd "$(dirname "$0")/.."
H=bench/harness/target
RUN=(java "-Xms$heap" "-Xmx$heap" -XX:+AlwaysPreTouch -cp "$H/spack-cache-search-bench.jar:$(cat $H/classpath.txt)")
if test -n "${KEEP:-}"; then
  idx=$KEEP
  rm -rf "$idx" && mkdir -p "$idx"
else
  idx=$(mktemp -d /tmp/harness-tier.XXXXXX)
  trap 'rm -rf "$idx"' EXIT
fi
say() { echo "\$ $*   (heap $heap, $(date -u +%FT%TZ))" | tee -a "$out"; }
{ echo "# $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1)"; } >> "$out"
threads=(${THREADS:-1 2})
for t in "${threads[@]}"; do
  if test "$t" = "${threads[-1]}"; then
    say IngestBench "$corpus" "$t" "$runs" "$idx"
    "${RUN[@]}" org.spack.cachesearch.bench.IngestBench "$corpus" "$t" "$runs" "$idx" 2>&1 | tee -a "$out"
  else
    say IngestBench "$corpus" "$t" "$runs"
    "${RUN[@]}" org.spack.cachesearch.bench.IngestBench "$corpus" "$t" "$runs" 2>&1 | tee -a "$out"
  fi
done
echo "index bytes: ours $(du -sb "$idx/ours" | cut -f1) floor $(du -sb "$idx/floor" | cut -f1) solr $(du -sb "$idx/solr" | cut -f1)" | tee -a "$out"
for i in $(seq "${QUERY_RUNS:-$runs}"); do
  say QueryBench "$idx/ours" "$idx/floor" "$seconds" "$idx/solr" "(run $i of $runs)"
  "${RUN[@]}" org.spack.cachesearch.bench.QueryBench "$idx/ours" "$idx/floor" "$seconds" "$idx/solr" 2>&1 | tee -a "$out"
done
