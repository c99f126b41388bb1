// src/report/wording.hpp: small phrases every report format and the policy explanations share, so
// that a witness's size and a count read the same way everywhere.
#pragma once

#include "permeq/check/checker.hpp"

#include <cstddef>
#include <string>

namespace permeq {

/// "n = 2" for a token permutation, "d = 8" for a feature permutation (--property intra), where
/// the witness's size counts the permuted features.
[[nodiscard]] inline std::string witness_size(const CheckReport& report, const Witness& witness) {
  return std::string(report.property == "intra" ? "d = " : "n = ") + std::to_string(witness.tokens);
}

/// "1 node", "53 nodes".
[[nodiscard]] inline std::string count_of(std::size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

/// Text for an HTML or XML (SVG) element or attribute: the five characters that could end or open
/// markup are escaped.
[[nodiscard]] inline std::string markup_text(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace permeq
