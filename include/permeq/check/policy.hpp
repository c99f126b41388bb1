// permeq/check/policy.hpp: the CI policy file: what a team expects of each output, which breaks it
// accepts by design, and the engine settings and time budget. Written in YAML (docs/policy.md):
//
//   version: 1
//   expect:
//     - output: "*"              # glob over output names
//       property: invariant      # equivariant | invariant | equivariant-or-invariant
//   permit:
//     - node: "add_*_pe"         # glob over node names (or op: Trilu)
//       reason: positional encoding, by design
//   engine: {seq_len: 4, trials: 3, seed: 1, time_budget_seconds: 60}
//
// `permeq check GRAPH --policy FILE` exits 0 exactly when every expectation holds.
#pragma once

#include "permeq/check/checker.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace permeq {

enum class ExpectedProperty { Equivariant, Invariant, EquivariantOrInvariant };

struct Expectation {
  std::string output = "*";
  ExpectedProperty property = ExpectedProperty::EquivariantOrInvariant;
  std::optional<int> axis;  ///< for Equivariant: the output axis that must be permuted
};

struct Policy {
  std::string source;
  std::vector<Expectation> expectations;  ///< empty: every output equivariant or invariant
  std::vector<PermittedBreak> permitted;
  std::optional<int> trials;
  std::optional<std::int64_t> seq_len;
  std::optional<std::uint64_t> seed;
  std::optional<double> time_budget_seconds;
};

/// Parses a policy; errors name the source and the line. Throws permeq::Error(Input).
[[nodiscard]] Policy parse_policy(const std::string& text, const std::string& source = "<policy>");
[[nodiscard]] Policy load_policy(const std::filesystem::path& path);

/// Copies the policy's permitted breaks and engine settings into check options (the policy wins
/// over defaults, explicit command-line values win over the policy: pass them afterwards).
void apply_policy(const Policy& policy, CheckOptions& options);

/// Judges a report against the policy (an empty policy expects every output to be equivariant
/// or invariant).
[[nodiscard]] PolicyOutcome judge(const Policy& policy, const CheckReport& report);

/// `judge`, storing the outcome in `report.policy` so the exit code and every format follow it.
PolicyOutcome evaluate_policy(const Policy& policy, CheckReport& report);

}  // namespace permeq
