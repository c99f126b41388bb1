// src/check/symmetries.cpp: enumerate weight-space permutation symmetries (see symmetries.hpp).
//
// Candidates come from the weights themselves: every axis of every trained weight, plainly and,
// where a reshape splits an axis of that length into [heads, head width], as head blocks (sigma
// moves whole heads) and as runs (the same sigma inside every head). The residual stream is the
// transform of the inputs' features. A candidate's transform is inferred (infer_feature_transform)
// and then checked like any intra-token property; axes a found symmetry already covers are not
// tried again.

#include "permeq/check/symmetries.hpp"
#include "permeq/ir/json_format.hpp"
#include "src/check/analysis.hpp"

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

using Values = ValueMap<Rational>;

/// The analysis of `permuted` (weights acted), for draws and actions.
Analysis analysis_of(const Graph& graph, const std::vector<PermutedInput>& permuted, const CheckOptions& options) {
  CheckOptions o = options;
  o.permute = permuted;
  return analyse(graph, resolve_action_spec(graph, o));
}

/// The draw's graph inputs and weights, with `sigma` applied on their acted axes.
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

/// M and its inverse over the rationals; nullopt when M is singular.
std::optional<std::pair<std::vector<Rational>, std::vector<Rational>>> with_inverse(std::vector<Rational> m, std::int64_t k) {
  std::vector<Rational> inv(static_cast<std::size_t>(k * k), Rational(0));
  for (std::int64_t i = 0; i < k; ++i) inv[static_cast<std::size_t>(i * k + i)] = 1;
  const auto original = m;
  auto at = [k](std::vector<Rational>& x, std::int64_t r, std::int64_t c) -> Rational& { return x[static_cast<std::size_t>(r * k + c)]; };
  for (std::int64_t c = 0; c < k; ++c) {
    std::int64_t pivot = c;
    while (pivot < k && at(m, pivot, c) == 0) ++pivot;
    if (pivot == k) return std::nullopt;
    for (std::int64_t j = 0; j < k; ++j) {
      std::swap(at(m, c, j), at(m, pivot, j));
      std::swap(at(inv, c, j), at(inv, pivot, j));
    }
    const Rational d = at(m, c, c);
    for (std::int64_t j = 0; j < k; ++j) {
      at(m, c, j) /= d;
      at(inv, c, j) /= d;
    }
    for (std::int64_t r = 0; r < k; ++r) {
      if (r == c || at(m, r, c) == 0) continue;
      const Rational f = at(m, r, c);
      for (std::int64_t j = 0; j < k; ++j) {
        at(m, r, j) -= f * at(m, c, j);
        at(inv, r, j) -= f * at(inv, c, j);
      }
    }
  }
  return std::pair{original, inv};
}

/// x'[.., base + p, ..] = sum_q C[p][q] x[.., base + q, ..] for each head block along `axis`.
Tensor<Rational> mix_blocks(const Tensor<Rational>& x, int axis, std::int64_t width, const std::vector<std::vector<Rational>>& per_head) {
  Tensor<Rational> out = x;
  const auto split = split_at_axis(x.shape, static_cast<std::size_t>(axis));
  for (std::int64_t o = 0; o < split.outer; ++o)
    for (std::size_t h = 0; h < per_head.size(); ++h)
      for (std::int64_t p = 0; p < width; ++p)
        for (std::int64_t r = 0; r < split.inner; ++r) {
          Rational sum = 0;
          for (std::int64_t q = 0; q < width; ++q)
            sum += per_head[h][static_cast<std::size_t>(p * width + q)] *
                   x.data[static_cast<std::size_t>((o * split.length + static_cast<std::int64_t>(h) * width + q) * split.inner + r)];
          out.data[static_cast<std::size_t>((o * split.length + static_cast<std::int64_t>(h) * width + p) * split.inner + r)] = sum;
        }
  return out;
}

