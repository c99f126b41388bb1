// The IR: JSON round trip, validation errors that name node, operator and shapes.
#include <doctest/doctest.h>

#include "examples/example_graphs.hpp"

using namespace permeq;

namespace {
std::string minimal(const std::string& nodes, const std::string& extra = "") {
  return R"({"name": "g", "dims": {"seq": 4}, "inputs": [{"name": "x", "shape": ["seq", 3], "token_axis": 0}],
             "parameters": [{"name": "w", "shape": [3, 2]}], )" +
         extra + R"("nodes": [)" + nodes + R"(], "outputs": ["y"]})";
}
}  // namespace

TEST_CASE("JSON round trip preserves every example graph") {
  for (const auto& example : examples::all_examples()) {
    CAPTURE(example.file);
    const Graph g = example.make();
    const std::string text = to_graph_json(g);
    const Graph back = parse_graph_json(text, example.file);
    CHECK(to_graph_json(back) == text);
    CHECK(back.nodes.size() == g.nodes.size());
    CHECK(back.parameters.size() == g.parameters.size());
    CHECK(back.token_axes == g.token_axes);
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
      CHECK(back.nodes[i].attrs == g.nodes[i].attrs);
      CHECK(back.nodes[i].inputs == g.nodes[i].inputs);
    }
    for (std::size_t i = 0; i < g.parameters.size(); ++i) CHECK(back.parameters[i].data == g.parameters[i].data);
  }
}

TEST_CASE("a minimal JSON graph reads, instantiates and evaluates") {
  const Graph g = parse_graph_json(minimal(R"({"name": "mm", "op": "MatMul", "inputs": ["x", "w"], "outputs": ["y"]})"));
  const auto inst = instantiate(g, {{"seq", 5}});
  CHECK(inst.types.at("y") == TensorType{DType::Float, {5, 2}});
  // y = x w, row by row, in exact arithmetic.
  Tensor<Rational> x(DType::Float, {5, 3}), w(DType::Float, {3, 2});
  for (std::size_t i = 0; i < x.data.size(); ++i) x.data[i] = Rational(static_cast<int>(i) - 7, 4);
  for (std::size_t i = 0; i < w.data.size(); ++i) w.data[i] = Rational(static_cast<int>(3 * i) + 1, 2);
  const auto values = evaluate(inst, ValueMap<Rational>{{"x", x}, {"w", w}});
  const auto& y = values.at("y");
  REQUIRE(y.shape == Shape{5, 2});
  for (std::int64_t r = 0; r < 5; ++r)
    for (std::int64_t c = 0; c < 2; ++c) {
      Rational expected = 0;
      for (std::int64_t k = 0; k < 3; ++k) expected += x.data[static_cast<std::size_t>(r * 3 + k)] * w.data[static_cast<std::size_t>(k * 2 + c)];
      CAPTURE(r);
      CAPTURE(c);
      CHECK(y.data[static_cast<std::size_t>(r * 2 + c)] == expected);
    }
  CHECK(y.data[0] == Rational(-7, 4) * Rational(1, 2) + Rational(-6, 4) * Rational(7, 2) + Rational(-5, 4) * Rational(13, 2));
}

TEST_CASE("bad graphs give errors naming the file, node, operator and shapes") {
  CHECK_THROWS_WITH_AS(parse_graph_json("{\"name\": ", "bad.json"), doctest::Contains("bad.json: malformed JSON"), Error);
  CHECK_THROWS_WITH_AS(parse_graph_json(minimal(R"({"name": "n1", "op": "Frobnicate", "inputs": ["x"], "outputs": ["y"]})"), "g.json"),
                       doctest::Contains("g.json: node 'n1' (Frobnicate): unknown operator 'Frobnicate'"), Error);
  const Graph mismatch = parse_graph_json(minimal(R"({"name": "mm", "op": "MatMul", "inputs": ["w", "x"], "outputs": ["y"]})"));
  CHECK_THROWS_WITH_AS((void)instantiate(mismatch), doctest::Contains("node 'mm' (MatMul): inner dimensions differ: [3, 2] x [4, 3]"), Error);
  CHECK_THROWS_WITH_AS(parse_graph_json(minimal(R"({"name": "s", "op": "Softmax", "inputs": ["x"], "outputs": ["y"], "attrs": {"axis": "last"}})")),
                       doctest::Contains("attrs.axis: expected an integer"), Error);
  CHECK_THROWS_WITH_AS(parse_graph_json(minimal(R"({"name": "s", "op": "Softmax", "inputs": ["x"], "outputs": ["y"], "attrs": {"dim": 1}})")),
                       doctest::Contains("operator Softmax has no attribute 'dim'"), Error);
  CHECK_THROWS_WITH_AS(parse_graph_json(minimal(R"({"name": "a", "op": "Add", "inputs": ["x", "nowhere"], "outputs": ["y"]})")),
                       doctest::Contains("node 'a' (Add): input 'nowhere' is not defined"), Error);
  CHECK_THROWS_WITH_AS(parse_graph_json(minimal(R"({"name": "a", "op": "Relu", "inputs": ["y"], "outputs": ["z"]},
                                                  {"name": "b", "op": "Relu", "inputs": ["z"], "outputs": ["y"]})")),
                       doctest::Contains("cycle"), Error);
  CHECK_THROWS_WITH_AS(parse_graph_json(minimal(R"({"name": "a", "op": "Relu", "inputs": ["x", "x"], "outputs": ["y"]})")),
                       doctest::Contains("node 'a' (Relu): takes 1 inputs, got 2"), Error);
  CHECK_THROWS_WITH_AS(parse_graph_json(minimal(R"({"name": "r", "op": "Reshape", "inputs": ["x"], "outputs": ["y"]})")),
                       doctest::Contains("missing required attribute 'shape'"), Error);
  const Graph unbound = parse_graph_json(R"({"inputs": [{"name": "x", "shape": ["len", 3]}], "nodes": [{"name": "r", "op": "Relu", "inputs": ["x"], "outputs": ["y"]}], "outputs": ["y"]})");
  CHECK_THROWS_WITH_AS((void)instantiate(unbound), doctest::Contains("dimension 'len' has no size"), Error);
}

TEST_CASE("stored parameter data must fit the shape") {
  const Graph g = parse_graph_json(R"({"inputs": [], "parameters": [{"name": "w", "shape": [2], "data": [1, 2, 3]}], "nodes": [], "outputs": ["w"]})");
  CHECK_THROWS_WITH_AS((void)instantiate(g), doctest::Contains("parameter 'w' stores 3 values for shape [2]"), Error);
}
