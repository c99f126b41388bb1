// The generic-function oracle (see FunctionSemantics::GenericOracle in permeq/ops/operator.hpp).

#include "src/ops/domain.hpp"

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
  hash = splitmix(fnv1a(to_string(argument), hash ^ 0x5c));
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

}  // namespace permeq
