// The action a reshape carries (reshaped_action, src/ops/kernels.hpp) against the reshape itself:
// whenever it names an output action, reshaping then permuting equals permuting then reshaping,
// for both generators of S_n, including token axes that start after a class token (offset) and
// are merged with a batch or split back, as nn.MultiheadAttention does around a prepended CLS.
#include <doctest/doctest.h>

#include "permeq/symmetry/action.hpp"
#include "src/ops/kernels.hpp"

#include <numeric>
#include <vector>

using namespace permeq;

namespace {

Tensor<Rational> counting(const Shape& shape) {
  Tensor<Rational> t(DType::Float, shape);
  for (std::size_t i = 0; i < t.data.size(); ++i) t.data[i] = Rational(static_cast<long>(i));
  return t;
}

Tensor<Rational> reshaped(const Tensor<Rational>& t, const Shape& to) { return Tensor<Rational>(t.dtype, to, t.data); }

std::vector<Permutation> generators_of(std::int64_t n) {
  Permutation swap(static_cast<std::size_t>(n)), cycle(static_cast<std::size_t>(n));
  std::iota(swap.begin(), swap.end(), 0);
  std::swap(swap[0], swap[1]);
  for (std::int64_t i = 0; i < n; ++i) cycle[static_cast<std::size_t>(i)] = (i + 1) % n;
  return {swap, cycle};
}

/// Every way of writing `shape` as a product of adjacent groups, and of splitting one axis in two.
std::vector<Shape> reshapes_of(const Shape& shape) {
  std::vector<Shape> result;
  const std::size_t rank = shape.size();
  for (std::uint32_t cuts = 0; cuts < (1U << (rank - 1)); ++cuts) {
    Shape merged{shape[0]};
    for (std::size_t i = 1; i < rank; ++i) {
      if (cuts & (1U << (i - 1))) merged.back() *= shape[i];
      else merged.push_back(shape[i]);
    }
    result.push_back(merged);
  }
  for (std::size_t i = 0; i < rank; ++i)
    for (std::int64_t f = 2; f < shape[i]; ++f)
      if (shape[i] % f == 0) {
        Shape split = shape;
        split[i] = f;
        split.insert(split.begin() + static_cast<long>(i) + 1, shape[i] / f);
        result.push_back(split);
      }
  return result;
}

}  // namespace

TEST_CASE("a reshape's carried action commutes with the reshape, offsets and merged batches included") {
  int carried = 0, with_offset = 0;
  const std::int64_t n = 3;
  for (const Shape& from : {Shape{4, 2, 3}, Shape{3, 2, 2}, Shape{2, 4, 2}, Shape{2, 5, 2}, Shape{5, 4, 2}, Shape{4, 3}}) {
    for (std::size_t axis = 0; axis < from.size(); ++axis)
      for (std::int64_t offset = 0; offset + n <= from[axis]; ++offset) {
        Action in;
        in.add(static_cast<int>(axis), offset);
        for (const auto& to : reshapes_of(from)) {
          const auto out = kernels::reshaped_action(in, from, to, n);
          if (!out) continue;
          CAPTURE(to_string(from));
          CAPTURE(to_string(to));
          CAPTURE(describe(in));
          CAPTURE(describe(*out));
          ++carried;
          with_offset += offset > 0 && to.size() != from.size();
          const auto x = counting(from);
          for (const auto& sigma : generators_of(n))
            CHECK(reshaped(apply_action(x, in, sigma), to).data == apply_action(reshaped(x, to), *out, sigma).data);
          // And back: the carried action returns to the input's.
          const auto back = kernels::reshaped_action(*out, to, from, n);
          REQUIRE(back.has_value());
          CHECK(*back == in);
        }
      }
  }
  MESSAGE(carried << " reshapes carry an action, " << with_offset << " of them merge or split an axis whose tokens start after index 0");
  CHECK(with_offset > 0);
}

TEST_CASE("nn.MultiheadAttention's batch merge after a prepended class token: [n+1, B*H, d] to [(n+1)*B, H*d] and back") {
  const std::int64_t n = 4;
  Action tokens_after_cls;
  tokens_after_cls.add(0, 1);
  const auto merged = kernels::reshaped_action(tokens_after_cls, {n + 1, 4, 8}, {(n + 1) * 2, 16}, n);
  REQUIRE(merged.has_value());
  REQUIRE(merged->axes.size() == 1);
  CHECK(merged->axes[0].axis == 0);
  CHECK(merged->axes[0].offset == 2);  // the class token's row in both batch entries stays
  CHECK(merged->axes[0].block == 2);   // each token moves with its batch entries
  CHECK(merged->axes[0].repeat == 1);
  const auto split = kernels::reshaped_action(*merged, {(n + 1) * 2, 16}, {n + 1, 2, 16}, n);
  REQUIRE(split.has_value());
  CHECK(*split == tokens_after_cls);
  // A merge that puts the class token's rows among the tokens' is not an action: [B, n+1] to [B*(n+1)]
  // moves runs that do not fill their period, and several periods share the axis.
  Action second_axis;
  second_axis.add(1, 1);
  CHECK_FALSE(kernels::reshaped_action(second_axis, {2, n + 1, 3}, {2 * (n + 1), 3}, n).has_value());
}
