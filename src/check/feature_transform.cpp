// src/check/feature_transform.cpp: intra-token symmetry (Xu et al., CVPR 2024). A permutation Q
// of the features acts on the input's feature axis; which weight axes it must act on too is
// inferred here, and the check itself is the ordinary one with those weights permuted alongside.
//
// Inference walks the graph in evaluation order. At each node that reads weights not yet
// decided, it tries the ways of permuting them (each weight: no axis, or some of its axes of the
// permuted length), fewest permuted axes first, and keeps the first for which the node's own
// claim holds in an exact test on random draws. Fewest first keeps independent symmetries apart:
// a query projection W_Q [d, d] needs only its rows permuted for Q to pass through, while
// permuting its columns as well would tie the heads' symmetry to the residual stream's.

#include "permeq/check/checker.hpp"
#include "src/check/analysis.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace permeq {

namespace {

/// The weights node `index` reads that are not decided yet, and each one's candidate axes: those
/// whose length fits the permutation with one of the seeds' block structures.
struct Undecided {
  std::string weight;
  std::vector<PermutedInput> axes;
};

/// Every choice of permuted axes for the undecided weights, fewest permuted axes first.
std::vector<std::vector<PermutedInput>> choices(const std::vector<Undecided>& weights) {
  std::vector<std::vector<PermutedInput>> all{{}};
  for (const auto& w : weights) {
    std::vector<std::vector<PermutedInput>> next;
    const std::size_t subsets = std::size_t{1} << w.axes.size();
    for (const auto& partial : all)
      for (std::size_t mask = 0; mask < subsets; ++mask) {
        auto choice = partial;
        bool twice = false;  // one structure per axis
        for (std::size_t b = 0; b < w.axes.size(); ++b)
          if (mask & (std::size_t{1} << b)) {
            twice = twice || std::any_of(choice.begin(), choice.end(), [&](const PermutedInput& p) { return p.input == w.weight && p.axis == w.axes[b].axis; });
            choice.push_back(w.axes[b]);
          }
        if (!twice) next.push_back(std::move(choice));
      }
    all = std::move(next);
  }
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
  return all;
}

/// The names of the nodes whose outputs `node` depends on.
std::set<std::string> ancestors(const Graph& graph, const Node& node) {
  std::map<std::string, const Node*> producer;
  for (const auto& n : graph.nodes)
    for (const auto& out : n.outputs) producer[out] = &n;
  std::set<std::string> seen;
  std::vector<const Node*> work{&node};
  while (!work.empty()) {
    const Node* n = work.back();
    work.pop_back();
    for (const auto& in : n->inputs)
      if (const auto it = producer.find(in); it != producer.end() && seen.insert(it->second->name).second) work.push_back(it->second);
  }
  return seen;
}

/// Above this many choices at one node the search stops (a node reading many square weights).
constexpr std::size_t max_choices = 256;
/// The whole search's budget of trial analyses, and one failure's; past them, nodes that fail
/// stay failed.
constexpr std::size_t max_analyses = 4000;
constexpr std::size_t max_episode_analyses = 400;

}  // namespace

std::string_view to_string(Property property) {
  switch (property) {
    case Property::Inter: return "inter";
    case Property::Intra: return "intra";
    case Property::All: return "all";
  }
  return "?";
}

Property parse_property(std::string_view text) {
  if (text == "inter") return Property::Inter;
  if (text == "intra") return Property::Intra;
  if (text == "all") return Property::All;
  throw Error(ErrorKind::Usage, "--property must be inter, intra or all, got '" + std::string(text) + "'");
}

