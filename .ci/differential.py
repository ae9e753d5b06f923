#!/usr/bin/env python3
"""Differential test of Surety's validator against Python jsonschema on Surety's own OpenAPI export.

For every schema of the contract, `surety generate` writes seeded documents, about half broken in one way each
(missing required, bad enum, wrong type, bad format, null). Surety (`surety validate --ndjson`) and jsonschema
(Draft 2020-12 with its format checker, on the schema as `surety openapi` exports it) must reach the same verdict on
every document, and both must agree with the generator's label. Bounded: COUNT documents per schema.
"""
import json, os, subprocess, sys, tempfile

from jsonschema import Draft202012Validator, FormatChecker

surety = sys.argv[1]
count = int(os.environ.get("DIFFERENTIAL_COUNT", "60"))

def run(*args):
    return subprocess.run([surety, *args], check=True, capture_output=True, text=True).stdout

openapi = json.loads(run("openapi"))
# Every contract schema; SuretyProblem and SuretyViolation are the error shape, not the contract's.
names = [name for name in openapi["components"]["schemas"].keys() if name not in ("SuretyProblem", "SuretyViolation")]
work = tempfile.mkdtemp(prefix="surety-differential-")
checker = FormatChecker()
total = disagreements = label_mismatches = invalid_total = 0
for index, name in enumerate(names):
    docs, labels = os.path.join(work, "docs.ndjson"), os.path.join(work, "labels.ndjson")
    run("generate", "--schema", name, "--count", str(count), "--seed", str(1000 + index),
        "--invalid-rate", "0.5", "--labels", labels, "-o", docs)
    verdicts = {}
    result = subprocess.run([surety, "validate", "--ndjson", "--format", "json", "--schema", name, docs],
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"surety validate failed for {name}: {result.stderr}")
    for line in result.stdout.splitlines():
        record = json.loads(line)
        if "line" in record:
            verdicts[record["line"]] = record["valid"]
    schema = dict(openapi)
    schema["$ref"] = f"#/components/schemas/{name}"
    validator = Draft202012Validator(schema, format_checker=checker)
    with open(docs) as d, open(labels) as l:
        for number, (text, label_text) in enumerate(zip(d, l), start=1):
            document, label = json.loads(text), json.loads(label_text)
            theirs = validator.is_valid(document)
            ours = verdicts.get(number, True)
            total += 1
            invalid_total += not label["valid"]
            if ours != theirs:
                disagreements += 1
                errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:120]}" for e in validator.iter_errors(document)]
                print(f"DISAGREE {name} line {number}: surety={ours} jsonschema={theirs} label={label} jsonschema says {errors[:3]}")
            if ours != label["valid"]:
                label_mismatches += 1
                print(f"LABEL {name} line {number}: surety={ours} label={label}")

print(f"differential: {len(names)} schemas, {total} documents ({invalid_total} broken), "
      f"{disagreements} disagreements with jsonschema, {label_mismatches} with the labels")
sys.exit(1 if disagreements or label_mismatches else 0)
