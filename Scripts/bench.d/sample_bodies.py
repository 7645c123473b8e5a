#!/usr/bin/env python3
"""Stand-in bodies in sco-api's documented shape, built from the fixture.

    sample_bodies.py FIXTURE_JSON OUT_DIR NAME...

Scripts/bench uses these only for a body sco-api did not serve (an endpoint not wired yet), so
that the peers and nginx can still be built, started and measured; the table then marks that
body SAMPLE. Shapes follow DESIGN.md and SCOAPI/Records: a list is
{"items": [...], "total": n, "limit": n, "next": null}, record keys in schema order, nulls written.
"""
import json
import sys


def page(items, limit=50):
    return {"items": items, "total": len(items), "limit": limit, "next": None}


def date(d):
    return {"value": d["value"], "precision": d["precision"], "text": d.get("text"), "note": d.get("note")}


def member_states(doc):
    return page([{
        "code": s["code"], "alpha3": s["alpha3"], "name": s["name"], "isFormer": s["isFormer"],
        "roles": s["roles"], "notes": s.get("notes", []), "note": s.get("note"), "sources": s["sources"],
    } for s in sorted(doc["states"], key=lambda s: s["code"]) if "member" in s["roles"]])


def timeline(doc):
    events = sorted(doc["events"], key=lambda e: (e["date"]["value"], e["id"]))
    return page([{
        "id": e["id"], "date": date(e["date"]), "kind": e["kind"], "title": e["title"],
        "summary": e["summary"], "actors": e["actors"], "regions": e["regions"],
        "note": e.get("note"), "sources": e["sources"],
    } for e in events])


def search(doc, term="Georgia"):
    hits = []
    for kind, records, title, body, href in (
        ("clause", doc["clauses"], "summary", "text", "/v1/declaration/clauses/"),
        ("statement", doc["statements"], "summary", "quote", "/v1/statements/"),
        ("event", doc["events"], "title", "summary", "/v1/timeline/"),
    ):
        for r in records:
            text = r[body]
            at = text.lower().find(term.lower())
            if at < 0 and term.lower() not in r[title].lower():
                continue
            start = max(0, at - 30)
            snippet = ("…" if start else "") + text[start:at + 60] + "…"
            hits.append({"type": kind, "id": r["id"], "title": r[title], "snippet": snippet,
                         "rank": -1.0 - len(hits) / 10, "href": href + r["id"]})
    return page(hits[:20], limit=20)


def main():
    fixture, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(fixture) as f:
        doc = json.load(f)
    make = {"member-states": member_states, "timeline": timeline, "search": search,
            "index": lambda d: {"name": "sco-api", "openapi": "/openapi.json",
                                "links": {"member-states": "/v1/member-states", "timeline": "/v1/timeline"}}}
    for name in names:
        with open(f"{out}/{name}.json", "w") as f:
            json.dump(make[name](doc), f, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main()
