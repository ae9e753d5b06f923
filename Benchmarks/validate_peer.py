#!/usr/bin/env python3
"""One peer validator as a whole process: compile the exported schema once, then read, parse and validate every
line of an NDJSON file. Prints `invalid=N` and writes the 0-based numbers of invalid lines to the file named by
--invalid-out, so the benchmark can compare verdicts document by document.

usage: validate_peer.py jsonschema-rs|fastjsonschema OPENAPI.json SCHEMA_NAME DOCS.ndjson --invalid-out FILE
"""
import json, re, sys

tool, openapi_path, name, docs_path = sys.argv[1:5]
invalid_out = sys.argv[sys.argv.index("--invalid-out") + 1]
openapi = json.load(open(openapi_path))
schema = dict(openapi)
schema["$ref"] = f"#/components/schemas/{name}"
UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

if tool == "jsonschema-rs":
    import jsonschema_rs
    is_valid = jsonschema_rs.validator_for(schema, validate_formats=True).is_valid
elif tool == "fastjsonschema":
    import fastjsonschema
    from rfc3339_validator import validate_rfc3339
    # fastjsonschema has no uuid format and a date-time regex that accepts impossible dates: give it the same checks.
    compiled = fastjsonschema.compile(schema, formats={"uuid": UUID.pattern, "ulid": lambda value: True,
                                                       "date-time": lambda value: validate_rfc3339(value.upper())})
    def is_valid(document):
        try:
            compiled(document)
            return True
        except fastjsonschema.JsonSchemaException:
            return False
else:
    sys.exit(f"unknown tool {tool}")

invalid = []
with open(docs_path, "rb") as docs:
    for number, line in enumerate(docs):
        if not is_valid(json.loads(line)):
            invalid.append(number)
with open(invalid_out, "w") as out:
    out.write("".join(f"{n}\n" for n in invalid))
print(f"invalid={len(invalid)}")
