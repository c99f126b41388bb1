// CI gate: policies, and the JUnit, SARIF, Markdown, DOT and explain renderings of a report.
#include <doctest/doctest.h>

#include "examples/example_graphs.hpp"

#include <nlohmann/json.hpp>
#include <tinyxml2.h>

using namespace permeq;

namespace {

const std::string policies = std::string(PERMEQ_SOURCE_DIR) + "/examples/policies/";

CheckReport checked(const Graph& graph, const std::optional<Policy>& policy) {
  CheckOptions options;
  if (policy) apply_policy(*policy, options);
  CheckReport report = check_forward(graph, options);
  if (policy) evaluate_policy(*policy, report);
  return report;
}

}  // namespace

TEST_CASE("a permitted positional Add passes the policy; the strict policy fails naming the node and witness") {
  const Graph g = examples::encoder_learned();
  const CheckReport permitted = checked(g, load_policy(policies + "permit_positional.yaml"));
  CHECK(permitted.exit_code() == exit_code::holds);
  CHECK(permitted.outputs[0].verdict == Verdict::Equivariant);
  CHECK(permitted.outputs[0].assumed == std::vector<std::string>{"add_learned_pe"});
  const auto culprit = std::find_if(permitted.nodes.begin(), permitted.nodes.end(), [](const NodeReport& n) { return n.verdict == Verdict::Breaks; });
  REQUIRE(culprit != permitted.nodes.end());
  CHECK(culprit->permitted == std::optional<std::string>("positional encoding, by design"));
  // After the permitted node the check goes on: nothing downstream inherits, everything is tested.
  CHECK(std::none_of(permitted.nodes.begin(), permitted.nodes.end(), [](const NodeReport& n) { return n.verdict == Verdict::Inherits; }));

  const CheckReport strict = checked(g, load_policy(policies + "strict.yaml"));
  CHECK(strict.exit_code() == exit_code::breaks);
  REQUIRE(strict.policy.has_value());
  REQUIRE(strict.policy->expectations.size() == 1);
  CHECK_FALSE(strict.policy->expectations[0].met);
  CHECK(strict.policy->expectations[0].explanation.find("culprit add_learned_pe (Add), witness at n = 2") != std::string::npos);
  CHECK(strict.policy->unpermitted_culprits == std::vector<std::string>{"add_learned_pe"});
}

TEST_CASE("a permitted break does not hide a second, unpermitted one") {
  GraphBuilder b("two_breaks");
  b.dim("seq", 4);
  auto x = b.learned_positions(b.input("x", {"seq", 8}), 8, 16);
  b.output(b.node1("CumSum", {x}, {{"axis", std::int64_t{0}}}, "running_sum"));
  const CheckReport report = checked(b.build(), load_policy(policies + "permit_positional.yaml"));
  CHECK(report.exit_code() == exit_code::breaks);
  CHECK(report.outputs[0].culprits == std::vector<std::string>{"running_sum"});
}

TEST_CASE("policy files with mistakes get errors with the line") {
  CHECK_THROWS_WITH_AS((void)parse_policy("expect:\n  - output: y\n    propery: invariant\n", "p.yaml"),
                       doctest::Contains("p.yaml:3:5: unknown key 'propery' in an expectation"), Error);
  CHECK_THROWS_WITH_AS((void)parse_policy("expect:\n  - property: sideways\n", "p.yaml"), doctest::Contains("p.yaml:2:15: property must be"), Error);
  CHECK_THROWS_WITH_AS((void)parse_policy("permit:\n  - node: x\n", "p.yaml"), doctest::Contains("p.yaml:2:5: a permitted break needs a reason"), Error);
  CHECK_THROWS_WITH_AS((void)parse_policy("expect: [\n", "p.yaml"), doctest::Contains("p.yaml:2:1"), Error);
  CHECK_THROWS_WITH_AS((void)parse_policy("engine:\n  trials: many\n", "p.yaml"), doctest::Contains("p.yaml:2:11: trials has the wrong type"), Error);
  CHECK_THROWS_WITH_AS((void)load_policy("/nonexistent/policy.yaml"), doctest::Contains("cannot open the policy file"), Error);
  const Policy empty = parse_policy("", "empty.yaml");
  CHECK(empty.expectations.empty());
}

TEST_CASE("an expectation that matches no output is unmet, never silently true") {
  const Policy policy = parse_policy("expect:\n  - output: logits\n    property: invariant\n");
  CheckReport report = check_forward(examples::deepsets());
  evaluate_policy(policy, report);
  CHECK(report.exit_code() == exit_code::inconclusive);
  CHECK(report.policy->expectations[0].explanation.find("no output") != std::string::npos);
}

