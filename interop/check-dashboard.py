#!/usr/bin/env python3
"""Sanity of the Grafana dashboard (N2) beyond "it is JSON": layout, datasource, targets, and,
given a Prometheus URL, that every panel query evaluates there and names only metrics that the
server exposes or docs/METRICS.md documents.

usage: check-dashboard.py DASHBOARD.json DATASOURCES.yaml METRICS.md [PROMETHEUS_URL]
"""
import json
import re
import sys
import urllib.parse
import urllib.request

VARIABLES = {"$tenant": "fjord", "$queue": "Sentralbord"}
METRIC = re.compile(r"\b((?:sentral|jvm|process|system)_[a-z0-9_]+)\b")


def fail(message):
    print(f"dashboard: {message}")
    sys.exit(1)


def panels_of(dashboard):
    for panel in dashboard["panels"]:
        yield panel
        yield from panel.get("panels", [])


def check_structure(dashboard, datasource_uid):
    for key in ("uid", "title", "schemaVersion", "panels", "templating"):
        if key not in dashboard:
            fail(f"missing top-level key {key}")
    ids, boxes, exprs = set(), [], []
    declared = {"$" + v["name"] for v in dashboard["templating"]["list"]}
    for panel in panels_of(dashboard):
        pid, title = panel.get("id"), panel.get("title", "?")
        if not isinstance(pid, int) or pid in ids:
            fail(f"panel '{title}': id {pid!r} missing or repeated")
        ids.add(pid)
        grid = panel.get("gridPos", {})
        if any(not isinstance(grid.get(k), int) for k in "xywh") or grid["x"] + grid["w"] > 24:
            fail(f"panel '{title}': gridPos {grid} is not within the 24-column grid")
        box = (grid["x"], grid["y"], grid["x"] + grid["w"], grid["y"] + grid["h"])
        for other_title, other in boxes:
            if box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]:
                fail(f"panels '{title}' and '{other_title}' overlap")
        boxes.append((title, box))
        if panel["type"] == "row":
            continue
        if panel.get("datasource", {}).get("uid") != datasource_uid:
            fail(f"panel '{title}': datasource is not the provisioned '{datasource_uid}'")
        refs = [t.get("refId") for t in panel.get("targets", [])]
        if not refs or len(set(refs)) != len(refs):
            fail(f"panel '{title}': no targets or repeated refIds {refs}")
        for target in panel["targets"]:
            expr = target.get("expr", "").strip()
            if not expr:
                fail(f"panel '{title}': target {target.get('refId')} has no expr")
            for variable in re.findall(r"\$[a-z_]+", expr):
                if variable not in declared:
                    fail(f"panel '{title}': {variable} is not a dashboard variable")
            exprs.append((title, expr))
    return exprs


def query(prometheus, expr):
    url = prometheus + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as e:
        return json.load(e)


def check_against(prometheus, exprs, documented):
    for title, expr in exprs:
        for variable, value in VARIABLES.items():
            expr = expr.replace(variable, value)
        answer = query(prometheus, expr)
        if answer.get("status") != "success":
            fail(f"panel '{title}': Prometheus refuses {expr}: {answer.get('error')}")
        for name in set(METRIC.findall(expr)):
            present = query(prometheus, f'count({{__name__="{name}"}})')["data"]["result"]
            base = re.sub(r"_(bucket|count|sum|max|total)$", "", name)
            if not present and name not in documented and base not in documented:
                fail(f"panel '{title}': {name} is neither served by Sentral nor documented in docs/METRICS.md")


def main():
    if len(sys.argv) not in (4, 5):
        fail(__doc__)
    dashboard = json.load(open(sys.argv[1]))
    uid = re.search(r"uid:\s*(\S+)", open(sys.argv[2]).read()).group(1)
    documented = open(sys.argv[3]).read()
    exprs = check_structure(dashboard, uid)
    if len(sys.argv) == 5:
        check_against(sys.argv[4].rstrip("/"), exprs, documented)
    print(f"dashboard: {len(exprs)} queries ok")


main()