std::vector<PermutedInput> feature_seeds(const Graph& graph) {
  std::vector<PermutedInput> seeds;
  for (const auto& in : graph.inputs) {
    if (in.dtype != DType::Float || in.shape.empty()) continue;
    const int last = static_cast<int>(in.shape.size()) - 1;
    const auto token = graph.token_axes.find(in.name);
    if (token != graph.token_axes.end() && token->second == last) continue;
    seeds.push_back({in.name, last});
  }
  if (!seeds.empty()) return seeds;
  // Token ids only: the features start at the embedding tables the ids look up.
  for (const auto& node : graph.nodes) {
    const auto* info = find_operator(node.op);
    const auto* table = node.inputs.empty() ? nullptr : graph.find_parameter(node.inputs[0]);
    if (!info || !table || table->kind != ParameterKind::Weight || table->info.shape.size() != 2) continue;
    // Which axis an index picks depends on the ranks alone here (the lengths are symbolic).
    std::vector<TensorType> ranks;
    for (const auto& in : node.inputs) {
      const auto* value = in == table->info.name ? &table->info : graph.find_input(in);
      ranks.push_back({value ? value->dtype : DType::Float, Shape(value ? value->shape.size() : 0, 1)});
    }
    for (std::size_t k = 1; k < node.inputs.size(); ++k)
      // Ids given as an input pick rows of a [vocabulary, features] table.
      if (graph.find_input(node.inputs[k]) && info->index_axis(node, ranks, k) == std::optional<int>(0)) {
        seeds.push_back({table->info.name, 1});
        break;
      }
  }
  return seeds;
}

