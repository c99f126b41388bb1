// src/check/symmetries.cpp: enumerate weight-space permutation symmetries (see symmetries.hpp).
//
// Candidates come from the weights themselves: every axis of every trained weight, plainly and,
// where a reshape splits an axis of that length into [heads, head width], as head blocks (sigma
// moves whole heads) and as runs (the same sigma inside every head). The residual stream is the
// transform of the inputs' features. A candidate's transform is inferred (infer_feature_transform)
// and then checked like any intra-token property; axes a found symmetry already covers are not
// tried again. The per-head maps are in symmetries_heads.cpp, permuted models and equivalences in
// symmetries_equivalence.cpp.

#include "permeq/check/symmetries.hpp"
#include "permeq/ir/json_format.hpp"
#include "src/check/symmetries_support.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <numeric>
#include <random>
#include <set>
#include <tuple>

namespace permeq {

namespace {

using symmetry_detail::analysis_of;
using symmetry_detail::moved_bindings;
using symmetry_detail::Values;

using Key = std::tuple<std::string, int, std::int64_t, std::int64_t>;

Key key_of(const PermutedInput& p) { return {p.input, p.axis, p.block, p.repeat}; }

/// (axis length, heads, head width) for every reshape that splits an axis into two or merges two.
std::set<std::tuple<std::int64_t, std::int64_t, std::int64_t>> head_splits(const InstantiatedGraph& g) {
  std::set<std::tuple<std::int64_t, std::int64_t, std::int64_t>> splits;
  auto scan = [&](const Shape& whole, const Shape& parts) {
    for (std::size_t j = 0; j + 1 < parts.size(); ++j) {
      std::int64_t before_parts = 1;
      for (std::size_t i = 0; i < j; ++i) before_parts *= parts[i];
      std::int64_t before_whole = 1;
      for (std::size_t a = 0; a < whole.size(); ++a) {
        if (before_whole == before_parts && whole[a] == parts[j] * parts[j + 1] && parts[j] > 1 && parts[j + 1] > 1)
          splits.insert({whole[a], parts[j], parts[j + 1]});
        before_whole *= whole[a];
      }
    }
  };
  for (const auto& node : g.graph.nodes) {
    if (const auto* info = find_operator(node.op); !info || info->movement != DataMovement::Reshapes) continue;
    const auto& from = g.types.at(node.inputs[0]).shape;
    const auto& to = g.types.at(node.outputs[0]).shape;
    scan(from, to);
    scan(to, from);
  }
  return splits;
}

/// A candidate that acts on weights only should leave every output as it is.
std::optional<SymmetryWitness> evaluate_candidate(const Analysis& a, std::uint64_t seed, const std::string& generator, const Permutation& sigma) {
  const Values run = draw_run(a, seed);
  const Values after = evaluate(a.graph, moved_bindings(a, run, &sigma));
  for (const auto& out : a.graph.graph.outputs) {
    const auto& x = run.at(out);
    const auto& y = after.at(out);
    for (std::size_t i = 0; i < x.data.size(); ++i)
      if (x.data[i] != y.data[i]) return SymmetryWitness{generator, sigma, seed, out, unflatten(i, x.shape), x.data[i], y.data[i]};
  }
  return std::nullopt;
}

std::optional<SymmetryWitness> refute(const Graph& graph, const std::vector<PermutedInput>& permuted, std::int64_t n, const CheckOptions& options) {
  if (std::any_of(permuted.begin(), permuted.end(), [&](const PermutedInput& p) { return graph.find_input(p.input) != nullptr; })) return std::nullopt;
  try {
    const Analysis a = analysis_of(graph, permuted, options);
    for (int trial = 0; trial < std::max(options.trials, 1); ++trial)
      for (const auto& [name, sigma] : {std::pair<std::string, Permutation>{"transposition", transposition(n)}, {"n-cycle", n_cycle(n)}})
        if (auto w = evaluate_candidate(a, options.seed + static_cast<std::uint64_t>(trial), name, sigma)) return w;
  } catch (const Error&) {
    return std::nullopt;
  }
  return std::nullopt;
}

SymmetryKind kind_of(const PermutedInput& seed, bool residual) {
  if (residual) return SymmetryKind::ResidualStream;
  if (seed.block != 1) return SymmetryKind::AttentionHeads;
  if (seed.repeat != 1) return SymmetryKind::WithinHeads;
  return SymmetryKind::HiddenUnits;
}

}  // namespace

std::string_view to_string(SymmetryKind kind) {
  switch (kind) {
    case SymmetryKind::ResidualStream: return "residual stream";
    case SymmetryKind::HiddenUnits: return "hidden units";
    case SymmetryKind::AttentionHeads: return "attention heads";
    case SymmetryKind::WithinHeads: return "within heads";
    case SymmetryKind::MixingHeads: return "mixing heads";
  }
  return "?";
}

namespace symmetry_detail {
Analysis analysis_of(const Graph& graph, const std::vector<PermutedInput>& permuted, const CheckOptions& options) {
  CheckOptions o = options;
  o.permute = permuted;
  return analyse(graph, resolve_action_spec(graph, o));
}

Values moved_bindings(const Analysis& a, const Values& run, const Permutation* sigma) {
  Values bindings;
  auto take = [&](const std::string& name) {
    const auto& action = a.states.at(name).action;
    bindings[name] = sigma && !action.invariant() ? apply_action(run.at(name), action, *sigma) : run.at(name);
  };
  for (const auto& in : a.graph.graph.inputs) take(in.name);
  for (const auto& p : a.graph.graph.parameters) take(p.info.name);
  return bindings;
}

}  // namespace symmetry_detail

int SymmetryReport::exit_code() const {
  const bool proved = std::all_of(symmetries.begin(), symmetries.end(), [](const WeightSymmetry& s) { return s.proved; });
  const bool maps_proved = std::all_of(general_linear.begin(), general_linear.end(), [](const GeneralLinearCheck& g) { return g.holds && g.proved; }) &&
                           std::all_of(per_head.begin(), per_head.end(), [](const PerHeadCheck& p) { return p.holds && p.proved; });
  return proved && maps_proved ? exit_code::holds : exit_code::inconclusive;
}

SymmetryReport find_symmetries(const Graph& graph, const CheckOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  SymmetryReport report;
  report.graph = graph.name;
  DimBindings bindings(graph.dims.begin(), graph.dims.end());
  for (const auto& [k, v] : options.dims) bindings[k] = v;
  InstantiatedGraph g;
  try {
    g = instantiate(graph, bindings);
  } catch (const Error&) {
    g = instantiate(graph, resolve_action_spec(graph, options).bindings);  // the token length the checker would use
  }
  std::set<Key> covered;
  // Axes of symmetries found so far, by how they were permuted: an axis the residual stream or a
  // hidden-unit symmetry permutes has no head structure to try, and an axis that moves in head
  // blocks is still tried plainly once, to show that mixing heads fails.
  std::set<std::pair<std::string, int>> plain_axes, block_axes;

  auto consider = [&](const std::vector<PermutedInput>& seeds, bool residual) {
    if (seeds.empty() || std::all_of(seeds.begin(), seeds.end(), [&](const PermutedInput& p) { return covered.count(key_of(p)) > 0; })) return;
    // Structured seeds only where no plain symmetry already moves the axis.
    if (std::any_of(seeds.begin(), seeds.end(), [&](const PermutedInput& p) { return (p.block != 1 || p.repeat != 1) && plain_axes.count({p.input, p.axis}); })) return;
    if (options.progress) options.progress("symmetry candidate " + to_string(seeds.front()));
    WeightSymmetry s;
    s.kind = kind_of(seeds.front(), residual);
    FeatureTransform transform;
    try {
      transform = infer_feature_transform(graph, seeds, options);
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Usage) throw;
      return;  // e.g. an axis of length 1
    }
    s.size = transform.features;
    s.permuted = transform.permuted;
    for (const auto& p : transform.permuted) covered.insert(key_of(p));
    if (!transform.failures.empty()) {
      s.note = "no transform of the weights makes node '" + transform.failures.front() + "' equivariant";
      const auto within = std::find_if(report.symmetries.begin(), report.symmetries.end(), [&](const WeightSymmetry& w) {
        return w.kind == SymmetryKind::WithinHeads && std::any_of(w.permuted.begin(), w.permuted.end(), [&](const PermutedInput& p) {
                 return p.input == seeds.front().input && p.axis == seeds.front().axis;
               });
      });
      if (within != report.symmetries.end()) {
        // The within-head transform, but with sigma over all the heads' coordinates at once: the
        // transposition stays inside head 0 and holds; the n-cycle carries a coordinate into the
        // next head, which the witness shows.
        s.kind = SymmetryKind::MixingHeads;
        s.permuted.clear();
        for (auto p : within->permuted) {
          p.block = p.repeat = 1;
          s.permuted.push_back(p);
        }
        s.note = "a permutation of all " + std::to_string(s.size) + " coordinates (here on " + std::to_string(s.permuted.size()) +
                 " axes) moves coordinates between heads; no transform repairs the head split ('" + transform.failures.front() + "')";
        const bool seen = std::any_of(report.rejected.begin(), report.rejected.end(), [&](const WeightSymmetry& r) { return r.permuted == s.permuted; });
        if (seen) return;
      }
      s.witness = refute(graph, s.permuted, s.size, options);
      s.verdict = s.witness ? Verdict::Breaks : Verdict::Unknown;
      report.rejected.push_back(std::move(s));
      return;
    }
    // The transform is known: check it directly rather than inferring it again.
    CheckOptions with_transform = options;
    with_transform.permute = transform.permuted;
    with_transform.minimize_witness = false;
    const CheckReport checked = check_forward(graph, with_transform);
    bool holds = true, proved = true;
    for (const auto& o : checked.outputs) {
      holds = holds && (o.verdict == Verdict::Equivariant || o.verdict == Verdict::Invariant);
      proved = proved && o.proved;
      if (s.proof_scope.empty() || o.proof_scope.find("bounded") != std::string::npos || o.proof_scope.find("at n =") != std::string::npos)
        s.proof_scope = o.proof_scope;
    }
    if (holds)
      for (const auto& p : transform.permuted) (p.block == 1 && p.repeat == 1 ? plain_axes : block_axes).insert({p.input, p.axis});
    const bool invariant = std::all_of(checked.outputs.begin(), checked.outputs.end(), [](const OutputReport& o) { return o.verdict == Verdict::Invariant; });
    s.verdict = !holds ? (checked.exit_code() == exit_code::breaks ? Verdict::Breaks : Verdict::Unknown) : invariant ? Verdict::Invariant : Verdict::Equivariant;
    s.proved = holds && proved;
    if (!holds) {
      s.note = checked.culprits.empty() ? "some output is unknown" : "culprit " + checked.culprits.front();
      report.rejected.push_back(std::move(s));
    } else {
      report.symmetries.push_back(std::move(s));
    }
  };

