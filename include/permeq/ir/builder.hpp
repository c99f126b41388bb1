// permeq/ir/builder.hpp: a C++ API for writing graphs, with transformer-level helpers.
//
//   permeq::GraphBuilder b("encoder");
//   b.dim("seq", 4);
//   auto x = b.input("x", {"seq", 8});              // tokens are rows; axis 0 is permuted
//   x = b.encoder_layer(x, {.d_model = 8, .heads = 2, .d_ff = 16});
//   b.output(b.mean_pool(x));
//   permeq::Graph g = b.build();                    // validated
//
// Tokens are rows of [seq, d] activations (no batch axis). Weights are math layout ([in, out]).
// Every helper opens a scope, so node names read like module paths ("layer0/attn/q").
#pragma once

#include "permeq/ir/graph.hpp"

#include <optional>
#include <string>
#include <vector>

namespace permeq {

/// A value being built: just its name; the graph knows its type.
struct Value {
  std::string name;
};

enum class Activation { Relu, Gelu, GeluTanh, Silu, Tanh };
enum class NormPlacement { Pre, Post };

struct AttentionConfig {
  std::int64_t d_model = 8;
  std::int64_t heads = 2;
  bool causal = false;              ///< add a causal mask to the scores
  bool rope = false;                ///< rotary position embedding on queries and keys
  bool alibi = false;               ///< ALiBi distance bias
  bool relative_bias = false;       ///< T5-style learned relative position bias
  std::int64_t max_len = 16;        ///< table length for position-dependent parts
};

struct EncoderConfig {
  std::int64_t d_model = 8;
  std::int64_t heads = 2;
  std::int64_t d_ff = 16;
  Activation activation = Activation::Relu;
  NormPlacement norm = NormPlacement::Post;
  bool causal = false;
  bool rope = false;
  bool alibi = false;
  bool relative_bias = false;
  std::int64_t max_len = 16;
};

class GraphBuilder {
 public:
  explicit GraphBuilder(std::string name, std::string token_dim = "seq");

  /// Declares the default size of a named dimension.
  void dim(const std::string& name, std::int64_t size);
  [[nodiscard]] const std::string& token_dim() const { return token_dim_; }

  // Values.
  Value input(const std::string& name, SymbolicShape shape, DType dtype = DType::Float, std::optional<int> token_axis = 0);
  Value weight(const std::string& name, SymbolicShape shape, std::optional<std::vector<double>> data = std::nullopt);
  Value buffer(const std::string& name, SymbolicShape shape, std::vector<double> data, DType dtype = DType::Float);
  Value constant(SymbolicShape shape, std::vector<double> values, DType dtype = DType::Float);
  void output(const Value& value);

  /// Any registered operator. Returns one Value per output.
  std::vector<Value> node(const std::string& op, const std::vector<Value>& inputs, Attributes attrs = {}, int outputs = 1,
                          const std::string& name = "");
  Value node1(const std::string& op, const std::vector<Value>& inputs, Attributes attrs = {}, const std::string& name = "");

  // Scopes name the nodes created inside ("layer0/attn/...").
  void push_scope(const std::string& name);
  void pop_scope();

  // Elementary helpers.
  Value add(const Value& a, const Value& b);
  Value mul(const Value& a, const Value& b);
  Value scale(const Value& a, double factor);
  Value matmul(const Value& a, const Value& b);
  Value activation(const Value& x, Activation kind);

  // Transformer building blocks (activations are [seq, d]).
  Value linear(const Value& x, std::int64_t in, std::int64_t out, const std::string& name, bool bias = true);
  Value mlp(const Value& x, std::int64_t d, std::int64_t d_ff, Activation act, const std::string& name, std::optional<std::int64_t> d_out = std::nullopt);
  Value layer_norm(const Value& x, std::int64_t d, const std::string& name);
  Value rms_norm(const Value& x, std::int64_t d, const std::string& name);
  Value attention(const Value& x, const AttentionConfig& config, const std::string& name);
  Value encoder_layer(const Value& x, const EncoderConfig& config, const std::string& name);

  // Embeddings and positions.
  Value embedding(const Value& ids, std::int64_t vocab, std::int64_t d, const std::string& name);
  Value positions();  ///< Range(0, seq), int64
  Value sinusoidal_positions(const Value& x, std::int64_t d, std::int64_t max_len, const std::string& name = "sinusoidal_pe");
  Value learned_positions(const Value& x, std::int64_t d, std::int64_t max_len, const std::string& name = "learned_pe");
  Value causal_mask();                          ///< [seq, seq]: 0 on and below the diagonal, -1e9 above
  Value cls_prepend(const Value& x, std::int64_t d, const std::string& name = "cls");

  // Readouts.
  Value mean_pool(const Value& x);
  Value sum_pool(const Value& x);
  Value max_pool(const Value& x);
  Value token_readout(const Value& x, std::int64_t index = 0);

  /// Validates the structure and returns the graph.
  [[nodiscard]] Graph build() const;
  [[nodiscard]] Graph& graph() { return graph_; }

 private:
  std::string fresh_name(const std::string& hint);
  std::string scoped(const std::string& name) const;
  Value heads_split(const Value& x, std::int64_t heads, std::int64_t d_head);  // [seq, d] -> [h, seq, dh]
  Value heads_merge(const Value& x, std::int64_t d_model);                   // [h, seq, dh] -> [seq, d]
  Value rotary(const Value& x, std::int64_t d_head, std::int64_t max_len);

  Graph graph_;
  std::string token_dim_;
  std::vector<std::string> scopes_;
  std::map<std::string, int> counters_;
};

}  // namespace permeq
