#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks data/gloss.schema.json against sidecars Gloss writes.

Usage: check-schema.py SCHEMA FIXTURE_DIR GLOSS_CLI
Exits 77 (skipped) when the jsonschema module is not installed.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("1..0 # SKIP the jsonschema module is not installed")
    sys.exit(77)

schema_path, fixtures, cli = sys.argv[1:4]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)

results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


validator_class = jsonschema.Draft202012Validator
try:
    validator_class.check_schema(schema)
    check("schema is a valid draft 2020-12 schema", True)
except jsonschema.SchemaError as error:
    check("schema is a valid draft 2020-12 schema", False, error.message)

validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def known_kinds_only(document):
    # annotations of a kind this version does not know are kept, not described
    document["annotations"] = [a for a in document["annotations"]
                               if a.get("kind") in ("entity", "claim", "note")]
    return document


def problems(document):
    return ["%s: %s" % (list(e.absolute_path), e.message) for e in validator.iter_errors(document)]


with tempfile.TemporaryDirectory() as folder:
    for name in ("report.txt", "report.txt.gloss.json"):
        shutil.copy(os.path.join(fixtures, "sidecar", name), folder)
    sidecar = os.path.join(folder, "report.txt.gloss.json")

    with open(sidecar, encoding="utf-8") as f:
        found = problems(known_kinds_only(json.load(f)))
    check("the project's fixture validates", not found, "; ".join(found))

    # the article edited: gloss-cli moves every annotation and rewrites the file
    article = os.path.join(folder, "report.txt")
    with open(article, encoding="utf-8") as f:
        text = f.read()
    with open(article, "w", encoding="utf-8") as f:
        f.write("Updated on 19 May.\n\n" + text)
    run = subprocess.run([cli, "reanchor", article], capture_output=True, text=True)
    check("gloss-cli reanchor ran", run.returncode in (0, 1), run.stderr)

    with open(sidecar, encoding="utf-8") as f:
        written = json.load(f)
    found = problems(known_kinds_only(written))
    check("a sidecar written by Gloss validates", not found, "; ".join(found))

    claim = next(a for a in written["annotations"] if a.get("kind") == "claim")
    broken = dict(written, annotations=[dict(claim, review={"status": "done", "verdict": None})])
    check("the schema rejects a bad review status", bool(problems(broken)))

print("1..%d" % len(results))
for number, (name, ok, detail) in enumerate(results, 1):
    print("%s %d %s%s" % ("ok" if ok else "not ok", number, name, "" if ok else " # " + detail))
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
