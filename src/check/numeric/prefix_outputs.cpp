// src/check/numeric/prefix_outputs.cpp: whether a break reaches the graph's outputs at a token
// count n too large for the numeric engine's whole passes (at n = 100000 every n x n attention
// matrix is 10^10 values).
//
// The transposition (0 1) of S_n moves only the first two token positions, so the outputs' first
// p positions along their token axes (p = 2 past the largest token offset) can already show that
// f(sigma x) differs from sigma f(x). Those positions are computed at n itself, with every value
// cut to its first p positions along each axis on which none of its readers needs more. An
// operator says which of its input axes are aligned with an output axis (src/ops/float_path.hpp,
// aligned_axis; elementwise operators by broadcasting): the output's first p positions along that
// axis come from the inputs' first p positions along the aligned axes, by a rule that reads neither
// the axis's length nor its other positions. Every other axis (a contraction, a softmax over the
// keys, a normalised axis) is read whole. A causal attention layer at n = 100000 thus computes
// 2 x n scores per head from its keys and values at all n tokens and the first rows of its mask
// (a fill made at the cut shape: the `resized` hook).
//
// Both passes run in the engine's precision on the graph's own weights (stored, or drawn from the
// seed by name like the engine's), from the input x drawn whole and from sigma x. The outputs are
// compared like the engine's whole outputs: a break when the moved output differs from every
// candidate claim by more than a share of the output's largest magnitude far above rounding: 1e-2
// in float32 (1e-8 in float64), and at least the tolerance factor times (n + 4) u, the rounding
// bound of a sum of n terms (a softmax or a product over all the keys), since a value on the
// first positions may sum over all n tokens. Only a break decides: agreement on the first positions says nothing about
// the others, so it leaves an output as it was.
#include "src/check/engines.hpp"