/// Tran et al.'s GL(d_h)-per-head maps on a within-head symmetry (see GeneralLinearCheck).
GeneralLinearCheck check_general_linear(const Graph& graph, const WeightSymmetry& within, const CheckOptions& options) {
  GeneralLinearCheck result;
  result.members = within.permuted;
  result.width = within.size;
  result.heads = within.permuted.front().repeat;
  // The first node that reads each member decides its side: a weight's rows (axis 0 of a
  // matrix) take M^-1 from the left; columns and biases take M, or M^-T when an earlier
  // reader's columns already took M (query and key multiply each other).
  std::vector<std::string> readers;
  std::vector<int> group(within.permuted.size());
  for (std::size_t i = 0; i < within.permuted.size(); ++i) {
    const auto& p = within.permuted[i];
    const auto* param = graph.find_parameter(p.input);
    const bool rows = param && param->info.shape.size() == 2 && p.axis == 0;
    std::string reader;
    for (const auto& node : graph.nodes)
      if (std::find(node.inputs.begin(), node.inputs.end(), p.input) != node.inputs.end()) {
        reader = node.name;
        break;
      }
    if (rows) {
      group[i] = -1;
      continue;
    }
    auto it = std::find(readers.begin(), readers.end(), reader);
    if (it == readers.end()) it = readers.insert(readers.end(), reader);
    group[i] = it == readers.begin() ? 0 : 1;
  }
  const bool paired_columns = std::find(group.begin(), group.end(), 1) != group.end();
  result.rule = paired_columns ? "columns read by '" + readers.front() + "' times M_h, the other columns times M_h^-T (per head h)"
                               : "columns times N_h, rows N_h^-1 from the left (per head h)";
  std::mt19937_64 rng(options.seed);
  std::uniform_int_distribution<int> entry(-16, 16);
  Analysis a = analysis_of(graph, within.permuted, options);
  result.holds = true;
  for (int trial = 0; trial < std::max(options.trials, 1) && result.holds; ++trial) {
    std::vector<std::vector<Rational>> m_t, m_inv;  // per head: C = M^T and C = M^-1
    for (std::int64_t h = 0; h < result.heads; ++h) {
      for (;;) {
        std::vector<Rational> m(static_cast<std::size_t>(result.width * result.width));
        for (auto& v : m) v = Rational(entry(rng), 4);
        if (auto inv = with_inverse(m, result.width)) {
          std::vector<Rational> t(m.size());
          for (std::int64_t r = 0; r < result.width; ++r)
            for (std::int64_t c = 0; c < result.width; ++c) t[static_cast<std::size_t>(r * result.width + c)] = m[static_cast<std::size_t>(c * result.width + r)];
          m_t.push_back(std::move(t));
          m_inv.push_back(std::move(inv->second));
          break;
        }
      }
    }
    const Values run = draw_run(a, options.seed + 1000 + static_cast<std::uint64_t>(trial));
    Values bindings = moved_bindings(a, run, nullptr);
    for (std::size_t i = 0; i < within.permuted.size(); ++i) {
      const auto& p = within.permuted[i];
      bindings[p.input] = mix_blocks(bindings.at(p.input), p.axis, result.width, group[i] == 0 ? m_t : m_inv);
    }
    const Values after = evaluate(a.graph, bindings);
    for (const auto& out : a.graph.graph.outputs) result.holds = result.holds && after.at(out).data == run.at(out).data;
    ++result.draws;
  }
  return result;
}

