#!/usr/bin/env bash
# One command runs all benchmarks: first the proof benchmark below (bert_base_proof vs
# bench/torch_check.py), then the numeric-engine benchmark bench/numeric_vs_torch.sh (permeq
# check --engine numeric vs the same check in PyTorch on bert_base.onnx). Exits nonzero if either fails.
# Benchmark: permeq's whole-graph proof (and refutation with a causal mask) of a 12-layer
# BERT-base-shaped encoder, side by side with a PyTorch numeric spot check of the same
# architecture, in one run. Installs Debian's python3-torch if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq python3-torch >/dev/null
fi
./scripts/build.sh >/dev/null
permeq_json=$(./build/bert_base_proof)
torch_json=$(/usr/bin/python3 bench/torch_check.py)
/usr/bin/python3 - "$permeq_json" "$torch_json" <<'PY'
import json, sys
permeq = {r["case"]: r for r in map(json.loads, sys.argv[1].splitlines())}
torch = {r["case"]: r for r in map(json.loads, sys.argv[2].splitlines())}
print(f"{'case':<18} {'permeq s':>9} {'permeq result':<58} {'torch check s':>13} {'torch build s':>13} {'ratio':>7}")
for case in ("bert_base", "bert_base_causal"):
    p, t = permeq[case], torch[case]
    if p["proved"]:
        result = f"{p['output_verdict']}, PROVED ({p['nodes_proved']}/{p['nodes']} nodes)"
    else:
        result = f"output {p['output_verdict']}: {p['culprits']} culprits, {p['witnesses_replayed']} witnesses replayed"
    ratio = p["seconds"] / t["check_seconds"]
    print(f"{case:<18} {p['seconds']:>9.3f} {result:<58} {t['check_seconds']:>13.3f} {t['build_seconds']:>13.3f} {ratio:>7.3f}")
    print(f"{'':<18} torch: max |f(Px) - P f(x)| = {t['max_difference']:.3g} ({'breaks' if t['breaks'] else 'agrees'}, float64, one n and one draw: evidence only)")
print("ratio = permeq seconds / PyTorch check seconds (below 1: permeq's proof is faster than the numeric spot check)")
PY

echo
./bench/numeric_vs_torch.sh
