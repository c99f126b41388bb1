#!/usr/bin/env bash
# Benchmark: `permeq check --engine numeric` on a BERT-base-sized encoder (bert_base.onnx: 12
# layers, d = 768, 12 heads, d_ff = 3072, 85 M float32 weights, n = 128 tokens) side by side with
# the same numeric check written by hand in PyTorch (bench/torch_numeric_check.py) and with the
# time Eigen's sgemm needs for the check's own matrix products at its measured peak on this
# machine (build/gemm_peak, bench/gemm_peak.cpp: one forward pass's products, 22.3 GFLOP), all in
# one run, all on THREADS threads (default 2). ROUNDS rounds (default 3), each running the three
# one after the other (so that they share the machine's load), the fastest of each counts.
# Prints the peak (GFLOP/s), the products' time at that peak, permeq's and PyTorch's load / check /
# whole-process wall time and peak RSS, the weights' size, and the targets with PASS/FAIL:
#   permeq's check within 2x of the products' time at Eigen's peak;
#   permeq's check at least 5x faster than PyTorch's; whole process no slower than PyTorch's;
#   permeq's peak RSS at most 1.5 x the weights' size.
# A missed target is reported, not an error: exit 0. Exit 1 when a command fails.
#
# Usage: bench/numeric_vs_torch.sh            THREADS=4 ROUNDS=1 bench/numeric_vs_torch.sh
# Installs what it needs from Debian if missing: python3-torch and python3-onnx (Debian's
# /usr/bin/python3 runs both halves), and libopenblas0-pthread, because Debian's torch does its
# matrix products in whatever libblas.so.3 is, and with the netlib reference BLAS alone PyTorch is
# about 13x slower than on OpenBLAS (35 s against 2.7 s for this check), which would make the
# comparison meaningless.
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${THREADS:-2}
rounds=${ROUNDS:-3}
out=build/bench

./scripts/setup.sh >/dev/null
./bench/install_missing.sh python3-torch python3-onnx libopenblas0-pthread
./scripts/build.sh >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The model: skipped when build/bench/bert_base.{onnx,pt} are newer than the generator.
if ! /usr/bin/python3 bench/make_bert_base_onnx.py "$out" >"$tmp/export.json" 2>"$tmp/export.err"; then
  echo "numeric_vs_torch: bench/make_bert_base_onnx.py failed:" >&2
  cat "$tmp/export.err" >&2
  exit 1
fi

# Each round: Eigen's peak on the check's products, permeq, PyTorch (in a fresh process each).
# permeq's exit 0, 1 and 2 are verdicts (equivariant, breaks, inconclusive); anything else
# failed. The last report is kept in build/bench/ for inspection.
report="$out/permeq_numeric_report.json"
load_before=$(uptime)
for round in $(seq 1 "$rounds"); do
  if ! ./build/gemm_peak "$threads" >"$tmp/peak.$round.json" 2>"$tmp/peak.err"; then
    echo "numeric_vs_torch: build/gemm_peak failed:" >&2
    cat "$tmp/peak.err" >&2
    exit 1
  fi
  rm -f "$report"
  status=0
  /usr/bin/time -f '%e %M' -o "$tmp/permeq.$round.time" \
    ./build/permeq check "$out/bert_base.onnx" --engine numeric --threads "$threads" --seq-len 128 \
    --format json -o "$report" >"$tmp/permeq.out" 2>"$tmp/permeq.err" || status=$?
  if [ "$status" -gt 2 ] || [ ! -s "$report" ]; then
    echo "numeric_vs_torch: permeq check failed (exit $status):" >&2
    cat "$tmp/permeq.err" >&2
    exit 1
  fi
  cp "$report" "$tmp/report.$round.json"
  status=0
  /usr/bin/time -f '%e %M' -o "$tmp/torch.$round.time" \
    /usr/bin/python3 bench/torch_numeric_check.py "$out" "$threads" >"$tmp/torch.$round.json" 2>"$tmp/torch.err" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "numeric_vs_torch: bench/torch_numeric_check.py failed (exit $status):" >&2
    cat "$tmp/torch.err" >&2
    exit 1
  fi
done

/usr/bin/python3 - "$out/bert_base.onnx" "$tmp" "$rounds" "$tmp/export.json" "$threads" "$load_before" "$(uptime)" <<'PY'
import json
import sys

import numpy as np
import onnx

onnx_path, tmp, rounds, export_json, threads, load_before, load_after = sys.argv[1:]
rounds = int(rounds)


def time_file(path):
    # GNU time puts "Command exited with non-zero status N" before the format line.
    wall, kib = [line for line in open(path).read().splitlines() if line.strip()][-1].split()
    return float(wall), int(kib) / 1024


def weights_mib(path):
    model = onnx.load(path, load_external_data=False)
    total = 0
    for t in model.graph.initializer:
        itemsize = np.dtype(onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[t.data_type]).itemsize
        total += int(np.prod(t.dims, dtype=np.int64)) * itemsize
    return total / 2**20, len(model.graph.initializer)


def timing_of(path):
    timing = json.load(open(path)).get("timing")
    if not isinstance(timing, dict) or not all(k in timing for k in ("load", "check")):
        sys.exit(f"numeric_vs_torch: {path} has no timing.load / timing.check: {timing!r}")
    return timing


