// src/eval/real_bounds.hpp: the scalar domain of certified bounds on real values.
//
// Values that do not depend on the inputs or weights (constants, stored buffers, position tables,
// masks built from Range) must be computed with the real functions, not the generic oracle: a
// proof that rests on a stand-in value of exp(2) proves nothing about the model. A RealBounds is
// an interval [lo, hi] of exact rationals that contains the real value. Arithmetic is exact
// interval arithmetic; a pointwise function is exact where the real function is rational
// (exp(0) = 1) and otherwise bounded from the C library's value with a margin: 1e-14 relative
// (some 45 units in the last place, where the library errs by one or two) plus the argument's
// width times a derivative estimate. A comparison, index or division whose
// answer the bounds do not decide is an evaluation error, never a guess.
#pragma once

#include "permeq/symmetry/action.hpp"
#include "src/ops/domain.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace permeq {

/// `q` rounded down (or up) to about 96 significant bits when its numerator and denominator have
/// grown long; exact otherwise. Bounds stay bounds, and their size stays small in deep graphs.
[[nodiscard]] Rational round_outward(const Rational& q, bool up);

struct RealBounds {
  Rational lo, hi;
  RealBounds() = default;
  explicit RealBounds(const Rational& value) : lo(value), hi(value) {}
  RealBounds(const Rational& low, const Rational& high) : lo(round_outward(low, false)), hi(round_outward(high, true)) {}
  [[nodiscard]] bool exact() const { return lo == hi; }
  [[nodiscard]] Rational midpoint() const { return lo == hi ? lo : (lo + hi) / 2; }
  [[nodiscard]] Rational radius() const { return (hi - lo) / 2; }
  friend RealBounds operator+(const RealBounds& a, const RealBounds& b) { return {a.lo + b.lo, a.hi + b.hi}; }
  friend RealBounds operator-(const RealBounds& a, const RealBounds& b) { return {a.lo - b.hi, a.hi - b.lo}; }
  friend RealBounds operator-(const RealBounds& a) { return {-a.hi, -a.lo}; }
  friend RealBounds operator*(const RealBounds& a, const RealBounds& b) {
    if (a.exact() && b.exact()) return RealBounds(a.lo * b.lo, a.lo * b.lo);
    const Rational p[4] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
    return {*std::min_element(p, p + 4), *std::max_element(p, p + 4)};
  }
};

/// Bounds on f over `x` (see the header comment); throws permeq::Error(Evaluation) where the
/// real function is not finite.
[[nodiscard]] RealBounds real_function_bounds(const PointwiseFunction& f, const RealBounds& x);

/// A comparison of bounds: true, false, or undecided (the bounds overlap). Selecting on an
/// undecided comparison takes the hull of both branches, which stays tight where the branches
/// meet (ReLU at 0, a maximum of near values) and is wide where they do not (a mask), and counts
/// it (undecided_selects); reading it as a plain bool (control flow) is an evaluation error,
/// never a guess.
struct BoundsBool {
  enum class State : unsigned char { False, True, Undecided };
  State state = State::False;
  BoundsBool() = default;
  BoundsBool(bool value) : state(value ? State::True : State::False) {}  // NOLINT: a decided comparison
  [[nodiscard]] static BoundsBool undecided() {
    BoundsBool b;
    b.state = State::Undecided;
    return b;
  }
  [[nodiscard]] bool decided() const { return state != State::Undecided; }
  BoundsBool operator!() const {
    if (!decided()) return *this;
    return BoundsBool(state == State::False);
  }
  explicit operator bool() const;
};

/// Selects on undecided comparisons so far, in this thread (real_constants leaves a constant that
/// rests on one out, as before: its value is not known as a value of the graph).
[[nodiscard]] std::uint64_t undecided_selects();

template <>
struct Domain<RealBounds> {
  using S = RealBounds;
  using Bool = BoundsBool;
  static constexpr std::string_view name = "real bounds";
  static constexpr bool floating = false;

  static S constant(const Rational& value) { return S(value); }
  static S from_int(std::int64_t value) { return S(Rational(value)); }
  static S divide(const S& a, const S& b);
  static Bool less(const S& a, const S& b);
  static Bool equal(const S& a, const S& b);
  static Bool is_true(const S& a);
  /// The chosen branch; both branches' hull where the bounds do not decide the condition.
  static S select(const Bool& condition, const S& a, const S& b);
  /// A point at least as large as every value's lower bound: softmax's stable shift, which the
  /// real identity exp(a - c) / sum exp(b - c) allows for any c, so no comparison of bounds.
  static S shift_max(const S& a, const S& b) { return S(std::max(a.lo, b.lo)); }
  static S from_bool(bool value) { return S(Rational(value ? 1 : 0)); }
  static std::int64_t index(const S& value);
  static S function(const PointwiseFunction& f, const S& x, const EvalOptions&) { return real_function_bounds(f, x); }
  /// Floor is monotone: the floors of the ends bound it.
  static S floor(const S& x) { return {Domain<Rational>::floor(x.lo), Domain<Rational>::floor(x.hi)}; }
  static bool minus_infinity(const S& x) { return x.exact() && Domain<Rational>::minus_infinity(x.lo); }
  static std::optional<Rational> known(const S& x) { return x.exact() ? std::optional<Rational>(x.lo) : std::nullopt; }
};

/// Exact values as bounds, widened by `radius` where given.
[[nodiscard]] Tensor<RealBounds> to_bounds(const Tensor<Rational>& values, const Tensor<Rational>* radius = nullptr);

/// Whether two bounds certainly differ (disjoint).
[[nodiscard]] inline bool certainly_differ(const RealBounds& a, const RealBounds& b) { return a.hi < b.lo || b.hi < a.lo; }

/// Whether `node` certainly breaks its claim on `inputs` with the real functions: some output
/// entry of f(sigma x) and of sigma f(x) have disjoint bounds. `radius[k]`, where given, widens
/// input k to bounds around its values (constants known within bounds). Bounds that do not decide
/// it: false. A witness found with the generic functions is confirmed this way.
[[nodiscard]] bool certainly_breaks(const Node& node, const std::vector<Tensor<Rational>>& inputs,
                                    const std::vector<std::optional<Tensor<Rational>>>& radius, const std::vector<Action>& input_actions,
                                    const std::vector<Action>& output_actions, const Permutation& sigma);

}  // namespace permeq
