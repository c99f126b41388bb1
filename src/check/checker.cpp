#include "permeq/check/checker.hpp"

#include "permeq/core/error.hpp"
#include "src/check/analysis.hpp"

#include <algorithm>
#include <chrono>
#include <fnmatch.h>
#include <cmath>
#include <random>
#include <set>

namespace permeq {

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::Equivariant: return "equivariant";
    case Verdict::Invariant: return "invariant";
    case Verdict::Breaks: return "breaks";
    case Verdict::Inherits: return "inherits";
    case Verdict::Unknown: return "unknown";
  }
  return "?";
}

bool PermittedBreak::matches(const Node& candidate) const {
  return (node.empty() || fnmatch(node.c_str(), candidate.name.c_str(), 0) == 0) && (op.empty() || op == candidate.op);
}

int CheckReport::exit_code() const {
  int own = exit_code::holds;
  if (policy) {
    own = policy->exit_code;
  } else {
    for (const auto& out : outputs) {
      if (out.verdict == Verdict::Breaks) own = exit_code::breaks;
      else if (out.verdict != Verdict::Equivariant && out.verdict != Verdict::Invariant && own == exit_code::holds) own = exit_code::inconclusive;
    }
  }
  // A break in either direction or property wins, then unknown.
  for (const auto* other_report : {backward.get(), intra.get()}) {
    if (!other_report) continue;
    const int other = other_report->exit_code();
    own = own == exit_code::breaks || other == exit_code::breaks ? exit_code::breaks : std::max(own, other);
  }
  return own;
}

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

using Clock = std::chrono::steady_clock;
using Exact = Tensor<Rational>;
using Values = ValueMap<Rational>;

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

Analysis analyse(const Graph& graph, const ActionSpec& spec) {
  Analysis a{spec.token_dim, spec.tokens, instantiate(graph, spec.bindings), {}, {}};
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
    if (claim.representable && !spec.weights_acted &&
        std::any_of(claim.outputs.begin(), claim.outputs.end(), [](const Action& x) { return x.structured(); }))
      claim = Claim::unrepresentable("the reshape merges or splits the permuted axis into blocks, which a token permutation check does not follow");
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
/// The smallest indexed length among the Gather-like nodes `value` reaches as indices, through
/// data movement (a label tensor sliced by a loss still indexes the classes); 0 when none.
std::int64_t indexed_length(const InstantiatedGraph& g, const std::string& value, int depth) {
  std::int64_t bound = 0;
  auto meet = [&](std::int64_t size) { bound = bound == 0 ? size : (size == 0 ? bound : std::min(bound, size)); };
  for (const auto& node : g.graph.nodes) {
    if ((node.op == "Gather" || node.op == "GatherElements") && node.inputs.size() == 2 && node.inputs[1] == value) {
      const auto& shape = g.types.at(node.inputs[0]).shape;
      const auto axis = normalize_axis(node.get_int("axis", 0), shape.size()).value_or(0);
      meet(shape[static_cast<std::size_t>(axis)]);
    } else if (depth < 8 && !node.inputs.empty() && node.inputs[0] == value &&
               (node.op == "Slice" || node.op == "Reshape" || node.op == "Transpose" || node.op == "Expand")) {
      meet(indexed_length(g, node.outputs[0], depth + 1));
    }
  }
  return bound;
}
}  // namespace

std::int64_t index_bound(const InstantiatedGraph& g, const std::string& value) {
  const auto bound = indexed_length(g, value, 0);
  return bound == 0 ? 8 : bound;
}

namespace {

class Draws {
 public:
  explicit Draws(std::uint64_t seed) : engine_(seed) {}
  Rational value() { return Rational(std::uniform_int_distribution<int>(-64, 64)(engine_), 8); }
  std::int64_t integer(std::int64_t bound) { return std::uniform_int_distribution<std::int64_t>(0, std::max<std::int64_t>(bound, 1) - 1)(engine_); }

