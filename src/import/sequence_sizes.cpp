#include "src/import/sequence_sizes.hpp"

#include "permeq/core/shape.hpp"

#include <variant>

namespace permeq::onnx_import {

std::optional<std::string> name_sequence_sizes(Graph& a, const Graph& b, std::int64_t n1, std::int64_t n2, const std::string& dim) {
  // Shapes of values follow the sequence length itself; attributes (reshape targets) may also
  // follow it affinely (tokens merged with a batch, a class token added).
  auto merge_dims = [&](std::vector<Dim>& x, const std::vector<Dim>& y, const std::string& where, bool affine = false) -> std::optional<std::string> {
    if (x.size() != y.size()) return where + " changes rank with the sequence length";
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (x[i] == y[i]) continue;
      const auto* xi = std::get_if<std::int64_t>(&x[i]);
      const auto* yi = std::get_if<std::int64_t>(&y[i]);
      if (x[i] == Dim(n1) && y[i] == Dim(n2)) x[i] = dim;
      else if (affine && xi && yi && *yi > *xi && (*yi - *xi) % (n2 - n1) == 0)
        x[i] = dim_expression_text(dim, (*yi - *xi) / (n2 - n1), *xi - (*yi - *xi) / (n2 - n1) * n1);
      else return where + " has a size that depends on the sequence length as " + to_string(x[i]) + " at n=" + std::to_string(n1) + " and " +
                  to_string(y[i]) + " at n=" + std::to_string(n2);
    }
    return std::nullopt;
  };
  if (a.inputs.size() != b.inputs.size() || a.nodes.size() != b.nodes.size() || a.parameters.size() != b.parameters.size())
    return "the graph's structure changes with the sequence length";
  for (std::size_t i = 0; i < a.inputs.size(); ++i)
    if (auto r = merge_dims(a.inputs[i].shape, b.inputs[i].shape, "input '" + a.inputs[i].name + "'")) return r;
  for (std::size_t i = 0; i < a.parameters.size(); ++i) {
    auto& p = a.parameters[i];
    if (p.info.name != b.parameters[i].info.name) return "the graph's constants change with the sequence length";
    if (auto r = merge_dims(p.info.shape, b.parameters[i].info.shape, "constant '" + p.info.name + "'")) return r;
    if (p.kind == ParameterKind::Buffer && !(*p.data == *b.parameters[i].data)) return "constant '" + p.info.name + "' changes with the sequence length";
  }
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    auto& x = a.nodes[i];
    const auto& y = b.nodes[i];
    if (x.op != y.op || x.inputs != y.inputs || x.outputs != y.outputs) return "the graph's structure changes with the sequence length";
    for (auto& [key, value] : x.attrs) {
      const auto& other = y.attrs.at(key);
      if (value == other) continue;
      const auto where = x.describe() + " attribute '" + key + "'";
      if (!std::holds_alternative<std::vector<Dim>>(value)) return where + " changes with the sequence length";
      if (auto r = merge_dims(std::get<std::vector<Dim>>(value), std::get<std::vector<Dim>>(other), where, true)) return r;
    }
  }
  return std::nullopt;
}

std::optional<std::string> confirm_affine_sizes(const Graph& named, const Graph& third, std::int64_t n3) {
  for (std::size_t i = 0; i < named.nodes.size(); ++i)
    for (const auto& [key, value] : named.nodes[i].attrs) {
      const auto* dims = std::get_if<std::vector<Dim>>(&value);
      if (!dims) continue;
      const auto* other = std::get_if<std::vector<Dim>>(&third.nodes[i].attrs.at(key));
      for (std::size_t k = 0; k < dims->size(); ++k) {
        const auto* text = std::get_if<std::string>(&(*dims)[k]);
        const auto expression = text ? parse_dim_expression(*text) : std::nullopt;
        if (!expression || (expression->scale == 1 && expression->shift == 0)) continue;
        const auto* size = other && k < other->size() ? std::get_if<std::int64_t>(&(*other)[k]) : nullptr;
        if (!size || *size != expression->at(n3))
          return named.nodes[i].describe() + " attribute '" + key + "' has a size that depends on the sequence length in a way that is not " + *text;
      }
    }
  return std::nullopt;
}

bool has_affine_sizes(const Graph& g) {
  for (const auto& node : g.nodes)
    for (const auto& [key, value] : node.attrs)
      if (const auto* dims = std::get_if<std::vector<Dim>>(&value))
        for (const auto& d : *dims)
          if (const auto* text = std::get_if<std::string>(&d))
            if (const auto e = parse_dim_expression(*text); e && (e->scale != 1 || e->shift != 0)) return true;
  return false;
}

}  // namespace permeq::onnx_import
