// Every bundled example: its verdict per output, its culprits, and witnesses that replay exactly.
#include <doctest/doctest.h>

#include "examples/example_graphs.hpp"

#include <fstream>
#include <map>
#include <sstream>

using namespace permeq;

namespace {

struct Expected {
  std::string file;
  Verdict output;
  std::vector<std::string> culprits;
  std::int64_t smallest_n = 2;  ///< size of the minimised witness
};

const std::vector<Expected>& expectations() {
  static const std::vector<Expected> list{
      {"encoder_nopos", Verdict::Equivariant, {}},
      {"encoder_sinusoidal_pe", Verdict::Breaks, {"add_sinusoidal_pe"}},
      {"encoder_learned_pe", Verdict::Breaks, {"add_learned_pe"}},
      {"gpt_causal", Verdict::Breaks, {"block0/attn/apply_causal_mask"}},
      {"mean_pool_classifier", Verdict::Invariant, {}},
      {"deepsets", Verdict::Invariant, {}},
      {"token0_classifier", Verdict::Breaks, {"token0_readout"}},
      {"cls_classifier", Verdict::Invariant, {}},
      {"bert_embedding", Verdict::Equivariant, {}},
      {"rope_attention", Verdict::Breaks, {"attn/rope_mul_cos", "attn/rope_mul_cos_1", "attn/rope_mul_sin", "attn/rope_mul_sin_1"}},
      {"alibi_attention", Verdict::Breaks, {"attn/add_alibi"}, 3},
      {"conv_over_tokens", Verdict::Breaks, {"conv"}},
  };
  return list;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("every example has an expectation") { CHECK(expectations().size() == examples::all_examples().size()); }

TEST_CASE("committed example graphs match the builder programs") {
  for (const auto& example : examples::all_examples()) {
    CAPTURE(example.file);
    CHECK(read_file(std::string(PERMEQ_SOURCE_DIR) + "/examples/graphs/" + example.file + ".json") == to_graph_json(example.make()));
  }
}

TEST_CASE("example verdicts, culprits and replayed witnesses") {
  for (const auto& expected : expectations()) {
    CAPTURE(expected.file);
    const Graph g = load_graph_json(std::string(PERMEQ_SOURCE_DIR) + "/examples/graphs/" + expected.file + ".json");
    const CheckReport report = check_forward(g);
    REQUIRE(report.outputs.size() == 1);
    CHECK(report.outputs[0].verdict == expected.output);
    auto culprits = report.culprits;
    std::sort(culprits.begin(), culprits.end());
    CHECK(culprits == expected.culprits);
    CHECK(report.exit_code() == (expected.output == Verdict::Breaks ? 1 : 0));
    for (const auto& node : report.nodes) {
      if (node.verdict != Verdict::Breaks) {
        CHECK_FALSE(node.witness.has_value());
        continue;
      }
      CAPTURE(node.node);
      REQUIRE(node.witness.has_value());
      CHECK(node.witness->tokens == expected.smallest_n);
      CHECK(node.witness->first_difference.permuted_then_applied != node.witness->first_difference.applied_then_permuted);
      CHECK(replay_witness(g, node.node, *node.witness));
    }
  }
}

TEST_CASE("a witness that was tampered with does not replay") {
  const Graph g = examples::encoder_learned();
  const CheckReport report = check_forward(g);
  const auto culprit = std::find_if(report.nodes.begin(), report.nodes.end(), [](const NodeReport& n) { return n.witness.has_value(); });
  REQUIRE(culprit != report.nodes.end());
  Witness forged = *culprit->witness;
  for (auto& v : forged.node_inputs[1].second.data) v = 0;  // an all-zero positional table is symmetric
  forged.graph_values.clear();
  CHECK_FALSE(replay_witness(g, culprit->node, forged));
  Witness inconsistent = *culprit->witness;
  inconsistent.node_inputs[0].second.data[0] += 1;  // no longer what the graph computes from the draws
  CHECK_FALSE(replay_witness(g, culprit->node, inconsistent));
}

TEST_CASE("the exact engine alone states its scope and never says proved") {
  CheckOptions exact_only;
  exact_only.engine = Engine::Exact;
  const CheckReport report = check_forward(examples::encoder_without_positions(), exact_only);
  CHECK(report.scope.find("Evidence, not proof") != std::string::npos);
  CHECK_FALSE(report.outputs[0].proved);
  const std::string text = format_text(report);
  CHECK(text.find("proved") == std::string::npos);
  const std::string json = format_json(report);
  CHECK(json.find("\"verdict\": \"equivariant\"") != std::string::npos);
}

TEST_CASE("the prover proves every equivariant and invariant example for the whole graph, with its scope") {
  const std::map<std::string, bool> size_generic{{"encoder_nopos", true}, {"mean_pool_classifier", true}, {"deepsets", true},
                                                 {"bert_embedding", true}, {"cls_classifier", false}};
  const auto all = examples::all_examples();
  for (const auto& [name, generic] : size_generic) {
    CAPTURE(name);
    const auto example = std::find_if(all.begin(), all.end(), [&](const auto& e) { return e.file == name; });
    REQUIRE(example != all.end());
    const CheckReport report = check_forward(example->make());
    REQUIRE(report.outputs.size() == 1);
    CHECK(report.outputs[0].proved);
    CHECK(report.outputs[0].proof_scope.find(generic ? "for all n, all widths" : "proved at n = 4") != std::string::npos);
    for (const auto& node : report.nodes) {
      CAPTURE(node.node);
      CHECK(node.proved);
    }
    CheckOptions proof_only;
    proof_only.engine = Engine::Proof;
    CHECK(check_forward(example->make(), proof_only).exit_code() == exit_code::holds);
  }
}

TEST_CASE("a breaking example is not proved, and its culprit keeps a replayed witness") {
  const Graph g = examples::gpt_causal();
  const CheckReport report = check_forward(g);
  CHECK(report.outputs[0].verdict == Verdict::Breaks);
  CHECK_FALSE(report.outputs[0].proved);
}

TEST_CASE("without the exact engine the prover finds the culprit and replays its witness at the node") {
  CheckOptions options;
  options.max_exact_values = 0;  // as for a graph too large for exact evaluation
  const Graph g = examples::gpt_causal();
  const CheckReport report = check_forward(g, options);
  REQUIRE(report.culprits == std::vector<std::string>{"block0/attn/apply_causal_mask"});
  const auto culprit = std::find_if(report.nodes.begin(), report.nodes.end(), [](const NodeReport& n) { return n.verdict == Verdict::Breaks; });
  REQUIRE(culprit != report.nodes.end());
  CHECK(culprit->node == "block0/attn/apply_causal_mask");
  CHECK(culprit->method == Method::CounterexampleReplayed);
  REQUIRE(culprit->witness.has_value());
  CHECK(replay_witness(g, culprit->node, *culprit->witness));
  // The graph-level effect is not evaluated exactly; auto falls back to the numeric engine, whose
  // break far above rounding decides the output.
  CHECK(report.outputs[0].verdict == Verdict::Breaks);
  CHECK(report.outputs[0].culprits == std::vector<std::string>{"block0/attn/apply_causal_mask"});
  REQUIRE(report.instance);
  CHECK(report.instance->weights == "random");
  CHECK(report.instance->culprits == std::vector<std::string>{"block0/attn/apply_causal_mask"});
  // Proofs alone leave the output unknown.
  options.engine = Engine::Proof;
  const CheckReport proof_only = check_forward(g, options);
  CHECK(proof_only.outputs[0].verdict == Verdict::Unknown);
  CHECK(proof_only.outputs[0].culprits == std::vector<std::string>{"block0/attn/apply_causal_mask"});
  CHECK_FALSE(proof_only.instance);
  options.engine = Engine::Auto;
  const CheckReport proved = check_forward(examples::encoder_without_positions(), options);
  CHECK(proved.outputs[0].verdict == Verdict::Equivariant);
  CHECK(proved.outputs[0].proved);
}

TEST_CASE("the moved passes beside the per-node tests give the output the same difference as passes of their own") {
  // With refuted nodes known (check_forward above the exact limit), the numeric instance runs the
  // moved inputs' passes beside its per-node tests; the numeric engine alone runs them after the
  // break. Same weights, same kernels: the same output difference, to the printed digit.
  CheckOptions options;
  options.max_exact_values = 0;
  const Graph g = examples::gpt_causal();
  const CheckReport beside = check_forward(g, options);
  REQUIRE(beside.instance);
  options.engine = Engine::Numeric;
  const CheckReport after = check_forward(g, options);
  REQUIRE(after.outputs.size() == beside.instance->outputs.size());
  CHECK(after.outputs[0].verdict == Verdict::Breaks);
  CHECK(after.outputs[0].note.find("differs from every candidate claim by at least") != std::string::npos);
  CHECK(after.outputs[0].note == beside.instance->outputs[0].note);
}
