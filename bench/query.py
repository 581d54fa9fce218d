#!/usr/bin/env python3
"""Latency of representative API requests over HTTP on loopback, one client, sequential.

usage: query.py URL [ROUNDS [ONLY]]   e.g. query.py http://127.0.0.1:18181/graphql 50 spack
Prints p50 / p95 / max in ms per request after 5 warm-up rounds; ONLY keeps the requests whose
name contains it.
"""
import json
import statistics
import sys
import time
import urllib.request

URL = sys.argv[1]
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 50
ONLY = sys.argv[3] if len(sys.argv) > 3 else ""
QUERIES = {
    "search gcc* AND aarch64, 20 specs + total":
        '{ search(query: "compiler:gcc* AND target:aarch64") { totalCount nodes { hash package specString } } }',
    "match-all facets, 8 fields":
        '{ facets(fields: [PACKAGE, TAG, COMPILER, OS, PLATFORM, TARGET, STACK, VARIANT]) { field values { value count } } }',
    "multi-select facets, 3 filters":
        '{ facets(filter: {os: ["ubuntu22.04"], target: ["x86_64_v3"], stack: ["e4s"]}, fields: [OS, TARGET, STACK, COMPILER]) { field values { value count } } }',
    "package py-filelock-like page, 100 specs":
        '{ package(name: "py-filelock-develop", tag: "bench-0000") { numSpecs versions compilers specs(first: 100) { nodes { hash os target compiler { raw } } } } }',
    "spec by 7-char prefix":
        '{ spec(hash: "2le7clp", tag: "bench-0000") { hash package specString } }',
    "packages table of one tag, 50 rows":
        '{ packages(filter: {tag: ["bench-0000"]}, first: 50) { totalCount nodes { name numSpecs targets } } }',
    "variant typeahead":
        '{ facets(fields: [VARIANT], prefix: "build_system=", limit: 20) { values { value count } } }',
    "spack: version-range spec (88k of 1M), 20 specs + total":
        '{ search(spec: "py-filelock-develop@3.11:3.13 %gcc@11:") { totalCount nodes { hash specString } } }',
    "spack: open version range @:1.3 (206k of 1M), total":
        '{ search(spec: "@:1.3") { totalCount } }',
    "spack: compatibleWith zen3 + spec, facets":
        '{ facets(spec: "+shared", compatibleWith: "zen3", fields: [TARGET, PACKAGE]) { field values { value count } } }',
    "spack: versions:[3.9 TO 3.12] (137k of 1M), total":
        '{ search(query: "versions:[3.9 TO 3.12]") { totalCount } }',
    # For a build-cache index (bench/make-buildcache-index.py); the names are its packages.
    "deps: ^dep with a version range (195k of 1M), 20 specs + total":
        '{ search(spec: "^openssl@3.1:3.1") { totalCount nodes { hash specString } } }',
    "deps: package ^virtual %compiler, total":
        '{ search(spec: "hdf5 %gcc@13 ^mpi") { totalCount } }',
    "deps: which MPI the binaries link (VIRTUAL facet)":
        '{ facets(spec: "^mpi", fields: [VIRTUAL, TARGET]) { field values { value count } } }',
    "deps: a spec with its dependencies' specs":
        '{ search(spec: "netcdf-c", first: 10) { nodes { hash dependencies { name spec { hash } } } } }',
}


def ask(query):
    body = json.dumps({"query": query}).encode()
    req = urllib.request.Request(URL, data=body, headers={"Content-Type": "application/json"})
    start = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        payload = json.loads(r.read())
    elapsed = (time.perf_counter() - start) * 1000
    if "errors" in payload:
        raise SystemExit(f"error: {payload['errors']}")
    return elapsed


for name, query in QUERIES.items():
    if ONLY not in name:
        continue
    for _ in range(5):
        ask(query)
    times = sorted(ask(query) for _ in range(ROUNDS))
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{name:45s} p50 {statistics.median(times):7.2f} ms  p95 {p95:7.2f} ms  max {times[-1]:7.2f} ms")
