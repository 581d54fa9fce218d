#!/usr/bin/env python3
"""Medians over several bench/http-clients.sh runs kept in one file: per request and number of
clients, the median p50 and p99 (and req/s for "all"), with the failed requests summed.
usage: bench/http-summary.py OUT"""
import collections
import re
import statistics
import sys

ROW = re.compile(r"^(\S.*?)\s{2,}(\d+)\s+([\d.]+)\s+([\d.]+) ms\s+([\d.]+) ms\s+([\d.]+) ms\s+(\d+)$")
rows = collections.defaultdict(list)
order, levels = [], []
clients, in_mix = None, False
for line in open(sys.argv[1]):
    m = re.match(r"query mix: (\d+) clients", line)
    if m:
        clients, in_mix = int(m.group(1)), True
        if clients not in levels:
            levels.append(clients)
        continue
    if line.startswith("client + HTTP floor"):
        in_mix = False
        continue
    m = ROW.match(line.rstrip())
    if in_mix and m:
        name = m.group(1).strip()
        if name not in order:
            order.append(name)
        rows[(name, clients)].append(
            (float(m.group(3)), float(m.group(4)), float(m.group(5)), int(m.group(7))))
med = statistics.median
print("| request (p50 / p99) | " + " | ".join(f"{c} client{'s' if c > 1 else ''}" for c in levels) + " |")
print("|---|" + "---|" * len(levels))
for name in order:
    cells = []
    for c in levels:
        runs = rows.get((name, c), [])
        if not runs:
            cells.append("-")
            continue
        p50, p99 = med(r[1] for r in runs), med(r[2] for r in runs)
        rate = f"{med(r[0] for r in runs):.1f} req/s, " if name == "all" else ""
        failed = sum(r[3] for r in runs)
        cells.append(f"{rate}{p50:.3g} / {p99:.3g} ms" + (f" ({failed} failed)" if failed else ""))
    print(f"| {name} | " + " | ".join(cells) + " |")
print(f"\nruns per level: {', '.join(str(len(rows.get(('all', c), []))) for c in levels)}")
