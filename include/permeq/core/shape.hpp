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

/// A named dimension may be an affine function of one name, as reshapes of exported models write
/// them: "seq", "2*seq" (tokens merged with a batch of 2), "seq+1" (a class token), "2*seq-1".
struct DimExpression {
  std::string name;
  std::int64_t scale = 1, shift = 0;
  [[nodiscard]] std::int64_t at(std::int64_t size) const { return scale * size + shift; }
};
/// nullopt when `text` is not NAME, K*NAME, NAME+C, NAME-C or K*NAME+C (K >= 1, integers).
[[nodiscard]] std::optional<DimExpression> parse_dim_expression(std::string_view text);
/// The canonical text of scale * name + shift.
[[nodiscard]] std::string dim_expression_text(const std::string& name, std::int64_t scale, std::int64_t shift);

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
