#!/usr/bin/env bash
# Time from starting `serve` on an existing index to its first answered GraphQL query (a search
# with facets), measured from outside: the launch to the first 200 with data. Prints milliseconds
# for each of RUNS starts. usage: [RUNS=5] [SERVER_JAVA_OPTS=-Xmx1g] bench/first-answer.sh INDEX
set -euo pipefail
index=$(realpath "$1")
cd "$(dirname "$0")/.."
port=18931
body='{"query":"{ search(first: 5) { totalCount edges { node { hash } } } facets(fields: [TARGET]) { field values { value count } } }"}'
for run in $(seq "${RUNS:-5}"); do
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java ${SERVER_JAVA_OPTS:--Xmx1g} -jar target/spack-cache-search.jar serve --index "$index" \
    --port "$port" --access-log off >/dev/null 2>&1 &
  pid=$!
  until curl -sf -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/graphql" \
      2>/dev/null | grep -q '"totalCount"'; do
    kill -0 "$pid" 2>/dev/null || { echo "serve exited" >&2; exit 70; }
    sleep 0.01
  done
  end=$(date +%s%N)
  echo "first answer, run $run: $(((end - start) / 1000000)) ms"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
