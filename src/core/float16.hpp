// src/core/float16.hpp: the 16-bit float formats weights are stored in (IEEE binary16 and
// bfloat16), widened to float32. Both widenings are exact: every such value is a float.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace permeq {

/// IEEE binary16 to float32.
[[nodiscard]] inline float half_to_float(std::uint16_t h) {
  const bool negative = (h & 0x8000u) != 0;
  const unsigned exponent = (h >> 10) & 0x1Fu;
  const unsigned mantissa = h & 0x3FFu;
  float magnitude;
  if (exponent == 0)
    magnitude = std::ldexp(static_cast<float>(mantissa), -24);  // zero or subnormal
  else if (exponent == 31)
    magnitude = mantissa == 0 ? std::numeric_limits<float>::infinity() : std::numeric_limits<float>::quiet_NaN();
  else
    magnitude = std::ldexp(static_cast<float>(mantissa | 0x400u), static_cast<int>(exponent) - 25);
  return negative ? -magnitude : magnitude;
}

/// bfloat16 to float32: the upper half of a float.
[[nodiscard]] inline float bfloat16_to_float(std::uint16_t b) { return std::bit_cast<float>(static_cast<std::uint32_t>(b) << 16); }

}  // namespace permeq
