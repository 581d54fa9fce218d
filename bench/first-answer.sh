#!/usr/bin/env bash
# Time from starting `serve` on an existing index to its first answered GraphQL query (a search
# with facets), measured from outside: the launch to the first 200 with data. Prints milliseconds
# for each of RUNS starts.
# usage: [RUNS=5] [SERVER_JAVA_OPTS=-Xmx1g] [CDS_ARCHIVE=app.jsa] [JAR=target/spack-cache-search.jar]
#        bench/first-answer.sh INDEX
# With CDS_ARCHIVE, the starts use that class-data archive (-XX:SharedArchiveFile); when the file
# does not exist yet, it is made first as the Dockerfile makes it: one training start (not
# counted) lists the classes it loads (-XX:DumpLoadedClassList), then -Xshare:dump archives them.
# An archive belongs to one build of the jar: delete it after a build.
# JAR: another build to time (an older commit's, say), for before/after figures.
set -euo pipefail
index=$(realpath "$1")
jar=${JAR:+$(realpath "$JAR")}
cd "$(dirname "$0")/.."
jar=${jar:-$(realpath target/spack-cache-search.jar)}
port=18931
body='{"query":"{ search(first: 5) { totalCount edges { node { hash } } } facets(fields: [TARGET]) { field values { value count } } }"}'
opts=${SERVER_JAVA_OPTS:--Xmx1g}

# Starts serve with JVM options "$1", waits for the first answer, stops it; prints milliseconds.
# The server is asked once it says "serving ..." (its port is bound): a client that polled every
# 10 ms until then started 100 processes a second, a core's worth of CPU taken from the start.
first_answer() {
  local start end pid line
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  exec 3< <(exec java $1 -jar "$jar" serve --index "$index" --port "$port" --access-log off \
    2>/dev/null)
  pid=$!
  while read -r line <&3 && [[ $line != serving* ]]; do :; done
  until curl -sf -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/graphql" \
      2>/dev/null | grep -q '"totalCount"'; do
    kill -0 "$pid" 2>/dev/null || { echo "serve exited" >&2; exit 70; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  exec 3<&-
  echo $(((end - start) / 1000000))
}

if [ -n "${CDS_ARCHIVE:-}" ]; then
  if [ ! -f "$CDS_ARCHIVE" ]; then
    list=$(mktemp)
    ms=$(first_answer "$opts -XX:DumpLoadedClassList=$list")
    echo "training start (lists the classes for $CDS_ARCHIVE): $ms ms"
    java -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$CDS_ARCHIVE" \
      -cp "$jar" >/dev/null 2>&1 || { echo "no archive written at $CDS_ARCHIVE" >&2; exit 70; }
    rm -f "$list"
  fi
  opts="$opts -XX:SharedArchiveFile=$CDS_ARCHIVE"
fi
for run in $(seq "${RUNS:-5}"); do
  ms=$(first_answer "$opts")
  echo "first answer, run $run: $ms ms"
done
