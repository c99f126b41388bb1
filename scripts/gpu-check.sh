#!/usr/bin/env bash
# scripts/gpu-check.sh: the numeric engine's CUDA backend on a machine with a GPU, in one command.
#
#   1. checks that a GPU is visible (nvidia-smi), and fails fast with a clear message if not;
#   2. installs what is missing: the project's packages (scripts/setup.sh), the CUDA toolkit
#      (Debian's nvidia-cuda-toolkit, unless nvcc is already at /usr/local/cuda or on PATH), and
#      the benchmarks' python3-torch, python3-onnx, python3-numpy, OpenBLAS and GNU time;
#   3. configures build-gpu/ with -DPERMEQ_CUDA=ON for the GPU present (CMAKE_CUDA_ARCHITECTURES
#      native) and builds it;
#   4. runs the GPU tests: tests/gpu_backend_check.cpp (the CUDA kernels against the host
#      reference, then every fixture's per-node verdicts and differences against the CPU engine),
#      and fails if they were skipped;
#   5. benchmarks `permeq check --engine numeric` with --device cpu and --device cuda, and PyTorch
#      on the same GPU where its build has CUDA (Debian's python3-torch has not: the column then
#      says so), on BERT-base (sequence 128 and 512), BERT-large (sequence 512) and a
#      LLaMA-shaped decoder of 1.6 billion parameters in bfloat16 (bench/make_llama_checkpoint.py,
#      3 GB written to a temporary folder and deleted);
#   6. prints one summary table (also written to build-gpu/gpu-check/summary.txt).
#
# Usage: scripts/gpu-check.sh [--dry-run]
#   --dry-run  print every step without running it (works on any machine, GPU or not)
# Budget: under 8 minutes on one H200-class GPU (the CPU engine's runs use every core).
set -euo pipefail
cd "$(dirname "$0")/.."

dry_run=0
case "${1:-}" in
  --dry-run) dry_run=1 ;;
  "") ;;
  *) echo "usage: scripts/gpu-check.sh [--dry-run]" >&2; exit 2 ;;
esac

build=build-gpu
out=$build/gpu-check
threads=$(nproc)

# Prints a step's command; runs it unless this is a dry run. The steps that are functions below
# print the commands they run (indented) and, in a dry run, run none of them.
step() {
  echo "+ $*"
  "$@"
}
# A plain command as a step: printed, and run unless this is a dry run.
command_step() {
  echo "+ $*"
  if [ "$dry_run" -eq 0 ]; then "$@"; fi
}
# Inside a step's function: prints a command; true when it is to be run (not a dry run).
shows() {
  echo "    $*"
  [ "$dry_run" -eq 0 ]
}
say() { echo; echo "== $*"; }

say "1. a visible GPU"
if command -v nvidia-smi >/dev/null && gpus=$(nvidia-smi -L 2>/dev/null) && [ -n "$gpus" ]; then
  echo "$gpus"
elif [ "$dry_run" -eq 1 ]; then
  echo "(no GPU is visible here: a real run stops at this point; the steps below are shown, not run)"
else
  echo "gpu-check: error: no GPU is visible (nvidia-smi is missing or lists no device); run this on a machine with an NVIDIA GPU and its driver" >&2
  exit 1
fi

say "2. install what is missing"
command_step ./scripts/setup.sh
if [ -x /usr/local/cuda/bin/nvcc ]; then
  export PATH=/usr/local/cuda/bin:$PATH
  echo "CUDA toolkit: /usr/local/cuda/bin/nvcc"
elif command -v nvcc >/dev/null; then
  echo "CUDA toolkit: $(command -v nvcc)"
else
  command_step ./bench/install_missing.sh nvidia-cuda-toolkit
fi
command_step ./bench/install_missing.sh python3-torch python3-onnx python3-numpy libopenblas0-pthread time

say "3. configure and build with the CUDA backend"
command_step cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DPERMEQ_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=native -DPERMEQ_BUILD_PYTHON=OFF
command_step cmake --build "$build" -j"$threads"

say "4. GPU tests (never skipped here: a skip is a failure)"
command_step mkdir -p "$out"
gpu_tests() {
  local status=0
  shows "./$build/tests/gpu_backend_check . | tee $out/gpu_tests.txt   (exit 77, skipped, fails here)" || return 0
  "./$build/tests/gpu_backend_check" . | tee "$out/gpu_tests.txt" || status=$?
  if [ "$status" -eq 77 ]; then
    echo "gpu-check: error: the GPU tests were skipped although a GPU is visible (see above)" >&2
    return 1
  fi
  return "$status"
}
step gpu_tests
command_step ctest --test-dir "$build" -R 'gpu|device' --output-on-failure

say "5. benchmarks"
torch_on_gpu=0
if [ "$dry_run" -eq 0 ] && /usr/bin/python3 -c 'import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)' 2>/dev/null; then torch_on_gpu=1; fi
echo "PyTorch on the GPU: $([ "$torch_on_gpu" -eq 1 ] && echo yes || echo 'no (its build has no CUDA, or it is missing): that column stays empty')"

