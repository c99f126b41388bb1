// src/report/wording.hpp: small phrases every report format and the policy explanations share, so
// that a witness's size and a count read the same way everywhere.
#pragma once

#include "permeq/check/checker.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace permeq {

/// "n = 2" for a token permutation, "d = 8" for a feature permutation (--property intra), where
/// the witness's size counts the permuted features.
[[nodiscard]] inline std::string witness_size(const CheckReport& report, const Witness& witness) {
  return std::string(report.property == Property::Intra ? "d = " : "n = ") + std::to_string(witness.tokens);
}

/// A markdown table cell that cannot break its table: pipes escaped, newlines flattened.
[[nodiscard]] inline std::string markdown_cell(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

/// "[0,1]": a tensor index as the reports print it.
[[nodiscard]] inline std::string index_text(const std::vector<std::int64_t>& index) {
  std::string out = "[";
  for (std::size_t i = 0; i < index.size(); ++i) out += (i ? "," : "") + std::to_string(index[i]);
  return out + "]";
}

/// One side against the other at a mismatch: "f(sigma x)[0,1] = 3/2 but sigma f(x)[0,1] = 1/2",
/// with `joint` between the two sides.
[[nodiscard]] inline std::string difference_text(const Mismatch& d, const std::string& joint = " but ") {
  const auto index = index_text(d.index);
  return "f(sigma x)" + index + " = " + to_string(d.permuted_then_applied) + joint + "sigma f(x)" + index + " = " + to_string(d.applied_then_permuted);
}

/// The one account of a witness every report gives: "n = 2, sigma = [1, 0]: f(sigma x)[0,1] = 3/2
/// but sigma f(x)[0,1] = 1/2". `break_line` replaces the two joints (": ", " but ") where a
/// format wants lines (a DOT label).
[[nodiscard]] inline std::string witness_line(const CheckReport& report, const Witness& w, const std::string& break_line = "") {
  return witness_size(report, w) + ", sigma = " + describe(w.sigma) + (break_line.empty() ? ": " : break_line) +
         difference_text(w.first_difference, break_line.empty() ? " but " : break_line);
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
