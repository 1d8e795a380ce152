#!/usr/bin/env python3
"""Convert the Kelley/Heiss TIP tier history (extdata/kelley-tip-tiers/map_tiers.csv)
into the dataset's tiers CSV format (see data/SCHEMA.md, "tiers*.csv").

Usage:  python3 kelley_to_csv.py INPUT_map_tiers.csv OUTPUT_tiers_kelley.csv

- one output row per input row with a non-NA tier and 2001 <= year <= 2015
  (`year` in the source is the TIP Report edition year; 1999/2000 are always NA);
- tier codes (ordered factor in the source): 1 -> 1, 2 -> 2, 3 -> 2WL (Tier 2 Watch List), 4 -> 3;
- iso KOS (non-standard) -> XKX; every other iso is kept as is;
- basis `external`, name_printed = countryname, printed empty,
  source_file `kelley-tip-tiers/map_tiers.csv`, source_line = 1-based line of the row in the
  input file (header = line 1);
- output keeps the input order; standard library only; deterministic (same input, same bytes).
The source data is MIT-licensed (Copyright (c) 2017 Judith Kelley and Andrew Heiss);
the notice in extdata/kelley-tip-tiers/LICENSE.MIT.txt must ship with any copy.
"""
import csv
import sys

SOURCE_FILE = "kelley-tip-tiers/map_tiers.csv"
EXPECTED_HEADER = ["countryname", "iso", "year", "ccode", "tier"]
TIER_MAP = {"1": "1", "2": "2", "3": "2WL", "4": "3"}
ISO_MAP = {"KOS": "XKX"}
FIRST_EDITION, LAST_EDITION = 2001, 2015
OUT_HEADER = ["country", "edition", "tier", "basis", "name_printed", "printed", "note",
              "source_file", "source_line"]


def convert(in_path, out_path):
    rows = []
    with open(in_path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != EXPECTED_HEADER:
            sys.exit(f"{in_path}: unexpected header {header!r}")
        for rec in reader:
            line = reader.line_num  # physical line the record ends on (no multi-line fields here)
            if len(rec) != len(EXPECTED_HEADER):
                sys.exit(f"{in_path}:{line}: expected {len(EXPECTED_HEADER)} fields, got {len(rec)}")
            name, iso, year, _ccode, tier = rec
            year_i = int(year)
            if tier == "NA" or not (FIRST_EDITION <= year_i <= LAST_EDITION):
                continue
            if tier not in TIER_MAP:
                sys.exit(f"{in_path}:{line}: unknown tier code {tier!r}")
            if len(iso) != 3 or not iso.isalpha() or not iso.isupper():
                sys.exit(f"{in_path}:{line}: bad iso code {iso!r}")
            country = ISO_MAP.get(iso, iso)
            note = f"source iso {iso} mapped to {country}" if country != iso else ""
            rows.append([country, str(year_i), TIER_MAP[tier], "external", name, "", note,
                         SOURCE_FILE, str(line)])
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(OUT_HEADER)
        writer.writerows(rows)
    return rows


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    rows = convert(argv[1], argv[2])
    counts = {}
    for r in rows:
        counts[r[1]] = counts.get(r[1], 0) + 1
    print(f"{len(rows)} rows written to {argv[2]}", file=sys.stderr)
    for year in sorted(counts):
        print(f"  {year}: {counts[year]}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
