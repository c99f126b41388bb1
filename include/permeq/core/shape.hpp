// permeq/core/shape.hpp: element types, dimensions (concrete or named, such as "seq"), shapes.
//
// Graphs are written with named dimensions so one graph can be checked at several sequence
// lengths (the witness search shrinks n); `instantiate` in ir/graph.hpp binds names to sizes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace permeq {

enum class DType { Float, Int64, Bool };

[[nodiscard]] std::string_view to_string(DType dtype);
[[nodiscard]] std::optional<DType> parse_dtype(std::string_view text);

/// A dimension: a concrete size or a name bound at instantiation ("seq", "d_model").
using Dim = std::variant<std::int64_t, std::string>;
using SymbolicShape = std::vector<Dim>;
using Shape = std::vector<std::int64_t>;

[[nodiscard]] std::string to_string(const Dim& dim);
[[nodiscard]] std::string to_string(const SymbolicShape& shape);
[[nodiscard]] std::string to_string(const Shape& shape);
[[nodiscard]] std::int64_t element_count(const Shape& shape);

/// Normalises a possibly negative axis against a rank; nullopt when out of range.
[[nodiscard]] std::optional<int> normalize_axis(std::int64_t axis, std::size_t rank);

/// Numpy-style broadcast of two shapes; nullopt when they are incompatible.
[[nodiscard]] std::optional<Shape> broadcast_shapes(const Shape& a, const Shape& b);

struct TensorType {
  DType dtype = DType::Float;
  Shape shape;
  friend bool operator==(const TensorType&, const TensorType&) = default;
};

[[nodiscard]] std::string to_string(const TensorType& type);

}  // namespace permeq
