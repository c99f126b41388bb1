// The exact phase: random exact runs of the graph under both generators of S_n, node tests,
// witnesses confirmed with the real functions, and the smallest witness over n.

#include "src/check/engines.hpp"

#include "permeq/core/error.hpp"
#include "src/eval/real_bounds.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace permeq {

using Exact = Tensor<Rational>;
using Values = ValueMap<Rational>;

namespace {

/// Draws values and evaluates, retrying a few draws if evaluation divides by zero or an index
/// computed from integer inputs leaves its range (the later draws keep integers to 0 and 1).
std::pair<Values, ExactRun> run_with_draws(const Analysis& a, std::mt19937_64& draws) {
  for (int attempt = 0;; ++attempt) {
    try {
      auto bindings = draw_values(a, draws, DrawKind::Generic, attempt >= 2);
      auto run = exact_run(a, bindings);
      return {std::move(bindings), std::move(run)};
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Evaluation || attempt == 4) throw;
    }
  }
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

/// The radius of each of the node's inputs that is a constant known only within bounds.
std::vector<std::optional<Exact>> input_radius(const Analysis& a, const Node& node) {
  const auto& constants = real_constants(a);
  std::vector<std::optional<Exact>> radius;
  for (const auto& in : node.inputs) {
    const auto it = constants.radius.find(in);
    radius.push_back(it == constants.radius.end() ? std::nullopt : std::optional<Exact>(it->second));
  }
  return radius;
}

}  // namespace

std::optional<Mismatch> first_difference(const std::string& value, const Exact& got, const Exact& expected) {
  if (got.shape != expected.shape) return Mismatch{value, {}, Rational(0), Rational(0)};
  for (std::size_t i = 0; i < got.data.size(); ++i)
    if (got.data[i] != expected.data[i]) return Mismatch{value, unflatten(i, got.shape), got.data[i], expected.data[i]};
  return std::nullopt;
}

std::vector<Generator> generators(std::int64_t n) { return {{"transposition", transposition(n)}, {"n-cycle", n_cycle(n)}}; }

std::optional<Witness> test_node(const Analysis& a, std::size_t index, const Values& run, const Generator& gen, const std::vector<Action>* outputs) {
  const auto& node = a.graph.graph.nodes[index];
  std::vector<Exact> inputs;
  std::vector<Action> input_actions;
  for (const auto& in : node.inputs) {
    inputs.push_back(run.at(in));
    input_actions.push_back(a.states.at(in).action);
  }
  auto w = find_mismatch(node, node.inputs, inputs, input_actions, outputs ? *outputs : a.claims[index].outputs, gen.sigma, gen.name);
  if (w) w->token_dim = a.token_dim;
  return w;
}

bool confirmed_break(const Analysis& a, std::size_t index, const Witness& w) {
  const auto& node = a.graph.graph.nodes[index];
  // A constant the bounds leave undecided holds the generic functions' value in the runs, not
  // the graph's (log(exp(2)) = 2 may come out false): nothing on it is confirmed.
  if (reads_undecided_constant(a, node)) return false;
  std::vector<Exact> inputs;
  for (const auto& [name, t] : w.node_inputs) inputs.push_back(t);
  return certainly_breaks(node, inputs, input_radius(a, node), w.input_actions, w.output_actions, w.sigma);
}

Values graph_values_of(const Analysis& a, const Values& run) {
  Values draws;
  for (const auto& in : a.graph.graph.inputs) draws[in.name] = run.at(in.name);
  for (const auto& p : a.graph.graph.parameters) draws[p.info.name] = run.at(p.info.name);
  return draws;
}

std::optional<double> miss_bound(const Degree& degree, int trials) {
  if (!degree || *degree >= random_value_count) return std::nullopt;
  if (*degree == 0) return 0.0;
  return std::pow(static_cast<double>(*degree) / random_value_count, trials);
}

Values draw_run(const Analysis& a, std::uint64_t seed) {
  std::mt19937_64 draws(seed);
  return run_with_draws(a, draws).second.values;
}

bool node_holds(const Analysis& a, std::size_t index, const std::vector<Values>& runs) {
  if (!a.claims[index].representable) return false;
  for (const auto& run : runs)
    for (const auto& gen : generators(a.tokens))
      if (test_node(a, index, run, gen)) return false;
  return true;
}

bool merges_tokens(const Analysis& a, const Action& action) { return !a.weights_acted && action.structured(); }

