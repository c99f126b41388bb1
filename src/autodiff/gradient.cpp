// src/autodiff/gradient.cpp: the reverse-mode driver and the losses.
//
// The gradient graph keeps every forward node under its own name, appends the loss, then walks
// the forward nodes in reverse order asking each operator's derivative rule for its inputs'
// cotangents. Shapes are worked out at two token counts, n0 and n0 + 1, so the driver knows which
// axes follow the token count and can keep the token dimension named in what it adds.

#include "permeq/autodiff/gradient.hpp"

#include "permeq/ops/operator.hpp"
#include "src/autodiff/vjp_context.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <set>

namespace permeq {

namespace {

constexpr std::array<LossInfo, 7> loss_table{{
    {LossKind::Sum, "sum", "sum of every element of the output"},
    {LossKind::Mean, "mean", "mean of every element of the output"},
    {LossKind::SquaredError, "mse", "mean squared error against a target input of the output's shape, permuted with the tokens"},
    {LossKind::TokenCrossEntropy, "token-ce", "cross-entropy of per-token logits [.., seq, C] against int64 labels [.., seq, 1] permuted with the tokens"},
    {LossKind::SequenceCrossEntropy, "sequence-ce", "cross-entropy of a pooled readout's logits [.., C] against an int64 label [.., 1]"},
    {LossKind::NextTokenCrossEntropy, "next-token-ce", "language-model loss: logits at token t against the label at t+1 (not invariant)"},
    {LossKind::PositionWeightedSum, "position-weighted", "sum over tokens of (t+1) * output: per-position weights (not invariant)"},
}};

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// The named dimension the token permutation acts on: that of a token axis the graph declares,
/// else of an input axis named seq, tokens or n. Empty when the token count is fixed.
std::string token_dimension(const Graph& graph) {
  for (const auto& [input, axis] : graph.token_axes)
    if (const auto* info = graph.find_input(input)) {
      const auto rank = static_cast<int>(info->shape.size());
      const int a = axis < 0 ? axis + rank : axis;
      if (a >= 0 && a < rank)
        if (const auto* name = std::get_if<std::string>(&info->shape[static_cast<std::size_t>(a)])) return *name;
    }
  for (const auto& info : graph.inputs)
    for (const auto& d : info.shape)
      if (const auto* name = std::get_if<std::string>(&d); name && (*name == "seq" || *name == "tokens" || *name == "n")) return *name;
  return {};
}

Node bind_attributes(Node node, const DimBindings& bindings) {
  for (auto& [key, value] : node.attrs)
    if (auto* dims = std::get_if<std::vector<Dim>>(&value))
      for (auto& d : *dims)
        if (const auto* name = std::get_if<std::string>(&d)) {
          const auto it = bindings.find(*name);
          if (it == bindings.end()) throw Error(ErrorKind::Internal, node.describe() + ": dimension '" + *name + "' is unbound");
          d = it->second;
        }
  return node;
}

class Differentiator {
 public:
  Differentiator(const Graph& forward, const DimBindings& bindings) : forward_(forward) {
    token_dim_ = token_dimension(forward);
    DimBindings b0(forward.dims.begin(), forward.dims.end());
    for (const auto& [name, size] : bindings) b0[name] = size;
    if (!token_dim_.empty() && !b0.count(token_dim_)) b0[token_dim_] = 4;
    b0_ = b1_ = b0;
    if (!token_dim_.empty()) ++b1_[token_dim_];
    const auto g0 = instantiate(forward, b0_);
    const auto g1 = instantiate(forward, b1_);
    types0_ = g0.types;
    types1_ = g1.types;
    order_ = g0.order;
    result_.graph = forward;
    for (const auto& [name, size] : b0_)
      if (name != token_dim_) result_.graph.dims[name] = size;
    if (!token_dim_.empty()) result_.graph.dims[token_dim_] = b0_[token_dim_];
    for (const auto& node : forward.nodes)
      for (const auto& out : node.outputs) used_.insert(out);
    for (const auto& node : forward.nodes) used_.insert(node.name);
    for (const auto& in : forward.inputs) used_.insert(in.name);
    for (const auto& p : forward.parameters) used_.insert(p.info.name);
  }

