// The checker: action specification, verdict kinds, exit codes, witness minimisation.
#include <doctest/doctest.h>

#include "examples/example_graphs.hpp"

using namespace permeq;

namespace {

Graph two_input_graph() {
  GraphBuilder b("pair");
  b.dim("seq", 4);
  const auto x = b.input("x", {"seq", 3});
  const auto m = b.input("mask", {"seq", 3}, DType::Float, std::nullopt);
  b.output(b.add(x, m));
  return b.build();
}

}  // namespace

TEST_CASE("the action specification is validated before anything runs") {
  const Graph g = two_input_graph();
  CheckOptions options;
  options.permute = {{"y", 0}};
  CHECK_THROWS_WITH_AS((void)check_forward(g, options), doctest::Contains("'y', which is neither an input nor a parameter of graph 'pair' (inputs: x, mask)"), Error);
  options.permute = {{"x", 2}};
  CHECK_THROWS_WITH_AS((void)check_forward(g, options), doctest::Contains("axis out of range for input shape [seq, 3]"), Error);
  options.permute = {{"x", 0}, {"mask", 1}};
  CHECK_THROWS_WITH_AS((void)check_forward(g, options), doctest::Contains("must share the token length"), Error);
  options.permute = {{"x", 0}, {"x", 0}};
  CHECK_THROWS_WITH_AS((void)check_forward(g, options), doctest::Contains("permuted twice"), Error);
  try {
    options.permute = {{"x", 5}};
    (void)check_forward(g, options);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Usage);
  }
  CHECK(parse_permuted_input("tokens:-1") == PermutedInput{"tokens", -1});
  CHECK_THROWS_AS((void)parse_permuted_input("x"), Error);
  CHECK_THROWS_AS((void)parse_permuted_input("x:one"), Error);
}

TEST_CASE("an unpermuted input of the token length is warned about, and permuting it too restores the symmetry") {
  const Graph g = two_input_graph();
  CheckOptions options;
  const CheckReport alone = check_forward(g, options);
  REQUIRE(alone.warnings.size() == 1);
  CHECK(alone.warnings[0].find("'mask'") != std::string::npos);
  CHECK(alone.outputs[0].verdict == Verdict::Breaks);
  options.permute = {{"x", 0}, {"mask", 0}};
  const CheckReport both = check_forward(g, options);
  CHECK(both.warnings.empty());
  CHECK(both.outputs[0].verdict == Verdict::Equivariant);
  CHECK(both.exit_code() == exit_code::holds);
}

TEST_CASE("the token count comes from --seq-len, else the graph, else 4") {
  CheckOptions options;
  CHECK(check_forward(examples::deepsets(), options).tokens == 4);
  options.tokens = 6;
  CHECK(check_forward(examples::deepsets(), options).tokens == 6);
  options.tokens = 1;
  CHECK_THROWS_AS((void)check_forward(examples::deepsets(), options), Error);
}

TEST_CASE("symmetric ALiBi passes at n = 2 and breaks from n = 3, so the default is n >= 4") {
  CheckOptions options;
  options.tokens = 2;
  const CheckReport at_two = check_forward(examples::alibi_attention(), options);
  CHECK(at_two.outputs[0].verdict == Verdict::Equivariant);
  CHECK_FALSE(at_two.warnings.empty());
  const CheckReport at_four = check_forward(examples::alibi_attention());
  CHECK(at_four.outputs[0].verdict == Verdict::Breaks);
  REQUIRE(at_four.culprits.size() == 1);
  const auto culprit = std::find_if(at_four.nodes.begin(), at_four.nodes.end(), [](const NodeReport& n) { return n.verdict == Verdict::Breaks; });
  REQUIRE(culprit != at_four.nodes.end());
  REQUIRE(culprit->witness.has_value());
  CHECK(culprit->witness->tokens == 3);
}

TEST_CASE("an action that leaves the representable set: the output holds only with an end-to-end proof, breaks only with a witness, else unknown (exit 2)") {
  // [seq, 3] read as [3, seq] interleaves tokens and features: no token digit survives whole.
  GraphBuilder b("interleave");
  b.dim("seq", 4);
  const auto x = b.input("x", {"seq", 3});
  const auto mixed = b.node1("Reshape", {x}, {{"shape", std::vector<Dim>{3, "seq"}}}, "interleave");
  GraphBuilder interleaved = b;
  interleaved.output(mixed);
  const CheckReport report = check_forward(interleaved.build());
  CHECK(report.nodes[0].verdict == Verdict::Unknown);
  CHECK(report.nodes[0].note.find("merges or splits the permuted axis") != std::string::npos);
  // Neither invariant nor permuted like the tokens on its axis of length n: a whole-graph witness.
  CHECK(report.outputs[0].verdict == Verdict::Breaks);
  REQUIRE(report.outputs[0].witness.has_value());
  CHECK(report.outputs[0].note.find("the action is lost at interleave") != std::string::npos);

  // Read back as [seq, 3]: the output is x again. Runs alone never make it a pass (exit 2); the
  // bounded end-to-end proof does, at the checked size only.
  b.output(b.node1("Reshape", {mixed}, {{"shape", std::vector<Dim>{"seq", 3}}}, "back"));
  const Graph round_trip = b.build();
  CheckOptions exact_only;
  exact_only.engine = Engine::Exact;
  const CheckReport evidence = check_forward(round_trip, exact_only);
  CHECK(evidence.outputs[0].verdict == Verdict::Unknown);
  CHECK(evidence.exit_code() == exit_code::inconclusive);
  const CheckReport proved = check_forward(round_trip);
  CHECK(proved.outputs[0].verdict == Verdict::Equivariant);
  CHECK(proved.outputs[0].proved);
  CHECK(proved.outputs[0].proof_scope.find("end to end (bounded") != std::string::npos);
}

