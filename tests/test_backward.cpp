// Backward equivariance (Xu et al., CVPR 2024) on the bundled examples: weight gradients proved
// invariant and input gradients proved equivariant where the forward graph is equivariant, breaks
// attributed to the forward culprit with replayed witnesses where it is not, and losses that pair
// positions reported as the culprit.
#include <doctest/doctest.h>

#include "examples/example_graphs.hpp"

#include <algorithm>
#include <map>

using namespace permeq;

namespace {

const examples::NamedExample& example(const std::string& name) {
  static const auto all = examples::all_examples();
  const auto it = std::find_if(all.begin(), all.end(), [&](const auto& e) { return e.file == name; });
  REQUIRE(it != all.end());
  return *it;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

/// Every gradient of a graph that should be backward-equivariant holds, is proved, and says so.
void check_holds(const CheckReport& report) {
  CHECK(report.culprits.empty());
  CHECK(report.exit_code() == exit_code::holds);
  int weights = 0, inputs = 0;
  for (const auto& out : report.outputs) {
    CAPTURE(out.output);
    CAPTURE(out.role);
    CHECK(out.proved);
    CHECK(out.proof_scope.find("for all n, all widths") != std::string::npos);
    if (out.role == "weight gradient" || out.role == "loss") {
      CHECK(out.verdict == Verdict::Invariant);
      weights += out.role == "weight gradient";
    } else {
      REQUIRE(out.role == "input gradient");
      CHECK(out.verdict == Verdict::Equivariant);
      CHECK(out.axes == std::vector<int>{0});
      ++inputs;
    }
  }
  CHECK(weights > 0);
  CHECK(inputs == 1);
}

}  // namespace

TEST_CASE("backward: encoder, mean-pooled classifier and DeepSets have invariant weight gradients and equivariant input gradients") {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases{
      {"encoder_nopos", {"sum", "mean", "mse", "token-ce"}},
      {"mean_pool_classifier", {"sum", "mean", "mse", "sequence-ce"}},
      {"deepsets", {"sum", "mean", "mse", "sequence-ce"}},
  };
  for (const auto& [name, loss_names] : cases)
    for (const auto& loss : loss_names) {
      CAPTURE(name);
      CAPTURE(loss);
      const CheckReport report = check_backward(example(name).make(), parse_loss(loss));
      CHECK(report.direction == Direction::Backward);
      check_holds(report);
    }
}

TEST_CASE("backward breaks of the positional and causal examples are the forward culprits, with replayed witnesses") {
  for (const auto* name : {"encoder_learned_pe", "encoder_sinusoidal_pe", "gpt_causal", "token0_classifier", "conv_over_tokens", "rope_attention"}) {
    CAPTURE(name);
    const Graph graph = example(name).make();
    const CheckReport forward = check_forward(graph);
    const CheckReport backward = check_backward(graph, parse_loss("sum"));
    CHECK(backward.exit_code() == exit_code::breaks);
    // Every forward culprit breaks the gradient graph too. Every broken gradient node comes from
    // the derivative rule of a forward culprit (the convolution's taps, the rotary products, the
    // token-0 readout's scatter) or of a node that feeds one (a learned positional table's
    // gradient is itself permuted): the same layer, seen from the weights' side.
    const auto culprits = sorted(backward.culprits);
    for (const auto& c : forward.culprits) CHECK(std::binary_search(culprits.begin(), culprits.end(), c));
    const GradientGraph gradient = differentiate(graph, parse_loss("sum"));
    for (const auto& node : backward.nodes) {
      if (node.verdict != Verdict::Breaks) continue;
      CAPTURE(node.node);
      if (!node.origin.empty()) {
        const Node* origin = graph.find_node(node.origin);
        REQUIRE_MESSAGE(origin != nullptr, "a sum loss has no breaking loss node; origin ", node.origin);
        const bool is_or_feeds_culprit = std::any_of(forward.culprits.begin(), forward.culprits.end(), [&](const std::string& c) {
          const auto& inputs = graph.find_node(c)->inputs;
          return c == node.origin || std::find(inputs.begin(), inputs.end(), origin->outputs.front()) != inputs.end();
        });
        CHECK(is_or_feeds_culprit);
      }
      REQUIRE(node.witness.has_value());
      CHECK(replay_witness(gradient.graph, node.node, *node.witness));
    }
    bool weight_gradient_breaks = false;
    for (const auto& out : backward.outputs)
      if (out.role == "weight gradient") weight_gradient_breaks = weight_gradient_breaks || out.verdict == Verdict::Breaks;
    CHECK(weight_gradient_breaks);
  }
}

TEST_CASE("every example: the backward verdict under a sum loss is the forward verdict") {
  // Xu et al.: an equivariant forward pass gives equivariant gradients; a layer that breaks the
  // forward pass breaks its gradients. Neither direction may be unknown on the bundled examples.
  for (const auto& e : examples::all_examples()) {
    CAPTURE(e.file);
    const Graph graph = e.make();
    const int forward = check_forward(graph).exit_code();
    CHECK(forward != exit_code::inconclusive);
    CHECK(check_backward(graph, parse_loss("sum")).exit_code() == forward);
  }
}

TEST_CASE("a gradient that holds the wrong property is unknown, not a pass") {
  // Under a sum loss the convolution's input gradient does not depend on x at all (unchanged by
  // any permutation), yet it differs between boundary and interior tokens: it is not permuted
  // like x, so it must not count as equivariant.
  const CheckReport report = check_backward(example("conv_over_tokens").make(), parse_loss("sum"));
  const auto input_gradient = std::find_if(report.outputs.begin(), report.outputs.end(), [](const OutputReport& o) { return o.role == "input gradient"; });
  REQUIRE(input_gradient != report.outputs.end());
  CHECK(input_gradient->gradient_of == "x");
  CHECK(input_gradient->verdict == Verdict::Unknown);
  CHECK_FALSE(input_gradient->proved);
  CHECK(input_gradient->note.find("must be permuted on axis 0") != std::string::npos);
}

TEST_CASE("losses that pair positions are reported as the culprit, in the loss") {
  const Graph graph = example("encoder_nopos").make();
  for (const auto* loss : {"next-token-ce", "position-weighted"}) {
    CAPTURE(loss);
    const CheckReport report = check_backward(graph, parse_loss(loss));
    CHECK(report.exit_code() == exit_code::breaks);
    REQUIRE_FALSE(report.culprits.empty());
    const GradientGraph gradient = differentiate(graph, parse_loss(loss));
    for (const auto& culprit : report.culprits) {
      CAPTURE(culprit);
      CHECK(gradient.origin.at(culprit) == "loss");
      const auto node = std::find_if(report.nodes.begin(), report.nodes.end(), [&](const NodeReport& n) { return n.node == culprit; });
      REQUIRE(node != report.nodes.end());
      REQUIRE(node->witness.has_value());
      CHECK(replay_witness(gradient.graph, culprit, *node->witness));
    }
  }
}

TEST_CASE("direction both: the forward report carries the backward one and a backward column per node") {
  const Graph graph = example("deepsets").make();
  const CheckReport report = check(graph, Direction::Both, parse_loss("mse"));
  REQUIRE(report.backward);
  CHECK(report.exit_code() == exit_code::holds);
  for (const auto& node : report.nodes) {
    CAPTURE(node.node);
    REQUIRE(node.backward.has_value());
    CHECK((*node.backward == Verdict::Equivariant || *node.backward == Verdict::Invariant));
    CHECK(node.backward_proved);
  }
  const std::string text = format_text(report);
  CHECK(text.find("backward") != std::string::npos);
  CHECK(text.find("weight gradient of 'rho/fc2/weight'") != std::string::npos);
  const std::string json = format_json(report);
  CHECK(json.find("\"backward\": {") != std::string::npos);

  const CheckReport causal = check(example("gpt_causal").make(), Direction::Both, parse_loss("sum"));
  CHECK(causal.exit_code() == exit_code::breaks);
  const auto mask = std::find_if(causal.nodes.begin(), causal.nodes.end(), [](const NodeReport& n) { return n.node == "block0/attn/apply_causal_mask"; });
  REQUIRE(mask != causal.nodes.end());
  CHECK(mask->backward == Verdict::Breaks);
}

TEST_CASE("a loss that does not fit the output is a usage error naming both") {
  const Graph pooled = example("deepsets").make();
  CHECK_THROWS_WITH_AS((void)differentiate(pooled, parse_loss("token-ce")), doctest::Contains("sequence-ce"), Error);
  CHECK_THROWS_WITH_AS((void)parse_loss("hinge"), doctest::Contains("next-token-ce"), Error);
  CHECK_THROWS_WITH_AS((void)differentiate(pooled, parse_loss("sum:nope")), doctest::Contains("nope"), Error);
}
