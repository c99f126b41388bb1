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

void Action::add(int axis, std::int64_t offset) { add(axis, AxisAction{axis, offset}); }

void Action::add(int axis, const AxisAction& like) {
  if (offset_on(axis)) return;
  AxisAction a = like;
  a.axis = axis;
  axes.push_back(a);
  std::sort(axes.begin(), axes.end());
}

const AxisAction* Action::on(int axis) const {
  for (const auto& a : axes)
    if (a.axis == axis) return &a;
  return nullptr;
}

bool Action::structured() const {
  return std::any_of(axes.begin(), axes.end(), [](const AxisAction& a) { return a.structured(); });
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
  for (const auto& a : action.axes) {
    if (a.block != 1) text += " (axis " + std::to_string(a.axis) + " in blocks of " + std::to_string(a.block) + ")";
    if (a.repeat != 1) text += " (axis " + std::to_string(a.axis) + " alike in each of " + std::to_string(a.repeat) + " runs)";
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
  // Up to 32 entries in full; a longer one (a witness at n = 100000) by its first and last entries
  // and what it moves, since the reports are read by people (JSON carries every entry).
  constexpr std::size_t whole = 32, head = 8, tail = 2;
  const auto n = sigma.size();
  std::string text = "[";
  for (std::size_t i = 0; i < n; ++i) {
    if (n > whole && i == head) {
      text += " ...";
      i = n - tail - 1;
      continue;
    }
    text += (i ? " " : "") + std::to_string(sigma[i]);
  }
  text += "]";
  if (n <= whole) return text;
  std::vector<std::size_t> moved;
  for (std::size_t i = 0; i < n; ++i)
    if (sigma[i] != static_cast<std::int64_t>(i)) moved.push_back(i);
  if (sigma == n_cycle(static_cast<std::int64_t>(n))) return text + " (n = " + std::to_string(n) + ", the n-cycle: position i reads token i + 1 mod n)";
  if (moved.size() == 2)
    return text + " (n = " + std::to_string(n) + ", swapping tokens " + std::to_string(moved[0]) + " and " + std::to_string(moved[1]) + ")";
  return text + " (n = " + std::to_string(n) + ", " + std::to_string(moved.size()) + " tokens moved)";
}



}  // namespace permeq