# One permeq check on DEVICE: its JSON report and GNU time's wall seconds. Exit 0-2 are verdicts.
permeq_run() {  # NAME DEVICE permeq-arguments...
  local name=$1 device=$2 status=0
  shift 2
  shows "./$build/permeq check $* --engine numeric --device $device --threads $threads --format json -o $out/$name.$device.json" || return 0
  /usr/bin/time -f '%e' -o "$out/$name.$device.time" \
    "./$build/permeq" check "$@" --engine numeric --device "$device" --threads "$threads" --format json -o "$out/$name.$device.json" \
    >/dev/null 2>"$out/$name.$device.err" || status=$?
  if [ "$status" -gt 2 ]; then
    echo "gpu-check: permeq check ($name, --device $device) failed with exit $status:" >&2
    cat "$out/$name.$device.err" >&2
    return 1
  fi
}
torch_bert() {  # NAME MODEL_DIR SEQ
  shows "BERT_SEQ=$3 TORCH_DEVICE=cuda /usr/bin/python3 bench/torch_numeric_check.py $2 $threads > $out/$1.torch.json   (if PyTorch has CUDA)" || return 0
  [ "$torch_on_gpu" -eq 1 ] || return 0
  BERT_SEQ=$3 TORCH_DEVICE=cuda /usr/bin/python3 bench/torch_numeric_check.py "$2" "$threads" | tail -1 >"$out/$1.torch.json"
}
bert() {  # NAME MODEL_DIR SEQ
  permeq_run "$1" cpu "$2/bert_base.onnx" --seq-len "$3"
  permeq_run "$1" cuda "$2/bert_base.onnx" --seq-len "$3"
  torch_bert "$@"
}
base=$out/bert_base large=$out/bert_large
command_step /usr/bin/python3 bench/make_bert_base_onnx.py "$base"
command_step env BERT_D=1024 BERT_HEADS=16 BERT_FF=4096 BERT_LAYERS=24 /usr/bin/python3 bench/make_bert_base_onnx.py "$large"
step bert bert_base_128 "$base" 128
step bert bert_base_512 "$base" 512
export BERT_D=1024 BERT_HEADS=16 BERT_FF=4096 BERT_LAYERS=24  # BERT-large for torch_numeric_check.py
step bert bert_large_512 "$large" 512
unset BERT_D BERT_HEADS BERT_FF BERT_LAYERS

llama_dir=$(mktemp -d)
trap 'rm -rf "$llama_dir"' EXIT
llama() {
  permeq_run llama_1.6b cpu "$llama_dir/llama.json" --weights "$llama_dir/model.safetensors.index.json"
  permeq_run llama_1.6b cuda "$llama_dir/llama.json" --weights "$llama_dir/model.safetensors.index.json"
  if shows "TORCH_DEVICE=cuda /usr/bin/python3 bench/torch_llama_check.py $llama_dir $threads > $out/llama_1.6b.torch.json   (if PyTorch has CUDA)" &&
    [ "$torch_on_gpu" -eq 1 ]; then
    TORCH_DEVICE=cuda /usr/bin/python3 bench/torch_llama_check.py "$llama_dir" "$threads" | tail -1 >"$out/llama_1.6b.torch.json"
  fi
}
# 30 layers, d = 2048, 16 heads, SwiGLU ff 5632, vocab 32000, n = 128: 1.61 B parameters in bfloat16.
command_step /usr/bin/python3 bench/make_llama_checkpoint.py "$llama_dir" 30 2048 16 5632 32000 128
step llama

say "6. summary"
summary() {
  shows "/usr/bin/python3 (reads $out/*.json): one table: model, CPU check s, GPU check s, CPU/GPU, PyTorch on the GPU s, share on the GPU, verdicts alike" || return 0
  /usr/bin/python3 - "$out" <<'PY' | tee "$out/summary.txt"
import json
import os
import sys

out = sys.argv[1]
cases = [("bert_base_128", "BERT-base, n = 128"), ("bert_base_512", "BERT-base, n = 512"),
         ("bert_large_512", "BERT-large, n = 512"), ("llama_1.6b", "LLaMA-shaped 1.6 B bf16, n = 128")]


def load(path):
    return json.load(open(path)) if os.path.exists(path) else None


def wall(path):
    return float(open(path).read().split()[-1]) if os.path.exists(path) else float("nan")


gpu_name = ""
print(f"{'model':<34} {'CPU check s':>11} {'GPU check s':>11} {'CPU/GPU':>8} {'torch GPU s':>11} {'on GPU':>9} {'verdicts':>9}")
for name, title in cases:
    cpu, gpu = load(f"{out}/{name}.cpu.json"), load(f"{out}/{name}.cuda.json")
    torch = load(f"{out}/{name}.torch.json")
    if not cpu or not gpu:
        print(f"{title:<34} (not run)")
        continue
    c, g = cpu["timing"]["check"], gpu["timing"]["check"]
    device = gpu.get("device") or {}
    gpu_name = device.get("name", gpu_name)
    share = device.get("device_evaluations", 0) / max(device.get("device_evaluations", 0) + device.get("host_evaluations", 0), 1)
    same = [n["verdict"] for n in cpu["nodes"]] == [n["verdict"] for n in gpu["nodes"]]
    t = f"{torch['check_seconds']:>11.2f}" if torch else f"{'-':>11}"
    print(f"{title:<34} {c:>11.2f} {g:>11.2f} {c / g if g > 0 else float('inf'):>8.2f} {t} {share:>8.0%} {'same' if same else 'DIFFER':>9}")
print(f"GPU: {gpu_name}; 'on GPU': share of node evaluations the backend ran; wall seconds of the check phase (timing.check)")
PY
}
step summary
