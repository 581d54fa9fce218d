#!/usr/bin/env bash
# One JFR recording per query of the mix (ours and the floor in one QueryBench JVM), then where
# ours' samples go (bench/jfr-frames.py). Recordings in OUT_DIR/prof-<QUERY>.jfr.
# usage: bench/profile-queries.sh INDEXES OUT_DIR [QUERY...]   (INDEXES holds ours/ and floor/,
#   as bench/tier-1m.sh keeps them; QUERY: MixQuery names, default the five still over 0.7x Solr)
# Build first: mvn -B -q install -DskipTests -Djacoco.skip=true && mvn -B -q -f bench/harness/pom.xml package
set -euo pipefail
idx=$1 out=$2
shift 2
queries=("$@")
test ${#queries[@]} -gt 0 || queries=(WILDCARD_PAGE MULTI_SELECT VERSION_RANGE COMPATIBLE PACKAGE_SPECS)
cd "$(dirname "$0")/.."
H=bench/harness/target
mkdir -p "$out"
for q in "${queries[@]}"; do
  echo "\$ QUERIES=$q QueryBench $idx/ours $idx/floor 10 (JFR profile, $(date -u +%FT%TZ))"
  QUERIES=$q java -Xms3g -Xmx3g -XX:+AlwaysPreTouch \
    -XX:StartFlightRecording=filename="$out/prof-$q.jfr",settings=profile \
    -cp "$H/spack-cache-search-bench.jar:$(cat $H/classpath.txt)" \
    org.spack.cachesearch.bench.QueryBench "$idx/ours" "$idx/floor" 10 2>&1 | grep -v -e '^\[' -e 'equal answers'
  python3 bench/jfr-frames.py "$out/prof-$q.jfr" OursMix
done
