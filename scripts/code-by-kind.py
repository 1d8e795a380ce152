#!/usr/bin/env python3
"""Where the bundle's wasm code goes, by chart kind: raw bytes and zlib -9 bytes of the
function bodies each kind alone uses, the shared core, and the data segments.

    sh scripts/build.sh
    wasm-bindgen --target no-modules --no-typescript --out-dir /tmp/named \\
        target/bundle/wasm32-unknown-unknown/release/tipviz.wasm
    python3 scripts/code-by-kind.py /tmp/named/tipviz_bg.wasm

(build.sh strips the function names this needs; the wasm-bindgen run above keeps them.)
Each group is compressed on its own, so the groups add up to about 7% more than the code
compressed as one, which the last line gives.
"""
import re
import sys
import zlib
from collections import defaultdict

# A function belongs to the first kind whose name fragments its name contains.
KINDS = {
    "tier-map (code; outlines are data)": ["charts::tier_map", "model::map", "model::geo", "render::map"],
    "ratifications": ["charts::ratifications", "model::matrix", "render::matrix"],
    "tier-changes": ["charts::tier_changes", "model::flows", "render::flows"],
    "tier-history": ["charts::tier_history", "model::steps", "render::steps"],
    "enforcement": ["charts::enforcement", "model::line", "render::draw_line", "render::draw_marker"],
    "tier-summary": ["charts::tier_summary", "model::stacks", "render::stacks"],
    "peacekeeping and country-enforcement": [
        "charts::peacekeeping", "charts::country_enforcement", "model::bars", "render::bars"],
    "CSV and JSON export": ["tipviz::export"],
    "words in three languages (code)": ["tipviz::i18n"],
}


def leb128(b, i):
    value = shift = 0
    while True:
        byte = b[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def sections(path):
    """Function bodies, their names, and the data segments' bytes."""
    b = open(path, "rb").read()
    i, imported, bodies, names, data = 8, 0, [], {}, b""
    while i < len(b):
        section = b[i]
        size, i = leb128(b, i + 1)
        end = i + size
        if section == 2:  # imports: function indices start after imported functions
            count, j = leb128(b, i)
            for _ in range(count):
                for _ in range(2):
                    n, j = leb128(b, j)
                    j += n
                kind = b[j]
                j += 1
                if kind == 0:
                    _, j = leb128(b, j)
                    imported += 1
                elif kind == 1:
                    j += 1
                    flags, j = leb128(b, j)
                    _, j = leb128(b, j)
                    if flags & 1:
                        _, j = leb128(b, j)
                elif kind == 2:
                    flags, j = leb128(b, j)
                    _, j = leb128(b, j)
                    if flags & 1:
                        _, j = leb128(b, j)
                elif kind == 3:
                    j += 2
        elif section == 10:
            count, j = leb128(b, i)
            for _ in range(count):
                n, j = leb128(b, j)
                bodies.append(b[j:j + n])
                j += n
        elif section == 11:
            data = b[i:end]
        elif section == 0:
            n, j = leb128(b, i)
            if b[j:j + n] == b"name":
                j += n
                while j < end:
                    sub = b[j]
                    n, j = leb128(b, j + 1)
                    if sub == 1:
                        count, k = leb128(b, j)
                        for _ in range(count):
                            index, k = leb128(b, k)
                            length, k = leb128(b, k)
                            names[index - imported] = b[k:k + length].decode("utf8", "replace")
                            k += length
                    j += n
        i = end
    return bodies, names, data


def main():
    bodies, names, data = sections(sys.argv[1])
    if not names:
        sys.exit("no function names: run wasm-bindgen without --remove-name-section (see the top of this file)")
    groups = defaultdict(list)
    fragments_seen = set()
    for index, body in enumerate(bodies):
        name = re.sub(r"\[[0-9a-f]{16}\]", "", names.get(index, ""))  # tipviz[hash]::export → tipviz::export
        kind = "shared core"
        for k, fragments in KINDS.items():
            found = [f for f in fragments if f in name]
            if found:
                kind = k
                fragments_seen.update(found)
                break
        groups[kind].append(body)
    # A module renamed or moved would silently fall into the shared core: say so instead.
    unmatched = [f for fragments in KINDS.values() for f in fragments if f not in fragments_seen]
    if unmatched:
        sys.exit(f"no function name contains {', '.join(unmatched)}: update KINDS to the code's module names")
    print(f"{'':40s} {'raw':>8s} {'zlib -9':>8s}")
    for kind, parts in sorted(groups.items(), key=lambda g: -sum(map(len, g[1]))):
        code = b"".join(parts)
        print(f"{kind:40s} {len(code):8d} {len(zlib.compress(code, 9)):8d}")
    code = b"".join(bodies)
    print(f"{'all code, compressed as one':40s} {len(code):8d} {len(zlib.compress(code, 9)):8d}")
    print(f"{'data (dataset, outlines, text, tables)':40s} {len(data):8d} {len(zlib.compress(data, 9)):8d}")


if __name__ == "__main__":
    main()
