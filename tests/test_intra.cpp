// Intra-token symmetry (Xu et al., CVPR 2024): the weight transform matching a feature
// permutation is inferred as the theory's operator table says (reference theory.md, table B),
// forward and backward equivariance under it are proved, and what cannot follow the permutation
// (a fixed LayerNorm scale, a buffer over features) is the culprit with a replayed witness.
#include <doctest/doctest.h>

#include "examples/example_graphs.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <span>
#include <map>
#include <set>

using namespace permeq;

namespace {

Graph example(const std::string& name) {
  for (const auto& e : examples::all_examples())
    if (e.file == name) return e.make();
  FAIL("no example " << name);
  return {};
}

CheckOptions intra() {
  CheckOptions o;
  o.property = Property::Intra;
  return o;
}

std::set<std::pair<std::string, int>> rules(const FeatureTransform& t) {
  std::set<std::pair<std::string, int>> out;
  for (const auto& p : t.permuted)
    if (std::find(t.seeds.begin(), t.seeds.end(), p) == t.seeds.end()) out.insert({p.input, p.axis});
  return out;
}

}  // namespace

TEST_CASE("the inferred transform of a Transformer encoder is table B's: one residual permutation, hidden and head axes left free") {
  const FeatureTransform t = infer_feature_transform(example("encoder_nopos"), feature_seeds(example("encoder_nopos")));
  CHECK(t.failures.empty());
  CHECK(t.seeds == std::vector<PermutedInput>{{"x", 1}});
  std::set<std::pair<std::string, int>> expected;
  for (const std::string layer : {"layer0/", "layer1/"}) {
    // Linear, attention (#1, #10): W_Q, W_K, W_V take Q^T on their rows; W_O and b_O take Q.
    for (const auto* proj : {"attn/q/weight", "attn/k/weight", "attn/v/weight"}) expected.insert({layer + proj, 0});
    expected.insert({layer + "attn/out/weight", 1});
    expected.insert({layer + "attn/out/bias", 0});
    // MLP (#3): W1 rows, W2 columns and b2; the hidden units (W1 columns, b1, W2 rows) are free.
    expected.insert({layer + "mlp/fc1/weight", 0});
    expected.insert({layer + "mlp/fc2/weight", 1});
    expected.insert({layer + "mlp/fc2/bias", 0});
    // LayerNorm (#7): scale and shift permuted.
    for (const auto* norm : {"norm1/scale", "norm1/bias", "norm2/scale", "norm2/bias"}) expected.insert({layer + norm, 0});
  }
  CHECK(rules(t) == expected);
}

TEST_CASE("a CLS token and a classifier head follow the features: c' = cQ, W_head' = Q^T W_head (table B #20, #31)") {
  const auto r = rules(infer_feature_transform(example("cls_classifier"), feature_seeds(example("cls_classifier"))));
  CHECK(r.count({"cls", 1}) == 1);
  CHECK(r.count({"head/weight", 0}) == 1);
  CHECK(r.count({"head/weight", 1}) == 0);
  CHECK(r.count({"head/bias", 0}) == 0);
}

TEST_CASE("intra-token forward and backward equivariance are proved for the encoder, the pooled classifier and DeepSets") {
  for (const auto* name : {"encoder_nopos", "mean_pool_classifier", "deepsets"}) {
    CAPTURE(name);
    const Graph graph = example(name);
    const CheckReport report = check(graph, Direction::Both, parse_loss("sum"), intra());
    CHECK(report.property == Property::Intra);
    REQUIRE(report.transform.has_value());
    CHECK(report.exit_code() == exit_code::holds);
    for (const auto& out : report.outputs) {
      CAPTURE(out.output);
      CHECK(out.proved);
    }
    REQUIRE(report.backward);
    const auto permuted = rules(*report.transform);
    int permuted_gradients = 0;
    for (const auto& out : report.backward->outputs) {
      CAPTURE(out.output);
      CHECK(out.proved);
      if (out.role != "weight gradient") continue;
      // Gradients transform like the weights (A5): permuted on the same axes, or unchanged.
      std::vector<int> axes;
      for (const auto& [param, axis] : permuted)
        if (param == out.gradient_of) axes.push_back(axis);
      if (axes.empty()) {
        CHECK(out.verdict == Verdict::Invariant);
      } else {
        CHECK(out.verdict == Verdict::Equivariant);
        CHECK(out.axes == axes);
        ++permuted_gradients;
      }
    }
    CHECK(permuted_gradients > 0);
  }
}

