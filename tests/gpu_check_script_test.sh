#!/usr/bin/env bash
# scripts/gpu-check.sh without a GPU: --dry-run lists every step (install, configure with the CUDA
# backend, build, GPU tests, the four benchmarks, the summary) and runs none; a real run stops at
# once with a message that no GPU is visible. Usage: gpu_check_script_test.sh SOURCE_DIR
set -uo pipefail
src=$1
failures=0
out=$(cd "$src" && ./scripts/gpu-check.sh --dry-run 2>&1)
status=$?
if [ "$status" -ne 0 ]; then
  echo "FAIL: scripts/gpu-check.sh --dry-run exited $status"; echo "$out"; failures=$((failures + 1))
fi
for step in "+ ./scripts/setup.sh" "+ ./bench/install_missing.sh python3-torch" "-DPERMEQ_CUDA=ON" "+ cmake --build build-gpu" "+ gpu_tests" \
  "+ ctest --test-dir build-gpu" "+ bert bert_base_128" "+ bert bert_base_512" "+ bert bert_large_512" \
  "make_llama_checkpoint.py" "+ llama" "+ summary"; do
  if ! grep -qF -- "$step" <<<"$out"; then
    echo "FAIL: the dry run does not show '$step'"; failures=$((failures + 1))
  fi
done
if ! nvidia-smi -L >/dev/null 2>&1; then
  grep -qF "no GPU is visible here" <<<"$out" || { echo "FAIL: the dry run does not say that no GPU is visible"; failures=$((failures + 1)); }
  real=$(cd "$src" && ./scripts/gpu-check.sh 2>&1)
  status=$?
  if [ "$status" -ne 1 ] || ! grep -qF "gpu-check: error: no GPU is visible" <<<"$real"; then
    echo "FAIL: without a GPU, scripts/gpu-check.sh exited $status with: $real"; failures=$((failures + 1))
  fi
fi
[ "$failures" -eq 0 ] && echo "ok: scripts/gpu-check.sh --dry-run and its refusal without a GPU"
exit $((failures > 0))
