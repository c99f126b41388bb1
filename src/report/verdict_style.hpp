// src/report/verdict_style.hpp: the colours of verdicts, shared by the pictures (DOT) and the
// HTML report so that a culprit is the same red everywhere.
#pragma once

#include "permeq/check/checker.hpp"

namespace permeq::detail {

struct VerdictStyle {
  const char* fill;
  const char* font;
};

inline constexpr VerdictStyle holds_style{"#c8e6c9", "black"};
inline constexpr VerdictStyle breaks_style{"#d32f2f", "white"};
inline constexpr VerdictStyle permitted_break_style{"#f8bbd0", "black"};
inline constexpr VerdictStyle inherits_style{"#ffe0b2", "black"};
inline constexpr VerdictStyle unknown_style{"#e0e0e0", "black"};

[[nodiscard]] inline VerdictStyle style_of(Verdict verdict, bool permitted = false) {
  switch (verdict) {
    case Verdict::Breaks: return permitted ? permitted_break_style : breaks_style;
    case Verdict::Inherits: return inherits_style;
    case Verdict::Unknown: return unknown_style;
    case Verdict::Equivariant:
    case Verdict::Invariant: break;
  }
  return holds_style;
}

}  // namespace permeq::detail
