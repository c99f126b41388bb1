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

}  // namespace permeq
