#!/usr/bin/env bash
# Query latency over HTTP on a ~100k-spec index (the corpus copied under 110 tags), one client.
# usage: bench/query.sh   (from the repository root; builds the jar if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
test -f target/spack-cache-search.jar || mvn -B -q package -DskipTests
work=bench/work
mkdir -p "$work"
test -d "$work/synthetic" || python3 bench/make-synthetic.py ../shared/corpus/cache.spack.io "$work/synthetic" 110 >/dev/null
rm -rf "$work/qindex"
java -jar target/spack-cache-search.jar ingest "$work/synthetic" --index "$work/qindex" 2>/dev/null | grep -E '^specs'
port=18181
java -Xms1g -Xmx1g -jar target/spack-cache-search.jar serve --index "$work/qindex" --port $port >/dev/null 2>&1 &
pid=$!
trap 'kill $pid' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $(java -version 2>&1 | head -1)"
python3 bench/query.py "http://127.0.0.1:$port/graphql" 50
