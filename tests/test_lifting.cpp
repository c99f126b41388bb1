// Checks at token counts too large for exact evaluation: culprits found at a small n and lifted to
// the requested n (literally, or by restriction to the first tokens), holding nodes keeping their
// size-generic proofs, and output verdicts decided by a streamed, seeded numeric run.

#include <doctest/doctest.h>

#include "permeq/check/checker.hpp"
#include "permeq/import/model_file.hpp"
#include "permeq/ir/builder.hpp"
#include "permeq/ir/json_format.hpp"

#include <algorithm>
#include <chrono>
#include <string>

using namespace permeq;

namespace {

Graph gpt_causal() { return load_graph_json(PERMEQ_SOURCE_DIR "/examples/graphs/gpt_causal.json"); }

const NodeReport& row(const CheckReport& report, const std::string& node) {
  const auto it = std::find_if(report.nodes.begin(), report.nodes.end(), [&](const NodeReport& r) { return r.node == node; });
  REQUIRE(it != report.nodes.end());
  return *it;
}

CheckReport check_at(const Graph& graph, std::int64_t n, Engine engine = Engine::Proof) {
  CheckOptions options;
  options.tokens = n;
  options.engine = engine;
  return check_forward(graph, options);
}

constexpr const char* mask_node = "block0/attn/apply_causal_mask";

}  // namespace

TEST_CASE("gpt_causal at n = 512: the mask's witness from n = 2 is extended and replayed exactly at n = 512") {
  const Graph graph = gpt_causal();
  const auto report = check_at(graph, 512);
  REQUIRE(report.exact_skipped);
  const auto& mask = row(report, mask_node);
  CHECK(mask.verdict == Verdict::Breaks);
  CHECK(mask.method == Method::WitnessLiftedExact);
  CHECK(mask.break_sizes == std::vector<std::int64_t>{2, 512});
  CHECK_FALSE(mask.proved);
  REQUIRE(mask.witness);
  CHECK(mask.witness->tokens == 2);
  REQUIRE(mask.lifted_difference);
  CHECK(mask.lifted_difference->permuted_then_applied != mask.lifted_difference->applied_then_permuted);
  // The record replays: at its own n, and carried to 512 by the public API.
  CHECK(replay_witness(graph, mask_node, *mask.witness));
  CHECK(replay_lifted_witness(graph, mask_node, *mask.witness, 512));
  CHECK(std::find(report.culprits.begin(), report.culprits.end(), mask_node) != report.culprits.end());
  // Downstream nodes keep their size-generic proofs, and inherit the break.
  const auto& softmax = row(report, "block0/attn/softmax");
  CHECK(softmax.verdict == Verdict::Inherits);
  CHECK(softmax.proved);
  CHECK(softmax.size_generic);
  CHECK(softmax.inherited_from == std::vector<std::string>{mask_node});
  const auto& scores = row(report, "block0/attn/scores");
  CHECK(scores.verdict == Verdict::Equivariant);
  CHECK(scores.size_generic);
  // Nothing not proved at 512 is called proved there: the output is not decided by the prover.
  REQUIRE(report.outputs.size() == 1);
  CHECK_FALSE(report.outputs[0].proved);
  CHECK(report.outputs[0].verdict == Verdict::Unknown);
  CHECK(report.outputs[0].culprits == std::vector<std::string>{mask_node});
}

TEST_CASE("gpt_causal at n = 100000: the witness is lifted by restriction, without n x n tensors") {
  const Graph graph = gpt_causal();
  const auto started = std::chrono::steady_clock::now();
  const auto report = check_at(graph, 100000);
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() < 60.0);
  const auto& mask = row(report, mask_node);
  CHECK(mask.verdict == Verdict::Breaks);
  CHECK(mask.method == Method::WitnessLiftedRestriction);
  CHECK(mask.break_sizes == std::vector<std::int64_t>{2, 100000});
  CHECK(mask.break_scope.find("prefix-local") != std::string::npos);
  REQUIRE(mask.witness);
  CHECK(replay_lifted_witness(graph, mask_node, *mask.witness, 100000));
  CHECK(row(report, "final_norm").verdict == Verdict::Inherits);
  CHECK(row(report, "final_norm").size_generic);
  CHECK_FALSE(report.outputs[0].proved);
  CHECK(report.outputs[0].verdict != Verdict::Equivariant);
}

