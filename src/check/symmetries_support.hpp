// src/check/symmetries_support.hpp: what the parts of `permeq symmetries` share (internal to
// permeq_check): the search (symmetries.cpp), the per-head maps and their proofs
// (symmetries_heads.cpp), and the permuted models and equivalences (symmetries_equivalence.cpp).
#pragma once

#include "permeq/check/symmetries.hpp"
#include "src/check/analysis.hpp"

namespace permeq::symmetry_detail {

using Values = ValueMap<Rational>;

/// The analysis of `permuted` (weights acted), for draws and actions.
[[nodiscard]] Analysis analysis_of(const Graph& graph, const std::vector<PermutedInput>& permuted, const CheckOptions& options);

/// The draw's graph inputs and weights, with `sigma` applied on their acted axes (none: as drawn).
[[nodiscard]] Values moved_bindings(const Analysis& a, const Values& run, const Permutation* sigma);

/// Tran et al.'s GL(d_h)-per-head maps on a within-head symmetry (see GeneralLinearCheck).
[[nodiscard]] GeneralLinearCheck check_general_linear(const Graph& graph, const WeightSymmetry& within, const CheckOptions& options);

/// Tran et al.'s independent within-head permutations (see PerHeadCheck).
[[nodiscard]] PerHeadCheck check_per_head(const Graph& graph, const WeightSymmetry& within, const CheckOptions& options);

}  // namespace permeq::symmetry_detail