  GradientGraph run(const LossSpec& spec) {
    mark_differentiable();
    const std::size_t forward_count = result_.graph.nodes.size();
    origin_ = "loss";
    scope_ = "loss";
    const Value loss = build_loss(spec);
    std::vector<std::size_t> primal = order_;
    for (std::size_t i = forward_count; i < result_.graph.nodes.size(); ++i) primal.push_back(i);
    // Loss nodes are differentiated like forward nodes; they follow the loss's inputs.
    for (std::size_t i = forward_count; i < result_.graph.nodes.size(); ++i)
      for (const auto& out : result_.graph.nodes[i].outputs) {
        const auto& node = result_.graph.nodes[i];
        const bool any = std::any_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& v) { return differentiable_.count(v) > 0; });
        if (any && type0(Value{out}).dtype == DType::Float) differentiable_.insert(out);
      }
    cotangent_[loss.name] = emit_one("Constant", {}, {{"shape", std::vector<Dim>{}}, {"values", std::vector<double>{1.0}}});

    for (auto it = primal.rbegin(); it != primal.rend(); ++it) backpropagate(*it, forward_count);

    origin_ = "loss";
    scope_ = "loss";
    result_.graph.outputs = {loss.name};
    result_.outputs.push_back({loss.name, GradientRole::Loss, ""});
    for (const auto& in : forward_.inputs)
      if (in.dtype == DType::Float) add_gradient_output(in.name, GradientRole::InputGradient);
    for (const auto& p : forward_.parameters)
      if (p.kind == ParameterKind::Weight && p.info.dtype == DType::Float) add_gradient_output(p.info.name, GradientRole::WeightGradient);
    validate_structure(result_.graph);
    return std::move(result_);
  }

 private:
  const TensorType& type0(const Value& v) const { return types0_.at(v.name); }

  bool varies(const Value& v, std::size_t axis) const {
    const auto& a = types0_.at(v.name).shape;
    const auto& b = types1_.at(v.name).shape;
    return axis < a.size() && a[axis] != b[axis];
  }

  std::string fresh(const std::string& hint) {
    std::string name = hint;
    for (int k = 1; used_.count(name); ++k) name = hint + "_" + std::to_string(k);
    used_.insert(name);
    return name;
  }

  std::vector<Value> emit(std::string_view op, const std::vector<Value>& inputs, Attributes attrs, int outputs) {
    const auto* info = find_operator(op);
    if (!info) throw Error(ErrorKind::Internal, "derivative rule emits unknown operator '" + std::string(op) + "'");
    Node node;
    node.op = std::string(op);
    node.name = fresh(origin_ == "loss" ? "loss/" + lowercase(op) : origin_.empty() ? "grad/" + lowercase(op) : "grad/" + origin_ + "/" + lowercase(op));
    node.scope = scope_;
    node.attrs = std::move(attrs);
    for (const auto& v : inputs) node.inputs.push_back(v.name);
    for (int k = 0; k < outputs; ++k) node.outputs.push_back(outputs == 1 ? node.name : fresh(node.name + ":" + std::to_string(k)));
    for (auto* which : {&types0_, &types1_}) {
      std::vector<TensorType> in;
      for (const auto& v : inputs) in.push_back(which->at(v.name));
      const Node bound = bind_attributes(node, which == &types0_ ? b0_ : b1_);
      std::vector<TensorType> out;
      try {
        out = info->infer(bound, in);
      } catch (const Error& e) {
        throw Error(ErrorKind::Internal, "derivative rule of '" + origin_ + "' emitted an ill-typed node: " + e.what());
      }
      for (std::size_t k = 0; k < node.outputs.size(); ++k) (*which)[node.outputs[k]] = out.at(k);
    }
    result_.graph.nodes.push_back(node);
    if (!origin_.empty()) result_.origin[node.name] = origin_;
    std::vector<Value> values;
    for (const auto& out : node.outputs) values.push_back({out});
    return values;
  }
  Value emit_one(std::string_view op, const std::vector<Value>& inputs, Attributes attrs = {}) { return emit(op, inputs, std::move(attrs), 1).front(); }

