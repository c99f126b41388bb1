// ONNX import of the PyTorch exports in tests/fixtures/onnx/ (made by scripts/make_onnx_fixtures.py):
// every fixture's verdict and culprits, sequence sizes named, and the unsupported-operator error.
#include <doctest/doctest.h>

#include "permeq/check/checker.hpp"
#include "permeq/core/error.hpp"
#include "permeq/import/onnx.hpp"

#include <algorithm>
#include <string>
#include <vector>

using namespace permeq;

namespace {

std::string fixture(const std::string& name) { return std::string(PERMEQ_SOURCE_DIR) + "/tests/fixtures/onnx/" + name + ".onnx"; }

struct Expected {
  std::string name;
  Verdict output;
  std::vector<std::string> culprits;
};

}  // namespace

namespace {
const std::vector<Expected>& fixtures() {
  static const std::vector<Expected> list{
      {"encoder_nopos", Verdict::Equivariant, {}},
      {"encoder_prenorm_gelu", Verdict::Equivariant, {}},
      {"multihead_attention", Verdict::Equivariant, {}},
      {"embedding_encoder", Verdict::Equivariant, {}},
      {"deepsets", Verdict::Invariant, {}},
      {"rmsnorm_classifier", Verdict::Invariant, {}},
      {"encoder_sinusoidal_pe", Verdict::Breaks, {"/Add"}},
      {"encoder_learned_pe", Verdict::Breaks, {"/Add"}},
      {"bert_embedding", Verdict::Breaks, {"/Add"}},
      {"gpt_causal", Verdict::Breaks, {"/Where"}},
      {"rope_attention", Verdict::Breaks, {"/Mul", "/Mul_1", "/Mul_2", "/Mul_3"}},
      {"conv1d_tokens", Verdict::Breaks, {"/conv/Conv"}},
      {"cumsum_tokens", Verdict::Breaks, {"/CumSum"}},
      {"token0_readout", Verdict::Breaks, {"/Gather"}},
      // Issue 14; each label confirmed in eager PyTorch (float64) by scripts/make_onnx_fixtures.py.
      {"moe_top2", Verdict::Equivariant, {}},
      {"decoder_memory", Verdict::Equivariant, {}},
      {"alibi_attention", Verdict::Breaks, {"/Sub_1"}},
      {"gpt_inf_mask", Verdict::Breaks, {"/Add"}},
      {"rotary_computed", Verdict::Breaks, {"/Mul_1", "/Mul_2", "/Mul_3", "/Mul_4"}},
  };
  return list;
}
/// The single output's verdict and the culprits, in any order.
void check_verdict(const CheckReport& report, const Expected& f) {
  REQUIRE(report.outputs.size() == 1);
  CHECK(report.outputs[0].verdict == f.output);
  auto culprits = report.culprits;
  std::sort(culprits.begin(), culprits.end());
  CHECK(culprits == f.culprits);
}
}  // namespace

TEST_CASE("every ONNX fixture gets its verdict and its culprits") {
  for (const auto& f : fixtures()) {
    CAPTURE(f.name);
    const auto imported = import_onnx(fixture(f.name));
    CheckOptions options;
    options.engine = Engine::Exact;
    const auto report = check_forward(imported.graph, options);
    check_verdict(report, f);
    for (const auto& node : report.nodes)
      if (node.verdict == Verdict::Breaks) {
        REQUIRE(node.witness.has_value());
        CHECK(replay_witness(imported.graph, node.node, *node.witness));
      }
  }
}

