#!/usr/bin/python3
"""Validates YAML files against brochure's layout JSON Schema.

    schema-check.py SCHEMA FILE...            each FILE must pass
    schema-check.py --fails KEY SCHEMA FILE   FILE must fail, at KEY

Prints each error as FILE: PATH: MESSAGE; exits 1 when a file does not
do what it must.  Needs python3-yaml and python3-jsonschema.
"""
import json
import sys

import jsonschema
import yaml


def errors(validator, path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    return sorted(validator.iter_errors(doc), key=lambda e: list(e.path))


def main(argv):
    fails = None
    if argv[:1] == ["--fails"]:
        fails, argv = argv[1], argv[2:]
    with open(argv[0], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    bad = 0
    for path in argv[1:]:
        errs = errors(validator, path)
        if fails is not None:
            # The key is named in the error of the mapping holding it,
            # or in one of its context's (oneOf: the block's kinds).
            text = " ".join(e.message for err in errs
                            for e in [err] + list(err.context))
            if not errs or repr(fails) not in text:
                print(f"{path}: passes the schema, or not for '{fails}': "
                      f"{text[:400]}")
                bad += 1
            continue
        for e in errs[:5]:
            where = "/".join(str(p) for p in e.path)
            print(f"{path}: {where}: {e.message[:300]}")
        bad += bool(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
