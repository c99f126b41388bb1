// src/check/symmetries_heads.cpp: Tran et al.'s per-head maps on a within-head family: invertible
// matrices per head (GL(d_h) in each head) and a permutation of each head's coordinates of its own
// (with the head permutations, S_dh wr S_h). Each is verified on exact random draws, and each
// generator is proved by prove_block_map (the changed cone, src/prove/weight_map.cpp).

#include "permeq/prove/weight_map.hpp"
#include "src/check/symmetries_support.hpp"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <optional>
#include <random>

namespace permeq::symmetry_detail {

namespace {

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

/// Proves one generator acting on head `head`'s block of every member (prove_block_map), at the
/// sizes the checker uses for this family.
GeneratorProof prove_generator(const Analysis& a, const std::vector<PermutedInput>& members, const std::vector<bool>& contragredient, std::int64_t head,
                               const BlockMap& map, const CheckOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<BlockAxis> axes;
  for (std::size_t i = 0; i < members.size(); ++i)
    axes.push_back({members[i].input, members[i].axis, head * map.width, !contragredient.empty() && contragredient[i]});
  const ProofResult r = prove_block_map(a.graph, axes, map, options.proof_limits);
  GeneratorProof proof;
  proof.proved = r.status == ProofStatus::Proved;
  proof.method = r.method;
  if (proof.proved) {
    proof.scope = "n = " + std::to_string(a.tokens) + " tokens, " + r.scope;
    if (map.kind != BlockMap::Kind::Permutation) proof.scope += ", every real c";
    for (const auto& assumption : r.assumptions) proof.scope += "; assuming " + assumption;
  }
  proof.reason = r.reason;
  proof.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return proof;
}

}  // namespace

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
  std::vector<bool> contragredient;
  for (const int side : group) contragredient.push_back(side != 0);
  result.proved = true;
  for (std::int64_t h = 0; h < result.heads; ++h) {
    BlockMap transvection{BlockMap::Kind::Transvection, result.width, {}, 0, 1, 0};
    BlockMap scaling{BlockMap::Kind::Scaling, result.width, {}, 0, 1, 0};
    result.generators.push_back({h, "transvection I + c E_01", prove_generator(a, within.permuted, contragredient, h, transvection, options)});
    result.generators.push_back({h, "scaling diag(c, 1, ..)", prove_generator(a, within.permuted, contragredient, h, scaling, options)});
    result.proved = result.proved && result.generators[result.generators.size() - 2].proof.proved && result.generators.back().proof.proved;
  }
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
  result.holds = result.proved = true;
  std::uint64_t seed = options.seed + 2000;
  for (std::int64_t h = 0; h < result.heads; ++h)
    for (const auto& [name, sigma] : {std::pair{std::string("transposition"), transposition(result.width)}, {std::string("cycle"), n_cycle(result.width)}}) {
      std::vector<Permutation> per_head(static_cast<std::size_t>(result.heads), identity);
      per_head[static_cast<std::size_t>(h)] = sigma;
      const bool holds = outputs_unchanged(per_head, seed++);
      GeneratorProof proof = prove_generator(a, within.permuted, {}, h, BlockMap{BlockMap::Kind::Permutation, result.width, sigma}, options);
      result.proved = result.proved && proof.proved;
      result.generators.push_back({h, name, sigma, holds, std::move(proof)});
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

}  // namespace permeq::symmetry_detail
