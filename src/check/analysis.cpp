// src/check/analysis.cpp: the action specification (which inputs are permuted, on which axis,
// and n) and its propagation through the graph, each node's claim from its operator, shared by
// every engine; and the facts about the graph the engines draw from (index bounds, free weights).
#include "src/check/analysis.hpp"

#include "permeq/core/error.hpp"

#include <algorithm>
#include <array>
#include <fnmatch.h>
#include <set>

namespace permeq {

namespace {
PermutedInput parse_plain_permuted_input(const std::string& text);
}  // namespace

std::string to_string(const PermutedInput& p) {
  std::string text = p.input + ":" + std::to_string(p.axis);
  if (p.block != 1) text += ":blocks=" + std::to_string(p.block);
  if (p.repeat != 1) text += ":runs=" + std::to_string(p.repeat);
  return text;
}

PermutedInput parse_permuted_input(const std::string& full) {
  // Optional head-block suffixes: NAME:AXIS:blocks=B (sigma moves blocks of B positions) and
  // :runs=R (sigma acts alike in R consecutive runs).
  std::string text = full;
  std::int64_t block = 1, repeat = 1;
  for (bool more = true; more;) {
    more = false;
    for (const auto& [key, target] : {std::pair<std::string, std::int64_t*>{":blocks=", &block}, {":runs=", &repeat}}) {
      const auto at = text.rfind(key);
      if (at == std::string::npos || at == 0) continue;
      try {
        std::size_t used = 0;
        *target = std::stoll(text.substr(at + key.size()), &used);
        if (used != text.size() - at - key.size() || *target < 1) throw std::invalid_argument("bad");
      } catch (const std::logic_error&) {
        throw Error(ErrorKind::Usage, "--permute expects " + key.substr(1) + "N with a positive integer N, got '" + full + "'");
      }
      text.resize(at);
      more = true;
    }
  }
  PermutedInput parsed = parse_plain_permuted_input(text);
  parsed.block = block;
  parsed.repeat = repeat;
  return parsed;
}

namespace {
PermutedInput parse_plain_permuted_input(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
    throw Error(ErrorKind::Usage, "--permute expects NAME:AXIS (for example x:0), got '" + text + "'");
  try {
    std::size_t used = 0;
    const int axis = std::stoi(text.substr(colon + 1), &used);
    if (used != text.size() - colon - 1) throw std::invalid_argument("trailing");
    return {text.substr(0, colon), axis};
  } catch (const std::logic_error&) {
    throw Error(ErrorKind::Usage, "--permute expects NAME:AXIS with an integer AXIS, got '" + text + "'");
  }
}
}  // namespace

namespace {
/// Dimension names that mean the sequence length when no input says which axis is permuted.
constexpr std::array<std::string_view, 3> token_dim_names{"seq", "tokens", "n"};
}  // namespace

ActionSpec resolve_action_spec(const Graph& graph, const CheckOptions& options) {
  ActionSpec spec;
  spec.permuted = options.permute;
  if (spec.permuted.empty())
    for (const auto& [name, axis] : graph.token_axes) spec.permuted.push_back({name, axis});
  if (spec.permuted.empty())
    for (const auto& in : graph.inputs)
      for (std::size_t a = 0; a < in.shape.size(); ++a)
        if (const auto* name = std::get_if<std::string>(&in.shape[a]);
            name && std::find(token_dim_names.begin(), token_dim_names.end(), *name) != token_dim_names.end()) {
          spec.permuted.push_back({in.name, static_cast<int>(a)});
          break;
        }
  if (spec.permuted.empty())
    throw Error(ErrorKind::Usage, "graph '" + graph.name + "' declares no token axis: say which inputs are permuted with --permute NAME:AXIS");

  std::set<std::pair<std::string, int>> seen;
  std::optional<Dim> token_dim;
  for (auto& p : spec.permuted) {
    // A weight may be permuted too (intra-token symmetries transform weights with the features);
    // the same permutation then acts on it.
    const ValueInfo* in = graph.find_input(p.input);
    if (const auto* param = in ? nullptr : graph.find_parameter(p.input)) {
      in = &param->info;
      spec.weights_acted = true;
    }
    if (!in) {
      std::string names;
      for (const auto& i : graph.inputs) names += (names.empty() ? "" : ", ") + i.name;
      throw Error(ErrorKind::Usage, "--permute names '" + p.input + "', which is neither an input nor a parameter of graph '" + graph.name +
                                        "' (inputs: " + names + ")");
    }
    const auto axis = normalize_axis(p.axis, in->shape.size());
    if (!axis)
      throw Error(ErrorKind::Usage, "--permute " + p.input + ":" + std::to_string(p.axis) + ": axis out of range for input shape " + to_string(in->shape));
    p.axis = *axis;
    if (!seen.insert({p.input, p.axis}).second) throw Error(ErrorKind::Usage, "axis " + std::to_string(p.axis) + " of '" + p.input + "' is permuted twice");
    Dim dim = in->shape[static_cast<std::size_t>(*axis)];
    if (p.block < 1 || p.repeat < 1) throw Error(ErrorKind::Usage, "head blocks of '" + p.input + "' must be positive");
    if (p.block * p.repeat != 1) {
      // Head blocks: sigma acts on size / (block * repeat) positions.
      const auto* size = std::get_if<std::int64_t>(&dim);
      if (!size || *size % (p.block * p.repeat) != 0)
        throw Error(ErrorKind::Usage, "axis " + std::to_string(p.axis) + " of '" + p.input + "' (" + to_string(dim) + ") does not split into " +
                                          std::to_string(p.repeat) + " runs of blocks of " + std::to_string(p.block));
      dim = *size / (p.block * p.repeat);
    }
    if (!token_dim) token_dim = dim;
    else if (*token_dim != dim)
      throw Error(ErrorKind::Usage, "inputs permuted together must share the token length: '" + spec.permuted.front().input + "' has " +
                                        to_string(*token_dim) + " tokens, '" + p.input + "' has " + to_string(dim));
  }

  spec.bindings = DimBindings(graph.dims.begin(), graph.dims.end());
  for (const auto& [k, v] : options.dims) spec.bindings[k] = v;
  if (const auto* name = std::get_if<std::string>(&*token_dim)) {
    spec.token_dim = *name;
    if (options.tokens) spec.tokens = *options.tokens;
    else if (const auto it = spec.bindings.find(*name); it != spec.bindings.end()) spec.tokens = it->second;
    else spec.tokens = 4;
    spec.bindings[*name] = spec.tokens;
  } else {
    spec.tokens = std::get<std::int64_t>(*token_dim);
    if (options.tokens && *options.tokens != spec.tokens)
      throw Error(ErrorKind::Usage, "--seq-len " + std::to_string(*options.tokens) + " conflicts with the fixed token length " +
                                        std::to_string(spec.tokens) + " of input '" + spec.permuted.front().input + "'");
  }
  if (spec.tokens < 2) throw Error(ErrorKind::Usage, "the token count must be at least 2, got " + std::to_string(spec.tokens));
  if (spec.tokens < 4 && !spec.weights_acted)
    spec.warnings.push_back("checking with n = " + std::to_string(spec.tokens) +
                            " < 4: symmetric position biases pass every test at n = 2 and circular ones at n = 3");
  for (const auto& in : graph.inputs) {
    if (spec.weights_acted) break;  // feature widths may equal the token count by chance
    if (std::any_of(spec.permuted.begin(), spec.permuted.end(), [&](const PermutedInput& p) { return p.input == in.name; })) continue;
    for (const auto& d : in.shape)
      if (d == *token_dim) {
        spec.warnings.push_back("input '" + in.name + "' " + to_string(in.shape) +
                                " has an axis of the token length but is not permuted; if it is a per-token mask or target, permute it too");
        break;
      }
  }
  return spec;
}

Analysis analyse(const Graph& graph, const ActionSpec& spec, const ClaimOverrides& overrides) {
  Analysis a;
  a.token_dim = spec.token_dim;
  a.tokens = spec.tokens;
  a.graph = instantiate(graph, spec.bindings);
  a.claims.resize(graph.nodes.size());
  for (const auto& in : a.graph.graph.inputs) {
    ValueState state;
    state.degree = in.dtype == DType::Float ? Degree(1) : std::nullopt;
    for (const auto& p : spec.permuted)
      if (p.input == in.name) {
        state.action.add(p.axis, AxisAction{p.axis, 0, p.block, p.repeat});
        state.depends = true;
      }
    a.states[in.name] = state;
  }
  a.weights_acted = spec.weights_acted;
  for (const auto& p : a.graph.graph.parameters) {
    ValueState state{{}, false, true, p.data ? Degree(0) : Degree(1), p.data.has_value()};
    for (const auto& permuted : spec.permuted)
      if (permuted.input == p.info.name) {
        state.action.add(permuted.axis, AxisAction{permuted.axis, 0, permuted.block, permuted.repeat});
        state.depends = true;
      }
    a.states[p.info.name] = state;
  }
  for (const auto index : a.graph.order) {
    const auto& node = a.graph.graph.nodes[index];
    const auto* info = find_operator(node.op);
    std::vector<TensorType> types;
    std::vector<Action> actions;
    std::vector<Degree> degrees;
    bool depends = false, representable = true, determined = true;
    for (const auto& in : node.inputs) {
      const auto& s = a.states.at(in);
      determined = determined && s.determined;
      types.push_back(a.graph.types.at(in));
      actions.push_back(s.action);
      degrees.push_back(s.degree);
      depends = depends || s.depends;
      representable = representable && s.representable;
    }
    Claim claim = representable ? info->claim(node, types, actions, spec.tokens) : Claim::unrepresentable("an input's action is unknown");
    // Head-block actions (intra-token, permuted weights only) pass through the operators whose
    // claims carry them; anywhere else, and for token permutations, the node is unknown.
    const bool structured_input = std::any_of(actions.begin(), actions.end(), [](const Action& x) { return x.structured(); });
    if (claim.representable && structured_input && !info->structured_actions)
      claim = Claim::unrepresentable(node.op + " does not carry a head-block action");
    if (const auto given = overrides.find(node.name); given != overrides.end() && representable) {
      claim = Claim(given->second);
      a.overridden.insert(node.name);
    }
    if (claim.representable && claim.outputs.size() != node.outputs.size())
      throw Error(ErrorKind::Internal, node.describe() + ": symmetry claim has the wrong number of outputs");
    for (std::size_t k = 0; claim.representable && k < node.outputs.size(); ++k)
      for (const auto& ax : claim.outputs[k].axes) {
        const auto& shape = a.graph.types.at(node.outputs[k]).shape;
        if (ax.axis < 0 || static_cast<std::size_t>(ax.axis) >= shape.size() || shape[static_cast<std::size_t>(ax.axis)] < ax.extent(spec.tokens))
          claim = Claim::unrepresentable("the claimed action does not fit the output shape " + to_string(shape));
      }
    const Degree degree = info->degree(node, degrees);
    for (std::size_t k = 0; k < node.outputs.size(); ++k)
      a.states[node.outputs[k]] = {claim.representable ? claim.outputs[k] : Action{}, depends, claim.representable, degree, determined};
    a.claims[index] = std::move(claim);
  }
  return a;
}

namespace {
/// The smallest indexed length among the nodes `value` reaches as indices (an operator's
/// `index_axis`), through data movement (a label tensor sliced by a loss still indexes the classes); 0 when none.
std::int64_t indexed_length(const InstantiatedGraph& g, const std::string& value, int depth) {
  std::int64_t bound = 0;
  auto meet = [&](std::int64_t size) { bound = bound == 0 ? size : (size == 0 ? bound : std::min(bound, size)); };
  for (const auto& node : g.graph.nodes) {
    const auto* info = find_operator(node.op);
    if (!info || node.inputs.empty()) continue;
    bool indexes = false;
    for (std::size_t k = 0; k < node.inputs.size(); ++k) {
      if (node.inputs[k] != value) continue;
      std::vector<TensorType> types;
      for (const auto& in : node.inputs) types.push_back(g.types.at(in));
      if (const auto axis = info->index_axis(node, types, k)) {
        meet(types[0].shape[static_cast<std::size_t>(*axis)]);
        indexes = true;
      }
    }
    if (!indexes && depth < 8 && node.inputs[0] == value && info->movement != DataMovement::None)
      meet(indexed_length(g, node.outputs[0], depth + 1));
  }
  return bound;
}
/// Whether integer `value` reaches an index through arithmetic (a cumulative sum of a padding
/// mask as position ids): then only small values keep the computed indices in range.
bool computes_an_index(const InstantiatedGraph& g, const std::string& value, int depth) {
  if (depth >= 8) return false;
  for (const auto& node : g.graph.nodes) {
    const auto* info = find_operator(node.op);
    if (!info || std::find(node.inputs.begin(), node.inputs.end(), value) == node.inputs.end()) continue;
    for (const auto& out : node.outputs) {
      if (g.types.at(out).dtype != DType::Int64) continue;
      if (info->movement == DataMovement::None && indexed_length(g, out, 0) > 0) return true;
      if (computes_an_index(g, out, depth + 1)) return true;
    }
  }
  return false;
}
}  // namespace

std::int64_t index_bound(const InstantiatedGraph& g, const std::string& value) {
  const auto bound = indexed_length(g, value, 0);
  if (computes_an_index(g, value, 0)) return 2;
  return bound == 0 ? 8 : bound;
}

/// The architecture: the same graph with its trained weights free. Buffers (masks, fixed tables)
/// keep their values.
Graph with_free_weights(const Graph& graph) {
  Graph free = graph;
  for (auto& p : free.parameters)
    if (p.kind == ParameterKind::Weight) p.data.reset();
  return free;
}

}  // namespace permeq