TEST_CASE("JUnit output is well-formed XML with a test case per output and per culprit") {
  for (const bool permit : {false, true}) {
    CAPTURE(permit);
    const CheckReport report = checked(examples::encoder_learned(), load_policy(policies + (permit ? "permit_positional.yaml" : "strict.yaml")));
    const std::string xml = format_junit(report);
    tinyxml2::XMLDocument doc;
    REQUIRE(doc.Parse(xml.c_str()) == tinyxml2::XML_SUCCESS);
    const auto* suite = doc.FirstChildElement("testsuites")->FirstChildElement("testsuite");
    REQUIRE(suite != nullptr);
    CHECK(suite->IntAttribute("tests") == 2);
    CHECK(suite->IntAttribute("failures") == (permit ? 0 : 2));
    CHECK(suite->IntAttribute("skipped") == (permit ? 1 : 0));
    int cases = 0;
    for (const auto* t = suite->FirstChildElement("testcase"); t; t = t->NextSiblingElement("testcase")) {
      ++cases;
      CHECK(t->Attribute("name") != nullptr);
      CHECK(t->Attribute("classname") != nullptr);
    }
    CHECK(cases == 2);
  }
}

TEST_CASE("SARIF output has the fields SARIF 2.1.0 requires and points at the node") {
  const CheckReport report = checked(examples::encoder_learned(), load_policy(policies + "strict.yaml"));
  const auto sarif = nlohmann::json::parse(format_sarif(report, {"examples/graphs/encoder_learned_pe.json", {{"add_learned_pe", 7}}}));
  CHECK(sarif.at("version") == "2.1.0");
  CHECK(sarif.at("$schema").get<std::string>().find("sarif-2.1.0") != std::string::npos);
  const auto& run = sarif.at("runs").at(0);
  CHECK(run.at("tool").at("driver").at("name") == "permeq");
  std::set<std::string> rule_ids;
  for (const auto& rule : run.at("tool").at("driver").at("rules")) rule_ids.insert(rule.at("id").get<std::string>());
  bool found_culprit = false;
  for (const auto& result : run.at("results")) {
    CHECK(result.at("message").at("text").is_string());
    CHECK(rule_ids.count(result.at("ruleId").get<std::string>()) == 1);
    CHECK(std::set<std::string>{"error", "warning", "note", "none"}.count(result.at("level").get<std::string>()) == 1);
    for (const auto& location : result.at("locations")) CHECK(location.contains("logicalLocations"));
    if (result.at("ruleId") == "PEQ1000") {
      found_culprit = true;
      const auto& location = result.at("locations").at(0);
      CHECK(location.at("logicalLocations").at(0).at("name") == "add_learned_pe");
      CHECK(location.at("physicalLocation").at("region").at("startLine") == 7);
      CHECK(location.at("physicalLocation").at("artifactLocation").at("uri") == "examples/graphs/encoder_learned_pe.json");
    }
  }
  CHECK(found_culprit);
  const CheckReport permitted = checked(examples::encoder_learned(), load_policy(policies + "permit_positional.yaml"));
  const auto suppressed = nlohmann::json::parse(format_sarif(permitted));
  const auto& result = suppressed.at("runs").at(0).at("results").at(0);
  CHECK(result.at("level") == "note");
  CHECK(result.at("suppressions").at(0).at("justification") == "positional encoding, by design");
}

TEST_CASE("the Markdown summary renders the culprits table") {
  const std::string md = format_markdown(checked(examples::encoder_learned(), load_policy(policies + "strict.yaml")));
  CHECK(md.find("**breaks**") != std::string::npos);
  CHECK(md.find("| node | op | status | witness |") != std::string::npos);
  CHECK(md.find("| `add_learned_pe` | Add | **breaks** | n = 2, sigma = [1 0]") != std::string::npos);
  const std::string passing = format_markdown(checked(examples::deepsets(), std::nullopt));
  CHECK(passing.find("passes") != std::string::npos);
  CHECK(passing.find("No culprits.") != std::string::npos);
}

TEST_CASE("the DOT picture of the causal example marks the mask node red, inside its module cluster") {
  const Graph g = examples::gpt_causal();
  const std::string dot = format_dot(check_forward(g), g);
  const auto mask = dot.find("\"block0/attn/apply_causal_mask\" [label=");
  REQUIRE(mask != std::string::npos);
  const std::string line = dot.substr(mask, dot.find('\n', mask) - mask);
  CHECK(line.find("fillcolor=\"#d32f2f\"") != std::string::npos);
  CHECK(line.find("BREAKS") != std::string::npos);
  CHECK(line.find("witness n=2") != std::string::npos);
  CHECK(dot.find("label=\"block0/attn\"") != std::string::npos);
  CHECK(dot.find("\"block0/attn/softmax\" [label=\"block0/attn/softmax\\nSoftmax\\ninherits\", fillcolor=\"#ffe0b2\"") != std::string::npos);
}