 private:
  std::mt19937_64 engine_;
};

Values draw_bindings(const InstantiatedGraph& g, Draws& draws) {
  Values values;
  auto fill = [&](const ValueInfo& info) {
    const auto& type = g.types.at(info.name);
    Exact t(type.dtype, type.shape);
    const auto bound = type.dtype == DType::Int64 ? index_bound(g, info.name) : 2;
    for (auto& v : t.data) v = type.dtype == DType::Float ? draws.value() : Rational(draws.integer(bound));
    values[info.name] = std::move(t);
  };
  for (const auto& in : g.graph.inputs) fill(in);
  for (const auto& p : g.graph.parameters) {
    if (p.data) values[p.info.name] = stored_values(p, g.types.at(p.info.name));
    else fill(p.info);
  }
  return values;
}

std::optional<Mismatch> first_difference(const std::string& value, const Exact& got, const Exact& expected) {
  if (got.shape != expected.shape) return Mismatch{value, {}, Rational(0), Rational(0)};
  for (std::size_t i = 0; i < got.data.size(); ++i)
    if (got.data[i] != expected.data[i]) return Mismatch{value, unflatten(i, got.shape), got.data[i], expected.data[i]};
  return std::nullopt;
}

std::size_t rational_bits(const Values& values) {
  std::size_t largest = 0;
  for (const auto& [name, t] : values)
    for (const auto& v : t.data) {
      const auto& num = boost::multiprecision::numerator(v);
      const auto& den = boost::multiprecision::denominator(v);
      const std::size_t bits = (num == 0 ? 0 : boost::multiprecision::msb(abs(num)) + 1) + boost::multiprecision::msb(den) + 1;
      largest = std::max(largest, bits);
    }
  return largest;
}

struct Generator {
  std::string name;
  Permutation sigma;
};

std::vector<Generator> generators(std::int64_t n) {
  return {{"transposition", transposition(n)}, {"n-cycle", n_cycle(n)}};
}

/// Tests the claim at one node with the values of one run; a witness if it fails.
std::optional<Witness> test_node(const Analysis& a, std::size_t index, const Values& run, const Generator& gen, std::int64_t) {
  const auto& node = a.graph.graph.nodes[index];
  std::vector<Exact> inputs;
  std::vector<Action> input_actions;
  for (const auto& in : node.inputs) {
    inputs.push_back(run.at(in));
    input_actions.push_back(a.states.at(in).action);
  }
  auto w = find_mismatch(node, node.inputs, inputs, input_actions, a.claims[index].outputs, gen.sigma, gen.name);
  if (w) w->token_dim = a.token_dim;
  return w;
}

Values permute_inputs(const Analysis& a, Values run, const Generator& gen) {
  for (const auto& in : a.graph.graph.inputs) run[in.name] = apply_action(run.at(in.name), a.states.at(in.name).action, gen.sigma);
  if (a.weights_acted)
    for (const auto& p : a.graph.graph.parameters) run[p.info.name] = apply_action(run.at(p.info.name), a.states.at(p.info.name).action, gen.sigma);
  return run;
}

Values graph_values_of(const Analysis& a, const Values& run) {
  Values draws;
  for (const auto& in : a.graph.graph.inputs) draws[in.name] = run.at(in.name);
  for (const auto& p : a.graph.graph.parameters) draws[p.info.name] = run.at(p.info.name);
  return draws;
}

/// Bound on the chance that a break went unnoticed. A break fails for one of the two generators
/// (the generator lemma); for that generator the `trials` draws are independent, and a nonzero
/// polynomial of degree D in the draws vanishes at a uniform draw from 129 values per variable
/// with probability at most D/129 (Schwartz-Zippel). Only for polynomial values.
std::optional<double> miss_bound(const Degree& degree, int trials) {
  if (!degree || *degree >= random_value_count) return std::nullopt;
  if (*degree == 0) return 0.0;
  return std::pow(static_cast<double>(*degree) / random_value_count, trials);
}

/// Draws values and evaluates, retrying a few draws if evaluation divides by zero.
Values run_with_draws(const Analysis& a, Draws& draws) {
  for (int attempt = 0;; ++attempt) {
    try {
      return evaluate(a.graph, draw_bindings(a.graph, draws));
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Evaluation || attempt == 4) throw;
    }
  }
}

}  // namespace

/// The architecture: the same graph with its trained weights free. Buffers (masks, fixed tables)
/// keep their values.
Graph with_free_weights(const Graph& graph) {
  Graph free = graph;
  for (auto& p : free.parameters)
    if (p.kind == ParameterKind::Weight) p.data.reset();
  return free;
}

Values draw_run(const Analysis& a, std::uint64_t seed) {
  Draws draws(seed);
  return run_with_draws(a, draws);
}

bool node_holds(const Analysis& a, std::size_t index, const std::vector<Values>& runs) {
  if (!a.claims[index].representable) return false;
  for (const auto& run : runs)
    for (const auto& gen : generators(a.tokens))
      if (test_node(a, index, run, gen, a.tokens)) return false;
  return true;
}

