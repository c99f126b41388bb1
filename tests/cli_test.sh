#!/usr/bin/env bash
# CLI contract: exit codes 0/1/2/3, clear errors on bad input, JSON fields. Usage: cli_test.sh PERMEQ SOURCE_DIR
set -uo pipefail
permeq=$1
src=$2
graphs=$src/examples/graphs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

expect() {  # expect CODE PATTERN -- command...
  local code=$1 pattern=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$code" ]; then
    echo "FAIL: '$*' exited $got, expected $code"; cat "$tmp/err"; failures=$((failures + 1)); return
  fi
  if [ -n "$pattern" ] && ! grep -q -- "$pattern" "$tmp/out" "$tmp/err"; then
    echo "FAIL: '$*' output lacks '$pattern'"; cat "$tmp/out" "$tmp/err"; failures=$((failures + 1)); return
  fi
  echo "ok: $* -> $got"
}

expect 0 "every output equivariant or invariant" -- "$permeq" check "$graphs/encoder_nopos.json"
expect 1 "culprit add_learned_pe (Add): exact witness at n = 2" -- "$permeq" check "$graphs/encoder_learned_pe.json"
expect 0 "head: invariant" -- "$permeq" check "$graphs/mean_pool_classifier.json" --culprits-only
expect 1 "apply_causal_mask" -- "$permeq" check "$graphs/gpt_causal.json" --culprits-only
expect 0 "" -- "$permeq" check "$graphs/deepsets.json" --quiet
# The numeric engine's device: cuda without a GPU is exit 5 with the reason; auto falls back to the
# CPU; cuda with --float64 is a usage error (the GPU backend is float32).
if ! nvidia-smi -L >/dev/null 2>&1; then
  expect 5 "permeq: error: --device cuda: " -- "$permeq" check "$graphs/deepsets.json" --engine numeric --device cuda
fi
expect 0 '"kind": "' -- "$permeq" check "$graphs/deepsets.json" --engine numeric --device auto --format json
expect 3 "computes in float32" -- "$permeq" check "$graphs/deepsets.json" --engine numeric --device cuda --float64
expect 3 "--device: gpu not in" -- "$permeq" check "$graphs/deepsets.json" --device gpu
expect 1 '"culprits": \[' -- "$permeq" check "$graphs/encoder_learned_pe.json" --format json
"$permeq" check "$graphs/encoder_learned_pe.json" --format json -o "$tmp/report.json" --quiet
python3 - "$tmp/report.json" <<'PY' || failures=$((failures + 1))
import json, sys
r = json.load(open(sys.argv[1]))
assert r["schema"] == "permeq-report/1"
assert r["outputs"][0]["verdict"] == "breaks", r["outputs"]
assert r["culprits"] == ["add_learned_pe"], r["culprits"]
culprit = [n for n in r["nodes"] if n["verdict"] == "breaks"]
assert len(culprit) == 1 and culprit[0]["node"] == "add_learned_pe"
w = culprit[0]["witness"]
assert w["tokens"] == 2 and w["permutation"] == [1, 0]
assert w["first_difference"]["permuted_then_applied"] != w["first_difference"]["applied_then_permuted"]
for n in r["nodes"]:
    assert {"node", "op", "verdict", "method", "witness"} <= n.keys()
