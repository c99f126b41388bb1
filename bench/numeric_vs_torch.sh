#!/usr/bin/env bash
# Benchmark: `permeq check --engine numeric` on a BERT-base-sized encoder (bert_base.onnx: 12
# layers, d = 768, 12 heads, d_ff = 3072, 85 M float32 weights, n = 128 tokens) side by side with
# the same numeric check written by hand in PyTorch (bench/torch_numeric_check.py), in one run,
# both on THREADS threads (default 2). Prints load / check / whole-process wall time and peak RSS
# of each, the weights' size, and three targets with PASS/FAIL:
#   check at least 3x faster than PyTorch's; whole process no slower than PyTorch's;
#   permeq's peak RSS at most 1.5 x the weights' size.
# A missed target is reported, not an error: exit 0. Exit 1 when a command fails.
#
# Usage: bench/numeric_vs_torch.sh            THREADS=4 bench/numeric_vs_torch.sh
# Installs what it needs from Debian if missing: python3-torch and python3-onnx (Debian's
# /usr/bin/python3 runs both halves), and libopenblas0-pthread, because Debian's torch does its
# matrix products in whatever libblas.so.3 is, and with the netlib reference BLAS alone PyTorch is
# about 13x slower than on OpenBLAS (35 s against 2.7 s for this check), which would make the
# comparison meaningless.
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${THREADS:-2}
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

# permeq. Exit 0, 1 and 2 are verdicts (equivariant, breaks, inconclusive); anything else failed.
# The report is kept in build/bench/ for inspection.
report="$out/permeq_numeric_report.json"
rm -f "$report"
status=0
/usr/bin/time -f '%e %M' -o "$tmp/permeq.time" \
  ./build/permeq check "$out/bert_base.onnx" --engine numeric --threads "$threads" --seq-len 128 \
  --format json -o "$report" >"$tmp/permeq.out" 2>"$tmp/permeq.err" || status=$?
if [ "$status" -gt 2 ] || [ ! -s "$report" ]; then
  echo "numeric_vs_torch: permeq check failed (exit $status):" >&2
  cat "$tmp/permeq.err" >&2
  exit 1
fi

# PyTorch, in a fresh process.
status=0
/usr/bin/time -f '%e %M' -o "$tmp/torch.time" \
  /usr/bin/python3 bench/torch_numeric_check.py "$out" "$threads" >"$tmp/torch.json" 2>"$tmp/torch.err" || status=$?
if [ "$status" -ne 0 ]; then
  echo "numeric_vs_torch: bench/torch_numeric_check.py failed (exit $status):" >&2
  cat "$tmp/torch.err" >&2
  exit 1
fi

/usr/bin/python3 - "$out/bert_base.onnx" "$report" "$tmp/permeq.time" "$tmp/torch.json" "$tmp/torch.time" \
  "$tmp/export.json" "$threads" <<'PY'
import json
import sys

import numpy as np
import onnx

onnx_path, report_path, permeq_time, torch_json, torch_time, export_json, threads = sys.argv[1:]


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


report = json.load(open(report_path))
timing = report.get("timing")
if not isinstance(timing, dict) or not all(k in timing for k in ("load", "check")):
    sys.exit(f"numeric_vs_torch: {report_path} has no timing.load / timing.check: {timing!r}")
torch = json.loads(open(torch_json).read().strip().splitlines()[-1])
p_wall, p_rss = time_file(permeq_time)
t_wall, t_rss = time_file(torch_time)
weights, initializers = weights_mib(onnx_path)
export = json.loads(open(export_json).read())

print(f"numeric equivariance check of a BERT-base-sized encoder (n = 128, float32), {threads} threads")
if export.get("skipped"):
    print(f"model: {onnx_path} (up to date, not regenerated)")
else:
    print(f"model: {onnx_path} exported in {export['export_seconds']:.1f} s")
print(f"weights: {weights:.1f} MiB in {initializers} initializers")
print("permeq timing phases (s): " + ", ".join(
    f"{k} {v:.3f}" if isinstance(v, (int, float)) else f"{k} {v}" for k, v in timing.items()))
for o in report.get("outputs", []):
    print(f"permeq output {o.get('output')}: {o.get('verdict')}")
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
targets = [
    (f"check at least 3x faster than PyTorch's check ({torch['check_seconds'] / max(timing['check'], 1e-9):.2f}x)",
     torch["check_seconds"] >= 3 * timing["check"]),
    (f"whole process no slower than PyTorch's ({p_wall:.2f} s vs {t_wall:.2f} s)", p_wall <= t_wall),
    (f"peak memory at most 1.5 x weights ({p_rss:.0f} MiB vs {1.5 * weights:.0f} MiB)", p_rss <= 1.5 * weights),
]
for text, ok in targets:
    print(f"{'PASS' if ok else 'FAIL'}  {text}")
PY
