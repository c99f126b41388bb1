#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer and UndefinedBehaviorSanitizer on) and
# runs each for a time budget, starting from the seed corpora in tests/fuzz/corpus/.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
./scripts/setup.sh >/dev/null
command -v clang++ >/dev/null || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"; $sudo apt-get install -y -qq clang >/dev/null; }
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPERMEQ_FUZZ=ON \
  -DPERMEQ_BUILD_TESTS=OFF -DPERMEQ_BUILD_EXAMPLES=OFF -DPERMEQ_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target graph_json_fuzz policy_fuzz safetensors_fuzz onnx_fuzz
for target in graph_json policy safetensors onnx; do
  work=$(mktemp -d)
  cp tests/fuzz/corpus/"$target"/* "$work"/
  echo "== $target: $seconds s"
  ./build-fuzz/tests/fuzz/"$target"_fuzz "$work" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 2>&1 | tail -4
done