#include "permeq/core/error.hpp"
#include "src/check/numeric/forward.hpp"
#include "src/check/numeric/output_difference.hpp"
#include "src/ops/float_path.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace permeq {
namespace {

using numeric::short_number;

using Cut = std::vector<bool>;  ///< per axis: cut to the first p positions

/// What each value keeps and each reading of it needs.
struct CutPlan {
  std::int64_t p = 0;                                                  ///< positions kept along a cut axis
  std::map<std::string, Cut, std::less<>> kept;                        ///< per value read: the axes cut where it is held
  std::map<std::size_t, std::vector<Cut>> reads;                       ///< per node index evaluated: each input's cut as read
  std::map<std::size_t, Shape> produced;                               ///< per node index: the shape its first output comes out at
  std::map<std::string, std::vector<Action>, std::less<>> candidates;  ///< per graph output
  std::int64_t held = 0;                                               ///< every value at once: a bound on the peak
};

Shape cut_shape(const Shape& shape, const Cut& cut, std::int64_t p) {
  Shape out = shape;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (cut[i]) out[i] = std::min(out[i], p);
  return out;
}

/// `t`'s first positions along the cut axes.
template <class F>
Tensor<F> cut_tensor(const Tensor<F>& t, const Cut& cut, std::int64_t p) {
  const Shape shape = cut_shape(t.shape, cut, p);
  Tensor<F> out(t.dtype, shape);
  if (out.data.empty()) return out;
  const auto rank = shape.size();
  std::vector<std::int64_t> strides(rank, 1), index(rank, 0);
  for (std::size_t k = rank; k-- > 1;) strides[k - 1] = strides[k] * t.shape[k];
  const auto inner = static_cast<std::size_t>(shape.back());
  for (std::size_t o = 0; o < out.data.size(); o += inner) {
    std::int64_t from = 0;
    for (std::size_t k = 0; k + 1 < rank; ++k) from += index[k] * strides[k];
    std::copy_n(t.data.begin() + from, inner, out.data.begin() + static_cast<std::ptrdiff_t>(o));
    for (std::size_t k = rank - 1; k-- > 0;) {
      if (++index[k] < shape[k]) break;
      index[k] = 0;
    }
  }
  return out;
}

/// The plan, walking from the outputs back to the inputs. An output without a token axis to cut
/// (pooled) or moving in blocks is not judged; nullopt (with `why`) when no output is.
std::optional<CutPlan> plan_cut(const Analysis& a, std::string& why) {
  const auto& g = a.graph;
  CutPlan plan;
  std::int64_t offset = 0;
  auto meet = [&](const std::string& value, const Cut& cut) {
    const auto [it, fresh] = plan.kept.try_emplace(value, cut);
    if (!fresh)
      for (std::size_t i = 0; i < cut.size(); ++i) it->second[i] = it->second[i] && cut[i];
  };
  // The outputs judged: those with a token axis to cut and a claim to judge.
  std::vector<std::string> skipped;
  for (const auto& out : g.graph.outputs) {
    if (!a.states.at(out).representable || plan.candidates.count(out)) continue;
    Cut cut(g.types.at(out).shape.size(), false);
    auto candidates = candidate_actions(a, out, a.states.at(out).action);
    bool blocks = false;
    for (const auto& candidate : candidates)
      for (const auto& axis : candidate.axes) {
        blocks = blocks || axis.structured();
        cut[static_cast<std::size_t>(axis.axis)] = true;
      }
    if (blocks) {
      skipped.push_back("output '" + out + "' moves in blocks under the token permutation");
      continue;
    }
    if (std::none_of(cut.begin(), cut.end(), [](bool c) { return c; })) {
      skipped.push_back("output '" + out + "' has no token axis (an invariant output reads every position)");
      continue;
    }
    for (const auto& candidate : candidates)
      for (const auto& axis : candidate.axes) offset = std::max(offset, axis.offset);
    plan.candidates[out] = std::move(candidates);
    meet(out, cut);
  }
  if (plan.candidates.empty()) {
    why = skipped.empty() ? "no output has a claim to judge" : skipped.front();
    for (std::size_t i = 1; i < skipped.size(); ++i) why += "; " + skipped[i];
    return std::nullopt;
  }
  plan.p = offset + 2;
  for (auto it = g.order.rbegin(); it != g.order.rend(); ++it) {
    const auto index = *it;
    const auto& node = g.graph.nodes[index];
    if (std::none_of(node.outputs.begin(), node.outputs.end(), [&](const std::string& out) { return plan.kept.count(out) > 0; })) continue;
    std::vector<Shape> inputs;
    for (const auto& in : node.inputs) inputs.push_back(g.types.at(in).shape);
    const Shape& full = g.types.at(node.outputs[0]).shape;
    const auto found = plan.kept.find(node.outputs[0]);
    const Cut wanted = found != plan.kept.end() ? found->second : Cut(full.size(), false);
    Shape produced = full;
    std::vector<Cut> reads;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      // An input axis is cut when it is aligned with cut output axes only.
      std::vector<std::optional<int>> aligned(full.size());
      std::vector<int> verdict(inputs[k].size(), 0);  // 0: not aligned, 1: cut, -1: read whole
      for (std::size_t b = 0; b < full.size(); ++b)
        if ((aligned[b] = ops::aligned_input_axis(node, inputs, full, k, static_cast<int>(b)))) {
          auto& v = verdict[static_cast<std::size_t>(*aligned[b])];
          v = wanted[b] && v != -1 ? 1 : -1;
        }
      Cut read(inputs[k].size(), false);
      for (std::size_t i = 0; i < read.size(); ++i) read[i] = verdict[i] == 1;
      for (std::size_t b = 0; b < full.size(); ++b)
        if (aligned[b] && wanted[b] && read[static_cast<std::size_t>(*aligned[b])]) produced[b] = std::min(full[b], plan.p);
      meet(node.inputs[k], read);
      reads.push_back(std::move(read));
    }
    // A source made at the cut shape (a fill).
    if (node.inputs.empty())
      if (const auto resized = ops::numeric_hooks(node.op).resized; resized && resized(node, cut_shape(full, wanted, plan.p)))
        produced = cut_shape(full, wanted, plan.p);
    plan.held += element_count(produced);
    for (std::size_t o = 1; o < node.outputs.size(); ++o) plan.held += element_count(g.types.at(node.outputs[o]).shape);
    plan.reads[index] = std::move(reads);
    plan.produced[index] = std::move(produced);
  }
  // Graph inputs and parameters are drawn (or read) whole.
  for (const auto& [value, cut] : plan.kept)
    if (g.graph.find_parameter(value) || std::any_of(g.graph.inputs.begin(), g.graph.inputs.end(), [&](const auto& in) { return in.name == value; }))
      plan.held += element_count(g.types.at(value).shape);
  return plan;
}