def fastest(items, key):
    return min(items, key=key)


# Per round: (report timing, wall, rss), (torch json, wall, rss), peak json. The fastest check of
# each side counts, with the load and whole-process figures of that same run.
permeq_runs = [(timing_of(f"{tmp}/report.{r}.json"), *time_file(f"{tmp}/permeq.{r}.time"), r) for r in range(1, rounds + 1)]
torch_runs = [(json.loads(open(f"{tmp}/torch.{r}.json").read().strip().splitlines()[-1]), *time_file(f"{tmp}/torch.{r}.time"))
              for r in range(1, rounds + 1)]
peaks = [json.load(open(f"{tmp}/peak.{r}.json")) for r in range(1, rounds + 1)]
timing, p_wall, p_rss, best_round = fastest(permeq_runs, lambda run: run[0]["check"])
torch, t_wall, t_rss = fastest(torch_runs, lambda run: run[0]["check_seconds"])
peak = fastest(peaks, lambda p: p["products_seconds_at_peak"])
report = json.load(open(f"{tmp}/report.{best_round}.json"))
weights, initializers = weights_mib(onnx_path)
export = json.loads(open(export_json).read())

print(f"numeric equivariance check of a BERT-base-sized encoder (n = 128, float32), {threads} threads, "
      f"fastest of {rounds} rounds")
print(f"machine load (uptime) before the rounds: {load_before.strip()}; after: {load_after.strip()}")
if export.get("skipped"):
    print(f"model: {onnx_path} (up to date, not regenerated)")
else:
    print(f"model: {onnx_path} exported in {export['export_seconds']:.1f} s")
print(f"weights: {weights:.1f} MiB in {initializers} initializers")
print("permeq timing phases (s): " + ", ".join(
    f"{k} {v:.3f}" if isinstance(v, (int, float)) else f"{k} {v}" for k, v in timing.items()))
for o in report.get("outputs", []):
    print(f"permeq output {o.get('output')}: {o.get('verdict')}")
print("per round, check (s): permeq " + ", ".join(f"{run[0]['check']:.3f}" for run in permeq_runs) +
      "; PyTorch " + ", ".join(f"{run[0]['check_seconds']:.3f}" for run in torch_runs) +
      "; products at Eigen's peak " + ", ".join(f"{p['products_seconds_at_peak']:.3f}" for p in peaks))
print(f"PyTorch: {torch['forward_passes']} forward passes, {torch['modules_compared']} modules compared, "
      f"max |f(Px) - P f(x)| = {torch['max_abs_difference']:.3g} "
      f"(relative {torch.get('max_relative_difference', float('nan')):.3g}), torch {torch.get('torch')}, "
      f"BLAS: {torch.get('blas')}")
print()
rows = [
    ("load (s)", timing["load"], torch["load_seconds"]),
    ("check (s)", timing["check"], torch["check_seconds"]),
    ("whole process (wall, s)", p_wall, t_wall),
    ("peak RSS (MiB)", p_rss, t_rss),
]
print(f"{'':<25} {'permeq':>10} {'PyTorch':>10} {'ratio':>8}")
for name, p, t in rows:
    ratio = f"{t / p:8.2f}" if p > 0 else f"{'inf':>8}"
    print(f"{name:<25} {p:>10.3f} {t:>10.3f} {ratio}")
print(f"{'weights (MiB)':<25} {weights:>10.1f}")
print(f"{'peak RSS / weights':<25} {p_rss / weights:>10.2f} {t_rss / weights:>10.2f}")
print("ratio = PyTorch / permeq: above 1, permeq is faster or smaller. PyTorch's whole process "
      f"in its own clock, from `import torch`: {torch['total_seconds']:.3f} s")
print()
products = peak["products_seconds_at_peak"]
print(f"Eigen sgemm on the check's products ({peak['flop'] / 1e9:.1f} GFLOP, one forward pass): peak "
      f"{peak['peak_gflops']:.1f} GFLOP/s (Eigen's own threading {peak['eigen_threaded_gflops']:.1f}, one column block "
      f"per thread {peak['column_blocks_gflops']:.1f}); the products' time at that peak {products:.3f} s")
print(f"permeq's check {timing['check']:.3f} s = {timing['check'] / products:.2f} x the products' time at peak")
print(f"PyTorch's check {torch['check_seconds']:.3f} s = {torch['check_seconds'] / max(timing['check'], 1e-9):.2f} x permeq's check")
print()
targets = [
    (f"check within 2x of the products' time at Eigen's peak ({timing['check']:.3f} s vs {products:.3f} s: "
     f"{timing['check'] / products:.2f}x)", timing["check"] <= 2 * products),
    (f"check at least 5x faster than PyTorch's check ({torch['check_seconds'] / max(timing['check'], 1e-9):.2f}x)",
     torch["check_seconds"] >= 5 * timing["check"]),
    (f"whole process no slower than PyTorch's ({p_wall:.2f} s vs {t_wall:.2f} s)", p_wall <= t_wall),
    (f"peak memory at most 1.5 x weights ({p_rss:.0f} MiB vs {1.5 * weights:.0f} MiB)", p_rss <= 1.5 * weights),
]
for text, ok in targets:
    print(f"{'PASS' if ok else 'FAIL'}  {text}")
PY
