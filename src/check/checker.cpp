#include "permeq/check/checker.hpp"

#include "permeq/core/error.hpp"
#include "src/check/engines.hpp"
#include "src/eval/real_bounds.hpp"

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

/// The architecture: the same graph with its trained weights free. Buffers (masks, fixed tables)
/// keep their values.
Graph with_free_weights(const Graph& graph) {
  Graph free = graph;
  for (auto& p : free.parameters)
    if (p.kind == ParameterKind::Weight) p.data.reset();
  return free;
}

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
                                                " independent draws of inputs and weights (values k/8, |k| <= 64), plus draws of small values, "
                                                "with ties, with all-zero weights and beyond the graph's constants. Constants are computed with the real functions; other non-rational "
                                                "pointwise functions are generic in node tests (a pass holds for every pointwise function of "
                                                "that range), and every break is confirmed with the real functions.";
  if (options.engine == Engine::Exact) return exact + " Evidence, not proof.";
  const std::string proofs = "Z3 proves every node's obligation for both generators of S_n: by size-generic lemmas (every n, every width) where the "
                             "node belongs to a proved family at every size, by bounded proofs at the graph's sizes otherwise, and end to end "
                             "(bounded) where a node's own obligation fails. An output reported as proved rests on these proofs alone. ";
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
        o.note = has_stored_weights(graph) ? "breaks for the stored weights in floating point (numeric engine: " + it->note + ")"
                                           : "breaks for weights drawn at random, so for some weights of the architecture (numeric engine: " + it->note + ")";
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
  Analysis a = analyse(graph, spec);
  const auto n = spec.tokens;
  if (options.engine == Engine::Numeric) {
    CheckReport report;
    report.graph = graph.name;
    report.tokens = n;
    report.permuted = spec.permuted;
    report.trials = 1;
    report.seed = options.seed;
    report.warnings = spec.warnings;
    if (const auto held = numeric_peak_values(a); held > options.max_numeric_values)
      throw Error(ErrorKind::Usage, "the numeric engine refuses the graph: it would hold " + std::to_string(held) + " values at once at n = " +
                                        std::to_string(n) + ", above its limit of " + std::to_string(options.max_numeric_values));
    say("numeric check at n = " + std::to_string(n));
    report.weights = has_stored_weights(graph) ? "stored" : "random";
    run_numeric_engine(a, options, report);
    report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    report.timing.emplace_back("check", report.seconds);
    return report;
  }
  std::map<std::size_t, std::string> permitted;  // node index -> reason
  for (const auto index : a.graph.order)
    for (const auto& p : options.permitted)
      if (p.matches(a.graph.graph.nodes[index])) {
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

  std::int64_t total_values = 0;
  for (const auto& [name, type] : a.graph.types) total_values += element_count(type.shape);
  const bool exact_skipped = total_values > options.max_exact_values;
  report.exact_skipped = exact_skipped;
  const PhaseContext context{options, permitted, out_of_time, say};
  ClaimOverrides overrides;
  ExactPhase phase;
  if (exact_skipped) {
    phase.evaluation_failure = "skipped: the graph holds " + std::to_string(total_values) + " values at n = " + std::to_string(n) +
                               ", above the exact engine's limit of " + std::to_string(options.max_exact_values);
    report.warnings.push_back("exact evaluation " + *phase.evaluation_failure + (options.engine == Engine::Exact ? "" : "; the prover works alone"));
  } else {
    // A node that fails its operator's claim but satisfies another on every run, and provably
    // (a dead branch, a reversal undone, an identity gather), is not a culprit: propagation
    // continues from the claim it satisfies. The exact engine alone proves nothing, so it keeps
    // the operators' claims.
    constexpr int max_better_claims = 8;
    std::set<std::string, std::less<>> rejected;
    phase = run_exact_phase(a, context);
    for (int round = 0; round < max_better_claims && !phase.evaluation_failure && options.engine != Engine::Exact; ++round) {
      const auto better = better_claim(a, phase, rejected);
      if (!better) break;
      ClaimOverrides tried = overrides;
      tried.insert(*better);
      Analysis candidate = analyse(graph, spec, tried);
      const auto index = static_cast<std::size_t>(std::find_if(candidate.graph.graph.nodes.begin(), candidate.graph.graph.nodes.end(),
                                                               [&](const Node& nd) { return nd.name == better->first; }) -
                                                  candidate.graph.graph.nodes.begin());
      if (!claim_proved(candidate, index, context)) {
        rejected.insert(better->first);
        continue;
      }
      // The claim must remove a false culprit, not move the blame downstream (a loss node whose
      // value is fixed passes its break on to the derivative rules that read it).
      auto next = run_exact_phase(candidate, context);
      std::set<std::string> before, after;
      for (const auto& [i, w] : phase.culprit_witness) before.insert(a.graph.graph.nodes[i].name);
      for (const auto& [i, w] : next.culprit_witness) after.insert(candidate.graph.graph.nodes[i].name);
      if (next.evaluation_failure || !std::includes(before.begin(), before.end(), after.begin(), after.end())) {
        rejected.insert(better->first);
        continue;
      }
      say("node " + better->first + " provably satisfies " + describe(better->second[0]) + ": propagating that claim");
      overrides = std::move(tried);
      a = std::move(candidate);
      phase = std::move(next);
    }
  }
  report.scope = architecture_scope(options, n, exact_skipped ? phase.evaluation_failure : std::nullopt);
  report.largest_rational_bits = phase.largest_rational_bits;
  if (options.minimize_witness)
    for (auto& [index, witness] : phase.culprit_witness) {
      if (out_of_time()) break;
      if (phase.local_breaks.count(index)) continue;
      say("searching a smaller witness for " + a.graph.graph.nodes[index].name);
      if (auto smaller = smallest_witness(graph, spec, overrides, a.graph.graph.nodes[index].name, options)) witness = std::move(*smaller);
    }

  const auto& nodes = a.graph.graph.nodes;
  std::map<std::string, std::set<std::string>, std::less<>> culprits_of;  // for inherited breaks
  std::set<std::size_t> local_only;  // obligations that fail only downstream of a culprit
  for (const auto index : a.graph.order) {
    std::set<std::string> culprits;
    for (const auto& in : nodes[index].inputs)
      if (const auto it = culprits_of.find(in); it != culprits_of.end()) culprits.insert(it->second.begin(), it->second.end());
    if (phase.local_breaks.count(index) && !culprits.empty()) local_only.insert(index);
    else if (phase.culprit_witness.count(index) && !permitted.count(index)) culprits.insert(nodes[index].name);
    for (const auto& out : nodes[index].outputs) culprits_of[out] = culprits;
  }
  auto inputs_depend = [&](const Node& node) {
    return std::any_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) { return a.states.at(in).depends; });
  };
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
    } else if (phase.evaluation_failure) {
      r.verdict = Verdict::Unknown;
      r.method = "none";
      r.note = (exact_skipped ? "exact evaluation " : "exact evaluation failed: ") + *phase.evaluation_failure;
    } else if (local_only.count(index)) {
      r.verdict = Verdict::Inherits;
      r.method = "exact-random";
      r.action = describe(claim.outputs[0]);
      const auto& upstream = culprits_of[node.outputs[0]];
      r.inherited_from.assign(upstream.begin(), upstream.end());
      r.note = "receives a broken value; its own obligation fails too, but only for input actions this graph does not produce here "
               "(the break is local to the node's obligation)";
    } else if (const auto w = phase.culprit_witness.find(index); w != phase.culprit_witness.end()) {
      r.verdict = Verdict::Breaks;
      r.method = "exact-random";
      r.action = describe(claim.outputs[0]);
      r.witness = w->second;
      r.note = "inputs transform as claimed, the output is not " + describe(claim.outputs[0]);
      if (const auto p = permitted.find(index); p != permitted.end()) r.permitted = p->second;
    } else if (phase.untested.count(index)) {
      r.verdict = Verdict::Unknown;
      r.method = "none";
      r.note = "the time budget of " + std::to_string(*options.time_budget_seconds) + " s ran out before this node was tested";
    } else if (const auto u = phase.unconfirmed.find(index); u != phase.unconfirmed.end()) {
      r.verdict = Verdict::Unknown;
      r.method = "exact-random";
      r.action = describe(claim.outputs[0]);
      r.note = u->second;
    } else {
      const bool inherits = std::any_of(node.outputs.begin(), node.outputs.end(), [&](const std::string& out) { return phase.broken_values.count(out) > 0; });
      r.method = "exact-random";
      r.action = describe(claim.outputs[0]);
      const auto& upstream = culprits_of[node.outputs[0]];
      if (inherits && !upstream.empty()) {
        r.verdict = Verdict::Inherits;
        r.inherited_from.assign(upstream.begin(), upstream.end());
        r.note = "locally " + r.action + ", but receives a broken value";
      } else {
        r.verdict = state.action.invariant() ? Verdict::Invariant : Verdict::Equivariant;
        r.miss_probability = miss_bound(state.degree, options.trials);
        if (a.overridden.count(node.name)) r.note = "its operator's claim fails; it satisfies this one on every run";
      }
    }
    report.nodes.push_back(std::move(r));
  }

  if (options.engine != Engine::Exact) prove_nodes(a, graph, spec, overrides, context, phase, report);
  if (exact_skipped) lift_culprits(a, graph, spec, overrides, context, report);
  assemble_outputs(a, graph, context, phase, report);
  report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  report.timing.emplace_back("check", report.seconds);
  report.engine = options.engine == Engine::Proof ? "proof" : options.engine == Engine::Exact ? "exact" : "auto";
  return report;
}
}  // namespace