/// Tran et al.'s independent within-head permutations (see PerHeadCheck): each head's generators
/// alone, then a different random permutation in every head at once, outputs compared exactly.
PerHeadCheck check_per_head(const Graph& graph, const WeightSymmetry& within, const CheckOptions& options) {
  PerHeadCheck result;
  result.members = within.permuted;
  result.width = within.size;
  result.heads = within.permuted.front().repeat;
  const Analysis a = analysis_of(graph, within.permuted, options);
  // sigma_h on head h's coordinates of every member's axis, the identity elsewhere.
  auto outputs_unchanged = [&](const std::vector<Permutation>& per_head, std::uint64_t seed) {
    const Values run = draw_run(a, seed);
    Values bindings = moved_bindings(a, run, nullptr);
    for (const auto& p : within.permuted) {
      const auto& x = bindings.at(p.input);
      const auto length = x.shape[static_cast<std::size_t>(p.axis)];
      Permutation source(static_cast<std::size_t>(length));
      std::iota(source.begin(), source.end(), 0);
      for (std::int64_t h = 0; h < result.heads; ++h)
        for (std::int64_t i = 0; i < result.width; ++i)
          source[static_cast<std::size_t>(h * result.width + i)] = h * result.width + per_head[static_cast<std::size_t>(h)][static_cast<std::size_t>(i)];
      Action action;
      action.add(p.axis, AxisAction{p.axis, 0, 1, 1});
      bindings[p.input] = apply_action(x, action, source);
    }
    const Values after = evaluate(a.graph, bindings);
    ++result.draws;
    return std::all_of(a.graph.graph.outputs.begin(), a.graph.graph.outputs.end(), [&](const std::string& out) { return after.at(out).data == run.at(out).data; });
  };
  Permutation identity(static_cast<std::size_t>(result.width));
  std::iota(identity.begin(), identity.end(), 0);
  result.holds = true;
  std::uint64_t seed = options.seed + 2000;
  for (std::int64_t h = 0; h < result.heads; ++h)
    for (const auto& [name, sigma] : {std::pair{std::string("transposition"), transposition(result.width)}, {std::string("cycle"), n_cycle(result.width)}}) {
      std::vector<Permutation> per_head(static_cast<std::size_t>(result.heads), identity);
      per_head[static_cast<std::size_t>(h)] = sigma;
      const bool holds = outputs_unchanged(per_head, seed++);
      result.generators.push_back({h, name, sigma, holds});
      result.holds = result.holds && holds;
    }
  std::mt19937_64 rng(options.seed ^ 0x2545f4914f6cdd1dULL);
  for (int trial = 0; trial < std::max(options.trials, 1); ++trial) {
    std::vector<Permutation> per_head(static_cast<std::size_t>(result.heads), identity);
    for (auto& sigma : per_head) std::shuffle(sigma.begin(), sigma.end(), rng);
    result.holds = outputs_unchanged(per_head, seed++) && result.holds;
  }
  return result;
}

/// The proved families that leave the graph's inputs and outputs alone (not the residual stream,
/// whose permutation changes the interface): the group permute_weights draws from.
std::vector<WeightSymmetry> interface_preserving(const SymmetryReport& found) {
  std::vector<WeightSymmetry> families;
  for (const auto& s : found.symmetries)
    if (s.kind != "residual stream" && s.proved) families.push_back(s);
  return families;
}

/// A stored weight's concrete shape; nullopt for symbolic sizes (not a stored weight).
std::optional<Shape> stored_shape(const Parameter& p) {
  if (!p.data) return std::nullopt;
  Shape shape;
  for (const auto& d : p.info.shape)
    if (const auto* size = std::get_if<std::int64_t>(&d)) shape.push_back(*size);
  if (shape.size() != p.info.shape.size()) return std::nullopt;
  return shape;
}

/// Moves the stored weights of `graph` by sigma on every axis of the family.
void apply_family(Graph& graph, const WeightSymmetry& family, const Permutation& sigma) {
  for (const auto& p : family.permuted) {
    auto param = std::find_if(graph.parameters.begin(), graph.parameters.end(), [&](const Parameter& q) { return q.info.name == p.input; });
    if (param == graph.parameters.end()) continue;
    const auto shape = stored_shape(*param);
    if (!shape) continue;
    Tensor<double> values(DType::Float, *shape, param->data->to_doubles());
    Action action;
    action.add(p.axis, AxisAction{p.axis, 0, p.block, p.repeat});
    param->data = StoredValues(apply_action(values, action, sigma).data);
  }
}

