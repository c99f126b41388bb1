// permeq/symmetry/action.hpp: how a token permutation acts on a tensor.
//
// One permutation sigma of n tokens acts on every value of the graph at once. On a value it acts
// along zero or more axes, each on the n consecutive positions starting at an offset (a CLS token
// prepended at index 0 shifts the tokens to offset 1, so the action there is 1 (+) P). An action
// with no axes means the value is invariant. Gather convention throughout: the permuted tensor is
// X' with X'[offset + i] = X[offset + sigma[i]] along each acted axis (X' = X[p] in numpy).
#pragma once

#include "permeq/core/error.hpp"
#include "permeq/core/tensor.hpp"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace permeq {

/// sigma acting along one axis. Plain: on the n positions from `offset`. Structured (feature
/// permutations of attention heads): the axis is read from `offset` as `repeat` runs of n blocks of
/// `block` consecutive positions, and sigma permutes the blocks within every run. A head
/// permutation on a merged [h * d_h] axis is block = d_h; the same within-head permutation in
/// every head is repeat = h. Positions past the structure stay fixed.
struct AxisAction {
  int axis = 0;
  std::int64_t offset = 0;
  std::int64_t block = 1;
  std::int64_t repeat = 1;
  [[nodiscard]] bool structured() const { return block != 1 || repeat != 1; }
  /// Positions the action covers for n = |sigma|.
  [[nodiscard]] std::int64_t extent(std::int64_t n) const { return offset + repeat * n * block; }
  friend auto operator<=>(const AxisAction&, const AxisAction&) = default;
};

struct Action {
  std::vector<AxisAction> axes;  ///< sorted by axis, at most one entry per axis

  [[nodiscard]] bool invariant() const { return axes.empty(); }
  [[nodiscard]] bool structured() const;
  [[nodiscard]] std::optional<std::int64_t> offset_on(int axis) const;
  [[nodiscard]] const AxisAction* on(int axis) const;
  void add(int axis, std::int64_t offset);  ///< keeps the first offset if the axis is present
  /// `like`'s action (offset and structure) on `axis`; keeps the first if the axis is present.
  void add(int axis, const AxisAction& like);
  friend bool operator==(const Action&, const Action&) = default;
};

/// "invariant", "permuted on axis 0", "permuted on axes 0,1", "permuted on axis 0 from index 1".
[[nodiscard]] std::string describe(const Action& action);

/// What an operator says its outputs do, given what its inputs do: its symmetry claim. The
/// checker tests the claim; `representable` is false when the output action leaves the set of
/// actions above (a reshape that folds tokens into features), which makes the node unknown.
struct Claim {
  std::vector<Action> outputs;
  bool representable = true;
  std::string reason;

  Claim() = default;
  Claim(std::vector<Action> output_actions) : outputs(std::move(output_actions)) {}  // NOLINT: implicit by design
  static Claim unrepresentable(std::string why) {
    Claim claim;
    claim.representable = false;
    claim.reason = std::move(why);
    return claim;
  }
};

using Permutation = std::vector<std::int64_t>;

/// The two generators of S_n: the transposition (0 1) and the n-cycle i -> i+1 mod n.
[[nodiscard]] Permutation transposition(std::int64_t n);
[[nodiscard]] Permutation n_cycle(std::int64_t n);
[[nodiscard]] std::string describe(const Permutation& sigma);  ///< "[1 0 2 3]"; past 32 entries, the first and last ones and what it moves

/// Applies sigma to `tensor` along every axis of `action`, in any scalar domain. Throws
/// permeq::Error when an axis is shorter than offset + n.
template <class S>
[[nodiscard]] Tensor<S> apply_action(const Tensor<S>& tensor, const Action& action, const Permutation& sigma) {
  const auto n = static_cast<std::int64_t>(sigma.size());
  Tensor<S> out = tensor;
  for (const auto& a : action.axes) {
    if (a.axis < 0 || static_cast<std::size_t>(a.axis) >= tensor.rank() || tensor.shape[static_cast<std::size_t>(a.axis)] < a.extent(n))
      throw Error(ErrorKind::Internal, "action on axis " + std::to_string(a.axis) + " from " + std::to_string(a.offset) + " does not fit shape " +
                                           to_string(tensor.shape) + " for " + std::to_string(n) + " tokens");
    const Tensor<S> source = out;
    const auto split = split_at_axis(tensor.shape, static_cast<std::size_t>(a.axis));
    for (std::int64_t o = 0; o < split.outer; ++o)
      for (std::int64_t run = 0; run < a.repeat; ++run)
        for (std::int64_t i = 0; i < n; ++i)
          for (std::int64_t b = 0; b < a.block; ++b) {
            const auto base = a.offset + run * n * a.block + b;
            const auto to = base + i * a.block, from = base + sigma[static_cast<std::size_t>(i)] * a.block;
            for (std::int64_t r = 0; r < split.inner; ++r)
              out.data[static_cast<std::size_t>((o * split.length + to) * split.inner + r)] =
                  source.data[static_cast<std::size_t>((o * split.length + from) * split.inner + r)];
          }
  }
  return out;
}


}  // namespace permeq
