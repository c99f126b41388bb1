#include "permeq/ir/builder.hpp"

#include "permeq/core/error.hpp"

#include <cmath>

namespace permeq {

GraphBuilder::GraphBuilder(std::string name, std::string token_dim) : token_dim_(std::move(token_dim)) { graph_.name = std::move(name); }

void GraphBuilder::dim(const std::string& name, std::int64_t size) { graph_.dims[name] = size; }

std::string GraphBuilder::scoped(const std::string& name) const {
  std::string path;
  for (const auto& s : scopes_) path += s + "/";
  return path + name;
}

std::string GraphBuilder::fresh_name(const std::string& hint) {
  const auto base = scoped(hint);
  auto taken = [&](const std::string& name) {
    return graph_.find_input(name) || graph_.find_parameter(name) || graph_.find_node(name);
  };
  std::string name;
  do {
    const int count = counters_[base]++;
    name = count == 0 ? base : base + "_" + std::to_string(count);
  } while (taken(name));
  return name;
}

void GraphBuilder::push_scope(const std::string& name) { scopes_.push_back(name); }
void GraphBuilder::pop_scope() { scopes_.pop_back(); }

Value GraphBuilder::input(const std::string& name, SymbolicShape shape, DType dtype, std::optional<int> token_axis) {
  graph_.inputs.push_back({name, dtype, std::move(shape)});
  if (token_axis) graph_.token_axes[name] = *token_axis;
  return {name};
}

Value GraphBuilder::weight(const std::string& name, SymbolicShape shape, std::optional<std::vector<double>> data) {
  const auto full = scoped(name);
  graph_.parameters.push_back({{full, DType::Float, std::move(shape)}, ParameterKind::Weight, std::move(data)});
  return {full};
}

Value GraphBuilder::buffer(const std::string& name, SymbolicShape shape, std::vector<double> data, DType dtype) {
  if (const auto* existing = graph_.find_parameter(name)) return {existing->info.name};  // shared tables (RoPE, ALiBi)
  graph_.parameters.push_back({{name, dtype, std::move(shape)}, ParameterKind::Buffer, std::move(data)});
  return {name};
}

Value GraphBuilder::constant(SymbolicShape shape, std::vector<double> values, DType dtype) {
  return node1("Constant", {}, {{"shape", std::move(shape)}, {"values", std::move(values)}, {"dtype", std::string(to_string(dtype))}}, "const");
}

void GraphBuilder::output(const Value& value) { graph_.outputs.push_back(value.name); }

std::vector<Value> GraphBuilder::node(const std::string& op, const std::vector<Value>& inputs, Attributes attrs, int outputs,
                                      const std::string& name) {
  Node n;
  n.name = fresh_name(name.empty() ? op : name);
  n.op = op;
  for (const auto& v : inputs) n.inputs.push_back(v.name);
  std::vector<Value> result;
  for (int k = 0; k < outputs; ++k) {
    n.outputs.push_back(outputs == 1 ? n.name : n.name + ":" + std::to_string(k));
    result.push_back({n.outputs.back()});
  }
  n.attrs = std::move(attrs);
  for (std::size_t i = 0; i < scopes_.size(); ++i) n.scope += (i ? "/" : "") + scopes_[i];
  graph_.nodes.push_back(std::move(n));
  return result;
}

Value GraphBuilder::node1(const std::string& op, const std::vector<Value>& inputs, Attributes attrs, const std::string& name) {
  return node(op, inputs, std::move(attrs), 1, name)[0];
}

Value GraphBuilder::add(const Value& a, const Value& b) { return node1("Add", {a, b}); }
Value GraphBuilder::mul(const Value& a, const Value& b) { return node1("Mul", {a, b}); }
Value GraphBuilder::matmul(const Value& a, const Value& b) { return node1("MatMul", {a, b}); }
Value GraphBuilder::scale(const Value& a, double factor) { return node1("Mul", {a, constant({}, {factor})}, {}, "scale"); }

Value GraphBuilder::activation(const Value& x, Activation kind) {
  switch (kind) {
    case Activation::Relu: return node1("Relu", {x});
    case Activation::Gelu: return node1("Gelu", {x});
    case Activation::GeluTanh: return node1("Gelu", {x}, {{"approximate", std::string("tanh")}});
    case Activation::Silu: return node1("Silu", {x});
    case Activation::Tanh: return node1("Tanh", {x});
  }
  throw Error(ErrorKind::Internal, "unknown activation");
}

Value GraphBuilder::linear(const Value& x, std::int64_t in, std::int64_t out, const std::string& name, bool bias) {
  push_scope(name);
  std::vector<Value> inputs{x, weight("weight", {in, out})};
  if (bias) inputs.push_back(weight("bias", {out}));
  pop_scope();
  return node1("Linear", inputs, {}, name);
}

Value GraphBuilder::mlp(const Value& x, std::int64_t d, std::int64_t d_ff, Activation act, const std::string& name, std::optional<std::int64_t> d_out) {
  push_scope(name);
  const auto hidden = activation(linear(x, d, d_ff, "fc1"), act);
  const auto y = linear(hidden, d_ff, d_out.value_or(d), "fc2");
  pop_scope();
  return y;
}

Value GraphBuilder::layer_norm(const Value& x, std::int64_t d, const std::string& name) {
  push_scope(name);
  const auto scale_w = weight("scale", {d}), shift = weight("bias", {d});
  pop_scope();
  return node1("LayerNorm", {x, scale_w, shift}, {{"axis", std::int64_t{-1}}, {"epsilon", 1e-5}}, name);
}

Value GraphBuilder::rms_norm(const Value& x, std::int64_t d, const std::string& name) {
  push_scope(name);
  const auto scale_w = weight("scale", {d});
  pop_scope();
  return node1("RMSNorm", {x, scale_w}, {{"axis", std::int64_t{-1}}, {"epsilon", 1e-5}}, name);
}

Value GraphBuilder::heads_split(const Value& x, std::int64_t heads, std::int64_t d_head) {
  const auto split = node1("Reshape", {x}, {{"shape", std::vector<Dim>{0, heads, d_head}}}, "split_heads");
  return node1("Transpose", {split}, {{"perm", std::vector<std::int64_t>{1, 0, 2}}}, "heads_first");
}

Value GraphBuilder::heads_merge(const Value& x, std::int64_t d_model) {
  const auto tokens_first = node1("Transpose", {x}, {{"perm", std::vector<std::int64_t>{1, 0, 2}}}, "tokens_first");
  return node1("Reshape", {tokens_first}, {{"shape", std::vector<Dim>{0, d_model}}}, "merge_heads");
}

Value GraphBuilder::positions() {
  return node1("Range", {}, {{"limit", std::vector<Dim>{token_dim_}}}, "positions");
}

Value GraphBuilder::rotary(const Value& x, std::int64_t d_head, std::int64_t max_len) {
  // rotate_half layout: pairs (i, i + d_head/2) share frequency 10000^(-2i/d_head).
  std::vector<double> cos_table, sin_table;
  for (std::int64_t pos = 0; pos < max_len; ++pos)
    for (std::int64_t j = 0; j < d_head; ++j) {
      const auto i = j % (d_head / 2);
      const double angle = static_cast<double>(pos) * std::pow(10000.0, -2.0 * static_cast<double>(i) / static_cast<double>(d_head));
      cos_table.push_back(std::cos(angle));
      sin_table.push_back(std::sin(angle));
    }
  const auto pos = positions();
  const auto cos = node1("Gather", {buffer("rope_cos", {max_len, d_head}, cos_table), pos}, {}, "rope_cos");
  const auto sin = node1("Gather", {buffer("rope_sin", {max_len, d_head}, sin_table), pos}, {}, "rope_sin");
  const auto halves = node("Split", {x}, {{"axis", std::int64_t{-1}}}, 2, "halves");
  const auto rotated = node1("Concat", {node1("Neg", {halves[1]}), halves[0]}, {{"axis", std::int64_t{-1}}}, "rotate_half");
  return node1("Add", {node1("Mul", {x, cos}, {}, "rope_mul_cos"), node1("Mul", {rotated, sin}, {}, "rope_mul_sin")}, {}, "rope");
}

Value GraphBuilder::attention(const Value& x, const AttentionConfig& c, const std::string& name) {
  push_scope(name);
  const auto d_head = c.d_model / c.heads;
  if (d_head * c.heads != c.d_model) throw Error(ErrorKind::Usage, "d_model " + std::to_string(c.d_model) + " is not divisible by " + std::to_string(c.heads) + " heads");
  auto q = heads_split(linear(x, c.d_model, c.d_model, "q"), c.heads, d_head);
  auto k = heads_split(linear(x, c.d_model, c.d_model, "k"), c.heads, d_head);
  const auto v = heads_split(linear(x, c.d_model, c.d_model, "v"), c.heads, d_head);
  if (c.rope) {
    q = rotary(q, d_head, c.max_len);
    k = rotary(k, d_head, c.max_len);
  }
  const auto k_t = node1("Transpose", {k}, {{"perm", std::vector<std::int64_t>{0, 2, 1}}}, "keys_t");
  auto scores = scale(node1("MatMul", {q, k_t}, {}, "scores"), 1.0 / std::sqrt(static_cast<double>(d_head)));
  if (c.alibi) {
    std::vector<double> table;
    for (std::int64_t h = 0; h < c.heads; ++h)
      for (std::int64_t i = 0; i < c.max_len; ++i)
        for (std::int64_t j = 0; j < c.max_len; ++j)
          table.push_back(-std::pow(2.0, -8.0 * static_cast<double>(h + 1) / static_cast<double>(c.heads)) * std::fabs(static_cast<double>(i - j)));
    const auto bias = node1("Slice", {buffer("alibi_bias", {c.heads, c.max_len, c.max_len}, table)},
                            {{"starts", std::vector<Dim>{0, 0}}, {"ends", std::vector<Dim>{token_dim_, token_dim_}}, {"axes", std::vector<std::int64_t>{1, 2}}},
                            "alibi");
    scores = node1("Add", {scores, bias}, {}, "add_alibi");
  }
  if (c.relative_bias) {
    std::vector<double> offsets;
    for (std::int64_t i = 0; i < c.max_len; ++i)
      for (std::int64_t j = 0; j < c.max_len; ++j) offsets.push_back(static_cast<double>(j - i + c.max_len - 1));
    const auto index = node1("Slice", {buffer("relative_offsets", {c.max_len, c.max_len}, offsets, DType::Int64)},
                             {{"starts", std::vector<Dim>{0, 0}}, {"ends", std::vector<Dim>{token_dim_, token_dim_}}}, "offsets");
    const auto bias = node1("Gather", {weight("relative_bias_table", {c.heads, 2 * c.max_len - 1}), index}, {{"axis", std::int64_t{1}}}, "relative_bias");
    scores = node1("Add", {scores, bias}, {}, "add_relative_bias");
  }
  if (c.causal) scores = node1("Add", {scores, causal_mask()}, {}, "apply_causal_mask");
  const auto weights = node1("Softmax", {scores}, {{"axis", std::int64_t{-1}}}, "softmax");
  const auto mixed = heads_merge(node1("MatMul", {weights, v}, {}, "mix"), c.d_model);
  const auto y = linear(mixed, c.d_model, c.d_model, "out");
  pop_scope();
  return y;
}

Value GraphBuilder::encoder_layer(const Value& x, const EncoderConfig& c, const std::string& name) {
  push_scope(name);
  const AttentionConfig ac{c.d_model, c.heads, c.causal, c.rope, c.alibi, c.relative_bias, c.max_len};
  Value y;
  if (c.norm == NormPlacement::Post) {
    const auto h = layer_norm(node1("Add", {x, attention(x, ac, "attn")}, {}, "residual1"), c.d_model, "norm1");
    y = layer_norm(node1("Add", {h, mlp(h, c.d_model, c.d_ff, c.activation, "mlp")}, {}, "residual2"), c.d_model, "norm2");
  } else {
    const auto h = node1("Add", {x, attention(layer_norm(x, c.d_model, "norm1"), ac, "attn")}, {}, "residual1");
    y = node1("Add", {h, mlp(layer_norm(h, c.d_model, "norm2"), c.d_model, c.d_ff, c.activation, "mlp")}, {}, "residual2");
  }
  pop_scope();
  return y;
}

Value GraphBuilder::embedding(const Value& ids, std::int64_t vocab, std::int64_t d, const std::string& name) {
  push_scope(name);
  const auto table = weight("table", {vocab, d});
  pop_scope();
  return node1("Gather", {table, ids}, {}, name);
}

Value GraphBuilder::sinusoidal_positions(const Value& x, std::int64_t d, std::int64_t max_len, const std::string& name) {
  std::vector<double> table;
  for (std::int64_t pos = 0; pos < max_len; ++pos)
    for (std::int64_t j = 0; j < d; ++j) {
      const double angle = static_cast<double>(pos) / std::pow(10000.0, static_cast<double>(2 * (j / 2)) / static_cast<double>(d));
      table.push_back(j % 2 == 0 ? std::sin(angle) : std::cos(angle));
    }
  const auto pe = node1("Gather", {buffer(scoped(name) + "/table", {max_len, d}, table), positions()}, {}, name);
  return node1("Add", {x, pe}, {}, "add_" + name);
}

Value GraphBuilder::learned_positions(const Value& x, std::int64_t d, std::int64_t max_len, const std::string& name) {
  push_scope(name);
  const auto table = weight("table", {max_len, d});
  pop_scope();
  const auto pe = node1("Gather", {table, positions()}, {}, name);
  return node1("Add", {x, pe}, {}, "add_" + name);
}

Value GraphBuilder::causal_mask() {
  const auto filled = constant({token_dim_, token_dim_}, {-1e9});
  return node1("Trilu", {filled}, {{"upper", std::int64_t{1}}, {"k", std::int64_t{1}}}, "causal_mask");
}

Value GraphBuilder::cls_prepend(const Value& x, std::int64_t d, const std::string& name) {
  return node1("Concat", {weight(name, {1, d}), x}, {{"axis", std::int64_t{0}}}, "prepend_" + name);
}

Value GraphBuilder::mean_pool(const Value& x) {
  return node1("ReduceMean", {x}, {{"axes", std::vector<std::int64_t>{0}}, {"keepdims", std::int64_t{0}}}, "mean_pool");
}
Value GraphBuilder::sum_pool(const Value& x) {
  return node1("ReduceSum", {x}, {{"axes", std::vector<std::int64_t>{0}}, {"keepdims", std::int64_t{0}}}, "sum_pool");
}
Value GraphBuilder::max_pool(const Value& x) {
  return node1("ReduceMax", {x}, {{"axes", std::vector<std::int64_t>{0}}, {"keepdims", std::int64_t{0}}}, "max_pool");
}
Value GraphBuilder::token_readout(const Value& x, std::int64_t index) {
  return node1("Gather", {x, constant({}, {static_cast<double>(index)}, DType::Int64)}, {}, "token" + std::to_string(index) + "_readout");
}

Graph GraphBuilder::build() const {
  validate_structure(graph_);
  return graph_;
}

}  // namespace permeq
