"""Parses generated Markdown with markdown-it-py (GitHub-flavoured tables) and checks the tables.

Usage: check_markdown.py FILE...
For every file: every line that starts with '|' outside code must belong to a table the parser
found; every row of a table must have exactly the header's number of cells (counting unescaped
pipes, as GitHub does); the front matter, when present, must be closed. Prints 'FILE<TAB>ok
<TAB>N tables' or 'FILE<TAB>invalid<TAB>reason'. A negative control (a row with an extra cell) must
be caught, so that the checker cannot pass by checking nothing.
"""
import sys

from markdown_it import MarkdownIt


def cells(line):
    count, escaped = 0, False
    for character in line.strip():
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == "|":
            count += 1
    return count - 1


def check(text):
    lines = text.split("\n")
    body_start = 0
    if lines and lines[0] == "---":
        try:
            body_start = lines.index("---", 1) + 1
        except ValueError:
            return "front matter is never closed", 0
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse("\n".join(lines[body_start:]))
    table_lines = set()
    code_lines = set()
    tables = 0
    for index, token in enumerate(tokens):
        if token.type in ("fence", "code_block") and token.map:
            code_lines.update(range(token.map[0], token.map[1]))
        if token.type == "table_open" and token.map:
            tables += 1
            start, end = token.map
            table_lines.update(range(start, end))
            rows = [lines[body_start + n] for n in range(start, end)]
            width = cells(rows[0])
            for row in rows:
                if cells(row) != width:
                    return f"line {body_start + rows.index(row) + 1}: {cells(row)} cells, the header has {width}: {row.strip()}", tables
    for number, line in enumerate(lines[body_start:]):
        if line.lstrip().startswith("|") and number not in table_lines and number not in code_lines:
            return f"line {body_start + number + 1}: looks like a table row but is not in a table: {line.strip()}", tables
    return None, tables


def main():
    control, _ = check("|a|b|\n|---|---|\n|1|2|3|\n")
    if control is None:
        print("negative control passed: the checker checks nothing", file=sys.stderr)
        return 2
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            problem, tables = check(handle.read())
        print(f"{path}\tinvalid\t{problem}" if problem else f"{path}\tok\t{tables} tables")
    return 0


if __name__ == "__main__":
    sys.exit(main())
