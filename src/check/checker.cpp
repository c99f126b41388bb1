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

std::string method_text(const NodeReport& node) {
  switch (node.method) {
    case Method::None: return "none";
    case Method::Static: return "static";
    case Method::ExactRandom: return "exact-random";
    case Method::NumericFloat32: return "numeric float32";
    case Method::NumericFloat64: return "numeric float64";
    case Method::Proof: return "proof (" + node.proof_method + ")";
    case Method::CounterexampleReplayed: return "proof (counterexample replayed)";
    case Method::WitnessLiftedExact: return "witness lifted (exact)";
    case Method::WitnessLiftedRestriction: return "witness lifted (restriction)";
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
using Clock = std::chrono::steady_clock;
using Exact = Tensor<Rational>;
using Values = ValueMap<Rational>;

bool has_stored_weights(const Graph& graph) {
  return std::any_of(graph.parameters.begin(), graph.parameters.end(),
                     [](const Parameter& p) { return p.kind == ParameterKind::Weight && p.data.has_value(); });
}


/// `breaks_expected`: the numeric engine runs the moved inputs' passes beside its per-node tests
/// (numeric_findings).
CheckReport check_architecture(const Graph& graph, const CheckOptions& options, bool breaks_expected = false);

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

namespace {
/// The instance verdicts from the outputs' first token positions (numeric_prefix_outputs): an
/// undecided output breaks when the break shows there. `refused`: why the whole passes cannot run
/// (then a failure is a warning); empty when this evaluation only goes first because it is much
/// smaller. True when no output is left undecided.
bool decide_on_first_positions(const Analysis& a, const Graph& graph, const CheckOptions& numeric, const std::string& refused, CheckReport& report) {
  const auto started = Clock::now();
  const auto seen = numeric_prefix_outputs(a, numeric);
  report.timing.emplace_back("instance first positions", std::chrono::duration<double>(Clock::now() - started).count());
  if (seen.failure) {
    if (!refused.empty()) report.warnings.push_back(refused + "; cut to the outputs' first token positions: " + *seen.failure);
    return false;
  }
  bool decided = false;
  for (auto& o : report.outputs) {
    const auto it = seen.outputs.find(o.output);
    if (it == seen.outputs.end() || o.verdict != Verdict::Unknown) continue;
    if (!it->second.shown) {
      // Nothing decided, but the reader learns how close it came (the whole passes may follow).
      if (!refused.empty()) o.note += "; numeric engine on the first token positions: " + it->second.how;
      continue;
    }
    o.verdict = Verdict::Breaks;
    o.note = (has_stored_weights(graph) ? "breaks for the stored weights in floating point" : "breaks for weights drawn at random, so for some weights of the architecture") +
             std::string(" (numeric engine on the first token positions: ") + it->second.how + ")";
    decided = true;
  }
  if (decided || !refused.empty())
    report.scope += " The instance verdicts (" + (refused.empty() ? std::string("cut to the outputs' first token positions, a small part of the whole passes") : refused) +
                    "): numeric test of " + seen.scope + "; an output breaks when it differs there from every candidate claim far above rounding, on these weights. Not a proof.";
  return std::none_of(report.outputs.begin(), report.outputs.end(), [](const OutputReport& o) { return o.verdict == Verdict::Unknown; });
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
    const bool refuted = std::any_of(report.nodes.begin(), report.nodes.end(), [](const NodeReport& r) { return r.verdict == Verdict::Breaks; });
    if (refuted && undecided) {
      const Analysis a = analyse(graph, resolve_action_spec(graph, numeric));
      const auto held = numeric_peak_values(a);
      if (held > numeric.max_numeric_values) {
        decide_on_first_positions(a, graph, numeric,
                                  "the numeric engine's whole passes would hold " + std::to_string(held) + " values at once at n = " + std::to_string(a.tokens) +
                                      ", above its limit of " + std::to_string(numeric.max_numeric_values),
                                  report);
        return report;
      }
      // With free weights, where cutting saves most of the work (n x n attention at a long n), the
      // first positions go first; the whole passes run only for what they leave undecided.
      if (const auto cut = numeric_prefix_values(a); !has_stored_weights(graph) && cut && *cut * 10 < held && decide_on_first_positions(a, graph, numeric, "", report))
        return report;
    }
    try {
      instance = check_architecture(graph, numeric, refuted);
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
CheckReport check_architecture(const Graph& graph, const CheckOptions& options, bool breaks_expected) {
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
    DeviceUse used;
    EngineFindings findings;
    try {
      findings = numeric_findings(a, options, used, breaks_expected);
    } catch (const Error& e) {
      // The drawn or stored values take a node outside its domain (an index out of range, an
      // integer division by zero): no verdict rests on this run, and the report says why.
      if (e.kind() != ErrorKind::Evaluation) throw;
      findings = numeric_evaluation_failed(a, e.what());
      report.warnings.push_back(std::string("numeric evaluation failed: ") + e.what());
      used = DeviceUse{"cpu", "", 0, 0, {}};
    }
    const AssemblyRules numeric_rules{.inherit_downstream = true, .float_outputs = true};
    assemble_nodes(a, findings, {}, numeric_rules, report);
    assemble_outputs(a, graph, PhaseContext{options, {}, out_of_time, say}, ExactPhase{}, findings, numeric_rules, report);
    report.engine = std::string("numeric ") + (options.precision == Precision::Float64 ? "float64" : "float32");
    report.scope = numeric_scope(a, options, used);
    report.device = std::move(used);
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

  const auto findings = exact_findings(a, phase, options, exact_skipped);
  assemble_nodes(a, findings, permitted, AssemblyRules{}, report);
  if (options.engine != Engine::Exact) prove_nodes(a, graph, spec, overrides, context, phase, report);
  if (exact_skipped) lift_culprits(a, graph, spec, overrides, context, report);
  assemble_outputs(a, graph, context, phase, findings, AssemblyRules{}, report);
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
  if (!node || witness.node_inputs.size() != node->inputs.size() || reads_undecided_constant(a, *node)) return false;
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

