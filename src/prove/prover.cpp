#include "permeq/prove/prover.hpp"

#include "permeq/core/error.hpp"
#include "permeq/ops/operator.hpp"
#include "permeq/ops/samples.hpp"
#include "src/eval/real_bounds.hpp"
#include "src/prove/lemmas.hpp"
#include "src/prove/isolated_check.hpp"
#include "src/prove/limited_check.hpp"
#include "src/prove/obligation_text.hpp"
#include "src/prove/symbolic.hpp"

#include <chrono>
#include <functional>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>


namespace permeq {

namespace {

using prove::check_isolated;
using prove::model_value;
using prove::Session;
using prove::shapes_text;
using prove::Sym;

/// The time limit is not a solver parameter: check_within enforces it (see limited_check.hpp).
void apply_limits(z3::solver&, const ProofLimits& limits) {
  static std::once_flag memory_once;
  std::call_once(memory_once, [&] { z3::set_param("memory_max_size", static_cast<int>(limits.memory_mb)); });
}

std::string attribute_text(const AttrValue& value) {
  return std::visit(
      [](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        std::ostringstream out;
        if constexpr (std::is_same_v<T, std::vector<Dim>>) {
          for (const auto& d : v) out << to_string(d) << ",";
        } else if constexpr (std::is_same_v<T, std::vector<std::int64_t>> || std::is_same_v<T, std::vector<double>>) {
          for (const auto& x : v) out << x << ",";
        } else {
          out << v;
        }
        return out.str();
      },
      value);
}

std::string signature(const NodeObligation& ob) {
  std::ostringstream s;
  s << ob.node.op << "|";
  for (const auto& [k, v] : ob.node.attrs) s << k << "=" << attribute_text(v) << ";";
  s << "|n=" << ob.tokens << "|";
  for (std::size_t i = 0; i < ob.input_types.size(); ++i) {
    s << to_string(ob.input_types[i]) << ":" << describe(ob.input_actions[i]);
    for (const auto& a : ob.input_actions[i].axes) s << "@" << a.axis << "+" << a.offset << "/" << a.block << "x" << a.repeat;
    if (ob.fixed_inputs[i]) {
      std::size_t h = 0;
      for (const auto& v : ob.fixed_inputs[i]->data) h = h * 1000003u ^ std::hash<std::string>{}(to_string(v));
      s << "=fixed#" << h;
    }
    s << "|";
  }
  for (const auto& a : ob.output_actions) s << describe(a) << "|";
  return s.str();
}


/// The symbolic query of one generator: inputs (symbols or fixed numerals) and the negated claim.
struct BoundedQuery {
  std::vector<Tensor<Sym>> inputs;
  std::vector<std::vector<z3::expr>> symbols;  ///< per input: each element's term (a numeral when fixed)
  z3::expr negated_claim;
};

BoundedQuery build_query(const NodeObligation& ob, const Permutation& sigma) {
  auto& ctx = Session::current().context();
  BoundedQuery q{{}, {}, ctx.bool_val(false)};
  for (std::size_t k = 0; k < ob.input_types.size(); ++k) {
    const auto& type = ob.input_types[k];
    Tensor<Sym> t(type.dtype, type.shape);
    std::vector<z3::expr> symbols;
    const Tensor<Rational>* radius = k < ob.fixed_radius.size() && ob.fixed_radius[k] ? &*ob.fixed_radius[k] : nullptr;
    for (std::size_t i = 0; i < t.data.size(); ++i) {
      if (ob.fixed_inputs[k]) {
        const z3::expr value = prove::real_numeral(ob.fixed_inputs[k]->data[i]);
        if (!radius || radius->data[i] == 0) {
          symbols.push_back(value);
          t.data[i] = Sym(value);
          continue;
        }
        // Known within bounds (a real function of constants): every value within them.
        const z3::expr v = ctx.real_const(("fixed" + std::to_string(k) + "_" + std::to_string(i)).c_str());
        const z3::expr r = prove::real_numeral(radius->data[i]);
        Session::current().facts().push_back(v >= value - r && v <= value + r);
        Session::current().fact_names().insert("constants computed with real functions lie within their certified bounds");
        symbols.push_back(v);
        t.data[i] = Sym(v);
        continue;
      }
      const std::string name = "in" + std::to_string(k) + "_" + std::to_string(i);
      z3::expr v = type.dtype == DType::Float ? ctx.real_const(name.c_str()) : z3::to_real(ctx.int_const(name.c_str()));
      if (type.dtype == DType::Bool) Session::current().facts().push_back(v == 0 || v == 1);
      symbols.push_back(v);
      t.data[i] = Sym(v);
    }
    q.inputs.push_back(std::move(t));
    q.symbols.push_back(std::move(symbols));
  }
  std::vector<const Tensor<Sym>*> plain;
  std::vector<Tensor<Sym>> permuted_storage;
  for (std::size_t k = 0; k < q.inputs.size(); ++k) permuted_storage.push_back(apply_action(q.inputs[k], ob.input_actions[k], sigma));
  std::vector<const Tensor<Sym>*> permuted;
  for (std::size_t k = 0; k < q.inputs.size(); ++k) {
    plain.push_back(&q.inputs[k]);
    permuted.push_back(&permuted_storage[k]);
  }
  const auto y = evaluate_node<Sym>(ob.node, plain, {});
  const auto yp = evaluate_node<Sym>(ob.node, permuted, {});
  z3::expr_vector differences(ctx);
  for (std::size_t k = 0; k < y.size(); ++k) {
    const auto expected = apply_action(y[k], ob.output_actions[k], sigma);
    for (std::size_t i = 0; i < expected.data.size(); ++i) differences.push_back(yp[k].data[i].expr() != expected.data[i].expr());
  }
  q.negated_claim = differences.empty() ? ctx.bool_val(false) : z3::mk_or(differences);
  return q;
}

ProofResult prove_bounded(const NodeObligation& ob, const ProofLimits& limits, std::size_t& calls) {
  ProofResult result;
  result.method = "bounded";
  std::int64_t symbolic = 0;
  for (std::size_t k = 0; k < ob.input_types.size(); ++k)
    if (!ob.fixed_inputs[k]) symbolic += element_count(ob.input_types[k].shape);
  if (symbolic > limits.max_symbolic_values) {
    result.reason = "too large for a bounded proof (" + std::to_string(symbolic) + " symbolic values, limit " +
                    std::to_string(limits.max_symbolic_values) + ") and no size-generic lemma applies";
    return result;
  }
  auto& session = Session::current();
  const std::vector<std::pair<std::string, Permutation>> generators{{"transposition", transposition(ob.tokens)}, {"n-cycle", n_cycle(ob.tokens)}};
  for (const auto& [generator, sigma] : generators) {
    session.clear();
    std::optional<BoundedQuery> query;
    try {
      query = build_query(ob, sigma);
    } catch (const Error& e) {
      result.reason = std::string("cannot state the obligation symbolically: ") + e.what();
      return result;
    }
    z3::solver solver(session.context());
    apply_limits(solver, limits);
    for (const auto& fact : session.facts()) solver.add(fact);
    solver.add(query->negated_claim);
    ++calls;
    const auto [answer, unknown_reason] = prove::check_within(solver, limits.timeout_ms);
    if (answer == z3::unsat) continue;
    if (answer == z3::unknown) {
      result.reason = "the solver gave no answer for the " + generator + " obligation (" + unknown_reason + ")";
      return result;
    }
    // sat: a counterexample counts only once the exact engine replays it and the real functions
    // confirm it. The solver's model may rest on values no real function takes (a division by a
    // zero the function symbols allow), so a few small rational draws get the same chance.
    std::vector<std::string> names(ob.node.inputs.begin(), ob.node.inputs.end());
    std::vector<std::optional<Tensor<Rational>>> radius(ob.input_types.size());
    for (std::size_t k = 0; k < ob.input_types.size() && k < ob.fixed_radius.size(); ++k)
      if (ob.fixed_inputs[k]) radius[k] = ob.fixed_radius[k];
    auto inputs_from = [&](const std::function<std::optional<Rational>(std::size_t k, std::size_t i)>& value)
        -> std::optional<std::vector<Tensor<Rational>>> {
      std::vector<Tensor<Rational>> inputs;
      for (std::size_t k = 0; k < ob.input_types.size(); ++k) {
        // A bounded constant is replayed at its bounds, never at the solver's choice within them.
        if (ob.fixed_inputs[k]) {
          inputs.push_back(*ob.fixed_inputs[k]);
          continue;
        }
        Tensor<Rational> t(ob.input_types[k].dtype, ob.input_types[k].shape);
        for (std::size_t i = 0; i < t.data.size(); ++i) {
          const auto v = value(k, i);
          if (!v) return std::nullopt;
          t.data[i] = *v;
        }
        inputs.push_back(std::move(t));
      }
      return inputs;
    };
    enum class Replay { Confirmed, Uncertain, NoMismatch, Failed };
    std::string failure;
    auto replay = [&](const std::vector<Tensor<Rational>>& inputs) -> std::pair<Replay, std::optional<Witness>> {
      try {
        auto w = find_mismatch(ob.node, names, inputs, ob.input_actions, ob.output_actions, sigma, generator);
        if (!w) return {Replay::NoMismatch, std::nullopt};
        if (!certainly_breaks(ob.node, inputs, radius, ob.input_actions, ob.output_actions, sigma)) return {Replay::Uncertain, std::nullopt};
        return {Replay::Confirmed, std::move(w)};
      } catch (const Error& e) {
        failure = e.what();
        return {Replay::Failed, std::nullopt};
      }
    };
    const z3::model model = solver.get_model();
    const auto solver_inputs = inputs_from([&](std::size_t k, std::size_t i) { return model_value(model, query->symbols[k][i]); });
    auto outcome = solver_inputs ? replay(*solver_inputs) : std::pair<Replay, std::optional<Witness>>{Replay::Failed, std::nullopt};
    const std::string solver_failure = failure;
    if (outcome.first == Replay::Confirmed) {
      result.status = ProofStatus::Refuted;
      result.reason = "the solver found a counterexample for the " + generator + " and the exact engine replayed it";
      result.witness = std::move(outcome.second);
      return result;
    }
    std::mt19937_64 engine(0x5eed + calls);
    std::uniform_int_distribution<int> numerator(-8, 8), denominator(1, 4);
    for (int attempt = 0; attempt < 8; ++attempt) {
      const auto drawn = inputs_from([&](std::size_t k, std::size_t) {
        switch (ob.input_types[k].dtype) {
          case DType::Float: return std::optional<Rational>(Rational(numerator(engine), denominator(engine)));
          case DType::Int64: return std::optional<Rational>(Rational(numerator(engine)));
          case DType::Bool: return std::optional<Rational>(Rational(numerator(engine) > 0 ? 1 : 0));
        }
        return std::optional<Rational>();
      });
      auto drawn_outcome = replay(*drawn);
      if (drawn_outcome.first == Replay::Confirmed) {
        result.status = ProofStatus::Refuted;
        result.reason = "the solver found the " + generator + " obligation satisfiable and the exact engine replayed a break on drawn inputs";
        result.witness = std::move(drawn_outcome.second);
        return result;
      }
    }
    switch (outcome.first) {
      case Replay::Uncertain:
        result.reason = "the solver's counterexample for the " + generator + " does not break the claim for certain with the real functions and constants";
        break;
      case Replay::NoMismatch:
        result.reason = "the solver's counterexample for the " + generator +
                        " relies on particular values of uninterpreted functions; the exact engine's generic functions do not reproduce it";
        break;
      case Replay::Failed:
        result.reason = solver_inputs ? "replaying the solver's counterexample failed: " + solver_failure
                                      : "the solver's counterexample is not rational, so the exact engine cannot replay it";
        break;
      case Replay::Confirmed: break;
    }
    return result;
  }
  result.status = ProofStatus::Proved;
  result.scope = "bounded: n = " + std::to_string(ob.tokens) + " tokens, inputs " + shapes_text(ob) +
                 "; every real value of the other inputs and weights";
  result.assumptions.assign(session.fact_names().begin(), session.fact_names().end());
  return result;
}

}  // namespace

ProofResult prove_graph_claim(const GraphObligation& ob, const ProofLimits& limits) {
  ProofResult result;
  result.method = "bounded, end to end";
  const auto& g = *ob.graph;
  const auto cone = cone_order(g, ob.value);
  // The graph inputs and parameters the value depends on, and the size of the query.
  std::set<std::string, std::less<>> leaves;
  std::int64_t symbolic = 0, total = 0;
  auto fixed_value = [&](const std::string& name) -> const Tensor<Rational>* {
    if (!ob.fixed) return nullptr;
    const auto it = ob.fixed->find(name);
    return it == ob.fixed->end() ? nullptr : &it->second;
  };
  for (const auto index : cone)
    for (const auto& in : g.graph.nodes[index].inputs)
      if ((g.graph.find_input(in) || g.graph.find_parameter(in)) && !fixed_value(in) && leaves.insert(in).second)
        symbolic += element_count(g.types.at(in).shape);
  for (const auto index : cone)
    for (const auto& out : g.graph.nodes[index].outputs) total += element_count(g.types.at(out).shape);
  if (symbolic > limits.max_symbolic_values / 4 || total > 2 * limits.max_symbolic_values) {
    result.reason = "the graph up to this value is too large for an end-to-end proof (" + std::to_string(symbolic) + " symbolic inputs, " +
                    std::to_string(total) + " values)";
    return result;
  }
  auto& session = Session::current();
  auto& ctx = session.context();
  const std::vector<std::pair<std::string, Permutation>> generators{{"transposition", transposition(ob.tokens)}, {"n-cycle", n_cycle(ob.tokens)}};
  try {
    for (const auto& [generator, sigma] : generators) {
      session.clear();
      std::map<std::string, Tensor<Sym>, std::less<>> plain, permuted;
      std::map<std::string, std::vector<z3::expr>, std::less<>> symbols;
      std::size_t leaf = 0, constant = 0;
      for (const auto& name : leaves) {
        const auto& type = g.types.at(name);
        Tensor<Sym> t(type.dtype, type.shape);
        auto& terms = symbols[name];
        ++leaf;
        for (std::size_t i = 0; i < t.data.size(); ++i) {
          const std::string id = "v" + std::to_string(leaf) + "_" + std::to_string(i);
          z3::expr v = type.dtype == DType::Float ? ctx.real_const(id.c_str()) : z3::to_real(ctx.int_const(id.c_str()));
          if (type.dtype == DType::Bool) session.facts().push_back(v == 0 || v == 1);
          terms.push_back(v);
          t.data[i] = Sym(v);
        }
        const auto acted = ob.actions.find(name);
        permuted[name] = acted == ob.actions.end() ? t : apply_action(t, acted->second, sigma);
        plain[name] = std::move(t);
      }
      for (const auto index : cone) {
        const auto& node = g.graph.nodes[index];
        for (const auto& in : node.inputs) {
          if (plain.count(in)) continue;
          const auto* value = fixed_value(in);
          if (!value) continue;
          const Tensor<Rational>* radius = nullptr;
          if (ob.fixed_radius)
            if (const auto it = ob.fixed_radius->find(in); it != ob.fixed_radius->end()) radius = &it->second;
          Tensor<Sym> t(value->dtype, value->shape);
          ++constant;
          for (std::size_t i = 0; i < t.data.size(); ++i) {
            const z3::expr mid = prove::real_numeral(value->data[i]);
            if (!radius || radius->data[i] == 0) {
              t.data[i] = Sym(mid);
              continue;
            }
            const z3::expr v = ctx.real_const(("c" + std::to_string(constant) + "_" + std::to_string(i)).c_str());
            const z3::expr r = prove::real_numeral(radius->data[i]);
            session.facts().push_back(v >= mid - r && v <= mid + r);
            t.data[i] = Sym(v);
          }
          plain[in] = t;
          permuted[in] = std::move(t);
        }
        if (std::all_of(node.outputs.begin(), node.outputs.end(), [&](const std::string& out) { return plain.count(out) > 0; })) continue;
        for (auto* values : {&plain, &permuted}) {
          std::vector<const Tensor<Sym>*> inputs;
          for (const auto& in : node.inputs) inputs.push_back(&values->at(in));
          auto outputs = evaluate_node<Sym>(node, inputs, {});
          for (std::size_t k = 0; k < outputs.size(); ++k) (*values)[node.outputs[k]] = std::move(outputs[k]);
        }
      }
      const auto expected = apply_action(plain.at(ob.value), ob.value_action, sigma);
      const auto& got = permuted.at(ob.value);
      z3::expr_vector differences(ctx);
      for (std::size_t i = 0; i < got.data.size(); ++i) differences.push_back(got.data[i].expr() != expected.data[i].expr());
      z3::solver solver(ctx);
      apply_limits(solver, limits);
      for (const auto& fact : session.facts()) solver.add(fact);
      solver.add(differences.empty() ? ctx.bool_val(false) : z3::mk_or(differences));
      std::vector<z3::expr> terms;
      for (const auto& entry : symbols) terms.insert(terms.end(), entry.second.begin(), entry.second.end());
      const auto isolated = check_isolated(solver, terms, limits);
      if (isolated.answer == z3::unsat) continue;
      if (isolated.answer == z3::unknown) {
        result.reason = "the solver gave no answer for the end-to-end " + generator + " obligation (" + isolated.reason + ")";
        return result;
      }
      std::size_t next_value = 0;
      Witness w;
      w.tokens = ob.tokens;
      w.generator = generator;
      w.sigma = sigma;
      w.output_actions = {ob.value_action};
      for (const auto& [name, terms] : symbols) {
        const auto& type = g.types.at(name);
        Tensor<Rational> t(type.dtype, type.shape);
        for (std::size_t i = 0; i < terms.size(); ++i) {
          const auto& v = isolated.values[next_value++];
          if (!v) {
            result.reason = "the solver's end-to-end counterexample is not rational";
            return result;
          }
          t.data[i] = *v;
        }
        w.graph_values.emplace_back(name, std::move(t));
      }
      result.status = ProofStatus::Refuted;
      result.reason = "the solver found draws for which the value does not move as claimed under the " + generator + " (to be replayed)";
      result.witness = std::move(w);
      return result;
    }
  } catch (const Error& e) {
    result.reason = std::string("cannot state the end-to-end obligation symbolically: ") + e.what();
    return result;
  } catch (const z3::exception& e) {
    result.reason = std::string("solver error: ") + e.msg();
    return result;
  }
  result.status = ProofStatus::Proved;
  result.scope = "bounded, end to end: n = " + std::to_string(ob.tokens) + " tokens, the graph's widths; every real value of the inputs and weights";
  result.assumptions.assign(session.fact_names().begin(), session.fact_names().end());
  return result;
}

Prover::Prover(ProofLimits limits) : limits_(limits) {}
Prover::~Prover() = default;

ProofResult Prover::prove(const NodeObligation& ob) {
  const std::string key = signature(ob);
  if (const auto it = cache_.find(key); it != cache_.end()) {
    ++hits_;
    ProofResult cached = it->second;
    cached.cached = true;
    return cached;
  }
  ProofResult result;
  const bool inputs_invariant = std::all_of(ob.input_actions.begin(), ob.input_actions.end(), [](const Action& a) { return a.invariant(); });
  const bool outputs_invariant = std::all_of(ob.output_actions.begin(), ob.output_actions.end(), [](const Action& a) { return a.invariant(); });
  try {
    if (inputs_invariant && outputs_invariant) {
      result.status = ProofStatus::Proved;
      result.method = "invariant inputs";
      result.scope = "for all n, all widths: a function of unchanged inputs is unchanged";
      result.size_generic = true;
    } else if (!ob.family.empty()) {
      result = prove_lemma(ob.family, limits_);
      if (result.status != ProofStatus::Proved) result = prove_bounded(ob, limits_, calls_);
    } else {
      result = prove_bounded(ob, limits_, calls_);
    }
  } catch (const z3::exception& e) {
    result = {};
    result.reason = std::string("solver error: ") + e.msg();
  }
  cache_.emplace(key, result);
  return result;
}

std::string Prover::bounded_smt2(const NodeObligation& ob, bool cycle) {
  auto& session = Session::current();
  session.clear();
  const auto query = build_query(ob, cycle ? n_cycle(ob.tokens) : transposition(ob.tokens));
  z3::solver solver(session.context());
  for (const auto& fact : session.facts()) solver.add(fact);
  solver.add(query.negated_claim);
  return "(set-logic ALL)\n" + solver.to_smt2();
}

std::string_view SolverResult::text() const {
  switch (answer) {
    case Answer::Sat: return "sat";
    case Answer::Unsat: return "unsat";
    case Answer::Unknown: return "unknown";
    case Answer::Error: return "error";
  }
  return "error";
}

SolverResult solve_smt2(const std::string& text, const ProofLimits& limits) {
  auto& ctx = Session::current().context();
  SolverResult result;
  try {
    z3::solver solver(ctx);
    apply_limits(solver, limits);
    solver.from_string(text.c_str());
    const auto [answer, unknown_reason] = prove::check_within(solver, limits.timeout_ms);
    result.answer = answer == z3::unsat ? SolverResult::Answer::Unsat : answer == z3::sat ? SolverResult::Answer::Sat : SolverResult::Answer::Unknown;
    if (answer == z3::unknown) result.reason = unknown_reason;
  } catch (const z3::exception& e) {
    result.answer = SolverResult::Answer::Error;
    result.reason = e.msg();
  }
  return result;
}

ProofResult prove_lemma(std::string_view id, const ProofLimits& limits) {
  // Lemmas do not change within a process, so a definite answer is kept; an undecided one (a
  // timeout on a loaded machine) is asked again, so that one slow moment does not turn every
  // later check into bounded proofs.
  static std::mutex decided_mutex;
  static std::map<std::string, ProofResult, std::less<>> decided;
  {
    const std::lock_guard lock(decided_mutex);
    if (const auto it = decided.find(id); it != decided.end()) return it->second;
  }
  const auto* l = prove::find_lemma(id);
  if (!l) throw Error(ErrorKind::Internal, "no lemma '" + std::string(id) + "'");
  ProofResult result;
  result.method = "lemma " + l->id;
  const auto answer = solve_smt2(l->smt2, limits);
  if (answer.answer == SolverResult::Answer::Unsat) {
    result.status = ProofStatus::Proved;
    result.size_generic = l->size_generic;
    result.scope = l->size_generic ? "for all n, all widths (lemma " + l->id + ": " + l->title + ")" : l->title;
    result.assumptions = l->assumptions;
  } else {
    result.reason = "lemma " + l->id + ": the solver answered " + std::string(answer.text()) + (answer.reason.empty() ? "" : " (" + answer.reason + ")");
  }
  // Only definite answers are kept: an error or a timeout may not recur.
  if (answer.answer == SolverResult::Answer::Sat || answer.answer == SolverResult::Answer::Unsat) {
    const std::lock_guard lock(decided_mutex);
    decided.emplace(std::string(id), result);
  }
  return result;
}

std::vector<std::string> lemma_ids() {
  std::vector<std::string> ids;
  for (const auto& l : prove::lemmas()) ids.push_back(l.id);
  return ids;
}

std::optional<Lemma> lemma(std::string_view id) {
  const auto* l = prove::find_lemma(id);
  return l ? std::optional<Lemma>(*l) : std::nullopt;
}

}  // namespace permeq
