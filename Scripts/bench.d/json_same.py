#!/usr/bin/env python3
"""Exit 0 when two files hold the same JSON, ignoring member order and members whose value is null.

    json_same.py A B

sco-api writes `"note": null`; a peer's synthesized Codable leaves the member out; both mean
"no note". Foundation's JSONEncoder on Linux also orders keys differently on every call.
"""
import json
import sys


def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v


with open(sys.argv[1], "rb") as a, open(sys.argv[2], "rb") as b:
    try:
        sys.exit(0 if strip(json.load(a)) == strip(json.load(b)) else 1)
    except ValueError:
        sys.exit(1)
