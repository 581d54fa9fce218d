#!/usr/bin/env python3
"""Writes a deterministic synthetic cache.spack.io page tree whose joint distributions are the
real pages' (see bench/corpus-calibration.md for the model and the measured tables).

usage:
  make-corpus.py --calibrate CORPUS_DIR   measure CORPUS_DIR/_cache/*/*/specs.md, write
                                          corpus-calibration.json next to this script and
                                          print the tables as markdown
  make-corpus.py OUT_DIR SPECS [--seed S] [--tags T]
                                          write OUT_DIR/_cache/<tag>/<package>/specs.md, exactly
                                          SPECS specs, from corpus-calibration.json
  make-corpus.py --compare OUT_DIR        measure OUT_DIR the same way, print it beside the
                                          calibration

Standard library only. Pages are written one at a time: memory holds the page plan (three
integers per page) and the package names, never the specs.
"""
import argparse
import collections
import datetime
import json
import math
import pathlib
import random
import re
import sys

CALIBRATION = pathlib.Path(__file__).with_name("corpus-calibration.json")
KNOWN_FIELDS = {"hash", "compiler", "os", "platform", "target", "variants", "versions",
                "stacks", "size"}
OLD_SPEC_KEYS = ["hash", "compiler", "versions", "os", "platform", "target", "variants",
                 "stacks", "size", "tarball"]
OLD_META_KEYS = ["versions", "compilers", "oss", "platforms", "targets", "stacks", "num_specs",
                 "num_specs_by_stack"]
B32 = "abcdefghijklmnopqrstuvwxyz234567"
PAIRS = [a + b for a in B32 for b in B32]  # 10 bits -> 2 characters
# Not measurable from 73 pages (a sample, not whole tags): the share of the package universe
# each tag holds before the plan trims it to SPECS. A modelling choice, written down.
COVERAGE = 0.8


# ---------------------------------------------------------------- reading pages


def read_page(path):
    """(tag, package, meta, spec_details) of one page; meta and spec_details are JSON lines."""
    meta, specs = None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("meta: "):
                meta = json.loads(line[6:])
            elif line.startswith("spec_details: "):
                specs = json.loads(line[14:])
    return path.parent.parent.name, path.parent.name, meta, specs


def pages_under(root):
    return sorted(pathlib.Path(root).glob("_cache/*/*/specs.md"))


def spelling(compiler):
    if compiler == "none":
        return "none"
    return "eq" if "@=" in compiler else "plain"


def normal_compiler(compiler):
    return compiler.replace("@=", "@", 1)


def variant_parts(v):
    """(form, name, value) of a variant string: form is +, ~, = or :=."""
    if v[:1] in "+~":
        return v[0], v[1:], None
    if ":=" in v:
        name, value = v.split(":=", 1)
        return ":=", name, value
    name, value = v.split("=", 1) if "=" in v else (v, "")
    return "=", name, value


def version_shape(v):
    return re.sub(r"[0-9]+", "N", v)


# ---------------------------------------------------------------- measuring