namespace {

/// Searches n = 2 .. n_max-1 for the smallest witness at `node`.
std::optional<Witness> smallest_witness(const Graph& graph, ActionSpec spec, const std::string& node, const CheckOptions& options) {
  if (spec.token_dim.empty()) return std::nullopt;
  const auto largest = spec.tokens;
  for (std::int64_t n = 2; n < largest; ++n) {
    spec.tokens = n;
    spec.bindings[spec.token_dim] = n;
    try {
      const Analysis a = analyse(graph, spec);
      const auto it = std::find_if(a.graph.order.begin(), a.graph.order.end(), [&](std::size_t i) { return a.graph.graph.nodes[i].name == node; });
      if (it == a.graph.order.end() || !a.claims[*it].representable) continue;
      Draws draws(options.seed + static_cast<std::uint64_t>(n));
      for (int trial = 0; trial < options.trials; ++trial) {
        const Values run = run_with_draws(a, draws);
        for (const auto& gen : generators(n))
          if (auto w = test_node(a, *it, run, gen, n)) {
            for (auto& [name, t] : graph_values_of(a, run)) w->graph_values.emplace_back(name, t);
            return w;
          }
      }
    } catch (const Error&) {
      continue;  // the graph does not instantiate or evaluate at this n; try the next
    }
  }
  return std::nullopt;
}

/// Values fixed by the graph's stored data alone (constants, masks, stored tables), up to
/// `limit` elements each; larger ones stay symbolic in proofs.
Values determined_values(const Analysis& a, std::int64_t limit) {
  Values values;
  for (const auto& p : a.graph.graph.parameters)
    if (p.data) values[p.info.name] = stored_values(p, a.graph.types.at(p.info.name));
  for (const auto index : a.graph.order) {
    const auto& node = a.graph.graph.nodes[index];
    if (!a.states.at(node.outputs[0]).determined) continue;
    const bool inputs_known = std::all_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) { return values.count(in) > 0; });
    const bool small = std::all_of(node.outputs.begin(), node.outputs.end(),
                                   [&](const std::string& out) { return element_count(a.graph.types.at(out).shape) <= limit; });
    if (!inputs_known || !small) continue;
    auto outputs = evaluate_node<Rational>(node, node_inputs(node, values), {});
    for (std::size_t k = 0; k < outputs.size(); ++k) values[node.outputs[k]] = std::move(outputs[k]);
  }
  return values;
}

NodeObligation obligation_of(const Analysis& a, std::size_t index, const Values& fixed) {
  const auto& node = a.graph.graph.nodes[index];
  NodeObligation ob;
  ob.node = node;
  for (const auto& in : node.inputs) {
    ob.input_types.push_back(a.graph.types.at(in));
    ob.input_actions.push_back(a.states.at(in).action);
    const auto it = fixed.find(in);
    ob.fixed_inputs.push_back(it == fixed.end() ? std::nullopt : std::optional<Exact>(it->second));
  }
  ob.output_actions = a.claims[index].outputs;
  ob.tokens = static_cast<std::int64_t>(a.tokens);
  // The size-generic lemmas are stated for actions on activations with fixed weights; with
  // permuted weights only bounded proofs at the checked sizes apply.
  if (!a.weights_acted) ob.family = find_operator(node.op)->family(node, ob.input_types, ob.input_actions, ob.tokens);
  return ob;
}

