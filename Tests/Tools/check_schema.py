"""Validates descriptors against Vendors/vendor.schema.json with the jsonschema package.

Usage: check_schema.py ROOT FILE...   (FILE relative to ROOT)
Prints one line per file: 'FILE<TAB>valid' or 'FILE<TAB>invalid<TAB>first error'.
Exits 2 when the schema itself is not a valid draft 2020-12 schema.
"""
import json
import sys

import jsonschema


def main() -> int:
    root, files = sys.argv[1], sys.argv[2:]
    with open(f"{root}/Vendors/vendor.schema.json", encoding="utf-8") as handle:
        schema = json.load(handle)
    validator_class = jsonschema.validators.validator_for(schema)
    if validator_class is not jsonschema.Draft202012Validator:
        print("schema does not declare draft 2020-12", file=sys.stderr)
        return 2
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    for name in files:
        with open(f"{root}/{name}", encoding="utf-8") as handle:
            try:
                instance = json.load(handle)
            except json.JSONDecodeError as error:
                print(f"{name}\tinvalid\t{error}")
                continue
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        if errors:
            first = errors[0]
            where = "/".join(str(p) for p in first.absolute_path)
            print(f"{name}\tinvalid\t{where}: {first.message}")
        else:
            print(f"{name}\tvalid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