class Stats:
    """Counters over a page tree, filled one page at a time."""

    def __init__(self):
        self.c = collections.defaultdict(collections.Counter)
        self.specs_per_page = []

    def add(self, tag, package, meta, specs):
        c = self.c
        c["pages_per_tag"][tag] += 1
        self.specs_per_page.append(len(specs))
        c["spec_key_order"]["old (hash first)" if specs and next(iter(specs[0])) == "hash"
                            else "sorted keys"] += len(specs)
        c["meta_key_order"]["old (versions first)" if meta and next(iter(meta)) == "versions"
                            else "sorted keys"] += 1
        hashes = [s["hash"] for s in specs]
        c["page_hash_order"]["sorted" if hashes == sorted(hashes) else "unsorted"] += 1
        c["page_versions"][len({v for s in specs for v in s["versions"]})] += 1
        seen = set()
        for s in specs:
            self.add_spec(s, seen)

    def add_spec(self, s, seen):
        c = self.c
        comp = s["compiler"]
        c["compilers"][comp] += 1
        c["compilers_normalised"][normal_compiler(comp)] += 1
        c["compiler_spelling"][spelling(comp)] += 1
        c["targets"][s["target"]] += 1
        c["oss"][s["os"]] += 1
        c["platforms"][s["platform"]] += 1
        c["target_os_compiler"][" / ".join((s["target"], s["os"], normal_compiler(comp)))] += 1
        c["stacks_per_spec"][len(s["stacks"])] += 1
        for st in s["stacks"]:
            c["stacks"][st] += 1
        c["variants_per_spec"][len(s["variants"])] += 1
        names = []
        for v in s["variants"]:
            form, name, value = variant_parts(v)
            names.append(name)
            c["variant_names"][name] += 1
            shown = {"+": "+x", "~": "~x", "=": "k=v", ":=": "k:=v"}[form]
            if value and "," in value:
                shown = shown.replace("v", "a,b")
                c["comma_list_length"][value.count(",") + 1] += 1
            c["variant_forms"][shown] += 1
        c["variants_sorted_by_name"][names == sorted(names)] += 1
        c["versions_per_spec"][len(s["versions"])] += 1
        for v in s["versions"]:
            c["version_shapes"][version_shape(v)] += 1
        size = s.get("size")
        c["sizes"]["-" if size == "-" else "bytes"] += 1
        for k in s:
            if k not in KNOWN_FIELDS:
                c["extra_fields"][k] += 1
        key = (s["compiler"], s["os"], s["target"], tuple(s["variants"]), tuple(s["versions"]))
        c["same_build_as_earlier_spec_on_page"][key in seen] += 1
        seen.add(key)

    def summary(self):
        out = {k: {str(kk): vv for kk, vv in v.items()} for k, v in self.c.items()}
        out["specs_per_page_quantiles"] = quantiles(self.specs_per_page)
        return out


def quantiles(values):
    v = sorted(values)
    if not v:
        return {}
    q = {f"p{p}": v[min(len(v) - 1, int(p / 100 * len(v)))] for p in (10, 25, 50, 75, 90, 99)}
    return {"pages": len(v), "specs": sum(v), "min": v[0], **q, "max": v[-1],
            "mean": round(sum(v) / len(v), 2)}


def measure(root):
    stats = Stats()
    for path in pages_under(root):
        stats.add(*read_page(path))
    return stats


# ---------------------------------------------------------------- calibrating


def calibrate(corpus):
    """The model: every real page as a template (its specs as indices into tables of distinct
    configurations, variant lists and versions), plus the page- and tag-level shares."""
    stats, pages = Stats(), []
    configs, variant_sets, version_sets = {}, {}, {}
    eras, fmt_by_era, tarball_by_fmt = (collections.Counter(), collections.defaultdict(
        collections.Counter), collections.defaultdict(collections.Counter))
    sizes = []
    for path in pages_under(corpus):
        tag, package, meta, specs = read_page(path)
        stats.add(tag, package, meta, specs)
        era = spelling(specs[0]["compiler"])
        fmt = "old" if next(iter(specs[0])) == "hash" else "sorted"
        eras[era] += len(specs)
        fmt_by_era[era][fmt] += 1
        tarball_by_fmt[fmt]["tarball" in specs[0]] += 1
        rows = []
        for s in specs:
            cfg = (normal_compiler(s["compiler"]), s["os"], s["platform"], s["target"],
                   tuple(s["stacks"]))
            rows.append([index_of(configs, cfg), index_of(variant_sets, tuple(s["variants"])),
                         index_of(version_sets, tuple(s["versions"]))])
            if s.get("size", "-") != "-":
                sizes.append(int(s["size"]))
        pages.append({"tag": tag, "package": package, "era": era, "specs": rows})
    cfg_list = impute_none_compilers(list(configs))
    return {
        "source": str(corpus),
        "command": f"bench/make-corpus.py --calibrate {corpus}",
        "spelling_share_by_spec": shares(eras),
        "format_share_by_spelling": {e: shares(v) for e, v in fmt_by_era.items()},
        "tarball_share_by_format": {f: v[True] / sum(v.values())
                                    for f, v in tarball_by_fmt.items()},
        "size_bytes_share": len(sizes) / sum(len(p["specs"]) for p in pages),
        "size_bytes_values": sizes,
        "specs_per_page_log_bandwidth": silverman([math.log(len(p["specs"])) for p in pages]),
        "configs": [[c[0], c[1], c[2], c[3], list(c[4])] for c in cfg_list],
        "variant_sets": [list(v) for v in variant_sets],
        "version_sets": [list(v) for v in version_sets],
        "pages": pages,
        "shared_variant_names": shared_variant_names(pages, list(variant_sets)),
        "multi_valued_variant_names": multi_valued(list(variant_sets)),
        "tags": tag_model(pathlib.Path(corpus) / "_data" / "tags.yaml",
                          {p["tag"] for p in pages}),
        "measured": stats.summary(),
    }


