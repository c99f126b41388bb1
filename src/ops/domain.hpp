// src/ops/domain.hpp: the scalar domains operator semantics are written against.
//
// An operator's `eval<S>` uses only what `Domain<S>` offers: constants, arithmetic through the
// scalar's own operators, a division that reports zero divisors, comparisons that yield the
// domain's boolean, `select`, index extraction, and `function` for non-rational pointwise maps.
// A new domain is one more specialization of Domain plus one explicit instantiation of
// evaluate_node (src/ops/dispatch.hpp); the prover adds its symbolic one in src/prove/symbolic.hpp.
#pragma once

#include "permeq/core/error.hpp"
#include "permeq/core/rational.hpp"
#include "permeq/ops/operator.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace permeq {

/// Range facts a pointwise function's values satisfy; the oracle respects them and operators
/// rely on them (softmax divides by a sum of exp values, so exp must be positive). Each must hold
/// for the real function wherever it is defined: a proof resting on a fact the real function
/// breaks would not cover it (sqrt(0) = 0, so sqrt is NonNegative, not Positive).
enum class FunctionRange { Any, Positive, NonNegative, UnitOpen, SignedUnitOpen, SignedUnitClosed };

/// A non-rational pointwise function as the operators use it.
struct PointwiseFunction {
  std::string_view name;
  double (*real)(double x, double parameter);
  FunctionRange range;
  double parameter = 0.0;  ///< e.g. the exponent of Pow; part of the function's identity
  /// The real function's value where it is rational (exp(0) = 1, sqrt(9/4) = 3/2, tanh(0) = 0),
  /// nullopt elsewhere. The oracle and the prover agree with the real function at these points,
  /// and constants are evaluated exactly through them.
  std::optional<Rational> (*exact)(const Rational& x, double parameter) = nullptr;
  /// Defined for positive arguments only (log, sqrt).
  bool positive_argument = false;
};

/// The exact value of `function` at `x` where the real function is rational there.
[[nodiscard]] inline std::optional<Rational> exact_value(const PointwiseFunction& function, const Rational& x) {
  return function.exact ? function.exact(x, function.parameter) : std::nullopt;
}
/// The points where every function's anchors are asserted to the prover.
inline constexpr std::array<int, 3> anchor_points{0, 1, -1};

/// The generic-function oracle: a fixed pseudo-random value k/16 of the exact argument, chosen by
/// a hash of (function name, parameter, argument), within `range`.
[[nodiscard]] Rational oracle_value(const PointwiseFunction& function, const Rational& argument);
/// The real function's value where it is rational, else the C library's value rounded to a
/// multiple of 1/4096: a stand-in close to the real value (counted like an oracle value), for
/// runs that must see where the real function goes (past a threshold), not a proof of it.
[[nodiscard]] Rational near_real_value(const PointwiseFunction& function, const Rational& argument);
/// How many oracle values this thread has produced that are not the real function's value (the
/// exact points excepted): an evaluation that leaves it unchanged computed the real values.
[[nodiscard]] std::uint64_t oracle_stand_ins();

/// A function of an infinite argument (a masked score): exp(-inf) is exactly 0, as in PyTorch, so
/// a masked softmax entry is exactly 0 whatever the exp stands for; any other function of an
/// infinity is an evaluation error rather than a guess.
inline bool exp_of_minus_infinity(const PointwiseFunction& f, bool negative) {
  if (f.name == "Exp" && negative) return true;
  throw Error(ErrorKind::Evaluation, std::string(f.name) + " of " + (negative ? "-inf" : "+inf") +
                                         " (an infinite mask value reaching a function other than softmax's exp) is not supported");
}

template <class S>
struct Domain;

template <>
struct Domain<Rational> {
  using Bool = bool;
  static constexpr std::string_view name = "exact";
  static constexpr bool floating = false;

