// src/check/backward.cpp: the backward check, run as the forward check of the gradient graph.
//
// Nothing here decides a verdict: the gradient graph is an ordinary graph, so every engine and
// proof applies to it unchanged. This file only builds it, permutes the loss's target or labels
// with the tokens, and labels what comes back (which output is which gradient, which node
// belongs to which forward node), and folds it into the forward report's backward column.

#include "permeq/check/checker.hpp"

#include <algorithm>
#include <chrono>

namespace permeq {

namespace {

/// Breaks > Unknown > Inherits > holds: the verdict a group of nodes shows as one.
int severity(Verdict v) {
  switch (v) {
    case Verdict::Breaks: return 3;
    case Verdict::Unknown: return 2;
    case Verdict::Inherits: return 1;
    default: return 0;
  }
}

std::string_view role_name(GradientRole role) {
  switch (role) {
    case GradientRole::Loss: return "loss";
    case GradientRole::InputGradient: return "input gradient";
    case GradientRole::WeightGradient: return "weight gradient";
  }
  return "";
}

CheckReport undecided(const Graph& graph, const LossSpec& loss, const std::string& reason) {
  CheckReport report;
  report.graph = graph.name;
  report.direction = Direction::Backward;
  report.loss = std::string(to_string(loss.kind));
  report.warnings.push_back(reason);
  report.scope = "backward check not run: " + reason;
  OutputReport out;
  out.output = "gradients";
  out.verdict = Verdict::Unknown;
  out.note = reason;
  report.outputs.push_back(out);
  return report;
}

/// The forward check accepts any output that is equivariant or invariant; a gradient must be
/// the right one of the two. A gradient with respect to a permuted input must be permuted like
/// that input; the loss and every other gradient (weights, unpermuted inputs) must not change.
/// A gradient of the other kind is not shown to break (no witness was searched: it could be
/// constant along the token axis), so it becomes unknown, never a pass.
void judge_gradient_role(OutputReport& out, const GradientOutput& gradient, const std::vector<PermutedInput>& permuted) {
  std::vector<int> axes;  // the axes of the input or weight that are permuted
  if (gradient.role != GradientRole::Loss)
    for (const auto& p : permuted)
      if (p.input == gradient.of) axes.push_back(p.axis);
  const bool must_permute = !axes.empty();
  // Permuted exactly like the input or weight: the same axes with the same head blocks.
  Action expected;
  for (const auto& p : permuted)
    if (gradient.role != GradientRole::Loss && p.input == gradient.of) expected.add(p.axis, AxisAction{p.axis, 0, p.block, p.repeat});
  const bool permuted_alike = out.action == describe(expected);
  if (out.verdict == Verdict::Equivariant && must_permute && permuted_alike) return;
  if (out.verdict == Verdict::Invariant && !must_permute) return;
  if (out.verdict != Verdict::Equivariant && out.verdict != Verdict::Invariant) return;
  std::string axis_list;
  for (const int a : axes) axis_list += (axis_list.empty() ? "" : ",") + std::to_string(a);
  const std::string found = out.verdict == Verdict::Invariant ? "unchanged by the permutation" : out.action;
  const std::string wanted = must_permute ? std::string(axes.size() == 1 ? "permuted on axis " : "permuted on axes ") + axis_list + " like '" + gradient.of + "'"
                                          : "unchanged by the permutation";
  out.note = "the " + std::string(role_name(gradient.role)) + " is " + found + " but must be " + wanted +
             "; no witness of the difference was searched, so this is unknown rather than a break";
  out.verdict = Verdict::Unknown;
  out.proved = false;
  out.proof_scope.clear();
}

}  // namespace

CheckReport check_backward(const Graph& graph, const LossSpec& loss, const CheckOptions& options) {
  DimBindings bindings = options.dims;
  GradientGraph gradient;
  try {
    if (options.tokens) {
      // The token dimension is found the same way the checker finds it; bind it when named.
      for (const auto& [input, axis] : graph.token_axes)
        if (const auto* info = graph.find_input(input); info && axis >= 0 && static_cast<std::size_t>(axis) < info->shape.size())
          if (const auto* name = std::get_if<std::string>(&info->shape[static_cast<std::size_t>(axis)])) bindings[*name] = *options.tokens;
    }
    gradient = differentiate(graph, loss, bindings);
  } catch (const NotDifferentiable& e) {
    return undecided(graph, loss, e.what());
  }
  CheckOptions backward_options = options;
  // A target or labels follow the tokens; under a feature permutation they stay as they are.
  if (!options.permute.empty() && options.property == Property::Inter)
    for (const auto& name : gradient.loss_inputs)
      if (const auto it = gradient.graph.token_axes.find(name); it != gradient.graph.token_axes.end())
        backward_options.permute.push_back({name, it->second});
  gradient.graph.name = graph.name;
  CheckReport report = check_forward(gradient.graph, backward_options);
  report.direction = Direction::Backward;
  report.loss = gradient.loss_description;
  report.kinks = gradient.kinks;
  for (auto& node : report.nodes)
    if (const auto it = gradient.origin.find(node.node); it != gradient.origin.end()) node.origin = it->second;
  for (auto& out : report.outputs)
    for (const auto& g : gradient.outputs)
      if (g.output == out.output) {
        out.role = std::string(role_name(g.role));
        out.gradient_of = g.of;
        judge_gradient_role(out, g, report.permuted);
      }
  return report;
}

std::string_view to_string(Direction direction) {
  switch (direction) {
    case Direction::Forward: return "forward";
    case Direction::Backward: return "backward";
    case Direction::Both: return "both";
  }
  return "?";
}

Direction parse_direction(std::string_view text) {
  if (text == "forward") return Direction::Forward;
  if (text == "backward") return Direction::Backward;
  if (text == "both") return Direction::Both;
  throw Error(ErrorKind::Usage, "--direction must be forward, backward or both, got '" + std::string(text) + "'");
}

namespace {

double seconds_since(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

/// A report's `seconds` is the whole check it stands for: a phase run beside its own check (the
/// backward check, the intra-token check, the transform inference) is timed and counted there.
void add_phase(CheckReport& report, const std::string& phase, double seconds) {
  report.timing.emplace_back(phase, seconds);
  report.seconds += seconds;
}

CheckReport check_direction(const Graph& graph, Direction direction, const LossSpec& loss, const CheckOptions& options);

/// The intra-token check: the inferred weight transform, then the ordinary check with those
/// weights permuted alongside the features.
CheckReport check_intra(const Graph& graph, Direction direction, const LossSpec& loss, const CheckOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const FeatureTransform transform = infer_feature_transform(graph, options.permute.empty() ? feature_seeds(graph) : options.permute, options);
  const double inference_seconds = seconds_since(started);
  CheckOptions intra = options;
  intra.permute = transform.permuted;
  CheckReport report = check_direction(graph, direction, loss, intra);
  add_phase(report, "transform inference", inference_seconds);
  auto label = [&](CheckReport& r) {
    r.property = Property::Intra;
    r.transform = transform;
    r.scope = "intra-token: one permutation of the " + std::to_string(transform.features) +
              " features acts on the inputs' feature axes and on the weight axes of the transform (n below counts those features; "
              "\"all n, all widths\" covers nodes whose inputs are all unchanged). " + r.scope;
    for (const auto& node : transform.failures)
      r.warnings.push_back("no permutation of the weights node '" + node +
                           "' reads makes it equivariant under the feature permutation (buffers and constants are never permuted)");
  };
  label(report);
  if (report.backward) {
    auto backward = std::make_shared<CheckReport>(*report.backward);
    label(*backward);
    report.backward = std::move(backward);
  }
  return report;
}

}  // namespace

CheckReport check(const Graph& graph, Direction direction, const LossSpec& loss, const CheckOptions& options) {
  if (options.property == Property::Intra) return check_intra(graph, direction, loss, options);
  if (options.property == Property::All) {
    CheckOptions inter = options;
    inter.property = Property::Inter;
    CheckReport report = check_direction(graph, direction, loss, inter);
    CheckOptions intra = options;
    intra.property = Property::Intra;
    intra.permute.clear();  // --permute names the token axes here; the features are the defaults
    report.intra = std::make_shared<CheckReport>(check_intra(graph, direction, loss, intra));
    add_phase(report, "intra check", report.intra->seconds);
    return report;
  }
  return check_direction(graph, direction, loss, options);
}

namespace {

CheckReport check_direction(const Graph& graph, Direction direction, const LossSpec& loss, const CheckOptions& options) {
  if (direction == Direction::Backward) return check_backward(graph, loss, options);
  CheckReport report = check_forward(graph, options);
  if (direction == Direction::Forward) return report;
  const auto started = std::chrono::steady_clock::now();
  auto backward = std::make_shared<CheckReport>(check_backward(graph, loss, options));
  add_phase(report, "backward check", seconds_since(started));
  for (auto& node : report.nodes) {
    std::optional<Verdict> worst;
    bool proved = true;
    for (const auto& b : backward->nodes)
      if (b.node == node.node || b.origin == node.node) {
        if (!worst || severity(b.verdict) > severity(*worst)) worst = b.verdict;
        proved = proved && b.proved;
      }
    node.backward = worst;
    node.backward_proved = worst && proved;
  }
  report.backward = std::move(backward);
  return report;
}

}  // namespace

}  // namespace permeq
