#!/usr/bin/env bash
# What a new user trips on (issue 20): one clear error line per bad input, honest wording, exact
# exit codes, CI-ready SARIF paths. Usage: cli_usability_test.sh PERMEQ SOURCE_DIR
set -uo pipefail
permeq=$1
src=$2
graphs=$src/examples/graphs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect CODE PATTERN -- command...: exit code CODE and PATTERN (grep -E) in standard output or error.
expect() {
  local code=$1 pattern=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$code" ]; then fail "'$*' exited $got, expected $code"; cat "$tmp/out" "$tmp/err"; return 1; fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$tmp/out" "$tmp/err"; then
    fail "'$*' output lacks /$pattern/"; cat "$tmp/out" "$tmp/err"; return 1
  fi
  echo "ok: $* -> $got"
}

# expect_error PATTERN -- command...: exit 3, and standard error is exactly one line
# "permeq: error: ..." matching PATTERN (no CLI11 hint lines, no library exception names).
expect_error() {
  local pattern=$1
  shift 2
  expect 3 "" -- "$@" || return
  if [ "$(wc -l <"$tmp/err")" -ne 1 ] || ! grep -qE -- "^permeq: error: .*$pattern" "$tmp/err"; then
    fail "'$*': standard error is not one line 'permeq: error: ...$pattern...':"; cat "$tmp/err"; return
  fi
  if grep -qE "json\.exception|internal error|filesystem error" "$tmp/err"; then fail "'$*' leaks an internal message: $(cat "$tmp/err")"; fi
}

# --- Errors name the file, node or flag ---------------------------------------------------------
printf '%s\n' '{"inputs": [{"name": "x", "shape": ["seq", 2]}], "parameters": [{"name": "w", "shape": [3, 3]}], "nodes": [{"name": "mm", "op": "MatMul", "inputs": ["x", "w"], "outputs": ["y"]}], "outputs": ["y"]}' >"$tmp/model.json"
expect_error "$tmp/model.json: node 'mm' \(MatMul\): inner dimensions differ: \[4, 2\] x \[3, 3\]" -- "$permeq" check "$tmp/model.json"
printf '%s\n' '{"inputs": [{"name": "x", "shape": ["seq", 2]}], "nodes": [{"name": "r", "op": "Relu", "inputs": ["x"], "outputs": ["y"]}], "outputs": ["y"]}' >"$tmp/unsized.json"
expect_error "$tmp/unsized.json: input 'x': dimension 'seq' has no size" -- "$permeq" validate "$tmp/unsized.json"

# export-proofs into a path under a regular file: an input error naming the folder, not an internal error.
touch "$tmp/regular"
expect_error "$tmp/regular/proofs: cannot create the output folder" -- "$permeq" export-proofs "$tmp/regular/proofs"

# A --dim the graph does not have, and --permute counted from the end.
expect_error "deepsets.json: --dim foo=3: the graph has no dimension 'foo' \(its dimensions: .*seq" -- "$permeq" check "$graphs/deepsets.json" --dim foo=3
expect_error "encoder_nopos.onnx: --dim foo=3: the model has no dimension 'foo'" -- "$permeq" check "$src/tests/fixtures/onnx/encoder_nopos.onnx" --dim foo=3
expect 0 "" -- "$permeq" check "$graphs/deepsets.json" --dim seq=5 --quiet
expect 0 "permeq: note: --permute x:-2 counts from the end: axis 0 of 'x'" -- "$permeq" check "$graphs/deepsets.json" --permute x:-2 --quiet
expect 1 "permeq: note: --permute x:-1 counts from the end: axis 1 of 'x', its last axis" -- "$permeq" check "$graphs/deepsets.json" --permute x:-1 --quiet