/// One pass of the cut evaluation.
template <class F>
class CutRun : public numeric::GraphEvaluation<F> {
  using Base = numeric::GraphEvaluation<F>;

 public:
  CutRun(const Analysis& a, const CheckOptions& options, const CutPlan& plan) : Base(a, options), plan_(plan) {}

  /// The graph's outputs on their first positions, from the graph inputs moved by `sigma` (null:
  /// as drawn).
  std::map<std::string, Tensor<F>, std::less<>> outputs(const Permutation* sigma) {
    const auto& g = this->a_.graph;
    const auto p = plan_.p;
    std::unordered_map<std::string, Tensor<F>> held;
    std::unordered_map<std::string, int> left;
    for (const auto& [index, reads] : plan_.reads)
      for (const auto& in : g.graph.nodes[index].inputs) ++left[in];
    for (const auto& [out, candidates] : plan_.candidates) ++left[out];
    this->uses_.clear();
    for (const auto& [name, count] : left)
      if (g.graph.find_parameter(name)) this->uses_[name] = count;
    for (const auto& in : g.graph.inputs) {
      const auto kept = plan_.kept.find(in.name);
      if (kept == plan_.kept.end()) continue;
      auto x = this->draw(in.name, g.types.at(in.name));
      if (sigma) x = apply_action(x, this->a_.states.at(in.name).action, *sigma);
      held[in.name] = cut_tensor(x, kept->second, p);
    }
    for (const auto index : g.order) {
      const auto reads = plan_.reads.find(index);
      if (reads == plan_.reads.end()) continue;
      const auto& node = g.graph.nodes[index];
      std::vector<Tensor<F>> owned;
      owned.reserve(node.inputs.size());
      std::vector<numeric::Operand<F>> ops;
      std::vector<const Tensor<F>*> tensors;
      std::vector<TensorType> types;
      for (std::size_t k = 0; k < node.inputs.size(); ++k) {
        const auto& name = node.inputs[k];
        const auto& read = reads->second[k];
        const Shape wanted = cut_shape(g.types.at(name).shape, read, p);
        const Tensor<F>* source = nullptr;
        if (const auto h = held.find(name); h != held.end()) source = &h->second;
        if (source && source->shape == wanted) {
          tensors.push_back(source);
          ops.push_back(numeric::operand_of(*source));
        } else if (source || wanted != g.types.at(name).shape) {
          const auto& made = owned.emplace_back(cut_tensor(source ? *source : this->tensor(name), read, p));
          tensors.push_back(&made);
          ops.push_back(numeric::operand_of(made));
        } else {
          tensors.push_back(nullptr);  // a parameter read whole, in place
          ops.push_back(this->operand(name));
        }
        types.push_back({g.types.at(name).dtype, wanted});
      }
      const Shape& produced = plan_.produced.at(index);
      Node evaluated = node;
      if (produced != g.types.at(node.outputs[0]).shape)
        if (const auto resized = ops::numeric_hooks(node.op).resized)
          if (auto remade = resized(node, produced)) evaluated = std::move(*remade);
      const auto output_types = find_operator(node.op)->infer(evaluated, types);
      auto got = this->fast_eval(evaluated, ops, output_types);
      if (!got) {
        for (std::size_t k = 0; k < tensors.size(); ++k)
          if (!tensors[k]) tensors[k] = &this->tensor(node.inputs[k]);
        got = evaluate_node<F>(evaluated, tensors, this->real_);
      }
      if (got->empty() || (*got)[0].shape != produced)
        throw Error(ErrorKind::Internal, "node '" + node.name + "' (" + node.op + ") came out shaped " + to_string(got->empty() ? Shape{} : (*got)[0].shape) +
                                             " instead of " + to_string(produced) + " at the cut shapes");
      for (std::size_t o = 0; o < node.outputs.size(); ++o) {
        const auto kept = plan_.kept.find(node.outputs[o]);
        if (kept == plan_.kept.end()) continue;
        auto& value = (*got)[o];
        held[node.outputs[o]] = value.shape == cut_shape(value.shape, kept->second, p) ? std::move(value) : cut_tensor(value, kept->second, p);
      }
      for (const auto& in : node.inputs)
        if (--left[in] == 0) {
          held.erase(in);
          if (g.graph.find_parameter(in)) this->release(in);
        }
    }
    std::map<std::string, Tensor<F>, std::less<>> result;
    for (const auto& [out, candidates] : plan_.candidates) result[out] = std::move(held.at(out));
    return result;
  }

