#!/usr/bin/env bash
# Benchmark: refutation with an output verdict above the exact limit: causal encoders of 32 layers
# at d = 4096 (32 heads, ff 11008) and 80 layers at d = 8192 (64 heads, ff 28672), weights free.
# One JSON line per shape (time, peak memory, culprits, output verdict and the numeric run's
# seed, draw and difference). Pass "small" to run only the 32-layer shape.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
./build/refutation_at_scale 32 4096 32 11008
if [ "${1:-}" != "small" ]; then
  ./build/refutation_at_scale 80 8192 64 28672
fi
