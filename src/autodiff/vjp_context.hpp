// src/autodiff/vjp_context.hpp: what an operator's derivative rule (its `vjp`) sees and may do.
//
// Reverse mode writes the gradient as ordinary graph nodes. The driver (src/autodiff/gradient.cpp)
// walks the forward nodes backwards and hands each operator's `vjp` a context holding the forward
// node, its input and output values, the cotangents that reached its outputs, and an emitter for
// new nodes. The rule gives each input that wants one its cotangent; the driver adds up the
// contributions. Emitted nodes are typed on the spot (at two token counts, so that a rule never
// bakes a size that changes with the number of tokens into an attribute).
#pragma once

#include "permeq/ir/attributes.hpp"
#include "permeq/ir/builder.hpp"
#include "permeq/ir/graph.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace permeq::autodiff {

class VjpContext {
 public:
  /// The driver's side: how to emit a node and read types. Kept abstract so that operator
  /// definitions see only this header.
  struct Emitter {
    std::function<std::vector<Value>(std::string_view op, const std::vector<Value>& inputs, Attributes attrs, int outputs)> emit;
    std::function<const TensorType&(const Value&)> type;
    /// True when axis `axis` of the value changes length with the token count.
    std::function<bool(const Value&, std::size_t axis)> varies;
    std::function<void(std::string note)> kink;
    /// The operator of the node that computes the value ("" for graph inputs and weights).
    std::function<std::string(const Value&)> producer_op;
  };

  VjpContext(const Node& node, std::vector<std::optional<Value>> cotangents, std::vector<bool> wanted, Emitter emitter)
      : node_(node), cotangents_(std::move(cotangents)), wanted_(std::move(wanted)), given_(node.inputs.size()), emitter_(std::move(emitter)) {}

  // The forward node.
  [[nodiscard]] const Node& node() const { return node_; }
  [[nodiscard]] std::size_t input_count() const { return node_.inputs.size(); }
  [[nodiscard]] Value input(std::size_t i) const { return {node_.inputs.at(i)}; }
  [[nodiscard]] Value output(std::size_t i = 0) const { return {node_.outputs.at(i)}; }
  [[nodiscard]] const TensorType& input_type(std::size_t i) const { return type(input(i)); }
  [[nodiscard]] const TensorType& output_type(std::size_t i = 0) const { return type(output(i)); }
  [[nodiscard]] bool present(std::size_t i) const { return i < node_.inputs.size() && !node_.inputs[i].empty(); }

  /// The cotangent of output i (dL/d output), if any gradient reaches it.
  [[nodiscard]] const std::optional<Value>& cotangent(std::size_t i = 0) const { return cotangents_.at(i); }
  /// The cotangent of output i, or zeros of its shape.
  [[nodiscard]] Value cotangent_or_zeros(std::size_t i);
  /// Input i needs a gradient (a float value that depends on a differentiated input or weight).
  [[nodiscard]] bool wants(std::size_t i) const { return i < wanted_.size() && wanted_[i]; }
  /// Gives input i its cotangent, which must have the input's shape.
  void give(std::size_t i, const Value& gradient);
  /// Gives input i a cotangent of the broadcast shape the node computed in: summed back to the
  /// input's shape first where the input was broadcast.
  void give_unbroadcast(std::size_t i, const Value& gradient);
  [[nodiscard]] const std::vector<std::optional<Value>>& given() const { return given_; }

  // Emitting nodes (each is typed at once; a shape error there is an internal error of the rule).
  Value emit(std::string_view op, const std::vector<Value>& inputs, Attributes attrs = {});
  std::vector<Value> emit_n(std::string_view op, const std::vector<Value>& inputs, Attributes attrs, int outputs);
  [[nodiscard]] const TensorType& type(const Value& value) const { return emitter_.type(value); }
  [[nodiscard]] bool varies(const Value& value, std::size_t axis) const { return emitter_.varies(value, axis); }
  /// A float scalar constant (shape []); broadcasts against anything.
  Value scalar(double value);
  /// Zeros of `like`'s shape.
  Value zeros_like(const Value& like);

  // Arithmetic shorthands (numpy broadcasting).
  Value add(const Value& a, const Value& b) { return emit("Add", {a, b}); }
  Value sub(const Value& a, const Value& b) { return emit("Sub", {a, b}); }
  Value mul(const Value& a, const Value& b) { return emit("Mul", {a, b}); }
  Value div(const Value& a, const Value& b) { return emit("Div", {a, b}); }
  Value neg(const Value& a) { return emit("Neg", {a}); }
  Value scale(const Value& a, double factor) { return mul(a, scalar(factor)); }
  /// Swaps the last two axes.
  Value transpose_last2(const Value& a);
  /// Sums `gradient` down to `like`'s shape where `like` was broadcast (identity when equal).
  Value sum_like(const Value& gradient, const Value& like);
  /// Inserts size-1 axes at `axes` (positions in the result) and broadcasts to `like`'s shape.
  Value expand_like(const Value& value, const Value& like, const std::vector<std::int64_t>& axes = {});

  /// Records a point where the operator is not differentiable and the rule picks a subgradient.
  void kink(std::string note) { emitter_.kink(std::move(note)); }
  /// The operator that computes a value ("" for graph inputs and weights): lets a rule say
  /// where its routing indices come from.
  [[nodiscard]] std::string producer_op(const Value& v) const { return emitter_.producer_op(v); }
  /// The rule cannot differentiate this node (an unsupported mode or shape).
  [[noreturn]] void unsupported(const std::string& why) const;

 private:
  const Node& node_;
  std::vector<std::optional<Value>> cotangents_;
  std::vector<bool> wanted_;
  std::vector<std::optional<Value>> given_;
  Emitter emitter_;
};

}  // namespace permeq::autodiff