  void mark_differentiable() {
    for (const auto& in : forward_.inputs)
      if (in.dtype == DType::Float) differentiable_.insert(in.name);
    for (const auto& p : forward_.parameters)
      if (p.kind == ParameterKind::Weight && p.info.dtype == DType::Float) differentiable_.insert(p.info.name);
    for (const auto index : order_) {
      const auto& node = forward_.nodes[index];
      const bool any = std::any_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& v) { return differentiable_.count(v) > 0; });
      if (!any) continue;
      for (const auto& out : node.outputs)
        if (types0_.at(out).dtype == DType::Float) differentiable_.insert(out);
    }
  }

  autodiff::VjpContext::Emitter emitter() {
    autodiff::VjpContext::Emitter e;
    e.emit = [this](std::string_view op, const std::vector<Value>& in, Attributes attrs, int outputs) { return emit(op, in, std::move(attrs), outputs); };
    e.type = [this](const Value& v) -> const TensorType& { return type0(v); };
    e.varies = [this](const Value& v, std::size_t axis) { return varies(v, axis); };
    e.kink = [this](std::string note) {
      const std::string line = "node '" + origin_ + "': " + note;
      if (std::find(result_.kinks.begin(), result_.kinks.end(), line) == result_.kinks.end()) result_.kinks.push_back(line);
    };
    e.producer_op = [this](const Value& v) -> std::string {
      for (const auto& node : result_.graph.nodes)
        if (std::find(node.outputs.begin(), node.outputs.end(), v.name) != node.outputs.end()) return node.op;
      return "";
    };
    return e;
  }

  void backpropagate(std::size_t index, std::size_t forward_count) {
    const Node node = result_.graph.nodes[index];  // a copy: emitting grows the node list
    std::vector<std::optional<Value>> cotangents;
    bool any_cotangent = false;
    for (const auto& out : node.outputs) {
      const auto it = cotangent_.find(out);
      cotangents.push_back(it == cotangent_.end() ? std::nullopt : std::optional<Value>(it->second));
      any_cotangent = any_cotangent || it != cotangent_.end();
    }
    std::vector<bool> wanted;
    for (const auto& in : node.inputs) wanted.push_back(!in.empty() && differentiable_.count(in) > 0);
    if (!any_cotangent || std::none_of(wanted.begin(), wanted.end(), [](bool w) { return w; })) return;
    const auto* info = find_operator(node.op);
    origin_ = index >= forward_count ? "loss" : node.name;
    scope_ = index >= forward_count ? "loss" : (node.scope.empty() ? "backward" : "backward/" + node.scope);
    if (!info->vjp) throw NotDifferentiable(node.describe() + ": operator " + node.op + " has no derivative rule");
    autodiff::VjpContext context(node, std::move(cotangents), wanted, emitter());
    info->vjp(context);
    for (std::size_t i = 0; i < node.inputs.size(); ++i) {
      const auto& given = context.given()[i];
      if (!given) continue;
      const auto it = cotangent_.find(node.inputs[i]);
      if (it == cotangent_.end()) cotangent_.emplace(node.inputs[i], *given);
      else it->second = emit_one("Add", {it->second, *given});
    }
  }

  void add_gradient_output(const std::string& of, GradientRole role) {
    Value gradient;
    if (const auto it = cotangent_.find(of); it != cotangent_.end()) {
      gradient = it->second;
    } else {  // nothing reaches it: its gradient is zero
      origin_ = "";
      scope_ = "backward";
      const auto zero = emit_one("Constant", {}, {{"shape", std::vector<Dim>{}}, {"values", std::vector<double>{0.0}}});
      gradient = emit_one("ExpandLike", {zero, Value{of}});
    }
    if (std::find(result_.graph.outputs.begin(), result_.graph.outputs.end(), gradient.name) != result_.graph.outputs.end()) {
      origin_ = "";
      gradient = emit_one("Add", {gradient, emit_one("Constant", {}, {{"shape", std::vector<Dim>{}}, {"values", std::vector<double>{0.0}}})});
    }
    result_.graph.outputs.push_back(gradient.name);
    result_.outputs.push_back({gradient.name, role, of});
  }

  // --- losses -------------------------------------------------------------------------------

  /// The output's shape with the token dimension named where it follows the token count.
  SymbolicShape symbolic_shape(const Value& v, std::string_view what) const {
    const auto& a = types0_.at(v.name).shape;
    const auto& b = types1_.at(v.name).shape;
    SymbolicShape shape;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i] == b[i]) shape.emplace_back(a[i]);
      else if (b[i] == a[i] + 1 && a[i] == b0_.at(token_dim_)) shape.emplace_back(token_dim_);
      else
        throw Error(ErrorKind::Usage, std::string(what) + ": axis " + std::to_string(i) + " of output '" + v.name +
                                          "' grows with the token count but is not the token count itself, so no target can follow it");
    }
    return shape;
  }

  std::optional<int> token_axis_of(const Value& v) const {
    for (std::size_t i = 0; i < types0_.at(v.name).shape.size(); ++i)
      if (varies(v, i)) return static_cast<int>(i);
    return std::nullopt;
  }

  Value add_loss_input(const std::string& hint, DType dtype, SymbolicShape shape, std::optional<int> token_axis) {
    const std::string name = fresh(hint);
    result_.graph.inputs.push_back({name, dtype, shape});
    if (token_axis) result_.graph.token_axes[name] = *token_axis;
    result_.loss_inputs.push_back(name);
    for (auto* which : {&types0_, &types1_}) {
      Shape concrete;
      for (const auto& d : shape)
        concrete.push_back(std::holds_alternative<std::int64_t>(d) ? std::get<std::int64_t>(d) : (which == &types0_ ? b0_ : b1_).at(token_dim_));
      (*which)[name] = {dtype, concrete};
    }
    return {name};
  }

  std::vector<std::int64_t> all_axes(const Value& v) const {
    std::vector<std::int64_t> axes;
    for (std::size_t i = 0; i < type0(v).shape.size(); ++i) axes.push_back(static_cast<std::int64_t>(i));
    return axes;
  }

  Value reduce_all(std::string_view op, const Value& v) {
    if (type0(v).shape.empty()) return v;
    return emit_one(op, {v}, {{"axes", all_axes(v)}, {"keepdims", std::int64_t{0}}});
  }

  /// -mean log softmax(logits)[labels] over the last axis.
  Value cross_entropy(const Value& logits, const Value& labels) {
    const auto log_probabilities = emit_one("Log", {emit_one("Softmax", {logits}, {{"axis", std::int64_t{-1}}})});
    const auto picked = emit_one("GatherElements", {log_probabilities, labels}, {{"axis", std::int64_t{-1}}});
    return emit_one("Neg", {reduce_all("ReduceMean", picked)});
  }

  Value build_loss(const LossSpec& spec) {
    std::string name = spec.output;
    if (name.empty()) {
      for (const auto& out : forward_.outputs)
        if (types0_.at(out).dtype == DType::Float) {
          name = out;
          break;
        }
      if (name.empty()) throw Error(ErrorKind::Usage, "graph '" + forward_.name + "' has no float output to differentiate");
    } else if (std::find(forward_.outputs.begin(), forward_.outputs.end(), name) == forward_.outputs.end()) {
      throw Error(ErrorKind::Usage, "--loss names output '" + name + "', which graph '" + forward_.name + "' does not have");
    }
    const Value y{name};
    if (type0(y).dtype != DType::Float) throw Error(ErrorKind::Usage, "output '" + name + "' is not a float tensor; it has no gradient");
    const auto rank = type0(y).shape.size();
    const auto token_axis = token_axis_of(y);
    const std::string loss_name(to_string(spec.kind));
    auto need_logits = [&](bool with_tokens) {
      if (rank == 0) throw Error(ErrorKind::Usage, "loss " + loss_name + " needs logits with a class axis; output '" + name + "' is a scalar");
      if (with_tokens && (!token_axis || *token_axis == static_cast<int>(rank) - 1))
        throw Error(ErrorKind::Usage, "loss " + loss_name + " needs per-token logits [.., seq, C]; output '" + name + "' has shape " +
                                          to_string(type0(y).shape) + " without a token axis before the class axis (use sequence-ce for a pooled readout)");
      if (!with_tokens && token_axis)
        throw Error(ErrorKind::Usage, "loss sequence-ce needs a pooled readout; output '" + name + "' has a token axis " +
                                          std::to_string(*token_axis) + " (use token-ce)");
    };
    auto labels_shape = [&] {
      auto shape = symbolic_shape(y, "loss " + loss_name);
      shape.back() = std::int64_t{1};
      return shape;
    };
    switch (spec.kind) {
      case LossKind::Sum:
        result_.loss_description = "sum of output '" + name + "'";
        return reduce_all("ReduceSum", y);
      case LossKind::Mean:
        result_.loss_description = "mean of output '" + name + "'";
        return reduce_all("ReduceMean", y);
      case LossKind::SquaredError: {
        const auto target = add_loss_input("target", DType::Float, symbolic_shape(y, "loss mse"), token_axis);
        result_.loss_description = "mean squared error of output '" + name + "' against input '" + target.name + "'";
        const auto difference = emit_one("Sub", {y, target});
        return reduce_all("ReduceMean", emit_one("Mul", {difference, difference}));
      }
      case LossKind::TokenCrossEntropy:
      case LossKind::SequenceCrossEntropy: {
        const bool per_token = spec.kind == LossKind::TokenCrossEntropy;
        need_logits(per_token);
        const auto labels = add_loss_input("labels", DType::Int64, labels_shape(), token_axis);
        result_.loss_description = std::string(per_token ? "token" : "sequence") + "-level cross-entropy of output '" + name +
                                   "' against int64 input '" + labels.name + "'";
        return cross_entropy(y, labels);
      }
      case LossKind::NextTokenCrossEntropy: {
        need_logits(true);
        const auto labels = add_loss_input("labels", DType::Int64, labels_shape(), token_axis);
        result_.loss_description = "next-token cross-entropy: logits of output '" + name + "' at token t against input '" + labels.name + "' at t+1";
        const std::int64_t axis = *token_axis;
        const auto logits = emit_one("Slice", {y}, {{"starts", std::vector<Dim>{std::int64_t{0}}}, {"ends", std::vector<Dim>{std::int64_t{-1}}},
                                                    {"axes", std::vector<std::int64_t>{axis}}});
        const auto next = emit_one("Slice", {labels}, {{"starts", std::vector<Dim>{std::int64_t{1}}},
                                                       {"ends", std::vector<Dim>{std::numeric_limits<std::int64_t>::max()}},
                                                       {"axes", std::vector<std::int64_t>{axis}}});
        return cross_entropy(logits, next);
      }
      case LossKind::PositionWeightedSum: {
        if (!token_axis) throw Error(ErrorKind::Usage, "loss position-weighted needs an output with a token axis; '" + name + "' has none");
        result_.loss_description = "sum over tokens t of (t+1) * output '" + name + "'";
        const auto positions = emit_one("Range", {}, {{"limit", std::vector<Dim>{token_dim_}}, {"dtype", std::string("float")}});
        std::vector<Dim> shape{std::int64_t{-1}};
        for (std::size_t i = static_cast<std::size_t>(*token_axis) + 1; i < rank; ++i) shape.emplace_back(std::int64_t{1});
        const auto column = emit_one("Reshape", {positions}, {{"shape", shape}});
        const auto one = emit_one("Constant", {}, {{"shape", std::vector<Dim>{}}, {"values", std::vector<double>{1.0}}});
        return reduce_all("ReduceSum", emit_one("Mul", {y, emit_one("Add", {column, one})}));
      }
    }
    throw Error(ErrorKind::Internal, "unknown loss");
  }

  const Graph& forward_;
  std::string token_dim_;
  DimBindings b0_, b1_;
  std::map<std::string, TensorType, std::less<>> types0_, types1_;
  std::vector<std::size_t> order_;
  GradientGraph result_;
  std::set<std::string, std::less<>> used_;
  std::set<std::string, std::less<>> differentiable_;
  std::map<std::string, Value, std::less<>> cotangent_;
  std::string origin_, scope_;
};

}  // namespace

std::span<const LossInfo> losses() { return loss_table; }

std::string_view to_string(LossKind kind) {
  for (const auto& l : loss_table)
    if (l.kind == kind) return l.name;
  return "?";
}

LossSpec parse_loss(std::string_view text) {
  LossSpec spec;
  std::string_view name = text;
  if (const auto colon = text.find(':'); colon != std::string_view::npos) {
    name = text.substr(0, colon);
    spec.output = std::string(text.substr(colon + 1));
  }
  for (const auto& l : loss_table)
    if (l.name == name) {
      spec.kind = l.kind;
      return spec;
    }
  std::string choices;
  for (const auto& l : loss_table) choices += (choices.empty() ? "" : ", ") + std::string(l.name);
  throw Error(ErrorKind::Usage, "unknown loss '" + std::string(name) + "'; choose one of " + choices + " (optionally followed by :OUTPUT)");
}

GradientGraph differentiate(const Graph& graph, const LossSpec& loss, const DimBindings& bindings) {
  return Differentiator(graph, bindings).run(loss);
}

}  // namespace permeq