print("ok: JSON report fields")
PY
# Backward: gradients of a loss, checked like any graph.
expect 0 "weight gradient of 'rho/fc2/weight'" -- "$permeq" check "$graphs/deepsets.json" --direction backward --loss mse
expect 0 "backward column" -- "$permeq" check "$graphs/mean_pool_classifier.json" --direction both --loss sequence-ce
expect 1 "in the loss" -- "$permeq" check "$graphs/encoder_nopos.json" --direction backward --loss next-token-ce --culprits-only
expect 1 "culprit add_learned_pe (Add)" -- "$permeq" check "$graphs/encoder_learned_pe.json" --direction backward
expect 0 "layer0/mlp/fc2/weight: axis 1" -- "$permeq" check "$graphs/encoder_nopos.json" --property intra
expect 1 "culprit add_sinusoidal_pe (Add)" -- "$permeq" check "$graphs/encoder_sinusoidal_pe.json" --property intra --culprits-only
expect 0 "\"feature-permutation\"" -- "$permeq" check "$graphs/deepsets.json" --property all --format json
expect 3 "property" -- "$permeq" check "$graphs/deepsets.json" --property rows
expect 0 "attention heads (n = 2)" -- "$permeq" symmetries "$graphs/encoder_nopos.json"
expect 0 "permeq-symmetries/1" -- "$permeq" symmetries "$graphs/deepsets.json" --format json
expect 0 "in blocks of 4" -- "$permeq" check "$graphs/encoder_nopos.json" --property intra --permute layer0/attn/q/weight:1:blocks=4
# --permute names the ONNX input whose dynamic axis is the sequence: nn.Transformer's target, not
# its source (the first input); permuting the source leaves the output unchanged.
expect 0 "y: equivariant (permuted on axis 1)" -- "$permeq" check "$src/tests/fixtures/onnx/transformer_batch2.onnx" --permute tgt:1 --engine exact
expect 0 "y: invariant" -- "$permeq" check "$src/tests/fixtures/onnx/transformer_batch2.onnx" --permute src:1 --engine exact
fixture=$src/tests/fixtures/onnx/encoder_nopos.onnx
expect 0 "3 symmetries applied" -- "$permeq" permute "$fixture" --key 3 -o "$tmp/permuted.json"
expect 0 "equivalent: every weight" -- "$permeq" equivalent "$fixture" "$tmp/permuted.json" --key 3
expect 1 "not shown equivalent" -- "$permeq" equivalent "$fixture" "$tmp/permuted.json" --key 4
# measure: numbers, not a verdict (exit 0); the SVG parses as XML; bad counts and files are usage/input errors.
expect 0 "first node above the rounding level: add_learned_pe (Add)" -- "$permeq" measure "$graphs/encoder_learned_pe.json" --inputs 3 --permutations 8 --svg "$tmp/measure.svg"
python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); assert r.tag.endswith("svg"), r.tag; print("ok: measure SVG parses")' "$tmp/measure.svg" || failures=$((failures + 1))
expect 0 "every node is within rounding" -- "$permeq" measure "$graphs/encoder_nopos.json" --inputs 2 --permutations 4
expect 0 '"schema": "permeq-measure/1"' -- "$permeq" measure "$graphs/mean_pool_classifier.json" --seq-len 2,3 --inputs 2 --permutations 4 --format json
expect 3 "permutations" -- "$permeq" measure "$graphs/encoder_nopos.json" --permutations 1
expect 3 "not a safetensors file" -- "$permeq" measure "$graphs/encoder_nopos.json" --inputs-file "$src/tests/fixtures/onnx/encoder_nopos.onnx"
# Without the key: the symmetry is recovered from the weights and printed.
expect 0 "every weight equals the original's moved by the recovered symmetry" -- "$permeq" equivalent "$fixture" "$tmp/permuted.json"
expect 3 "stores no weights" -- "$permeq" permute "$graphs/deepsets.json" -o "$tmp/none.json"
expect 3 "blocks=N with a positive integer" -- "$permeq" check "$graphs/encoder_nopos.json" --permute x:1:blocks=zero
expect 3 "unknown loss 'hinge'" -- "$permeq" check "$graphs/deepsets.json" --direction backward --loss hinge
expect 3 "needs per-token logits" -- "$permeq" check "$graphs/deepsets.json" --direction backward --loss token-ce
"$permeq" check "$graphs/deepsets.json" --direction both --loss mse --format json -o "$tmp/both.json" --quiet
python3 - "$tmp/both.json" <<'PY' || failures=$((failures + 1))
import json, sys
r = json.load(open(sys.argv[1]))
b = r["backward"]
assert b["direction"] == "backward" and b["loss"].startswith("mean squared error"), b["loss"]
roles = {o["gradient_of"]: (o["role"], o["verdict"]) for o in b["outputs"]}
assert roles["x"] == ("input gradient", "equivariant"), roles
assert roles["rho/fc2/weight"] == ("weight gradient", "invariant"), roles
assert all(n["backward"]["verdict"] in ("equivariant", "invariant") for n in r["nodes"])
print("ok: backward JSON report fields")
PY
printf '%s\n' '{"inputs": [{"name": "x", "shape": [4, 2]}], "nodes": [{"name": "flat", "op": "Reshape", "inputs": ["x"], "outputs": ["y"], "attrs": {"shape": [2, 4]}}, {"name": "back", "op": "Reshape", "inputs": ["y"], "outputs": ["z"], "attrs": {"shape": [4, 2]}}], "outputs": ["z"]}' >"$tmp/interleave.json"
expect 2 "inconclusive" -- "$permeq" check "$tmp/interleave.json" --permute x:0 --engine exact