TEST_CASE("the HTML report carries the report, the graph's edges and the path to the first culprit") {
  const Graph g = examples::gpt_causal();
  const CheckReport report = check_forward(g);
  const std::string page = format_html(report, g, {.command = "permeq check gpt_causal.json --format html"});
  const std::string open_tag = "<script id=\"permeq-data\" type=\"application/json\">";
  const auto begin = page.find(open_tag);
  REQUIRE(begin != std::string::npos);
  const auto end = page.find("</script>", begin);
  const auto data = nlohmann::json::parse(page.substr(begin + open_tag.size(), end - begin - open_tag.size()));
  CHECK(data["command"] == "permeq check gpt_causal.json --format html");
  CHECK(data["report"]["culprits"] == nlohmann::json::parse(format_json(report))["culprits"]);
  REQUIRE(data["graph"]["nodes"].size() == g.nodes.size());
  // Every edge points at an earlier node or a graph input, as the layout expects.
  for (const auto& node : data["graph"]["nodes"])
    for (const auto& pred : node["in"]) CHECK((pred.get<int>() >= 0 ? pred.get<int>() < static_cast<int>(g.nodes.size()) : -1 - pred.get<int>() < static_cast<int>(g.inputs.size())));
  const auto path = data["path"].get<std::vector<std::string>>();
  REQUIRE(path.size() >= 3);
  CHECK(path.front() == "x");
  CHECK(path.back() == "block0/attn/apply_causal_mask");
  CHECK(page.find("--breaks: #d32f2f") != std::string::npos);  // the DOT pictures' red
  CHECK_THROWS_AS((void)format_report(report, "html"), Error);  // the page needs the graph
}

TEST_CASE("a node name cannot end the HTML report's data element") {
  GraphBuilder b("tricky</script><script>alert(1)</script>");
  b.dim("seq", 3);
  const auto x = b.input("x", {"seq", 2});
  b.output(b.node1("Relu", {x}, {}, "</script><b>"));
  const Graph g = b.build();
  const std::string page = format_html(check_forward(g), g);
  CHECK(page.find("<b>") == std::string::npos);
  CHECK(page.find("alert(1)</script>") == std::string::npos);
  CHECK(page.find("<title>permeq: tricky&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("explain prints the action path, the obligation and the witness") {
  const Graph g = examples::gpt_causal();
  const CheckReport report = check_forward(g);
  const std::string text = format_explanation(report, g, "block0/attn/apply_causal_mask");
  CHECK(text.find("along x -> block0/norm1 -> block0/attn/q") != std::string::npos);
  CHECK(text.find("Add(sigma.block0/attn/scale, block0/attn/causal_mask) = sigma.Add(block0/attn/scale, block0/attn/causal_mask)") != std::string::npos);
  CHECK(text.find("Counterexample, exact, with n = 2 tokens") != std::string::npos);
  CHECK(text.find("this node is where the symmetry breaks") != std::string::npos);
  const std::string holds = format_explanation(report, g, "block0/attn/q");
  CHECK(holds.find("Proved (proof (lemma token-wise-linear)): for all n, all widths") != std::string::npos);
  CheckOptions exact_only;
  exact_only.engine = Engine::Exact;
  const std::string evidence = format_explanation(check_forward(g, exact_only), g, "block0/attn/q");
  CHECK(evidence.find("evidence, not a proof") != std::string::npos);
  CHECK_THROWS_WITH_AS((void)format_explanation(report, g, "nope"), doctest::Contains("no node 'nope' (its culprits: block0/attn/apply_causal_mask)"), Error);
}

TEST_CASE("a time budget that runs out leaves nodes unknown, never passed") {
  CheckOptions options;
  options.time_budget_seconds = 0.0;
  const CheckReport report = check_forward(examples::encoder_without_positions(), options);
  CHECK(report.outputs[0].verdict == Verdict::Unknown);
  CHECK(report.exit_code() == exit_code::inconclusive);
}

TEST_CASE("a permutation is written whole up to 32 entries, and past that by its ends and what it moves") {
  CHECK(describe(transposition(4)) == "[1 0 2 3]");
  CHECK(describe(n_cycle(32)).size() > 60);  // all 32 entries
  const auto swap = describe(transposition(200000));
  CHECK(swap == "[1 0 2 3 4 5 6 7 ... 199998 199999] (n = 200000, swapping tokens 0 and 1)");
  CHECK(describe(n_cycle(100000)) == "[1 2 3 4 5 6 7 8 ... 99999 0] (n = 100000, the n-cycle: position i reads token i + 1 mod n)");
  Permutation reversed(40);
  for (std::size_t i = 0; i < reversed.size(); ++i) reversed[i] = static_cast<std::int64_t>(reversed.size() - 1 - i);
  CHECK(describe(reversed) == "[39 38 37 36 35 34 33 32 ... 1 0] (n = 40, 40 tokens moved)");
}
