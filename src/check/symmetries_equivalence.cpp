// src/check/symmetries_equivalence.cpp: models moved by a random proved weight-space symmetry
// (`permeq permute`) and the equivalence of two models, with the key or by recovering the symmetry
// from the weights (`permeq equivalent`); see symmetries.hpp.

#include "permeq/ir/json_format.hpp"
#include "src/check/symmetries_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <random>

namespace permeq {

namespace {

/// The proved families that leave the graph's inputs and outputs alone (not the residual stream,
/// whose permutation changes the interface): the group permute_weights draws from.
std::vector<WeightSymmetry> interface_preserving(const SymmetryReport& found) {
  std::vector<WeightSymmetry> families;
  for (const auto& s : found.symmetries)
    if (s.kind != SymmetryKind::ResidualStream && s.proved) families.push_back(s);
  return families;
}

/// A stored weight's concrete shape; nullopt for symbolic sizes (not a stored weight).
std::optional<Shape> stored_shape(const Parameter& p) {
  if (!p.data) return std::nullopt;
  Shape shape;
  for (const auto& d : p.info.shape)
    if (const auto* size = std::get_if<std::int64_t>(&d)) shape.push_back(*size);
  if (shape.size() != p.info.shape.size()) return std::nullopt;
  return shape;
}

/// Moves the stored weights of `graph` by sigma on every axis of the family.
void apply_family(Graph& graph, const WeightSymmetry& family, const Permutation& sigma) {
  for (const auto& p : family.permuted) {
    auto param = std::find_if(graph.parameters.begin(), graph.parameters.end(), [&](const Parameter& q) { return q.info.name == p.input; });
    if (param == graph.parameters.end()) continue;
    const auto shape = stored_shape(*param);
    if (!shape) continue;
    Tensor<double> values(DType::Float, *shape, param->data->to_doubles());
    Action action;
    action.add(p.axis, AxisAction{p.axis, 0, p.block, p.repeat});
    param->data = StoredValues(apply_action(values, action, sigma).data);
  }
}

/// Per position of the family, the values it holds in every member weight, sorted member by
/// member: the other families only move values inside a position's slice (within heads inside a
/// head, heads across the runs of a coordinate) or act on other axes, so a position is recognised
/// whatever they did.
std::vector<std::vector<double>> position_signatures(const Graph& graph, const WeightSymmetry& family) {
  std::vector<std::vector<double>> signatures(static_cast<std::size_t>(family.size));
  for (const auto& p : family.permuted) {
    const auto* param = graph.find_parameter(p.input);
    if (!param) continue;
    const auto shape = stored_shape(*param);
    if (!shape) continue;
    const auto values = param->data->to_doubles();
    const auto split = split_at_axis(*shape, static_cast<std::size_t>(p.axis));
    for (std::int64_t i = 0; i < family.size; ++i) {
      std::vector<double> slice;
      for (std::int64_t o = 0; o < split.outer; ++o)
        for (std::int64_t run = 0; run < p.repeat; ++run)
          for (std::int64_t b = 0; b < p.block; ++b) {
            const auto at = run * family.size * p.block + i * p.block + b;
            for (std::int64_t r = 0; r < split.inner; ++r) slice.push_back(values[static_cast<std::size_t>((o * split.length + at) * split.inner + r)]);
          }
      std::sort(slice.begin(), slice.end());
      auto& signature = signatures[static_cast<std::size_t>(i)];
      signature.insert(signature.end(), slice.begin(), slice.end());
    }
  }
  return signatures;
}

/// The assignment of rows to columns of least total cost (Hungarian method, O(n^3)):
/// result[row] = column.
std::vector<std::size_t> least_cost_assignment(const std::vector<std::vector<double>>& cost) {
  const std::size_t n = cost.size();
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1, 0), v(n + 1, 0);
  std::vector<std::size_t> column_row(n + 1, 0), way(n + 1, 0);
  for (std::size_t row = 1; row <= n; ++row) {
    column_row[0] = row;
    std::size_t column = 0;
    std::vector<double> least(n + 1, inf);
    std::vector<bool> used(n + 1, false);
    do {
      used[column] = true;
      const std::size_t r = column_row[column];
      double delta = inf;
      std::size_t next = 0;
      for (std::size_t c = 1; c <= n; ++c) {
        if (used[c]) continue;
        const double reduced = cost[r - 1][c - 1] - u[r] - v[c];
        if (reduced < least[c]) {
          least[c] = reduced;
          way[c] = column;
        }
        if (least[c] < delta) {
          delta = least[c];
          next = c;
        }
      }
      for (std::size_t c = 0; c <= n; ++c) {
        if (used[c]) {
          u[column_row[c]] += delta;
          v[c] -= delta;
        } else {
          least[c] -= delta;
        }
      }
      column = next;
    } while (column_row[column] != 0);
    do {
      const std::size_t previous = way[column];
      column_row[column] = column_row[previous];
      column = previous;
    } while (column != 0);
  }
  std::vector<std::size_t> assignment(n);
  for (std::size_t c = 1; c <= n; ++c) assignment[column_row[c] - 1] = c - 1;
  return assignment;
}

/// sigma with candidate position i = original position sigma[i] (apply_action's convention):
/// equal signatures first; otherwise the assignment of least squared distance between them.
Permutation recover_permutation(const std::vector<std::vector<double>>& original, const std::vector<std::vector<double>>& candidate) {
  const auto n = original.size();
  std::map<std::vector<double>, std::vector<std::size_t>> by_signature;
  for (std::size_t j = n; j-- > 0;) by_signature[original[j]].push_back(j);
  Permutation sigma(n);
  bool exact = true;
  for (std::size_t i = 0; i < n && exact; ++i) {
    auto it = by_signature.find(candidate[i]);
    if (it == by_signature.end() || it->second.empty()) exact = false;
    else {
      sigma[i] = static_cast<std::int64_t>(it->second.back());
      it->second.pop_back();
    }
  }
  if (exact) return sigma;
  std::vector<std::vector<double>> cost(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      const auto& a = candidate[i];
      const auto& b = original[j];
      double d = a.size() == b.size() ? 0.0 : std::numeric_limits<double>::max();
      for (std::size_t k = 0; k < a.size() && k < b.size(); ++k) d += (a[k] - b[k]) * (a[k] - b[k]);
      cost[i][j] = d;
    }
  const auto assignment = least_cost_assignment(cost);
  for (std::size_t i = 0; i < n; ++i) sigma[i] = static_cast<std::int64_t>(assignment[i]);
  return sigma;
}

/// The graph without what is not its function: names, descriptions, the default size of named
/// dimensions (an ONNX graph is named after its file and read at the length it is given) and the
/// trained weights' values.
std::string structure_of(Graph g) {
  g.name.clear();
  g.doc.clear();
  g.dims.clear();
  for (auto& p : g.parameters)
    if (p.kind == ParameterKind::Weight) p.data.reset();
  return to_graph_json(g);
}

}  // namespace

