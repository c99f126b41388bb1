// tests/lemma_models.hpp: the per-family model checks behind test_lemma_semantics.cpp: each
// lemma's abstract model stated over an operator's symbolic evaluation (see that file's opening
// comment for what each family's model says), and the cases (operator sample, actions, n) to
// check.
#pragma once

#include "permeq/ops/operator.hpp"
#include "permeq/ops/samples.hpp"
#include "src/prove/lemmas.hpp"
#include "src/prove/limited_check.hpp"
#include "src/prove/symbolic.hpp"

#include <chrono>
#include <map>
#include <set>
#include <sstream>

namespace lemma_models {

using namespace permeq;
using prove::Session;
using prove::Sym;

/// One operator instance under input actions for which its family rule names a lemma.
struct FamilyCase {
  std::string label;
  Node node;
  std::vector<TensorType> inputs;
  std::vector<Action> actions, outputs;
  std::int64_t n = 0;
  std::string family;
};

inline std::string describe_case(const FamilyCase& c) {
  std::ostringstream s;
  s << c.node.op << " (" << c.label << "), n = " << c.n << ", inputs";
  for (std::size_t k = 0; k < c.inputs.size(); ++k) s << " " << to_string(c.inputs[k]) << " " << describe(c.actions[k]) << (k + 1 < c.inputs.size() ? "," : "");
  return s.str();
}

/// Lemmas no single node belongs to, with the reason; every other lemma must be some case's family.
inline const std::map<std::string, std::string> lemmas_without_operator{
    {"mlp", "a composition (Linear, activation, Linear) proved as a whole by `permeq prove`; its nodes are token-wise-linear and pointwise-function"},
    {"multi-head-attention", "a composition of attention-scores, attention-softmax and attention-mix nodes proved as a whole by `permeq prove`"},
};

// ---------------------------------------------------------------------------------------------
// Positions and tokens.

inline std::vector<std::int64_t> unravel(std::int64_t flat, const Shape& shape) {
  std::vector<std::int64_t> index(shape.size());
  for (std::size_t i = shape.size(); i-- > 0;) {
    index[i] = flat % shape[i];
    flat /= shape[i];
  }
  return index;
}
inline std::int64_t ravel(const std::vector<std::int64_t>& index, const Shape& shape) {
  std::int64_t flat = 0;
  for (std::size_t i = 0; i < shape.size(); ++i) flat = flat * shape[i] + index[i];
  return flat;
}

/// The token that position p of an axis acted by `a` holds for n tokens, or none outside them.
inline std::optional<std::int64_t> token_at(const AxisAction& a, std::int64_t p, std::int64_t n) {
  if (p < a.offset || p >= a.extent(n)) return std::nullopt;
  return ((p - a.offset) / a.block) % n;
}
/// Position p moved to the same place (run, block offset) of another token.
inline std::int64_t with_token(const AxisAction& a, std::int64_t p, std::int64_t n, std::int64_t token) {
  const auto rel = p - a.offset;
  return a.offset + (rel / (n * a.block)) * n * a.block + token * a.block + rel % a.block;
}
/// The tokens of an element along each acted axis, or none when it lies outside the tokens on one
/// of them (such an element is fixed by every permutation, like a weight).
inline std::optional<std::vector<std::int64_t>> tokens_of(const std::vector<std::int64_t>& index, const Action& action, std::int64_t n) {
  std::vector<std::int64_t> tokens;
  for (const auto& a : action.axes) {
    const auto t = token_at(a, index[static_cast<std::size_t>(a.axis)], n);
    if (!t) return std::nullopt;
    tokens.push_back(*t);
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Symbolic inputs, evaluation and the solver.

/// Which inputs are numerals rather than symbols. Integers: symbolic where the operator computes
/// with them, numerals (valid indices for every sample, as in the bounded obligations) where it
/// indexes with them. Weights (invariant float inputs): symbolic unless the operator needs a known
/// number (Pow's exponent); then the model is checked for those weights only.
enum class Fixed { Nothing, Integers, IntegersAndWeights };

inline Tensor<Sym> make_input(const TensorType& type, const Action& action, const std::string& name, Fixed fixed, std::int64_t pattern) {
  auto& ctx = Session::current().context();
  Tensor<Sym> t(type.dtype, type.shape);
  for (std::size_t i = 0; i < t.data.size(); ++i) {
    const std::string id = name + "_" + std::to_string(i);
    const auto at = static_cast<std::int64_t>(i);
    if (type.dtype == DType::Float && fixed == Fixed::IntegersAndWeights && action.invariant())
      t.data[i] = Sym(prove::real_numeral(Rational((at * 7) % 11 - 5, 4)));
    else if (type.dtype == DType::Float) t.data[i] = Sym(ctx.real_const(id.c_str()));
    else if (type.dtype == DType::Int64 && fixed != Fixed::Nothing) t.data[i] = Sym(ctx.real_val(static_cast<int>((at + pattern) % 3)));
    else {
      const z3::expr v = z3::to_real(ctx.int_const(id.c_str()));
      if (type.dtype == DType::Bool) Session::current().facts().push_back(v == 0 || v == 1);
      t.data[i] = Sym(v);
    }
  }
  return t;
}

inline std::vector<Tensor<Sym>> make_inputs(const FamilyCase& c, const std::string& name, Fixed fixed, std::int64_t pattern) {
  std::vector<Tensor<Sym>> in;
  for (std::size_t k = 0; k < c.inputs.size(); ++k) in.push_back(make_input(c.inputs[k], c.actions[k], name + std::to_string(k), fixed, pattern));
  return in;
}

inline std::vector<Tensor<Sym>> evaluate(const Node& node, const std::vector<Tensor<Sym>>& in) {
  std::vector<const Tensor<Sym>*> pointers;
  for (const auto& t : in) pointers.push_back(&t);
  return evaluate_node<Sym>(node, pointers, {});
}

/// The fewest numerals the operator evaluates with symbolically.
inline Fixed fewest_numerals(const FamilyCase& c) {
  for (const auto fixed : {Fixed::Nothing, Fixed::Integers}) {
    try {
      (void)evaluate(c.node, make_inputs(c, "probe", fixed, 0));
      return fixed;
    } catch (const Error&) {
    }
  }
  return Fixed::IntegersAndWeights;
}

/// "" when `negation` is unsatisfiable together with the session's range facts; otherwise why not.
inline std::string refute(const z3::expr& negation) {
  auto& session = Session::current();
  z3::solver solver(session.context());
  for (const auto& fact : session.facts()) solver.add(fact);
  solver.add(negation);
  const auto answer = prove::check_within(solver, 10000);
  if (answer.answer == z3::unsat) return "";
  if (answer.answer == z3::sat) return "the solver found inputs where the operator leaves the lemma's model";
  return "the solver gave no answer (" + answer.reason + ")";
}

// ---------------------------------------------------------------------------------------------
// The models.

/// out[t, c] = g_c(rows of the tokens of t): two copies of the inputs that agree on those rows
/// (and share every element outside the tokens) agree at t and at the reference tuple (0, 1, ...).
inline std::string check_token_function(const FamilyCase& c) {
  auto& ctx = Session::current().context();
  const Fixed fixed = fewest_numerals(c);
  const auto x = make_inputs(c, "x", fixed, 0);
  const auto out = evaluate(c.node, x);
  // One negation per (output, token tuple); they are asked as one disjunction (the second copies
  // may share names: a disjunction needs only one disjunct), and one by one only to name a failure.
  std::vector<std::pair<std::string, z3::expr>> negations;
  for (std::size_t k = 0; k < out.size(); ++k) {
    const Action& action = c.outputs[k];
    const auto m = static_cast<std::int64_t>(action.axes.size());
    if (m > c.n) return "the output has more acted axes than there are tokens";
    // Output positions grouped by their token tuple; positions outside the tokens form one group.
    std::map<std::optional<std::vector<std::int64_t>>, std::vector<std::int64_t>> groups;
    for (std::int64_t p = 0; p < static_cast<std::int64_t>(out[k].data.size()); ++p)
      groups[tokens_of(unravel(p, out[k].shape), action, c.n)].push_back(p);
    for (const auto& [tuple, positions] : groups) {
      // The second copy: elements outside the tokens shared, token elements fresh unless the
      // antecedent ties them to the first copy's rows of `tuple`.
      auto y = make_inputs(c, "y", fixed, 1);
      z3::expr_vector antecedent(ctx);
      bool consistent = true;
      for (std::size_t j = 0; j < c.inputs.size(); ++j) {
        const auto& shape = c.inputs[j].shape;
        std::vector<bool> assigned(y[j].data.size(), false);
        for (std::int64_t e = 0; e < static_cast<std::int64_t>(x[j].data.size()); ++e) {
          auto index = unravel(e, shape);
          const auto tokens = tokens_of(index, c.actions[j], c.n);
          if (!tokens || tokens->empty()) {
            y[j].data[static_cast<std::size_t>(e)] = x[j].data[static_cast<std::size_t>(e)];
            continue;
          }
          if (!tuple || tuple->empty()) continue;  // an invariant output ties no rows
          // Every way of reading the element's tokens as slots of the tuple ties one element of
          // the second copy (the same slots of the reference tuple) to it.
          const auto q = tokens->size();
          std::vector<std::int64_t> slot(q, 0);
          while (true) {
            bool matches = true;
            for (std::size_t l = 0; l < q; ++l) matches = matches && (*tuple)[static_cast<std::size_t>(slot[l])] == (*tokens)[l];
            if (matches) {
              auto target = index;
              for (std::size_t l = 0; l < q; ++l) {
                const auto& a = c.actions[j].axes[l];
                target[static_cast<std::size_t>(a.axis)] = with_token(a, index[static_cast<std::size_t>(a.axis)], c.n, slot[l]);
              }
              const auto at = static_cast<std::size_t>(ravel(target, shape));
              const auto& value = x[j].data[static_cast<std::size_t>(e)];
              if (!assigned[at]) {
                y[j].data[at] = value;
                assigned[at] = true;
              } else if (c.inputs[j].dtype == DType::Int64 && fixed != Fixed::Nothing) {
                consistent = consistent && z3::eq(y[j].data[at].expr().simplify(), value.expr().simplify());
              } else {
                antecedent.push_back(y[j].data[at].expr() == value.expr());
              }
            }
            std::size_t l = 0;
            while (l < q && ++slot[l] == m) slot[l++] = 0;
            if (l == q) break;
          }
        }
      }
      if (!consistent) continue;  // the rows cannot agree: nothing to compare
      const auto out_y = evaluate(c.node, y);
      z3::expr_vector differences(ctx);
      for (const auto p : positions) {
        auto index = unravel(p, out[k].shape);
        if (tuple)
          for (std::size_t l = 0; l < action.axes.size(); ++l) {
            const auto& a = action.axes[l];
            index[static_cast<std::size_t>(a.axis)] = with_token(a, index[static_cast<std::size_t>(a.axis)], c.n, static_cast<std::int64_t>(l));
          }
        differences.push_back(out[k].data[static_cast<std::size_t>(p)].expr() != out_y[k].data[static_cast<std::size_t>(ravel(index, out[k].shape))].expr());
      }
      std::ostringstream where;
      where << "output " << k << " at ";
      if (tuple) {
        where << "tokens";
        for (const auto t : *tuple) where << " " << t;
      } else {
        where << "positions outside the tokens";
      }
      negations.emplace_back(where.str(), antecedent.empty() ? z3::mk_or(differences) : z3::mk_and(antecedent) && z3::mk_or(differences));
    }
  }
  if (negations.empty()) return "";
  z3::expr_vector any(ctx);
  for (const auto& [where, negation] : negations) any.push_back(negation);
  if (const auto why = refute(z3::mk_or(any)); why.empty()) return "";
  for (const auto& [where, negation] : negations)
    if (auto why = refute(negation); !why.empty()) return where + ": " + why;
  return "the disjunction of the tuples' obligations is not refuted, though each one is";
}

/// out[p] = f(x[p]) for one scalar function f.
inline std::string check_pointwise(const FamilyCase& c) {
  if (c.inputs.size() != 1) return "a pointwise function has one input, not " + std::to_string(c.inputs.size());
  const auto x = make_inputs(c, "x", Fixed::Nothing, 0);
  const auto y = make_inputs(c, "y", Fixed::Nothing, 0);
  const auto out = evaluate(c.node, x), out_y = evaluate(c.node, y);
  if (out[0].shape != x[0].shape) return "a pointwise function keeps the shape";
  // One query: some element p where x[p] = y[0] but out[p] != out(y)[0].
  z3::expr_vector misfits(Session::current().context());
  for (std::size_t p = 0; p < x[0].data.size(); ++p)
    misfits.push_back(x[0].data[p].expr() == y[0].data[0].expr() && out[0].data[p].expr() != out_y[0].data[0].expr());
  return refute(z3::mk_or(misfits));
}

/// The inputs restricted to the listed tokens (in that order), at n = tokens.size(), with the
/// node's attributes; none when an action is structured.
inline std::optional<std::pair<std::vector<TensorType>, std::vector<Tensor<Sym>>>> restrict_tokens(const FamilyCase& c, const std::vector<Tensor<Sym>>& x,
                                                                                           const std::vector<std::int64_t>& tokens) {
  const auto count = static_cast<std::int64_t>(tokens.size());
  std::pair<std::vector<TensorType>, std::vector<Tensor<Sym>>> result;
  for (std::size_t j = 0; j < c.inputs.size(); ++j) {
    if (c.actions[j].structured()) return std::nullopt;
    Shape shape = c.inputs[j].shape;
    for (const auto& a : c.actions[j].axes) shape[static_cast<std::size_t>(a.axis)] += count - c.n;
    Tensor<Sym> t(c.inputs[j].dtype, shape);
    for (std::int64_t e = 0; e < static_cast<std::int64_t>(t.data.size()); ++e) {
      auto index = unravel(e, shape);
      for (const auto& a : c.actions[j].axes) {
        auto& p = index[static_cast<std::size_t>(a.axis)];
        p = p < a.offset ? p : p < a.offset + count ? a.offset + tokens[static_cast<std::size_t>(p - a.offset)] : p + c.n - count;
      }
      t.data[static_cast<std::size_t>(e)] = x[j].data[static_cast<std::size_t>(ravel(index, c.inputs[j].shape))];
    }
    result.first.push_back({c.inputs[j].dtype, shape});
    result.second.push_back(std::move(t));
  }
  return result;
}

/// Pooling: out = sum_j h(row j) (mean: divided by n; max: the maximum), h the operator on the
/// one-token input made of row j.
inline std::string check_pool(const FamilyCase& c) {
  const auto x = make_inputs(c, "x", fewest_numerals(c), 0);
  const auto out = evaluate(c.node, x);
  if (out.size() != 1 || !c.outputs[0].invariant()) return "a pooled output is one invariant value";
  std::vector<std::vector<Tensor<Sym>>> rows;
  for (std::int64_t j = 0; j < c.n; ++j) {
    const auto restricted = restrict_tokens(c, x, {j});
    if (!restricted) return "structured actions cannot be restricted to one token";
    rows.push_back(evaluate(c.node, restricted->second));
    if (rows.back()[0].shape != out[0].shape) return "the one-token output has shape " + to_string(rows.back()[0].shape);
  }
  auto& ctx = Session::current().context();
  z3::expr_vector differences(ctx);
  for (std::size_t p = 0; p < out[0].data.size(); ++p) {
    z3::expr model = rows[0][0].data[p].expr();
    for (std::size_t j = 1; j < rows.size(); ++j) {
      const auto& h = rows[j][0].data[p].expr();
      model = c.family == "max-pool" ? z3::ite(h > model, h, model) : model + h;
    }
    if (c.family == "mean-pool") model = model / ctx.real_val(static_cast<int>(c.n));
    differences.push_back(out[0].data[p].expr() != model);
  }
  return refute(z3::mk_or(differences));
}

/// Attention mixing: out[i] = sum_j m(i, j), with m(i, i) = the operator on token i alone and
/// m(i, j) = the operator on tokens (i, j) minus m(i, i), read at token 0 of the output.
inline std::string check_mix(const FamilyCase& c) {
  const auto x = make_inputs(c, "x", fewest_numerals(c), 0);
  const auto out = evaluate(c.node, x);
  if (out.size() != 1 || c.outputs[0].axes.size() != 1 || c.outputs[0].structured()) return "a mixed output is permuted along one plain axis";
  const auto& a = c.outputs[0].axes[0];
  auto at_first_token = [&](std::vector<std::int64_t> index, const Shape& shape) {
    index[static_cast<std::size_t>(a.axis)] = a.offset;
    return static_cast<std::size_t>(ravel(index, shape));
  };
  auto& ctx = Session::current().context();
  z3::expr_vector differences(ctx);
  for (std::int64_t i = 0; i < c.n; ++i) {
    const auto alone = restrict_tokens(c, x, {i});
    if (!alone) return "structured actions cannot be restricted";
    const auto self = evaluate(c.node, alone->second);
    std::vector<Tensor<Sym>> pairs;
    for (std::int64_t j = 0; j < c.n; ++j)
      if (j != i) pairs.push_back(evaluate(c.node, restrict_tokens(c, x, {i, j})->second)[0]);
    for (std::int64_t p = 0; p < static_cast<std::int64_t>(out[0].data.size()); ++p) {
      const auto index = unravel(p, out[0].shape);
      const auto token = token_at(a, index[static_cast<std::size_t>(a.axis)], c.n);
      if (!token) return "a mixed output has positions outside the tokens";
      if (*token != i) continue;
      const z3::expr m_ii = self[0].data[at_first_token(index, self[0].shape)].expr();
      z3::expr model = m_ii;
      for (const auto& pair : pairs) model = model + (pair.data[at_first_token(index, pair.shape)].expr() - m_ii);
      differences.push_back(out[0].data[static_cast<std::size_t>(p)].expr() != model);
    }
  }
  return refute(z3::mk_or(differences));
}

/// Softmax along the node's axis: out_j = exp(a_j) / sum_k exp(a_k) with a_j = x_j - shift, the
/// shift the same along the slice and unchanged when the slice's tokens are permuted by either
/// generator of S_n.
inline std::string check_softmax(const FamilyCase& c) {
  auto& ctx = Session::current().context();
  const auto x = make_inputs(c, "x", Fixed::Nothing, 0);
  const auto out = evaluate(c.node, x);
  const auto rank = static_cast<std::int64_t>(c.inputs[0].shape.size());
  auto axis = c.node.get_int("axis", -1);
  if (axis < 0) axis += rank;
  const auto* acted = c.actions[0].on(static_cast<int>(axis));
  if (!acted || acted->structured()) return "the softmax axis is not permuted along plain positions";
  const auto length = c.inputs[0].shape[static_cast<std::size_t>(axis)];
  const std::vector<Permutation> generators{transposition(c.n), n_cycle(c.n)};
  z3::expr_vector differences(ctx);
  for (std::int64_t start = 0; start < static_cast<std::int64_t>(out[0].data.size()); ++start) {
    auto index = unravel(start, out[0].shape);
    if (index[static_cast<std::size_t>(axis)] != 0) continue;
    std::vector<std::size_t> slice;
    for (std::int64_t j = 0; j < length; ++j) {
      index[static_cast<std::size_t>(axis)] = j;
      slice.push_back(static_cast<std::size_t>(ravel(index, out[0].shape)));
    }
    std::vector<z3::expr> arguments;
    std::optional<z3::func_decl> exp;
    for (const auto at : slice) {
      const z3::expr& e = out[0].data[at].expr();
      if (!e.is_app() || e.decl().decl_kind() != Z3_OP_DIV || !e.arg(0).is_app() || e.arg(0).decl().name().str() != "Exp")
        return "output " + std::to_string(at) + " is not Exp(a) / d: " + e.to_string();
      exp = e.arg(0).decl();
      arguments.push_back(e.arg(0).arg(0));
    }
    z3::expr total = (*exp)(arguments[0]);
    for (std::size_t j = 1; j < arguments.size(); ++j) total = total + (*exp)(arguments[j]);
    auto shift = [&](std::size_t j) { return x[0].data[slice[j]].expr() - arguments[j]; };
    for (std::size_t j = 0; j < slice.size(); ++j) {
      differences.push_back(out[0].data[slice[j]].expr() != (*exp)(arguments[j]) / total);
      if (j > 0) differences.push_back(shift(j) != shift(0));
    }
    for (const auto& sigma : generators) {
      z3::expr_vector from(ctx), to(ctx);
      for (std::int64_t i = 0; i < c.n; ++i) {
        from.push_back(x[0].data[slice[static_cast<std::size_t>(acted->offset + i)]].expr());
        to.push_back(x[0].data[slice[static_cast<std::size_t>(acted->offset + sigma[static_cast<std::size_t>(i)])]].expr());
      }
      z3::expr shifted = shift(0);
      differences.push_back(shifted.substitute(from, to) != shift(0));
    }
  }
  return refute(z3::mk_or(differences));
}

// ---------------------------------------------------------------------------------------------
// The cases: every sample, every action built from its token-sized axes, n = 2..4.

/// Instances the samples do not provide with a conjugated [n, n] input (the attention lemmas'
/// actions); the input actions are enumerated below like the samples'.
inline std::vector<OperatorSample> conjugated_instances() {
  const TensorType scores{DType::Float, {2, sample_tokens, sample_tokens}}, square{DType::Float, {sample_tokens, sample_tokens}};
  return {
      {"Softmax over keys", "Softmax", {{"axis", std::int64_t{-1}}}, {scores}, {1}},
      {"LogSoftmax over keys", "LogSoftmax", {{"axis", std::int64_t{-1}}}, {scores}, {1}},
      {"ReduceSum over keys", "ReduceSum", {{"axes", std::vector<std::int64_t>{1}}, {"keepdims", std::int64_t{0}}}, {square}, {0}},
      {"ReduceMean over keys", "ReduceMean", {{"axes", std::vector<std::int64_t>{1}}}, {square}, {0}},
  };
}

/// Actions one input may carry: none, one axis of token length, or two such axes alike.
inline std::vector<Action> action_options(const TensorType& type) {
  std::vector<Action> options{Action{}};
  std::vector<int> token_axes;
  for (std::size_t i = 0; i < type.shape.size(); ++i)
    if (type.shape[i] == sample_tokens) token_axes.push_back(static_cast<int>(i));
  for (const int a : token_axes) {
    Action one;
    one.add(a, 0);
    options.push_back(one);
    for (const int b : token_axes)
      if (b > a) {
        Action two = one;
        two.add(b, 0);
        options.push_back(two);
      }
  }
  return options;
}

inline std::vector<FamilyCase> family_cases() {
  std::vector<OperatorSample> instances(operator_samples().begin(), operator_samples().end());
  for (auto& extra : conjugated_instances()) instances.push_back(std::move(extra));
  std::vector<FamilyCase> cases;
  for (const auto& sample : instances) {
    const auto* info = find_operator(sample.op);
    REQUIRE_MESSAGE(info, "sample ", sample.label, " names no registered operator");
    std::vector<std::vector<Action>> options;
    for (const auto& type : sample.inputs) options.push_back(action_options(type));
    std::vector<std::size_t> choice(options.size(), 0);
    for (bool more = !options.empty(); more;) {
      std::vector<Action> actions;
      for (std::size_t k = 0; k < options.size(); ++k) actions.push_back(options[k][choice[k]]);
      if (!std::all_of(actions.begin(), actions.end(), [](const Action& a) { return a.invariant(); }))
        for (std::int64_t n = 2; n <= sample_tokens; ++n) {
          FamilyCase c{sample.label, sample.node(), sample.inputs, actions, {}, n, ""};
          for (std::size_t k = 0; k < c.inputs.size(); ++k)
            for (const auto& a : actions[k].axes) c.inputs[k].shape[static_cast<std::size_t>(a.axis)] += n - sample_tokens;
          try {
            (void)info->infer(c.node, c.inputs);
            const Claim claim = info->claim(c.node, c.inputs, actions, n);
            if (!claim.representable) continue;
            c.outputs = claim.outputs;
            c.family = std::string(info->family(c.node, c.inputs, actions, n));
          } catch (const Error&) {
            continue;  // attributes tied to the sample's own sizes, or actions that do not fit
          }
          if (!c.family.empty()) cases.push_back(std::move(c));
        }
      std::size_t k = 0;
      while (k < choice.size() && ++choice[k] == options[k].size()) choice[k++] = 0;
      more = k < choice.size();
    }
  }
  return cases;
}

/// "" when the operator's symbolic evaluation is an instance of its family lemma's model.
inline std::string check_family(const FamilyCase& c) {
  Session::current().clear();
  try {
    if (c.family == "pointwise-function") return check_pointwise(c);
    if (c.family == "sum-pool" || c.family == "mean-pool" || c.family == "max-pool") return check_pool(c);
    if (c.family == "attention-mix") return check_mix(c);
    if (c.family == "softmax-over-tokens" || c.family == "attention-softmax") return check_softmax(c);
    static const std::set<std::string> token_functions{"token-wise-map", "token-wise-linear", "layernorm", "rmsnorm", "embedding-lookup", "attention-scores"};
    if (token_functions.count(c.family)) return check_token_function(c);
    return "this test has no model for family " + c.family;
  } catch (const Error& e) {
    return std::string("evaluation failed: ") + e.what();
  }
}

}  // namespace lemma_models
