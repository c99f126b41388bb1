#!/usr/bin/env bash
# Installs what is needed, builds, and runs the whole test suite (the command CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
# A test that hangs fails after ten minutes instead of holding the run to its end.
ctest --test-dir build --output-on-failure --timeout 600 -j"$(nproc)"
