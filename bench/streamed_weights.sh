#!/usr/bin/env bash
# Benchmark: `permeq check --engine numeric` on a LLaMA-shaped decoder whose weights are a sharded
# bfloat16 safetensors checkpoint (model.safetensors.index.json) of at least 1.5 billion
# parameters, streamed from the mapped shards a parameter at a time; side by side with PyTorch
# running the same model on the same bfloat16 weights (bench/torch_llama_check.py: one forward
# pass, and the same check by hand: three passes and per-layer comparisons), in one run.
#
# bench/make_llama_checkpoint.py writes the model (graph JSON + shards, ~3.2 GB for the default
# shape) into a temporary folder, deleted at the end. Prints the model's size on disk, wall time
# and peak RSS (GNU time's "Maximum resident set size") of each side, and one target with
# PASS/FAIL: permeq's peak RSS at most a quarter of the model's size on disk (near one layer's
# weights widened to float32 plus activations, not the model). A missed target is reported, not an
# error: exit 0. Exit 1 when a command fails or the disk is too full.
#
# Usage: bench/streamed_weights.sh
#        THREADS=2 LAYERS=30 D=2048 HEADS=16 FF=5632 VOCAB=32000 SEQ=32 TMPDIR=/somewhere bench/streamed_weights.sh
# Defaults: 30 layers, d = 2048, 16 heads, ff 5632, vocab 32000 (LM head), sequence 32: 1.61 B
# parameters. Installs Debian's python3-torch, python3-numpy and OpenBLAS if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${THREADS:-2}
shape=("${LAYERS:-30}" "${D:-2048}" "${HEADS:-16}" "${FF:-5632}" "${VOCAB:-32000}" "${SEQ:-32}")

./scripts/setup.sh >/dev/null
./bench/install_missing.sh python3-torch python3-numpy libopenblas0-pthread time
./scripts/build.sh >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# 2 bytes a parameter; refuse to fill the disk.
need_kib=$(( ${shape[0]} * (4 * ${shape[1]} * ${shape[1]} + 3 * ${shape[1]} * ${shape[3]}) * 2 / 1024 + ${shape[1]} * ${shape[4]} * 2 / 1024 ))
free_kib=$(df -Pk "$tmp" | awk 'NR == 2 { print $4 }')
if [ "$free_kib" -lt $(( need_kib + 1024 * 1024 )) ]; then
  echo "streamed_weights: $tmp has $((free_kib / 1024)) MiB free, the model needs $((need_kib / 1024)) MiB and 1 GiB to spare; set TMPDIR" >&2
  exit 1
fi

model="$tmp/model"
if ! /usr/bin/python3 bench/make_llama_checkpoint.py "$model" "${shape[@]}" >"$tmp/make.json" 2>"$tmp/make.err"; then
  echo "streamed_weights: bench/make_llama_checkpoint.py failed:" >&2
  cat "$tmp/make.err" >&2
  exit 1
fi

# permeq. Exit 0, 1 and 2 are verdicts (the causal mask breaks: 1 expected); anything else failed.
status=0
/usr/bin/time -v -o "$tmp/permeq.time" \
  ./build/permeq check "$model/llama.json" --weights "$model/model.safetensors.index.json" --engine numeric \
  --threads "$threads" --format json -o "$tmp/report.json" >"$tmp/permeq.out" 2>"$tmp/permeq.err" || status=$?
if [ "$status" -gt 2 ] || [ ! -s "$tmp/report.json" ]; then
  echo "streamed_weights: permeq check failed (exit $status):" >&2
  cat "$tmp/permeq.err" >&2
  exit 1
fi

status=0
/usr/bin/time -v -o "$tmp/torch.time" \
  /usr/bin/python3 bench/torch_llama_check.py "$model" "$threads" >"$tmp/torch.json" 2>"$tmp/torch.err" || status=$?
if [ "$status" -ne 0 ]; then
  echo "streamed_weights: bench/torch_llama_check.py failed (exit $status):" >&2
  cat "$tmp/torch.err" >&2
  exit 1
fi

/usr/bin/python3 - "$tmp/make.json" "$tmp/report.json" "$tmp/permeq.time" "$tmp/torch.json" "$tmp/torch.time" "$threads" <<'PY'
import json
import sys

make_json, report_path, permeq_time, torch_json, torch_time, threads = sys.argv[1:]


def gnu_time(path):
    """Wall seconds and peak RSS (MiB) from `/usr/bin/time -v`."""
    wall = rss = None
    for line in open(path):
        key, _, value = line.strip().rpartition(": ")
        if key.startswith("Elapsed (wall clock) time"):
            seconds = 0.0
            for part in value.split(":"):
                seconds = seconds * 60 + float(part)
            wall = seconds
        elif key == "Maximum resident set size (kbytes)":
            rss = int(value) / 1024
    return wall, rss


model = json.load(open(make_json))
report = json.load(open(report_path))
torch = json.loads(open(torch_json).read().strip().splitlines()[-1])
timing = report.get("timing", {})
p_wall, p_rss = gnu_time(permeq_time)
t_wall, t_rss = gnu_time(torch_time)
disk = model["disk_bytes"] / 2**20
layer = (4 * model["d"] ** 2 + 3 * model["d"] * model["ff"]) * 4 / 2**20

print(f"numeric check of a LLaMA-shaped decoder on streamed bfloat16 weights, {threads} threads")
print(f"model: {model['layers']} layers, d = {model['d']}, {model['heads']} heads, ff {model['ff']}, vocab {model['vocab']}, "
      f"n = {model['seq']}: {model['parameters'] / 1e9:.2f} B parameters, {model['shards']} shards, "
      f"{disk:.0f} MiB on disk (written in {model['seconds']:.0f} s)")
print("permeq timing phases (s): " + ", ".join(f"{k} {v:.2f}" if isinstance(v, (int, float)) else f"{k} {v}" for k, v in timing.items()))
outputs = report.get("outputs", [])
print("permeq: " + "; ".join(f"output {o.get('output')} {o.get('verdict')}" for o in outputs) +
      f"; {len(report.get('culprits', []))} culprits")
print(f"PyTorch: max |f(Px) - P f(x)| over the layers = {torch['max_abs_difference']:.3g}, torch {torch['torch']}")
print()
rows = [
    ("load (s)", timing.get("load", float("nan")), torch["load_seconds"]),
    ("check (s)", timing.get("check", float("nan")), torch["check_seconds"]),
    ("whole process, wall (s)", p_wall, t_wall),
    ("peak RSS (MiB)", p_rss, t_rss),
]
print(f"{'':<26} {'permeq':>10} {'PyTorch':>10} {'PyTorch / permeq':>17}")
for name, p, t in rows:
    print(f"{name:<26} {p:>10.2f} {t:>10.2f} {t / p if p > 0 else float('inf'):>17.2f}")
print(f"{'one forward pass (s)':<26} {'':>10} {torch['forward_seconds']:>10.2f}")
print(f"{'model on disk (MiB)':<26} {disk:>10.0f}")
print(f"{'peak RSS / model on disk':<26} {p_rss / disk:>10.3f} {t_rss / disk:>10.3f}")
print(f"one layer's weights in float32: {layer:.0f} MiB; the LM head's: {model['d'] * model['vocab'] * 4 / 2**20:.0f} MiB")
print()
ok = p_rss <= disk / 4
print(f"{'PASS' if ok else 'FAIL'}  permeq's peak RSS at most a quarter of the model on disk ({p_rss:.0f} MiB vs {disk / 4:.0f} MiB)")
PY
