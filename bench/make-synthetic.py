#!/usr/bin/env python3
"""Writes a larger tree of real pages for ingest benchmarks: the corpus's pages copied under
N new tags (as weekly develop-YYYY-MM-DD snapshots repeat the same packages).

usage: make-synthetic.py CORPUS_CACHE_DIR OUT_DIR COPIES
"""
import pathlib
import sys

src, out, copies = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
pages = sorted(src.glob("_cache/*/*/specs.md"))
for n in range(copies):
    tag = f"bench-{n:04d}"
    for page in pages:
        text = page.read_text(encoding="utf-8")
        old_tag = page.parent.parent.name
        text = text.replace(f"[package, {old_tag}]", f"[package, {tag}]", 1)
        dest = out / "_cache" / tag / f"{page.parent.name}-{old_tag}" / "specs.md"
        # The folder name must match the title, else the reader warns: keep title as folder.
        text = text.replace(f'title: "{page.parent.name}"', f'title: "{dest.parent.name}"', 1)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
print(f"{copies} tags x {len(pages)} pages under {out}")