TEST_CASE("a LayerNorm scale held fixed is refuted at the LayerNorm, with a replayed witness") {
  Graph graph = example("encoder_nopos");
  auto scale = std::find_if(graph.parameters.begin(), graph.parameters.end(), [](const Parameter& p) { return p.info.name == "layer0/norm1/scale"; });
  REQUIRE(scale != graph.parameters.end());
  scale->kind = ParameterKind::Buffer;  // not a weight: the transform may not touch it
  scale->data = StoredValues(std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8});
  const CheckReport report = check(graph, Direction::Forward, parse_loss("sum"), intra());
  CHECK(report.exit_code() == exit_code::breaks);
  REQUIRE(report.transform.has_value());
  CHECK(report.transform->failures == std::vector<std::string>{"layer0/norm1"});
  CHECK(report.culprits == std::vector<std::string>{"layer0/norm1"});
  const auto node = std::find_if(report.nodes.begin(), report.nodes.end(), [](const NodeReport& n) { return n.node == "layer0/norm1"; });
  REQUIRE(node != report.nodes.end());
  REQUIRE(node->witness.has_value());
  CHECK(replay_witness(graph, node->node, *node->witness));
}

TEST_CASE("a positional buffer over the features cannot follow the permutation: the sum with it is the culprit") {
  const Graph graph = example("encoder_sinusoidal_pe");
  const CheckReport report = check(graph, Direction::Forward, parse_loss("sum"), intra());
  CHECK(report.exit_code() == exit_code::breaks);
  CHECK(report.culprits == std::vector<std::string>{"add_sinusoidal_pe"});
  const auto node = std::find_if(report.nodes.begin(), report.nodes.end(), [](const NodeReport& n) { return n.node == "add_sinusoidal_pe"; });
  REQUIRE(node != report.nodes.end());
  REQUIRE(node->witness.has_value());
  CHECK(replay_witness(graph, node->node, *node->witness));
  // A learned table is a weight: it follows (E' = E Q, table B #16).
  const CheckReport learned = check(example("encoder_learned_pe"), Direction::Forward, parse_loss("sum"), intra());
  CHECK(learned.exit_code() == exit_code::holds);
  CHECK(rules(*learned.transform).count({"learned_pe/table", 1}) == 1);
}

TEST_CASE("every example: the intra-token verdict holds except where a buffer sits over the features") {
  for (const auto& e : examples::all_examples()) {
    CAPTURE(e.file);
    const CheckReport report = check(e.make(), Direction::Forward, parse_loss("sum"), intra());
    CHECK(report.exit_code() == (e.file == "encoder_sinusoidal_pe" ? exit_code::breaks : exit_code::holds));
  }
}

TEST_CASE("--property all carries both reports; the permuted weights never reach the numeric engine") {
  const Graph graph = example("deepsets");
  CheckOptions all;
  all.property = Property::All;
  const CheckReport report = check(graph, Direction::Forward, parse_loss("sum"), all);
  CHECK(report.property == Property::Inter);
  REQUIRE(report.intra);
  CHECK(report.intra->property == Property::Intra);
  CHECK(report.exit_code() == exit_code::holds);
  CHECK(format_json(report).find("\"feature-permutation\"") != std::string::npos);
  CheckOptions numeric = intra();
  numeric.engine = Engine::Numeric;
  CHECK_THROWS_AS((void)check(graph, Direction::Forward, parse_loss("sum"), numeric), Error);
  CHECK_THROWS_WITH_AS((void)parse_property("rows"), doctest::Contains("inter, intra or all"), Error);
}

