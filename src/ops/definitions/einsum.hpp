// src/ops/definitions/einsum.hpp: Einstein summation over any equation ONNX allows (repeated
// indices within an operand take diagonals, indices absent from the output are summed, an
// ellipsis stands for broadcast leading axes, an implicit output lists the indices used once).
#pragma once

#include "src/ops/definitions/data_movement.hpp"

#include <map>
#include <set>

namespace permeq::ops {

/// An equation resolved against operand ranks: every axis of every operand and of the output
/// carries a label (letters 0..51, ellipsis axes from 64 on, aligned to the right).
struct EinsumPlan {
  std::vector<std::vector<int>> operands;
  std::vector<int> output;
  std::map<int, std::int64_t> sizes;
  std::vector<int> summed;  ///< labels absent from the output
};

inline int einsum_letter(const Node& node, char c) {
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= 'A' && c <= 'Z') return 26 + (c - 'A');
  fail(node, std::string("equation holds '") + c + "', which is not a letter, '...', ',' or '->'");
}
inline char einsum_char(int label) { return label < 26 ? static_cast<char>('a' + label) : static_cast<char>('A' + label - 26); }
inline constexpr int einsum_ellipsis_label = 64;

inline EinsumPlan einsum_plan(const Node& node, std::span<const TensorType> in) {
  std::string equation;
  for (const char c : node.get_string("equation", "")) if (c != ' ') equation += c;
  const auto arrow = equation.find("->");
  const std::string lhs = equation.substr(0, arrow);
  std::vector<std::string> terms{""};
  for (const char c : lhs) {
    if (c == ',') terms.emplace_back();
    else terms.back() += c;
  }
  if (terms.size() != in.size())
    fail(node, "equation '" + equation + "' has " + std::to_string(terms.size()) + " operand terms for " + std::to_string(in.size()) + " inputs");
  // Labels of one term; `ellipsis_rank` axes stand for "...".
  const auto parse = [&](const std::string& term, std::size_t rank, bool output, std::size_t ellipsis_rank) {
    std::vector<int> labels;
    const auto dots = term.find("...");
    if (dots != std::string::npos && term.find("...", dots + 3) != std::string::npos) fail(node, "term '" + term + "' has more than one ellipsis");
    const std::size_t letters = dots == std::string::npos ? term.size() : term.size() - 3;
    std::size_t ellipsis = 0;
    if (dots != std::string::npos) {
      if (!output && rank < letters) fail(node, "term '" + term + "' names more axes than the operand's rank " + std::to_string(rank));
      ellipsis = output ? ellipsis_rank : rank - letters;
    } else if (!output && letters != rank) {
      fail(node, "term '" + term + "' names " + std::to_string(letters) + " axes, the operand has rank " + std::to_string(rank));
    }
    for (std::size_t i = 0; i < term.size(); ++i) {
      if (dots != std::string::npos && i == dots) {
        for (std::size_t e = 0; e < ellipsis; ++e) labels.push_back(einsum_ellipsis_label + static_cast<int>(ellipsis_rank - ellipsis + e));
        i += 2;
        continue;
      }
      labels.push_back(einsum_letter(node, term[i]));
    }
    return labels;
  };
  std::size_t ellipsis_rank = 0;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    const auto dots = terms[k].find("...");
    if (dots != std::string::npos && in[k].shape.size() + 3 >= terms[k].size())
      ellipsis_rank = std::max(ellipsis_rank, in[k].shape.size() + 3 - terms[k].size());
  }
  EinsumPlan plan;
  std::map<int, int> uses;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    plan.operands.push_back(parse(terms[k], in[k].shape.size(), false, ellipsis_rank));
    for (std::size_t a = 0; a < plan.operands[k].size(); ++a) {
      const int label = plan.operands[k][a];
      const auto size = in[k].shape[a];
      ++uses[label];
      auto [it, fresh] = plan.sizes.emplace(label, size);
      if (fresh || it->second == size) continue;
      // Ellipsis axes broadcast like numpy; letters must agree.
      if (label >= einsum_ellipsis_label && (it->second == 1 || size == 1)) it->second = std::max(it->second, size);
      else fail(node, std::string("index '") + (label >= einsum_ellipsis_label ? std::string("...") : std::string(1, einsum_char(label))) +
                          "' has sizes " + std::to_string(it->second) + " and " + std::to_string(size));
    }
  }
  if (arrow != std::string::npos) {
    plan.output = parse(equation.substr(arrow + 2), 0, true, ellipsis_rank);
    std::set<int> seen;
    for (const int label : plan.output) {
      if (!plan.sizes.count(label)) fail(node, std::string("output index '") + einsum_char(label) + "' appears in no operand");
      if (!seen.insert(label).second) fail(node, std::string("output index '") + einsum_char(label) + "' appears twice");
    }
  } else {
    // Implicit output: the ellipsis axes, then the letters used once, in alphabetical order.
    for (std::size_t e = 0; e < ellipsis_rank; ++e) plan.output.push_back(einsum_ellipsis_label + static_cast<int>(e));
    for (const auto& [label, count] : uses)
      if (label < einsum_ellipsis_label && count == 1) plan.output.push_back(label);
  }
  for (const auto& [label, size] : plan.sizes)
    if (std::find(plan.output.begin(), plan.output.end(), label) == plan.output.end()) plan.summed.push_back(label);
  return plan;
}

