// src/gpu/node_dispatch.cpp: the numeric engine's nodes on the device backend (node_dispatch.hpp).
#include "src/gpu/node_dispatch.hpp"

#include "permeq/core/shape.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace permeq::gpu {
namespace {

using Operand = numeric::Operand<float>;

std::vector<Tensor<float>> one(Tensor<float> t) {
  std::vector<Tensor<float>> out;
  out.push_back(std::move(t));
  return out;
}

/// True when `small` broadcasts to `large` along leading axes only: after its leading 1s, its
/// axes are `large`'s trailing axes (so element i of `large` meets element i % size of `small`).
bool trailing_broadcast(const Shape& small, const Shape& large) {
  if (small.size() > large.size()) return false;
  auto first = small.begin();
  while (first != small.end() && *first == 1) ++first;
  const auto kept = small.end() - first;
  return std::equal(first, small.end(), large.end() - kept);
}

std::optional<std::vector<Tensor<float>>> matmul(DeviceBackend& backend, std::span<const Operand> ops, std::span<const std::string> keys) {
  const auto& A = ops[0];
  const auto& B = ops[1];
  if (A.shape.size() < 2 || B.shape.size() < 2) return std::nullopt;
  const auto rank = A.shape.size();
  ProductShape s;
  s.k = A.shape.back();
  s.p = B.shape.back();
  if (B.shape.size() == 2) {
    if (B.shape[0] != s.k) return std::nullopt;
    s.m = s.k > 0 ? static_cast<std::int64_t>(A.size) / s.k : 0;
  } else {
    if (B.shape.size() != rank || !std::equal(A.shape.begin(), A.shape.end() - 2, B.shape.begin()) || B.shape[rank - 2] != s.k) return std::nullopt;
    s.m = A.shape[rank - 2];
    s.batches = s.m * s.k > 0 ? static_cast<std::int64_t>(A.size) / (s.m * s.k) : 0;
    s.shared_right = false;
  }
  if (s.m <= 0 || s.k <= 0 || s.p <= 0 || s.batches <= 0) return std::nullopt;  // empty products stay on the CPU
  Shape shape(A.shape.begin(), A.shape.end() - 1);
  shape.push_back(s.p);
  Tensor<float> out(DType::Float, shape);
  backend.matmul(s, A.data, B.data, s.shared_right && keys.size() > 1 ? std::string_view(keys[1]) : std::string_view(), out.data.data());
  return one(std::move(out));
}

std::optional<std::vector<Tensor<float>>> softmax(DeviceBackend& backend, const Node& node, const Operand& x) {
  if (x.shape.empty()) return std::nullopt;
  const auto axis = normalize_axis(node.get_int("axis", -1), x.shape.size());
  const auto columns = x.shape.back();
  if (!axis || static_cast<std::size_t>(*axis) != x.shape.size() - 1 || columns <= 0 || x.size == 0) return std::nullopt;
  Tensor<float> out(DType::Float, x.shape);
  // A row masked throughout: the operator's definition names the node in its error.
  if (!backend.softmax_rows(static_cast<std::int64_t>(x.size) / columns, columns, x.data, out.data.data())) return std::nullopt;
  return one(std::move(out));
}

std::optional<std::vector<Tensor<float>>> normalize(DeviceBackend& backend, const Node& node, std::span<const Operand> ops, bool centered) {
  const auto& x = ops[0];
  if (node.outputs.size() != 1 || x.shape.empty() || ops.size() > (centered ? 3u : 2u)) return std::nullopt;
  const auto axis = normalize_axis(node.get_int("axis", -1), x.shape.size());
  const auto columns = x.shape.back();
  if (!axis || static_cast<std::size_t>(*axis) != x.shape.size() - 1 || columns <= 0 || x.size == 0) return std::nullopt;
  for (std::size_t k = 1; k < ops.size(); ++k)
    if (ops[k].size != static_cast<std::size_t>(columns)) return std::nullopt;
  Tensor<float> out(DType::Float, x.shape);
  backend.normalize_rows(static_cast<std::int64_t>(x.size) / columns, columns, x.data, ops[1].data, ops.size() > 2 ? ops[2].data : nullptr,
                         static_cast<float>(node.get_float("epsilon", 1e-5)), centered, out.data.data());
  return one(std::move(out));
}

std::optional<std::vector<Tensor<float>>> arithmetic(DeviceBackend& backend, BinaryOp op, const Operand& a, const Operand& b) {
  const bool commutative = op == BinaryOp::Add || op == BinaryOp::Mul;
  const Operand* large = &a;
  const Operand* small = &b;
  if (!trailing_broadcast(b.shape, a.shape)) {
    if (!commutative || !trailing_broadcast(a.shape, b.shape)) return std::nullopt;
    std::swap(large, small);
  }
  if (large->size == 0 || small->size == 0 || large->size % small->size != 0) return std::nullopt;
  Tensor<float> out(DType::Float, large->shape);
  backend.binary(op, large->data, large->size, small->data, small->size, out.data.data());
  return one(std::move(out));
}

}  // namespace