/// The proof phase: every node that depends on the permuted inputs gets its obligation proved
/// (size-generic lemma or bounded), refuted with a replayed witness, or left as it was.
void prove_nodes(const Analysis& a, const CheckOptions& options, const std::map<std::size_t, std::string>& permitted, CheckReport& report,
                 const std::function<void(const std::string&)>& say) {
  Prover prover(options.proof_limits);
  const Values fixed = determined_values(a, options.max_exact_values);
  std::size_t proved = 0;
  for (std::size_t pos = 0; pos < a.graph.order.size(); ++pos) {
    const auto index = a.graph.order[pos];
    auto& r = report.nodes[pos];
    if (r.method == "static") {
      r.proved = r.size_generic = true;
      r.proof_scope = "exact argument: no input depends on the permuted inputs";
      continue;
    }
    if (!a.claims[index].representable || r.verdict == Verdict::Breaks || r.note.rfind("the time budget", 0) == 0) continue;
    const ProofResult result = prover.prove(obligation_of(a, index, fixed));
    const auto& claim = a.claims[index];
    switch (result.status) {
      case ProofStatus::Proved:
        ++proved;
        r.proved = true;
        r.size_generic = result.size_generic;
        r.proof_scope = result.scope;
        r.assumptions = result.assumptions;
        r.method = result.method == "bounded" ? "proof (bounded)" : "proof (" + result.method + ")";
        r.miss_probability.reset();
        if (r.verdict == Verdict::Unknown) {
          r.verdict = claim.outputs[0].invariant() ? Verdict::Invariant : Verdict::Equivariant;
          r.action = describe(claim.outputs[0]);
          r.note.clear();
        }
        break;
      case ProofStatus::Refuted:
        r.verdict = Verdict::Breaks;
        r.method = "proof (counterexample replayed)";
        r.action = describe(claim.outputs[0]);
        r.witness = result.witness;
        r.witness->token_dim = a.token_dim;
        r.note = "inputs transform as claimed, the output is not " + describe(claim.outputs[0]);
        if (const auto p = permitted.find(index); p != permitted.end()) r.permitted = p->second;
        break;
      case ProofStatus::Unknown:
        if (options.engine == Engine::Proof || r.verdict == Verdict::Unknown) {
          r.verdict = Verdict::Unknown;
          r.note = "no proof: " + result.reason;
        } else {
          r.note = (r.note.empty() ? "" : r.note + "; ") + "no proof: " + result.reason;
        }
        break;
    }
  }
  say("proofs: " + std::to_string(proved) + " nodes proved, " + std::to_string(prover.solver_calls()) + " solver calls, " +
      std::to_string(prover.cache_hits()) + " cache hits");
}

}  // namespace

namespace {
bool has_stored_weights(const Graph& graph) {
  return std::any_of(graph.parameters.begin(), graph.parameters.end(),
                     [](const Parameter& p) { return p.kind == ParameterKind::Weight && p.data.has_value(); });
}


CheckReport check_architecture(const Graph& graph, const CheckOptions& options);

/// The report's `scope`: what the verdicts rest on, engine by engine, in the order a reader needs
/// it (proofs first, then the evidence that stands where no proof was found). `exact_skipped`
/// says why the exact test did not run, so the scope never describes a test that was skipped.
std::string architecture_scope(const CheckOptions& options, std::int64_t n, const std::optional<std::string>& exact_skipped) {
  const std::string exact = exact_skipped ? "The exact random test was " + *exact_skipped + "."
                                          : "The exact random test runs at n = " + std::to_string(n) + " with both generators of S_" + std::to_string(n) +
                                                " (the transposition (0 1) and the n-cycle), " + std::to_string(options.trials) +
                                                " independent draws of inputs and weights (values k/8, |k| <= 64); non-rational pointwise "
                                                "functions are generic (a pass holds for every pointwise function; a break is shown for the "
                                                "generic one).";
  if (options.engine == Engine::Exact) return exact + " Evidence, not proof.";
  const std::string proofs = "Z3 proves every node's obligation for both generators of S_n: by size-generic lemmas (every n, every width) where the "
                             "node belongs to a proved family, by bounded proofs at the graph's sizes otherwise. An output reported as proved rests on "
                             "these proofs alone. ";
  if (exact_skipped) return proofs + exact + " A node without a proof or a replayed refutation is unknown.";
  if (options.engine == Engine::Proof) return proofs + "A node without a proof is unknown. " + exact + " It only finds breaks and their witnesses.";
  return proofs + exact + " Where no proof was found, a pass of this test is evidence, not proof.";
}
}  // namespace

CheckReport check_forward(const Graph& graph, const CheckOptions& options) {
  if (options.engine == Engine::Numeric) return check_architecture(graph, options);
  auto report = check_architecture(has_stored_weights(graph) ? with_free_weights(graph) : graph, options);
  const bool undecided = std::any_of(report.outputs.begin(), report.outputs.end(), [](const OutputReport& o) { return o.verdict == Verdict::Unknown; });
  if (options.engine == Engine::Auto && (has_stored_weights(graph) || (report.exact_skipped && undecided))) {
    CheckOptions numeric = options;
    numeric.engine = Engine::Numeric;
    CheckReport instance;
    try {
      instance = check_architecture(graph, numeric);
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Usage) throw;
      report.warnings.push_back(e.what());
      return report;
    }
    // A break far above rounding on these weights is a break of the architecture too; the
    // reverse would be a disagreement between engines, which the report states.
    for (auto& o : report.outputs) {
      const auto it = std::find_if(instance.outputs.begin(), instance.outputs.end(), [&](const OutputReport& x) { return x.output == o.output; });
      if (it == instance.outputs.end()) continue;
      if (it->verdict == Verdict::Breaks && o.verdict == Verdict::Unknown) {
        o.verdict = Verdict::Breaks;
        o.culprits = it->culprits;
        o.note = "breaks for the stored weights in floating point (numeric engine, differences far above rounding)";
      } else if (it->verdict == Verdict::Breaks && (o.verdict == Verdict::Equivariant || o.verdict == Verdict::Invariant) && o.proved) {
        report.warnings.push_back("engines disagree on output '" + o.output + "': proved for all weights, but the numeric engine sees a break on the "
                                  "stored weights (a rounding model too tight, or a bug: please report it)");
      }
    }
    for (const auto& [phase, seconds] : instance.timing) report.timing.emplace_back("instance " + phase, seconds);
    report.scope += " The instance verdicts: " + instance.scope;
    report.instance = std::make_shared<const CheckReport>(std::move(instance));
  }
  return report;
}

