#!/usr/bin/env bash
# HTTP throughput and latency at 1, 8 and 32 concurrent clients (issue #15, deliverable 4):
# `serve` on INDEX, then HttpLoadBench's query mix with each number of clients in turn (closed
# loop, DURATION seconds each after a WARMUP, every answer checked), then the server's peak RSS.
# Exits 1 when a request failed.
#
# usage: [DURATION=60] [WARMUP=10] [CLIENTS="1 8 32"] bench/http-clients.sh INDEX
# Flags: SERVER_JAVA_OPTS (default -Xmx1g).
set -euo pipefail
if test $# -ne 1 || ! test -d "$1"; then
  echo "usage: [DURATION=60] [WARMUP=10] [CLIENTS=\"1 8 32\"] $0 INDEX" >&2
  exit 64
fi
index=$(realpath "$1")
cd "$(dirname "$0")/.."
. bench/server.sh
require_jars
DURATION=${DURATION:-60} WARMUP=${WARMUP:-10} CLIENTS=${CLIENTS:-1 8 32}

start_server "$index"
echo "# $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1), server ${SERVER_JAVA_OPTS:--Xmx1g}, $(curl -s "${server_url%/graphql}/health")"
failed=0
for clients in $CLIENTS; do
  echo
  $load_client --clients "$clients" --seconds "$DURATION" --warmup "$WARMUP" "$server_url" || failed=1
done
echo
echo "server peak RSS: $(server_rss)"
exit "$failed"
