#include "permeq/check/policy.hpp"
#include "permeq/report/report.hpp"
#include "src/report/wording.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <filesystem>
#include <optional>

namespace permeq {

namespace {
using json = nlohmann::json;

struct Rule {
  const char* id;
  const char* name;
  const char* text;
};
constexpr Rule symmetry_break{"PEQ1000", "symmetry-break", "A node whose inputs transform under the token permutation but whose output does not."};
constexpr Rule expectation_unmet{"PEQ1001", "expectation-unmet", "A graph output does not have the symmetry the policy expects."};
constexpr Rule undecided{"PEQ1002", "undecided", "permeq could not decide this node (unknown)."};

constexpr const char* source_root_id = "%SRCROOT%";

/// Percent-encodes what a URI path may not hold as is (RFC 3986: unreserved characters and '/'
/// stay), so a file name with spaces or '#' is still a valid URI reference.
std::string uri_path(const std::string& path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') out += static_cast<char>(c);
    else out += std::string("%") + hex[c >> 4] + hex[c & 15];
  }
  return out;
}

/// The graph file's artifactLocation and, when it lies under the source root, the root's URI for
/// originalUriBaseIds.
struct Artifact {
  json location;
  std::optional<std::string> root_uri;
};

Artifact artifact(const SourceMap& source) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path root = fs::weakly_canonical(fs::absolute(source.root.empty() ? fs::current_path(error) : fs::path(source.root), error), error);
  const fs::path file = fs::weakly_canonical(fs::absolute(source.uri, error), error);
  const fs::path relative = file.lexically_relative(root);
  if (!relative.empty() && *relative.begin() != ".." && !relative.is_absolute()) {
    std::string root_text = root.generic_string();
    if (root_text.empty() || root_text.back() != '/') root_text += '/';
    return {{{"uri", uri_path(relative.generic_string())}, {"uriBaseId", source_root_id}}, "file://" + uri_path(root_text)};
  }
  return {{{"uri", "file://" + uri_path(file.generic_string())}}, std::nullopt};
}

json location(const SourceMap& source, const std::string& node) {
  json loc;
  loc["logicalLocations"] = json::array({{{"name", node}, {"fullyQualifiedName", node}, {"kind", "member"}}});
  if (!source.uri.empty()) {
    json physical{{"artifactLocation", artifact(source).location}};
    if (const auto it = source.node_lines.find(node); it != source.node_lines.end()) physical["region"] = {{"startLine", it->second}};
    loc["physicalLocation"] = physical;
  }
  return loc;
}

json result(const Rule& rule, const char* level, const std::string& text, json locations) {
  return {{"ruleId", rule.id}, {"level", level}, {"message", {{"text", text}}}, {"locations", std::move(locations)}};
}

}  // namespace

std::string format_sarif(const CheckReport& report, const SourceMap& source) {
  const PolicyOutcome outcome = report.policy ? *report.policy : judge(Policy{}, report);
  json rules = json::array();
  for (const auto& r : {symmetry_break, expectation_unmet, undecided})
    rules.push_back({{"id", r.id}, {"name", r.name}, {"shortDescription", {{"text", r.text}}}});
  json results = json::array();
  for (const auto& n : report.nodes) {
    if (n.verdict == Verdict::Breaks) {
      std::string text = n.node + " (" + n.op + ") breaks token-permutation symmetry: " + n.note;
      if (n.witness) text += ". Witness at " + witness_line(report, *n.witness) + ".";
      auto r = result(symmetry_break, n.permitted ? "note" : "error", text, json::array({location(source, n.node)}));
      if (n.permitted) r["suppressions"] = json::array({{{"kind", "external"}, {"justification", *n.permitted}}});
      results.push_back(r);
    } else if (n.verdict == Verdict::Unknown) {
      results.push_back(result(undecided, "warning", n.node + " (" + n.op + ") is unknown: " + n.note, json::array({location(source, n.node)})));
    }
  }
  for (const auto& e : outcome.expectations)
    if (!e.met) results.push_back(result(expectation_unmet, "error", "expected " + e.output + " to be " + e.expected + ": " + e.explanation,
                                         json::array({location(source, e.output)})));
  json run{{"tool", {{"driver", {{"name", "permeq"}, {"version", PERMEQ_VERSION_STRING}, {"informationUri", "https://github.com/permeq/permeq"}, {"rules", rules}}}}},
           {"results", results},
           {"properties", {{"graph", report.graph}, {"tokens", report.tokens}, {"scope", report.scope}, {"exitCode", report.exit_code()}}}};
  if (!source.uri.empty()) {
    const Artifact file = artifact(source);
    run["artifacts"] = json::array({{{"location", file.location}}});
    if (file.root_uri) run["originalUriBaseIds"] = {{source_root_id, {{"uri", *file.root_uri}}}};
  }
  const json sarif{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", json::array({run})}};
  return sarif.dump(2) + "\n";
}

}  // namespace permeq