namespace {
CheckReport check_architecture(const Graph& graph, const CheckOptions& options) {
  const auto started = Clock::now();
  auto say = [&](const std::string& line) {
    if (options.progress) options.progress(line);
  };
  auto out_of_time = [&] {
    return options.time_budget_seconds && std::chrono::duration<double>(Clock::now() - started).count() > *options.time_budget_seconds;
  };
  if (options.trials < 1) throw Error(ErrorKind::Usage, "--trials must be at least 1");
  const ActionSpec spec = resolve_action_spec(graph, options);
  const Analysis a = analyse(graph, spec);
  const auto n = spec.tokens;
  const auto& nodes = a.graph.graph.nodes;
  if (options.engine == Engine::Numeric) {
    CheckReport report;
    report.graph = graph.name;
    report.tokens = n;
    report.permuted = spec.permuted;
    report.trials = 1;
    report.seed = options.seed;
    report.warnings = spec.warnings;
    std::int64_t total_values = 0;
    for (const auto& [name, type] : a.graph.types) total_values += element_count(type.shape);
    if (total_values > options.max_numeric_values)
      throw Error(ErrorKind::Usage, "the numeric engine refuses the graph: it holds " + std::to_string(total_values) + " values at n = " +
                                        std::to_string(n) + ", above its limit of " + std::to_string(options.max_numeric_values));
    say("numeric check at n = " + std::to_string(n));
    report.weights = has_stored_weights(graph) ? "stored" : "random";
    run_numeric_engine(a, options, report);
    report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    report.timing.emplace_back("check", report.seconds);
    return report;
  }
  auto inputs_depend = [&](const Node& node) {
    return std::any_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) { return a.states.at(in).depends; });
  };
  std::map<std::size_t, std::string> permitted;  // node index -> reason
  for (const auto index : a.graph.order)
    for (const auto& p : options.permitted)
      if (p.matches(nodes[index])) {
        permitted.emplace(index, p.reason);
        break;
      }

  CheckReport report;
  report.graph = graph.name;
  report.tokens = n;
  report.permuted = spec.permuted;
  report.trials = options.trials;
  report.seed = options.seed;
  report.warnings = spec.warnings;

  // Per node: local failures (culprit), global mismatches (inherits), evaluation trouble.
  std::map<std::size_t, Witness> culprit_witness;
  std::set<std::size_t> untested;  // skipped when the time budget ran out
  std::set<std::string> broken_values;
  std::optional<std::string> evaluation_failure;
  std::int64_t total_values = 0;
  for (const auto& [name, type] : a.graph.types) total_values += element_count(type.shape);
  const bool exact_skipped = total_values > options.max_exact_values;
  report.exact_skipped = exact_skipped;
  if (exact_skipped) {
    evaluation_failure = "skipped: the graph holds " + std::to_string(total_values) + " values at n = " + std::to_string(n) +
                         ", above the exact engine's limit of " + std::to_string(options.max_exact_values);
    report.warnings.push_back("exact evaluation " + *evaluation_failure + (options.engine == Engine::Exact ? "" : "; the prover works alone"));
  }
  report.scope = architecture_scope(options, n, exact_skipped ? evaluation_failure : std::nullopt);
  Draws draws(options.seed);
  for (int trial = 0; trial < options.trials && !evaluation_failure; ++trial) {
    say("trial " + std::to_string(trial + 1) + "/" + std::to_string(options.trials) + ": exact evaluation at n = " + std::to_string(n));
    Values run;
    try {
      run = run_with_draws(a, draws);
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Evaluation) throw;
      evaluation_failure = e.what();
      break;
    }
    report.largest_rational_bits = std::max(report.largest_rational_bits, rational_bits(run));
    for (const auto& gen : generators(n)) {
      // The run on permuted inputs, except that permitted nodes pass on the claimed action.
      Values permuted_run = permute_inputs(a, graph_values_of(a, run), gen);
      for (const auto index : a.graph.order) {
        const auto& node = nodes[index];
        const auto& claim = a.claims[index];
        auto outputs = evaluate_node<Rational>(node, node_inputs(node, permuted_run), {});
        if (permitted.count(index) && claim.representable)
          for (std::size_t k = 0; k < outputs.size(); ++k) outputs[k] = apply_action(run.at(node.outputs[k]), claim.outputs[k], gen.sigma);
        for (std::size_t k = 0; k < outputs.size(); ++k) permuted_run[node.outputs[k]] = std::move(outputs[k]);
        if (!claim.representable || !inputs_depend(node)) continue;
        if (out_of_time()) {
          untested.insert(index);
          continue;
        }
        if (!culprit_witness.count(index))
          if (auto w = test_node(a, index, run, gen, n)) {
            for (auto& [name, t] : graph_values_of(a, run)) w->graph_values.emplace_back(name, t);
            culprit_witness.emplace(index, std::move(*w));
          }
        for (std::size_t k = 0; k < node.outputs.size(); ++k)
          if (first_difference(node.outputs[k], permuted_run.at(node.outputs[k]), apply_action(run.at(node.outputs[k]), claim.outputs[k], gen.sigma)))
            broken_values.insert(node.outputs[k]);
      }
    }
  }

  if (options.minimize_witness)
    for (auto& [index, witness] : culprit_witness) {
      if (out_of_time()) break;
      say("searching a smaller witness for " + nodes[index].name);
      if (auto smaller = smallest_witness(graph, spec, nodes[index].name, options)) witness = std::move(*smaller);
    }

  // Upstream culprits of every value (for attribution), and upstream permitted breaks.
  std::map<std::string, std::set<std::string>, std::less<>> culprits_of, assumed_of;
  for (const auto index : a.graph.order) {
    const auto& node = nodes[index];
    std::set<std::string> culprits, assumed;
    for (const auto& in : node.inputs) {
      if (const auto it = culprits_of.find(in); it != culprits_of.end()) culprits.insert(it->second.begin(), it->second.end());
      if (const auto it = assumed_of.find(in); it != assumed_of.end()) assumed.insert(it->second.begin(), it->second.end());
    }
    if (culprit_witness.count(index)) (permitted.count(index) ? assumed : culprits).insert(node.name);
    for (const auto& out : node.outputs) {
      culprits_of[out] = culprits;
      assumed_of[out] = assumed;
    }
  }

  for (const auto index : a.graph.order) {
    const auto& node = nodes[index];
    const auto& claim = a.claims[index];
    const auto& state = a.states.at(node.outputs[0]);
    NodeReport r;
    r.node = node.name;
    r.op = node.op;
    r.scope = node.scope;
    for (const auto& in : node.inputs)
      r.inputs.emplace_back(in, a.states.at(in).representable ? describe(a.states.at(in).action) : "unknown");
    if (!claim.representable) {
      r.verdict = Verdict::Unknown;
      r.method = "none";
      r.note = claim.reason;
    } else if (!inputs_depend(node)) {
      r.verdict = Verdict::Invariant;
      r.method = "static";
      r.action = describe(Action{});
      r.note = "no input depends on the permuted inputs";
    } else if (evaluation_failure) {
      r.verdict = Verdict::Unknown;
      r.method = "none";
      r.note = "exact evaluation failed: " + *evaluation_failure;
    } else if (const auto w = culprit_witness.find(index); w != culprit_witness.end()) {
      r.verdict = Verdict::Breaks;
      r.method = "exact-random";
      r.action = describe(claim.outputs[0]);
      r.witness = w->second;
      r.note = "inputs transform as claimed, the output is not " + describe(claim.outputs[0]);
      if (const auto p = permitted.find(index); p != permitted.end()) r.permitted = p->second;
      report.culprits.push_back(node.name);
    } else if (untested.count(index)) {
      r.verdict = Verdict::Unknown;
      r.method = "none";
      r.note = "the time budget of " + std::to_string(*options.time_budget_seconds) + " s ran out before this node was tested";
    } else {
      const bool inherits = std::any_of(node.outputs.begin(), node.outputs.end(), [&](const std::string& out) { return broken_values.count(out) > 0; });
      r.method = "exact-random";
      r.action = describe(claim.outputs[0]);
      if (inherits) {
        r.verdict = Verdict::Inherits;
        const auto& upstream = culprits_of[node.outputs[0]];
        r.inherited_from.assign(upstream.begin(), upstream.end());
        r.note = "locally " + r.action + ", but receives a broken value";
      } else {
        r.verdict = state.action.invariant() ? Verdict::Invariant : Verdict::Equivariant;
        r.miss_probability = miss_bound(state.degree, options.trials);
      }
    }
    report.nodes.push_back(std::move(r));
  }

  if (options.engine != Engine::Exact) prove_nodes(a, options, permitted, report, say);
  if (options.engine == Engine::Exact && exact_skipped)
    for (auto& r : report.nodes)
      if (r.method == "none" && r.verdict == Verdict::Unknown) r.note = "exact evaluation " + *evaluation_failure;

  // Culprits found by the prover (the exact test may have been skipped) and proof coverage.
  std::map<std::string, bool, std::less<>> proved_of, generic_of;
  for (const auto& in : a.graph.graph.inputs) proved_of[in.name] = generic_of[in.name] = true;
  for (const auto& p : a.graph.graph.parameters) proved_of[p.info.name] = generic_of[p.info.name] = true;
  for (std::size_t pos = 0; pos < a.graph.order.size(); ++pos) {
    const auto index = a.graph.order[pos];
    const auto& node = nodes[index];
    auto& r = report.nodes[pos];
    std::set<std::string> culprits;
    bool proved = r.proved, generic = r.size_generic;
    for (const auto& in : node.inputs) {
      if (const auto it = culprits_of.find(in); it != culprits_of.end()) culprits.insert(it->second.begin(), it->second.end());
      proved = proved && proved_of[in];
      generic = generic && generic_of[in];
    }
    if (r.verdict == Verdict::Breaks && !r.permitted) culprits.insert(node.name);
    for (const auto& out : node.outputs) {
      culprits_of[out] = culprits;
      proved_of[out] = proved;
      generic_of[out] = generic;
    }
  }
  report.culprits.clear();
  for (const auto& r : report.nodes)
    if (r.verdict == Verdict::Breaks) report.culprits.push_back(r.node);

  for (const auto& out : graph.outputs) {
    OutputReport o;
    o.output = out;
    const auto& state = a.states.at(out);
    const auto& upstream = culprits_of[out];
    o.assumed.assign(assumed_of[out].begin(), assumed_of[out].end());
    const auto producer = std::find_if(nodes.begin(), nodes.end(), [&](const Node& nd) {
      return std::find(nd.outputs.begin(), nd.outputs.end(), out) != nd.outputs.end();
    });
    const bool producer_untested = producer != nodes.end() && untested.count(static_cast<std::size_t>(producer - nodes.begin())) > 0;
    if (!state.representable) {
      o.verdict = Verdict::Unknown;
      o.note = "the action on this output cannot be represented";
    } else if (broken_values.count(out)) {
      o.verdict = Verdict::Breaks;
      o.culprits.assign(upstream.begin(), upstream.end());
    } else if (!upstream.empty() && evaluation_failure) {
      o.verdict = Verdict::Unknown;
      o.culprits.assign(upstream.begin(), upstream.end());
      o.note = "upstream nodes break their obligations (witnesses replayed at those nodes); whether the break reaches this output was not "
               "evaluated (" + evaluation_failure.value_or("no exact run") + ")";
    } else if (proved_of[out] && state.depends && options.engine != Engine::Exact) {
      o.verdict = state.action.invariant() ? Verdict::Invariant : Verdict::Equivariant;
      for (const auto& ax : state.action.axes) o.axes.push_back(ax.axis);
      o.proved = true;
      o.proof_scope = generic_of[out] ? "proved for all n, all widths (every node by a size-generic lemma or an exact argument)"
                                      : "proved at n = " + std::to_string(n) + " with the graph's widths (some nodes by bounded proofs)";
    } else if (evaluation_failure && state.depends) {
      o.verdict = Verdict::Unknown;
      o.note = "exact evaluation failed: " + *evaluation_failure;
    } else if (producer_untested) {
      o.verdict = Verdict::Unknown;
      o.note = "the time budget ran out";
    } else if (options.engine == Engine::Proof && state.depends) {
      o.verdict = Verdict::Unknown;
      o.note = "not every node it depends on is proved (--engine proof accepts proofs only)";
    } else {
      o.verdict = state.action.invariant() ? Verdict::Invariant : Verdict::Equivariant;
      for (const auto& ax : state.action.axes) o.axes.push_back(ax.axis);
      o.miss_probability = state.depends ? miss_bound(state.degree, options.trials) : std::optional<double>(0.0);
      if (!state.depends) o.note = "does not depend on the permuted inputs";
      if (!o.assumed.empty()) {
        o.note = "assuming the permitted breaks at";
        for (const auto& p : o.assumed) o.note += " " + p;
      }
    }
    o.action = state.representable ? describe(state.action) : "unknown";
    report.outputs.push_back(std::move(o));
  }
  report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  report.timing.emplace_back("check", report.seconds);
  report.engine = options.engine == Engine::Proof ? "proof" : options.engine == Engine::Exact ? "exact" : "auto";
  return report;
}
}  // namespace

