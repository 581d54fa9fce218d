#!/usr/bin/env bash
# Ingest rate, measured: the bundled sample, the shared corpus, and a ~100k-spec tree of real
# pages copied under 110 tags. Three runs each into a fresh index; prints the summary lines.
# usage: bench/ingest.sh   (from the repository root; builds the jar if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
test -f target/spack-cache-search.jar || mvn -B -q package -DskipTests
work=bench/work
rm -rf "$work" && mkdir -p "$work"
python3 bench/make-synthetic.py ../shared/corpus/cache.spack.io "$work/synthetic" 110 >/dev/null

# Fixed heap, pre-touched: without it first touches of a growing heap swing timings.
JAVA=(java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -jar target/spack-cache-search.jar)
echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
for input in src/main/resources/sample ../shared/corpus/cache.spack.io "$work/synthetic"; do
  for run in 1 2 3; do
    rm -rf "$work/index"
    line=$("${JAVA[@]}" ingest "$input" --index "$work/index" 2>/dev/null | grep -E '^(specs|elapsed)' | tr -s ' ' | paste -sd' ')
    echo "$input run $run: $line"
  done
done