PermutedModel permute_weights(const Graph& graph, std::uint64_t seed, const CheckOptions& options) {
  if (std::none_of(graph.parameters.begin(), graph.parameters.end(), [](const Parameter& p) { return p.kind == ParameterKind::Weight && p.data; }))
    throw Error(ErrorKind::Usage, "graph '" + graph.name + "' stores no weights to permute: give an ONNX model with initializers or --weights FILE.safetensors");
  PermutedModel result;
  result.graph = graph;
  const SymmetryReport found = find_symmetries(graph, options);
  std::mt19937_64 rng(seed);
  for (const auto& s : interface_preserving(found)) {
    Permutation sigma(static_cast<std::size_t>(s.size));
    std::iota(sigma.begin(), sigma.end(), 0);
    std::shuffle(sigma.begin(), sigma.end(), rng);
    apply_family(result.graph, s, sigma);
    result.applied.emplace_back(s, sigma);
  }
  result.graph.doc = "permuted by permeq permute --seed " + std::to_string(seed) + " from '" + graph.name + "'" + (graph.doc.empty() ? "" : ": " + graph.doc);
  return result;
}

Equivalence prove_equivalent(const Graph& original, const Graph& candidate, std::uint64_t seed, const CheckOptions& options) {
  Equivalence result;
  const PermutedModel expected = permute_weights(original, seed, options);
  if (structure_of(original) != structure_of(candidate)) {
    result.reason = "the graphs differ in more than their weights (nodes, shapes, attributes or buffers)";
    return result;
  }
  for (const auto& p : expected.graph.parameters) {
    const auto* q = candidate.find_parameter(p.info.name);
    if (!p.data) continue;
    if (!q || !q->data || q->data->to_doubles() != p.data->to_doubles()) {
      result.reason = "weight '" + p.info.name + "' is not the original's moved by the symmetries drawn with seed " + std::to_string(seed);
      return result;
    }
  }
  result.equivalent = true;
  result.reason = "every weight equals the original's moved by " + std::to_string(expected.applied.size()) +
                  " proved symmetries (one permutation each of hidden units, heads and within heads), so both compute the same function";
  result.proof_scope = "every input, at the graph's widths (the symmetries' bounded proofs)";
  return result;
}