std::vector<Action> candidate_actions(const Analysis& a, const std::string& value, const Action& claimed) {
  std::vector<Action> candidates{claimed};
  auto add = [&](const Action& action) {
    if (std::find(candidates.begin(), candidates.end(), action) == candidates.end()) candidates.push_back(action);
  };
  add(Action{});
  const auto& shape = a.graph.types.at(value).shape;
  Action all;
  for (std::size_t axis = 0; axis < shape.size(); ++axis)
    if (shape[axis] == a.tokens) {
      Action one;
      one.add(static_cast<int>(axis), 0);
      add(one);
      all.add(static_cast<int>(axis), 0);
    }
  if (all.axes.size() > 1) add(all);
  return candidates;
}

namespace {
/// Boundary runs follow the real functions: a generic stand-in for silu(800) may be 50, and a
/// threshold at 760 after it would never be passed. Other runs keep the generic functions, whose
/// passes hold for every function of the range.
EvalOptions run_options(DrawKind kind) {
  EvalOptions options;
  if (kind == DrawKind::Boundaries) options.functions = FunctionSemantics::Real;
  return options;
}
}  // namespace

ExactPhase run_exact_phase(const Analysis& a, const PhaseContext& context) {
  const auto& options = context.options;
  const auto n = a.tokens;
  const auto& nodes = a.graph.graph.nodes;
  ExactPhase phase;
  auto inputs_depend = [&](const Node& node) {
    return std::any_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) { return a.states.at(in).depends; });
  };
  for (const auto& out : a.graph.graph.outputs) {
    // An output whose action was lost on the way (a reshape that splits the token axis into
    // windows) is still compared with the claims it could satisfy, on the whole graph.
    const auto& state = a.states.at(out);
    const bool claimed = state.representable && !merges_tokens(a, state.action);
    for (const auto& action : candidate_actions(a, out, claimed ? state.action : Action{}))
      phase.outputs[out].push_back({action, {}});
  }
  // Generic draws (the Schwartz-Zippel trials), then small values, ties, dead weights and
  // boundaries, which find breaks that hide at special values: a saturated softmax, a tie in
  // ArgMax, ReLU at 0, a threshold far outside the generic range.
  std::vector<DrawKind> kinds(static_cast<std::size_t>(options.trials), DrawKind::Generic);
  kinds.push_back(DrawKind::Small);
  kinds.push_back(DrawKind::Ties);
  kinds.push_back(DrawKind::DeadWeights);
  kinds.push_back(DrawKind::Boundaries);
  std::mt19937_64 draws(options.seed);  // the generic draws of every run, in turn: reproducible from the seed
  for (std::size_t trial = 0; trial < kinds.size() && !phase.evaluation_failure; ++trial) {
    const auto kind = kinds[trial];
    context.say("run " + std::to_string(trial + 1) + "/" + std::to_string(kinds.size()) + " (" + std::string(to_string(kind)) +
                " values): exact evaluation at n = " + std::to_string(n));
    Values bindings;
    ExactRun run;
    try {
      if (kind == DrawKind::Generic) {
        std::tie(bindings, run) = run_with_draws(a, draws);
      } else {
        bindings = draw_values(a, options.seed + 7919 * (trial + 1), kind);
        run = exact_run(a, bindings, nullptr, nullptr, nullptr, run_options(kind));
      }
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Evaluation) throw;
      if (kind == DrawKind::Generic) phase.evaluation_failure = e.what();
      continue;  // special values may divide by zero; the generic runs decide
    }
    const std::size_t draw = phase.draws.size();
    phase.draws.push_back(bindings);
    phase.kinds.push_back(kind);
    phase.largest_rational_bits = std::max(phase.largest_rational_bits, rational_bits(run.values));
    const auto gens = generators(n);
    for (std::size_t g = 0; g < gens.size(); ++g) {
      const auto& gen = gens[g];
      ExactRun moved;
      try {
        moved = exact_run(a, bindings, &gen.sigma, &run, &context.permitted, run_options(kind));
      } catch (const Error& e) {
        if (e.kind() != ErrorKind::Evaluation) throw;
        continue;
      }
      for (const auto index : a.graph.order) {
        const auto& node = nodes[index];
        const auto& claim = a.claims[index];
        if (!claim.representable || !inputs_depend(node)) continue;
        if (context.out_of_time()) {
          phase.untested.insert(index);
          continue;
        }
        if (!phase.culprit_witness.count(index) || phase.local_breaks.count(index))
          if (auto w = test_node(a, index, run.values, gen)) {
            // Downstream of a break the graph does not move the node's inputs as claimed: a
            // failure of its own obligation there is local to it, and a witness from a run where
            // the inputs do move as claimed replaces it.
            const bool local = std::any_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) {
              return first_difference(in, moved.values.at(in), apply_action(run.values.at(in), a.states.at(in).action, gen.sigma)).has_value();
            });
            if (local && phase.culprit_witness.count(index)) {
            } else if (confirmed_break(a, index, *w)) {
              // The draws reproduce the node's inputs through the generic functions only; a run
              // with the real functions leaves a witness of the node alone.
              if (kind != DrawKind::Boundaries)
                for (auto& [name, t] : bindings) w->graph_values.emplace_back(name, t);
              phase.culprit_witness.insert_or_assign(index, std::move(*w));
              if (local) phase.local_breaks.insert(index);
              else phase.local_breaks.erase(index);
              phase.unconfirmed.erase(index);
            } else {
              phase.unconfirmed.emplace(index, "the break shows only with stand-in values (generic functions or rounded constants) and is not "
                                               "confirmed with the real functions");
            }
          }
        for (std::size_t k = 0; k < node.outputs.size(); ++k)
          if (first_difference(node.outputs[k], moved.values.at(node.outputs[k]), apply_action(run.values.at(node.outputs[k]), claim.outputs[k], gen.sigma)))
            phase.broken_values.insert(node.outputs[k]);
      }
      for (auto& [out, candidates] : phase.outputs)
        for (auto& candidate : candidates) {
          // One difference per run: the kinds of draws differ in what the real functions show.
          if (!candidate.differences.empty() && candidate.differences.back().draw == draw) continue;
          const auto& got = moved.values.at(out);
          if (auto m = first_difference(out, got, apply_action(run.values.at(out), candidate.action, gen.sigma)))
            candidate.differences.push_back({draw, g, std::move(*m), !run.stand_in.count(out) && !moved.stand_in.count(out)});
        }
    }
  }
  return phase;
}

