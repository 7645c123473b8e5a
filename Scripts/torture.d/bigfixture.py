#!/usr/bin/env python3
"""Writes a large, valid fixture: the bundled one plus N synthetic timeline events.

Each synthetic event copies a real event's date, actors, regions and sources (so every quote
is still a substring of the article) under a new id and title; `variant` changes the titles,
so two fixtures of the same size have different checksums.

usage: bigfixture.py BUNDLED.json OUT.json EVENTS [VARIANT]
"""
import json
import sys


def main() -> None:
    source, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    variant = sys.argv[4] if len(sys.argv) > 4 else "a"
    with open(source, encoding="utf-8") as handle:
        document = json.load(handle)
    originals = list(document["events"])
    for number in range(count):
        model = originals[number % len(originals)]
        event = json.loads(json.dumps(model))
        event["id"] = f"synthetic-{variant}-{number:06d}"
        event["title"] = f"Synthetic event {number} ({variant}) after {model['title']}"
        event["summary"] = f"A copy of '{model['id']}' made for load and fault tests, number {number}."
        document["events"].append(event)
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False)


if __name__ == "__main__":
    main()
