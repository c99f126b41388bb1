#include "permeq/symmetry/action.hpp"

#include "permeq/core/error.hpp"
#include "permeq/core/rational.hpp"

#include <algorithm>

namespace permeq {

std::optional<std::int64_t> Action::offset_on(int axis) const {
  for (const auto& a : axes)
    if (a.axis == axis) return a.offset;
  return std::nullopt;
}

void Action::add(int axis, std::int64_t offset) {
  if (offset_on(axis)) return;
  axes.push_back({axis, offset});
  std::sort(axes.begin(), axes.end());
}

std::string describe(const Action& action) {
  if (action.invariant()) return "invariant";
  std::string text = action.axes.size() == 1 ? "permuted on axis " : "permuted on axes ";
  for (std::size_t i = 0; i < action.axes.size(); ++i) text += (i ? "," : "") + std::to_string(action.axes[i].axis);
  std::int64_t offset = 0;
  for (const auto& a : action.axes) offset = std::max(offset, a.offset);
  if (offset > 0) {
    text += " from index";
    for (const auto& a : action.axes) text += " " + std::to_string(a.offset);
  }
  return text;
}

Permutation transposition(std::int64_t n) {
  Permutation p(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) p[static_cast<std::size_t>(i)] = i;
  if (n >= 2) std::swap(p[0], p[1]);
  return p;
}

Permutation n_cycle(std::int64_t n) {
  Permutation p(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) p[static_cast<std::size_t>(i)] = (i + 1) % n;
  return p;
}

std::string describe(const Permutation& sigma) {
  std::string text = "[";
  for (std::size_t i = 0; i < sigma.size(); ++i) text += (i ? " " : "") + std::to_string(sigma[i]);
  return text + "]";
}



}  // namespace permeq
