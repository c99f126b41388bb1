// src/check/numeric/output_difference.hpp: how the numeric engine judges a graph output from its
// float passes, shared by the whole passes (numeric_engine.cpp) and the evaluation of the
// outputs' first token positions (prefix_outputs.cpp): the difference between the moved output
// and every candidate claim, the threshold far above rounding that a break must exceed, and the
// words that let a reader replay the draw.
#pragma once

#include "permeq/check/checker.hpp"
#include "src/check/analysis.hpp"
#include "src/ops/float_kernels.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

namespace permeq::numeric {

/// "0.913", "1.2e+05": a figure in a note.
inline std::string short_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

/// The share of an output's largest magnitude a break must exceed: 1e-2 in float32 (1e-8 in
/// float64), far above any rounding of a forward pass, and at least the tolerance factor times the
/// rounding bound (n + 4) u of a sum over the n tokens (a softmax or a product over all the keys).
template <class F>
double output_break_share(double tolerance_factor, std::int64_t tokens) {
  const double floor = std::is_same_v<F, float> ? 1e-2 : 1e-8;
  return std::max(floor, tolerance_factor * static_cast<double>(tokens + 4) * std::numeric_limits<F>::epsilon() / 2);
}

/// The smallest over the candidate claims of the largest difference between `moved` (f(sigma x))
/// and the candidate applied to `plain` (f(x)); infinity for a shape that differs or NaN on one
/// side. The same infinity, or NaN, on both sides is no difference: inf - inf is NaN, and an
/// overflow that moves with the tokens (x * exp(100) in float32) shows no break.
/// `sigma_for(candidate)` gives the permutation to apply.
template <class F, class SigmaFor>
double smallest_candidate_difference(const Tensor<F>& moved, const Tensor<F>& plain, const std::vector<Action>& candidates, SigmaFor&& sigma_for) {
  constexpr double infinity = std::numeric_limits<double>::infinity();
  double smallest = infinity;
  for (const auto& candidate : candidates) {
    const auto expected = apply_action(plain, candidate, sigma_for(candidate));
    double diff = moved.shape == expected.shape ? 0.0 : infinity;
    for (std::size_t i = 0; diff < infinity && i < expected.data.size(); ++i) {
      const double m = static_cast<double>(moved.data[i]), e = static_cast<double>(expected.data[i]);
      if (m == e || (std::isnan(m) && std::isnan(e))) continue;
      const double d = std::fabs(m - e);
      diff = std::isnan(d) ? infinity : std::max(diff, d);
    }
    smallest = std::min(smallest, diff);
  }
  return smallest;
}

/// How a run's random values were drawn, so that a reader can replay it.
inline std::string draws_text(const Analysis& a, std::uint64_t seed) {
  const bool drawn_weights = std::any_of(a.graph.graph.parameters.begin(), a.graph.graph.parameters.end(),
                                         [](const Parameter& p) { return p.kind == ParameterKind::Weight && !p.data; });
  return std::string("draw: the inputs") + (drawn_weights ? " and the free weights" : "") + " from seed " + std::to_string(seed) +
         " (each value from the seed and its name, uniform of variance 1, drawn when first read and released after its last use), n = " +
         std::to_string(a.tokens);
}

}  // namespace permeq::numeric