namespace {
/// Modules written by other people (torch.nn, torchvision, torchaudio), exported by
/// scripts/make_onnx_fixtures.py, which confirms each label in eager PyTorch (float64).
struct LibraryFixture {
  std::string name;
  std::vector<std::string> permute;  ///< --permute; empty: the sequence axis of the inputs
  std::int64_t seq_len;
  Verdict output;
  std::vector<std::string> culprits;
};
const std::vector<LibraryFixture>& library_fixtures() {
  static const std::vector<LibraryFixture> list{
      {"vit_encoder_nopos", {}, 4, Verdict::Equivariant, {}},
      {"vit_encoder_pos", {}, 4, Verdict::Breaks, {"/Add"}},
      // torch.roll of the shifted windows: two Slices of the rows joined the other way round.
      {"swin_block_shifted", {}, 4, Verdict::Breaks, {"/attn/Slice_1", "/attn/Slice_2"}},
      // The key-padding mask from `lengths` (positions >= length) and the depthwise convolution
      // over time. The mask's length is lengths.max(), traced as 5: the model is read at 5.
      {"conformer", {}, 5, Verdict::Breaks,
       {"/module/conformer_layers.0/conv_module/sequential/sequential.2/Conv", "/module/conformer_layers.0/self_attn/Add_2"}},
      {"wav2vec2_transformer", {}, 4, Verdict::Breaks, {"/module/pos_conv_embed/conv/Conv"}},
      {"wav2vec2_nopos", {}, 4, Verdict::Equivariant, {}},
      // Batch 2: nn.MultiheadAttention merges [T, B, E] into [T * B, E] for its projections.
      {"decoder_layer_batch2", {}, 4, Verdict::Equivariant, {}},
      {"decoder_causal_batch2", {}, 4, Verdict::Breaks, {"/module/self_attn/Add_2"}},
      {"transformer_batch2", {"tgt:1"}, 4, Verdict::Equivariant, {}},
      {"transformer_batch2", {"src:1"}, 4, Verdict::Invariant, {}},
      {"mha_key_padding_batch2", {}, 4, Verdict::Equivariant, {}},
      // A class token prepended: the merged [(n+1)*B, E] rows move in blocks of B after the first B.
      {"cls_token_readout", {}, 4, Verdict::Invariant, {}},
      // Sort pooling: TopK's unused indices output is left out at import, so it carries no obligation.
      {"topk_pooling", {}, 4, Verdict::Invariant, {}},
      // The same TopK with its indices read: they keep their obligation and break.
      {"topk_positions", {}, 4, Verdict::Breaks, {"/TopK"}},
      // Position ids = cumsum(mask) * mask: the integer mask is drawn as 0 and 1, so ids stay in range.
      {"cumsum_position_ids", {"x:1", "keep:1"}, 4, Verdict::Breaks, {"/CumSum"}},
      // Switch top-1 routing: the chosen expert's OneHot row as a dispatch mask, token by token.
      {"switch_top1_onehot", {}, 4, Verdict::Equivariant, {}},
  };
  return list;
}
}  // namespace

TEST_CASE("transformer modules of torch.nn, torchvision and torchaudio get their eager PyTorch label and the right culprits") {
  for (const auto& f : library_fixtures()) {
    CAPTURE(f.name);
    CAPTURE(f.permute);
    OnnxImportOptions import;
    import.seq_len = f.seq_len;
    if (!f.permute.empty()) {
      const auto p = parse_permuted_input(f.permute[0]);
      import.permuted_axis = std::pair{p.input, std::int64_t{p.axis}};
    }
    const auto imported = import_onnx(fixture(f.name), import);
    CheckOptions options;
    options.engine = Engine::Exact;
    for (const auto& p : f.permute) options.permute.push_back(parse_permuted_input(p));
    const auto report = check_forward(imported.graph, options);
    check_verdict(report, {f.name, f.output, f.culprits});
    for (const auto& node : report.nodes) {
      CHECK(node.verdict != Verdict::Unknown);
      if (node.verdict == Verdict::Breaks) {
        REQUIRE(node.witness.has_value());
        CHECK(replay_witness(imported.graph, node.node, *node.witness));
      }
    }
  }
}

TEST_CASE("a node downstream of a culprit whose own obligation fails only for inputs the graph does not produce inherits the break") {
  // wav2vec2's convolutional position embedding breaks; the Slice that crops its extra position
  // and the residual Add read broken values, so they inherit instead of being named as culprits.
  const auto imported = import_onnx(fixture("wav2vec2_transformer"));
  CheckOptions options;
  options.engine = Engine::Exact;
  const auto report = check_forward(imported.graph, options);
  const auto row = [&](const std::string& name) {
    const auto it = std::find_if(report.nodes.begin(), report.nodes.end(), [&](const NodeReport& r) { return r.node == name; });
    REQUIRE(it != report.nodes.end());
    return *it;
  };
  for (const std::string name : {"/module/pos_conv_embed/Slice", "/module/Add"}) {
    CAPTURE(name);
    const auto r = row(name);
    CHECK(r.verdict == Verdict::Inherits);
    CHECK(r.inherited_from == std::vector<std::string>{"/module/pos_conv_embed/conv/Conv"});
  }
}

