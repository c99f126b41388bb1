// src/prove/symbolic.hpp: the symbolic scalar domain, Z3 terms behind a small value type.
//
// `Sym` wraps a z3::expr (which has no default constructor) so that Tensor<Sym> and the operator
// definitions work unchanged. Non-rational pointwise functions become uninterpreted functions,
// one per name; every application adds the range fact the operators rely on (exp(x) > 0) to the
// session's assumptions, and the proof's scope lists those facts. Z3 stays inside src/prove/.
#pragma once

#include "src/ops/domain.hpp"

#include <z3++.h>

#include <set>
#include <string>
#include <vector>

namespace permeq::prove {

/// Per-thread Z3 context and the facts collected while building terms.
class Session {
 public:
  static Session& current();
  z3::context& context() { return context_; }
  std::vector<z3::expr>& facts() { return facts_; }
  std::set<std::string>& fact_names() { return fact_names_; }
  void clear() {
    facts_.clear();
    fact_names_.clear();
  }
  z3::expr apply(const PointwiseFunction& f, const z3::expr& x);

 private:
  z3::context context_;
  std::vector<z3::expr> facts_;
  std::set<std::string> fact_names_;
};

class SymBool {
 public:
  SymBool() : e_(Session::current().context().bool_val(false)) {}
  explicit SymBool(z3::expr e) : e_(std::move(e)) {}
  [[nodiscard]] const z3::expr& expr() const { return e_; }
  friend SymBool operator!(const SymBool& b) { return SymBool(!b.e_); }

 private:
  z3::expr e_;
};

class Sym {
 public:
  Sym() : e_(Session::current().context().real_val(0)) {}
  explicit Sym(z3::expr e) : e_(std::move(e)) {}
  [[nodiscard]] const z3::expr& expr() const { return e_; }
  friend Sym operator+(const Sym& a, const Sym& b) { return Sym(a.e_ + b.e_); }
  friend Sym operator-(const Sym& a, const Sym& b) { return Sym(a.e_ - b.e_); }
  friend Sym operator*(const Sym& a, const Sym& b) { return Sym(a.e_ * b.e_); }
  friend Sym operator-(const Sym& a) { return Sym(-a.e_); }

 private:
  z3::expr e_;
};

[[nodiscard]] z3::expr real_numeral(const Rational& value);

}  // namespace permeq::prove

namespace permeq {

template <>
struct Domain<prove::Sym> {
  using S = prove::Sym;
  using Bool = prove::SymBool;
  static constexpr std::string_view name = "symbolic";
  static constexpr bool floating = false;

  static S constant(const Rational& value) { return S(prove::real_numeral(value)); }
  static S from_int(std::int64_t value) { return S(prove::Session::current().context().real_val(static_cast<int64_t>(value))); }
  /// Real division in Z3 is total (x/0 is some fixed value of x): both sides of an obligation
  /// divide the same terms, so the proof covers every value division by zero could take.
  static S divide(const S& a, const S& b) { return S(a.expr() / b.expr()); }
  static Bool less(const S& a, const S& b) { return Bool(a.expr() < b.expr()); }
  static Bool equal(const S& a, const S& b) { return Bool(a.expr() == b.expr()); }
  static Bool is_true(const S& a) { return Bool(a.expr() != 0); }
  static S select(const Bool& c, const S& a, const S& b) { return S(z3::ite(c.expr(), a.expr(), b.expr())); }
  static std::int64_t index(const S& value);
  static S function(const PointwiseFunction& f, const S& x, const EvalOptions&) { return S(prove::Session::current().apply(f, x.expr())); }
  /// Z3's real-to-int conversion is the floor.
  static S floor(const S& x) {
    const auto& e = x.expr();
    const z3::expr as_int(e.ctx(), Z3_mk_real2int(e.ctx(), e));
    return S(z3::expr(e.ctx(), Z3_mk_int2real(e.ctx(), as_int)));
  }
  /// The value of a term that simplifies to a numeral.
  static std::optional<Rational> known(const S& value);
  static bool minus_infinity(const S& value) {
    const auto v = known(value);
    return v && *v < 0 && is_infinite(*v);
  }
};

}  // namespace permeq
