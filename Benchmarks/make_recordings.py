#!/usr/bin/env python3
"""Writes N recording files (Surety's format 1) into DIR quickly, without recording any traffic.

usage: make_recordings.py N DIR EXAMPLES_DIR [--changed-every K] [TENANT LOCATOR]

One recording answers GET /policy/TENANT/transactions/LOCATOR with the body of EXAMPLES_DIR/fetchTransaction.json (the benchmark's route);
the other N-1 answer other locators: nine in ten fetchTransaction (so they share the route's endpoint and bucket
family), one in ten fetchTerm (the body of fetchTerm.json, its locator replaced). Locators are drawn from a fixed seed, so the same N gives the same folder.
With --changed-every K, every K-th recording's body (the 3rd, K+3rd, …) differs from that folder's (a documented enum value changed, or
a property renamed, in turn): the NEW side of a diff with 100/K % of its exchanges changed.
"""
import hashlib, json, os, random, sys

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def ulid(rng):
    return rng.choice("01234567") + "".join(rng.choice(CROCKFORD) for _ in range(25))


def recording(endpoint, path, params, body, sequence):
    return {
        "endpoint": endpoint,
        "format": 1,
        "pathParameters": params,
        "request": {"headers": [{"name": "Accept", "value": "application/json"}], "method": "GET", "path": path, "query": []},
        "response": {"body": {"json": body}, "headers": [{"name": "Content-Type", "value": "application/json"}], "status": 200},
        "timing": {"milliseconds": 1.0, "startedAt": "2026-11-23T19:23:%02d.%03dZ" % (sequence // 1000 % 60, sequence % 1000)},
        "violations": [],
    }


def changed(body, turn):
    """The body with one difference: a documented enum value changed (even turns), or a property renamed (odd)."""
    body = dict(body)
    if turn % 2 == 0 and "transactionState" in body:
        body["transactionState"] = "priced" if body["transactionState"] != "priced" else "issued"
    else:
        key = "transactionType" if "transactionType" in body else "number"
        body["renamed" + key[0].upper() + key[1:]] = body.pop(key, None)
    return body


def main():
    arguments = sys.argv[1:]
    changed_every = 0
    pretty = "--pretty" in arguments
    if pretty:
        arguments.remove("--pretty")
    if "--changed-every" in arguments:
        at = arguments.index("--changed-every")
        changed_every = int(arguments[at + 1])
        del arguments[at:at + 2]
    count, directory, examples = int(arguments[0]), arguments[1], arguments[2]
    tenant = arguments[3] if len(arguments) > 3 else "5f0c4e3a-8b2d-4c1e-9a7f-3d6b2e1c0a94"
    locator = arguments[4] if len(arguments) > 4 else "01J8Z3K6Q4M7N2P5R8T1V4W7XA"
    with open(os.path.join(examples, "fetchTransaction.json")) as handle:
        transaction = json.load(handle)
    with open(os.path.join(examples, "fetchTerm.json")) as handle:
        term = json.load(handle)
    rng = random.Random(20261201)
    for folder in ("fetchTransaction", "fetchTerm"):
        os.makedirs(os.path.join(directory, folder), exist_ok=True)
    for sequence in range(1, count + 1):
        if sequence == 1:
            endpoint, other = "fetchTransaction", locator
        else:
            endpoint, other = ("fetchTerm" if sequence % 10 == 0 else "fetchTransaction"), ulid(rng)
        if endpoint == "fetchTransaction":
            path = f"/policy/{tenant}/transactions/{other}"
            body = dict(transaction, locator=other)
        else:
            path = f"/policy/{tenant}/terms/{other}"
            body = dict(term, locator=other)
        if changed_every and sequence % changed_every == 3:
            body = changed(body, sequence // changed_every)
        stored = recording(endpoint, path, {"locator": other, "tenantLocator": tenant}, body, sequence)
        if pretty:
            # As `serve --record` stores a pretty-printed answer: the value, and the bytes received (Python's indent=2).
            stored["response"]["body"]["text"] = json.dumps(body, indent=2) + "\n"
        text = json.dumps(stored,
                          indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        name = "%06d-%s.json" % (sequence, hashlib.sha256(text.encode()).hexdigest()[:8])
        with open(os.path.join(directory, endpoint, name), "w") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