# Command-line mistakes: one "permeq: error:" line naming the flag.
expect_error "--seq-len" -- "$permeq" check "$graphs/deepsets.json" --seq-len abc
expect_error "--trials" -- "$permeq" check "$graphs/deepsets.json" --trials 0
expect_error "--bogus" -- "$permeq" check "$graphs/deepsets.json" --bogus
expect_error "--tolerance: must be a positive factor, got '0'" -- "$permeq" check "$graphs/deepsets.json" --engine numeric --tolerance 0
# Also where the numeric engine runs only as the instance check of --engine auto (stored weights).
expect_error "--tolerance: must be a positive factor, got '-1'" -- "$permeq" check "$src/tests/fixtures/onnx/encoder_nopos.onnx" --tolerance -1
# JSON syntax errors give line and column, without nlohmann's exception name.
printf '{"inputs": [\n  {"name": "x",, }]}\n' >"$tmp/syntax.json"
expect_error "syntax.json: malformed JSON: parse error at line 2, column 16" -- "$permeq" check "$tmp/syntax.json"
# A folder given as GRAPH says it is a folder.
expect_error "$graphs: is a folder" -- "$permeq" check "$graphs"
expect_error "$graphs: is a folder" -- "$permeq" validate "$graphs"

# --- The scope says what the verdicts rest on -----------------------------------------------------
"$permeq" check "$graphs/encoder_nopos.json" --format json -o "$tmp/nopos.json" --quiet
"$permeq" check "$graphs/gpt_causal.json" --seq-len 100000 --format json -o "$tmp/big.json" --quiet
"$permeq" check "$graphs/encoder_nopos.json" --engine exact --format json -o "$tmp/exact.json" --quiet
python3 - "$tmp" <<'PY' || fail "scope wording"
import json, sys
d = sys.argv[1]
proved = json.load(open(d + "/nopos.json"))
assert proved["outputs"][0]["proved"], proved["outputs"]
scope = proved["scope"]
assert not scope.endswith("Evidence, not proof."), scope              # not right under "proved for all n"
assert "An output reported as proved rests on these proofs alone" in scope, scope
big = json.load(open(d + "/big.json"))["scope"]
assert "exact random test was skipped" in big and "runs at n = 100000" not in big and "a pass of this test" not in big, big
exact = json.load(open(d + "/exact.json"))["scope"]
assert exact.startswith("The exact random test runs at n = 4") and exact.endswith("Evidence, not proof.") and "Z3" not in exact, exact
print("ok: scope wording follows the engines that ran")
PY

# --- Timing covers the whole run -----------------------------------------------------------------
python3 - "$permeq" "$graphs/deepsets.json" <<'PY' || fail "timing of --property all --direction both"
import json, subprocess, sys, time
started = time.monotonic()
out = subprocess.run([sys.argv[1], "check", sys.argv[2], "--property", "all", "--direction", "both", "--loss", "mse", "--format", "json"],
                     capture_output=True, text=True).stdout
wall = time.monotonic() - started
r = json.loads(out)
t, s = r["timing"], r["summary"]["seconds"]
assert {"backward check", "intra check"} <= t.keys(), t
phases = sum(v for k, v in t.items() if k not in ("load", "total"))
assert abs(s - phases) < 1e-6, (s, t)                     # summary.seconds is every checking phase
assert abs(t["total"] - (phases + t["load"])) < 1e-6, t
assert 0.6 * wall <= t["total"] <= wall, (t["total"], wall)   # and accounts for the run (process start aside)
intra = r["intra"]
assert "transform inference" in intra["timing"] and "backward check" in intra["timing"], intra["timing"]
print(f"ok: timing.total {t['total']:.2f} s of a {wall:.2f} s run; summary.seconds {s:.2f} s")
PY

# --- permeq prove marks expected refutations and ends with a summary ----------------------------
expect 0 "refuted  Conv1d \(Conv1d kernel 3 over tokens\): .*\[expected: this sample breaks the symmetry\]" -- "$permeq" prove Conv1d Softmax
if grep "^refuted" "$tmp/out" | grep -vq "\[expected"; then fail "an expected refutation is not marked"; fi
grep -qE "^summary: [0-9]+ proved, [1-9][0-9]* refuted as expected, 0 not as expected, 0 unknown$" "$tmp/out" \
  && echo "ok: prove summary line" || fail "prove has no summary line: $(tail -1 "$tmp/out")"