printf '{"inputs": [' >"$tmp/malformed.json"
expect 3 "malformed.json: malformed JSON" -- "$permeq" check "$tmp/malformed.json"
printf '%s\n' '{"inputs": [{"name": "x", "shape": ["seq", 2]}], "nodes": [{"name": "n1", "op": "Frobnicate", "inputs": ["x"], "outputs": ["y"]}], "outputs": ["y"]}' >"$tmp/unknown_op.json"
expect 3 "node 'n1' (Frobnicate): unknown operator" -- "$permeq" check "$tmp/unknown_op.json"
printf '%s\n' '{"inputs": [{"name": "x", "shape": ["seq", 2]}], "parameters": [{"name": "w", "shape": [3, 3]}], "nodes": [{"name": "mm", "op": "MatMul", "inputs": ["x", "w"], "outputs": ["y"]}], "outputs": ["y"]}' >"$tmp/shape.json"
expect 3 "node 'mm' (MatMul): inner dimensions differ: \[4, 2\] x \[3, 3\]" -- "$permeq" check "$tmp/shape.json"
expect 3 "'nope', which is neither an input nor a parameter" -- "$permeq" check "$graphs/deepsets.json" --permute nope:0
expect 3 "expects NAME:AXIS" -- "$permeq" check "$graphs/deepsets.json" --permute x
expect 3 "cannot open the graph file" -- "$permeq" check "$tmp/missing.json"
expect 3 "" -- "$permeq" check
expect 3 "" -- "$permeq" check "$graphs/deepsets.json" --format yaml
expect 0 "Exit codes" -- "$permeq" check --help
expect 0 "| Softmax |" -- "$permeq" ops --format markdown
expect 0 "valid" -- "$permeq" validate "$graphs/gpt_causal.json"

# Policies: the learned-PE graph passes when its positional Add is permitted, fails otherwise, in every format.
for fmt in text json junit sarif markdown; do
  expect 0 "" -- "$permeq" check "$graphs/encoder_learned_pe.json" --policy "$src/examples/policies/permit_positional.yaml" --format "$fmt"
  expect 1 "add_learned_pe" -- "$permeq" check "$graphs/encoder_learned_pe.json" --policy "$src/examples/policies/strict.yaml" --format "$fmt"
done
expect 1 "UNMET  layer1/norm2 is equivariant on axis 0" -- "$permeq" check "$graphs/encoder_learned_pe.json" --policy "$src/examples/policies/strict.yaml"
printf 'expect:\n  - output: "*"\n    property: sideways\n' >"$tmp/bad_policy.yaml"
expect 3 "bad_policy.yaml:3:15: property must be" -- "$permeq" check "$graphs/deepsets.json" --policy "$tmp/bad_policy.yaml"

# Several reports at once, each validated.
"$permeq" check "$graphs/encoder_learned_pe.json" --policy "$src/examples/policies/strict.yaml" --quiet \
  --report junit="$tmp/r.xml" --report sarif="$tmp/r.sarif" --report markdown="$tmp/r.md" --report json="$tmp/r.json"
python3 - "$tmp" <<'PY2' || failures=$((failures + 1))
import json, sys, xml.etree.ElementTree as ET
d = sys.argv[1]
suite = ET.parse(d + "/r.xml").getroot().find("testsuite")
assert suite.get("failures") == "2", suite.attrib
sarif = json.load(open(d + "/r.sarif"))
assert sarif["version"] == "2.1.0"
result = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "PEQ1000"][0]
loc = result["locations"][0]
assert loc["logicalLocations"][0]["name"] == "add_learned_pe"
artifact = loc["physicalLocation"]["artifactLocation"]
assert artifact["uri"].endswith("encoder_learned_pe.json")
# Resolved as code scanning does: against %SRCROOT% when the uri is relative, else a file:// URI.
base = sarif["runs"][0]["originalUriBaseIds"][artifact["uriBaseId"]]["uri"] if "uriBaseId" in artifact else ""
import urllib.parse
path = urllib.parse.unquote((base + artifact["uri"]).removeprefix("file://"))
line = loc["physicalLocation"]["region"]["startLine"]
assert '"name":"add_learned_pe"' in open(path).read().splitlines()[line - 1]
assert "| `add_learned_pe` | Add | **breaks** |" in open(d + "/r.md").read()
assert json.load(open(d + "/r.json"))["policy"]["exit_code"] == 1
print("ok: junit, sarif, markdown and json reports written together and valid")
PY2
expect 3 "expects FORMAT=FILE" -- "$permeq" check "$graphs/deepsets.json" --report pdf="$tmp/x.pdf"