bool replay_witness(const Graph& graph, const std::string& node_name, const Witness& witness, const DimBindings& dims) {
  DimBindings bindings = dims;
  if (!witness.token_dim.empty()) bindings[witness.token_dim] = witness.tokens;
  // The graph alone, with its constants computed with the real functions, as the check saw it.
  Analysis a;
  a.graph = instantiate(graph, bindings);
  a.tokens = witness.tokens;
  for (const auto& in : a.graph.graph.inputs) a.states[in.name] = ValueState{};
  // A weight the witness drew was free in the check (architecture level); buffers and weights it
  // did not draw are their stored values.
  auto drawn = [&](const std::string& name) {
    return std::any_of(witness.graph_values.begin(), witness.graph_values.end(), [&](const auto& v) { return v.first == name; });
  };
  for (const auto& p : a.graph.graph.parameters)
    a.states[p.info.name] = ValueState{{}, false, true, std::nullopt, p.data.has_value() && !(p.kind == ParameterKind::Weight && drawn(p.info.name))};
  for (const auto index : a.graph.order) {
    const auto& nd = a.graph.graph.nodes[index];
    const bool determined = std::all_of(nd.inputs.begin(), nd.inputs.end(), [&](const std::string& in) { return a.states.at(in).determined; });
    for (const auto& out : nd.outputs) a.states[out] = ValueState{{}, false, true, std::nullopt, determined};
  }
  const Node* node = a.graph.graph.find_node(node_name);
  if (!node || witness.node_inputs.size() != node->inputs.size()) return false;
  if (!witness.graph_values.empty()) {  // the node inputs must be what the graph computes from the draws
    const Values draws(witness.graph_values.begin(), witness.graph_values.end());
    const auto run = exact_run(a, draws);
    for (const auto& [name, t] : witness.node_inputs)
      if (run.values.at(name).data != t.data) return false;
  }
  std::vector<Exact> inputs;
  std::vector<std::optional<Exact>> radius;
  const auto& constants = real_constants(a);
  for (const auto& [name, t] : witness.node_inputs) {
    inputs.push_back(t);
    const auto r = constants.radius.find(name);
    radius.push_back(r == constants.radius.end() ? std::nullopt : std::optional<Exact>(r->second));
  }
  return find_mismatch(*node, node->inputs, inputs, witness.input_actions, witness.output_actions, witness.sigma, witness.generator).has_value() &&
         certainly_breaks(*node, inputs, radius, witness.input_actions, witness.output_actions, witness.sigma);
}

}  // namespace permeq

