#!/usr/bin/env bash
# The long differential run: the prover, the exact engine and the numeric engine on N seeded
# random graphs (default 3000; the default test suite runs 300). Prints the counts: graphs,
# nodes, agreements, unknowns, disagreements (which must be 0) and inserted culprits.
#   ./scripts/differential.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
PERMEQ_DIFFERENTIAL_GRAPHS="${1:-3000}" ./build/tests/permeq_tests -tc='*engines agree on random graphs*' | grep -E "differential:|test cases|Status"
