#!/usr/bin/env bash
# Installs what is needed, builds, and runs the whole test suite (the command CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