/// Per position of the family, the values it holds in every member weight, sorted member by
/// member: the other families only move values inside a position's slice (within heads inside a
/// head, heads across the runs of a coordinate) or act on other axes, so a position is recognised
/// whatever they did.
std::vector<std::vector<double>> position_signatures(const Graph& graph, const WeightSymmetry& family) {
  std::vector<std::vector<double>> signatures(static_cast<std::size_t>(family.size));
  for (const auto& p : family.permuted) {
    const auto* param = graph.find_parameter(p.input);
    if (!param) continue;
    const auto shape = stored_shape(*param);
    if (!shape) continue;
    const auto values = param->data->to_doubles();
    const auto split = split_at_axis(*shape, static_cast<std::size_t>(p.axis));
    for (std::int64_t i = 0; i < family.size; ++i) {
      std::vector<double> slice;
      for (std::int64_t o = 0; o < split.outer; ++o)
        for (std::int64_t run = 0; run < p.repeat; ++run)
          for (std::int64_t b = 0; b < p.block; ++b) {
            const auto at = run * family.size * p.block + i * p.block + b;
            for (std::int64_t r = 0; r < split.inner; ++r) slice.push_back(values[static_cast<std::size_t>((o * split.length + at) * split.inner + r)]);
          }
      std::sort(slice.begin(), slice.end());
      auto& signature = signatures[static_cast<std::size_t>(i)];
      signature.insert(signature.end(), slice.begin(), slice.end());
    }
  }
  return signatures;
}

/// The assignment of rows to columns of least total cost (Hungarian method, O(n^3)):
/// result[row] = column.
std::vector<std::size_t> least_cost_assignment(const std::vector<std::vector<double>>& cost) {
  const std::size_t n = cost.size();
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1, 0), v(n + 1, 0);
  std::vector<std::size_t> column_row(n + 1, 0), way(n + 1, 0);
  for (std::size_t row = 1; row <= n; ++row) {
    column_row[0] = row;
    std::size_t column = 0;
    std::vector<double> least(n + 1, inf);
    std::vector<bool> used(n + 1, false);
    do {
      used[column] = true;
      const std::size_t r = column_row[column];
      double delta = inf;
      std::size_t next = 0;
      for (std::size_t c = 1; c <= n; ++c) {
        if (used[c]) continue;
        const double reduced = cost[r - 1][c - 1] - u[r] - v[c];
        if (reduced < least[c]) {
          least[c] = reduced;
          way[c] = column;
        }
        if (least[c] < delta) {
          delta = least[c];
          next = c;
        }
      }
      for (std::size_t c = 0; c <= n; ++c) {
        if (used[c]) {
          u[column_row[c]] += delta;
          v[c] -= delta;
        } else {
          least[c] -= delta;
        }
      }
      column = next;
    } while (column_row[column] != 0);
    do {
      const std::size_t previous = way[column];
      column_row[column] = column_row[previous];
      column = previous;
    } while (column != 0);
  }
  std::vector<std::size_t> assignment(n);
  for (std::size_t c = 1; c <= n; ++c) assignment[column_row[c] - 1] = c - 1;
  return assignment;
}

/// sigma with candidate position i = original position sigma[i] (apply_action's convention):
/// equal signatures first; otherwise the assignment of least squared distance between them.
Permutation recover_permutation(const std::vector<std::vector<double>>& original, const std::vector<std::vector<double>>& candidate) {
  const auto n = original.size();
  std::map<std::vector<double>, std::vector<std::size_t>> by_signature;
  for (std::size_t j = n; j-- > 0;) by_signature[original[j]].push_back(j);
  Permutation sigma(n);
  bool exact = true;
  for (std::size_t i = 0; i < n && exact; ++i) {
    auto it = by_signature.find(candidate[i]);
    if (it == by_signature.end() || it->second.empty()) exact = false;
    else {
      sigma[i] = static_cast<std::int64_t>(it->second.back());
      it->second.pop_back();
    }
  }
  if (exact) return sigma;
  std::vector<std::vector<double>> cost(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      const auto& a = candidate[i];
      const auto& b = original[j];
      double d = a.size() == b.size() ? 0.0 : std::numeric_limits<double>::max();
      for (std::size_t k = 0; k < a.size() && k < b.size(); ++k) d += (a[k] - b[k]) * (a[k] - b[k]);
      cost[i][j] = d;
    }
  const auto assignment = least_cost_assignment(cost);
  for (std::size_t i = 0; i < n; ++i) sigma[i] = static_cast<std::int64_t>(assignment[i]);
  return sigma;
}

