// src/autodiff/vjp_context.cpp: the emitting helpers derivative rules share.

#include "src/autodiff/vjp_context.hpp"

#include "permeq/autodiff/gradient.hpp"

namespace permeq::autodiff {

Value VjpContext::emit(std::string_view op, const std::vector<Value>& inputs, Attributes attrs) {
  return emit_n(op, inputs, std::move(attrs), 1).front();
}

std::vector<Value> VjpContext::emit_n(std::string_view op, const std::vector<Value>& inputs, Attributes attrs, int outputs) {
  return emitter_.emit(op, inputs, std::move(attrs), outputs);
}

Value VjpContext::scalar(double value) {
  return emit("Constant", {}, {{"shape", std::vector<Dim>{}}, {"values", std::vector<double>{value}}});
}

Value VjpContext::zeros_like(const Value& like) { return expand_like(scalar(0.0), like); }

Value VjpContext::cotangent_or_zeros(std::size_t i) {
  if (const auto& g = cotangent(i)) return *g;
  return zeros_like(output(i));
}

Value VjpContext::transpose_last2(const Value& a) {
  const auto rank = static_cast<std::int64_t>(type(a).shape.size());
  if (rank < 2) unsupported("transpose of a rank-" + std::to_string(rank) + " value");
  std::vector<std::int64_t> perm(static_cast<std::size_t>(rank));
  for (std::int64_t i = 0; i < rank; ++i) perm[static_cast<std::size_t>(i)] = i;
  std::swap(perm[static_cast<std::size_t>(rank - 1)], perm[static_cast<std::size_t>(rank - 2)]);
  return emit("Transpose", {a}, {{"perm", perm}});
}

Value VjpContext::sum_like(const Value& gradient, const Value& like) {
  if (type(gradient).shape == type(like).shape) return gradient;
  return emit("SumLike", {gradient, like});
}

Value VjpContext::expand_like(const Value& value, const Value& like, const std::vector<std::int64_t>& axes) {
  if (axes.empty() && type(value).shape == type(like).shape) return value;
  Attributes attrs;
  if (!axes.empty()) attrs["axes"] = axes;
  return emit("ExpandLike", {value, like}, attrs);
}

void VjpContext::give(std::size_t i, const Value& gradient) {
  if (!wants(i)) return;
  if (type(gradient).shape != input_type(i).shape)
    throw Error(ErrorKind::Internal, node_.describe() + ": derivative rule gave input " + std::to_string(i) + " a cotangent of shape " +
                                         to_string(type(gradient).shape) + ", expected " + to_string(input_type(i).shape));
  auto& slot = given_.at(i);
  slot = slot ? add(*slot, gradient) : gradient;
}

void VjpContext::give_unbroadcast(std::size_t i, const Value& gradient) {
  if (!wants(i)) return;
  give(i, sum_like(gradient, input(i)));
}

void VjpContext::unsupported(const std::string& why) const {
  throw NotDifferentiable(node_.describe() + ": no derivative rule: " + why);
}

}  // namespace permeq::autodiff