TEST_CASE("a witness does not carry by restriction through a fixed input that depends on n") {
  // softmax(positions / 1000) over the tokens: its first entries change with n, so a break at
  // n = 2 says nothing by restriction about n = 600; only a literal replay at 600 decides there.
  GraphBuilder b("softmax_positions");
  b.dim("seq", 4);
  const auto x = b.input("x", {16, "seq"}, DType::Float, 1);
  const auto positions = b.node1("Range", {}, {{"limit", std::vector<Dim>{std::string("seq")}}, {"dtype", std::string("float")}});
  const auto weights = b.node1("Softmax", {b.scale(positions, 0.001)}, {{"axis", std::int64_t{0}}});
  const auto added = b.node1("Add", {x, weights}, {}, "add_weights");
  b.output(b.node1("Add", {b.node1("Mul", {added, added}), x}));
  const Graph graph = b.build();

  CheckOptions options;
  options.engine = Engine::Proof;
  options.tokens = 600;             // 9600 symbolic values: too many for a bounded proof
  options.max_exact_values = 1000;  // exact evaluation skipped, and the node too large to replay literally
  const auto report = check_forward(graph, options);
  REQUIRE(report.exact_skipped);
  const auto& add = row(report, "add_weights");
  CHECK(add.verdict == Verdict::Unknown);
  CHECK(add.note.find("not prefix-local") != std::string::npos);
  CHECK(add.break_sizes.empty());
  CHECK(report.culprits.empty());

  // With room to replay it literally, the witness from n = 2 breaks the node at n = 600 exactly.
  options.max_exact_values = 30000;
  const auto literal = check_forward(graph, options);
  REQUIRE(literal.exact_skipped);
  const auto& lifted = row(literal, "add_weights");
  CHECK(lifted.verdict == Verdict::Breaks);
  CHECK(lifted.method == Method::WitnessLiftedExact);
  CHECK(lifted.break_sizes == std::vector<std::int64_t>{2, 600});
  REQUIRE(lifted.witness);
  CHECK(replay_lifted_witness(graph, "add_weights", *lifted.witness, 600));
  CHECK(literal.nodes.back().verdict == Verdict::Inherits);
}

TEST_CASE("above the exact limit, a streamed seeded float run decides that a causal encoder's break reaches the output") {
  GraphBuilder b("deep_causal");
  b.dim("seq", 64);  // scores of 4 x 64 x 64 values: too many for a bounded proof
  auto x = b.input("x", {"seq", 32});
  EncoderConfig c;
  c.d_model = 32;
  c.heads = 4;
  c.d_ff = 64;
  c.causal = true;
  c.norm = NormPlacement::Pre;
  for (int layer = 0; layer < 6; ++layer) x = b.encoder_layer(x, c, "layer" + std::to_string(layer));
  b.output(x);
  const Graph graph = b.build();

  std::int64_t total_values = 0;
  for (const auto& [name, type] : instantiate(graph).types) total_values += element_count(type.shape);
  CheckOptions options;
  options.max_exact_values = 1000;  // as if the model were too large for exact evaluation
  // Half the graph's values: the engine streams, holding about one layer's values at a time.
  options.max_numeric_values = total_values / 2;
  const auto report = check_forward(graph, options);
  REQUIRE(report.exact_skipped);
  std::size_t lifted = 0;
  for (const auto& r : report.nodes)
    if (r.verdict == Verdict::Breaks && r.break_sizes.size() == 2) ++lifted;
  CHECK(lifted == 6);
  REQUIRE(report.outputs.size() == 1);
  const auto& out = report.outputs[0];
  CHECK(out.verdict == Verdict::Breaks);
  CHECK_FALSE(out.proved);
  CHECK(out.note.find("weights drawn at random") != std::string::npos);
  CHECK(out.note.find("seed 20240617") != std::string::npos);
  CHECK(out.note.find("above the threshold") != std::string::npos);
  REQUIRE(report.instance);
  CHECK(report.instance->seed == options.seed);
  CHECK(report.exit_code() == 1);

  // The numeric run is replayable: the same seed gives the same verdict and difference.
  const auto again = check_forward(graph, options);
  CHECK(again.outputs[0].note == out.note);
}

