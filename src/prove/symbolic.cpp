#include "src/prove/symbolic.hpp"

#include "src/ops/dispatch.hpp"

namespace permeq::prove {

Session& Session::current() {
  thread_local Session session;
  return session;
}

z3::expr real_numeral(const Rational& value) {
  return Session::current().context().real_val(to_string(value).c_str());
}

z3::expr Session::apply(const PointwiseFunction& f, const z3::expr& x) {
  // A numeral argument where the real function is rational: the real value, no function symbol.
  if (std::string text; x.is_numeral(text) && text.find('?') == std::string::npos)
    if (const auto exact = exact_value(f, parse_rational(text))) return real_numeral(*exact);
  std::string name(f.name);
  if (f.parameter != 0.0) name += "_" + to_string(rational_from_double(f.parameter));
  const auto real = context_.real_sort();
  const z3::expr app = context_.function(name.c_str(), real, real)(x);
  switch (f.range) {
    case FunctionRange::Positive:
      facts_.push_back(app > 0);
      fact_names_.insert(name + "(x) > 0");
      break;
    case FunctionRange::NonNegative:
      facts_.push_back(app >= 0);
      fact_names_.insert(name + "(x) >= 0");
      break;
    case FunctionRange::UnitOpen:
      facts_.push_back(app > 0 && app < 1);
      fact_names_.insert("0 < " + name + "(x) < 1");
      break;
    case FunctionRange::SignedUnitOpen:
      facts_.push_back(app > -1 && app < 1);
      fact_names_.insert("-1 < " + name + "(x) < 1");
      break;
    case FunctionRange::SignedUnitClosed:
      facts_.push_back(app >= -1 && app <= 1);
      fact_names_.insert("-1 <= " + name + "(x) <= 1");
      break;
    case FunctionRange::Any: fact_names_.insert(name + " is any function"); break;
  }
  // The real function's values at the anchor points (exp(0) = 1, sqrt(0) = 0, ...): true facts
  // that a proof may need and a counterexample must respect.
  for (const int point : anchor_points)
    if (const auto exact = exact_value(f, Rational(point))) {
      facts_.push_back(z3::implies(x == context_.real_val(point), app == real_numeral(*exact)));
      fact_names_.insert(name + "(" + std::to_string(point) + ") = " + to_string(*exact));
    }
  return app;
}

}  // namespace permeq::prove

namespace permeq {

std::int64_t Domain<prove::Sym>::index(const prove::Sym& value) {
  const z3::expr simplified = value.expr().simplify();
  std::string text;
  if (simplified.is_numeral(text)) {
    const Rational r = parse_rational(text);
    if (boost::multiprecision::denominator(r) == 1) return boost::multiprecision::numerator(r).convert_to<std::int64_t>();
  }
  throw Error(ErrorKind::Evaluation, "an index is symbolic (" + simplified.to_string() + "); bounded proofs need fixed indices");
}

std::optional<Rational> Domain<prove::Sym>::known(const prove::Sym& value) {
  const z3::expr simplified = value.expr().simplify();
  std::string text;
  if (simplified.is_numeral(text)) return parse_rational(text);
  return std::nullopt;
}

template std::vector<Tensor<prove::Sym>> evaluate_node(const Node&, std::span<const Tensor<prove::Sym>* const>, const EvalOptions&);

static_assert(ops::EvaluableIn<ops::Add, prove::Sym>, "operators evaluate over the symbolic domain");

}  // namespace permeq
