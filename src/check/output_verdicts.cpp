// Output verdicts from node verdicts, proofs and runs, and the culprits that reach them. With the
// exact engine's rule an output holds only with a proof of its claim (node by node, or end to end
// when an upstream node breaks its own obligation) or, without a break anywhere upstream, with the
// exact runs' evidence; it breaks only with a witness of the graph itself that every candidate
// claim fails, confirmed with the real functions. With the numeric engine's rule (float_outputs) an
// output downstream of a culprit breaks when the end-to-end float pass shows it far above rounding,
// and holds otherwise only as instance-level evidence.

#include "src/check/engines.hpp"

#include <algorithm>

namespace permeq {

namespace {

Witness output_witness(const Analysis& a, const ExactPhase& phase, const std::string& out, const Action& action, const RunDifference& d) {
  const auto gens = generators(a.tokens);
  Witness w;
  w.tokens = a.tokens;
  w.token_dim = a.token_dim;
  w.generator = gens[d.generator].name;
  w.sigma = gens[d.generator].sigma;
  w.output_actions = {action};
  for (const auto& [name, t] : phase.draws[d.draw]) w.graph_values.emplace_back(name, t);
  w.first_difference = d.mismatch;
  w.first_difference.value = out;
  return w;
}

/// For each candidate, a difference of the real graph that refutes it, or none: exact where the
/// run rests on no stand-in, else replayed with the real functions in double, far above rounding
/// (one replay of the whole graph per draw and generator, shared by every output). Stops at the
/// first candidate nothing refutes: the output does not break.
std::vector<std::optional<RunDifference>> confirmed(const Analysis& a, const ExactPhase& phase, const PhaseContext& context, const std::string& out,
                                                    const std::vector<OutputCandidate>& candidates,
                                                    std::map<std::pair<std::size_t, std::size_t>, RealRun>& real_runs) {
  const auto gens = generators(a.tokens);
  std::vector<Action> actions;
  for (const auto& c : candidates) actions.push_back(c.action);
  std::vector<std::optional<RunDifference>> found(candidates.size());
  for (std::size_t c = 0; c < candidates.size(); ++c)
    for (const auto& d : candidates[c].differences)
      if (d.real && !found[c]) found[c] = d;
  auto note = [&](const std::vector<std::optional<Mismatch>>& shown, const RunDifference& d) {
    for (std::size_t k = 0; k < shown.size(); ++k)
      if (shown[k] && !found[k]) found[k] = RunDifference{d.draw, d.generator, *shown[k], true};
  };
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    for (const auto& d : candidates[c].differences) {
      if (found[c]) break;
      const std::pair key{d.draw, d.generator};
      auto it = real_runs.find(key);
      if (it == real_runs.end()) it = real_runs.emplace(key, real_run(a, phase.draws[d.draw], gens[d.generator].sigma, &context.permitted)).first;
      note(far_differences(it->second, out, actions), d);
    }
    if (!found[c]) break;
  }
  return found;
}

std::string list(const std::set<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

void holds(OutputReport& o, const Action& action) {
  o.verdict = action.invariant() ? Verdict::Invariant : Verdict::Equivariant;
  o.action = describe(action);
  o.axes.clear();
  for (const auto& ax : action.axes) o.axes.push_back(ax.axis);
}

/// The numeric engine's rule: instance-level evidence, never a proof.
void float_output(const Analysis& a, const ValueFlow& flow, const EngineFindings& findings, const std::string& out, OutputReport& o) {
  const auto& s = a.states.at(out);
  const auto& upstream = flow.culprits_of(out);
  const auto pass = findings.float_outputs.find(out);
  if (!upstream.empty() && pass != findings.float_outputs.end() && pass->second.shown) {
    o.verdict = Verdict::Breaks;
    o.culprits.assign(upstream.begin(), upstream.end());
    o.note = "for these weights, in floating point, end to end (" + pass->second.how + ")";
  } else if (!upstream.empty()) {
    o.verdict = Verdict::Unknown;
    o.culprits.assign(upstream.begin(), upstream.end());
    o.note = "upstream nodes break for these weights, but " + (pass == findings.float_outputs.end() ? std::string() : pass->second.how) + ": no verdict";
  } else if (!s.representable || flow.undecided.count(out)) {
    o.verdict = Verdict::Unknown;
    o.note = !s.representable ? "its action is unknown"
                              : "a node it depends on is unknown (its note says why: a difference near the rounding tolerance, or a node not tested)";
  } else if (merges_tokens(a, s.action)) {
    o.verdict = Verdict::Unknown;
    o.note = "its token axis is merged with another (it moves " + describe(s.action) + "), which is not a permutation of its tokens";
  } else {
    holds(o, s.action);
    o.note = "for these weights, within floating-point rounding at n = " + std::to_string(a.tokens) + ": evidence, not proof";
  }
}


/// The exact engine's rule: a proof (node by node, or end to end) or the exact runs' evidence for
/// holding; a replayed witness of the whole graph against every candidate claim for breaking.
void exact_output(const Analysis& a, const PhaseContext& context, const ExactPhase& phase, const ValueFlow& flow, const std::string& out,
                  std::map<std::pair<std::size_t, std::size_t>, RealRun>& real_runs, OutputReport& o) {
  const auto& options = context.options;
  const auto& nodes = a.graph.graph.nodes;
  const auto n = a.tokens;
  const auto& state = a.states.at(out);
  const auto& upstream = flow.culprits_of(out);
  const auto producer = std::find_if(nodes.begin(), nodes.end(), [&](const Node& nd) {
    return std::find(nd.outputs.begin(), nd.outputs.end(), out) != nd.outputs.end();
  });
  const auto producer_index = producer == nodes.end() ? nodes.size() : static_cast<std::size_t>(producer - nodes.begin());
  const auto candidates = phase.outputs.find(out);
  const bool merged = state.representable && merges_tokens(a, state.action);
  // Where the action was lost, the output holds only with an end-to-end proof and breaks only
  // with a witness of the whole graph against every candidate claim.
  std::string lost;
  if (!state.representable)
    for (const auto index : cone_order(a.graph, out))
      if (!a.claims[index].representable && a.claims[index].reason != "an input's action is unknown") {
        lost = "the action is lost at " + nodes[index].name + " (" + a.claims[index].reason + ")";
        break;
      }
  if (!state.representable && (candidates == phase.outputs.end() || phase.evaluation_failure || !state.depends)) {
    o.verdict = Verdict::Unknown;
    o.note = "the action on this output cannot be represented" + (lost.empty() ? std::string() : ": " + lost);
  } else if (phase.untested.count(producer_index)) {
    o.verdict = Verdict::Unknown;
    o.note = "the time budget ran out";
  } else if (!state.depends) {
    holds(o, merged ? Action{} : state.action);
    o.miss_probability = 0.0;
    o.note = "does not depend on the permuted inputs";
  } else if (flow.proved.count(out) && !merged && options.engine != Engine::Exact) {
    holds(o, state.action);
    o.proved = true;
    o.proof_scope = flow.generic.count(out) ? "proved for all n, all widths (every node by a size-generic lemma or an exact argument)"
                                    : "proved at n = " + std::to_string(n) + " with the graph's widths (some nodes by bounded proofs)";
    if (!upstream.empty()) o.note = "the breaks at " + list(upstream) + " do not reach this output";
  } else if (phase.evaluation_failure || candidates == phase.outputs.end()) {
    o.verdict = Verdict::Unknown;
    o.culprits.assign(upstream.begin(), upstream.end());
    const std::string why = phase.evaluation_failure.value_or("no exact run");
    o.note = !upstream.empty() ? "upstream nodes break their obligations (witnesses replayed at those nodes); whether the break reaches this "
                                 "output was not evaluated (" + why + ")"
             : options.engine == Engine::Proof ? "not every node it depends on is proved (--engine proof accepts proofs only)"
                                               : "exact evaluation failed: " + why;
  } else if (state.representable && upstream.empty() && candidates->second.front().differences.empty()) {
    // Every node's claim holds on every run and none breaks: the exact evidence, or a proof.
    if (options.engine == Engine::Proof) {
      o.verdict = Verdict::Unknown;
      o.note = "not every node it depends on is proved (--engine proof accepts proofs only)";
    } else {
      holds(o, candidates->second.front().action);
      o.miss_probability = miss_bound(state.degree, options.trials);
      if (!o.assumed.empty()) o.note = "assuming the permitted breaks at " + list(flow.assumed_of(out));
    }
  } else {
    // Something upstream breaks, or the output moved otherwise than claimed: a proof of some
    // candidate claim end to end, or a real witness against every candidate.
    bool decided = false;
    std::string unproved;
    for (const auto& candidate : candidates->second) {
      if (!candidate.differences.empty() || options.engine == Engine::Exact || producer == nodes.end()) continue;
      const ProofResult proof = prove_end_to_end(a, out, candidate.action, context);
      if (proof.status == ProofStatus::Proved) {
        holds(o, candidate.action);
        o.proved = true;
        o.proof_scope = "proved at n = " + std::to_string(n) + " end to end (bounded: every value of the inputs and weights)";
        if (!upstream.empty()) o.note = "the breaks at " + list(upstream) + " do not reach this output";
        decided = true;
        break;
      }
      unproved = describe(candidate.action) + " on every run, but " +
                 (proof.status == ProofStatus::Refuted ? "the solver's counterexample was not replayed" : "no proof: " + proof.reason);
    }
    if (!decided) {
      const auto refuted = confirmed(a, phase, context, out, candidates->second, real_runs);
      const bool all_fail = std::all_of(refuted.begin(), refuted.end(), [](const auto& d) { return d.has_value(); });
      const auto& claimed_difference = refuted.front();
      o.culprits.assign(upstream.begin(), upstream.end());
      if (all_fail && claimed_difference) {
        o.verdict = Verdict::Breaks;
        o.witness = output_witness(a, phase, out, candidates->second.front().action, *claimed_difference);
        o.note = "the graph's own output moves otherwise than " + describe(candidates->second.front().action) +
                 ", and it is neither invariant nor permuted like the tokens" +
                 (merged ? " (its token axis is merged with another: it moves " + describe(state.action) + ")" : "") +
                 (lost.empty() ? "" : " (" + lost + ")");
      } else {
        o.verdict = Verdict::Unknown;
        o.note = !lost.empty() ? lost + "; " + (unproved.empty() ? "no run of the whole graph refutes every candidate claim" : "the output is " + unproved)
                 : !unproved.empty() ? "upstream nodes break (" + list(upstream) + "); the output is " + unproved
                 : !upstream.empty() ? "upstream nodes break (" + list(upstream) + "), but no run of the graph shows the break at this output with "
                                       "the real functions"
                                     : "the output moved otherwise than claimed only with stand-in values (generic functions or rounded "
                                       "constants); the real functions do not confirm it";
      }
    }
  }
}

}  // namespace

void assemble_outputs(const Analysis& a, const Graph& graph, const PhaseContext& context, const ExactPhase& phase, const EngineFindings& findings,
                      const AssemblyRules& rules, CheckReport& report) {
  const auto flow = value_flow(a, report);
  std::set<std::string> reaching;  // culprits upstream of an output that does not hold
  std::map<std::pair<std::size_t, std::size_t>, RealRun> real_runs;  // per draw and generator, shared by the outputs
  for (const auto& out : graph.outputs) {
    OutputReport o;
    o.output = out;
    const auto& state = a.states.at(out);
    const auto& upstream = flow.culprits_of(out);
    o.assumed.assign(flow.assumed_of(out).begin(), flow.assumed_of(out).end());
    o.action = state.representable ? describe(state.action) : "unknown";
    if (rules.float_outputs) float_output(a, flow, findings, out, o);
    else exact_output(a, context, phase, flow, out, real_runs, o);
    if (o.verdict != Verdict::Equivariant && o.verdict != Verdict::Invariant) reaching.insert(upstream.begin(), upstream.end());
    report.outputs.push_back(std::move(o));
  }
  // A culprit whose break reaches no output that fails is named on its row, not as a culprit.
  report.culprits.clear();
  for (auto& r : report.nodes) {
    if (r.verdict != Verdict::Breaks) continue;
    bool feeds_output = false;
    for (const auto& out : graph.outputs) feeds_output = feeds_output || flow.culprits_of(out).count(r.node) || flow.assumed_of(out).count(r.node);
    if (r.permitted || reaching.count(r.node) || !feeds_output) report.culprits.push_back(r.node);
    else r.note += "; the outputs it feeds are proved to hold, so this break does not reach them";
  }
}

}  // namespace permeq