TEST_CASE("gpt_causal at n = 100000: the break reaches the output's first token positions, each value cut to what its readers need") {
  const Graph graph = gpt_causal();
  const auto started = std::chrono::steady_clock::now();
  const auto report = check_at(graph, 100000, Engine::Auto);
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() < 60.0);
  CHECK(row(report, mask_node).verdict == Verdict::Breaks);
  REQUIRE(report.outputs.size() == 1);
  const auto& out = report.outputs[0];
  CHECK(out.verdict == Verdict::Breaks);
  CHECK_FALSE(out.proved);
  CHECK(out.culprits == std::vector<std::string>{mask_node});
  CHECK(out.note.find("first 2 token positions at n = 100000") != std::string::npos);
  CHECK(out.note.find("seed 20240617") != std::string::npos);
  CHECK(out.note.find("above the threshold") != std::string::npos);
  CHECK(report.exit_code() == 1);
  CHECK(report.scope.find("first 2 token positions") != std::string::npos);
  // Replayable: the same seed gives the same difference.
  CHECK(check_at(graph, 100000, Engine::Auto).outputs[0].note == out.note);
}

namespace {

/// y = (x + table) - table at n tokens, with a learned table per position: the Add breaks, the
/// output is x again. `pooled`: the output is a sum over the tokens instead.
Graph table_added_and_removed(bool pooled) {
  GraphBuilder b(pooled ? "table_pooled" : "table_removed");
  b.dim("seq", 4);
  const auto x = b.input("x", {"seq", 4});
  const auto table = b.weight("table", {"seq", 4});
  const auto added = b.node1("Add", {x, table}, {}, "add_table");
  const auto removed = b.node1("Sub", {added, table}, {}, "remove_table");
  b.output(pooled ? b.sum_pool(removed) : removed);
  return b.build();
}

CheckOptions huge_n_options() {
  CheckOptions options;
  options.tokens = 200000;
  // The whole passes hold 4000000 values at once; the cut evaluation holds the input and the table
  // whole (800000 values each) and the rest at 2 tokens.
  options.max_numeric_values = 2500000;
  return options;
}

}  // namespace

TEST_CASE("on the first token positions, agreement decides nothing: a break undone downstream leaves the output unknown") {
  const Graph graph = table_added_and_removed(false);
  const auto report = check_forward(graph, huge_n_options());
  REQUIRE(report.exact_skipped);
  CHECK(row(report, "add_table").verdict == Verdict::Breaks);
  REQUIRE(report.outputs.size() == 1);
  CHECK(report.outputs[0].verdict == Verdict::Unknown);
  CHECK(report.exit_code() == 2);
  CHECK(report.scope.find("first 2 token positions") != std::string::npos);
}

TEST_CASE("a position table's break shows on the output's first token positions; an invariant output cannot be cut") {
  GraphBuilder b("learned_positions");
  b.dim("seq", 4);
  const auto x = b.input("x", {"seq", 4});
  b.output(b.linear(b.node1("Add", {x, b.weight("table", {"seq", 4})}, {}, "add_table"), 4, 4, "proj"));
  const auto report = check_forward(b.build(), huge_n_options());
  REQUIRE(report.outputs.size() == 1);
  CHECK(report.outputs[0].verdict == Verdict::Breaks);
  CHECK(report.outputs[0].note.find("first 2 token positions at n = 200000") != std::string::npos);

  // A sum over the tokens reads every position: nothing to cut, the output stays unknown and the
  // report says why.
  const auto pooled = check_forward(table_added_and_removed(true), huge_n_options());
  REQUIRE(pooled.outputs.size() == 1);
  CHECK(pooled.outputs[0].verdict == Verdict::Unknown);
  CHECK(std::any_of(pooled.warnings.begin(), pooled.warnings.end(), [](const std::string& w) { return w.find("has no token axis") != std::string::npos; }));
}

