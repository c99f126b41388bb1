// Breaks at any sequence length. At a token count n too large for exact evaluation of the graph
// (and for bounded proofs), a node left unknown gets a witness at a small size m (the exact search
// of smallest_witness where the graph is small enough there, else the prover's bounded
// refutation), and that witness is carried to n at the node alone, exactly:
//  - literally, where the node, its inputs and the constants its fixed inputs are made of fit the
//    exact limit at n: the witness's values fill the first m positions of every token axis and
//    zeros the rest, the fixed inputs (masks, tables) take their real values at n, computed from
//    their own constant nodes and nothing else of the graph, and the node is evaluated at n under
//    the transposition (0 1) of S_n;
//  - by restriction, where they do not fit (n = 100000 makes every n x n mask 10^10 values): when
//    the node and every node its fixed inputs are computed from are prefix-local (an output entry
//    at given token positions comes from input entries at the same positions, by a rule that does
//    not read n: pointwise operators, Trilu, constant fills, positions; or an operator whose token
//    axes, in and out, line up with each other (src/ops/float_path.hpp: aligned_axis), such as a
//    transpose or a reshape that keeps them), their values on the first m tokens at n are their
//    values at m. The transposition (0 1) keeps those tokens, so f(sigma x) and
//    sigma f(x) at n agree with their values at m on the first m tokens, and the mismatch the
//    witness replays exactly at m is the mismatch at n.
// Either way nothing beyond the node and its fixed inputs is evaluated at n, and a node that
// breaks at n is reported with the sizes its witness covers.

#include "src/check/engines.hpp"

#include "permeq/core/error.hpp"
#include "src/eval/real_bounds.hpp"
#include "src/ops/float_path.hpp"

#include <algorithm>
#include <set>