TEST_CASE("tokens flattened with their features move in blocks: not permuted like the tokens, and a product over the flat axis is the culprit") {
  GraphBuilder b("flatten");
  b.dim("seq", 4);
  const auto x = b.input("x", {"seq", 3});
  const auto flat = b.node1("Reshape", {x}, {{"shape", std::vector<Dim>{-1}}}, "flatten");
  const CheckReport flattened = check_forward([&] {
    GraphBuilder only = b;
    only.output(flat);
    return only.build();
  }());
  // The flatten itself is proved to move the tokens' blocks; the output is not permuted like the
  // tokens, so as a graph output it breaks, with a witness.
  CHECK(flattened.nodes[0].verdict == Verdict::Equivariant);
  CHECK(flattened.nodes[0].proved);
  CHECK(flattened.nodes[0].action.find("blocks of 3") != std::string::npos);
  CHECK(flattened.outputs[0].verdict == Verdict::Breaks);
  CHECK(flattened.outputs[0].witness.has_value());
  CHECK(flattened.outputs[0].note.find("merged with another") != std::string::npos);
  const auto w = b.weight("w", {12, 5});
  b.output(b.node1("MatMul", {flat, w}, {}, "mix"));
  const CheckReport mixed = check_forward(b.build());
  CHECK(mixed.outputs[0].verdict == Verdict::Breaks);
  CHECK(mixed.culprits == std::vector<std::string>{"mix"});
}

TEST_CASE("a graph whose token axis is a fixed size is checked at that size") {
  GraphBuilder b("fixed");
  const auto x = b.input("x", {5, 3});
  b.output(b.sum_pool(b.activation(x, Activation::Tanh)));
  CheckOptions options;
  const CheckReport report = check_forward(b.build(), options);
  CHECK(report.tokens == 5);
  CHECK(report.outputs[0].verdict == Verdict::Invariant);
  options.tokens = 4;
  CHECK_THROWS_WITH_AS((void)check_forward(b.build(), options), doctest::Contains("conflicts with the fixed token length 5"), Error);
}

TEST_CASE("nodes downstream of a culprit inherit, and the report attributes them") {
  const CheckReport report = check_forward(examples::encoder_sinusoidal());
  std::size_t inherits = 0;
  for (const auto& n : report.nodes)
    if (n.verdict == Verdict::Inherits) {
      ++inherits;
      CHECK(n.inherited_from == std::vector<std::string>{"add_sinusoidal_pe"});
    }
  CHECK(inherits > 10);
  CHECK(report.outputs[0].culprits == std::vector<std::string>{"add_sinusoidal_pe"});
}

TEST_CASE("progress is reported and draws are reproducible from the seed") {
  std::vector<std::string> lines;
  CheckOptions options;
  options.progress = [&](const std::string& line) { lines.push_back(line); };
  const CheckReport a = check_forward(examples::encoder_learned(), options);
  CHECK(lines.size() >= 3);
  options.progress = nullptr;
  const CheckReport b = check_forward(examples::encoder_learned(), options);
  CHECK(format_json(a).substr(0, 2000) == format_json(b).substr(0, 2000));
  auto witness_of = [](const CheckReport& r) {
    const auto node = std::find_if(r.nodes.begin(), r.nodes.end(), [](const NodeReport& n) { return n.witness.has_value(); });
    REQUIRE(node != r.nodes.end());
    return node->witness;
  };
  const auto wa = witness_of(a), wb = witness_of(b);
  REQUIRE((wa && wb));
  CHECK(wa->node_inputs[0].second.data == wb->node_inputs[0].second.data);
}