# --- A policy expectation decided false exits 1 ---------------------------------------------------
expect 1 "UNMET  head is equivariant on axis 0: output 'head' is invariant" -- "$permeq" check "$graphs/mean_pool_classifier.json" --policy "$src/examples/policies/strict.yaml"
expect 1 "summary: policy not met: an expectation is false" -- "$permeq" check "$graphs/mean_pool_classifier.json" --policy "$src/examples/policies/strict.yaml"
expect 2 "policy not met: inconclusive" -- "$permeq" check "$graphs/gpt_causal.json" --seq-len 100000 --policy "$src/examples/policies/strict.yaml" --engine proof

# --- SARIF: URIs relative to %SRCROOT%, valid against the SARIF 2.1.0 schema ----------------------
abs_graph=$(cd "$graphs" && pwd)/encoder_learned_pe.json
strict=$src/examples/policies/strict.yaml
(cd "$tmp" && "$permeq" check "$abs_graph" --policy "$strict" --quiet --report sarif="$tmp/cwd.sarif")
"$permeq" check "$abs_graph" --policy "$strict" --quiet --source-root "$src" --report sarif="$tmp/root.sarif"
"$permeq" check "$graphs/gpt_causal.json" --quiet --seq-len 100000 --source-root "$src/examples" --report sarif="$tmp/unknown.sarif"
expect_error "--source-root $tmp/regular: not a folder" -- "$permeq" check "$abs_graph" --source-root "$tmp/regular"
/usr/bin/python3 - "$tmp" "$src" <<'PY' || fail "SARIF locations and schema"
import json, os, sys, urllib.parse
import jsonschema  # Debian's python3-jsonschema (scripts/setup.sh)
d, src = sys.argv[1], os.path.realpath(sys.argv[2])
schema = json.load(open(os.path.join(src, "tests", "schemas", "sarif-schema-2.1.0.json")))
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())

def resolve(run, loc):
    """The file a result points at, as code scanning resolves it."""
    uri = loc["uri"]
    if "uriBaseId" in loc:
        base = run["originalUriBaseIds"][loc["uriBaseId"]]["uri"]
        assert base.startswith("file:///") and base.endswith("/"), base
        uri = base + uri
    assert uri.startswith("file:///"), uri
    return urllib.parse.unquote(uri[len("file://"):])

for name, root in (("root.sarif", src), ("unknown.sarif", os.path.join(src, "examples")), ("cwd.sarif", None)):
    sarif = json.load(open(os.path.join(d, name)))
    errors = sorted(validator.iter_errors(sarif), key=str)
    assert not errors, f"{name}: {errors[0].message} at {list(errors[0].absolute_path)}"
    run = sarif["runs"][0]
    locs = [l["physicalLocation"] for r in run["results"] for l in r["locations"] if "physicalLocation" in l]
    assert locs, name
    for p in locs:
        art = p["artifactLocation"]
        if root is None:   # the graph lies outside the current directory: an absolute file:// URI
            assert "uriBaseId" not in art and art["uri"].startswith("file:///"), art
        else:
            assert art["uriBaseId"] == "%SRCROOT%" and not art["uri"].startswith(("/", "file:")), art
            assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + urllib.parse.quote(root.rstrip("/") + "/"), run["originalUriBaseIds"]
        path = resolve(run, art)
        assert os.path.isfile(path), path
        if "region" in p:
            line = open(path).read().splitlines()[p["region"]["startLine"] - 1]
            assert '"name":' in line, line
    print(f"ok: {name} is valid SARIF 2.1.0 and its {len(locs)} locations resolve to the graph file")
PY

# --- Help, titles and words ---------------------------------------------------------------------
for sub in symmetries equivalent export-proofs permute ops validate; do
  "$permeq" $sub --help >"$tmp/help" 2>&1
  if grep -q "some output breaks (a culprit node" "$tmp/help"; then fail "permeq $sub --help shows check's exit codes"
  elif ! grep -q "^Exit codes" "$tmp/help"; then fail "permeq $sub --help has no exit codes"
  else echo "ok: permeq $sub --help has its own exit codes"; fi