  consider(feature_seeds(graph), true);
  const auto splits = head_splits(g);
  for (const auto& p : graph.parameters) {
    if (p.kind != ParameterKind::Weight || p.info.dtype != DType::Float) continue;
    const auto& shape = g.types.at(p.info.name).shape;
    for (std::size_t axis = 0; axis < shape.size(); ++axis) {
      if (shape[axis] < 2) continue;
      const int a = static_cast<int>(axis);
      if (plain_axes.count({p.info.name, a})) continue;
      // Plainly first: a hidden layer's units need no head structure.
      if (!block_axes.count({p.info.name, a})) consider({{p.info.name, a}}, false);
      if (plain_axes.count({p.info.name, a})) continue;
      for (const auto& [length, heads, width] : splits) {
        // An axis of whole multiples of the split axis: packed projections (Q, K and V side by side).
        if (shape[axis] % length != 0) continue;
        const auto packs = shape[axis] / length;
        consider({{p.info.name, a, width, packs}}, false);  // whole heads
        consider({{p.info.name, a, 1, heads * packs}}, false);  // the same permutation inside every head
      }
      if (block_axes.count({p.info.name, a})) {
        // Once per head structure, now that the heads are known: a plain permutation of this
        // axis mixes heads.
        const bool tried = std::any_of(report.rejected.begin(), report.rejected.end(), [&](const WeightSymmetry& r) {
          return r.kind == SymmetryKind::MixingHeads && std::any_of(r.permuted.begin(), r.permuted.end(), [&](const PermutedInput& q) { return q.input == p.info.name && q.axis == a; });
        });
        if (!tried) {
          covered.erase(key_of({p.info.name, a}));
          std::erase_if(report.rejected, [&](const WeightSymmetry& r) { return r.kind == SymmetryKind::HiddenUnits && !r.permuted.empty() && r.permuted.front().input == p.info.name && r.permuted.front().axis == a; });
          consider({{p.info.name, a}}, false);
        }
      }
    }
  }
  // The GL maps and the independent per-head permutations act per head on one head layout; packed
  // projections (Q, K and V in one axis) mix layouts and are not attempted.
  for (const auto& s : report.symmetries)
    if (s.kind == SymmetryKind::WithinHeads && std::all_of(s.permuted.begin(), s.permuted.end(), [&](const PermutedInput& p) {
          return p.block == 1 && p.repeat == s.permuted.front().repeat;
        }))
    {
      report.per_head.push_back(symmetry_detail::check_per_head(graph, s, options));
      report.general_linear.push_back(symmetry_detail::check_general_linear(graph, s, options));
      // GL(d_h) of a head is generated by its transvection and scaling together with its permutations.
      report.general_linear.back().proved = report.general_linear.back().proved && report.per_head.back().proved;
    }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}
bool replay_symmetry_witness(const Graph& graph, const WeightSymmetry& candidate, const CheckOptions& options) {
  if (!candidate.witness) return false;
  const auto& w = *candidate.witness;
  const Analysis a = analysis_of(graph, candidate.permuted, options);
  const auto again = evaluate_candidate(a, w.seed, w.generator, w.sigma);
  return again && again->output == w.output && again->index == w.index && again->before == w.before && again->after == w.after;
}

}  // namespace permeq