TEST_CASE("permeq symmetries on a 2-layer encoder: residual, hidden units, heads and within heads, each proved; GL maps hold; mixing heads is refuted") {
  const Graph graph = example("encoder_nopos");
  const SymmetryReport report = find_symmetries(graph);
  std::map<std::string, int> kinds;
  for (const auto& s : report.symmetries) {
    CAPTURE(to_string(s.kind));
    CHECK(s.proved);
    CHECK((s.verdict == Verdict::Equivariant || s.verdict == Verdict::Invariant));
    ++kinds[std::string(to_string(s.kind))];
    if (s.kind == SymmetryKind::AttentionHeads) {
      CHECK(s.size == 2);
      // Q, K and V columns with their biases and W_O's rows move as whole heads together.
      CHECK(s.permuted.size() == 7);
      for (const auto& p : s.permuted) CHECK(p.block == 4);
    }
    if (s.kind == SymmetryKind::WithinHeads) {
      CHECK(s.size == 4);
      for (const auto& p : s.permuted) CHECK(p.repeat == 2);
    }
    if (s.kind == SymmetryKind::HiddenUnits) CHECK(s.size == 16);
  }
  CHECK(kinds == std::map<std::string, int>{{"residual stream", 1}, {"hidden units", 2}, {"attention heads", 2}, {"within heads", 4}});
  REQUIRE(report.general_linear.size() == 4);
  for (const auto& g : report.general_linear) {
    CHECK(g.holds);
    CHECK(g.draws == 3);
    CHECK(g.heads == 2);
    CHECK(g.width == 4);
  }
  int mixing = 0;
  for (const auto& r : report.rejected) {
    CAPTURE(r.note);
    if (r.kind != SymmetryKind::MixingHeads) continue;
    ++mixing;
    REQUIRE(r.witness.has_value());
    CHECK(r.witness->generator == "n-cycle");  // the transposition stays inside head 0 and holds
    CHECK(replay_symmetry_witness(graph, r));
  }
  CHECK(mixing == 4);
  // The full head group: each within-head family's permutation may differ from head to head.
  REQUIRE(report.per_head.size() == 4);
  for (const auto& p : report.per_head) {
    CHECK(p.holds);
    CHECK(p.heads == 2);
    CHECK(p.width == 4);
    CHECK(p.draws == 2 * 2 + 3);  // two generators per head, then three draws with every head its own permutation
    REQUIRE(p.generators.size() == 4);
    for (const auto& gen : p.generators) CHECK(gen.holds);
    CHECK(p.generators[2].head == 1);
    CHECK(p.generators[3].sigma == Permutation{1, 2, 3, 0});
  }
  CHECK(report.exit_code() == exit_code::holds);
  const auto json = nlohmann::json::parse(format_symmetries_json(report));
  CHECK(json["schema"] == "permeq-symmetries/1");
  // Per layer: S_2 heads, S_4 in each of 2 heads for Q/K and for V/O, S_16 hidden units.
  const double per_layer = std::log10(2.0) + 4 * std::log10(24.0) + std::lgamma(17.0) / std::log(10.0);
  CHECK(json["group"]["order_log10"].get<double>() == doctest::Approx(2 * per_layer));
  CHECK(json["group"]["gl_dimension"] == 4 * 2 * 4 * 4);
  CHECK(format_symmetries_text(report).find("S_4^2 (each head its own) [within heads of layer0/attn/q/weight]") != std::string::npos);
}

