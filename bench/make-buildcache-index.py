#!/usr/bin/env python3
"""Writes a realistic Spack build-cache index (database version 8, spec file v5 nodes) of N
binaries with dependency DAGs, for the 100k and 1M benchmark tiers and for tests.

usage: make-buildcache-index.py N OUT.json [SEED]

The shape follows a real develop index: packages in layers (a package depends only on lower
layers), each built for several (os, target, compiler) configurations; compilers are build
dependencies providing c and cxx (an external gcc per configuration, in_buildcache false, as
Spack 1.0 records a system compiler); MPI packages link a provider of the virtual mpi (openmpi or
mpich, by configuration); a binary's dependencies are the binaries of the same configuration.
Variants vary within a package so that N can exceed packages x versions x configurations.
The output is deterministic for a given N and SEED, and streamed (a 1M index is ~700 MB).
"""
import base64
import hashlib
import json
import random
import sys

N = int(sys.argv[1])
OUT = sys.argv[2]
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 1
rng = random.Random(SEED)

# (os, target, gcc version, mpi provider): every os with every target and compiler, so that the
# 1M tier (about 55 configurations of 18k binaries) stays realistic in its spread.
CONFIGS = [
    (os_, target, gcc, "openmpi" if (i + j + k) % 2 == 0 else "mpich")
    for i, os_ in enumerate(["ubuntu22.04", "ubuntu24.04", "rhel8", "rhel9", "amzn2", "sles15"])
    for j, target in enumerate(["x86_64_v3", "zen3", "zen4", "neoverse_v2", "x86_64_v2",
                                "aarch64", "icelake", "neoverse_v1"])
    for k, gcc in enumerate(["13.2.0", "11.4.0", "12.3.0"])
]
REAL = {  # real Spack packages: layer, versions, dependencies (besides the compiler)
    "zlib": (0, ["1.2.13", "1.3.1"], []),
    "bzip2": (0, ["1.0.8"], []),
    "xz": (0, ["5.4.6", "5.6.2"], []),
    "pkgconf": (0, ["2.2.0"], []),
    "gmake": (0, ["4.4.1"], []),
    "libiconv": (0, ["1.17"], []),
    "ncurses": (1, ["6.5"], ["pkgconf"]),
    "openssl": (1, ["3.1.3", "3.3.1"], ["zlib", "gmake"]),
    "libxml2": (1, ["2.10.3", "2.13.4"], ["zlib", "xz", "libiconv", "pkgconf"]),
    "readline": (2, ["8.2"], ["ncurses"]),
    "cmake": (2, ["3.27.9", "3.30.5"], ["openssl", "ncurses", "zlib"]),
    "curl": (2, ["8.7.1", "8.10.1"], ["openssl", "zlib", "pkgconf"]),
    "hwloc": (2, ["2.11.1"], ["libxml2", "pkgconf", "ncurses"]),
    "openmpi": (3, ["5.0.5"], ["hwloc", "zlib", "pkgconf"]),
    "mpich": (3, ["4.2.3"], ["hwloc", "libxml2", "pkgconf"]),
    "python": (3, ["3.11.9", "3.12.5"], ["openssl", "zlib", "bzip2", "xz", "readline"]),
    "hdf5": (4, ["1.14.3", "1.14.5"], ["zlib", "cmake", "mpi", "pkgconf"]),
    "netcdf-c": (5, ["4.9.2"], ["hdf5", "curl", "mpi", "zlib"]),
    "py-numpy": (5, ["1.26.4", "2.1.2"], ["python", "openblas"]),
    "openblas": (2, ["0.3.28"], ["gmake"]),
}
BUILD_ONLY = {"cmake", "gmake", "pkgconf"}
SYNTHETIC = 1500  # further packages, pkg-0000..., in layers 1 to 6
VARIANTS = [("shared", [True, False]), ("pic", [True, False]),
            ("build_type", ["Release", "RelWithDebInfo", "Debug"])]


def dag_hash(text):
    return base64.b32encode(hashlib.sha1(text.encode()).digest()).decode().lower()[:32]


def packages():
    pkgs = dict(REAL)
    names_by_layer = {}
    for name, (layer, _, _) in REAL.items():
        names_by_layer.setdefault(layer, []).append(name)
    for i in range(SYNTHETIC):
        layer = 1 + i % 6
        lower = [n for l in range(layer) for n in names_by_layer.get(l, [])]
        deps = rng.sample(lower, min(len(lower), rng.randint(1, 5)))
        if rng.random() < 0.15:
            deps.append("mpi")
        versions = [f"{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}"
                    for _ in range(rng.randint(1, 3))]
        name = f"pkg-{i:04d}"
        pkgs[name] = (layer, sorted(set(versions)), deps)
        names_by_layer.setdefault(layer, []).append(name)
    return pkgs


PKGS = packages()
ORDER = sorted(PKGS, key=lambda n: (PKGS[n][0], n))
out = open(OUT, "w", encoding="utf-8")
out.write('{"database": {"version": "8", "installs": {')
written = 0
first = True


def emit(hash_, record):
    global first
    out.write(("" if first else ",") + json.dumps(hash_) + ":" + json.dumps(record,
              separators=(",", ":")))
    first = False


def node(name, version, config, params, deps, external=False):
    os_, target, _, _ = config
    spec = {"name": name, "version": version,
            "arch": {"platform": "linux", "platform_os": os_, "target": target},
            "namespace": "builtin", "parameters": dict(params, cflags=[], ldflags=[])}
    if deps:
        spec["dependencies"] = deps
    if external:
        spec["external"] = {"path": "/usr", "module": None, "extra_attributes": {}}
    spec["annotations"] = {"original_specfile_version": 5}
    spec["hash"] = dag_hash(json.dumps(spec, sort_keys=True))
    return spec


def edge(name, hash_, deptypes, virtuals=()):
    return {"name": name, "hash": hash_,
            "parameters": {"deptypes": list(deptypes), "virtuals": list(virtuals)}}


for config in CONFIGS:
    if written >= N:
        break
    gcc = node("gcc", config[2], config, {"build_system": "autotools",
                                          "languages": ["c", "c++", "fortran"]}, [], True)
    emit(gcc["hash"], {"spec": gcc, "ref_count": 1, "in_buildcache": False})
    canonical = {}  # package -> (version, hash) of its first binary in this config
    for combo in range(12):
        for name in ORDER:
            if written >= N:
                break
            layer, versions, deps = PKGS[name]
            version = versions[combo % len(versions)]
            params = {"build_system": "cmake" if layer > 1 else "autotools"}
            radix = 1  # combo as a mixed-radix number: 12 distinct variant sets
            for variant, values in VARIANTS:
                params[variant] = values[(combo // radix) % len(values)]
                radix *= len(values)
            edges = [edge("gcc", gcc["hash"], ["build"], ["c", "cxx"])]
            for dep in deps:
                provider = config[3] if dep == "mpi" else dep
                if provider not in canonical:
                    continue
                types = ["build"] if provider in BUILD_ONLY else ["build", "link"]
                edges.append(edge(provider, canonical[provider][1], types,
                                  ["mpi"] if dep == "mpi" else []))
            spec = node(name, version, config, params, edges)
            canonical.setdefault(name, (version, spec["hash"]))
            emit(spec["hash"], {"spec": spec, "ref_count": 0, "in_buildcache": True})
            written += 1
out.write("}}}\n")
out.close()
print(f"{written} binaries in {OUT}")
