#!/usr/bin/env bash
# Every figure of issue #15 for one tier, in one go on a quiet machine, raw output to OUT:
# in-process ingest and queries (harness-tier.sh: ours / floor / Solr, RUNS runs), index bytes,
# HTTP at 1, 8 and 32 clients, the smallest -Xmx of those tried that serves 8 clients without a
# failed request, and the time from start to the first answer.
# usage: bench/tier-1m.sh CORPUS OUT [HEAP=3g] [RUNS=5] [XMX_TRIED="192m 256m 384m 512m"]
# Build first: mvn -B -q install -DskipTests -Djacoco.skip=true && mvn -B -q package -DskipTests \
#   -Djacoco.skip=true && mvn -B -q -f bench/harness/pom.xml package
set -uo pipefail
corpus=$1 out=$2 heap=${3:-3g} runs=${4:-5}
cd "$(dirname "$0")/.."
keep=/tmp/tier-indexes
KEEP=$keep bench/harness-tier.sh "$corpus" "$out" "$heap" "$runs" 5
{
  echo "\$ DURATION=30 WARMUP=10 bench/http-clients.sh $keep/ours   ($(date -u +%FT%TZ))"
  DURATION=30 WARMUP=10 SERVER_JAVA_OPTS=-Xmx1g bench/http-clients.sh "$keep/ours" 2>&1
  for xmx in ${XMX_TRIED:-192m 256m 384m 512m}; do
    echo "\$ SERVER_JAVA_OPTS=-Xmx$xmx CLIENTS=8 DURATION=20 WARMUP=5 bench/http-clients.sh $keep/ours"
    SERVER_JAVA_OPTS=-Xmx$xmx CLIENTS=8 DURATION=20 WARMUP=5 bench/http-clients.sh "$keep/ours" 2>&1
    echo "exit $? with -Xmx$xmx"
  done
  echo "\$ bench/first-answer.sh $keep/ours"
  bench/first-answer.sh "$keep/ours" 2>&1
} | tee -a "$out"