def index_of(table, key):
    return table.setdefault(key, len(table))


def shares(counter):
    total = sum(counter.values())
    return {str(k): v / total for k, v in sorted(counter.items())}


def silverman(xs):
    mean = sum(xs) / len(xs)
    sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1))
    return round(1.06 * sd * len(xs) ** -0.2, 4)


def impute_none_compilers(cfgs):
    """A 'none' configuration (compilers became dependencies) gets, for the pages spelled with
    a compiler, the most frequent compiler seen with the same platform, os and target."""
    by_arch = collections.defaultdict(collections.Counter)
    for c in cfgs:
        if c[0] != "none":
            by_arch[c[1:4]][c[0]] += 1
    out = []
    for c in cfgs:
        if c[0] == "none":
            guess = by_arch[c[1:4]].most_common(1)
            c = (guess[0][0] if guess else "gcc@11.4.0",) + c[1:]
        out.append(c)
    return out


def shared_variant_names(pages, variant_sets):
    """Names used by two or more distinct packages keep their name; the others are
    package-specific and are renamed per synthetic package."""
    users = collections.defaultdict(set)
    for p in pages:
        for row in p["specs"]:
            for v in variant_sets[row[1]]:
                users[variant_parts(v)[1]].add(p["package"])
    return sorted(n for n, u in users.items() if len(u) >= 2)


def multi_valued(variant_sets):
    names = set()
    for vs in variant_sets:
        for v in vs:
            form, name, value = variant_parts(v)
            if form == ":=" or (value and "," in value):
                names.add(name)
    return sorted(names)


def tag_model(tags_yaml, page_tags):
    """Release names, the share of releases among tags, and the gaps between dated tags, from
    the site's _data/tags.yaml (read by line: '- name: <tag>') and the pages' tags."""
    names = [ln.split(":", 1)[1].strip() for ln in tags_yaml.read_text(encoding="utf-8")
             .splitlines() if ln.startswith("- name:")]
    all_tags = set(names) | page_tags
    releases = sorted((t for t in all_tags if re.fullmatch(r"v\d+\.\d+\.\d+", t)),
                      key=lambda t: tuple(int(x) for x in t[1:].split(".")))
    dated = sorted(t[8:] for t in all_tags if re.fullmatch(r"develop-\d{4}-\d\d-\d\d", t))
    days = [datetime.date.fromisoformat(d) for d in dated]
    yaml_dated = sorted(datetime.date.fromisoformat(t[8:]) for t in names
                        if t.startswith("develop-"))
    gaps = [(b - a).days for a, b in zip(yaml_dated, yaml_dated[1:])]
    return {"tags_yaml_count": len(names),
            "release_share": sum(1 for t in names if t in releases) / max(1, len(names) - 1),
            "releases": releases, "dated_gap_days": gaps, "last_dated": days[-1].isoformat()}


# ---------------------------------------------------------------- names


