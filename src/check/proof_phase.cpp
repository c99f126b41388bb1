// The proof phase: Z3 proofs of node obligations, the sizes a lemma may cover, and counterexamples
// lifted to values the graph itself produces.

#include "src/check/engines.hpp"

#include "permeq/core/error.hpp"

#include <algorithm>
#include <chrono>

#include <sys/resource.h>

namespace permeq {

using Exact = Tensor<Rational>;
using Values = ValueMap<Rational>;

namespace {

std::string_view family_of(const Analysis& a, std::size_t index) {
  const auto& node = a.graph.graph.nodes[index];
  std::vector<TensorType> types;
  std::vector<Action> actions;
  for (const auto& in : node.inputs) {
    types.push_back(a.graph.types.at(in));
    actions.push_back(a.states.at(in).action);
  }
  return find_operator(node.op)->family(node, types, actions, a.tokens);
}

/// The integers written into the nodes' attributes: the sizes where a node's behaviour may change.
std::set<std::int64_t> literal_sizes(const Graph& graph) {
  std::set<std::int64_t> sizes;
  auto note = [&](std::int64_t v) {
    if (v < 0) v = -v;
    if (v >= 2 && v <= (1 << 20)) sizes.insert(v);
  };
  for (const auto& node : graph.nodes)
    for (const auto& [key, value] : node.attrs)
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::int64_t>) note(v);
            else if constexpr (std::is_same_v<T, std::vector<std::int64_t>>) for (const auto x : v) note(x);
            else if constexpr (std::is_same_v<T, std::vector<Dim>>)
              for (const auto& d : v)
                if (const auto* x = std::get_if<std::int64_t>(&d)) note(*x);
          },
          value);
  return sizes;
}

/// Nodes whose claim or proof family changes with the token count: a size-generic lemma proves
/// the family's claim for every n, but such a node is not in that family at every n (a Slice with
/// ends [4] keeps every token at n = 4 and drops one at n = 5), so only a bounded proof at the
/// checked n applies to it. Compared at the sizes around each literal in the graph, just above n,
/// and at a large n.
std::set<std::string, std::less<>> size_dependent_nodes(const Graph& graph, ActionSpec spec, const ClaimOverrides& overrides, const Analysis& a) {
  std::set<std::string, std::less<>> dependent;
  if (spec.token_dim.empty()) return dependent;
  const auto n = a.tokens;
  std::set<std::int64_t> sizes{n + 1, n + 2, 2 * n + 1, std::int64_t{1} << 20};
  for (const auto v : literal_sizes(graph))
    for (const auto m : {v - 1, v, v + 1})
      if (m >= 2 && m != n) sizes.insert(m);
  for (const auto m : sizes) {
    spec.tokens = m;
    spec.bindings[spec.token_dim] = m;
    try {
      const Analysis other = analyse(graph, spec, overrides);
      for (std::size_t index = 0; index < a.graph.graph.nodes.size(); ++index) {
        const auto& mine = a.claims[index];
        const auto& theirs = other.claims[index];
        bool same = mine.representable == theirs.representable && mine.outputs.size() == theirs.outputs.size();
        for (std::size_t k = 0; same && k < mine.outputs.size(); ++k) same = mine.outputs[k] == theirs.outputs[k];
        if (same && mine.representable) same = family_of(a, index) == family_of(other, index);
        if (!same) dependent.insert(a.graph.graph.nodes[index].name);
      }
    } catch (const Error&) {
      // The graph does not exist at this size: no claim of it holds "for every n".
      for (const auto& node : a.graph.graph.nodes) dependent.insert(node.name);
      break;
    }
  }
  return dependent;
}

}  // namespace

NodeObligation obligation_of(const Analysis& a, std::size_t index, bool size_generic) {
  const auto& node = a.graph.graph.nodes[index];
  const auto& constants = real_constants(a);
  NodeObligation ob;
  ob.node = node;
  for (const auto& in : node.inputs) {
    ob.input_types.push_back(a.graph.types.at(in));
    ob.input_actions.push_back(a.states.at(in).action);
    const auto it = constants.values.find(in);
    ob.fixed_inputs.push_back(it == constants.values.end() ? std::nullopt : std::optional<Exact>(it->second));
    const auto r = constants.radius.find(in);
    ob.fixed_radius.push_back(r == constants.radius.end() ? std::nullopt : std::optional<Exact>(r->second));
  }
  ob.output_actions = a.claims[index].outputs;
  ob.tokens = static_cast<std::int64_t>(a.tokens);
  // A constant input as long as the token axis (a mask, a position table) has other values at
  // another n: the lemma's "for all n" would be about a different graph.
  for (std::size_t k = 0; k < ob.fixed_inputs.size(); ++k)
    if (ob.fixed_inputs[k] && std::find(ob.input_types[k].shape.begin(), ob.input_types[k].shape.end(), a.tokens) != ob.input_types[k].shape.end())
      size_generic = false;
  // The lemmas permute opaque tokens by one sigma. Operands moved with different structures (head
  // blocks on one, alike runs or single positions on another) are moved by different position
  // permutations, which a family that compares offsets alone would take for one: a product
  // contracting blocks of 2 against alike runs is no attention mixing, whatever the lemma says.
  if (size_generic) {
    std::optional<std::pair<std::int64_t, std::int64_t>> structure;
    int acted_inputs = 0;
    bool mixed = false;
    for (const auto& action : ob.input_actions) {
      acted_inputs += !action.invariant();
      for (const auto& ax : action.axes) {
        const std::pair<std::int64_t, std::int64_t> s{ax.block, ax.repeat};
        if (structure && *structure != s) mixed = true;
        structure = s;
      }
    }
    if (acted_inputs > 1 && mixed) size_generic = false;
  }
  // The size-generic lemmas are stated for actions on activations with fixed weights; with
  // permuted weights, a claim given instead of the operator's, or a claim that changes with n,
  // only bounded proofs at the checked sizes apply.
  if (!a.weights_acted && size_generic && !a.overridden.count(node.name)) ob.family = family_of(a, index);
  return ob;
}

