#!/usr/bin/env bash
# Benchmark: the HTML report of the BERT-base-shaped encoder (bench/make_bert_base_onnx.py: 12
# layers, d = 768, 12 heads, d_ff = 3072, ONNX as exported by PyTorch). Writes
# build/bench/bert_base.html with `permeq check --format html` (default engine: the architecture
# proved, the stored weights checked numerically beside it) and prints one JSON line: the page's
# size, the graph's node count, and the load time in headless Chromium (median of 3 fresh browsers:
# navigation start to the report's first drawing). Targets: under 5 MB and under 2 s.
# Exit 1 when a command fails or a target is missed.
#
# Usage: bench/html_report.sh [SEQ_LEN]   (default 16; the page's size does not depend on it)
# Installs what it needs from Debian if missing: python3-torch and python3-onnx (the export).
set -euo pipefail
cd "$(dirname "$0")/.."
seq_len=${1:-16}
out=build/bench

./scripts/setup.sh >/dev/null
./bench/install_missing.sh python3-torch python3-onnx
./scripts/build.sh >/dev/null
/usr/bin/python3 bench/make_bert_base_onnx.py "$out" >/dev/null

start=$(date +%s%N)
status=0
./build/permeq check "$out/bert_base.onnx" --seq-len "$seq_len" --quiet --format html -o "$out/bert_base.html" || status=$?
end=$(date +%s%N)
if [ "$status" -gt 2 ] || [ ! -s "$out/bert_base.html" ]; then echo "html_report: permeq check failed (exit $status)" >&2; exit 1; fi

python3 scripts/chromium_page.py load-time "$out/bert_base.html" --runs 3 >"$out/bert_base_html_load.json"
python3 - "$out/bert_base.html" "$out/bert_base_html_load.json" "$(( (end - start) / 1000000 ))" <<'PY'
import json, re, sys
page_path, load_path, check_ms = sys.argv[1:]
page = open(page_path).read()
data = json.loads(re.search(r'<script id="permeq-data" type="application/json">(.*?)</script>', page, re.S).group(1))
load = json.load(open(load_path))
result = {"nodes": len(data["graph"]["nodes"]), "bytes": load["bytes"], "megabytes": round(load["bytes"] / 2**20, 2),
          "check_seconds": round(int(check_ms) / 1000, 1), "rendered_ms": round(load["rendered_ms"]), "load_wall_seconds": load["wall_seconds"],
          "verdict": data["report"]["outputs"][0]["verdict"]}
print(json.dumps(result))
ok = result["megabytes"] < 5 and result["rendered_ms"] < 2000
print(("PASS" if ok else "FAIL") + f": {result['megabytes']} MB (target < 5), drawn in {result['rendered_ms']} ms (target < 2000)")
sys.exit(0 if ok else 1)
PY
