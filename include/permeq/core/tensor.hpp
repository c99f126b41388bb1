// permeq/core/tensor.hpp: a dense row-major tensor over any scalar domain.
//
// The same container holds exact rationals, doubles and (with the prover) symbolic terms, so
// operator semantics are written once against `Tensor<S>`. Integer and boolean tensors store
// their values in the scalar domain too (0/1 for booleans); `dtype` says how to read them.
#pragma once

#include "permeq/core/shape.hpp"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace permeq {

template <class Scalar>
struct Tensor {
  DType dtype = DType::Float;
  Shape shape;
  std::vector<Scalar> data;

  Tensor() = default;
  Tensor(DType type, Shape dims) : dtype(type), shape(std::move(dims)), data(static_cast<std::size_t>(element_count(shape))) {}
  Tensor(DType type, Shape dims, std::vector<Scalar> values) : dtype(type), shape(std::move(dims)), data(std::move(values)) {}

  [[nodiscard]] std::size_t rank() const { return shape.size(); }
  [[nodiscard]] std::size_t size() const { return data.size(); }
  [[nodiscard]] TensorType type() const { return {dtype, shape}; }
};

/// Row-major strides of a shape.
[[nodiscard]] inline std::vector<std::int64_t> strides_of(const Shape& shape) {
  std::vector<std::int64_t> strides(shape.size(), 1);
  for (std::size_t i = shape.size(); i-- > 1;) strides[i - 1] = strides[i] * shape[i];
  return strides;
}

/// The multi-index of a row-major flat index.
[[nodiscard]] inline std::vector<std::int64_t> unflatten(std::size_t flat, const Shape& shape) {
  std::vector<std::int64_t> index(shape.size());
  auto rest = static_cast<std::int64_t>(flat);
  for (std::size_t i = shape.size(); i-- > 0;) {
    index[i] = rest % shape[i];
    rest /= shape[i];
  }
  return index;
}

/// Splits a shape around `axis` into (outer, length, inner) element counts.
struct AxisSplit {
  std::int64_t outer = 1, length = 1, inner = 1;
};
[[nodiscard]] inline AxisSplit split_at_axis(const Shape& shape, std::size_t axis) {
  AxisSplit split;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i < axis) split.outer *= shape[i];
    else if (i == axis) split.length = shape[i];
    else split.inner *= shape[i];
  }
  return split;
}

/// Converts every element with `convert` (domain change, e.g. Rational -> double).
template <class To, class From, class Convert>
[[nodiscard]] Tensor<To> convert_tensor(const Tensor<From>& from, Convert&& convert) {
  Tensor<To> to;
  to.dtype = from.dtype;
  to.shape = from.shape;
  to.data.reserve(from.data.size());
  for (const auto& value : from.data) to.data.push_back(convert(value));
  return to;
}

}  // namespace permeq