std::optional<std::pair<std::string, std::vector<Action>>> better_claim(const Analysis& a, const ExactPhase& phase,
                                                                       const std::set<std::string, std::less<>>& rejected) {
  for (const auto index : a.graph.order) {
    if (!phase.culprit_witness.count(index)) continue;
    const auto& node = a.graph.graph.nodes[index];
    if (node.outputs.size() != 1 || a.overridden.count(node.name) || rejected.count(node.name)) continue;
    // Downstream of a break, another claim that holds reflects the break, not the node.
    if (std::any_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) { return phase.broken_values.count(in) > 0; })) continue;
    const auto candidates = candidate_actions(a, node.outputs[0], a.claims[index].outputs[0]);
    for (std::size_t c = 1; c < candidates.size(); ++c) {
      const std::vector<Action> outputs{candidates[c]};
      bool holds = true;
      for (std::size_t d = 0; d < phase.draws.size() && holds; ++d) {
        ExactRun run;
        try {
          run = exact_run(a, phase.draws[d]);
        } catch (const Error& e) {
          if (e.kind() != ErrorKind::Evaluation) throw;
          continue;
        }
        for (const auto& gen : generators(a.tokens))
          if (test_node(a, index, run.values, gen, &outputs)) holds = false;
      }
      if (holds) return std::pair{node.name, outputs};
    }
  }
  return std::nullopt;
}