namespace {
/// CPU seconds of this thread and of the process's finished children (the isolated solver
/// queries): the end-to-end budget is counted in work done, not in time a loaded machine took.
double cpu_seconds() {
  double total = 0.0;
  for (const int who : {RUSAGE_THREAD, RUSAGE_CHILDREN}) {
    rusage usage{};
    getrusage(who, &usage);
    total += static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + 1e-6 * static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
  }
  return total;
}
}  // namespace

ProofResult prove_end_to_end(const Analysis& a, const std::string& value, const Action& action, const PhaseContext& context) {
  if (*context.end_to_end_spent > context.end_to_end_budget) {
    ProofResult skipped;
    skipped.reason = "the check's time for end-to-end proofs (" + std::to_string(static_cast<int>(context.end_to_end_budget)) + " s of CPU) is spent";
    return skipped;
  }
  ProofLimits limits = context.options.proof_limits;
  limits.timeout_ms = std::min(limits.timeout_ms, 1000u);
  const auto& constants = real_constants(a);
  GraphObligation ob;
  ob.graph = &a.graph;
  ob.value = value;
  ob.value_action = action;
  for (const auto& in : a.graph.graph.inputs) ob.actions[in.name] = a.states.at(in.name).action;
  if (a.weights_acted)
    for (const auto& p : a.graph.graph.parameters) ob.actions[p.info.name] = a.states.at(p.info.name).action;
  ob.fixed = &constants.values;
  ob.fixed_radius = &constants.radius;
  ob.tokens = a.tokens;
  const auto started = cpu_seconds();
  auto result = prove_graph_claim(ob, limits);
  *context.end_to_end_spent += cpu_seconds() - started;
  return result;
}

namespace {

/// Replays an end-to-end counterexample's draws through the graph and tests the node there: a
/// witness made of values the graph produces, or nullopt.
std::optional<Witness> lifted_witness(const Analysis& a, std::size_t index, const Witness& draws_found, const ExactPhase& phase) {
  try {
    // The solver's values for what the node depends on; ordinary draws for everything else.
    Values draws = phase.draws.empty() ? draw_values(a, 1, DrawKind::Generic) : phase.draws.front();
    for (const auto& [name, t] : draws_found.graph_values) draws[name] = t;
    const auto run = exact_run(a, draws);
    for (const auto& gen : generators(a.tokens)) {
      if (gen.name != draws_found.generator) continue;
      if (auto w = test_node(a, index, run.values, gen); w && confirmed_break(a, index, *w)) {
        for (const auto& [name, t] : draws) w->graph_values.emplace_back(name, t);
        return w;
      }
    }
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Evaluation) throw;
  }
  return std::nullopt;
}

}  // namespace

bool claim_proved(const Analysis& a, std::size_t index, const PhaseContext& context) {
  Prover prover(context.options.proof_limits);
  if (prover.prove(obligation_of(a, index, false)).status == ProofStatus::Proved) return true;
  const auto& node = a.graph.graph.nodes[index];
  return node.outputs.size() == 1 && a.claims[index].representable &&
         prove_end_to_end(a, node.outputs[0], a.claims[index].outputs[0], context).status == ProofStatus::Proved;
}

