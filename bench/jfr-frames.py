#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go, under one frame (a contender of QueryBench: OursMix,
FloorMix; or a server's GraphQLHandler).

usage: bench/jfr-frames.py RECORDING UNDER [FRAME[&FRAME...] ...]
Without FRAMEs: the top frames by self samples and the top org.spack / Lucene frames by inclusive
samples. With them: the share of the samples under UNDER whose stack holds every part of each
FRAME (substrings, joined by &). Reads the recording with the JDK's `jfr print`."""
import collections
import re
import subprocess
import sys

path, under, asked = sys.argv[1], sys.argv[2], sys.argv[3:]
out = subprocess.run(
    ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "300", path],
    capture_output=True, text=True, check=True).stdout
stacks = []
for block in out.split("jdk.ExecutionSample {")[1:]:
    m = re.search(r"stackTrace = \[(.*?)\n\s*\]", block, re.S)
    if not m:
        continue
    frames = [re.sub(r"\(.*$", "", line.strip()) for line in m.group(1).strip().splitlines()]
    frames = [f for f in frames if f and f != "..."]
    if any(under in f for f in frames):
        stacks.append(frames)
n = max(len(stacks), 1)
print(f"{path}: {len(stacks)} samples under {under}")
if asked:
    for spec in asked:
        parts = spec.split("&")
        hits = sum(1 for s in stacks if all(any(p in f for f in s) for p in parts))
        print(f"  {100 * hits / n:5.1f}%  {spec}")
    sys.exit()
print("self:")
for frame, c in collections.Counter(s[0] for s in stacks).most_common(12):
    print(f"  {100 * c / n:5.1f}%  {frame}")
print("inclusive (org.spack, Lucene):")
inclusive = collections.Counter(f for s in stacks for f in set(s))
shown = [(f, c) for f, c in inclusive.most_common()
         if ("org.spack" in f or "lucene" in f) and ".bench." not in f]
for frame, c in shown[:25]:
    print(f"  {100 * c / n:5.1f}%  {frame}")
