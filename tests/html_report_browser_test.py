#!/usr/bin/python3
"""The HTML report in a real browser: headless Chromium opens the report of the causal example
offline, the test clicks the mask node (the culprit) and checks the witness panel against the JSON
report's witness, takes a screenshot, and checks that no page logged an error or asked for anything
but its own file. Then the reports with backward and intra-token sections render without errors.

Usage: html_report_browser_test.py PERMEQ SOURCE_DIR OUTPUT_DIR
Exit 77 (skipped, with a message) only when Chromium is not installed.
"""
import json
import os
import subprocess
import sys
import tempfile

permeq, source_dir, output_dir = sys.argv[1:4]
sys.path.insert(0, os.path.join(source_dir, "scripts"))
import chromium_page  # noqa: E402

if not os.access(chromium_page.CHROMIUM, os.X_OK):
    print(f"SKIPPED: {chromium_page.CHROMIUM} is not installed, so the HTML report cannot be tested in a browser "
          "(scripts/setup.sh installs Debian's chromium)")
    sys.exit(77)

failures = []


def check(condition, message):
    print(("ok: " if condition else "FAIL: ") + message)
    if not condition:
        failures.append(message)


def run_permeq(args, expected_exit):
    result = subprocess.run([permeq, *args], capture_output=True, text=True)
    if result.returncode != expected_exit:
        sys.exit(f"FAIL: permeq {' '.join(args)} exited {result.returncode}, expected {expected_exit}:\n{result.stderr}")


def page_is_clean(browser, name):
    errors = browser.console_errors()
    check(not errors, f"{name}: no console errors" + (f" (got {errors})" if errors else ""))
    foreign = [u for u in browser.requests() if not u.startswith(("file://", "data:"))]
    check(not foreign, f"{name}: the page asks for nothing but its own file" + (f" (got {foreign})" if foreign else ""))


