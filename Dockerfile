# syntax=docker/dockerfile:1
# Build: docker build -t spack-cache-search .
# Run:   docker run -p 8080:8080 -v spack-index:/data/index spack-cache-search
# Every setting is an environment variable (README, "Configuration"); another port, with the
# health check following it:  docker run -e SPACK_SEARCH_PORT=9090 -p 9090:9090 ...
# On first start (empty volume) the server ingests the bundled sample pages; to serve real data,
# ingest into the volume:  docker run -v spack-index:/data/index -v /path/to/pages:/pages:ro \
#                            spack-cache-search ingest /pages --index /data/index

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so that a source change does not download them again.
COPY pom.xml .
COPY .mvn .mvn
RUN mvn -B -q dependency:go-offline
COPY schema.graphqls .
COPY src src
# Tests need ../shared/corpus, which is not in the image: CI runs them (bash .ci/run).
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin spack \
    && mkdir -p /data/index && chown -R spack /data
COPY --from=build /src/target/spack-cache-search.jar /app/spack-cache-search.jar
# Class-data sharing (AppCDS): a training start of serve (it ingests the bundled sample, then
# answers a search with facets, the readiness check, a scrape and the web page) lists the classes
# it loads; -Xshare:dump then parses and verifies them once, into /app/spack-cache-search.jsa,
# which every later start maps instead of reading the jar: the first answer comes in about 0.55x
# the time (BENCHMARKS.md, "Memory and start"). The archive fits this jar and this JRE only; with
# another, the JVM says so in one line and starts as it would without.
RUN set -eu; \
    java -XX:DumpLoadedClassList=/tmp/classes.lst -jar /app/spack-cache-search.jar \
      serve --index /tmp/training-index --port 18080 --access-log off & \
    serve=$!; \
    probe() { java -cp /app/spack-cache-search.jar org.spack.cachesearch.cli.HealthProbe "$1"; }; \
    base=http://127.0.0.1:18080; \
    query='%7Bsearch(first%3A5)%7BtotalCount%7Dfacets(fields%3A%5BTARGET%5D)%7Bfield%7D%7D'; \
    until probe "$base/graphql?query=$query"; do kill -0 "$serve"; sleep 1; done; \
    until probe "$base/health/ready"; do kill -0 "$serve"; sleep 1; done; \
    probe "$base/metrics"; \
    probe "$base/"; \
    kill "$serve"; \
    wait "$serve" || true; \
    java -Xshare:dump -XX:SharedClassListFile=/tmp/classes.lst \
      -XX:SharedArchiveFile=/app/spack-cache-search.jsa -cp /app/spack-cache-search.jar \
      >/tmp/dump.log 2>&1 || { tail -20 /tmp/dump.log; exit 1; }; \
    rm -rf /tmp/training-index /tmp/classes.lst /tmp/dump.log; \
    test -s /app/spack-cache-search.jsa
USER spack
WORKDIR /data
VOLUME /data/index
# Configured by environment, so that the health check reads the same port as the server.
# Bind every interface inside the container; publish the port with -p as needed.
ENV SPACK_SEARCH_INDEX=/data/index
ENV SPACK_SEARCH_HOST=0.0.0.0
ENV SPACK_SEARCH_PORT=8080
EXPOSE 8080
# A small Java check rather than curl (which the Ubuntu-based JRE image carries only "for
# historical reasons", adoptium/containers#255). Without a URL it asks /health/ready on
# SPACK_SEARCH_PORT.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["java", "-cp", "/app/spack-cache-search.jar", "org.spack.cachesearch.cli.HealthProbe"]
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/spack-cache-search.jsa", "-XX:MaxRAMPercentage=75", \
            "-jar", "/app/spack-cache-search.jar"]
CMD ["serve"]