 private:
  const CutPlan& plan_;
};

/// Whether every index the graph reads at n is in range, where the first positions cannot show
/// it: an output is defined at n only if the whole graph is. Indices computed from constants alone
/// (positions 0 .. n-1 read from a table) are computed whole and checked against the axis they
/// index; indices that are graph inputs are drawn in range; indices computed from the inputs are
/// out of reach of a cut evaluation. Empty when in range, else why not.
class IndexRanges : public numeric::GraphEvaluation<double> {
 public:
  IndexRanges(const Analysis& a, const CheckOptions& options) : numeric::GraphEvaluation<double>(a, options) {}

  std::string check() {
    const auto& g = a_.graph;
    for (const auto index : g.order) {
      const auto& node = g.graph.nodes[index];
      std::vector<TensorType> types;
      for (const auto& in : node.inputs) types.push_back(g.types.at(in));
      for (std::size_t k = 0; k < node.inputs.size(); ++k) {
        const auto axis = find_operator(node.op)->index_axis(node, types, k);
        if (!axis) continue;
        const auto& indices = node.inputs[k];
        const auto length = types[0].shape.at(static_cast<std::size_t>(*axis));
        const auto where = "node '" + node.name + "' (" + node.op + ") reads '" + indices + "' as indices of an axis of " + std::to_string(length);
        if (std::any_of(g.graph.inputs.begin(), g.graph.inputs.end(), [&](const auto& in) { return in.name == indices; })) continue;
        if (!a_.states.at(indices).determined) return where + ", computed from the inputs: whether they stay in range past the first positions is not known";
        const auto& values = value(indices);
        for (const auto v : values.data)
          if (v < -static_cast<double>(length) || v >= static_cast<double>(length))
            return "the graph is not defined at n = " + std::to_string(a_.tokens) + ": " + where + ", and one of them is " + std::to_string(static_cast<std::int64_t>(v));
      }
    }
    return "";
  }

 private:
  /// A value computed from constants alone, in float64 (integers exactly), whole.
  const Tensor<double>& value(const std::string& name) {
    if (const auto it = values_.find(name); it != values_.end()) return it->second;
    if (a_.graph.graph.find_parameter(name)) return tensor(name);
    const auto& nodes = a_.graph.graph.nodes;
    const auto producer = std::find_if(nodes.begin(), nodes.end(), [&](const Node& nd) { return std::find(nd.outputs.begin(), nd.outputs.end(), name) != nd.outputs.end(); });
    if (producer == nodes.end()) throw Error(ErrorKind::Internal, "value '" + name + "' has no producer");
    std::vector<const Tensor<double>*> inputs;
    for (const auto& in : producer->inputs) inputs.push_back(&value(in));
    std::int64_t size = 0;
    for (const auto& out : producer->outputs) size += element_count(a_.graph.types.at(out).shape);
    if (size > options_.max_numeric_values)
      throw Error(ErrorKind::Evaluation, "the positions '" + name + "' are " + std::to_string(size) + " values at n = " + std::to_string(a_.tokens) + ", too many to check");
    auto outputs = evaluate_node<double>(*producer, inputs, real_);
    for (std::size_t o = 0; o < outputs.size(); ++o) values_[producer->outputs[o]] = std::move(outputs[o]);
    return values_.at(name);
  }
};