class Words:
    """An order-2 character Markov chain over real words: new words that read like them."""

    def __init__(self, words):
        self.next = collections.defaultdict(list)
        for w in sorted(set(words)):
            s = "^^" + w + "$"
            for k in range(len(w) + 1):
                self.next[s[k:k + 2]].append(s[k + 2])

    def make(self, rng, lo=3, hi=10):
        out = ""
        for _ in range(50):
            ctx, out = "^^", ""
            while len(out) <= hi:
                ch = rng.choice(self.next[ctx])
                if ch == "$":
                    break
                out += ch
                ctx = ctx[1] + ch
            if lo <= len(out) <= hi:
                return out
        return out[:hi] or "x"


class PackageNames:
    """Unique, real-looking package names: as many hyphen-separated parts as real names have,
    each part a real one or a new Markov word."""

    def __init__(self, cal, rng):
        real = sorted({p["package"] for p in cal["pages"]})
        self.parts = [part for n in real for part in n.split("-")]
        self.words = Words(self.parts)
        self.part_counts = [len(n.split("-")) for n in real]
        self.taken = set(real)
        self.rng = rng

    def make(self):
        for attempt in range(1000):
            k = self.rng.choice(self.part_counts) + (attempt // 200)
            parts = [self.rng.choice(self.parts) if self.rng.random() < 0.3 and k > 1
                     else self.words.make(self.rng) for _ in range(k)]
            name = "-".join(parts)
            if name not in self.taken:
                self.taken.add(name)
                return name
        raise RuntimeError("no unique package name found")


# ---------------------------------------------------------------- tags


def make_tags(cal, count, rng):
    """develop (newest), releases (the newest measured names first), weekly dated snapshots going
    back from the last measured one by measured gaps; oldest first."""
    model = cal["tags"]
    n_rel = min(round(model["release_share"] * (count - 1)), count - 1)
    releases = list(reversed(model["releases"]))
    while len(releases) < n_rel:
        releases.append(older_release(releases[-1]))
    day = datetime.date.fromisoformat(model["last_dated"])
    dated = []
    for _ in range(count - 1 - n_rel):
        dated.append(f"develop-{day.isoformat()}")
        day -= datetime.timedelta(days=rng.choice(model["dated_gap_days"]))
    rel = sorted(releases[:n_rel], key=lambda t: tuple(int(x) for x in t[1:].split(".")))
    return rel, list(reversed(dated)) + (["develop"] if count else [])


def older_release(tag):
    major, minor, patch = (int(x) for x in tag[1:].split("."))
    if patch:
        return f"v{major}.{minor}.{patch - 1}"
    return f"v{major}.{minor - 1}.2" if minor else f"v{major - 1}.99.0"


def spelling_by_tag(cal, releases, chronological):
    """Compiler spelling is a property of the Spack that built a tag: releases (all measured
    release pages) use gcc@=; the other tags, oldest first, take eq, then plain, then none, in
    the measured spec shares."""
    share = cal["spelling_share_by_spec"]
    total = len(releases) + len(chronological)
    quota = {e: share.get(e, 0) * total for e in ("eq", "plain", "none")}
    counts = {e: math.floor(q) for e, q in quota.items()}
    for e in sorted(quota, key=lambda e: counts[e] - quota[e])[:total - sum(counts.values())]:
        counts[e] += 1
    out = {t: "eq" for t in releases}
    order = ["eq"] * max(0, counts["eq"] - len(releases)) + ["plain"] * counts["plain"]
    order += ["none"] * (len(chronological) - len(order))
    out.update(zip(chronological, order[:len(chronological)]))
    return out


# ---------------------------------------------------------------- plan


def pool_of(spelling_):
    """Templates for a tag come from real pages of its time: gcc@= pages for gcc@= tags, the
    later gcc@ and 'none' pages (the 2025 stacks) for the others."""
    return "eq" if spelling_ == "eq" else "new"


def plan(cal, total, tag_pools, seed):
    """(tag index, package index, spec count) per page, summing to exactly `total`, and the
    template page of every package in each pool. Templates are dealt from shuffled decks of a
    pool's real pages, so every page serves about equally often; a page's count is its
    template's count times exp(N(0, h) - h^2/2): a kernel density in log space around the
    measured specs per page that keeps their mean."""
    rng = random.Random(f"{seed}:plan")
    counts = [len(p["specs"]) for p in cal["pages"]]
    h = cal["specs_per_page_log_bandwidth"]
    mean = sum(counts) / len(counts)
    members = {pool: [k for k, p in enumerate(cal["pages"]) if pool_of(p["era"]) == pool]
               for pool in ("eq", "new")}
    templates, pages, written, decks = [], [], 0, {"eq": [], "new": []}
    while written < total:
        batch = max(1, math.ceil((total - written) * 1.1 / mean / len(tag_pools) / COVERAGE))
        first = len(templates)
        for _ in range(batch):
            templates.append({pool: deal(decks[pool], members[pool], rng) for pool in decks})
        cand = [(t, i) for t in range(len(tag_pools)) for i in range(first, len(templates))
                if rng.random() < COVERAGE]
        rng.shuffle(cand)
        for t, i in cand:
            c = counts[templates[i][tag_pools[t]]]
            n = max(1, round(c * math.exp(rng.gauss(0, h) - h * h / 2)))
            n = min(n, total - written)
            pages.append((t, i, n))
            written += n
            if written == total:
                break
    return templates, pages


def deal(deck, members, rng):
    if not deck:
        deck.extend(members)
        rng.shuffle(deck)
    return deck.pop()


# ---------------------------------------------------------------- writing


class Package:
    """What stays the same for a synthetic package in every tag of one template pool: its name,
    template page, renamed package-specific variants, new patch ids and versions of the
    template's shapes."""

    def __init__(self, cal, name, pool, template, seed, words):
        rng = random.Random(f"{seed}:pkg:{name}:{pool}")
        self.name, self.template = name, cal["pages"][template]
        shared = set(cal["shared_variant_names"])
        names, patches, versions = set(), set(), set()
        for row in self.template["specs"]:
            for v in cal["variant_sets"][row[1]]:
                _, vname, value = variant_parts(v)
                names.add(vname)
                if vname == "patches" and value:
                    patches.update(value.split(","))
            versions.update(cal["version_sets"][row[2]])
        self.rename = {}
        used = set(names)
        for n in sorted(names - shared):
            new = n
            while new in used:
                new = "_".join(words.make(rng, 2, 9) for _ in range(1 + n.count("_")))
            used.add(new)
            self.rename[n] = new
        self.patches = {p: f"{rng.getrandbits(28):07x}" for p in sorted(patches)}
        self.versions = {}
        for v in sorted(versions):
            new = new_version(v, rng)
            while new in self.versions.values():
                new = new_version(v, rng)
            self.versions[v] = new


def new_version(v, rng):
    def digits(m):
        s = m.group(0)
        if len(s) == 1:
            return str(rng.randrange(10))
        head = s[0] if len(s) >= 3 or s[0] == "0" else str(rng.randrange(1, 10))
        return head + "".join(str(rng.randrange(10)) for _ in range(len(s) - 1))
    return re.sub(r"[0-9]+", digits, v)


class Writer:
    def __init__(self, cal, out, seed):
        self.cal, self.out, self.seed = cal, pathlib.Path(out), seed
        self.multi = set(cal["multi_valued_variant_names"])
        self.key = random.Random(f"{seed}:hash").getrandbits(40)
        self.counter = 0
        self.variant_words = Words(
            [w for n in collections.Counter(
                variant_parts(v)[1] for vs in cal["variant_sets"] for v in vs)
             for w in n.split("_")])

    def hash(self, rng):
        """32 base32 characters; the first 8 are a bijection of a global counter (so unique by
        construction), the other 24 random."""
        x = (self.counter ^ self.key) & (2**40 - 1)
        for mul, shift in ((0x9E3779B97F, 19), (0xC2B2AE3D27, 17), (0x165667B19F, 21)):
            x = (x * mul) & (2**40 - 1)
            x ^= x >> shift
        self.counter += 1
        v = (x << 120) | rng.getrandbits(120)
        return "".join(PAIRS[(v >> s) & 1023] for s in range(150, -1, -10))

    def variants(self, pkg, raw, era):
        out = []
        for v in raw:
            form, name, value = variant_parts(v)
            name = pkg.rename.get(name, name)
            if form in "+~":
                out.append((name, form + name))
                continue
            if name == "patches" and value:
                value = ",".join(pkg.patches[p] for p in value.split(","))
            op = ":=" if name in self.multi and era != "eq" else "="
            out.append((name, name + op + value))
        return [s for _, s in sorted(out)]

    def page(self, tag, era, pkg):
        """The spec dicts of one page, minus hashes and counts: one per template spec."""
        cal, fmt_share = self.cal, self.cal["format_share_by_spelling"][era]
        rng = random.Random(f"{self.seed}:{tag}:{pkg.name}")
        fmt = "old" if rng.random() < fmt_share.get("old", 0) else "sorted"
        tarball = rng.random() < self.cal["tarball_share_by_format"].get(fmt, 0)
        rows = list(pkg.template["specs"])
        built = []
        for cfg_i, var_i, ver_i in rows:
            comp, os_, plat, target, stacks = cal["configs"][cfg_i]
            if era == "none":
                comp = "none"
            elif era == "eq":
                comp = comp.replace("@", "@=", 1)
            versions = [pkg.versions[v] for v in cal["version_sets"][ver_i]]
            built.append({"compiler": comp, "os": os_, "platform": plat, "target": target,
                          "stacks": stacks, "versions": versions,
                          "variants": self.variants(pkg, cal["variant_sets"][var_i], era)})
        return rng, fmt, tarball, built

    def write(self, tag, era, pkg, n):
        rng, fmt, tarball, built = self.page(tag, era, pkg)
        order = []
        while len(order) < n:
            cycle = list(range(len(built)))
            rng.shuffle(cycle)
            order += cycle
        specs = [self.spec(tag, pkg, built[j], fmt, tarball, rng) for j in order[:n]]
        if fmt == "sorted":
            specs.sort(key=lambda s: s["hash"])
        meta = page_meta(specs, fmt)
        text = (f'---\ntitle: "{pkg.name}"\nlayout: cache\ncategories: [package, {tag}]\n'
                f"meta: {json.dumps(meta)}\nspec_details: {json.dumps(specs)}\n---")
        folder = self.out / "_cache" / tag / pkg.name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "specs.md").write_text(text, encoding="utf-8")

    def spec(self, tag, pkg, b, fmt, tarball, rng):
        h = self.hash(rng)
        size = "-"
        if self.cal["size_bytes_share"] and rng.random() < self.cal["size_bytes_share"]:
            size = rng.choice(self.cal["size_bytes_values"])
        if fmt == "sorted":
            return {"compiler": b["compiler"], "hash": h, "os": b["os"],
                    "platform": b["platform"], "size": size, "stacks": b["stacks"],
                    "target": b["target"], "variants": b["variants"], "versions": b["versions"]}
        s = {"hash": h, "compiler": b["compiler"], "versions": b["versions"], "os": b["os"],
             "platform": b["platform"], "target": b["target"], "variants": b["variants"],
             "stacks": b["stacks"], "size": size}
        if tarball:
            arch = f"{b['platform']}-{b['os']}-{b['target']}"
            comp = b["compiler"].replace("@=", "-").replace("@", "-")
            nv = f"{pkg.name}-{b['versions'][0]}"
            s["tarball"] = (f"https://binaries.spack.io/{tag}/build_cache/{arch}/{comp}/{nv}/"
                            f"{arch}-{comp}-{nv}-{h}.spack")
        return s