void prove_nodes(const Analysis& a, const Graph& graph, const ActionSpec& spec, const ClaimOverrides& overrides, const PhaseContext& context,
                 const ExactPhase& phase, CheckReport& report) {
  const auto& options = context.options;
  Prover prover(options.proof_limits);
  const auto dependent = size_dependent_nodes(graph, spec, overrides, a);
  std::size_t proved = 0;
  for (std::size_t pos = 0; pos < a.graph.order.size(); ++pos) {
    const auto index = a.graph.order[pos];
    const auto& node = a.graph.graph.nodes[index];
    auto& r = report.nodes[pos];
    if (r.method == Method::Static) {
      r.proved = r.size_generic = true;
      r.proof_scope = "exact argument: no input depends on the permuted inputs";
      continue;
    }
    if (!a.claims[index].representable || r.verdict == Verdict::Breaks || r.note.rfind("the time budget", 0) == 0) continue;
    const bool generic = !dependent.count(node.name);
    ProofResult result = prover.prove(obligation_of(a, index, generic));
    const auto& claim = a.claims[index];
    if (result.status == ProofStatus::Proved && result.size_generic && !generic) result.size_generic = false;
    if (result.status == ProofStatus::Refuted && reads_undecided_constant(a, node)) {
      // The obligation takes such a constant as a free input (a proof covers its real value); a
      // counterexample sets it to the solver's choice, which need not be its real value.
      result.status = ProofStatus::Unknown;
      result.witness.reset();
      const auto& undecided = real_constants(a).undecided;
      const auto in = std::find_if(node.inputs.begin(), node.inputs.end(), [&](const std::string& v) { return undecided.count(v) > 0; });
      result.reason = "the solver's counterexample sets the constant '" + *in + "', whose real value the certified bounds do not decide (" +
                      undecided.find(*in)->second + ")";
    }
    if (result.status == ProofStatus::Refuted && r.verdict == Verdict::Inherits) {
      // Its inputs come broken from an upstream culprit: the solver's counterexample to its own
      // obligation is local to the node (the exact runs reached the same conclusion or saw none).
      r.note = (r.note.empty() ? "" : r.note + "; ") + "its own obligation fails for some inputs that move as claimed (solver), "
               "which this graph does not produce downstream of the break";
      continue;
    }
    if (result.status == ProofStatus::Refuted && node.outputs.size() == 1) {
      // The node's own obligation fails; is it the graph's value too, for inputs it produces?
      const ProofResult whole = prove_end_to_end(a, node.outputs[0], claim.outputs[0], context);
      if (whole.status == ProofStatus::Proved) {
        result = whole;
        r.proved_end_to_end = true;
        r.note = "its own obligation fails only for inputs the graph does not produce";
      } else if (whole.status == ProofStatus::Refuted) {
        if (auto w = lifted_witness(a, index, *whole.witness, phase)) result.witness = std::move(w);
      } else {
        r.note = "the counterexample satisfies the node's own obligation; values the graph produces that show it were not found (" + whole.reason + ")";
      }
    }
    switch (result.status) {
      case ProofStatus::Proved:
        ++proved;
        r.proved = true;
        r.size_generic = result.size_generic;
        r.proof_scope = result.scope;
        if (!generic) r.proof_scope += "; its claim changes with the token count, so no size-generic lemma applies";
        r.assumptions = result.assumptions;
        r.method = Method::Proof;
        r.proof_method = result.method;
        r.miss_probability.reset();
        if (r.verdict == Verdict::Unknown || r.proved_end_to_end) {
          r.verdict = claim.outputs[0].invariant() ? Verdict::Invariant : Verdict::Equivariant;
          r.action = describe(claim.outputs[0]);
          if (!r.proved_end_to_end) r.note.clear();
        }
        break;
      case ProofStatus::Refuted: {
        const bool lifted = !result.witness->graph_values.empty();
        r.verdict = Verdict::Breaks;
        r.method = Method::CounterexampleReplayed;
        r.action = describe(claim.outputs[0]);
        r.witness = result.witness;
        r.witness->token_dim = a.token_dim;
        r.note = "inputs transform as claimed, the output is not " + describe(claim.outputs[0]) +
                 (lifted ? "" : " (the counterexample is the node's own; it is not shown to arise from the graph's inputs)");
        if (const auto p = context.permitted.find(index); p != context.permitted.end()) r.permitted = p->second;
        break;
      }
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
  context.say("proofs: " + std::to_string(proved) + " nodes proved, " + std::to_string(prover.solver_calls()) + " solver calls, " +
              std::to_string(prover.cache_hits()) + " cache hits");
}

std::vector<ProofFile> graph_proof_files(const Graph& graph, const CheckOptions& options) {
  CheckOptions exact = options;
  exact.engine = Engine::Exact;
  const CheckReport report = check_forward(graph, exact);
  const ActionSpec spec = resolve_action_spec(graph, options);
  const Analysis a = analyse(graph, spec);
  const auto dependent = size_dependent_nodes(graph, spec, {}, a);
  Prover prover(options.proof_limits);
  std::vector<ProofFile> files;
  std::string manifest = ";; permeq: obligations of graph '" + graph.name + "' at n = " + std::to_string(a.tokens) + "\n";
  for (std::size_t pos = 0; pos < a.graph.order.size(); ++pos) {
    const auto index = a.graph.order[pos];
    const auto& node = a.graph.graph.nodes[index];
    const auto& r = report.nodes[pos];
    if (r.method == Method::Static || !a.claims[index].representable) continue;
    const NodeObligation ob = obligation_of(a, index, !dependent.count(node.name));
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
