// The generic-function oracle (see FunctionSemantics::GenericOracle in permeq/ops/operator.hpp).

#include "src/ops/domain.hpp"

#include <cmath>
#include <cstring>
#include <string>

namespace permeq {
namespace {

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 1469598103934665603ULL) {
  for (const unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

thread_local std::uint64_t stand_ins = 0;

}  // namespace

std::uint64_t oracle_stand_ins() { return stand_ins; }

Rational oracle_value(const PointwiseFunction& function, const Rational& argument) {
  if (auto exact = exact_value(function, argument)) return *exact;
  ++stand_ins;
  // Values k/16 keep rationals small; the range decides which k are allowed.
  std::uint64_t hash = fnv1a(function.name);
  hash = fnv1a(to_string(rational_from_double(function.parameter)), hash ^ 0x2f);
  // The argument enters as its nearest double, so that the exact and the floating generic forms
  // agree wherever the floating argument is the correctly rounded exact one (softmax's shifted
  // entries, one rounding each): the oracle is a function of round(x), still a fixed function.
  const double rounded = argument == 0 ? 0.0 : to_double(argument);  // never -0.0
  std::uint64_t bits = 0;
  std::memcpy(&bits, &rounded, sizeof bits);
  hash = splitmix(hash ^ 0x5c ^ splitmix(bits));
  auto pick = [&](std::int64_t lo, std::int64_t hi) {
    return Rational(lo + static_cast<std::int64_t>(hash % static_cast<std::uint64_t>(hi - lo + 1)), 16);
  };
  switch (function.range) {
    case FunctionRange::Positive: return pick(1, 64);
    // Zero only where the real function is zero (an exact point above): elsewhere the real
    // sqrt or power of a positive number is positive, and the oracle keeps that sign.
    case FunctionRange::NonNegative: return pick(1, 64);
    case FunctionRange::UnitOpen: return pick(1, 15);
    case FunctionRange::SignedUnitOpen: return pick(-15, 15);
    case FunctionRange::SignedUnitClosed: return pick(-16, 16);
    case FunctionRange::Any: break;
  }
  return pick(-48, 48);
}

Rational near_real_value(const PointwiseFunction& function, const Rational& argument) {
  if (auto exact = exact_value(function, argument)) return *exact;
  ++stand_ins;
  const double y = function.real(to_double(argument), function.parameter);
  if (!std::isfinite(y))
    throw Error(ErrorKind::Evaluation, std::string(function.name) + "(" + std::to_string(to_double(argument)) + ") is not a finite real number");
  if (std::fabs(y) > 1e12) return Rational(y);  // exact: the double itself
  return Rational(static_cast<std::int64_t>(std::llround(y * 4096.0)), 4096);
}

}  // namespace permeq