namespace permeq {

using Exact = Tensor<Rational>;

namespace {

/// Witnesses are searched at n = 2 .. this (bounded proofs and exact runs stay small there).
constexpr std::int64_t largest_small_size = 4;

/// Operators whose output entry at given positions is computed from the input entries at the same
/// positions (broadcast), by a rule that reads neither n nor other positions (the operator says so).
bool prefix_local(const Node& node) {
  const auto* info = find_operator(node.op);
  return info && info->prefix_local(node);
}

/// Which axes of a value are token axes: length m at the small size and n at the checked one.
/// nullopt when the shapes differ otherwise (the value is not a restriction of the other).
std::optional<std::vector<bool>> token_axes(const Shape& small, const Shape& large, std::int64_t m, std::int64_t n) {
  if (small.size() != large.size()) return std::nullopt;
  std::vector<bool> restricted(small.size(), false);
  for (std::size_t k = 0; k < small.size(); ++k) {
    if (small[k] == large[k]) continue;
    if (small[k] != m || large[k] != n) return std::nullopt;
    restricted[k] = true;
  }
  return restricted;
}

/// `small` at the first positions of every axis where `shape` is longer; zeros elsewhere.
Exact embedded(const Exact& small, const Shape& shape) {
  Exact large(small.dtype, shape);
  std::vector<std::int64_t> strides(shape.size(), 1);
  for (std::size_t k = shape.size(); k-- > 1;) strides[k - 1] = strides[k] * shape[k];
  for (std::size_t i = 0; i < small.data.size(); ++i) {
    const auto index = unflatten(i, small.shape);
    std::int64_t flat = 0;
    for (std::size_t k = 0; k < index.size(); ++k) flat += index[k] * strides[k];
    large.data[static_cast<std::size_t>(flat)] = small.data[i];
  }
  return large;
}

std::size_t node_index(const Analysis& a, const std::string& name) {
  const auto& nodes = a.graph.graph.nodes;
  const auto it = std::find_if(nodes.begin(), nodes.end(), [&](const Node& nd) { return nd.name == name; });
  if (it == nodes.end()) throw Error(ErrorKind::Usage, "graph '" + a.graph.graph.name + "' has no node '" + name + "'");
  return static_cast<std::size_t>(it - nodes.begin());
}

bool fixed(const Analysis& a, const std::string& value) {
  const auto& s = a.states.at(value);
  return s.determined && !s.depends;
}

/// The nodes the node's fixed inputs are computed from, in evaluation order.
std::vector<std::size_t> fixed_ancestors(const Analysis& a, std::size_t index) {
  std::map<std::string, std::size_t, std::less<>> producer;
  for (const auto i : a.graph.order)
    for (const auto& out : a.graph.graph.nodes[i].outputs) producer[out] = i;
  std::set<std::size_t> needed;
  std::vector<std::string> pending;
  for (const auto& in : a.graph.graph.nodes[index].inputs)
    if (fixed(a, in)) pending.push_back(in);
  while (!pending.empty()) {
    const auto value = pending.back();
    pending.pop_back();
    const auto it = producer.find(value);
    if (it == producer.end() || !needed.insert(it->second).second) continue;
    for (const auto& in : a.graph.graph.nodes[it->second].inputs) pending.push_back(in);
  }
  std::vector<std::size_t> ordered;
  for (const auto i : a.graph.order)
    if (needed.count(i)) ordered.push_back(i);
  return ordered;
}

Permutation lifted_sigma(const Witness& w, std::int64_t n) {
  // At m = 2 the two generators are the same permutation; (0 1) keeps the first m tokens at n.
  return w.generator == "transposition" || w.tokens == 2 ? transposition(n) : n_cycle(n);
}

/// Replays the witness literally at the analysis's n: the mismatch there, or why not.
std::optional<Mismatch> literal_replay(const Analysis& large, std::size_t index, const Witness& w, std::int64_t max_values, std::string& why) {
  const auto& node = large.graph.graph.nodes[index];
  const auto ancestors = fixed_ancestors(large, index);
  std::int64_t values = 0;
  for (const auto i : ancestors)
    for (const auto& out : large.graph.graph.nodes[i].outputs) values += element_count(large.graph.types.at(out).shape);
  for (const auto& in : node.inputs) values += element_count(large.graph.types.at(in).shape);
  for (const auto& out : node.outputs) values += element_count(large.graph.types.at(out).shape);
  if (values > max_values) {
    why = "the node and its fixed inputs hold " + std::to_string(values) + " values at n = " + std::to_string(large.tokens) +
          ", above the exact limit of " + std::to_string(max_values);
    return std::nullopt;
  }
  // The fixed inputs' real values at n, from their own constant nodes alone.
  Analysis only_constants = large;
  only_constants.graph.order = ancestors;
  only_constants.constants.reset();
  const auto& constants = real_constants(only_constants);
  std::vector<Exact> inputs;
  std::vector<std::optional<Exact>> radius;
  std::vector<Action> input_actions;
  for (std::size_t k = 0; k < node.inputs.size(); ++k) {
    const auto& in = node.inputs[k];
    input_actions.push_back(large.states.at(in).action);
    if (fixed(large, in)) {
      const auto it = constants.values.find(in);
      if (it == constants.values.end()) {
        why = "the fixed input '" + in + "' has no exact value at n = " + std::to_string(large.tokens);
        return std::nullopt;
      }
      inputs.push_back(it->second);
      const auto r = constants.radius.find(in);
      radius.push_back(r == constants.radius.end() ? std::nullopt : std::optional<Exact>(r->second));
    } else {
      const auto& shape = large.graph.types.at(in).shape;
      if (!token_axes(w.node_inputs[k].second.shape, shape, w.tokens, large.tokens)) {
        why = "input '" + in + "' " + to_string(shape) + " is not an extension of the witness's " + to_string(w.node_inputs[k].second.shape);
        return std::nullopt;
      }
      inputs.push_back(embedded(w.node_inputs[k].second, shape));
      radius.emplace_back();
    }
  }
  const auto sigma = lifted_sigma(w, large.tokens);
  const auto& outputs = large.claims[index].outputs;
  auto found = find_mismatch(node, node.inputs, inputs, input_actions, outputs, sigma, w.generator);
  if (!found || !certainly_breaks(node, inputs, radius, input_actions, outputs, sigma)) {
    why = "the extended witness shows no certain break of the node at n = " + std::to_string(large.tokens);
    return std::nullopt;
  }
  return found->first_difference;
}

/// Whether a fixed value at n is, on its first m tokens, its value at m: made of prefix-local
/// nodes and of parameters of one shape at both sizes. Empty when it is; else why not.
/// Whether the node's value on the first m tokens at n is its value at m, computed from its
/// inputs' first m tokens: a prefix-local node (elementwise, a fill, positions), or one whose every
/// token axis, in and out, lines up with a token axis of the other side (ops::aligned_input_axis:
/// a transpose, a reshape keeping the token axes, a product or a softmax over other axes), by a
/// rule that reads neither n nor other positions.
bool restricts(const Node& node, const Analysis& small, const Analysis& large) {
  if (prefix_local(node)) return true;
  if (node.outputs.size() != 1 || node.inputs.empty()) return false;
  const auto m = small.tokens, n = large.tokens;
  const auto& output = large.graph.types.at(node.outputs[0]).shape;
  const auto output_tokens = token_axes(small.graph.types.at(node.outputs[0]).shape, output, m, n);
  if (!output_tokens) return false;
  std::vector<Shape> inputs;
  for (const auto& in : node.inputs) inputs.push_back(large.graph.types.at(in).shape);
  std::vector<bool> output_fed(output.size(), false);
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    const auto input_tokens = token_axes(small.graph.types.at(node.inputs[k]).shape, inputs[k], m, n);
    if (!input_tokens) return false;
    std::vector<bool> input_read(inputs[k].size(), false);
    for (std::size_t b = 0; b < output.size(); ++b) {
      const auto axis = ops::aligned_input_axis(node, inputs, output, k, static_cast<int>(b));
      if (!axis) continue;
      const auto a = static_cast<std::size_t>(*axis);
      if ((*input_tokens)[a] != (*output_tokens)[b]) return false;
      if ((*output_tokens)[b]) input_read[a] = output_fed[b] = true;
    }
    for (std::size_t a = 0; a < inputs[k].size(); ++a)
      if ((*input_tokens)[a] && !input_read[a]) return false;  // a token axis read whole
  }
  for (std::size_t b = 0; b < output.size(); ++b)
    if ((*output_tokens)[b] && !output_fed[b]) return false;  // no input lines up with it
  return true;
}

std::string restriction_blocker(const Analysis& small, const Analysis& large, const std::string& value, std::set<std::string, std::less<>>& checked) {
  if (!checked.insert(value).second) return "";
  if (!token_axes(small.graph.types.at(value).shape, large.graph.types.at(value).shape, small.tokens, large.tokens))
    return "'" + value + "' is " + to_string(large.graph.types.at(value).shape) + " at n = " + std::to_string(large.tokens) + " but " +
           to_string(small.graph.types.at(value).shape) + " at n = " + std::to_string(small.tokens);
  if (const auto* p = large.graph.graph.find_parameter(value))
    return small.graph.types.at(value).shape == large.graph.types.at(value).shape ? "" : "buffer '" + p->info.name + "' has another shape at each size";
  for (const auto& node : large.graph.graph.nodes) {
    if (std::find(node.outputs.begin(), node.outputs.end(), value) == node.outputs.end()) continue;
    if (!restricts(node, small, large)) return "'" + value + "' comes from " + node.name + " (" + node.op + "), which is not prefix-local";
    for (const auto& in : node.inputs)
      if (auto why = restriction_blocker(small, large, in, checked); !why.empty()) return why;
    return "";
  }
  return "'" + value + "' is not computed from constants";
}

/// Carries the witness to n by restriction (see the top of this file): the mismatch, or why not.
std::optional<Mismatch> restriction_replay(const Graph& graph, const Analysis& small, const Analysis& large, std::size_t index, const Witness& w,
                                           std::string& why) {
  const auto& node = large.graph.graph.nodes[index];
  if (w.generator != "transposition" && w.tokens != 2) {
    why = "the witness's generator is the n-cycle, which does not keep the first tokens";
    return std::nullopt;
  }
  if (!restricts(node, small, large)) {
    why = node.op + " is not prefix-local (an output entry reads other positions)";
    return std::nullopt;
  }
  if (!large.claims[index].representable || !small.claims[index].representable || large.claims[index].outputs != small.claims[index].outputs) {
    why = "the node's claim differs between n = " + std::to_string(small.tokens) + " and n = " + std::to_string(large.tokens);
    return std::nullopt;
  }
  std::set<std::string, std::less<>> checked;
  for (const auto& values : {node.inputs, node.outputs})
    for (const auto& value : values) {
      if (small.states.at(value).action != large.states.at(value).action) {
        why = "the action on '" + value + "' differs between the sizes";
        return std::nullopt;
      }
      if (!token_axes(small.graph.types.at(value).shape, large.graph.types.at(value).shape, small.tokens, large.tokens)) {
        why = "'" + value + "' is not a restriction of its value at n = " + std::to_string(large.tokens);
        return std::nullopt;
      }
    }
  const auto& constants = real_constants(small);
  for (std::size_t k = 0; k < node.inputs.size(); ++k) {
    const auto& in = node.inputs[k];
    if (!fixed(large, in)) continue;
    if (auto blocker = restriction_blocker(small, large, in, checked); !blocker.empty()) {
      why = blocker;
      return std::nullopt;
    }
    // The witness's fixed inputs must be their real values at m.
    const auto it = constants.values.find(in);
    if (it == constants.values.end() || it->second.data != w.node_inputs[k].second.data) {
      why = "the witness's value of '" + in + "' is not its value in the graph";
      return std::nullopt;
    }
  }
  DimBindings bindings;
  if (!w.token_dim.empty()) bindings[w.token_dim] = w.tokens;
  if (!replay_witness(graph, node.name, w, bindings)) {
    why = "the witness does not replay at n = " + std::to_string(w.tokens);
    return std::nullopt;
  }
  return w.first_difference;
}

}  // namespace