TEST_CASE("cut to the first token positions, the evaluation gives the whole pass's difference on them (gpt_causal at n = 512)") {
  const Graph graph = gpt_causal();
  CheckOptions options;
  options.tokens = 512;
  options.engine = Engine::Numeric;  // the numeric engine alone: its whole passes
  const auto whole = check_forward(graph, options);
  options.engine = Engine::Auto;  // the cut evaluation goes first: 1/10 of the whole passes or less
  const auto cut = check_forward(graph, options);
  REQUIRE(whole.outputs.size() == 1);
  REQUIRE(cut.outputs.size() == 1);
  CHECK(whole.outputs[0].verdict == Verdict::Breaks);
  CHECK(cut.outputs[0].verdict == Verdict::Breaks);
  CHECK(whole.outputs[0].note.find("first 2 token positions") == std::string::npos);
  CHECK(cut.outputs[0].note.find("first 2 token positions at n = 512") != std::string::npos);
  // The causal model's difference under (0 1) lies on the first two tokens: the same number.
  const auto difference = [](const std::string& note) {
    const auto at = note.find("by at least ");
    REQUIRE(at != std::string::npos);
    return note.substr(at, note.find(',', at) - at);
  };
  CHECK(difference(whole.outputs[0].note) == difference(cut.outputs[0].note));
}

TEST_CASE("at an n past a position table's rows the graph is not defined: its first positions decide nothing") {
  // x + table[0 .. n-1] with a table of 16 rows: at n = 200000 the lookup leaves the table.
  GraphBuilder b("short_table");
  b.dim("seq", 4);
  const auto x = b.input("x", {"seq", 4});
  const auto rows = b.node1("Gather", {b.weight("table", {16, 4}), b.positions()}, {{"axis", std::int64_t{0}}}, "lookup");
  b.output(b.linear(b.node1("Add", {x, rows}, {}, "add_rows"), 4, 4, "proj"));
  const Graph graph = b.build();
  const auto report = check_forward(graph, huge_n_options());
  REQUIRE(report.outputs.size() == 1);
  CHECK(report.outputs[0].verdict == Verdict::Unknown);
  CHECK(std::any_of(report.warnings.begin(), report.warnings.end(),
                    [](const std::string& w) { return w.find("not defined at n = 200000") != std::string::npos && w.find("lookup") != std::string::npos; }));
  // Within the table the same graph breaks on its first positions.
  auto options = huge_n_options();
  options.tokens = 16;
  options.max_exact_values = 10;
  options.max_numeric_values = 250;  // the whole passes hold more; the cut evaluation about 170
  const auto within = check_forward(graph, options);
  CHECK(within.outputs[0].verdict == Verdict::Breaks);
}

TEST_CASE("ALiBi exported by PyTorch at n = 100000: the culprit carries through the reshapes of its positions, and the break reaches the output") {
  // The bias -slope |i - j| is built from Range positions through Unsqueeze (Reshape) and Sub: no
  // n x n value is made, neither for the culprit's witness nor for the output's first positions.
  const Graph graph = load_model(PERMEQ_SOURCE_DIR "/tests/fixtures/onnx/alibi_attention.onnx").graph;
  const auto report = check_at(graph, 100000, Engine::Auto);
  const auto culprit = std::find_if(report.nodes.begin(), report.nodes.end(), [](const NodeReport& r) { return r.verdict == Verdict::Breaks; });
  REQUIRE(culprit != report.nodes.end());
  CHECK(culprit->method == Method::WitnessLiftedRestriction);
  CHECK(culprit->break_sizes.back() == 100000);
  REQUIRE(culprit->witness);
  CHECK(replay_lifted_witness(graph, culprit->node, *culprit->witness, 100000));
  REQUIRE(report.outputs.size() == 1);
  CHECK(report.outputs[0].verdict == Verdict::Breaks);
  CHECK(report.outputs[0].note.find("first 2 token positions at n = 100000") != std::string::npos);
  CHECK(report.exit_code() == 1);
}
