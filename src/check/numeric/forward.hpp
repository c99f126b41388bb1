// src/check/numeric/forward.hpp: the numeric engine's streamed forward pass through a graph in
// float32 or float64, on the graph's own weights (stored float32 data read in place, else random
// draws of variance 1 from the seed): the engine's kernels where they apply, each operator's
// generic definition otherwise; on a GPU (use_device), the device backend's kernels first, for the
// nodes it supports (src/gpu/node_dispatch.hpp). Only live values are held. Shared by the numeric check
// (numeric_engine.cpp) and the equivariance measurement (measure.cpp).
#pragma once

#include "permeq/core/error.hpp"
#include "permeq/eval/evaluator.hpp"
#include "permeq/ops/operator.hpp"
#include "src/check/analysis.hpp"
#include "src/core/thread_team.hpp"
#include "src/gpu/node_dispatch.hpp"
#include "src/ops/float_kernels.hpp"
#include "src/ops/kernels.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <exception>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace permeq::numeric {

template <class F>
class GraphEvaluation {
 public:
  GraphEvaluation(const Analysis& a, const CheckOptions& options) : a_(a), options_(options) {
#ifdef _OPENMP
    threads_ = options.threads > 0 ? options.threads : std::max(omp_get_max_threads(), 1);
#endif
  }

  /// Runs the kernels the device supports on `device` (float32 only; null: the CPU throughout).
  /// The session outlives this evaluation.
  void use_device(gpu::DeviceSession* device) {
    if constexpr (std::is_same_v<F, float>) device_ = device;
  }

  /// Values of graph inputs (random, variance 1; integers below the gathered axis) and of
  /// parameters (stored data, else random), created when first needed.
  Tensor<F> draw(const std::string& name, const TensorType& type) const { return draw_seeded(name, type, options_.seed); }

  /// The same from another seed (a measurement's further inputs; the weights keep options.seed).
  Tensor<F> draw_seeded(const std::string& name, const TensorType& type, std::uint64_t base_seed) const {
    // Each value from its own seed: a second pass over the graph draws the same values.
    std::uint64_t seed = base_seed ^ 0x9e3779b97f4a7c15ULL;
    for (const unsigned char c : name) seed = (seed ^ c) * 1099511628211ULL;
    Tensor<F> t(type.dtype, type.shape, spare_buffer(static_cast<std::size_t>(element_count(type.shape))));
    if (type.dtype == DType::Float) {
      // Uniform in [-sqrt 3, sqrt 3): mean 0 and variance 1 like a normal draw, at a fraction of
      // the cost (random BERT-base weights are 85 million draws).
      constexpr double half_width = 1.7320508075688772;
      constexpr std::size_t block = std::size_t{1} << 20;
      F* data = t.data.data();
      const std::size_t size = t.data.size();
      if (size <= block) {
        std::mt19937_64 rng(seed);
        std::uniform_real_distribution<double> uniform(-half_width, half_width);
        for (std::size_t i = 0; i < size; ++i) data[i] = static_cast<F>(uniform(rng));
      } else {
        // Large weights (a 70B-shaped layer is billions of draws, each drawn again by every pass):
        // SplitMix64 over blocks of values, each from the seed and its block, drawn side by side;
        // the values do not depend on the number of threads.
        const auto blocks = static_cast<std::int64_t>((size + block - 1) / block);
        parallel_for(blocks, threads_, [&](std::int64_t b) {
          std::uint64_t state = seed ^ (0xd1b54a32d192ed03ULL * static_cast<std::uint64_t>(b + 1));
          const auto begin = static_cast<std::size_t>(b) * block, end = std::min(size, begin + block);
          for (auto i = begin; i < end; ++i) {
            std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            z ^= z >> 31;
            // The top 24 bits as a float in [0, 1), then scaled: exact in float32.
            const float unit = static_cast<float>(z >> 40) * (1.0f / 16777216.0f);
            data[i] = static_cast<F>((2.0f * unit - 1.0f) * static_cast<float>(half_width));
          }
        });
      }
    } else {
      std::mt19937_64 rng(seed);
      const auto bound = type.dtype == DType::Int64 ? index_bound(a_.graph, name) : 2;
      std::uniform_int_distribution<std::int64_t> pick(0, std::max<std::int64_t>(bound, 1) - 1);
      for (auto& v : t.data) v = static_cast<F>(pick(rng));
    }
    return t;
  }

