#!/usr/bin/env bash
# One tier of issue #15's in-process tables: ingest at 1 and 2 threads (ours / floor / Solr, RUNS
# runs each in one JVM) and the query mix RUNS times (one JVM each), raw output in OUT; then
# `python3 bench/harness-summary.py OUT` prints the tables (medians over runs, ratios per run).
# Usage: [KEEP=DIR] bench/harness-tier.sh CORPUS_DIR OUT_FILE HEAP [RUNS=5] [QUERY_SECONDS=5]
# KEEP: where the three indexes stay afterwards (ours, floor, solr); by default they are removed.
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
say IngestBench "$corpus" 1 "$runs"
"${RUN[@]}" org.spack.cachesearch.bench.IngestBench "$corpus" 1 "$runs" 2>&1 | tee -a "$out"
say IngestBench "$corpus" 2 "$runs" "$idx"
"${RUN[@]}" org.spack.cachesearch.bench.IngestBench "$corpus" 2 "$runs" "$idx" 2>&1 | tee -a "$out"
echo "index bytes: ours $(du -sb "$idx/ours" | cut -f1) floor $(du -sb "$idx/floor" | cut -f1) solr $(du -sb "$idx/solr" | cut -f1)" | tee -a "$out"
for i in $(seq "$runs"); do
  say QueryBench "$idx/ours" "$idx/floor" "$seconds" "$idx/solr" "(run $i of $runs)"
  "${RUN[@]}" org.spack.cachesearch.bench.QueryBench "$idx/ours" "$idx/floor" "$seconds" "$idx/solr" 2>&1 | tee -a "$out"
done