Equivalence find_equivalence(const Graph& original, const Graph& candidate, const CheckOptions& options) {
  Equivalence result;
  for (const auto* g : {&original, &candidate})
    if (std::none_of(g->parameters.begin(), g->parameters.end(), [](const Parameter& p) { return p.kind == ParameterKind::Weight && p.data; }))
      throw Error(ErrorKind::Usage, "graph '" + g->name + "' stores no weights to compare: give an ONNX model with initializers or --weights FILE.safetensors");
  if (structure_of(original) != structure_of(candidate)) {
    result.reason = "the graphs differ in more than their weights (nodes, shapes, attributes or buffers)";
    return result;
  }
  // Each family's permutation from the positions' values, then the original moved by all of them
  // compared bit for bit: the match is a search, the comparison is the argument.
  Graph moved = original;
  for (const auto& family : interface_preserving(find_symmetries(original, options))) {
    const auto sigma = recover_permutation(position_signatures(original, family), position_signatures(candidate, family));
    apply_family(moved, family, sigma);
    result.recovered.emplace_back(family, sigma);
  }
  double difference = 0, size = 0;
  std::vector<std::string> differing;
  for (const auto& p : moved.parameters) {
    const auto* q = candidate.find_parameter(p.info.name);
    if (!p.data || p.kind != ParameterKind::Weight) continue;
    if (!q || !q->data || q->data->size() != p.data->size()) {
      differing.push_back(p.info.name);
      difference = std::numeric_limits<double>::infinity();
      continue;
    }
    const auto a = p.data->to_doubles(), b = q->data->to_doubles();
    std::size_t entries = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      entries += a[i] != b[i];
      difference += (a[i] - b[i]) * (a[i] - b[i]);
      size += b[i] * b[i];
    }
    if (entries) differing.push_back("'" + p.info.name + "' (" + std::to_string(entries) + " of " + std::to_string(a.size()) + " entries)");
  }
  if (!differing.empty()) {
    result.relative_difference = size > 0 ? std::sqrt(difference / size) : std::numeric_limits<double>::infinity();
    std::string names;
    for (std::size_t k = 0; k < differing.size() && k < 3; ++k) names += (k ? ", " : "") + differing[k];
    if (differing.size() > 3) names += " and " + std::to_string(differing.size() - 3) + " more";
    char closeness[64];
    std::snprintf(closeness, sizeof closeness, "%.3g", *result.relative_difference);
    result.reason = "no symmetry of the proved group (" + std::to_string(result.recovered.size()) +
                    " permutation families) maps the original's weights to the candidate's; the closest one found differs in " + names +
                    ", relative difference " + closeness;
    return result;
  }
  result.equivalent = true;
  result.reason = "every weight equals the original's moved by the recovered symmetry (" + std::to_string(result.recovered.size()) +
                  " proved permutation families: hidden units, heads and within heads), so both compute the same function";
  result.proof_scope = "every input, at the graph's widths (the symmetries' bounded proofs)";
  return result;
}
}  // namespace permeq