bool replay_witness(const Graph& graph, const std::string& node_name, const Witness& witness, const DimBindings& dims) {
  DimBindings bindings = dims;
  if (!witness.token_dim.empty()) bindings[witness.token_dim] = witness.tokens;
  const auto g = instantiate(graph, bindings);
  const Node* node = g.graph.find_node(node_name);
  if (!node || witness.node_inputs.size() != node->inputs.size()) return false;
  if (!witness.graph_values.empty()) {  // the node inputs must be what the graph computes from the draws
    Values draws(witness.graph_values.begin(), witness.graph_values.end());
    const auto run = evaluate(g, draws);
    for (const auto& [name, t] : witness.node_inputs)
      if (run.at(name).data != t.data) return false;
  }
  std::vector<Exact> permuted;
  std::vector<const Exact*> original;
  for (std::size_t i = 0; i < node->inputs.size(); ++i) {
    original.push_back(&witness.node_inputs[i].second);
    permuted.push_back(apply_action(witness.node_inputs[i].second, witness.input_actions[i], witness.sigma));
  }
  std::vector<const Exact*> pointers;
  for (const auto& t : permuted) pointers.push_back(&t);
  const auto got = evaluate_node<Rational>(*node, pointers, {});
  const auto plain = evaluate_node<Rational>(*node, original, {});
  for (std::size_t k = 0; k < got.size(); ++k)
    if (got[k].data != apply_action(plain[k], witness.output_actions[k], witness.sigma).data) return true;
  return false;
}

}  // namespace permeq