std::optional<LiftedBreak> lift_witness(const Graph& graph, const Analysis& small, const Analysis& large, const std::string& node_name, const Witness& w,
                                        std::int64_t max_values, std::string& why) {
  const auto index = node_index(large, node_name);
  const auto& node = large.graph.graph.nodes[index];
  if (w.node_inputs.size() != node.inputs.size() || !large.claims[index].representable || w.tokens >= large.tokens) {
    why = "the witness does not fit the node at n = " + std::to_string(large.tokens);
    return std::nullopt;
  }
  LiftedBreak lifted;
  lifted.tokens = large.tokens;
  const std::string m = std::to_string(w.tokens), n = std::to_string(large.tokens);
  std::string literal_why;
  if (auto mismatch = literal_replay(large, index, w, max_values, literal_why)) {
    lifted.mismatch = std::move(*mismatch);
    lifted.how = "the witness at n = " + m + " fills the first " + m + " positions of every token axis (zeros elsewhere), the fixed inputs take " +
                 "their values at n = " + n + ", and the node, evaluated exactly at n = " + n + " under the transposition (0 1), breaks";
    return lifted;
  }
  std::string restriction_why;
  if (auto mismatch = restriction_replay(graph, small, large, index, w, restriction_why)) {
    lifted.mismatch = std::move(*mismatch);
    lifted.by_restriction = true;
    lifted.how = literal_why + "; by restriction instead: " + node.op + " and the nodes its fixed inputs are made of are prefix-local (their " +
                 "values on the first " + m + " tokens at any n are their values at n = " + m + ") and the transposition (0 1) keeps those tokens, " +
                 "so the witness, extended by any values beyond the first " + m + " tokens, breaks the node at n = " + n +
                 " with the mismatch replayed exactly at n = " + m;
    return lifted;
  }
  why = literal_why + "; " + restriction_why;
  return std::nullopt;
}

