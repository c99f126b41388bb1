// src/ops/onnx_mapping.hpp: how an ONNX node becomes a permeq node, seen from an operator
// definition. Protobuf-free: the importer (src/import/onnx.cpp) reads the file and hands each
// definition an OnnxNode with its attributes already typed and its constant inputs folded.
//
// An operator declares its ONNX names with `onnx_names` (default: its own name when its
// `reference` is an ONNX operator) and, when inputs must become attributes (Reshape's shape,
// Slice's bounds, ...), a `from_onnx` that says how. Everything else is the default translation.
#pragma once

#include "permeq/core/error.hpp"
#include "permeq/core/tensor.hpp"
#include "permeq/ir/graph.hpp"

#include <algorithm>
#include <array>
#include <concepts>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace permeq::ops {

/// One ONNX node as an operator definition sees it.
struct OnnxNode {
  std::string name;  ///< as in the file ("/layers.0/self_attn/MatMul")
  std::string op_type;
  std::int64_t opset = 0;
  Attributes attrs;  ///< a tensor attribute arrives as Floats, plus "<name>_dtype" and "<name>_shape"
  std::vector<std::string> inputs;                  ///< value names, "" for an omitted optional input
  std::vector<std::optional<Tensor<double>>> constants;  ///< folded value per input, when known
  std::vector<TensorType> types;                    ///< type per input (empty shape for omitted)

  [[noreturn]] void fail(const std::string& message) const {
    throw Error(ErrorKind::Input, "node '" + name + "' (" + op_type + "): " + message);
  }
  [[nodiscard]] bool present(std::size_t i) const { return i < inputs.size() && !inputs[i].empty(); }
  /// Input i's value name, or an input error when the node has no such input.
  [[nodiscard]] const std::string& input(std::size_t i) const {
    if (!present(i)) fail("input " + std::to_string(i) + " is missing");
    return inputs[i];
  }
  /// Input i's type, or an input error when the node has no such input.
  [[nodiscard]] const TensorType& type(std::size_t i) const {
    (void)input(i);
    return types[i];
  }
  [[nodiscard]] const Tensor<double>& constant(std::size_t i, std::string_view what) const {
    if (!present(i)) fail(std::string(what) + " (input " + std::to_string(i) + ") is missing");
    if (!constants[i]) fail(std::string(what) + " (input " + std::to_string(i) + ", '" + inputs[i] + "') must be a constant; it depends on the graph inputs");
    return *constants[i];
  }
  [[nodiscard]] std::vector<std::int64_t> constant_ints(std::size_t i, std::string_view what) const {
    std::vector<std::int64_t> out;
    for (const double v : constant(i, what).data) {
      if (std::nearbyint(v) != v) fail(std::string(what) + " must hold integers");
      // Constants are held as double; INT64_MAX ("to the end") comes back as 2^63.
      constexpr double limit = 9223372036854775807.0;
      out.push_back(v >= limit ? INT64_MAX : v <= -limit ? INT64_MIN : static_cast<std::int64_t>(v));
    }
    return out;
  }
  [[nodiscard]] double constant_scalar(std::size_t i, std::string_view what) const {
    const auto& t = constant(i, what);
    if (t.data.size() != 1) fail(std::string(what) + " must be a single value, got shape " + to_string(t.shape));
    return t.data[0];
  }
  [[nodiscard]] std::int64_t int_attr(std::string_view key, std::int64_t fallback) const {
    const auto it = attrs.find(key);
    return it == attrs.end() ? fallback : std::get<std::int64_t>(it->second);
  }
  [[nodiscard]] std::optional<std::vector<std::int64_t>> ints_attr(std::string_view key) const {
    const auto it = attrs.find(key);
    if (it == attrs.end()) return std::nullopt;
    return std::get<std::vector<std::int64_t>>(it->second);
  }
  [[nodiscard]] std::size_t rank(std::size_t i) const { return type(i).shape.size(); }
};

/// What an ONNX node becomes: a permeq operator applied to some of its inputs.
struct OnnxTranslation {
  std::string op;
  std::vector<std::string> inputs;
  Attributes attrs;
};

inline std::vector<Dim> to_dims(const std::vector<std::int64_t>& values) { return {values.begin(), values.end()}; }

/// The default translation: same inputs, the ONNX attributes the operator's schema knows.
/// An ONNX attribute the schema does not know is an error, never silently dropped.
template <class Op>
OnnxTranslation default_onnx_translation(const OnnxNode& n) {
  OnnxTranslation t{std::string(Op::name), n.inputs, {}};
  while (!t.inputs.empty() && t.inputs.back().empty()) t.inputs.pop_back();
  for (const auto& [key, value] : n.attrs) {
    const auto spec = std::find_if(Op::attributes.begin(), Op::attributes.end(), [&k = key](const AttrSpec& s) { return s.name == k; });
    if (spec == Op::attributes.end()) n.fail("attribute '" + key + "' is not supported");
    if (spec->type == AttrType::Dims && std::holds_alternative<std::vector<std::int64_t>>(value))
      t.attrs[key] = to_dims(std::get<std::vector<std::int64_t>>(value));
    else t.attrs[key] = value;
  }
  return t;
}

template <class Op>
concept HasOnnxNames = requires { Op::onnx_names; };
template <class Op>
concept HasOnnxTranslation = requires(const OnnxNode& n) {
  { Op::from_onnx(n) } -> std::same_as<OnnxTranslation>;
};

/// The ONNX op types an operator reads: `onnx_names` if declared, else its own name when its
/// reference is the ONNX operator of that name.
template <class Op>
std::vector<std::string_view> onnx_names_of() {
  if constexpr (HasOnnxNames<Op>) return {Op::onnx_names.begin(), Op::onnx_names.end()};
  else {
    const std::string prefix = "ONNX " + std::string(Op::name);
    const std::string_view ref = Op::reference;
    if (ref.starts_with(prefix) && (ref.size() == prefix.size() || ref[prefix.size()] == ' ')) return {Op::name};
    return {};
  }
}

template <class Op>
OnnxTranslation translate_onnx(const OnnxNode& n) {
  if constexpr (HasOnnxTranslation<Op>) return Op::from_onnx(n);
  else return default_onnx_translation<Op>(n);
}

}  // namespace permeq::ops
