#!/usr/bin/env python3
"""Reads attribute-mappings.csv files back with Python's csv module, for the Swift tests.

Usage: check_csv.py FILE...

For each file: parses it strictly (RFC 4180, as Excel's dialect does), checks that every record
ends in CRLF and has as many fields as the header, that csv.writer writes the same rows back
to the same bytes (so the quoting is the minimal RFC 4180 quoting), and that read with ';' or tab
as the separator, as spreadsheets in some locales read it, no cell begins a formula. Prints one JSON object
{file: [[field, ...], ...]} with the header as the first row. Exits 1 with a message on any problem.
"""
import csv
import io
import json
import sys


def check(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    text = raw.decode("utf-8")  # raises on invalid UTF-8
    if text.startswith("\ufeff"):
        raise ValueError("starts with a byte order mark")
    if not text.endswith("\r\n"):
        raise ValueError("does not end with CRLF")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not rows:
        raise ValueError("is empty")
    width = len(rows[0])
    for number, row in enumerate(rows, start=1):
        if len(row) != width:
            raise ValueError(f"record {number} has {len(row)} fields, the header {width}")
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    if again.getvalue() != text:
        raise ValueError("csv.writer writes these rows differently (quoting or line breaks)")
    # A spreadsheet opens a CSV with its locale's list separator (';' in much of Europe) and
    # LibreOffice splits on tabs too: read that way, no cell may begin a formula either.
    for delimiter in (";", "\t"):
        for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            for cell in row:
                if cell[:1] in FORMULA_STARTS:
                    raise ValueError(f"record {number}, read with {delimiter!r} as the separator, has a cell that begins a formula: {cell!r}")
    return rows


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def main(paths):
    if not paths:
        print("usage: check_csv.py FILE...", file=sys.stderr)
        return 64
    result = {}
    for path in paths:
        try:
            result[path] = check(path)
        except (ValueError, csv.Error, UnicodeDecodeError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            return 1
    json.dump(result, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
