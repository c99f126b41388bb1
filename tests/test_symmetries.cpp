// Tran et al.'s per-head maps proved (prove_block_map): one head's within-head permutation and
// per-head invertible maps leave the encoder's outputs unchanged for every input and weight, while
// maps that are not symmetries (one side of the contraction only, the wrong side, or a graph that
// mixes the heads' queries before the scores) are never proved.
#include <doctest/doctest.h>

#include "examples/example_graphs.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace permeq;

namespace {

Graph example(const std::string& name) {
  for (const auto& e : examples::all_examples())
    if (e.file == name) return e.make();
  FAIL("no example " << name);
  return {};
}

InstantiatedGraph encoder(std::int64_t tokens) { return instantiate(example("encoder_nopos"), {{"seq", tokens}}); }

/// Layer 0's query/key and value/output blocks of head `head` (width 4): primal members first.
std::vector<BlockAxis> query_key(std::int64_t head, bool with_key = true, bool key_contragredient = true) {
  std::vector<BlockAxis> axes{{"layer0/attn/q/weight", 1, head * 4, false}, {"layer0/attn/q/bias", 0, head * 4, false}};
  if (with_key) {
    axes.push_back({"layer0/attn/k/weight", 1, head * 4, key_contragredient});
    axes.push_back({"layer0/attn/k/bias", 0, head * 4, key_contragredient});
  }
  return axes;
}
std::vector<BlockAxis> value_output(std::int64_t head) {
  return {{"layer0/attn/v/weight", 1, head * 4, false}, {"layer0/attn/v/bias", 0, head * 4, false}, {"layer0/attn/out/weight", 0, head * 4, true}};
}

BlockMap permutation(Permutation sigma) { return {BlockMap::Kind::Permutation, 4, std::move(sigma)}; }
BlockMap transvection() { return {BlockMap::Kind::Transvection, 4, {}, 2, 3, 0}; }
BlockMap scaling() { return {BlockMap::Kind::Scaling, 4, {}, 0, 1, 1}; }

}  // namespace

TEST_CASE("prove_block_map: one head's permutation and elementary maps of the encoder are proved; one-sided and wrong-sided maps are not") {
  const auto g = encoder(3);
  for (const std::int64_t head : {0, 1}) {
    CAPTURE(head);
    for (const auto& map : {permutation({1, 0, 2, 3}), permutation({1, 2, 3, 0}), transvection(), scaling()}) {
      const auto qk = prove_block_map(g, query_key(head), map);
      CHECK(qk.status == ProofStatus::Proved);
      CHECK(qk.scope.find("every real value of the inputs and weights") != std::string::npos);
      const auto vo = prove_block_map(g, value_output(head), map);
      CHECK(vo.status == ProofStatus::Proved);
    }
  }
  // The query's columns alone: the scores change, and so do the outputs.
  const auto query_only = prove_block_map(g, query_key(0, false), permutation({1, 0, 2, 3}));
  CHECK(query_only.status == ProofStatus::Unknown);
  CHECK(query_only.reason.find("output 'layer1/norm2'") != std::string::npos);
  // Both sides multiplied by M rather than M and M^-T: Q M M^T K^T is not Q K^T.
  for (const auto& map : {transvection(), scaling()}) {
    const auto same_side = prove_block_map(g, query_key(1, true, false), map);
    CHECK(same_side.status == ProofStatus::Unknown);
    CHECK_FALSE(same_side.reason.empty());
  }
  // The value's columns moved without the output projection's rows.
  auto values_only = value_output(0);
  values_only.pop_back();
  CHECK(prove_block_map(g, values_only, scaling()).status == ProofStatus::Unknown);
}

