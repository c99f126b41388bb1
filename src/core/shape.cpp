#include <algorithm>
#include "permeq/core/shape.hpp"

#include "permeq/core/error.hpp"
#include "permeq/ir/attributes.hpp"

namespace permeq {

std::string_view to_string(DType dtype) {
  switch (dtype) {
    case DType::Float: return "float";
    case DType::Int64: return "int64";
    case DType::Bool: return "bool";
  }
  return "?";
}

std::optional<DType> parse_dtype(std::string_view text) {
  if (text == "float") return DType::Float;
  if (text == "int64") return DType::Int64;
  if (text == "bool") return DType::Bool;
  return std::nullopt;
}

std::optional<DimExpression> parse_dim_expression(std::string_view text) {
  DimExpression e;
  auto integer = [](std::string_view digits) -> std::optional<std::int64_t> {
    if (digits.empty() || digits.size() > 15 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::nullopt;
    return std::stoll(std::string(digits));
  };
  if (const auto star = text.find('*'); star != std::string_view::npos) {
    const auto k = integer(text.substr(0, star));
    if (!k || *k < 1) return std::nullopt;
    e.scale = *k;
    text.remove_prefix(star + 1);
  }
  if (const auto sign = text.find_first_of("+-"); sign != std::string_view::npos && sign > 0) {
    const auto c = integer(text.substr(sign + 1));
    if (!c) return std::nullopt;
    e.shift = text[sign] == '-' ? -*c : *c;
    text = text.substr(0, sign);
  }
  if (text.empty() || text.find_first_of("*+-") != std::string_view::npos) return std::nullopt;
  e.name = std::string(text);
  return e;
}

std::string dim_expression_text(const std::string& name, std::int64_t scale, std::int64_t shift) {
  std::string text = scale == 1 ? name : std::to_string(scale) + "*" + name;
  if (shift > 0) text += "+" + std::to_string(shift);
  if (shift < 0) text += "-" + std::to_string(-shift);
  return text;
}

std::string to_string(const Dim& dim) {
  return std::holds_alternative<std::int64_t>(dim) ? std::to_string(std::get<std::int64_t>(dim)) : std::get<std::string>(dim);
}

std::string to_string(const SymbolicShape& shape) {
  std::string out = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + to_string(shape[i]);
  return out + "]";
}

std::string to_string(const Shape& shape) {
  std::string out = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
  return out + "]";
}

std::string to_string(const TensorType& type) { return std::string(to_string(type.dtype)) + to_string(type.shape); }

std::int64_t element_count(const Shape& shape) {
  std::int64_t count = 1;
  for (const auto d : shape) {
    if (d < 0) throw Error(ErrorKind::Input, "shape " + to_string(shape) + " has a negative dimension");
    if (__builtin_mul_overflow(count, d, &count)) throw Error(ErrorKind::Input, "shape " + to_string(shape) + " has too many elements");
  }
  return count;
}

std::optional<int> normalize_axis(std::int64_t axis, std::size_t rank) {
  const auto r = static_cast<std::int64_t>(rank);
  if (axis < -r || axis >= r) return std::nullopt;
  return static_cast<int>(axis < 0 ? axis + r : axis);
}

std::optional<Shape> broadcast_shapes(const Shape& a, const Shape& b) {
  Shape out(std::max(a.size(), b.size()));
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto da = i < out.size() - a.size() ? 1 : a[i - (out.size() - a.size())];
    const auto db = i < out.size() - b.size() ? 1 : b[i - (out.size() - b.size())];
    if (da != db && da != 1 && db != 1) return std::nullopt;
    out[i] = da == 1 ? db : da;
  }
  return out;
}

std::string_view to_string(AttrType type) {
  switch (type) {
    case AttrType::Int: return "int";
    case AttrType::Float: return "float";
    case AttrType::String: return "string";
    case AttrType::Ints: return "ints";
    case AttrType::Floats: return "floats";
    case AttrType::Dims: return "dims";
  }
  return "?";
}

AttrType attr_type_of(const AttrValue& value) { return static_cast<AttrType>(value.index()); }

}  // namespace permeq