graphs = os.path.join(source_dir, "examples", "graphs")
os.makedirs(output_dir, exist_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    html = os.path.join(tmp, "causal.html")
    report_json = os.path.join(tmp, "causal.json")
    run_permeq(["check", os.path.join(graphs, "gpt_causal.json"), "--format", "html", "-o", html], 1)
    run_permeq(["check", os.path.join(graphs, "gpt_causal.json"), "--format", "json", "-o", report_json], 1)
    with open(report_json) as f:
        report = json.load(f)
    mask = "block0/attn/apply_causal_mask"
    witness = next(n for n in report["nodes"] if n["node"] == mask)["witness"]
    difference = witness["first_difference"]

    with chromium_page.Chromium() as browser:
        browser.open(html)
        summary = browser.evaluate("document.querySelector('.summary').innerText")
        check("some output breaks" in summary, "the summary states that an output breaks")
        check("permeq check" in summary and "gpt_causal.json --format html -o" in summary, "the summary shows the command that produced the report")
        check(browser.evaluate("document.querySelector('[data-node=\"%s\"]').classList.contains('v-breaks')" % mask),
              "the mask node is drawn as a culprit")
        check(browser.evaluate("document.querySelector('[data-node=\"%s\"]').classList.contains('on-path')" % mask),
              "the mask node ends the highlighted path from the input")
        check(browser.evaluate("document.querySelectorAll('.edge.on-path').length") >= 3, "the path's edges are highlighted")
        check(browser.evaluate("document.querySelector('[data-node=\"block0/attn/softmax\"]').classList.contains('v-inherits')"),
              "the softmax after the mask is shaded as inheriting")
        check(browser.evaluate("document.querySelector('[data-cluster=\"block0/attn\"]') !== null"), "the attention module is drawn as a cluster")

        browser.click('[data-node="%s"]' % mask)
        panel = browser.evaluate("document.getElementById('panel').innerText")
        check(mask in panel and "Add" in panel and "BREAKS" in panel, "the panel names the clicked culprit, its operator and verdict")
        check(f"n = {witness['tokens']} tokens" in panel and f"\u03c3 = [{', '.join(map(str, witness['permutation']))}]" in panel,
              "the panel shows the witness's size and permutation")
        sentence = (f"{difference['value']}[{','.join(map(str, difference['index']))}]: f(\u03c3x) = {difference['permuted_then_applied']}"
                    f" but \u03c3f(x) = {difference['applied_then_permuted']}")
        check(sentence in panel, f"the panel states the first difference: {sentence}")
        marked = browser.evaluate("[...document.querySelectorAll('#panel td.first')].map(td => td.textContent)")
        check(marked == [difference["permuted_then_applied"], difference["applied_then_permuted"]],
              f"the differing entry is highlighted in both tables (got {marked})")
        differing = browser.evaluate("document.querySelectorAll('#panel td.diff, #panel td.first').length")
        check(differing >= 2, f"entries that differ are marked ({differing})")
        for action in [i["action"] for i in next(n for n in report["nodes"] if n["node"] == mask)["inputs"]]:
            check(action in panel, f"the panel shows the claimed input action '{action}'")
        # The screenshot shows the witness tables: the panel scrolls to them, the page stays.
        browser.evaluate("(() => { const p = document.getElementById('panel'), w = p.querySelector('.witness');"
                         " p.scrollTop += w.getBoundingClientRect().top - p.getBoundingClientRect().top; })()")
        screenshot = os.path.join(output_dir, "html_report_gpt_causal.png")
        browser.screenshot(screenshot)
        with open(screenshot, "rb") as f:
            png = f.read()
        check(png.startswith(b"\x89PNG") and len(png) > 20000, f"screenshot written: {screenshot} ({len(png)} bytes)")

        # An inheriting node links back to its culprit.
        browser.click('[data-node="block0/attn/softmax"]')
        panel = browser.evaluate("document.getElementById('panel').innerText")
        check("inherits from" in panel and mask in panel, "an inheriting node's panel names the culprit it inherits from")

        # Folding: every module folds into a box; clicking the box unfolds it.
        browser.evaluate("[...document.querySelectorAll('.toolbar button')].find(b => b.textContent === 'fold all').click()")
        check(browser.evaluate("document.querySelector('[data-node=\"%s\"]') === null && document.querySelectorAll('[data-folded]').length > 0" % mask),
              "fold all replaces the modules by boxes")
        check(browser.evaluate("document.querySelector('[data-folded=\"block0\"]').classList.contains('v-breaks')"),
              "the folded block holding the culprit is red")
        browser.click('[data-folded="block0"]')
        check(browser.evaluate("document.querySelector('[data-folded=\"block0/attn\"]') !== null"), "clicking a folded block unfolds one level")
        page_is_clean(browser, "causal report")

        # The other sections: backward and intra-token reports beside the forward one.
        both = os.path.join(tmp, "all.html")
        run_permeq(["check", os.path.join(graphs, "encoder_nopos.json"), "--property", "all", "--direction", "both", "--format", "html", "-o", both], 0)
        browser.events.clear()
        browser.open(both)
        sections = browser.evaluate("[...document.querySelectorAll('section.backward h2, section.intra h2')].map(h => h.textContent)")
        check(len(sections) >= 2, f"backward and intra-token sections are shown ({sections})")
        views = browser.evaluate("[...document.querySelectorAll('#view option')].map(o => o.textContent)")
        check(any("intra" in v for v in views), f"the graph can be coloured by the intra-token check ({views})")
        browser.evaluate("(() => { const s = document.getElementById('view'); s.value = 'intra'; s.dispatchEvent(new Event('change')); })()")
        browser.click('[data-node="%s"]' % json.load(open(os.path.join(graphs, "encoder_nopos.json")))["nodes"][1]["name"])
        panel = browser.evaluate("document.getElementById('panel').innerText")
        check("feature permutations" in panel and "In the other checks" in panel, "a node's panel in the intra view shows the token-permutation verdict beside")
        browser.screenshot(os.path.join(output_dir, "html_report_encoder_nopos_all.png"))
        page_is_clean(browser, "backward and intra report")

        backward = os.path.join(tmp, "backward.html")
        run_permeq(["check", os.path.join(graphs, "encoder_learned_pe.json"), "--direction", "backward", "--format", "html", "-o", backward], 1)
        browser.events.clear()
        browser.open(backward)
        check(browser.evaluate("document.querySelector('[data-node=\"add_learned_pe\"]').classList.contains('v-breaks')"),
              "a backward-only report colours the forward node whose derivative rule breaks")
        browser.click('[data-node="add_learned_pe"]')
        check("derivative rule" in browser.evaluate("document.getElementById('panel').innerText"), "its panel lists the rule's gradient nodes")
        browser.screenshot(os.path.join(output_dir, "html_report_encoder_learned_pe_backward.png"))
        page_is_clean(browser, "backward report")

print(f"{len(failures)} failed" if failures else "all browser checks passed")
sys.exit(1 if failures else 0)