struct Einsum : OpBase {
  static constexpr std::string_view name = "Einsum", summary = "Einstein summation (diagonals, sums, ellipsis broadcasting)", reference = "ONNX Einsum";
  static constexpr int min_inputs = 1, max_inputs = 16;
  static constexpr std::array<AttrSpec, 1> attributes{{{"equation", AttrType::String, true, "e.g. \"bhqd,bhkd->bhqk\""}}};
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    for (std::size_t k = 0; k < in.size(); ++k) {
      if (in[k].dtype == DType::Bool) fail(node, "input " + std::to_string(k) + " must be float or int64, got " + to_string(in[k]));
      if (in[k].dtype != in[0].dtype) fail(node, "inputs must have the same dtype, got " + to_string(in[0]) + " and " + to_string(in[k]));
    }
    const auto plan = einsum_plan(node, in);
    Shape out;
    for (const int label : plan.output) out.push_back(plan.sizes.at(label));
    return {{in[0].dtype, out}};
  }
  /// Derived from the index structure: an output axis carries the action of its index where an
  /// operand's axis of that index is acted (summed indices leave nothing). It holds exactly when
  /// every axis of that index, in every operand, is acted alike, which the test decides.
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const auto plan = einsum_plan(node, in);
    Action out;
    for (std::size_t j = 0; j < plan.output.size(); ++j)
      for (std::size_t k = 0; k < plan.operands.size() && !out.on(static_cast<int>(j)); ++k)
        for (std::size_t a = 0; a < plan.operands[k].size(); ++a)
          if (plan.operands[k][a] == plan.output[j])
            if (const auto o = actions[k].offset_on(static_cast<int>(a))) {
              out.add(static_cast<int>(j), *o);
              break;
            }
    return {{out}};
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_sum(in); }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    std::vector<TensorType> types;
    for (const auto* t : in) types.push_back(t->type());
    const auto plan = einsum_plan(node, types);
    // One counter per label: output labels first, summed labels after.
    std::vector<int> labels = plan.output;
    labels.insert(labels.end(), plan.summed.begin(), plan.summed.end());
    std::map<int, std::size_t> slot;
    for (std::size_t i = 0; i < labels.size(); ++i) slot[labels[i]] = i;
    // Each operand axis advances with its label's counter (not at all when broadcast from 1).
    std::vector<std::vector<std::pair<std::size_t, std::int64_t>>> steps(in.size());
    for (std::size_t k = 0; k < in.size(); ++k) {
      const auto strides = strides_of(in[k]->shape);
      for (std::size_t a = 0; a < plan.operands[k].size(); ++a)
        if (in[k]->shape[a] != 1 || plan.sizes.at(plan.operands[k][a]) == 1) steps[k].emplace_back(slot.at(plan.operands[k][a]), strides[a]);
    }
    Tensor<S> out(in[0]->dtype, infer(node, types)[0].shape);
    std::int64_t summed_count = 1;
    for (const int label : plan.summed) summed_count *= plan.sizes.at(label);
    std::vector<std::int64_t> index(labels.size(), 0);
    for (std::size_t flat = 0; flat < out.data.size(); ++flat) {
      S total = Domain<S>::from_int(0);
      for (std::int64_t s = 0; s < summed_count; ++s) {
        S term = Domain<S>::from_int(1);
        for (std::size_t k = 0; k < in.size(); ++k) {
          std::int64_t at = 0;
          for (const auto& [counter, stride] : steps[k]) at += index[counter] * stride;
          term = k == 0 ? in[k]->data[static_cast<std::size_t>(at)] : term * in[k]->data[static_cast<std::size_t>(at)];
        }
        total = s == 0 ? term : total + term;
        for (std::size_t i = labels.size(); i-- > plan.output.size();) {
          if (++index[i] < plan.sizes.at(labels[i])) break;
          index[i] = 0;
        }
      }
      out.data[flat] = total;
      for (std::size_t i = plan.output.size(); i-- > 0;) {
        if (++index[i] < plan.sizes.at(labels[i])) break;
        index[i] = 0;
      }
    }
    return {out};
  }
  /// Operand k's cotangent is the einsum of the output's cotangent with the other operands onto
  /// k's indices, when each of k's indices appears once in k, at full size, and somewhere else.
  static void vjp(VjpContext& c) {
    std::vector<TensorType> types;
    for (std::size_t i = 0; i < c.input_count(); ++i) types.push_back(c.input_type(i));
    const auto plan = einsum_plan(c.node(), types);
    // Ellipsis labels written as letters the equation does not use.
    std::map<int, char> spelled;
    std::set<int> used;
    for (const auto& [label, size] : plan.sizes) if (label < einsum_ellipsis_label) used.insert(label);
    int next = 0;
    for (const auto& [label, size] : plan.sizes) {
      if (label < einsum_ellipsis_label) { spelled[label] = einsum_char(label); continue; }
      while (used.count(next)) ++next;
      if (next >= 52) c.unsupported("an einsum with more than 52 indices");
      spelled[label] = einsum_char(next);
      used.insert(next);
    }
    const auto spell = [&](const std::vector<int>& labels) {
      std::string s;
      for (const int l : labels) s += spelled.at(l);
      return s;
    };
    const auto fresh_letter = [&] {
      while (used.count(next)) ++next;
      if (next >= 52) c.unsupported("an einsum with more than 52 indices");
      used.insert(next);
      return einsum_char(next);
    };
    for (std::size_t k = 0; k < c.input_count(); ++k) {
      if (!c.wants(k)) continue;
      const auto& mine = plan.operands[k];
      std::string equation = spell(plan.output);
      std::vector<Value> operands{*c.cotangent()};
      // A repeated index (a diagonal): the cotangent lands on the diagonal only, so each repeat
      // gets a letter of its own tied to the first by an identity matrix.
      std::string target;
      std::set<int> seen_here;
      for (std::size_t a = 0; a < mine.size(); ++a) {
        if (seen_here.insert(mine[a]).second) {
          target += spelled.at(mine[a]);
          continue;
        }
        if (c.varies(c.input(k), a)) c.unsupported("the gradient of an einsum diagonal whose length follows the token count");
        const char repeat = fresh_letter();
        const auto size = plan.sizes.at(mine[a]);
        const auto zeros = c.emit("Constant", {}, {{"shape", to_dims({size, size})}, {"values", std::vector<double>{0.0}}});
        equation += std::string(",") + spelled.at(mine[a]) + repeat;
        operands.push_back(c.emit("EyeLike", {zeros}, {{"dtype", std::string("float")}}));
        target += repeat;
      }
      std::set<int> elsewhere(plan.output.begin(), plan.output.end());
      for (std::size_t j = 0; j < c.input_count(); ++j) {
        if (j == k) continue;
        equation += "," + spell(plan.operands[j]);
        operands.push_back(c.input(j));
        elsewhere.insert(plan.operands[j].begin(), plan.operands[j].end());
      }
      for (std::size_t a = 0; a < mine.size(); ++a)
        if (!elsewhere.count(mine[a]) || types[k].shape[a] != plan.sizes.at(mine[a]))
          c.unsupported("the gradient of an einsum operand with an index summed within it or broadcast");
      c.give(k, c.emit("Einsum", operands, {{"equation", equation + "->" + target}}));
    }
  }
};

/// The operators this file defines, in the order `permeq ops` lists them.
using EinsumOperators = OperatorList<Einsum>;

}  // namespace permeq::ops
