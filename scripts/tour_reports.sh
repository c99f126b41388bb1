#!/usr/bin/env bash
# Writes the HTML report of every step of examples/TOUR.md (the pages the tour links), into
# build/tour/ by default. They are generated, not committed: run this after building.
# Usage: scripts/tour_reports.sh [PERMEQ] [OUT_DIR]     (defaults: build/permeq build/tour)
set -uo pipefail
cd "$(dirname "$0")/.."
permeq=${1:-build/permeq}
out=${2:-build/tour}
graphs=examples/graphs
mkdir -p "$out"
failures=0

report() {  # report NAME GRAPH [FLAGS...]: exit 0 (holds) or 1 (breaks) are both expected
  local name=$1 graph=$2
  shift 2
  "$permeq" check "$graphs/$graph" "$@" --quiet --format html -o "$out/$name.html"
  local code=$?
  if [ "$code" -gt 1 ]; then echo "tour_reports: $name: permeq exited $code" >&2; failures=$((failures + 1)); return; fi
  echo "$out/$name.html"
}

report 1-encoder_nopos encoder_nopos.json
report 2-mean_pool_classifier mean_pool_classifier.json
report 2-deepsets deepsets.json
report 3-encoder_learned_pe encoder_learned_pe.json
report 4-gpt_causal gpt_causal.json
report 5-token0_classifier token0_classifier.json
report 5-cls_classifier cls_classifier.json
report 6-alibi_seq2 alibi_attention.json --seq-len 2
report 6-alibi alibi_attention.json
report 7-deepsets_both deepsets.json --direction both --loss mse
report 7-encoder_learned_pe_backward encoder_learned_pe.json --direction backward
report 7-next_token_ce encoder_nopos.json --direction backward --loss next-token-ce
report 8-encoder_nopos_intra encoder_nopos.json --property intra --direction both
report 8-sinusoidal_intra encoder_sinusoidal_pe.json --property intra
report 9-permit_positional encoder_learned_pe.json --policy examples/policies/permit_positional.yaml
report 9-strict encoder_learned_pe.json --policy examples/policies/strict.yaml
exit $((failures > 0))
