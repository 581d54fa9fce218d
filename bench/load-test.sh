#!/usr/bin/env bash
# A bounded loopback load test (issue #16, point 4): `serve` on INDEX, HttpLoadBench's query mix
# from CLIENTS clients for DURATION seconds after a WARMUP, and through the measured window
# `ingest SOURCE... --index INDEX` run again and again (each run commits; the server picks a commit
# up within 1 s). Prints the load's p50/p99, throughput and failures (must be 0), the ingests, and
# the server's peak RSS (VmHWM). Exits 1 when a request failed or no ingest committed in the load.
#
# usage: [CLIENTS=32] [DURATION=60] [WARMUP=10] bench/load-test.sh INDEX SOURCE... [--tag NAME]
#   e.g. bench/load-test.sh /tmp/idx /tmp/corpus/_cache/develop   (re-ingests one tag's pages)
# Flags: SERVER_JAVA_OPTS (default -Xmx1g), INGEST_JAVA_OPTS (default -Xmx1g).
set -euo pipefail
if test $# -lt 2; then
  echo "usage: [CLIENTS=32] [DURATION=60] [WARMUP=10] $0 INDEX SOURCE... [--tag NAME]" >&2
  exit 64
fi
args=()
for a in "$@"; do
  if test -e "$a"; then args+=("$(realpath "$a")"); else args+=("$a"); fi
done
index=${args[0]}
sources=("${args[@]:1}")
cd "$(dirname "$0")/.."
. bench/server.sh
require_jars
CLIENTS=${CLIENTS:-32} DURATION=${DURATION:-60} WARMUP=${WARMUP:-10}
work=$(mktemp -d /tmp/load-test.XXXXXX)

stats() {
  curl -s -H 'Content-Type: application/json' \
    -d '{"query":"{ stats { numSpecs builtAt } }"}' "$server_url"
}

start_server "$index"
trap 'stop_server; rm -rf "$work"' EXIT
echo "# $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1), server ${SERVER_JAVA_OPTS:--Xmx1g}"
echo "# before: $(stats)"
$load_client --clients "$CLIENTS" --seconds "$DURATION" --warmup "$WARMUP" "$server_url" \
  >"$work/load.log" 2>&1 &
load_pid=$!
until grep -q '^query mix: running' "$work/load.log"; do
  kill -0 "$load_pid" 2>/dev/null || break
  sleep 0.2
done
sleep "$WARMUP"
ingests=0
during=0
while kill -0 "$load_pid" 2>/dev/null; do
  ingests=$((ingests + 1))
  start=$(date +%s%N)
  # shellcheck disable=SC2086  # the options are words
  java ${INGEST_JAVA_OPTS:--Xmx1g} -jar target/spack-cache-search.jar ingest "${sources[@]}" \
    --index "$index" >"$work/ingest.log" 2>&1 || echo "ingest $ingests: exit $?"
  took=$((($(date +%s%N) - start) / 1000000))
  if kill -0 "$load_pid" 2>/dev/null; then when="during the load"; during=$((during + 1)); else when="after the load"; fi
  echo "ingest $ingests: $(grep -E '^index' "$work/ingest.log" || tail -1 "$work/ingest.log"), $took ms, finished $when"
done
load_rc=0
wait "$load_pid" || load_rc=$?
cat "$work/load.log"
sleep 2
echo "# after: $(stats)"
rss=$(server_rss)
echo
echo "summary: $CLIENTS clients, $DURATION s measured, $during ingests committed during the load"
grep -A12 '^query mix:.*measured' "$work/load.log" | grep -E '^(request|all) '
grep -E '^failures:' "$work/load.log" || echo "failures: (the load client ended with $load_rc)"
echo "server peak RSS: $rss"
test "$load_rc" -eq 0 && test "$during" -gt 0