template <class F>
void compare_outputs(const Analysis& a, const CheckOptions& options, const CutPlan& plan, PrefixOutputs& result) {
  CutRun<F> run(a, options, plan);
  const auto plain = run.outputs(nullptr);
  const auto sigma = transposition(a.tokens);
  const auto moved = run.outputs(&sigma);
  const std::string where = "the first " + std::to_string(plan.p) + " token positions at n = " + std::to_string(a.tokens);
  for (const auto& [out, candidates] : plan.candidates) {
    const auto& base = plain.at(out);
    const auto& shifted = moved.at(out);
    const double scale = numeric::max_abs_finite(base.data.data(), base.data.size());
    const double share = numeric::output_break_share<F>(options.numeric_tolerance_factor, a.tokens);
    const double threshold = share * std::max(scale, 1e-30);
    // The transposition (0 1) on the kept positions: every acted axis is cut to p positions.
    const double smallest = numeric::smallest_candidate_difference(shifted, base, candidates, [&](const Action& candidate) {
      std::int64_t offset = 0;
      for (const auto& axis : candidate.axes) offset = std::max(offset, axis.offset);
      return transposition(plan.p - offset);
    });
    if (smallest > threshold)
      result.outputs[out] = {true, "transposition: on " + where + ", the output differs from every candidate claim by at least " + short_number(smallest) +
                                       ", above the threshold " + short_number(threshold) + " (" + short_number(share) +
                                       " of its largest magnitude there " + short_number(scale) + ", far above rounding); " + numeric::draws_text(a, options.seed)};
    else
      result.outputs[out] = {false, "on " + where + ", the output is within " + short_number(smallest) + " of a candidate claim under the transposition, below the threshold " +
                                        short_number(threshold) + " (" + short_number(share) + " of its largest magnitude there)" +
                                        (std::is_same_v<F, float> && smallest > 0 ? "; float64 (--float64) rounds less and has a lower threshold" : "")};
  }
}

}  // namespace

std::optional<std::int64_t> numeric_prefix_values(const Analysis& a) {
  std::string why;
  const auto plan = plan_cut(a, why);
  return plan ? std::optional<std::int64_t>(plan->held) : std::nullopt;
}

PrefixOutputs numeric_prefix_outputs(const Analysis& a, const CheckOptions& options) {
  PrefixOutputs result;
  std::string why;
  const auto plan = plan_cut(a, why);
  if (!plan) {
    result.failure = why;
    return result;
  }
  if (plan->held > options.max_numeric_values) {
    result.failure = "even cut to the first " + std::to_string(plan->p) + " token positions the graph holds " + std::to_string(plan->held) +
                     " values, above the numeric engine's limit of " + std::to_string(options.max_numeric_values);
    return result;
  }
  set_kernel_threads(options.threads);
  try {
    if (auto why = IndexRanges(a, options).check(); !why.empty()) {
      result.failure = why;
      return result;
    }
    if (options.precision == Precision::Float64) compare_outputs<double>(a, options, *plan, result);
    else compare_outputs<float>(a, options, *plan, result);
  } catch (const Error& e) {
    result.outputs.clear();
    result.failure = std::string("the evaluation cut to the first positions failed: ") + e.what();
    return result;
  }
  result.scope = "the outputs' first " + std::to_string(plan->p) + " token positions at n = " + std::to_string(a.tokens) +
                 " under the transposition (0 1), in " + (options.precision == Precision::Float64 ? "float64" : "float32") +
                 ", every value cut to the positions its readers need (" + std::to_string(plan->held) + " values in all)";
  return result;
}

}  // namespace permeq
