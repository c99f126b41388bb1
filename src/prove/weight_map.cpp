// src/prove/weight_map.cpp: the changed-cone proof of a block map of weights (see weight_map.hpp).
//
// Two symbolic evaluations share every symbol except the moved weights. From those weights, node
// by node in the graph's order, a value whose node reads a value that may differ is evaluated on
// both sides; the difference is first normalised to a sum of monomials (Z3's simplifier with
// `som`, an exact rewriting), and if that does not decide it the solver is asked, under a CPU
// limit. A value proved equal leaves the cone: its consumers see it as a fresh shared symbol,
// which claims more (every value, not only the one it has), so the argument stays sound.

#include "permeq/prove/weight_map.hpp"

#include "permeq/core/error.hpp"
#include "permeq/ops/operator.hpp"
#include "src/prove/limited_check.hpp"
#include "src/prove/symbolic.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <set>

namespace permeq {

namespace {

using prove::Session;
using prove::Sym;

/// The solver's share of a query the simplifier leaves open: an intermediate value that does
/// change (a moved query) is usually found satisfiable at once, and a value that the solver cannot
/// settle in this time stays in the cone (never a proof).
constexpr unsigned open_query_ms = 2000;

/// Whether `e` is a polynomial in its symbols (no pointwise function, no division, no case split):
/// the contractions where a per-head map cancels are; past a softmax the solver rarely settles a
/// difference of uninterpreted functions in time, so such values stay in the cone unasked.
bool polynomial(const z3::expr& e) {
  std::set<unsigned> seen;
  std::vector<z3::expr> stack{e};
  while (!stack.empty()) {
    const z3::expr x = stack.back();
    stack.pop_back();
    if (!seen.insert(x.id()).second || x.is_numeral() || x.is_const()) continue;
    if (!x.is_app()) return false;
    switch (x.decl().decl_kind()) {
      case Z3_OP_ADD: case Z3_OP_SUB: case Z3_OP_MUL: case Z3_OP_UMINUS: case Z3_OP_TO_REAL:
      case Z3_OP_EQ: case Z3_OP_DISTINCT: case Z3_OP_NOT: case Z3_OP_OR: case Z3_OP_AND:
        break;
      default:
        return false;
    }
    for (unsigned i = 0; i < x.num_args(); ++i) stack.push_back(x.arg(i));
  }
  return true;
}

/// M's entries: 0, 1 or the symbol c.
enum class Entry { Zero, One, C };

std::vector<std::vector<Entry>> matrix_of(const BlockMap& map) {
  const auto w = static_cast<std::size_t>(map.width);
  std::vector<std::vector<Entry>> m(w, std::vector<Entry>(w, Entry::Zero));
  auto in_range = [&](std::int64_t i) { return i >= 0 && i < map.width; };
  switch (map.kind) {
    case BlockMap::Kind::Permutation:
      if (map.sigma.size() != w) throw Error(ErrorKind::Internal, "block permutation of the wrong size");
      for (std::size_t p = 0; p < w; ++p) m[static_cast<std::size_t>(map.sigma[p])][p] = Entry::One;
      break;
    case BlockMap::Kind::Transvection:
      if (!in_range(map.from) || !in_range(map.to) || map.from == map.to) throw Error(ErrorKind::Internal, "bad transvection");
      for (std::size_t p = 0; p < w; ++p) m[p][p] = Entry::One;
      m[static_cast<std::size_t>(map.from)][static_cast<std::size_t>(map.to)] = Entry::C;
      break;
    case BlockMap::Kind::Scaling:
      if (!in_range(map.at)) throw Error(ErrorKind::Internal, "bad scaling");
      for (std::size_t p = 0; p < w; ++p) m[p][p] = Entry::One;
      m[static_cast<std::size_t>(map.at)][static_cast<std::size_t>(map.at)] = Entry::C;
      break;
  }
  return m;
}

/// x'[.., offset + p, ..] = sum_q C[p][q] x[.., offset + q, ..] along `axis`, with C = M (the
/// contragredient side, reparametrised) or C = M^T (the primal side).
Tensor<Sym> act(const Tensor<Sym>& x, const BlockAxis& on, const std::vector<std::vector<Entry>>& m, bool transpose, const z3::expr& c) {
  if (on.axis < 0 || static_cast<std::size_t>(on.axis) >= x.shape.size())
    throw Error(ErrorKind::Internal, "axis " + std::to_string(on.axis) + " of '" + on.parameter + "'");
  const auto split = split_at_axis(x.shape, static_cast<std::size_t>(on.axis));
  const auto width = static_cast<std::int64_t>(m.size());
  if (on.offset < 0 || on.offset + width > split.length) throw Error(ErrorKind::Internal, "block outside axis of '" + on.parameter + "'");
  Tensor<Sym> out = x;
  for (std::int64_t o = 0; o < split.outer; ++o)
    for (std::int64_t p = 0; p < width; ++p)
      for (std::int64_t r = 0; r < split.inner; ++r) {
        std::optional<z3::expr> sum;
        for (std::int64_t q = 0; q < width; ++q) {
          const Entry e = transpose ? m[static_cast<std::size_t>(q)][static_cast<std::size_t>(p)] : m[static_cast<std::size_t>(p)][static_cast<std::size_t>(q)];
          if (e == Entry::Zero) continue;
          const z3::expr& v = x.data[static_cast<std::size_t>((o * split.length + on.offset + q) * split.inner + r)].expr();
          const z3::expr term = e == Entry::One ? v : c * v;
          sum = sum ? *sum + term : term;
        }
        out.data[static_cast<std::size_t>((o * split.length + on.offset + p) * split.inner + r)] = Sym(sum ? *sum : c.ctx().real_val(0));
      }
  return out;
}

/// Whether the polynomial disjunction `claim` is true at a random rational point: a value that
/// changes is then known to, without a solver call (a false answer decides nothing).
bool differs_at_random_point(const z3::expr& claim, std::mt19937_64& draws) {
  std::set<unsigned> seen;
  z3::expr_vector symbols(claim.ctx()), values(claim.ctx());
  std::vector<z3::expr> stack{claim};
  std::uniform_int_distribution<int> numerator(-9, 9), denominator(1, 7);
  while (!stack.empty()) {
    const z3::expr x = stack.back();
    stack.pop_back();
    if (!seen.insert(x.id()).second || x.is_numeral()) continue;
    if (x.is_const()) {
      symbols.push_back(x);
      const int n = numerator(draws), d = denominator(draws);
      values.push_back(x.is_int() ? x.ctx().int_val(n) : x.ctx().real_val(n, d));
      continue;
    }
    for (unsigned i = 0; i < x.num_args(); ++i) stack.push_back(x.arg(i));
  }
  z3::expr at = claim;
  return at.substitute(symbols, values).simplify().is_true();
}

}  // namespace

ProofResult prove_block_map(const InstantiatedGraph& g, const std::vector<BlockAxis>& axes, const BlockMap& map, const ProofLimits& limits) {
  ProofResult result;
  result.method = "bounded, changed cone";
  auto& session = Session::current();
  session.clear();
  auto& ctx = session.context();
  const z3::expr c = ctx.real_const("block_map_c");
  std::map<std::string, Tensor<Sym>, std::less<>> shared, before, after;
  std::int64_t symbols = 0;
  std::size_t leaf_count = 0;
  // A value outside the cone: the same fresh symbols on both sides.
  std::map<std::string, const Node*, std::less<>> producers;
  for (const auto& node : g.graph.nodes)
    for (const auto& out : node.outputs) producers[out] = &node;
  auto leaf = [&](const std::string& name) -> const Tensor<Sym>& {
    if (const auto it = shared.find(name); it != shared.end()) return it->second;
    // A constant of the graph (a node without inputs: shapes, scales) keeps its value.
    if (const auto it = producers.find(name); it != producers.end() && it->second->inputs.empty()) {
      auto values = evaluate_node<Sym>(*it->second, std::vector<const Tensor<Sym>*>{}, {});
      const auto k = static_cast<std::size_t>(std::find(it->second->outputs.begin(), it->second->outputs.end(), name) - it->second->outputs.begin());
      return shared.emplace(name, std::move(values.at(k))).first->second;
    }
    const auto& type = g.types.at(name);
    Tensor<Sym> t(type.dtype, type.shape);
    ++leaf_count;
    for (std::size_t i = 0; i < t.data.size(); ++i) {
      const std::string id = "w" + std::to_string(leaf_count) + "_" + std::to_string(i);
      z3::expr v = type.dtype == DType::Float ? ctx.real_const(id.c_str()) : z3::to_real(ctx.int_const(id.c_str()));
      if (type.dtype == DType::Bool) session.facts().push_back(v == 0 || v == 1);
      t.data[i] = Sym(v);
    }
    symbols += static_cast<std::int64_t>(t.data.size());
    return shared.emplace(name, std::move(t)).first->second;
  };
  const std::set<std::string, std::less<>> outputs(g.graph.outputs.begin(), g.graph.outputs.end());
  std::int64_t cone_values = 0;
  std::mt19937_64 draws(0x70e7a1);
  try {
    const auto m = matrix_of(map);
    for (const auto& on : axes) {
      if (!g.graph.find_parameter(on.parameter)) throw Error(ErrorKind::Internal, "no weight '" + on.parameter + "'");
      const Tensor<Sym>& original = leaf(on.parameter);
      if (!before.count(on.parameter)) before[on.parameter] = original;
      if (!after.count(on.parameter)) after[on.parameter] = original;
      if (on.contragredient) before[on.parameter] = act(before[on.parameter], on, m, false, c);
      else after[on.parameter] = act(after[on.parameter], on, m, true, c);
    }
    for (const auto& name : outputs)
      if (before.count(name)) {
        result.reason = "output '" + name + "' is a moved weight";
        return result;
      }
    std::size_t decided_by_rewriting = 0, decided_by_solver = 0;
    for (const auto index : g.order) {
      const auto& node = g.graph.nodes[index];
      if (std::none_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) { return before.count(in) > 0; })) continue;
      std::vector<const Tensor<Sym>*> in_before, in_after;
      for (const auto& in : node.inputs) {
        const bool moved = before.count(in) > 0;
        in_before.push_back(moved ? &before.at(in) : &leaf(in));
        in_after.push_back(moved ? &after.at(in) : &leaf(in));
      }
      if (symbols > limits.max_symbolic_values) {
        result.reason = "too large for a bounded proof (" + std::to_string(symbols) + " symbolic values, limit " + std::to_string(limits.max_symbolic_values) + ")";
        return result;
      }
      auto y_before = evaluate_node<Sym>(node, in_before, {});
      auto y_after = evaluate_node<Sym>(node, in_after, {});
      for (std::size_t k = 0; k < y_before.size() && k < node.outputs.size(); ++k) {
        z3::expr_vector differences(ctx);
        for (std::size_t i = 0; i < y_before[k].data.size(); ++i)
          if (!z3::eq(y_before[k].data[i].expr(), y_after[k].data[i].expr())) differences.push_back(y_before[k].data[i].expr() != y_after[k].data[i].expr());
        bool equal = differences.empty();
        std::string open;
        if (!equal) {
          const z3::expr raw = z3::mk_or(differences);
          if (!polynomial(raw)) {
            open = "it involves pointwise functions, divisions or comparisons, which the solver is not asked about";
          } else if (differs_at_random_point(raw, draws)) {
            open = "it differs at an exact random point";
          } else {
            z3::params normal_form(ctx);
            normal_form.set("som", true);
            const z3::expr claim = raw.simplify(normal_form);
            if (claim.is_false()) {
              equal = true;
              ++decided_by_rewriting;
            } else {
              z3::solver solver(ctx);
              for (const auto& fact : session.facts()) solver.add(fact);
              solver.add(claim);
              const auto answer = prove::check_within(solver, std::min(limits.timeout_ms, open_query_ms));
              equal = answer.answer == z3::unsat;
              decided_by_solver += equal;
              open = answer.answer == z3::sat ? "the solver finds values for which it differs" : "the solver gave no answer (" + answer.reason + ")";
            }
          }
        }
        const auto& name = node.outputs[k];
        if (equal) continue;
        if (outputs.count(name)) {
          result.reason = "output '" + name + "' (node '" + node.name + "') is reached by the map: " + open;
          return result;
        }
        cone_values += static_cast<std::int64_t>(y_before[k].data.size());
        if (cone_values > 2 * limits.max_symbolic_values) {
          result.reason = "the values the map reaches are too many for a bounded proof (" + std::to_string(cone_values) + ")";
          return result;
        }
        before[name] = std::move(y_before[k]);
        after[name] = std::move(y_after[k]);
      }
    }
    result.method += " (" + std::to_string(decided_by_rewriting) + " values equal by normal form, " + std::to_string(decided_by_solver) + " by the solver)";
  } catch (const Error& e) {
    result.reason = std::string("cannot state the map symbolically: ") + e.what();
    return result;
  } catch (const z3::exception& e) {
    result.reason = std::string("solver error: ") + e.msg();
    return result;
  }
  result.status = ProofStatus::Proved;
  result.scope = "the graph's sizes; every real value of the inputs and weights, every pointwise function";
  result.assumptions.assign(session.fact_names().begin(), session.fact_names().end());
  return result;
}

}  // namespace permeq
