#include "permeq/check/policy.hpp"

#include "permeq/core/error.hpp"
#include "permeq/core/text_file.hpp"
#include "src/report/wording.hpp"

#include <yaml-cpp/yaml.h>

#include <fnmatch.h>
#include <fstream>
#include <set>
#include <sstream>

namespace permeq {

namespace {

struct PolicyReader {
  std::string source;

  [[noreturn]] void fail(const YAML::Node& at, const std::string& what) const {
    const auto mark = at.Mark();
    throw Error(ErrorKind::Input, source + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) + ": " + what);
  }
  void only_keys(const YAML::Node& map, const std::set<std::string>& allowed, const std::string& where) const {
    if (!map.IsMap()) fail(map, where + " must be a mapping");
    for (const auto& entry : map) {
      if (!entry.first.IsScalar()) fail(entry.first, "keys in " + where + " must be plain names");
      const auto key = entry.first.Scalar();
      if (!allowed.count(key)) {
        std::string list;
        for (const auto& k : allowed) list += (list.empty() ? "" : ", ") + k;
        fail(entry.first, "unknown key '" + key + "' in " + where + " (expected one of: " + list + ")");
      }
    }
  }
  /// Calls `read_item` on each entry of the list under `key` (if present), after checking that it
  /// is a list of mappings with only the `allowed` keys.
  template <class ReadItem>
  void each_item(const YAML::Node& root, const char* key, const std::set<std::string>& allowed, const std::string& what, ReadItem&& read_item) const {
    const auto list = root[key];
    if (!list) return;
    if (!list.IsSequence()) fail(list, std::string(key) + " must be a list");
    for (const auto& item : list) {
      only_keys(item, allowed, what);
      read_item(item);
    }
  }
  template <class T>
  T scalar(const YAML::Node& node, const std::string& what) const {
    if (!node.IsScalar()) fail(node, what + " must be a single value");
    try {
      return node.as<T>();
    } catch (const YAML::Exception&) {
      fail(node, what + " has the wrong type: '" + node.Scalar() + "'");
    }
  }

  Policy read(const YAML::Node& root) const {
    Policy policy;
    policy.source = source;
    if (root.IsNull()) return policy;
    only_keys(root, {"version", "expect", "permit", "engine"}, "the policy");
    if (root["version"] && scalar<int>(root["version"], "version") != 1) fail(root["version"], "this permeq reads policy version 1");
    each_item(root, "expect", {"output", "property", "axis"}, "an expectation", [&](const YAML::Node& item) {
      Expectation e;
      if (item["output"]) e.output = scalar<std::string>(item["output"], "output");
      if (!item["property"]) fail(item, "an expectation needs a property (equivariant, invariant or equivariant-or-invariant)");
      const auto property = scalar<std::string>(item["property"], "property");
      if (property == "equivariant") e.property = ExpectedProperty::Equivariant;
      else if (property == "invariant") e.property = ExpectedProperty::Invariant;
      else if (property == "equivariant-or-invariant") e.property = ExpectedProperty::EquivariantOrInvariant;
      else fail(item["property"], "property must be equivariant, invariant or equivariant-or-invariant, got '" + property + "'");
      if (item["axis"]) e.axis = scalar<int>(item["axis"], "axis");
      policy.expectations.push_back(e);
    });
    each_item(root, "permit", {"node", "op", "reason"}, "a permitted break", [&](const YAML::Node& item) {
      PermittedBreak p;
      if (item["node"]) p.node = scalar<std::string>(item["node"], "node");
      if (item["op"]) p.op = scalar<std::string>(item["op"], "op");
      if (p.node.empty() && p.op.empty()) fail(item, "a permitted break names a node pattern or an operator");
      if (!item["reason"]) fail(item, "a permitted break needs a reason (it is shown in every report)");
      p.reason = scalar<std::string>(item["reason"], "reason");
      policy.permitted.push_back(p);
    });
    if (const auto engine = root["engine"]) {
      only_keys(engine, {"trials", "seq_len", "seed", "time_budget_seconds"}, "engine");
      if (engine["trials"]) policy.trials = scalar<int>(engine["trials"], "trials");
      if (engine["seq_len"]) policy.seq_len = scalar<std::int64_t>(engine["seq_len"], "seq_len");
      if (engine["seed"]) policy.seed = scalar<std::uint64_t>(engine["seed"], "seed");
      if (engine["time_budget_seconds"]) policy.time_budget_seconds = scalar<double>(engine["time_budget_seconds"], "time_budget_seconds");
    }
    return policy;
  }
};

std::string expected_text(const Expectation& e) {
  std::string text = e.property == ExpectedProperty::Equivariant ? "equivariant"
                     : e.property == ExpectedProperty::Invariant ? "invariant"
                                                                 : "equivariant or invariant";
  if (e.axis) text += " on axis " + std::to_string(*e.axis);
  return text;
}

bool meets(const OutputReport& o, const Expectation& e) {
  switch (e.property) {
    case ExpectedProperty::Invariant: return o.verdict == Verdict::Invariant;
    case ExpectedProperty::Equivariant:
      return o.verdict == Verdict::Equivariant && (!e.axis || std::find(o.axes.begin(), o.axes.end(), *e.axis) != o.axes.end());
    case ExpectedProperty::EquivariantOrInvariant: return o.verdict == Verdict::Equivariant || o.verdict == Verdict::Invariant;
  }
  return false;
}

std::string why_unmet(const OutputReport& o, const CheckReport& report) {
  if (o.verdict == Verdict::Unknown) return "output '" + o.output + "' is unknown: " + o.note;
  if (o.verdict != Verdict::Breaks) return "output '" + o.output + "' is " + std::string(to_string(o.verdict)) + " (" + o.action + ")";
  std::string text = "output '" + o.output + "' breaks";
  for (const auto& culprit : o.culprits) {
    const auto node = std::find_if(report.nodes.begin(), report.nodes.end(), [&](const NodeReport& n) { return n.node == culprit; });
    text += "; culprit " + culprit;
    if (node == report.nodes.end() || !node->witness) continue;
    text += " (" + node->op + "), witness at " + witness_line(report, *node->witness);
  }
  return text;
}

}  // namespace

