# Sourced by bench/load-test.sh and bench/http-clients.sh: the jars, and `serve` on a free loopback
# port. After `start_server INDEX`: $server_pid, $server_url (…/graphql), $server_log.
# SERVER_JAVA_OPTS sets the server's JVM flags (default -Xmx1g: RSS shows what is used).

require_jars() {
  harness=bench/harness/target
  if ! test -f target/spack-cache-search.jar || ! test -f "$harness/spack-cache-search-bench.jar"; then
    echo "build first (from the repository root):" >&2
    echo "  mvn -B -q install -DskipTests -Djacoco.skip=true && mvn -B -q -f bench/harness/pom.xml package" >&2
    exit 64
  fi
  load_client="java -Xms512m -Xmx512m -cp $harness/spack-cache-search-bench.jar:$(cat "$harness/classpath.txt") org.spack.cachesearch.bench.HttpLoadBench"
}

start_server() {
  server_log=$(mktemp /tmp/serve.XXXXXX.log)
  # shellcheck disable=SC2086  # the options are words
  java ${SERVER_JAVA_OPTS:--Xmx1g} -jar target/spack-cache-search.jar serve --index "$1" --port 0 \
    >"$server_log" 2>&1 &
  server_pid=$!
  trap stop_server EXIT
  server_url=
  for _ in $(seq 300); do
    server_url=$(grep -o 'http://127.0.0.1:[0-9]*/graphql' "$server_log" | head -1 || true)
    test -n "$server_url" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$server_log" >&2; exit 70; }
    sleep 0.2
  done
  test -n "$server_url" || { echo "serve did not start:" >&2; cat "$server_log" >&2; exit 70; }
  curl -sf "${server_url%/graphql}/health" >/dev/null
}

# The server's resident set: peak (VmHWM) and now (VmRSS), from /proc.
server_rss() {
  awk '/^VmHWM|^VmRSS/ {printf "%s %.0f MiB  ", $1, $2 / 1024} END {print ""}' "/proc/$server_pid/status"
}

stop_server() {
  if test -n "${server_pid:-}" && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -f "${server_log:-}"
}
