#!/usr/bin/env python3
"""The README's command excerpts, its memory figure and docs/report-format.md, checked against the binary.

Usage: readme_test.py PERMEQ SOURCE_DIR [--update]

1. Every README block announced by `<!-- readme-run: COMMAND -->` must be the output of COMMAND (run
   with bash in SOURCE_DIR, `permeq` being PERMEQ, standard error included), with wall-clock
   seconds masked. `--update` rewrites the blocks instead of comparing.
2. The README's "under N MB" for `permeq check` on the bundled examples must hold: the peak
   resident memory of each check is measured.
3. docs/report-format.md must name every key the JSON reports emit (forward, backward, intra,
   numeric instance, policy, symmetries, measure), and every field its tables list must be emitted.
"""
import json
import os
import re
import resource
import subprocess
import sys
import tempfile

permeq, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
update = "--update" in sys.argv[3:]
readme_path = os.path.join(src, "README.md")
failures = []

env = dict(os.environ, PATH=os.path.dirname(permeq) + os.pathsep + os.environ["PATH"])
if os.path.basename(permeq) != "permeq":
    sys.exit("readme_test.py: the binary must be called permeq (the README's commands name it so)")


def run(command):
    done = subprocess.run(["bash", "-c", command], cwd=src, env=env, capture_output=True, text=True)
    return done.stdout + done.stderr


# Seconds vary from run to run; "0.25 s" and "1.02 s" both read "<seconds> s".
SECONDS = re.compile(r"\b\d+\.\d+ s\b")


def masked(text):
    return SECONDS.sub("<seconds> s", text)


# 1. Excerpts.
BLOCK = re.compile(r"<!-- readme-run: (?P<command>.+?) -->\n(?P<open>```[a-z]*\n)(?P<body>.*?)(?P<close>```\n)", re.S)
readme = open(readme_path).read()
blocks = list(BLOCK.finditer(readme))
if len(blocks) < 4:
    failures.append(f"README.md has {len(blocks)} readme-run blocks, expected at least 4")
pieces, last = [], 0
for m in blocks:
    got = run(m["command"])
    pieces += [readme[last:m.start("body")], got]
    last = m.end("body")
    if update:
        continue
    if masked(got) != masked(m["body"]):
        import difflib
        diff = "".join(difflib.unified_diff(masked(m["body"]).splitlines(True), masked(got).splitlines(True), "README.md", m["command"]))
        failures.append(f"README excerpt of `{m['command']}` differs from the binary's output:\n{diff}")
    else:
        print(f"ok: README excerpt of `{m['command']}`")
pieces.append(readme[last:])
if update:
    open(readme_path, "w").write("".join(pieces))
    print(f"updated {len(blocks)} README excerpts")

# 2. Memory: the README's bound holds for the check of every bundled example.
bound = re.search(r"under (\d+) MB of memory", readme)
if not bound:
    failures.append("README.md no longer states 'under N MB of memory' for the examples")
else:
    limit_mb = int(bound.group(1))
    graphs = sorted(f for f in os.listdir(os.path.join(src, "examples", "graphs")) if f.endswith(".json"))
    peaks = []
    for g in graphs:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        # Run each check in its own python child, so that RUSAGE_CHILDREN there is this check alone.
        probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
                 "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        kib = int(subprocess.run([sys.executable, "-c", probe, permeq, "check", os.path.join(src, "examples", "graphs", g), "--quiet"],
                                 capture_output=True, text=True).stdout)
        peaks.append((kib / 1024, g))
    worst = max(peaks)
    print(f"peak memory of the example checks: {min(peaks)[0]:.1f} to {worst[0]:.1f} MB (README: under {limit_mb} MB)")
    if worst[0] >= limit_mb:
        failures.append(f"README says the example checks take under {limit_mb} MB; {worst[1]} took {worst[0]:.1f} MB")

# 3. docs/report-format.md against real reports.
doc = open(os.path.join(src, "docs", "report-format.md")).read()
documented = set(re.findall(r"`([A-Za-z_$][A-Za-z0-9_ ]*)`", doc))
emitted = {}  # key -> where it was first seen


def walk(value, where):
    if isinstance(value, dict):
        for k, v in value.items():
            emitted.setdefault(k, where)
            walk(v, f"{where}.{k}")
    elif isinstance(value, list):
        for v in value:
            walk(v, where + "[]")


graphs = os.path.join(src, "examples", "graphs")
policy = os.path.join(src, "examples", "policies", "permit_positional.yaml")
runs = [
    ["check", f"{graphs}/encoder_learned_pe.json", "--policy", policy],
    ["check", f"{graphs}/gpt_causal.json"],
    ["check", f"{graphs}/deepsets.json", "--direction", "both", "--loss", "mse", "--property", "all"],
    ["check", f"{graphs}/encoder_nopos.json", "--property", "intra", "--permute", "layer0/attn/q/weight:1:blocks=4"],
    ["check", os.path.join(src, "tests", "fixtures", "onnx", "encoder_learned_pe.onnx")],
    ["check", os.path.join(src, "tests", "fixtures", "onnx", "deepsets.onnx"), "--engine", "numeric"],
    ["symmetries", f"{graphs}/encoder_nopos.json"],
    ["measure", f"{graphs}/mean_pool_classifier.json", "--inputs", "2", "--permutations", "4"],
]
with tempfile.TemporaryDirectory() as tmp:
    for i, args in enumerate(runs):
        out = os.path.join(tmp, f"r{i}.json")
        cmd = [permeq] + args + ["--format", "json"]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode not in (0, 1, 2):
            failures.append(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr}")
            continue
        walk(json.loads(done.stdout), f"{args[0]} {os.path.basename(args[1])}")
missing = sorted(k for k in emitted if k not in documented)
for k in missing:
    failures.append(f"docs/report-format.md does not name the key `{k}` (emitted at {emitted[k]})")
# The fields the doc's tables list (first column) must exist in some report.
listed = set()
for line in doc.splitlines():
    if line.startswith("| `"):
        listed.update(re.findall(r"`([A-Za-z_$][A-Za-z0-9_ ]*)`", line.split("|")[1]))
stale = sorted(listed - set(emitted))
for k in stale:
    failures.append(f"docs/report-format.md lists `{k}`, which no report emits")
if not missing and not stale:
    print(f"ok: docs/report-format.md names all {len(emitted)} keys the reports emit, and lists no other field")

for f in failures:
    print("FAIL:", f)
if failures:
    sys.exit(f"{len(failures)} README/documentation checks failed")
print("all README and documentation checks passed")