TEST_CASE("permeq symmetries on the encoder: every per-head generator proved, with its scope; the group is S_dh wr S_h and GL(d_h) per head") {
  const SymmetryReport report = find_symmetries(example("encoder_nopos"));
  REQUIRE(report.per_head.size() == 4);
  for (const auto& p : report.per_head) {
    CHECK(p.proved);
    CHECK(p.holds);
    REQUIRE(p.generators.size() == 4);  // per head: its transposition and its cycle
    for (const auto& gen : p.generators) {
      CAPTURE(gen.proof.reason);
      CHECK(gen.proof.proved);
      CHECK(gen.proof.scope.find("n = ") == 0);
      CHECK(gen.proof.method.find("changed cone") != std::string::npos);
    }
  }
  REQUIRE(report.general_linear.size() == 4);
  for (const auto& g : report.general_linear) {
    CHECK(g.proved);
    REQUIRE(g.generators.size() == 4);  // per head: one transvection and one scaling
    for (const auto& gen : g.generators) {
      CAPTURE(gen.proof.reason);
      CHECK(gen.proof.proved);
      CHECK(gen.proof.scope.find("every real c") != std::string::npos);
    }
  }
  CHECK(report.exit_code() == exit_code::holds);
  const auto json = nlohmann::json::parse(format_symmetries_json(report));
  CHECK(json["per_head"][0]["proved"] == true);
  CHECK(json["per_head"][0]["generators"][3]["proof"]["proved"] == true);
  CHECK(json["general_linear"][1]["generators"][0]["name"] == "transvection I + c E_01");
  CHECK(json["group"]["gl_dimension"] == 4 * 2 * 4 * 4);
  const auto text = format_symmetries_text(report);
  CHECK(text.find("head 1 cycle [1 2 3 0]: proved (") != std::string::npos);
  CHECK(text.find("verified on draws only") == std::string::npos);
}

TEST_CASE("queries mixed across heads before the scores: the same permutation in every head is proved, one head's own is not") {
  const Graph graph = load_graph_json(std::string(PERMEQ_SOURCE_DIR) + "/tests/fixtures/symmetries/head_mixing_attention.json");
  const SymmetryReport report = find_symmetries(graph);
  const auto within_q = std::find_if(report.symmetries.begin(), report.symmetries.end(), [](const WeightSymmetry& s) {
    return s.kind == SymmetryKind::WithinHeads && s.permuted.front().input == "layer0/attn/q/weight";
  });
  REQUIRE(within_q != report.symmetries.end());
  CHECK(within_q->proved);  // the sum over heads commutes with one permutation applied in both heads
  auto per_head_of = [&](const std::string& weight) {
    const auto it = std::find_if(report.per_head.begin(), report.per_head.end(), [&](const PerHeadCheck& p) { return p.members.front().input == weight; });
    REQUIRE(it != report.per_head.end());
    return *it;
  };
  const PerHeadCheck queries = per_head_of("layer0/attn/q/weight");
  CHECK_FALSE(queries.proved);
  CHECK_FALSE(queries.holds);  // and an exact draw shows the outputs change
  for (const auto& gen : queries.generators) {
    CAPTURE(gen.head);
    CHECK_FALSE(gen.proof.proved);
    CHECK_FALSE(gen.holds);
    CHECK(gen.proof.reason.find("output 'residual'") != std::string::npos);
  }
  const auto gl_queries = std::find_if(report.general_linear.begin(), report.general_linear.end(),
                                       [](const GeneralLinearCheck& g) { return g.members.front().input == "layer0/attn/q/weight"; });
  REQUIRE(gl_queries != report.general_linear.end());
  CHECK_FALSE(gl_queries->proved);
  // The values and the output projection are not mixed: their per-head maps are proved.
  CHECK(per_head_of("layer0/attn/v/weight").proved);
  CHECK(report.exit_code() == exit_code::inconclusive);
  const auto text = format_symmetries_text(report);
  CHECK(text.find("S_4 (the same in every head) [within heads of layer0/attn/q/weight]") != std::string::npos);
  CHECK(text.find("S_4^2 (each head its own) [within heads of layer0/attn/v/weight]") != std::string::npos);
}
