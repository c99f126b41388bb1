// permeq/prove/weight_map.hpp: proofs that a linear map of a block of weight coordinates leaves a
// graph's outputs unchanged for every input and every weight (Tran et al.'s per-head maps: one
// head's within-head permutation, or an elementary invertible matrix on one head's coordinates).
//
// The map acts on the block [offset, offset + width) of one axis of each listed weight: "primal"
// weights (the query's columns, the value's columns) are multiplied by M, "contragredient" ones
// (the key's columns, the output projection's rows) by M^-T resp. M^-1, so that Q_h K_h^T and
// V_h Wo_h are unchanged. Because the claim is over every weight, the contragredient side is
// reparametrised (W = W~ M for its block): the claim f(W_p M, W_c M^-T) = f(W_p, W_c) for all W is
// f(W_p M, W~_c) = f(W_p, W~_c M^T) for all W, which needs no inverse, so the solver only sees
// polynomials. A proof for the generators (the transposition and the cycle of the block, one
// transvection I + c E_ab and one scaling diag(c, 1, ...) with c symbolic) covers the group they
// generate: with the block's permutations they generate all of GL(width).
#pragma once

#include "permeq/ir/graph.hpp"
#include "permeq/prove/prover.hpp"

#include <string>
#include <vector>

namespace permeq {

/// One weight axis the map acts on, and on which side of the contraction it sits.
struct BlockAxis {
  std::string parameter;
  int axis = 0;
  std::int64_t offset = 0;       ///< first coordinate of the block (head h: h * width)
  bool contragredient = false;   ///< takes M^-T (columns) or M^-1 (rows) rather than M
};

/// M on the block's coordinates: a permutation (M^T moves coordinate sigma[p] to p), the
/// transvection I + c E_{from,to} (M^T adds c times coordinate `from` to coordinate `to`) or the
/// scaling of coordinate `at` by c, with c a symbol (every real c; invertible for c != 0).
struct BlockMap {
  enum class Kind { Permutation, Transvection, Scaling };
  Kind kind = Kind::Permutation;
  std::int64_t width = 0;
  Permutation sigma;
  std::int64_t from = 0, to = 1, at = 0;
};

/// Proves, at the graph's sizes, that every output is the same function of the inputs and the
/// weights before and after `map` acts on `axes`. Node by node from the moved weights, each value
/// the map reaches is compared symbolically (weights, inputs and every unchanged value upstream as
/// free symbols, pointwise functions uninterpreted): a value the solver proves equal stops the
/// cone there; the outputs must lie outside what remains. Unknown (never Proved) when a query is
/// too large, the solver gives up or a value cannot be stated symbolically; Refuted is not
/// claimed (a difference of one intermediate value is no break of the outputs).
[[nodiscard]] ProofResult prove_block_map(const InstantiatedGraph& graph, const std::vector<BlockAxis>& axes, const BlockMap& map,
                                          const ProofLimits& limits = {});

}  // namespace permeq