TEST_CASE("the numeric engine finds the same verdicts and culprits on the stored weights, in float32 and float64, and replays its breaks exactly") {
  for (const auto precision : {Precision::Float32, Precision::Float64})
    for (const auto& f : fixtures()) {
      CAPTURE(f.name);
      CheckOptions options;
      options.engine = Engine::Numeric;
      options.precision = precision;
      const auto graph = import_onnx(fixture(f.name)).graph;
      const auto report = check_forward(graph, options);
      check_verdict(report, f);
      for (const auto& node : report.nodes)
        if (node.verdict == Verdict::Breaks) {  // every float break is confirmed exactly at its node
          REQUIRE(node.witness.has_value());
          CHECK(replay_witness(graph, node.node, *node.witness));
        }
      for (const auto& node : report.nodes)
        if (node.method == Method::NumericFloat32 || node.method == Method::NumericFloat64) {
          REQUIRE(node.max_abs_error.has_value());
          REQUIRE(node.tolerance.has_value());
          // A pass is within the tolerance; a break is far above it.
          if (node.verdict == Verdict::Breaks) CHECK(*node.max_abs_error > 100 * *node.tolerance);
          else if (node.verdict != Verdict::Unknown) CHECK(*node.max_abs_error <= *node.tolerance);
        }
    }
}

TEST_CASE("the proof engine proves the equivariant ONNX fixtures for all n and all widths") {
  for (const std::string name : {"encoder_nopos", "deepsets", "multihead_attention"}) {
    CAPTURE(name);
    const auto report = check_forward(import_onnx(fixture(name)).graph, {});
    CHECK(report.outputs[0].proved);
    CHECK(report.outputs[0].proof_scope.find("all n") != std::string::npos);
  }
}

TEST_CASE("sizes that follow the sequence axis are named, so witnesses shrink to n = 2") {
  const auto imported = import_onnx(fixture("encoder_nopos"));
  REQUIRE(imported.graph.inputs.size() == 1);
  CHECK(imported.graph.inputs[0].shape == SymbolicShape{std::int64_t{1}, std::string("seq"), std::int64_t{16}});
  CHECK(imported.graph.token_axes.at("x") == 1);
  const auto causal = check_forward(import_onnx(fixture("gpt_causal")).graph, {});
  const auto culprit = std::find_if(causal.nodes.begin(), causal.nodes.end(), [](const NodeReport& n) { return n.node == "/Where"; });
  REQUIRE(culprit != causal.nodes.end());
  REQUIRE(culprit->witness.has_value());
  CHECK(culprit->witness->tokens == 2);
  // PyTorch scopes become report scopes.
  const auto nodes = import_onnx(fixture("encoder_nopos")).graph.nodes;
  CHECK(std::any_of(nodes.begin(), nodes.end(), [](const Node& n) { return n.scope == "encoder/layers.0/self_attn"; }));
}

TEST_CASE("a token shift by a negative Pad breaks at the Pad") {
  const auto report = check_forward(import_onnx(fixture("token_shift")).graph, {});
  REQUIRE(report.outputs.size() == 1);
  CHECK(report.outputs[0].verdict == Verdict::Breaks);
  CHECK(std::find(report.culprits.begin(), report.culprits.end(), "/Pad") != report.culprits.end());
}

TEST_CASE("a -inf causal mask is an infinity in every engine, and masked softmax entries are exactly 0") {
  const auto imported = import_onnx(fixture("gpt_inf_mask"));
  CHECK(std::none_of(imported.notes.begin(), imported.notes.end(), [](const std::string& n) { return n.find("1000000000") != std::string::npos; }));
  for (const auto engine : {Engine::Exact, Engine::Numeric}) {
    CheckOptions options;
    options.engine = engine;
    const auto report = check_forward(imported.graph, options);
    REQUIRE(report.outputs.size() == 1);
    CHECK(report.outputs[0].verdict == Verdict::Breaks);
    CHECK(report.culprits == std::vector<std::string>{"/Add"});
  }
}

TEST_CASE("a dynamic axis of an input that is not permuted gets the sequence length, and --dim overrides it") {
  const auto imported = import_onnx(fixture("decoder_memory"));
  REQUIRE(imported.graph.inputs.size() == 2);
  CHECK(imported.graph.token_axes.count("memory") == 0);
  CHECK(imported.graph.inputs[1].shape[1] == Dim(std::int64_t{4}));
  CHECK(std::any_of(imported.notes.begin(), imported.notes.end(), [](const std::string& n) {
    return n.find("dimension 'memory_len'") != std::string::npos && n.find("--dim memory_len=SIZE") != std::string::npos;
  }));
  OnnxImportOptions options;
  options.dims["memory_len"] = 7;
  const auto chosen = import_onnx(fixture("decoder_memory"), options);
  CHECK(chosen.graph.inputs[1].shape[1] == Dim(std::int64_t{7}));
  CHECK(check_forward(chosen.graph, {}).outputs[0].verdict == Verdict::Equivariant);
}