/// The graph without what is not its function: names, descriptions, the default size of named
/// dimensions (an ONNX graph is named after its file and read at the length it is given) and the
/// trained weights' values.
std::string structure_of(Graph g) {
  g.name.clear();
  g.doc.clear();
  g.dims.clear();
  for (auto& p : g.parameters)
    if (p.kind == ParameterKind::Weight) p.data.reset();
  return to_graph_json(g);
}

std::string kind_of(const PermutedInput& seed, bool residual) {
  if (residual) return "residual stream";
  if (seed.block != 1) return "attention heads";
  if (seed.repeat != 1) return "within heads";
  return "hidden units";
}

}  // namespace

int SymmetryReport::exit_code() const {
  const bool proved = std::all_of(symmetries.begin(), symmetries.end(), [](const WeightSymmetry& s) { return s.proved; });
  const bool maps_hold = std::all_of(general_linear.begin(), general_linear.end(), [](const GeneralLinearCheck& g) { return g.holds; }) &&
                         std::all_of(per_head.begin(), per_head.end(), [](const PerHeadCheck& p) { return p.holds; });
  return proved && maps_hold ? exit_code::holds : exit_code::inconclusive;
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
        return w.kind == "within heads" && std::any_of(w.permuted.begin(), w.permuted.end(), [&](const PermutedInput& p) {
                 return p.input == seeds.front().input && p.axis == seeds.front().axis;
               });
      });
      if (within != report.symmetries.end()) {
        // The within-head transform, but with sigma over all the heads' coordinates at once: the
        // transposition stays inside head 0 and holds; the n-cycle carries a coordinate into the
        // next head, which the witness shows.
        s.kind = "mixing heads";
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
          return r.kind == "mixing heads" && std::any_of(r.permuted.begin(), r.permuted.end(), [&](const PermutedInput& q) { return q.input == p.info.name && q.axis == a; });
        });
        if (!tried) {
          covered.erase(key_of({p.info.name, a}));
          std::erase_if(report.rejected, [&](const WeightSymmetry& r) { return r.kind == "hidden units" && !r.permuted.empty() && r.permuted.front().input == p.info.name && r.permuted.front().axis == a; });
          consider({{p.info.name, a}}, false);
        }
      }
    }
  }
  // The GL maps and the independent per-head permutations act per head on one head layout; packed
  // projections (Q, K and V in one axis) mix layouts and are not attempted.
  for (const auto& s : report.symmetries)
    if (s.kind == "within heads" && std::all_of(s.permuted.begin(), s.permuted.end(), [&](const PermutedInput& p) {
          return p.block == 1 && p.repeat == s.permuted.front().repeat;
        }))
    {
      report.general_linear.push_back(check_general_linear(graph, s, options));
      report.per_head.push_back(check_per_head(graph, s, options));
    }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

PermutedModel permute_weights(const Graph& graph, std::uint64_t seed, const CheckOptions& options) {
  if (std::none_of(graph.parameters.begin(), graph.parameters.end(), [](const Parameter& p) { return p.kind == ParameterKind::Weight && p.data; }))
    throw Error(ErrorKind::Usage, "graph '" + graph.name + "' stores no weights to permute: give an ONNX model with initializers or --weights FILE.safetensors");
  PermutedModel result;
  result.graph = graph;
  const SymmetryReport found = find_symmetries(graph, options);
  std::mt19937_64 rng(seed);
  for (const auto& s : interface_preserving(found)) {
    Permutation sigma(static_cast<std::size_t>(s.size));
    std::iota(sigma.begin(), sigma.end(), 0);
    std::shuffle(sigma.begin(), sigma.end(), rng);
    apply_family(result.graph, s, sigma);
    result.applied.emplace_back(s, sigma);
  }
  result.graph.doc = "permuted by permeq permute --seed " + std::to_string(seed) + " from '" + graph.name + "'" + (graph.doc.empty() ? "" : ": " + graph.doc);
  return result;
}

