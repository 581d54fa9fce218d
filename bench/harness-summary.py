#!/usr/bin/env python3
"""Markdown tables from bench/harness-tier.sh's raw output: ingest medians of the runs (and the
median of the per-run ratios), query p50/p99 medians over the QueryBench runs (ratios from the
same run, then their median)."""
import re
import statistics
import sys

text = open(sys.argv[1]).read()
med = statistics.median

print("| threads | ours specs/s | floor | Solr | ours / floor | ours / Solr | runs |")
print("|---|---|---|---|---|---|---|")
for block in re.split(r"(?m)^\$ .*?IngestBench", text)[1:]:
    threads = re.search(r"(\d+) thread\(s\)", block).group(1)
    runs = re.findall(r"(?m)^run \d+:(.*)$", block)
    rate = {"ours": [], "floor": [], "solr": []}
    ratios_floor, ratios_solr = [], []
    for r in runs:
        got = {k: float(v.replace(",", "")) for k, v in re.findall(r"(ours|floor|solr) [\d,]+ specs in [\d.]+ s \(([\d,]+)/s\)", r)}
        for k, v in got.items():
            rate[k].append(v)
        ratios_floor.append(got["ours"] / got["floor"])
        if "solr" in got:
            ratios_solr.append(got["ours"] / got["solr"])
    solr = f"{med(rate['solr']):,.0f}" if rate["solr"] else "-"
    rs = f"{med(ratios_solr):.2f}" if ratios_solr else "-"
    print(f"| {threads} | {med(rate['ours']):,.0f} | {med(rate['floor']):,.0f} | {solr} | {med(ratios_floor):.2f} | {rs} | {len(runs)} |")

rows = {}
order = []
for block in re.split(r"(?m)^\$ .*?QueryBench", text)[1:]:
    for line in block.splitlines():
        m = re.match(r"^(\S.*?)\s{2,}([\d.]+ ms.*)$", line)
        if not m or line.startswith("query"):
            continue
        name = m.group(1).strip()
        ms = [float(x) for x in re.findall(r"([\d.]+) ms", m.group(2))]
        tail = m.group(2).split("ms")[-1].split()
        if name not in rows:
            rows[name] = []
            order.append(name)
        rows[name].append((ms, [float(x) for x in tail[:-1]]))
solr = any(len(v[0][0]) == 6 for v in rows.values())
head = "| query | ours p50 | ours p99 | floor p50 | floor p99 |" + (" Solr p50 | Solr p99 |" if solr else "")
head += " ours/floor |" + (" ours/Solr |" if solr else "") + " runs |"
print()
print(head)
print("|" + "---|" * (head.count("|") - 1))
fmt = lambda v: f"{v:.3g}" if v < 10 else f"{v:.1f}"
for name in order:
    runs = rows[name]
    cols = len(runs[0][0])
    ms = [med([r[0][i] for r in runs]) for i in range(cols)]
    ratios = [med([r[1][i] for r in runs]) for i in range(len(runs[0][1]))]
    cells = " | ".join(fmt(v) + " ms" for v in ms)
    print(f"| {name} | {cells} | " + " | ".join(f"{r:.2f}" if r >= 0.1 else f"{r:.2g}" for r in ratios) + f" | {len(runs)} |")
m = re.search(r"index bytes: ours (\d+) floor (\d+) solr (\d+)", text)
specs = re.search(r"median ours.*", text)
if m:
    print()
    print(f"index bytes: ours {int(m.group(1)):,}, floor {int(m.group(2)):,}, Solr {int(m.group(3)):,}")