def page_meta(specs, fmt):
    by_stack = {}
    for s in specs:
        for st in s["stacks"]:
            by_stack[st] = by_stack.get(st, 0) + 1
    meta = {
        "compilers": sorted({s["compiler"] for s in specs}),
        "num_specs": len(specs),
        "num_specs_by_stack": dict(sorted(by_stack.items())) if fmt == "sorted" else by_stack,
        "oss": sorted({s["os"] for s in specs}),
        "platforms": sorted({s["platform"] for s in specs}),
        "stacks": sorted(by_stack),
        "targets": sorted({s["target"] for s in specs}),
        "versions": sorted({v for s in specs for v in s["versions"]}),
    }
    return meta if fmt == "sorted" else {k: meta[k] for k in OLD_META_KEYS}


def generate(out, total, seed, tag_count):
    cal = json.loads(CALIBRATION.read_text(encoding="utf-8"))
    rng = random.Random(f"{seed}:tags")
    releases, chronological = make_tags(cal, tag_count, rng)
    tags = releases + chronological
    era = spelling_by_tag(cal, releases, chronological)
    pools = [pool_of(era[t]) for t in tags]
    templates, pages = plan(cal, total, pools, seed)
    names = PackageNames(cal, random.Random(f"{seed}:names"))
    pkg_names = [names.make() for _ in templates]
    pages.sort(key=lambda p: (p[0], pkg_names[p[1]]))
    writer = Writer(cal, out, seed)
    cache = {}
    for t, i, n in pages:
        key = (i, pools[t])
        if key not in cache:
            if len(cache) > 50000:  # rebuilt on demand: a Package is a function of the seed
                cache.clear()
            cache[key] = Package(cal, pkg_names[i], pools[t], templates[i][pools[t]], seed,
                                 writer.variant_words)
        writer.write(tags[t], era[tags[t]], cache[key], n)
    spelled = collections.Counter(era.values())
    print(f"{writer.counter} specs, {len(pages)} pages, {len(tags)} tags "
          f"({len(releases)} releases; spelling by tag {dict(spelled)}), "
          f"{len(templates)} packages under {out}")