TEST_CASE("a model with unsupported operators names every one of them at once") {
  try {
    (void)import_onnx(fixture("unsupported_lstm"));
    FAIL("expected an error");
  } catch (const Error& e) {
    const std::string message = e.what();
    CHECK(e.kind() == ErrorKind::Input);
    CHECK(message.find("unsupported_lstm.onnx") != std::string::npos);
    CHECK(message.find("2 nodes use operators permeq does not import") != std::string::npos);
    CHECK(message.find("LSTM (domain ai.onnx, opset 14) at node '/lstm/LSTM'") != std::string::npos);
    CHECK(message.find("GRU (domain ai.onnx, opset 14) at node '/gru/GRU'") != std::string::npos);
  }
}

TEST_CASE("truncated and corrupt ONNX files are input errors naming the file") {
  const std::string dir = std::string(PERMEQ_SOURCE_DIR) + "/tests/fixtures/bad/";
  for (const std::string name : {"truncated.onnx", "corrupt.onnx", "empty.onnx"}) {
    CAPTURE(name);
    try {
      (void)import_onnx(dir + name);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Input);
      CHECK(std::string(e.what()).find(name) != std::string::npos);
    }
  }
}

TEST_CASE("architecture and instance verdicts are separate: a constant positional table breaks the architecture, not these weights") {
  auto graph = import_onnx(fixture("encoder_learned_pe")).graph;
  const auto pe = std::find_if(graph.parameters.begin(), graph.parameters.end(), [](const Parameter& p) { return p.info.name == "pe"; });
  REQUIRE(pe != graph.parameters.end());
  REQUIRE(pe->kind == ParameterKind::Weight);
  std::vector<double> constant_rows(pe->data->size());
  for (std::size_t i = 0; i < constant_rows.size(); ++i) constant_rows[i] = 0.125 * static_cast<double>(i % 16);  // every row the same
  pe->data = StoredValues(constant_rows);

  const auto report = check_forward(graph, {});
  CHECK(report.weights == "any");
  CHECK(report.outputs[0].verdict == Verdict::Breaks);
  CHECK(report.culprits == std::vector<std::string>{"/Add"});
  REQUIRE(report.instance);
  CHECK(report.instance->weights == "stored");
  CHECK(report.instance->outputs[0].verdict == Verdict::Equivariant);
  CHECK(report.instance->culprits.empty());
}

TEST_CASE("a model defined at some sequence lengths only is read at the smallest longer length at which it translates") {
  struct OneLength {
    std::string name;
    std::int64_t length;
    std::vector<std::string> culprits;
    std::string failing_node;  ///< where the default length 4 fails
  };
  // gMLP's spatial gating unit is a Linear over the 5 tokens of the export; Emformer's segment
  // sizes were traced at 6 tokens. Nystromformer's landmarks are means of n / 3 consecutive tokens:
  // it translates at 3 too, where each segment holds one token and the model is equivariant; at 6
  // it breaks (the reshape into segments loses the action, so the output breaks without a culprit).
  for (const auto& m : {OneLength{"gmlp_spatial_gating", 5, {"/spatial/MatMul"}, "/spatial/MatMul"},
                        OneLength{"emformer_segments", 6, {"/module/emformer_layers.0/attention/Where_1"}, "/module/ConstantOfShape_4"},
                        OneLength{"nystromformer_segments", 6, {}, "/Reshape"}}) {
    CAPTURE(m.name);
    const auto imported = import_onnx(fixture(m.name));
    CHECK(imported.graph.dims.at("seq") == m.length);
    CHECK(std::any_of(imported.notes.begin(), imported.notes.end(), [&](const std::string& n) {
      return n.find("does not translate at seq = 4") != std::string::npos && n.find("node '" + m.failing_node + "'") != std::string::npos &&
             n.find("checked at seq = " + std::to_string(m.length)) != std::string::npos;
    }));
    CheckOptions options;
    options.engine = Engine::Exact;
    const auto report = check_forward(imported.graph, options);
    REQUIRE(report.outputs.size() == 1);
    CHECK(report.outputs[0].verdict == Verdict::Breaks);
    CHECK(report.culprits == m.culprits);
    // A length the user chose is not replaced: the error names the file and the failing node.
    OnnxImportOptions at_four;
    at_four.seq_len = 4;
    try {
      (void)import_onnx(fixture(m.name), at_four);
      FAIL("expected an error at seq = 4");
    } catch (const Error& e) {
      const std::string message = e.what();
      CHECK(e.kind() == ErrorKind::Input);
      CHECK(message.find(m.name + ".onnx: node '" + m.failing_node + "'") != std::string::npos);
    }
  }
}