FeatureTransform infer_feature_transform(const Graph& model, std::vector<PermutedInput> seeds, const CheckOptions& options) {
  // The transform is the architecture's: stored weights (zero biases, unit scales at
  // initialisation) would let a weight stay put that must move for other values.
  const Graph graph = with_free_weights(model);
  if (seeds.empty())
    throw Error(ErrorKind::Usage, "graph '" + graph.name + "' has no float input with a feature axis: say which axes are permuted with --permute NAME:AXIS");
  CheckOptions seeded = options;
  seeded.permute = seeds;
  ActionSpec spec = resolve_action_spec(graph, seeded);
  if (!spec.token_dim.empty())
    throw Error(ErrorKind::Usage, "the permuted feature axis of '" + spec.permuted.front().input + "' has the symbolic length '" + spec.token_dim +
                                      "'; intra-token checks need concrete feature widths");
  FeatureTransform result;
  result.features = spec.tokens;
  result.seeds = spec.permuted;
  Analysis a = analyse(graph, spec);
  std::vector<ValueMap<Rational>> runs;
  for (int trial = 0; trial < std::max(options.trials, 1); ++trial) runs.push_back(draw_run(a, options.seed + static_cast<std::uint64_t>(trial)));

  // Depth-first search over the weight choices in evaluation order: a node whose output must be
  // permuted for a later node (an attention output projection feeding the residual sum) is
  // revisited when that later node fails, with its next choice.
  struct Frame {
    std::size_t position = 0;
    std::vector<std::string> weights;
    std::vector<std::vector<PermutedInput>> choices;
    std::size_t next = 0;
    ActionSpec before;
    std::set<std::string> decided_before;
  };
  const auto order = a.graph.order;  // `a` is replaced as weights are decided
  std::set<std::string> decided;
  std::set<std::pair<std::int64_t, std::int64_t>> structures;  // the seeds' (block, repeat)
  for (const auto& p : spec.permuted) {
    decided.insert(p.input);
    structures.insert({p.block, p.repeat});
  }
  std::vector<Frame> stack;
  std::vector<std::pair<std::size_t, std::string>> failures;  // position, node
  std::size_t analyses = 0;
  // Takes the frame's next choice that makes its node hold; false when none is left.
  auto advance = [&](Frame& f) {
    const std::size_t index = order[f.position];
    for (; f.next < f.choices.size() && analyses < max_analyses; ++f.next) {
      ActionSpec trial = f.before;
      trial.permuted.insert(trial.permuted.end(), f.choices[f.next].begin(), f.choices[f.next].end());
      trial.weights_acted = true;
      ++analyses;
      Analysis candidate = analyse(graph, trial);
      if (!node_holds(candidate, index, runs)) continue;
      spec = std::move(trial);
      a = std::move(candidate);
      decided = f.decided_before;
      decided.insert(f.weights.begin(), f.weights.end());
      ++f.next;
      return true;
    }
    return false;
  };
  struct Episode {
    ActionSpec spec;
    std::set<std::string> decided;
    std::vector<Frame> stack;
    std::vector<std::pair<std::size_t, std::string>> failures;
    std::size_t position = 0;
    std::string node;
    std::size_t analyses_before = 0;
    std::set<std::string> upstream;  ///< the nodes the failing node depends on: only they can repair it
  };
  std::optional<Episode> episode;
  std::size_t position = 0;
  while (position < order.size()) {
    const std::size_t index = order[position];
    const Node& node = a.graph.graph.nodes[index];
    std::vector<Undecided> undecided;
    for (const auto& in : node.inputs) {
      const auto* param = graph.find_parameter(in);
      if (!param || param->kind != ParameterKind::Weight || param->info.dtype != DType::Float || decided.count(in)) continue;
      if (std::any_of(undecided.begin(), undecided.end(), [&](const Undecided& u) { return u.weight == in; })) continue;
      Undecided u{in, {}};
      const auto& shape = a.graph.types.at(in).shape;
      for (std::size_t axis = 0; axis < shape.size(); ++axis) {
        std::set<std::pair<std::int64_t, std::int64_t>> fits;
        for (const auto& [block, repeat] : structures) {
          if (shape[axis] == result.features * block * repeat) fits.insert({block, repeat});
          // Head structure carries over to any whole number of runs (packed Q/K/V beside an
          // output projection); plain permutations stay plain.
          if ((block != 1 || repeat != 1) && shape[axis] % (result.features * block) == 0) fits.insert({block, shape[axis] / (result.features * block)});
        }
        for (const auto& [block, repeat] : fits) u.axes.push_back({in, static_cast<int>(axis), block, repeat});
      }
      undecided.push_back(std::move(u));
    }
    const bool touched = std::any_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) { return a.states.at(in).depends; });
    // Downstream of a value no action describes, the first such node already tells the story.
    const bool after_unrepresentable = std::any_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) { return !a.states.at(in).representable; });
    bool holds_here = true;
    if (undecided.empty()) {
      holds_here = !touched || after_unrepresentable || node_holds(a, index, runs);
    } else {
      Frame frame{position, {}, choices(undecided), 0, spec, decided};
      for (const auto& u : undecided) frame.weights.push_back(u.weight);
      if (frame.choices.size() > max_choices) frame.choices.resize(max_choices);
      holds_here = advance(frame);
      if (holds_here) stack.push_back(std::move(frame));
    }
    if (holds_here) {
      if (episode && position >= episode->position) episode.reset();  // the failure it was about is repaired
      ++position;
      continue;
    }
    // A failure: revisit earlier choices at nodes the failing node depends on, newest first. A
    // repair may fail again on the way; that stays part of the same episode, which ends when the
    // first failing node holds, or restores the state before it and records that node.
    if (!episode) episode = Episode{spec, decided, stack, failures, position, node.name, analyses, ancestors(graph, node)};
    const auto& upstream = episode->upstream;
    bool repaired = false;
    while (!stack.empty() && analyses < max_analyses && analyses - episode->analyses_before < max_episode_analyses) {
      if (!upstream.count(a.graph.graph.nodes[order[stack.back().position]].name)) {
        stack.pop_back();
        continue;
      }
      if (advance(stack.back())) {
        position = stack.back().position + 1;
        std::erase_if(failures, [&](const auto& f) { return f.first >= position; });
        repaired = true;
        break;
      }
      stack.pop_back();
    }
    if (repaired) continue;
    spec = episode->spec;
    decided = episode->decided;
    stack = episode->stack;
    failures = episode->failures;
    failures.emplace_back(episode->position, episode->node);
    position = episode->position + 1;
    a = analyse(graph, spec);
    episode.reset();
  }
  for (const auto& f : failures) result.failures.push_back(f.second);
  result.permuted = spec.permuted;
  return result;
}

}  // namespace permeq
