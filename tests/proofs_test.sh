#!/usr/bin/env bash
# proofs/ is reproducible and every obligation gets its expected answer from Z3 (and cvc5 when
# installed). Usage: proofs_test.sh PERMEQ SOURCE_DIR
set -uo pipefail
permeq=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

"$permeq" export-proofs "$tmp/proofs" >/dev/null || { echo "FAIL: export-proofs"; exit 1; }
if diff -r -x README.md "$src/proofs" "$tmp/proofs" >"$tmp/diff"; then
  echo "ok: proofs/ is regenerated identically ($(ls "$tmp/proofs" | wc -l) files)"
else
  echo "FAIL: proofs/ differs from 'permeq export-proofs' (run it and commit):"; head -20 "$tmp/diff"; failures=$((failures + 1))
fi

solvers=(z3)
command -v cvc5 >/dev/null && solvers+=(cvc5) || echo "note: cvc5 is not installed; only Z3 checks the files"
for solver in "${solvers[@]}"; do
  checked=0
  for f in "$src"/proofs/*.smt2; do
    expected=$(grep -m1 '^;; expected:' "$f" | cut -d' ' -f3)
    case $solver in
      z3) got=$(timeout 60 z3 -T:50 "$f" 2>&1 | head -1) ;;
      cvc5) got=$(timeout 60 cvc5 --full-saturate-quant --tlimit=50000 "$f" 2>&1 | head -1) ;;
    esac
    checked=$((checked + 1))
    if [ "$got" != "$expected" ]; then echo "FAIL: $solver on $(basename "$f"): expected $expected, got $got"; failures=$((failures + 1)); fi
  done
  echo "ok: $solver checked $checked files"
done
[ "$failures" -eq 0 ] || { echo "$failures proof checks failed"; exit 1; }
echo "all proof checks passed"