  static Rational constant(const Rational& value) { return value; }
  static Rational from_int(std::int64_t value) { return Rational(value); }
  static Rational divide(const Rational& a, const Rational& b) {
    if (b == 0) throw Error(ErrorKind::Evaluation, "division by zero in exact evaluation");
    return a / b;
  }
  static bool less(const Rational& a, const Rational& b) { return a < b; }
  static bool equal(const Rational& a, const Rational& b) { return a == b; }
  static bool is_true(const Rational& a) { return a != 0; }
  static Rational select(bool condition, const Rational& a, const Rational& b) { return condition ? a : b; }
  static Rational from_bool(bool value) { return Rational(value ? 1 : 0); }
  static std::int64_t index(const Rational& value) {
    if (boost::multiprecision::denominator(value) != 1)
      throw Error(ErrorKind::Evaluation, "index " + to_string(value) + " is not an integer");
    return boost::multiprecision::numerator(value).convert_to<std::int64_t>();
  }
  static Rational function(const PointwiseFunction& f, const Rational& x, const EvalOptions& options) {
    if (is_infinite(x) && exp_of_minus_infinity(f, x < 0)) return Rational(0);
    if (options.functions == FunctionSemantics::Real) return near_real_value(f, x);
    return oracle_value(f, x);
  }
  static bool minus_infinity(const Rational& x) { return x < 0 && is_infinite(x); }
  /// The largest integer not above x (Ceil, Mod).
  static Rational floor(const Rational& x) {
    const auto n = boost::multiprecision::numerator(x);
    const auto d = boost::multiprecision::denominator(x);
    auto q = n / d;  // truncates toward zero
    if (n < 0 && q * d != n) q -= 1;
    return Rational(q);
  }
  /// The value when it is a known number (always, here); the symbolic domain knows numerals only.
  static std::optional<Rational> known(const Rational& x) { return x; }
};

/// Floating-point domains (double, and float for the numeric engine): IEEE arithmetic, real
/// functions on request, the oracle otherwise.
template <class F>
struct FloatingDomain {
  using Bool = bool;
  static constexpr bool floating = true;

  static F constant(const Rational& value) { return static_cast<F>(to_double(value)); }
  static F from_int(std::int64_t value) { return static_cast<F>(value); }
  static F divide(F a, F b) { return a / b; }
  static bool less(F a, F b) { return a < b; }
  static bool equal(F a, F b) { return a == b; }
  static bool is_true(F a) { return a != F(0); }
  static F select(bool condition, F a, F b) { return condition ? a : b; }
  /// The larger of two values, for a shift that keeps exp in range (softmax's stable form).
  static F shift_max(F a, F b) { return a < b ? b : a; }
  static F from_bool(bool value) { return value ? F(1) : F(0); }
  static std::int64_t index(F value) {
    if (std::nearbyint(value) != value)
      throw Error(ErrorKind::Evaluation, "index " + std::to_string(value) + " is not an integer");
    if (!(std::fabs(static_cast<double>(value)) < 9.2e18)) throw Error(ErrorKind::Evaluation, "index " + std::to_string(value) + " is out of range");
    return static_cast<std::int64_t>(value);
  }
  static F function(const PointwiseFunction& f, F x, const EvalOptions& options) {
    if (options.functions == FunctionSemantics::Real) return static_cast<F>(f.real(x, f.parameter));
    if (std::isnan(x)) return x;
    if (std::isinf(x) && exp_of_minus_infinity(f, x < 0)) return F(0);
    return static_cast<F>(to_double(oracle_value(f, Rational(static_cast<double>(x)))));  // Rational(double) is exact
  }
  static F floor(F x) { return std::floor(x); }
  static bool minus_infinity(F x) { return std::isinf(x) && x < 0; }
  static std::optional<Rational> known(F x) {
    if (!std::isfinite(x)) return std::nullopt;
    return Rational(static_cast<double>(x));  // exact
  }
};

template <>
struct Domain<double> : FloatingDomain<double> {
  static constexpr std::string_view name = "double";
};

/// The numeric engine's default precision (Eigen kernels, real functions).
template <>
struct Domain<float> : FloatingDomain<float> {
  static constexpr std::string_view name = "float32";
};

template <class S>
concept ScalarDomain = requires { Domain<S>::name; };

}  // namespace permeq
