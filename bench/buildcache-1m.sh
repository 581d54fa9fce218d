#!/usr/bin/env bash
# A generated 1M-binary build-cache index (database v8, dependency DAGs): ingest rate, then the
# dependency requests of bench/query.py over HTTP, one client.
# usage: bench/buildcache-1m.sh [N]   (from the repository root; N defaults to 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
test -f target/spack-cache-search.jar || mvn -B -q package -DskipTests
work=bench/work
mkdir -p "$work"
json="$work/buildcache-$n.json"
test -f "$json" || python3 bench/make-buildcache-index.py "$n" "$json" 1
echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $(java -version 2>&1 | head -1), $(du -h "$json" | cut -f1) of JSON"
if [ -z "${REUSE:-}" ]; then  # REUSE=1 measures the queries on the index of the last run
  rm -rf "$work/bcindex-$n"
  /usr/bin/time -f "max RSS %M KB" java -Xms8g -Xmx8g -jar target/spack-cache-search.jar ingest "$json" \
    --tag develop --index "$work/bcindex-$n" 2>&1 | grep -E '^(specs|elapsed|index)|max RSS'
  du -sh "$work/bcindex-$n"
fi
port=18183
java -Xms2g -Xmx2g -jar target/spack-cache-search.jar serve --index "$work/bcindex-$n" --port $port >/dev/null 2>&1 &
pid=$!
trap 'kill $pid' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
python3 bench/query.py "http://127.0.0.1:$port/graphql" 50 deps
curl -s -H 'Content-Type: application/json' \
  -d '{"query":"{ explain(spec: \"^openssl@3.1:3.1\") }"}' "http://127.0.0.1:$port/graphql"
echo