std::optional<std::vector<Tensor<float>>> run_on_device(DeviceBackend& backend, const Node& node, std::span<const Operand> ops,
                                                        std::span<const std::string> weight_keys) {
  if (node.outputs.empty() || ops.empty()) return std::nullopt;
  for (const auto& o : ops)
    if (o.dtype != DType::Float || (!o.data && o.size > 0)) return std::nullopt;
  const auto& op = node.op;
  if (op == "MatMul" && ops.size() == 2) return matmul(backend, ops, weight_keys);
  if (op == "Softmax" && ops.size() == 1) return softmax(backend, node, ops[0]);
  if ((op == "LayerNorm" || op == "RMSNorm") && ops.size() >= 2) return normalize(backend, node, ops, op == "LayerNorm");
  if (ops.size() == 2) {
    if (op == "Add") return arithmetic(backend, BinaryOp::Add, ops[0], ops[1]);
    if (op == "Sub") return arithmetic(backend, BinaryOp::Sub, ops[0], ops[1]);
    if (op == "Mul") return arithmetic(backend, BinaryOp::Mul, ops[0], ops[1]);
    if (op == "Div") return arithmetic(backend, BinaryOp::Div, ops[0], ops[1]);
  }
  return std::nullopt;
}

DeviceSession::DeviceSession(std::unique_ptr<DeviceBackend> backend, std::string name) : backend_(std::move(backend)), name_(std::move(name)) {}

std::optional<std::vector<Tensor<float>>> DeviceSession::run(const Node& node, std::span<const Operand> operands, std::span<const std::string> weight_keys) {
  const std::lock_guard lock(mutex_);
  std::optional<std::vector<Tensor<float>>> out;
  try {
    out = run_on_device(*backend_, node, operands, weight_keys);
  } catch (const DeviceOutOfMemory&) {
    // The backend dropped what it kept and could still not hold the node: the CPU runs it.
    out_of_memory_ = true;
  }
  if (out) ++device_evaluations_;
  else {
    ++host_evaluations_;
    host_operators_.insert(node.op);
  }
  return out;
}

void DeviceSession::note_host(const std::string& op) {
  const std::lock_guard lock(mutex_);
  ++host_evaluations_;
  host_operators_.insert(op);
}

void DeviceSession::forget(const std::string& key) {
  const std::lock_guard lock(mutex_);
  backend_->forget(key);
}

DeviceUse DeviceSession::use() const {
  const std::lock_guard lock(mutex_);
  DeviceUse u{"cuda", name_, device_evaluations_, host_evaluations_, {host_operators_.begin(), host_operators_.end()}};
  if (out_of_memory_) u.host_operators.emplace_back("(nodes that did not fit in device memory)");
  return u;
}

}  // namespace permeq::gpu