# Pictures and explanations.
expect 1 "" -- "$permeq" check "$graphs/gpt_causal.json" --quiet --dot "$tmp/causal.dot"
grep -q '"block0/attn/apply_causal_mask" \[label=.*fillcolor="#d32f2f"' "$tmp/causal.dot" && echo "ok: causal mask is red in the DOT output" \
  || { echo "FAIL: mask node not red in DOT"; failures=$((failures + 1)); }
if command -v dot >/dev/null; then
  expect 1 "" -- "$permeq" check "$graphs/gpt_causal.json" --quiet --svg "$tmp/causal.svg"
  grep -q "<svg" "$tmp/causal.svg" && echo "ok: SVG rendered" || { echo "FAIL: no SVG"; failures=$((failures + 1)); }
fi
expect 1 "" -- "$permeq" check "$graphs/gpt_causal.json" --format html -o "$tmp/causal.html" --report html="$tmp/causal2.html" --report json="$tmp/causal.json"
python3 - "$tmp" <<'PY3' || failures=$((failures + 1))
import json, re, sys
d = sys.argv[1]
page = open(d + "/causal.html").read()
assert page.startswith("<!DOCTYPE html>") and page == open(d + "/causal2.html").read()
# Self-contained: no script, style, image or font is loaded from anywhere.
assert not re.search(r'(src|href)="(?!data:)', page), re.findall(r'(?:src|href)="[^"]*"', page)
assert not re.search(r"url\((?!#)", page) and "@import" not in page  # url(#arrow): a marker in the page itself
data = json.loads(re.search(r'<script id="permeq-data" type="application/json">(.*?)</script>', page, re.S).group(1))
report = json.load(open(d + "/causal.json"))
mask = next(n for n in data["report"]["nodes"] if n["node"] == "block0/attn/apply_causal_mask")
expected = next(n for n in report["nodes"] if n["node"] == "block0/attn/apply_causal_mask")
assert mask["witness"]["first_difference"] == expected["witness"]["first_difference"]
assert "graph_values" not in mask["witness"] and "graph_values" in expected["witness"]
assert data["path"][0] == "x" and data["path"][-1] == "block0/attn/apply_causal_mask", data["path"]
assert data["command"].endswith("gpt_causal.json --format html -o " + d + "/causal.html --report html=" + d + "/causal2.html --report json=" + d + "/causal.json"), data["command"]
print("ok: html report is self-contained, carries the witness, the path to the culprit and the command")
PY3
expect 3 "needs Graphviz's 'dot' command" -- env PATH=/nonexistent "$permeq" check "$graphs/deepsets.json" --quiet --svg "$tmp/x.svg"
expect 1 "Counterexample, exact, with n = 2 tokens" -- "$permeq" explain "$graphs/gpt_causal.json" --node block0/attn/apply_causal_mask
expect 1 "2. The obligation" -- "$permeq" explain "$graphs/gpt_causal.json" --node block0/attn/apply_causal_mask
expect 3 "no node named 'nope'" -- "$permeq" explain "$graphs/gpt_causal.json" --node nope

