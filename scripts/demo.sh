#!/usr/bin/env bash
# Installs what is needed, builds, and checks a bundled example: the encoder with a learned
# positional embedding, which breaks exactly at the positional Add (exit code 1 means "breaks").
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
set +e
./build/permeq check examples/graphs/encoder_learned_pe.json --culprits-only "$@"
code=$?
echo "permeq exit code: $code (0 holds, 1 breaks, 2 inconclusive, 3 bad input)"
[ "$code" -le 2 ]
