// examples/example_graphs.hpp: the bundled example graphs, written with the builder API.
//
// Each function returns one graph; `make_example_graphs` writes them all as JSON into
// examples/graphs/ (the tests check that the committed files match). Sizes are small on purpose:
// d = 8, two heads, n = 4 tokens by default, so exact evaluation is instant and witnesses are
// readable.
#pragma once

#include <permeq/permeq.hpp>

#include <functional>
#include <string>
#include <vector>

namespace permeq::examples {

inline constexpr std::int64_t d_model = 8, heads = 2, d_ff = 16, max_len = 16;

inline EncoderConfig encoder_config(NormPlacement norm = NormPlacement::Post) {
  EncoderConfig c;
  c.d_model = d_model;
  c.heads = heads;
  c.d_ff = d_ff;
  c.norm = norm;
  c.max_len = max_len;
  return c;
}

inline GraphBuilder start(const std::string& name, const std::string& doc) {
  GraphBuilder b(name);
  b.graph().doc = doc;
  b.dim("seq", 4);
  return b;
}

/// Two post-norm encoder layers on `x`, as the graph's output.
inline Graph two_encoder_layers(GraphBuilder& b, Value x) {
  x = b.encoder_layer(x, encoder_config(), "layer0");
  b.output(b.encoder_layer(x, encoder_config(), "layer1"));
  return b.build();
}

/// Two post-norm encoder layers, no positional information: token-permutation equivariant.
inline Graph encoder_without_positions() {
  auto b = start("encoder_nopos", "Two post-norm Transformer encoder layers without positional encoding: a set-to-set map, equivariant.");
  return two_encoder_layers(b, b.input("x", {"seq", d_model}));
}

inline Graph encoder_sinusoidal() {
  auto b = start("encoder_sinusoidal_pe", "The encoder with a fixed sinusoidal positional table added to the input: breaks at the Add.");
  return two_encoder_layers(b, b.sinusoidal_positions(b.input("x", {"seq", d_model}), d_model, max_len));
}

inline Graph encoder_learned() {
  auto b = start("encoder_learned_pe", "The encoder with a learned positional embedding added to the input: breaks at the Add.");
  return two_encoder_layers(b, b.learned_positions(b.input("x", {"seq", d_model}), d_model, max_len));
}

inline Graph gpt_causal() {
  auto b = start("gpt_causal", "A GPT-style pre-norm block with a causal mask and no positions: the mask breaks the symmetry.");
  auto c = encoder_config(NormPlacement::Pre);
  c.causal = true;
  c.activation = Activation::Gelu;
  auto x = b.encoder_layer(b.input("x", {"seq", d_model}), c, "block0");
  b.output(b.layer_norm(x, d_model, "final_norm"));
  return b.build();
}

inline Graph mean_pooled_classifier() {
  auto b = start("mean_pool_classifier", "Encoder, mean pooling over tokens, linear head: invariant (a set function).");
  auto x = b.encoder_layer(b.input("x", {"seq", d_model}), encoder_config(), "layer0");
  b.output(b.linear(b.mean_pool(x), d_model, 3, "head"));
  return b.build();
}

inline Graph deepsets() {
  auto b = start("deepsets", "DeepSets: rho(sum_i phi(x_i)) with MLPs phi and rho: invariant.");
  const auto phi = b.mlp(b.input("x", {"seq", 4}), 4, 16, Activation::Relu, "phi", 8);
  b.output(b.mlp(b.sum_pool(phi), 8, 16, Activation::Relu, "rho", 2));
  return b.build();
}

inline Graph token0_classifier() {
  auto b = start("token0_classifier", "Encoder whose head reads token 0 without a CLS token: breaks at the readout.");
  auto x = b.encoder_layer(b.input("x", {"seq", d_model}), encoder_config(), "layer0");
  b.output(b.linear(b.token_readout(x, 0), d_model, 3, "head"));
  return b.build();
}

inline Graph cls_classifier() {
  auto b = start("cls_classifier", "A CLS token prepended, encoder, head on the CLS position: invariant under permutations of the real tokens.");
  auto x = b.cls_prepend(b.input("x", {"seq", d_model}), d_model);
  x = b.encoder_layer(x, encoder_config(), "layer0");
  b.output(b.linear(b.token_readout(x, 0), d_model, 3, "head"));
  return b.build();
}

inline Graph bert_embedding() {
  auto b = start("bert_embedding", "Token ids (int64) looked up in an embedding table, then the encoder: equivariant in the ids.");
  auto x = b.embedding(b.input("ids", {"seq"}, DType::Int64), 32, d_model, "embed");
  x = b.encoder_layer(x, encoder_config(), "layer0");
  b.output(x);
  return b.build();
}

/// One attention layer with a position mechanism switched on by `configure`.
inline Graph attention_example(const std::string& name, const std::string& doc, void (*configure)(AttentionConfig&)) {
  auto b = start(name, doc);
  AttentionConfig c;
  c.d_model = d_model;
  c.heads = heads;
  c.max_len = max_len;
  configure(c);
  b.output(b.attention(b.input("x", {"seq", d_model}), c, "attn"));
  return b.build();
}

inline Graph rope_attention() {
  return attention_example("rope_attention", "Attention with rotary position embedding on queries and keys: breaks where the rotation enters.",
                           [](AttentionConfig& c) { c.rope = true; });
}

inline Graph alibi_attention() {
  return attention_example("alibi_attention", "Attention with the symmetric ALiBi bias -m|i-j|: passes every n = 2 test, breaks from n = 3.",
                           [](AttentionConfig& c) { c.alibi = true; });
}

inline Graph conv_over_tokens() {
  auto b = start("conv_over_tokens", "A 1-D convolution with kernel 3 across the token axis: breaks at the Conv1d.");
  const auto x = b.input("x", {"seq", d_model});
  const auto channels_first = b.node1("Reshape", {b.node1("Transpose", {x}, {{"perm", std::vector<std::int64_t>{1, 0}}}, "channels_first")},
                                      {{"shape", std::vector<Dim>{1, d_model, "seq"}}}, "batch");
  const auto conv = b.node1("Conv1d", {channels_first, b.weight("conv_weight", {d_model, d_model, 3}), b.weight("conv_bias", {d_model})},
                            {{"pads", std::vector<std::int64_t>{1, 1}}}, "conv");
  const auto tokens_first = b.node1("Transpose", {b.node1("Reshape", {conv}, {{"shape", std::vector<Dim>{d_model, "seq"}}}, "unbatch")},
                                    {{"perm", std::vector<std::int64_t>{1, 0}}}, "tokens_first");
  b.output(tokens_first);
  return b.build();
}

struct NamedExample {
  std::string file;
  std::function<Graph()> make;
};

inline std::vector<NamedExample> all_examples() {
  return {{"encoder_nopos", encoder_without_positions}, {"encoder_sinusoidal_pe", encoder_sinusoidal}, {"encoder_learned_pe", encoder_learned},
          {"gpt_causal", gpt_causal}, {"mean_pool_classifier", mean_pooled_classifier}, {"deepsets", deepsets},
          {"token0_classifier", token0_classifier}, {"cls_classifier", cls_classifier}, {"bert_embedding", bert_embedding},
          {"rope_attention", rope_attention}, {"alibi_attention", alibi_attention}, {"conv_over_tokens", conv_over_tokens}};
}

}  // namespace permeq::examples