namespace permeq {

std::vector<ProofFile> graph_proof_files(const Graph& graph, const CheckOptions& options) {
  CheckOptions exact = options;
  exact.engine = Engine::Exact;
  const CheckReport report = check_forward(graph, exact);
  const ActionSpec spec = resolve_action_spec(graph, options);
  const Analysis a = analyse(graph, spec);
  const Values fixed = determined_values(a, options.max_exact_values);
  Prover prover(options.proof_limits);
  std::vector<ProofFile> files;
  std::string manifest = ";; permeq: obligations of graph '" + graph.name + "' at n = " + std::to_string(a.tokens) + "\n";
  for (std::size_t pos = 0; pos < a.graph.order.size(); ++pos) {
    const auto index = a.graph.order[pos];
    const auto& node = a.graph.graph.nodes[index];
    const auto& r = report.nodes[pos];
    if (r.method == "static" || !a.claims[index].representable) continue;
    const NodeObligation ob = obligation_of(a, index, fixed);
    if (!ob.family.empty()) {
      manifest += ";; " + node.name + " (" + node.op + "): lemma-" + ob.family + ".smt2 (size-generic)\n";
      continue;
    }
    const std::string expected = r.verdict == Verdict::Breaks ? "sat" : "unsat";
    for (const bool cycle : {false, true}) {
      std::string smt2;
      try {
        smt2 = prover.bounded_smt2(ob, cycle);
      } catch (const Error& e) {
        manifest += ";; " + node.name + " (" + node.op + "): no bounded obligation (" + e.what() + ")\n";
        break;
      }
      const std::string name = "graph-" + file_slug(graph.name) + "-" + file_slug(node.name) + (cycle ? "-cycle" : "-swap") + ".smt2";
      manifest += ";; " + node.name + " (" + node.op + "): " + name + "\n";
      files.push_back({name,
                       ";; permeq proof obligation\n;; claim: node " + node.name + " (" + node.op + ") is " + describe(ob.output_actions[0]) +
                           " for sigma the " + (cycle ? "n-cycle" : "transposition") + "\n;; scope: bounded, n = " + std::to_string(a.tokens) +
                           ", the graph's shapes\n;; expected: " + expected + "\n" + smt2,
                       expected});
    }
  }
  files.push_back({"graph-" + file_slug(graph.name) + ".manifest", manifest, ""});
  return files;
}

}  // namespace permeq