  /// One forward pass from the graph inputs `inputs` (every graph input by name), streamed: each
  /// node's outputs are shown to `visit(node, outputs)` before they are stored, and released once
  /// their last reader ran. Returns the graph's outputs.
  template <class Visit>
  std::map<std::string, Tensor<F>, std::less<>> pass(std::map<std::string, Tensor<F>, std::less<>> inputs, Visit&& visit) {
    const auto& g = a_.graph;
    values_.clear();
    views_.clear();
    magnitudes_.clear();
    uses_.clear();
    for (const auto index : g.order)
      for (const auto& in : g.graph.nodes[index].inputs) ++uses_[in];
    for (const auto& out : g.graph.outputs) ++uses_[out];
    for (auto& [name, value] : inputs) values_[name] = std::move(value);
    for (const auto index : g.order) {
      const auto& node = g.graph.nodes[index];
      std::vector<Operand<F>> ops;
      bool fast = true;
      auto outputs = forward_from_values(node, ops, fast);
      ops.clear();
      visit(node, static_cast<const std::vector<Tensor<F>>&>(outputs));
      for (std::size_t k = 0; k < outputs.size(); ++k) values_[node.outputs[k]] = std::move(outputs[k]);
      for (const auto& in : node.inputs) release(in);
    }
    std::map<std::string, Tensor<F>, std::less<>> outputs;
    for (const auto& out : g.graph.outputs) outputs[out] = tensor(out);
    return outputs;
  }

 protected:
  /// A value as the kernels read it. Stored float32 parameters are read in place in float32.
  Operand<F> operand(const std::string& name) {
    if (const auto it = values_.find(name); it != values_.end()) return numeric::operand_of(it->second);
    if (const auto it = views_.find(name); it != views_.end()) return it->second;
    if constexpr (std::is_same_v<F, float>) {
      if (const auto* p = a_.graph.graph.find_parameter(name); p && p->data) {
        const auto& type = a_.graph.types.at(name);
        const auto f32 = p->data->float32_values();
        if (!f32.empty() && f32.size() == static_cast<std::size_t>(element_count(type.shape)))
          return views_[name] = Operand<F>{f32.data(), f32.size(), type.shape, type.dtype};
      }
    }
    return numeric::operand_of(tensor(name));
  }

  /// A value as a tensor (the generic evaluator's input): copied from stored data if needed.
  const Tensor<F>& tensor(const std::string& name) {
    if (const auto it = values_.find(name); it != values_.end()) return it->second;
    const auto* p = a_.graph.graph.find_parameter(name);
    if (!p) throw Error(ErrorKind::Internal, "numeric engine: value '" + name + "' is missing");
    const auto& type = a_.graph.types.at(name);
    if (!p->data) return values_[name] = draw(name, type);
    Tensor<F> t(type.dtype, type.shape);
    const auto& stored = *p->data;
    if (const auto f32 = stored.float32_values(); !f32.empty() && std::is_same_v<F, float>) std::copy(f32.begin(), f32.end(), t.data.begin());
    else
      for (std::size_t i = 0; i < t.data.size(); ++i) t.data[i] = static_cast<F>(stored[i]);
    return values_[name] = std::move(t);
  }

  /// A buffer of `size` values, reusing one a released value left (drawn weights of the same
  /// shape recur layer after layer: no fresh pages to fault in and zero each time).
  std::vector<F> spare_buffer(std::size_t size) const {
    for (auto it = spare_.begin(); it != spare_.end(); ++it)
      if (it->size() == size) {
        auto buffer = std::move(*it);
        spare_.erase(it);
        return buffer;
      }
    return std::vector<F>(size);
  }

  void release(const std::string& name) {
    if (--uses_[name] <= 0) {
      // Large buffers are kept for reuse, a few at a time (about one layer's weights).
      constexpr std::size_t large = std::size_t{1} << 20, kept = 2;
      if (const auto it = values_.find(name); it != values_.end() && it->second.data.size() >= large) {
        if (spare_.size() == kept) spare_.erase(spare_.begin());
        spare_.push_back(std::move(it->second.data));
      }
      values_.erase(name);
      views_.erase(name);
      if (device_ && a_.graph.graph.find_parameter(name)) device_->forget(name);
      magnitudes_.erase(name);
      // A streamed parameter (a mapped weights file) gives back its pages and widened copy: the
      // check holds about one layer's weights, never the whole model.
      if (const auto* p = a_.graph.graph.find_parameter(name); p && p->data) p->data->release();
    }
  }