# ---------------------------------------------------------------- printing


def table(title, counter, total=None, limit=None, key=None):
    items = sorted(counter.items(), key=key or (lambda kv: (-kv[1], kv[0])))
    total = total or sum(counter.values())
    lines = [f"\n**{title}** ({total} in all)\n", "| value | count | share |", "|---|---|---|"]
    for k, v in items[:limit]:
        lines.append(f"| `{k}` | {v} | {100 * v / total:.1f}% |")
    if limit and len(items) > limit:
        rest = sum(v for _, v in items[limit:])
        lines.append(f"| ({len(items) - limit} more) | {rest} | {100 * rest / total:.1f}% |")
    return "\n".join(lines)


def by_number(kv):
    return (int(kv[0]) if str(kv[0]).lstrip("-").isdigit() else 10**9, str(kv[0]))


def print_tables(cal):
    m = cal["measured"]
    print(f"Measured with `{cal['command']}`\n")
    print("**Specs per page**: " + ", ".join(
        f"{k} {v}" for k, v in m["specs_per_page_quantiles"].items())
          + f"; log-space kernel bandwidth (Silverman) {cal['specs_per_page_log_bandwidth']}")
    numeric = {"pages_per_tag": None, "stacks_per_spec": by_number,
               "variants_per_spec": by_number, "page_versions": by_number,
               "versions_per_spec": by_number, "comma_list_length": by_number}
    limits = {"target_os_compiler": 30, "variant_names": 40, "stacks": 40,
              "version_shapes": 20}
    for name, counter in m.items():
        if name == "specs_per_page_quantiles":
            continue
        print(table(name.replace("_", " "), counter, limit=limits.get(name),
                    key=numeric.get(name)))
    print(f"\n**spelling share by spec**: {fmt_shares(cal['spelling_share_by_spec'])}")
    for era, s in cal["format_share_by_spelling"].items():
        print(f"\n**page format given spelling {era}**: {fmt_shares(s)}")
    print(f"\n**tarball share by format**: {fmt_shares(cal['tarball_share_by_format'])}")
    print(f"\n**size in bytes**: {100 * cal['size_bytes_share']:.1f}% of specs")
    t = cal["tags"]
    print(f"\n**tags**: {t['tags_yaml_count']} in _data/tags.yaml; release share "
          f"{100 * t['release_share']:.1f}%; releases {', '.join(t['releases'])}; gaps between "
          f"dated tags (days) {dict(sorted(collections.Counter(t['dated_gap_days']).items()))};"
          f" last dated {t['last_dated']}")
    print(f"\n**shared variant names** (kept): {', '.join(cal['shared_variant_names'])}")
    print(f"\n**multi-valued variant names** (`:=` after the gcc@= era): "
          f"{', '.join(cal['multi_valued_variant_names'])}")