Policy parse_policy(const std::string& text, const std::string& source) {
  try {
    return PolicyReader{source}.read(YAML::Load(text));
  } catch (const YAML::Exception& e) {  // parser errors, and conversions the reader did not foresee (found by fuzzing)
    throw Error(ErrorKind::Input, source + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
}

Policy load_policy(const std::filesystem::path& path) {
  return parse_policy(read_text_file(path, "policy"), path.string());
}

void apply_policy(const Policy& policy, CheckOptions& options) {
  options.permitted.insert(options.permitted.end(), policy.permitted.begin(), policy.permitted.end());
  if (policy.trials) options.trials = *policy.trials;
  if (policy.seq_len) options.tokens = *policy.seq_len;
  if (policy.seed) options.seed = *policy.seed;
  if (policy.time_budget_seconds) options.time_budget_seconds = *policy.time_budget_seconds;
}

PolicyOutcome judge(const Policy& policy, const CheckReport& report) {
  PolicyOutcome outcome;
  outcome.source = policy.source;
  std::vector<Expectation> expectations = policy.expectations;
  if (expectations.empty()) expectations.push_back({});
  bool failed = false, unknown = false;
  for (const auto& e : expectations) {
    bool matched = false;
    for (const auto& o : report.outputs) {
      if (fnmatch(e.output.c_str(), o.output.c_str(), 0) != 0) continue;
      matched = true;
      ExpectationResult r{o.output, expected_text(e), meets(o, e), ""};
      if (!r.met) {
        r.explanation = why_unmet(o, report);
        // A decided verdict that is not the expected one fails the expectation (exit 1), whether the
        // output breaks or has another symmetry; only an undecided output leaves it open (exit 2).
        (o.verdict == Verdict::Unknown ? unknown : failed) = true;
      }
      outcome.expectations.push_back(std::move(r));
    }
    if (!matched) {
      outcome.expectations.push_back({e.output, expected_text(e), false, "no output of graph '" + report.graph + "' matches '" + e.output + "'"});
      unknown = true;
    }
  }
  for (const auto& n : report.nodes)
    if (n.verdict == Verdict::Breaks && !n.permitted) outcome.unpermitted_culprits.push_back(n.node);
  outcome.exit_code = failed ? exit_code::breaks : unknown ? exit_code::inconclusive : exit_code::holds;
  return outcome;
}

PolicyOutcome evaluate_policy(const Policy& policy, CheckReport& report) {
  report.policy = judge(policy, report);
  return *report.policy;
}

}  // namespace permeq