Equivalence prove_equivalent(const Graph& original, const Graph& candidate, std::uint64_t seed, const CheckOptions& options) {
  Equivalence result;
  const PermutedModel expected = permute_weights(original, seed, options);
  if (structure_of(original) != structure_of(candidate)) {
    result.reason = "the graphs differ in more than their weights (nodes, shapes, attributes or buffers)";
    return result;
  }
  for (const auto& p : expected.graph.parameters) {
    const auto* q = candidate.find_parameter(p.info.name);
    if (!p.data) continue;
    if (!q || !q->data || q->data->to_doubles() != p.data->to_doubles()) {
      result.reason = "weight '" + p.info.name + "' is not the original's moved by the symmetries drawn with seed " + std::to_string(seed);
      return result;
    }
  }
  result.equivalent = true;
  result.reason = "every weight equals the original's moved by " + std::to_string(expected.applied.size()) +
                  " proved symmetries (one permutation each of hidden units, heads and within heads), so both compute the same function";
  result.proof_scope = "every input, at the graph's widths (the symmetries' bounded proofs)";
  return result;
}

Equivalence find_equivalence(const Graph& original, const Graph& candidate, const CheckOptions& options) {
  Equivalence result;
  for (const auto* g : {&original, &candidate})
    if (std::none_of(g->parameters.begin(), g->parameters.end(), [](const Parameter& p) { return p.kind == ParameterKind::Weight && p.data; }))
      throw Error(ErrorKind::Usage, "graph '" + g->name + "' stores no weights to compare: give an ONNX model with initializers or --weights FILE.safetensors");
  if (structure_of(original) != structure_of(candidate)) {
    result.reason = "the graphs differ in more than their weights (nodes, shapes, attributes or buffers)";
    return result;
  }
  // Each family's permutation from the positions' values, then the original moved by all of them
  // compared bit for bit: the match is a search, the comparison is the argument.
  Graph moved = original;
  for (const auto& family : interface_preserving(find_symmetries(original, options))) {
    const auto sigma = recover_permutation(position_signatures(original, family), position_signatures(candidate, family));
    apply_family(moved, family, sigma);
    result.recovered.emplace_back(family, sigma);
  }
  double difference = 0, size = 0;
  std::vector<std::string> differing;
  for (const auto& p : moved.parameters) {
    const auto* q = candidate.find_parameter(p.info.name);
    if (!p.data || p.kind != ParameterKind::Weight) continue;
    if (!q || !q->data || q->data->size() != p.data->size()) {
      differing.push_back(p.info.name);
      difference = std::numeric_limits<double>::infinity();
      continue;
    }
    const auto a = p.data->to_doubles(), b = q->data->to_doubles();
    std::size_t entries = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      entries += a[i] != b[i];
      difference += (a[i] - b[i]) * (a[i] - b[i]);
      size += b[i] * b[i];
    }
    if (entries) differing.push_back("'" + p.info.name + "' (" + std::to_string(entries) + " of " + std::to_string(a.size()) + " entries)");
  }
  if (!differing.empty()) {
    result.relative_difference = size > 0 ? std::sqrt(difference / size) : std::numeric_limits<double>::infinity();
    std::string names;
    for (std::size_t k = 0; k < differing.size() && k < 3; ++k) names += (k ? ", " : "") + differing[k];
    if (differing.size() > 3) names += " and " + std::to_string(differing.size() - 3) + " more";
    char closeness[64];
    std::snprintf(closeness, sizeof closeness, "%.3g", *result.relative_difference);
    result.reason = "no symmetry of the proved group (" + std::to_string(result.recovered.size()) +
                    " permutation families) maps the original's weights to the candidate's; the closest one found differs in " + names +
                    ", relative difference " + closeness;
    return result;
  }
  result.equivalent = true;
  result.reason = "every weight equals the original's moved by the recovered symmetry (" + std::to_string(result.recovered.size()) +
                  " proved permutation families: hidden units, heads and within heads), so both compute the same function";
  result.proof_scope = "every input, at the graph's widths (the symmetries' bounded proofs)";
  return result;
}

bool replay_symmetry_witness(const Graph& graph, const WeightSymmetry& candidate, const CheckOptions& options) {
  if (!candidate.witness) return false;
  const auto& w = *candidate.witness;
  const Analysis a = analysis_of(graph, candidate.permuted, options);
  const auto again = evaluate_candidate(a, w.seed, w.generator, w.sigma);
  return again && again->output == w.output && again->index == w.index && again->before == w.before && again->after == w.after;
}

}  // namespace permeq
