"""Drives sco-api under callgrind and prints instructions per request for one scenario.

Sends --warm requests on one keep-alive connection, zeroes callgrind's counters, sends --count
more, dumps the counters and divides their total by --count. The requests cycle through the
terms or filters the wrk scripts use (read from vary-*.lua), so the work matches the benchmark.
"""
import argparse
import glob
import http.client
import os
import re
import subprocess
import sys


def variants(bench_dir, scenario):
    if scenario.startswith("member-states"):
        return ["/v1/member-states"]
    name = {"search": "vary-search.lua", "timeline": "vary-timeline.lua"}[scenario]
    text = open(os.path.join(bench_dir, name), encoding="utf-8").read()
    block = text[text.index("{") + 1:text.index("}")]
    items = re.findall(r'"([^"]*)"', block)
    if scenario == "search":
        return ["/v1/search?q=" + term for term in items]
    return ["/v1/timeline?" + query for query in items]


def send(connection, targets, start, count, headers):
    for index in range(start, start + count):
        # wrk's scripts start at the second item (i is 1 before the first request).
        connection.request("GET", targets[(index + 1) % len(targets)], headers=headers)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            sys.exit(f"{targets[index % len(targets)]}: status {response.status}")
    return start + count


def total_instructions(dump):
    for line in open(dump, encoding="utf-8", errors="replace"):
        if line.startswith("totals:") or line.startswith("summary:"):
            return int(line.split()[1])
    sys.exit(f"no totals in {dump}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--scenario", choices=["search", "timeline", "member-states", "member-states-br"], required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--bench-dir", required=True)
    parser.add_argument("--warm", type=int, default=48)
    parser.add_argument("--count", type=int, default=480)
    parser.add_argument("--dump-dir", required=True)
    args = parser.parse_args()
    targets = variants(args.bench_dir, args.scenario)
    connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=120)
    # http.client sends Accept-Encoding: identity unless told otherwise, as wrk sends none.
    headers = {"Accept-Encoding": "gzip, br"} if args.scenario.endswith("-br") else {}
    index = send(connection, targets, 0, args.warm, headers)
    subprocess.run(["callgrind_control", "--zero", str(args.pid)], check=True, capture_output=True)
    send(connection, targets, index, args.count, headers)
    result = subprocess.run(["callgrind_control", "--dump=measured", str(args.pid)], check=True,
                            capture_output=True, text=True)
    dumps = sorted(glob.glob(os.path.join(args.dump_dir, f"callgrind.req.{args.pid}.*")),
                   key=os.path.getmtime)
    if not dumps:
        sys.exit("callgrind wrote no dump: " + result.stdout + result.stderr)
    total = total_instructions(dumps[-1])
    print(f"{args.scenario}\t{total // args.count}")


if __name__ == "__main__":
    main()
