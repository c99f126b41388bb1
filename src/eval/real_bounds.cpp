#include "src/eval/real_bounds.hpp"

#include "src/ops/dispatch.hpp"

#include <algorithm>
#include <cmath>

namespace permeq {

namespace {
[[noreturn]] void undecided(const std::string& what) {
  throw Error(ErrorKind::Evaluation, what + ": the real value is known only within bounds that do not decide it");
}
std::string bounds_text(const RealBounds& x) {
  return x.exact() ? to_string(x.lo) : "[" + std::to_string(to_double(x.lo)) + ", " + std::to_string(to_double(x.hi)) + "]";
}
}  // namespace

Rational round_outward(const Rational& q, bool up) {
  const auto num = boost::multiprecision::numerator(q);
  const auto den = boost::multiprecision::denominator(q);
  if (num == 0) return q;
  const auto num_bits = static_cast<long>(boost::multiprecision::msb(abs(num))), den_bits = static_cast<long>(boost::multiprecision::msb(den));
  constexpr long kept = 96;
  if (num_bits + den_bits < 3 * kept) return q;
  // q * 2^shift has about `kept` bits before the point; its floor (or ceiling) over 2^shift.
  const long shift = kept - (num_bits - den_bits);
  auto scaled_num = num;
  auto scaled_den = den;
  if (shift >= 0) scaled_num <<= static_cast<unsigned>(shift);
  else scaled_den <<= static_cast<unsigned>(-shift);
  auto quotient = scaled_num / scaled_den;  // truncates toward zero
  const bool exact = quotient * scaled_den == scaled_num;
  if (!exact && (up ? scaled_num > 0 : scaled_num < 0)) quotient += up ? 1 : -1;
  Rational result(quotient);
  if (shift >= 0) result /= Rational(decltype(num)(1) << static_cast<unsigned>(shift));
  else result *= Rational(decltype(num)(1) << static_cast<unsigned>(-shift));
  return result;
}

RealBounds real_function_bounds(const PointwiseFunction& f, const RealBounds& x) {
  // A masked score (-inf, less a finite shift): exp of it is exactly 0, as in the exact domain;
  // any other function of an infinity is an evaluation error there too.
  if (is_infinite(x.hi) && x.hi < 0 && exp_of_minus_infinity(f, true)) return RealBounds(Rational(0));
  if (x.exact())
    if (const auto exact = exact_value(f, x.lo)) return RealBounds(*exact);
  const double lo = to_double(x.lo), hi = to_double(x.hi), mid = 0.5 * (lo + hi);
  // The argument's width in double, including the rounding of its ends.
  const double width = (hi - lo) + 4e-16 * std::max(std::fabs(lo), std::fabs(hi)) + 1e-300;
  const double ys[3] = {f.real(lo, f.parameter), f.real(hi, f.parameter), f.real(mid, f.parameter)};
  const double step = std::max(1e-6 * std::max(1.0, std::fabs(mid)), width);
  const double slope = std::fabs(f.real(mid + step, f.parameter) - f.real(mid - step, f.parameter)) / (2 * step);
  for (const double y : ys)
    if (!std::isfinite(y) || !std::isfinite(slope))
      throw Error(ErrorKind::Evaluation, std::string(f.name) + "(" + bounds_text(x) + ") is not a finite real number");
  const double low = *std::min_element(ys, ys + 3), high = *std::max_element(ys, ys + 3);
  const double margin = 1e-14 * std::max(std::fabs(low), std::fabs(high)) + 2 * slope * width + 1e-300;
  Rational out_lo(low - margin), out_hi(high + margin);  // Rational(double) is exact
  if (f.range == FunctionRange::Positive || f.range == FunctionRange::NonNegative || f.range == FunctionRange::UnitOpen)
    out_lo = std::max(out_lo, Rational(0));
  if (f.range == FunctionRange::UnitOpen || f.range == FunctionRange::SignedUnitOpen || f.range == FunctionRange::SignedUnitClosed)
    out_hi = std::min(out_hi, Rational(1));
  if (f.range == FunctionRange::SignedUnitOpen || f.range == FunctionRange::SignedUnitClosed) out_lo = std::max(out_lo, Rational(-1));
  return {out_lo, out_hi};
}

RealBounds Domain<RealBounds>::divide(const RealBounds& a, const RealBounds& b) {
  if (b.lo <= 0 && b.hi >= 0) {
    if (b.exact()) throw Error(ErrorKind::Evaluation, "division by zero in exact evaluation");
    undecided("a divisor " + bounds_text(b) + " may be zero");
  }
  if (b.exact()) {
    if (a.exact()) return RealBounds(a.lo / b.lo, a.lo / b.lo);
    return b.lo > 0 ? RealBounds(a.lo / b.lo, a.hi / b.lo) : RealBounds(a.hi / b.lo, a.lo / b.lo);
  }
  return a * RealBounds(1 / b.hi, 1 / b.lo);
}

namespace {
thread_local std::uint64_t undecided_select_count = 0;
}

BoundsBool::operator bool() const {
  if (!decided()) throw Error(ErrorKind::Evaluation, "a comparison read as a plain truth value: the real value is known only within bounds that do not decide it");
  return state == State::True;
}

std::uint64_t undecided_selects() { return undecided_select_count; }

BoundsBool Domain<RealBounds>::less(const RealBounds& a, const RealBounds& b) {
  if (a.hi < b.lo) return true;
  if (a.lo >= b.hi) return false;
  return BoundsBool::undecided();
}

BoundsBool Domain<RealBounds>::equal(const RealBounds& a, const RealBounds& b) {
  if (a.exact() && b.exact()) return a.lo == b.lo;
  if (a.hi < b.lo || b.hi < a.lo) return false;
  return BoundsBool::undecided();
}

BoundsBool Domain<RealBounds>::is_true(const RealBounds& a) {
  if (a.lo > 0 || a.hi < 0) return true;
  if (a.exact()) return false;
  return BoundsBool::undecided();
}

RealBounds Domain<RealBounds>::select(const BoundsBool& condition, const RealBounds& a, const RealBounds& b) {
  if (condition.decided()) return condition.state == BoundsBool::State::True ? a : b;
  ++undecided_select_count;
  return {std::min(a.lo, b.lo), std::max(a.hi, b.hi)};
}

std::int64_t Domain<RealBounds>::index(const RealBounds& value) {
  if (!value.exact()) undecided("an index " + bounds_text(value));
  return Domain<Rational>::index(value.lo);
}

Tensor<RealBounds> to_bounds(const Tensor<Rational>& values, const Tensor<Rational>* radius) {
  Tensor<RealBounds> out(values.dtype, values.shape);
  for (std::size_t i = 0; i < values.data.size(); ++i)
    out.data[i] = radius && radius->data[i] != 0 ? RealBounds(values.data[i] - radius->data[i], values.data[i] + radius->data[i])
                                                 : RealBounds(values.data[i]);
  return out;
}

bool certainly_breaks(const Node& node, const std::vector<Tensor<Rational>>& inputs, const std::vector<std::optional<Tensor<Rational>>>& radius,
                      const std::vector<Action>& input_actions, const std::vector<Action>& output_actions, const Permutation& sigma) {
  try {
    std::vector<Tensor<RealBounds>> plain, permuted;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      plain.push_back(to_bounds(inputs[k], k < radius.size() && radius[k] ? &*radius[k] : nullptr));
      permuted.push_back(apply_action(plain.back(), input_actions[k], sigma));
    }
    std::vector<const Tensor<RealBounds>*> plain_pointers, permuted_pointers;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      plain_pointers.push_back(&plain[k]);
      permuted_pointers.push_back(&permuted[k]);
    }
    const auto y = evaluate_node<RealBounds>(node, plain_pointers, {});
    const auto got = evaluate_node<RealBounds>(node, permuted_pointers, {});
    for (std::size_t k = 0; k < got.size(); ++k) {
      const auto expected = apply_action(y[k], output_actions[k], sigma);
      if (got[k].shape != expected.shape) return true;
      for (std::size_t i = 0; i < got[k].data.size(); ++i)
        if (certainly_differ(got[k].data[i], expected.data[i])) return true;
    }
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Evaluation) throw;
  }
  return false;
}

template std::vector<Tensor<RealBounds>> evaluate_node(const Node&, std::span<const Tensor<RealBounds>* const>, const EvalOptions&);

}  // namespace permeq