std::optional<Witness> smallest_witness(const Graph& graph, ActionSpec spec, const ClaimOverrides& overrides, const std::string& node,
                                        const CheckOptions& options) {
  if (spec.token_dim.empty()) return std::nullopt;
  const auto largest = spec.tokens;
  for (std::int64_t n = 2; n < largest; ++n) {
    spec.tokens = n;
    spec.bindings[spec.token_dim] = n;
    try {
      const Analysis a = analyse(graph, spec, overrides);
      const auto it = std::find_if(a.graph.order.begin(), a.graph.order.end(), [&](std::size_t i) { return a.graph.graph.nodes[i].name == node; });
      if (it == a.graph.order.end() || !a.claims[*it].representable) continue;
      const auto& value = a.graph.graph.nodes[*it].outputs;
      // At this n the node must fail every candidate claim, not only its operator's: a single
      // reversal of two tokens is the swap, which a witness for "invariant" would not show.
      std::vector<Values> runs;  // the draws of each run
      std::mt19937_64 draws(options.seed + static_cast<std::uint64_t>(n));
      for (int trial = 0; trial < options.trials; ++trial) runs.push_back(run_with_draws(a, draws).first);
      for (const auto kind : {DrawKind::Small, DrawKind::Ties, DrawKind::DeadWeights, DrawKind::Boundaries})
        runs.push_back(draw_values(a, options.seed + static_cast<std::uint64_t>(n) * 31 + static_cast<std::uint64_t>(kind), kind));
      std::optional<Witness> found;
      bool other_claim_holds = false;
      if (value.size() == 1) {
        const auto candidates = candidate_actions(a, value[0], a.claims[*it].outputs[0]);
        for (std::size_t c = 1; c < candidates.size() && !other_claim_holds; ++c) {
          const std::vector<Action> outputs{candidates[c]};
          bool fails = false;
          for (const auto& bindings : runs) {
            try {
              const auto run = exact_run(a, bindings);
              for (const auto& gen : generators(n)) fails = fails || test_node(a, *it, run.values, gen, &outputs).has_value();
            } catch (const Error& e) {
              if (e.kind() != ErrorKind::Evaluation) throw;
            }
          }
          other_claim_holds = !fails;
        }
      }
      if (other_claim_holds) continue;
      for (const auto& bindings : runs) {
        if (found) break;
        ExactRun run;
        try {
          run = exact_run(a, bindings);
        } catch (const Error&) {
          continue;
        }
        for (const auto& gen : generators(n))
          if (auto w = test_node(a, *it, run.values, gen); w && confirmed_break(a, *it, *w)) {
            for (auto& [name, t] : bindings) w->graph_values.emplace_back(name, t);
            found = std::move(w);
            break;
          }
      }
      // A shrunk witness counts only once it replays at its own n.
      if (found && replay_witness(graph, node, *found, spec.bindings)) return found;
    } catch (const Error&) {
      continue;  // the graph does not instantiate or evaluate at this n; try the next
    }
  }
  return std::nullopt;
}

}  // namespace permeq

namespace permeq {

EngineFindings exact_findings(const Analysis& a, const ExactPhase& phase, const CheckOptions& options, bool exact_skipped) {
  EngineFindings findings;
  const auto& nodes = a.graph.graph.nodes;
  auto inputs_depend = [&](const Node& node) {
    return std::any_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) { return a.states.at(in).depends; });
  };
  for (const auto index : a.graph.order) {
    const auto& node = nodes[index];
    const auto& claim = a.claims[index];
    NodeFinding f;
    if (!claim.representable) {
      f.evidence = Evidence::NoClaim;
      f.note = claim.reason;
    } else if (!inputs_depend(node)) {
      f.evidence = Evidence::Independent;
      f.method = Method::Static;
      f.note = "no input depends on the permuted inputs";
    } else if (phase.evaluation_failure) {
      f.evidence = Evidence::NotTested;
      f.note = (exact_skipped ? "exact evaluation " : "exact evaluation failed: ") + *phase.evaluation_failure;
    } else if (const auto w = phase.culprit_witness.find(index); w != phase.culprit_witness.end()) {
      f.evidence = Evidence::Refuted;
      f.method = Method::ExactRandom;
      f.witness = w->second;
      f.local = phase.local_breaks.count(index) > 0;
      f.note = "inputs transform as claimed, the output is not " + describe(claim.outputs[0]);
    } else if (phase.untested.count(index)) {
      f.evidence = Evidence::NotTested;
      f.note = "the time budget of " + std::to_string(*options.time_budget_seconds) + " s ran out before this node was tested";
    } else if (const auto u = phase.unconfirmed.find(index); u != phase.unconfirmed.end()) {
      f.evidence = Evidence::Undecided;
      f.method = Method::ExactRandom;
      f.note = u->second;
    } else {
      f.evidence = Evidence::NoBreakSeen;
      f.method = Method::ExactRandom;
      f.receives_broken = std::any_of(node.outputs.begin(), node.outputs.end(), [&](const std::string& out) { return phase.broken_values.count(out) > 0; });
      f.miss_probability = miss_bound(a.states.at(node.outputs[0]).degree, options.trials);
      if (a.overridden.count(node.name)) f.note = "its operator's claim fails; it satisfies this one on every run";
    }
    findings.nodes.push_back(std::move(f));
  }
  return findings;
}

}  // namespace permeq