TEST_CASE("polynomial nodes carry a Schwartz-Zippel bound, the others none") {
  CheckOptions exact_only;
  exact_only.engine = Engine::Exact;
  const CheckReport report = check_forward(examples::deepsets(), exact_only);
  const auto fc1 = std::find_if(report.nodes.begin(), report.nodes.end(), [](const NodeReport& n) { return n.node == "phi/fc1"; });
  REQUIRE(fc1 != report.nodes.end());
  CHECK(fc1->op == "Linear");
  REQUIRE(fc1->miss_probability.has_value());
  CHECK(*fc1->miss_probability == doctest::Approx(std::pow(2.0 / random_value_count, 3)));
  int relus = 0;
  for (const auto& n : report.nodes) {
    CAPTURE(n.node);
    if (n.op != "Relu") continue;
    CHECK_FALSE(n.miss_probability.has_value());
    ++relus;
  }
  CHECK(relus > 0);
}

TEST_CASE("the relative position bias helper breaks at its Add, and bias rows follow the permuted keys") {
  GraphBuilder b("t5");
  b.dim("seq", 4);
  AttentionConfig c;
  c.relative_bias = true;
  b.output(b.attention(b.input("x", {"seq", 8}), c, "attn"));
  const CheckReport report = check_forward(b.build());
  CHECK(report.outputs[0].verdict == Verdict::Breaks);
  CHECK(report.culprits == std::vector<std::string>{"attn/add_relative_bias"});
}

TEST_CASE("exact numbers stay small on the examples") {
  for (const auto& example : examples::all_examples()) {
    CAPTURE(example.file);
    const CheckReport report = check_forward(example.make());
    CHECK(report.largest_rational_bits > 0);
    CHECK(report.largest_rational_bits < 4096);
  }
}

TEST_CASE("a numeric evaluation that fails (integer division by zero) leaves the nodes unknown with the reason, never an error") {
  const Graph g = parse_graph_json(R"({"format": "permeq-graph", "version": 1, "name": "divide_by_zero", "dims": {"seq": 4},
    "inputs": [{"name": "ids", "dtype": "int64", "shape": ["seq", 3], "token_axis": 0}], "parameters": [],
    "nodes": [{"name": "zero", "op": "Sub", "inputs": ["ids", "ids"], "outputs": ["z"]},
              {"name": "divide", "op": "Div", "inputs": ["ids", "z"], "outputs": ["y"]}],
    "outputs": ["y"]})",
                                   "divide_by_zero.json");
  CheckOptions options;
  options.engine = Engine::Numeric;
  const auto report = check_forward(g, options);
  REQUIRE(report.nodes.size() == 2);
  for (const auto& node : report.nodes) {
    CHECK(node.verdict == Verdict::Unknown);
    CHECK(node.note.find("numeric evaluation failed: node 'divide' (Div): integer division by zero") != std::string::npos);
  }
  REQUIRE(report.outputs.size() == 1);
  CHECK(report.outputs[0].verdict == Verdict::Unknown);
  CHECK(report.exit_code() == 2);
}

TEST_CASE("the numeric engine tests Gemm and Linear through Freivalds' test: a shared bias passes, a bias row per token breaks") {
  // X W^T + C (Gemm, transB) and X W + b (Linear): the engine compares alpha A' (op(B) r) + beta C r
  // with (sigma Y) r. A bias shared by the tokens is equivariant; a fixed C with a row per token
  // is not, and the difference (a row of C against another) is far above the rounding tolerance.
  for (const bool per_token : {false, true}) {
    CAPTURE(per_token);
    GraphBuilder b(per_token ? "gemm_token_bias" : "gemm_shared_bias");
    b.dim("seq", 6);
    const auto x = b.input("x", {"seq", 16});
    const auto w = b.weight("w", {24, 16});
    const auto c = per_token ? b.weight("c", {6, 24}) : b.weight("c", {24});
    const auto y = b.node1("Gemm", {x, w, c}, {{"transB", std::int64_t{1}}, {"alpha", 0.5}, {"beta", 2.0}}, "proj");
    const auto w2 = b.weight("w2", {24, 8});
    const auto b2 = b.weight("b2", {8});
    b.output(b.node1("Linear", {y, w2, b2}, {}, "head"));
    CheckOptions options;
    options.engine = Engine::Numeric;
    options.tokens = 6;
    const CheckReport report = check_forward(b.build(), options);
    REQUIRE(report.nodes.size() == 2);
    const auto& proj = report.nodes[0];
    CHECK(proj.node == "proj");
    CHECK(proj.method == Method::NumericFloat32);
    REQUIRE(proj.max_abs_error.has_value());
    REQUIRE(proj.tolerance.has_value());
    if (per_token) {
      CHECK(proj.verdict == Verdict::Breaks);
      CHECK(*proj.max_abs_error > 100 * *proj.tolerance);
      CHECK(report.culprits == std::vector<std::string>{"proj"});
    } else {
      CHECK(proj.verdict == Verdict::Equivariant);
      CHECK(*proj.max_abs_error <= *proj.tolerance);
      const auto& head = report.nodes[1];
      CHECK(head.verdict == Verdict::Equivariant);
      CHECK(head.method == Method::NumericFloat32);
      REQUIRE(head.max_abs_error.has_value());
      CHECK(*head.max_abs_error <= *head.tolerance);
    }
  }
}