TEST_CASE("a head permutation is checked node by node through the head split, and a partial one breaks where it stops") {
  const Graph graph = example("encoder_nopos");
  CheckOptions heads = intra();
  heads.permute = {parse_permuted_input("layer0/attn/q/weight:1:blocks=4")};
  const CheckReport report = check(graph, Direction::Both, parse_loss("sum"), heads);
  CHECK(report.exit_code() == exit_code::holds);
  CHECK(rules(*report.transform).size() == 6);
  // Moving the query and key heads but not the value heads breaks at the attention mix.
  CheckOptions partial;
  partial.permute = {parse_permuted_input("layer0/attn/q/weight:1:blocks=4"), parse_permuted_input("layer0/attn/q/bias:0:blocks=4"),
                     parse_permuted_input("layer0/attn/k/weight:1:blocks=4"), parse_permuted_input("layer0/attn/k/bias:0:blocks=4")};
  const CheckReport broken = check_forward(graph, partial);
  CHECK(broken.exit_code() == exit_code::breaks);
  CHECK(std::find(broken.culprits.begin(), broken.culprits.end(), "layer0/attn/mix") != broken.culprits.end());
  const auto mix = std::find_if(broken.nodes.begin(), broken.nodes.end(), [](const NodeReport& n) { return n.node == "layer0/attn/mix"; });
  REQUIRE(mix != broken.nodes.end());
  REQUIRE(mix->witness.has_value());
  CHECK(replay_witness(graph, mix->node, *mix->witness));
  CHECK(to_string(partial.permute.front()) == "layer0/attn/q/weight:1:blocks=4");
  CHECK_THROWS_AS((void)parse_permuted_input("x:1:blocks=0"), Error);
}

TEST_CASE("PyTorch exports: the transform is the architecture's, so tied and zero-initialised weights do not hide a rule") {
  // The exporter shares identical initialisers (zero biases, unit LayerNorm scales) between roles
  // and layers; the inference frees the weights first, so a zero bias must still move with W_O.
  const auto fixture = [](const std::string& name) { return load_model(std::string(PERMEQ_SOURCE_DIR) + "/tests/fixtures/onnx/" + name + ".onnx").graph; };
  for (const auto* name : {"encoder_nopos", "encoder_prenorm_gelu", "rmsnorm_classifier"}) {
    CAPTURE(name);
    const Graph graph = fixture(name);
    const CheckReport report = check(graph, Direction::Forward, parse_loss("sum"), intra());
    CHECK(report.exit_code() == exit_code::holds);
    CHECK(report.transform->failures.empty());
  }
  // RMSNorm (table B #8): gamma' = gamma Q.
  const auto rms = rules(infer_feature_transform(fixture("rmsnorm_classifier"), feature_seeds(fixture("rmsnorm_classifier"))));
  CHECK(rms.count({"scale", 0}) == 1);
}

TEST_CASE("permeq permute moves a PyTorch export's weights by proved symmetries; the pair is proved equivalent and computes the same outputs") {
  const Graph original = load_model(std::string(PERMEQ_SOURCE_DIR) + "/tests/fixtures/onnx/encoder_nopos.onnx").graph;
  const PermutedModel moved = permute_weights(original, 7);
  std::set<std::string> kinds;
  for (const auto& [family, sigma] : moved.applied) kinds.insert(std::string(to_string(family.kind)));
  CHECK(kinds == std::set<std::string>{"hidden units", "attention heads", "within heads"});
  int changed = 0;
  for (const auto& p : original.parameters)
    if (p.data && p.data->to_doubles() != moved.graph.find_parameter(p.info.name)->data->to_doubles()) ++changed;
  CHECK(changed >= 3);
  // Written as JSON and read back, as the CLI does.
  const Graph reread = parse_graph_json(to_graph_json(moved.graph));
  CHECK(prove_equivalent(original, reread, 7).equivalent);
  const Equivalence other_key = prove_equivalent(original, reread, 8);
  CHECK_FALSE(other_key.equivalent);
  CHECK(other_key.reason.find("is not the original's moved") != std::string::npos);
  // Independently of the proofs: the same input gives the same output, up to rounding.
  auto run = [](const Graph& g) {
    const auto inst = instantiate(g);
    ValueMap<double> bindings;
    for (const auto& in : inst.graph.inputs) {
      Tensor<double> x(DType::Float, inst.types.at(in.name).shape);
      for (std::size_t i = 0; i < x.data.size(); ++i) x.data[i] = std::sin(0.37 * static_cast<double>(i) + 0.1);
      bindings[in.name] = x;
    }
    for (const auto& p : inst.graph.parameters) {
      const auto exact = stored_values(p, inst.types.at(p.info.name));
      Tensor<double> t(exact.dtype, exact.shape);
      for (std::size_t i = 0; i < t.data.size(); ++i) t.data[i] = to_double(exact.data[i]);
      bindings[p.info.name] = t;
    }
    return evaluate(inst, bindings, EvalOptions{FunctionSemantics::Real}).at(inst.graph.outputs.front()).data;
  };
  const auto a = run(original), b = run(reread);
  REQUIRE(a.size() == b.size());
  double worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::fabs(a[i] - b[i]));
  CHECK(worst < 1e-9);
}