# The prover: every lemma and every operator sample gets the expected proof or refutation.
expect 0 "proved   lemma multi-head-attention: for all n, all widths" -- "$permeq" prove
expect 0 "refuted  Conv1d (Conv1d kernel 3 over tokens)" -- "$permeq" prove Conv1d Softmax
expect 3 "no operator 'Frob'" -- "$permeq" prove Frob
expect 0 "proved for all n, all widths" -- "$permeq" check "$graphs/encoder_nopos.json" --engine proof
expect 0 "" -- "$permeq" check "$graphs/cls_classifier.json" --engine proof --quiet
expect 2 "" -- "$permeq" check "$graphs/cls_classifier.json" --engine proof --timeout-ms 1 --quiet
expect 0 "Proved (proof (lemma attention-softmax))" -- "$permeq" explain "$graphs/encoder_nopos.json" --node layer0/attn/softmax
"$permeq" export-proofs "$tmp/graph_proofs" --graph "$graphs/cls_classifier.json" >/dev/null
grep -q "token0_readout (Gather): graph-cls-classifier-token0-readout-swap.smt2" "$tmp/graph_proofs/graph-cls-classifier.manifest" \
  && echo "ok: graph obligations exported" || { echo "FAIL: graph obligations"; failures=$((failures + 1)); }

# Sizes beyond the exact engine and the numeric engine's whole passes: no crash, no pass; the output is decided on its first token positions.
expect 1 "first 2 token positions at n = 100000" -- "$permeq" check "$graphs/gpt_causal.json" --seq-len 100000

# Bad files: each is an input error (exit 3) whose message names the file and the problem.
bad="$src/tests/fixtures/bad"
while IFS='|' read -r message args; do
  # shellcheck disable=SC2086
  expect 3 "$message" -- "$permeq" check $args
done <<TABLE
truncated.onnx: not a valid ONNX model: the protobuf message is truncated or corrupt|$bad/truncated.onnx
corrupt.onnx: not a valid ONNX model: the protobuf message is truncated or corrupt|$bad/corrupt.onnx
empty.onnx: the file is empty, not an ONNX model|$bad/empty.onnx
nan_weight.onnx: initializer 'w' holds NaN at index 1|$bad/nan_weight.onnx
missing_weights.bin: cannot open external data file|$bad/missing_external_data.onnx
bad_header.safetensors: safetensors header is not valid JSON|$bad/linear.json --weights $bad/bad_header.safetensors
nan.safetensors: tensor 'w': value at flat index 1 is NaN (weights must be finite)|$bad/linear.json --weights $bad/nan.safetensors
cycle.json: graph 'cycle' has a cycle through nodes first, second|$bad/cycle.json
missing_input.json: node 'add_bias' (Add): input 'bias' is not defined by any input, parameter or node|$bad/missing_input.json
unsupported_lstm.onnx: 2 nodes use operators permeq does not import|$src/tests/fixtures/onnx/unsupported_lstm.onnx
TABLE
expect 0 "" -- "$permeq" check "$bad/linear.json" --weights "$bad/good.safetensors" --quiet

# The README's operator table is the tool's own output.
"$permeq" ops --format markdown >"$tmp/ops.md"
sed -n '/<!-- operators:begin -->/,/<!-- operators:end -->/p' "$src/README.md" | sed '1d;$d' >"$tmp/readme_ops.md"
if diff -u "$tmp/readme_ops.md" "$tmp/ops.md"; then echo "ok: README operator table is current"
else echo "FAIL: README operator table differs from 'permeq ops --format markdown'"; failures=$((failures + 1)); fi
"$permeq" ops --onnx --format markdown >"$tmp/onnx_ops.md"
sed -n '/<!-- onnx-operators:begin -->/,/<!-- onnx-operators:end -->/p' "$src/README.md" | sed '1d;$d' >"$tmp/readme_onnx_ops.md"
if diff -u "$tmp/readme_onnx_ops.md" "$tmp/onnx_ops.md"; then echo "ok: README ONNX operator table is current"
else echo "FAIL: README ONNX operator table differs from 'permeq ops --onnx --format markdown'"; failures=$((failures + 1)); fi
# Every row has as many cells as the header: a pipe inside a cell ("|x|") is escaped.
for table in "$tmp/ops.md" "$tmp/onnx_ops.md"; do
  if awk '{ line = $0; gsub(/\\\|/, "", line); n = gsub(/\|/, "", line); if (NR == 1) cells = n; else if (n != cells) { print "  row " NR ": " $0; bad = 1 } } END { exit bad }' "$table"
  then echo "ok: every row of $(basename "$table") has its header's cells"
  else echo "FAIL: a row of $(basename "$table") breaks its table"; failures=$((failures + 1)); fi
done

if [ "$failures" -ne 0 ]; then echo "$failures CLI checks failed"; exit 1; fi
echo "all CLI checks passed"
