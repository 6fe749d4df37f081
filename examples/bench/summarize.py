#!/usr/bin/env python3
"""Summarize a run of examples/bench/run.sh.

Per endpoint and app: median over rounds of req/s (min..max), p50/p99 latency, errors (socket errors +
non-2xx, summed), server RSS after the run, server CPU and req per CPU-second; then the Verve/raw ratio of
req/s measured in the same round (median, min..max over rounds), the same for req/cpu-s, and the p99 ratio.
Then start-up and idle RSS per app, the targets, and the machine-readable RESULT lines (last).
"""
import csv
import statistics as st
import sys
from collections import defaultdict

runs_file, starts_file = sys.argv[1], sys.argv[2]
runs = list(csv.DictReader(open(runs_file), delimiter="\t"))
starts = list(csv.DictReader(open(starts_file), delimiter="\t"))
APPS = ("verve", "raw")


def med(xs):
    return st.median(xs) if xs else float("nan")


def num(r, f):
    v = r.get(f, "NA")
    return None if v in ("NA", "", None) else float(v)


by = defaultdict(list)           # (endpoint, app) -> rows
rounds = defaultdict(dict)       # (endpoint, round) -> app -> row
for r in runs:
    by[(r["endpoint"], r["app"])].append(r)
    rounds[(r["endpoint"], r["round"])][r["app"]] = r
endpoints = []
for r in runs:
    if r["endpoint"] not in endpoints:
        endpoints.append(r["endpoint"])


def ratios(endpoint, field):
    out = []
    for (ep, _), apps in rounds.items():
        if ep != endpoint or not all(a in apps for a in APPS):
            continue
        v, b = num(apps["verve"], field), num(apps["raw"], field)
        if v is not None and b:
            out.append(v / b)
    return out


def rng(xs):
    return f"{min(xs):.2f}..{max(xs):.2f}" if xs else "-"


summary = {}
hdr = (f"{'endpoint':<9} {'app':<6} {'n':>2} {'req/s':>8} {'min..max':>15} {'p50ms':>7} {'p99ms':>8} {'errors':>6} "
       f"{'RSS MB':>6} {'cpu':>5} {'req/cpu-s':>9}")
print()
print(hdr)
print("-" * len(hdr))
for ep in endpoints:
    for app in APPS:
        rs = by.get((ep, app))
        if not rs:
            continue
        rps = [num(r, "rps") for r in rs]
        p50 = [x for x in (num(r, "p50_ms") for r in rs) if x is not None]
        p99 = [x for x in (num(r, "p99_ms") for r in rs) if x is not None]
        rss = [x for x in (num(r, "rss_mb") for r in rs) if x is not None]
        cpu = [x for x in (num(r, "cpu_cores") for r in rs) if x is not None]
        per = [x for x in (num(r, "rps_per_cpu") for r in rs) if x is not None]
        errs = sum(int(r["errors"]) for r in rs)
        summary[(ep, app)] = dict(rps=med(rps), p99=med(p99), errors=errs)
        print(f"{ep:<9} {app:<6} {len(rs):>2} {med(rps):>8,.0f} {min(rps):>7,.0f}..{max(rps):<7,.0f} {med(p50):>7.2f} "
              f"{med(p99):>8.1f} {errs:>6} {med(rss):>6.0f} {med(cpu):>5.2f} {med(per):>9,.0f}")
    r_rps, r_cpu, r_p99 = ratios(ep, "rps"), ratios(ep, "rps_per_cpu"), ratios(ep, "p99_ms")
    summary[(ep, "ratio")] = med(r_rps)
    summary[(ep, "p99ratio")] = med(r_p99)
    print(f"{ep:<9} Verve/raw: req/s {med(r_rps):.2f} ({rng(r_rps)})   req/cpu-s {med(r_cpu):.2f} ({rng(r_cpu)})   "
          f"p99 {med(r_p99):.2f} ({rng(r_p99)})")
    print()

print(f"{'app':<6} {'start to first 200 (ms)':>24} {'idle RSS MB':>12}")
startup = {}
for app in APPS:
    ss = [s for s in starts if s["app"] == app]
    if not ss:
        continue
    ms = [float(s["startup_ms"]) for s in ss]
    rss = [float(s["idle_rss_mb"]) for s in ss]
    startup[app] = (med(ms), max(ms), med(rss), max(rss))
    print(f"{app:<6} {med(ms):>14,.0f} (max {max(ms):,.0f}) {med(rss):>6.0f} (max {max(rss):.0f})")

# The load average counts the run's own threads (event loops, wrk's), so it says little about other work;
# the CPU the machine spent beyond the server and wrk during each measurement does.
others = [float(r["other_cores"]) for r in runs if r.get("other_cores") not in (None, "")]
wrks = [float(r["wrk_cores"]) for r in runs if r.get("wrk_cores") not in (None, "")]
if others:
    print(f"\nCPU during the measurements: wrk {min(wrks):.2f}..{max(wrks):.2f} cores, other work on the machine "
          f"{min(others):.2f}..{max(others):.2f} cores (wrk shares the cores with the server; read the ratios)")

# Targets of the "Benchmarks" and "Compiled pages" issues.
def verdict(ok):
    return "met" if ok else "MISSED"


print("\ntargets:")
targets = [("fortunes", "ratio", 1.3, ">="), ("double", "ratio", 0.9, ">=")]
for ep, key, bar, op in targets:
    if (ep, key) in summary:
        v = summary[(ep, key)]
        print(f"  {ep} Verve/raw req/s {v:.2f} {op} {bar}: {verdict(v >= bar)}")
for ep in endpoints:
    if (ep, "verve") in summary:
        e = summary[(ep, "verve")]["errors"]
        print(f"  {ep} Verve errors/non-2xx {e} == 0: {verdict(e == 0)}")
    if (ep, "p99ratio") in summary:
        v = summary[(ep, "p99ratio")]
        bar = 1.0 if ep == "fortunes" else 1.5  # the page: p99 no worse than raw
        print(f"  {ep} Verve p99 / raw p99 {v:.2f} <= {bar}: {verdict(v <= bar)}")
if "verve" in startup:
    m, mx, rss, rssmax = startup["verve"]
    print(f"  Verve idle RSS {rss:.0f} MB < 200: {verdict(rssmax < 200)} (max {rssmax:.0f})")
    print(f"  Verve start to first served page {m / 1000:.2f} s < 2: {verdict(mx < 2000)} (max {mx / 1000:.2f} s)")

print()
for ep in endpoints:
    v, b = summary.get((ep, "verve")), summary.get((ep, "raw"))
    if v and b:
        print(f"RESULT {ep} verve_rps={v['rps']:.0f} raw_rps={b['rps']:.0f} ratio={summary[(ep, 'ratio')]:.2f}")
