#!/usr/bin/env bash
# Every figure of issue #15 for one tier, in one go on a quiet machine, raw output to OUT:
# in-process ingest and queries (harness-tier.sh: ours / floor / Solr, RUNS runs), index bytes,
# HTTP at 1, 8 and 32 clients, the smallest -Xmx of those tried that serves 8 clients without a
# failed request, and the time from start to the first answer.
# usage: bench/tier-1m.sh CORPUS OUT [HEAP=3g] [RUNS=5]
# Environment: XMX_TRIED (default "192m 256m 384m 512m"); KEEP (the indexes' folder, default
# /tmp/tier-indexes); THREADS (ingest thread counts, default "1 2"); HTTP_CLIENTS (the levels of
# the -Xmx1g run, default "1 8 32"; "none" skips it). The 5M tier, 2 threads first, then 1:
#   KEEP=/tmp/tier5m THREADS=2 HTTP_CLIENTS=none XMX_TRIED="384m 512m" bench/tier-1m.sh \
#     /tmp/corpus5m bench/results-5m.txt
#   THREADS=1 QUERY_RUNS=0 bench/harness-tier.sh /tmp/corpus5m bench/results-5m.txt 3g
# Build first: mvn -B -q install -DskipTests -Djacoco.skip=true && mvn -B -q package -DskipTests \
#   -Djacoco.skip=true && mvn -B -q -f bench/harness/pom.xml package
set -uo pipefail
corpus=$1 out=$2 heap=${3:-3g} runs=${4:-5}
cd "$(dirname "$0")/.."
keep=${KEEP:-/tmp/tier-indexes}
KEEP=$keep bench/harness-tier.sh "$corpus" "$out" "$heap" "$runs" 5
{
  if test "${HTTP_CLIENTS:-}" != none; then
    echo "\$ DURATION=30 WARMUP=10 bench/http-clients.sh $keep/ours   ($(date -u +%FT%TZ))"
    CLIENTS=${HTTP_CLIENTS:-1 8 32} DURATION=30 WARMUP=10 SERVER_JAVA_OPTS=-Xmx1g \
      bench/http-clients.sh "$keep/ours" 2>&1
  fi
  for xmx in ${XMX_TRIED:-192m 256m 384m 512m}; do
    echo "\$ SERVER_JAVA_OPTS=-Xmx$xmx CLIENTS=8 DURATION=20 WARMUP=5 bench/http-clients.sh $keep/ours"
    SERVER_JAVA_OPTS=-Xmx$xmx CLIENTS=8 DURATION=20 WARMUP=5 bench/http-clients.sh "$keep/ours" 2>&1
    echo "exit $? with -Xmx$xmx"
  done
  echo "\$ bench/first-answer.sh $keep/ours"
  bench/first-answer.sh "$keep/ours" 2>&1
} | tee -a "$out"
