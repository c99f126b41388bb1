// permeq/ops/samples.hpp: small sample instances of every operator with a token action and the
// expected outcome. The conformance tests, `permeq prove` and the bounded obligations under
// proofs/ all use this one table; a test checks that every registered operator has a sample.
#pragma once

#include "permeq/ir/graph.hpp"
#include "permeq/symmetry/action.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace permeq {

enum class SampleExpect { Holds, Breaks, Unrepresentable };

struct OperatorSample {
  std::string label;
  std::string op;
  Attributes attrs;
  std::vector<TensorType> inputs;
  std::vector<std::optional<int>> acted;  ///< per input: the axis the permutation acts on (from index 0)
  SampleExpect expect = SampleExpect::Holds;
  int outputs = 1;

  [[nodiscard]] Node node() const;
  [[nodiscard]] std::vector<Action> actions() const;
};

/// Token count of every sample.
inline constexpr std::int64_t sample_tokens = 4;

[[nodiscard]] std::span<const OperatorSample> operator_samples();

}  // namespace permeq
