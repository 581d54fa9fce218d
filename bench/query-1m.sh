#!/usr/bin/env bash
# The Spack-syntax requests of bench/query.py at the 1M-spec tier: the corpus's 73 pages copied
# under 1105 tags (1,000,025 specs), ingested once, served with a 2 GiB heap, one client.
# usage: bench/query-1m.sh   (from the repository root; builds the jar if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
test -f target/spack-cache-search.jar || mvn -B -q package -DskipTests
work=bench/work
mkdir -p "$work"
test -d "$work/synthetic-1m" || python3 bench/make-synthetic.py ../shared/corpus/cache.spack.io "$work/synthetic-1m" 1105 >/dev/null
if ! test -d "$work/index-1m"; then
  java -Xms3g -Xmx3g -jar target/spack-cache-search.jar ingest "$work/synthetic-1m" --index "$work/index-1m" 2>/dev/null | grep -E '^(specs|elapsed)'
fi
port=18182
java -Xms2g -Xmx2g -jar target/spack-cache-search.jar serve --index "$work/index-1m" --port $port >/dev/null 2>&1 &
pid=$!
trap 'kill $pid' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $(java -version 2>&1 | head -1), $(curl -s http://127.0.0.1:$port/health)"
python3 bench/query.py "http://127.0.0.1:$port/graphql" 50 spack
curl -s -H 'Content-Type: application/json' \
  -d '{"query":"{ explain(spec: \"py-filelock-develop@3.11:3.13 %gcc@11:\") }"}' "http://127.0.0.1:$port/graphql"
echo
