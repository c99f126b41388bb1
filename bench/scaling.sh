#!/usr/bin/env bash
# Benchmark: proof and refutation time against depth and width. Pre-norm encoders with free
# weights, from BERT-base (12 layers, d = 768) to 80 layers at d = 8192 (64 heads, ff 28672):
# `proof` without a mask (every node proved for all n), `refute` with a causal mask in every layer
# (culprits refuted at the nodes; the output decided by the numeric engine streaming seeded random
# weights layer by layer, which is also the numeric check's time and peak memory against model
# size). One process per case, so that the peak RSS is the case's own. Pass "quick" to stop at
# 32 layers, d = 4096.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
shapes=("12 768 12 3072" "32 4096 32 11008" "80 8192 64 28672")
[ "${1:-}" = "quick" ] && shapes=("12 768 12 3072" "32 4096 32 11008")
results=""
for mode in proof refute; do
  for shape in "${shapes[@]}"; do
    # shellcheck disable=SC2086
    results+="$(./build/encoder_at_scale $mode $shape)"$'\n'
  done
done
/usr/bin/python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(line) for line in sys.argv[1].splitlines() if line.strip()]
print(f"{'case':<28} {'params':>8} {'nodes':>6} {'seconds':>8} {'peak MiB':>9}  result")
for r in rows:
    if r["output_proved"]:
        result = f"{r['output_verdict']}, {r['output_scope']} ({r['nodes_proved']}/{r['nodes']} nodes)"
    else:
        result = f"output {r['output_verdict']}: {r['culprits']} culprits, {r['witnesses_replayed']} witnesses replayed"
    print(f"{r['case']:<28} {r['parameters'] / 1e9:>7.2f}B {r['nodes']:>6} {r['seconds']:>8.2f} {r['peak_rss_mb']:>9.0f}  {result}")
PY