def fmt_shares(s):
    return ", ".join(f"{k} {100 * v:.1f}%" for k, v in s.items())


def compare(out):
    cal = json.loads(CALIBRATION.read_text(encoding="utf-8"))
    real, gen = cal["measured"], measure(out).summary()
    print(f"calibration: {cal['source']}  vs  generated: {out}\n")
    q = ["pages", "specs", "min", "p10", "p25", "p50", "p75", "p90", "p99", "max", "mean"]
    print("| specs per page | real | generated |\n|---|---|---|")
    for k in q:
        print(f"| {k} | {real['specs_per_page_quantiles'][k]} | "
              f"{gen['specs_per_page_quantiles'][k]} |")
    for name, limit in (("compilers", 16), ("compilers_normalised", 12),
                        ("compiler_spelling", None), ("targets", None), ("oss", None),
                        ("target_os_compiler", 12), ("stacks_per_spec", None),
                        ("variants_per_spec", 8), ("variant_forms", None),
                        ("same_build_as_earlier_spec_on_page", None), ("extra_fields", None)):
        side_by_side(name, real.get(name, {}), gen.get(name, {}), limit)


def side_by_side(name, real, gen, limit):
    rt, gt = sum(real.values()) or 1, sum(gen.values()) or 1
    keys = sorted(set(real) | set(gen), key=lambda k: (-real.get(k, 0) / rt - gen.get(k, 0) / gt,
                                                       k))
    print(f"\n| {name.replace('_', ' ')} | real % | generated % |\n|---|---|---|")
    for k in keys[:limit]:
        print(f"| `{k}` | {100 * real.get(k, 0) / rt:.1f} | {100 * gen.get(k, 0) / gt:.1f} |")
    if limit and len(keys) > limit:
        rest_r = sum(real.get(k, 0) for k in keys[limit:]) / rt
        rest_g = sum(gen.get(k, 0) for k in keys[limit:]) / gt
        print(f"| ({len(keys) - limit} more) | {100 * rest_r:.1f} | {100 * rest_g:.1f} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("args", nargs="*", help="OUT_DIR SPECS")
    ap.add_argument("--calibrate", metavar="CORPUS_DIR")
    ap.add_argument("--compare", metavar="OUT_DIR")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tags", type=int, default=None,
                    help="number of tags (default: as many as _data/tags.yaml lists)")
    a = ap.parse_args()
    if a.calibrate:
        cal = calibrate(a.calibrate)
        CALIBRATION.write_text(json.dumps(cal, separators=(",", ":")) + "\n", encoding="utf-8")
        print_tables(cal)
    elif a.compare:
        compare(a.compare)
    elif len(a.args) == 2:
        tags = a.tags or json.loads(CALIBRATION.read_text(encoding="utf-8"))["tags"][
            "tags_yaml_count"]
        if int(a.args[1]) < 1 or tags < 1:
            ap.error("SPECS and --tags must be at least 1")
        generate(a.args[0], int(a.args[1]), a.seed, tags)
    else:
        ap.error("give OUT_DIR SPECS, --calibrate CORPUS_DIR or --compare OUT_DIR")


if __name__ == "__main__":
    sys.exit(main())