  /// Largest finite magnitude of a value, computed once per value.
  double magnitude(const std::string& name, const F* data, std::size_t size) {
    if (const auto it = magnitudes_.find(name); it != magnitudes_.end()) return it->second;
    return magnitudes_[name] = numeric::max_abs_finite(data, size);
  }

  // -------------------------------------------------------------------------------------------
  // Evaluation: the engine's kernels where they apply, the operator's definition otherwise.

  /// The node's inputs read from the live values into `ops`, and its outputs (as forward).
  std::vector<Tensor<F>> forward_from_values(const Node& node, std::vector<Operand<F>>& ops, bool& fast) {
    for (const auto& in : node.inputs) ops.push_back(operand(in));
    return forward(node, ops, fast);
  }

  /// The node's outputs; `fast` tells whether the engine's own kernels computed them.
  std::vector<Tensor<F>> forward(const Node& node, const std::vector<Operand<F>>& ops, bool& fast) {
    if (auto out = fast_eval(node, ops)) {
      fast = true;
      return std::move(*out);
    }
    fast = false;
    std::vector<const Tensor<F>*> inputs;
    for (const auto& in : node.inputs) inputs.push_back(&tensor(in));
    return evaluate_node<F>(node, inputs, real_);
  }

  /// The operator's float kernel (its `fast` hook, src/ops/float_path.hpp); nullopt when it has
  /// none or these operands are not its case. `output_types`: the outputs' types when they are
  /// not the graph's (a cut evaluation), else empty.
  std::optional<std::vector<Tensor<F>>> fast_eval(const Node& node, const std::vector<Operand<F>>& ops,
                                                  std::span<const TensorType> output_types = {}) const {
    const bool missing = std::any_of(ops.begin(), ops.end(), [](const Operand<F>& o) { return !o.data && o.size > 0; });
    if constexpr (std::is_same_v<F, float>)
      if (device_) {
        // The session counts the node where it runs (a CPU evaluation when the device declines).
        if (missing) {
          device_->note_host(node.op);
        } else {
          // Weights (parameters) may stay on the device under their name until released.
          std::vector<std::string> weight_keys;
          for (const auto& in : node.inputs) weight_keys.push_back(a_.graph.graph.find_parameter(in) ? in : std::string());
          if (auto out = device_->run(node, ops, weight_keys); out && out->size() == node.outputs.size()) return out;
        }
      }
    if (missing) return std::nullopt;
    const auto kernel = ops::numeric_hooks(node.op).template fast<F>();
    if (!kernel) return std::nullopt;
    std::vector<TensorType> graph_types;
    if (output_types.empty())
      for (const auto& out : node.outputs) graph_types.push_back(a_.graph.types.at(out));
    const ops::FastContext context{output_types.empty() ? std::span<const TensorType>(graph_types) : output_types, threads_, real_};
    auto out = kernel(node, ops, context);
    if (!out || out->size() != node.outputs.size()) return std::nullopt;
    return out;
  }

  /// Runs `body(0)` and `body(1)`, one per generator: side by side on two threads (the kernels
  /// inside then on one thread each), or one after the other outside any parallel region, so
  /// that the kernels inside may use the threads.
  template <class Body>
  static void for_both(bool side_by_side, Body&& body) {
    if (!side_by_side) {
      for (std::size_t k = 0; k < 2; ++k) body(k);
      return;
    }
    parallel_for(2, 2, [&](std::int64_t k) { body(static_cast<std::size_t>(k)); });
  }

  /// A node evaluated by an operator's generic definition while a device runs: counted there.
  void note_host_evaluation(const Node& node) const {
    if (device_) device_->note_host(node.op);
  }

  const Analysis& a_;
  const CheckOptions& options_;
  gpu::DeviceSession* device_ = nullptr;  ///< float32 on a GPU; null on the CPU
  EvalOptions real_{FunctionSemantics::Real};
  std::unordered_map<std::string, Tensor<F>> values_;
  std::unordered_map<std::string, Operand<F>> views_;  ///< stored float32 parameters, read in place
  std::unordered_map<std::string, double> magnitudes_;
  std::unordered_map<std::string, int> uses_;
  mutable std::vector<std::vector<F>> spare_;  ///< released large buffers, oldest first
  int threads_ = 1;
};

}  // namespace permeq::numeric