void lift_culprits(const Analysis& a, const Graph& graph, const ActionSpec& spec, const ClaimOverrides& overrides, const PhaseContext& context,
                   CheckReport& report) {
  const auto n = spec.tokens;
  if (spec.token_dim.empty() || n <= 2) return;
  const auto& options = context.options;
  std::map<std::int64_t, std::unique_ptr<Analysis>> small_analyses;
  auto small_analysis = [&](std::int64_t m) -> const Analysis* {
    auto& slot = small_analyses[m];
    if (!slot) {
      ActionSpec at_m = spec;
      at_m.tokens = m;
      at_m.bindings[spec.token_dim] = m;
      try {
        slot = std::make_unique<Analysis>(analyse(graph, at_m, overrides));
      } catch (const Error&) {
        return nullptr;  // the graph does not exist at this size
      }
    }
    return slot.get();
  };
  const auto largest = std::min(largest_small_size, n - 1);
  // The exact search where the whole graph is small enough at the largest small size.
  bool exact_search = false;
  if (const auto* at_largest = small_analysis(largest)) {
    std::int64_t values = 0;
    for (const auto& [name, type] : at_largest->graph.types) values += element_count(type.shape);
    exact_search = values <= options.max_exact_values;
  }
  Prover prover(options.proof_limits);
  auto small_witness = [&](std::size_t index) -> std::optional<Witness> {
    const auto& name = a.graph.graph.nodes[index].name;
    if (exact_search) {
      ActionSpec above = spec;
      above.tokens = largest + 1;
      above.bindings[spec.token_dim] = largest + 1;
      if (auto w = smallest_witness(graph, above, overrides, name, options)) return w;
    }
    for (std::int64_t m = 2; m <= largest; ++m) {
      const auto* small = small_analysis(m);
      if (!small || !small->claims[index].representable) continue;
      const auto result = prover.prove(obligation_of(*small, index, false));
      if (result.status != ProofStatus::Refuted || !result.witness) continue;
      Witness w = *result.witness;
      w.tokens = m;
      w.token_dim = spec.token_dim;
      if (confirmed_break(*small, index, w)) return w;
    }
    return std::nullopt;
  };

  bool any = false;
  for (std::size_t pos = 0; pos < a.graph.order.size(); ++pos) {
    const auto index = a.graph.order[pos];
    auto& r = report.nodes[pos];
    if (r.verdict != Verdict::Unknown || r.method == Method::Static || !a.claims[index].representable) continue;
    if (context.out_of_time()) break;
    context.say("searching a witness for " + r.node + " at a small n, to lift to n = " + std::to_string(n));
    const auto w = small_witness(index);
    if (!w) continue;
    const auto* small = small_analysis(w->tokens);
    std::string why;
    const auto lifted = small ? lift_witness(graph, *small, a, r.node, *w, options.max_exact_values, why) : std::nullopt;
    if (!lifted) {
      r.note += "; a witness breaks it at n = " + std::to_string(w->tokens) + ", but does not carry to n = " + std::to_string(n) + ": " + why;
      continue;
    }
    any = true;
    r.verdict = Verdict::Breaks;
    r.method = lifted->by_restriction ? Method::WitnessLiftedRestriction : Method::WitnessLiftedExact;
    r.action = describe(a.claims[index].outputs[0]);
    r.note = "inputs transform as claimed, the output is not " + r.action + " (witness at n = " + std::to_string(w->tokens) + ", lifted to n = " +
             std::to_string(n) + ")";
    r.witness = *w;
    r.break_sizes = {w->tokens, n};
    r.break_scope = lifted->how;
    r.lifted_difference = lifted->mismatch;
    if (const auto p = context.permitted.find(index); p != context.permitted.end()) r.permitted = p->second;
  }
  if (!any) return;
  // Nodes fed by a lifted culprit receive a broken value: they inherit, whatever their own proofs.
  std::map<std::string, std::set<std::string>, std::less<>> culprits_of;
  for (std::size_t pos = 0; pos < a.graph.order.size(); ++pos) {
    const auto& node = a.graph.graph.nodes[a.graph.order[pos]];
    auto& r = report.nodes[pos];
    std::set<std::string> upstream;
    for (const auto& in : node.inputs)
      if (const auto it = culprits_of.find(in); it != culprits_of.end()) upstream.insert(it->second.begin(), it->second.end());
    if (r.verdict == Verdict::Breaks && !r.permitted) upstream.insert(r.node);
    else if ((r.verdict == Verdict::Equivariant || r.verdict == Verdict::Invariant) && !upstream.empty()) {
      r.verdict = Verdict::Inherits;
      r.inherited_from.assign(upstream.begin(), upstream.end());
    }
    for (const auto& out : node.outputs) culprits_of[out] = upstream;
  }
  report.scope += " A node the exact engine could not evaluate at n = " + std::to_string(n) + " breaks there only with a witness found at a " +
                  "smaller n and replayed exactly at this node at n = " + std::to_string(n) + " (literally, or by restriction to the first tokens " +
                  "where the node and its fixed inputs are prefix-local); its row states the sizes.";
}

bool replay_lifted_witness(const Graph& graph, const std::string& node, const Witness& witness, std::int64_t tokens, const DimBindings& dims) {
  if (witness.token_dim.empty()) return false;
  const Graph free = with_free_weights(graph);
  CheckOptions options;
  options.tokens = tokens;
  options.dims = dims;
  const ActionSpec large_spec = resolve_action_spec(free, options);
  options.tokens = witness.tokens;
  const ActionSpec small_spec = resolve_action_spec(free, options);
  const Analysis large = analyse(free, large_spec), small = analyse(free, small_spec);
  std::string why;
  return lift_witness(free, small, large, node, witness, options.max_exact_values, why).has_value();
}

}  // namespace permeq