done
expect 0 "1  not shown equivalent" -- "$permeq" equivalent --help
expect 0 "^permeq check: encoder_nopos  \(" -- "$permeq" check "$src/tests/fixtures/onnx/encoder_nopos.onnx"
expect 0 "valid \(1 node\)" -- "$permeq" validate "$tmp/unsized.json" --dim seq=3
expect 0 "summary: every output equivariant or invariant; 1 node: 1 hold" -- "$permeq" check "$tmp/unsized.json" --dim seq=3
expect 1 "culprit add_sinusoidal_pe \(Add\): exact witness at d = 8," -- "$permeq" check "$graphs/encoder_sinusoidal_pe.json" --property intra --culprits-only
if grep -q "witness at n = 8" "$tmp/out"; then fail "--property intra still says n for the feature count"; fi
"$permeq" check "$graphs/encoder_sinusoidal_pe.json" --property intra --quiet --report markdown="$tmp/intra.md" --report junit="$tmp/intra.xml"
grep -q "Feature permutations, d = 8" "$tmp/intra.md" && grep -q "witness at d = 8" "$tmp/intra.xml" && echo "ok: markdown and junit say d for features" \
  || fail "markdown or junit says n for the feature count"

# --- --tolerance and --unknown-band, shown in the scope -------------------------------------------
onnx=$src/tests/fixtures/onnx/encoder_learned_pe.onnx
expect 1 "more than 100 times the rounding tolerance 8 \(K \+ 4\) u M \(--unknown-band 100, --tolerance 8\)" -- "$permeq" check "$onnx" --engine numeric --format json
expect 1 "more than 3 times the rounding tolerance 0.5 \(K \+ 4\) u M \(--unknown-band 3, --tolerance 0.5\)" -- "$permeq" check "$onnx" --engine numeric --tolerance 0.5 --unknown-band 3 --format json
python3 - "$tmp/out" <<'PY' || fail "--tolerance scales the tolerance the report gives"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["engine"]["name"].startswith("numeric"), r["engine"]
PY
"$permeq" check "$onnx" --engine numeric --format json -o "$tmp/t8.json" --quiet
"$permeq" check "$onnx" --engine numeric --tolerance 80 --format json -o "$tmp/t80.json" --quiet
"$permeq" check "$onnx" --engine numeric --unknown-band 1e12 --format json -o "$tmp/band.json" --quiet
python3 - "$tmp" <<'PY' || fail "--tolerance and --unknown-band change the numeric verdicts as documented"
import json, sys
d = sys.argv[1]
def nodes(name):
    return {n["node"]: n for n in json.load(open(f"{d}/{name}.json"))["nodes"]}
base, wide, band = nodes("t8"), nodes("t80"), nodes("band")
scaled = [n for n in base if base[n].get("numeric") and base[n]["numeric"]["tolerance"]]
assert scaled, "no node with a tolerance"
for n in scaled:
    a, b = base[n]["numeric"]["tolerance"], wide[n]["numeric"]["tolerance"]
    assert abs(b - 10 * a) <= 1e-9 * b, (n, a, b)
breaks = [n for n in base if base[n]["verdict"] == "breaks"]
assert breaks, "the learned positional table must break"
for n in breaks:   # a band of 1e12 tolerances: no difference is far enough to call a break
    assert band[n]["verdict"] == "unknown", (n, band[n]["verdict"], band[n]["note"])
print(f"ok: --tolerance 80 gives 10x the tolerance at {len(scaled)} nodes; --unknown-band 1e12 turns {len(breaks)} breaks into unknowns")
PY
expect_error "--unknown-band: must be a factor of at least 1" -- "$permeq" check "$onnx" --engine numeric --unknown-band 0.5

if [ "$failures" -ne 0 ]; then echo "$failures usability checks failed"; exit 1; fi
echo "all usability checks passed"