TEST_CASE("a permuted ONNX model is written back as ONNX: the same nodes with the moved weights, proved equivalent") {
  const std::string path = std::string(PERMEQ_SOURCE_DIR) + "/tests/fixtures/onnx/encoder_nopos.onnx";
  const Graph original = load_model(path).graph;
  const PermutedModel moved = permute_weights(original, 5);
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto bytes = onnx_with_weights(std::as_bytes(std::span(text.data(), text.size())), path, moved.graph);
  const Graph reread = import_onnx_bytes(bytes, "permuted.onnx").graph;
  REQUIRE(reread.parameters.size() == original.parameters.size());
  int changed = 0;
  for (const auto& p : reread.parameters) {
    const auto* expected = moved.graph.find_parameter(p.info.name);
    REQUIRE(expected != nullptr);
    CHECK(p.data->to_doubles() == expected->data->to_doubles());
    changed += p.data->to_doubles() != original.find_parameter(p.info.name)->data->to_doubles();
  }
  CHECK(changed >= 3);
  CHECK(prove_equivalent(original, reread, 5).equivalent);
}

TEST_CASE("permeq equivalent without the key recovers the symmetry, and refuses a copy with one weight changed") {
  const Graph original = load_model(std::string(PERMEQ_SOURCE_DIR) + "/tests/fixtures/onnx/encoder_nopos.onnx").graph;
  const PermutedModel moved = permute_weights(original, 3);
  const Graph reread = parse_graph_json(to_graph_json(moved.graph));
  const Equivalence found = find_equivalence(original, reread);
  CHECK(found.equivalent);
  CHECK(found.reason.find("recovered symmetry") != std::string::npos);
  CHECK_FALSE(found.relative_difference.has_value());
  // The permutations drawn with the key, recovered from the weights alone.
  REQUIRE(found.recovered.size() == moved.applied.size());
  for (std::size_t k = 0; k < moved.applied.size(); ++k) {
    CAPTURE(to_string(moved.applied[k].first.kind));
    CHECK(found.recovered[k].first.kind == moved.applied[k].first.kind);
    CHECK(found.recovered[k].second == moved.applied[k].second);
  }
  CHECK(std::any_of(moved.applied.begin(), moved.applied.end(), [](const auto& applied) {
    return !std::is_sorted(applied.second.begin(), applied.second.end());
  }));

  // One entry of one weight moved by 1e-3: no symmetry maps the original there; the closest one is
  // the same permutation, and it misses by that one entry.
  Graph changed = reread;
  const auto matmul_278 = std::find_if(changed.parameters.begin(), changed.parameters.end(), [](const Parameter& p) { return p.info.name == "onnx::MatMul_278"; });
  REQUIRE(matmul_278 != changed.parameters.end());
  auto& weight = *matmul_278;
  REQUIRE(weight.data.has_value());
  auto values = weight.data->to_doubles();
  values[0] += 1e-3;
  weight.data = StoredValues(values);
  const Equivalence refused = find_equivalence(original, changed);
  CHECK_FALSE(refused.equivalent);
  CHECK(refused.reason.find("'onnx::MatMul_278' (1 of") != std::string::npos);
  REQUIRE(refused.relative_difference.has_value());
  CHECK(*refused.relative_difference > 0);
  CHECK(*refused.relative_difference < 1e-3);
  REQUIRE(refused.recovered.size() == found.recovered.size());
  for (std::size_t k = 0; k < found.recovered.size(); ++k) CHECK(refused.recovered[k].second == found.recovered[k].second);
}
