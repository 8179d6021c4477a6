"""Reads the YAML front matter of generated Markdown with PyYAML, a YAML parser nobody here wrote.

Usage: check_front_matter.py FILE...
For every file that starts with a '---' line: the front matter up to the next '---' line must load
with yaml.safe_load as a mapping whose every value is a string (a value PyYAML reads as a number, a
boolean, a date or null was not written as the text it stands for). Prints 'FILE<TAB>ok<TAB>N keys'
or 'FILE<TAB>invalid<TAB>reason'. A negative control (a value with ': ' unquoted, and one PyYAML
reads as a boolean) must be caught first, so that the checker cannot pass by checking nothing.
"""
import sys

import yaml


def check(text):
    lines = text.split("\n")
    if not lines or lines[0] != "---":
        return "no front matter", 0
    try:
        end = lines.index("---", 1)
    except ValueError:
        return "front matter is never closed", 0
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        return " ".join(str(error).split()), 0
    if not isinstance(data, dict):
        return f"front matter is {type(data).__name__}, not a mapping", 0
    for key, value in data.items():
        if not isinstance(value, str):
            return f"'{key}' reads as {type(value).__name__} {value!r}, not as text", len(data)
    return None, len(data)


def main():
    for control in ("---\ntitle: O'Reilly: Learning\n---\n", "---\ntitle: yes\n---\n"):
        if check(control)[0] is None:
            print(f"negative control passed: {control!r}; the checker checks nothing", file=sys.stderr)
            return 2
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            problem, keys = check(handle.read())
        print(f"{path}\tinvalid\t{problem}" if problem else f"{path}\tok\t{keys} keys")
    return 0


if __name__ == "__main__":
    sys.exit(main())
