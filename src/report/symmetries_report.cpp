// src/report/symmetries_report.cpp: `permeq symmetries` as text and JSON.

#include "permeq/report/report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace permeq {

namespace {

std::string members(const WeightSymmetry& s) {
  std::string text;
  for (const auto& p : s.permuted) text += (text.empty() ? "" : ", ") + to_string(p);
  return text;
}

/// The group the proved families generate with inputs and outputs fixed (the residual stream's
/// permutation changes the interface and is left out): its factors, log10 of its order, and the
/// dimension the per-head GL maps add. Within-head families count once per head where the
/// independent per-head check holds (S_dh wr S_h with the head permutations).
struct GroupSummary {
  std::string structure;
  double order_log10 = 0;
  std::int64_t gl_dimension = 0;
};

GroupSummary group_of(const SymmetryReport& r) {
  GroupSummary g;
  auto log10_factorial = [](std::int64_t n) { return std::lgamma(static_cast<double>(n) + 1) / std::log(10.0); };
  for (const auto& s : r.symmetries) {
    if (s.kind == "residual stream" || !s.proved) continue;
    const auto per_head = std::find_if(r.per_head.begin(), r.per_head.end(), [&](const PerHeadCheck& p) { return p.members == s.permuted; });
    const bool independent = per_head != r.per_head.end() && per_head->holds;
    std::string factor = "S_" + std::to_string(s.size);
    if (independent) {
      factor += "^" + std::to_string(per_head->heads) + " (each head its own)";
      g.order_log10 += static_cast<double>(per_head->heads) * log10_factorial(s.size);
    } else {
      factor += s.kind == "within heads" ? " (the same in every head)" : "";
      g.order_log10 += log10_factorial(s.size);
    }
    g.structure += (g.structure.empty() ? "" : " x ") + factor + " [" + s.kind + " of " + s.permuted.front().input + "]";
  }
  for (const auto& gl : r.general_linear)
    if (gl.holds) g.gl_dimension += gl.heads * gl.width * gl.width;
  return g;
}

}  // namespace

std::string format_symmetries_text(const SymmetryReport& r) {
  std::ostringstream out;
  out << "permeq symmetries: " << r.graph << "\n\n";
  out << "weight-space permutation symmetries (each a generator family: sigma in S_n acting on every listed axis at once):\n";
  for (const auto& s : r.symmetries) {
    out << "  " << s.kind << " (n = " << s.size << "): " << to_string(s.verdict) << ", "
        << (s.proved ? s.proof_scope : std::string("not proved")) << "\n    acts on " << members(s) << "\n";
  }
  if (!r.general_linear.empty()) {
    out << "\ninvertible maps per head (Tran et al.; exact rational matrices, random draws: evidence, not proof):\n";
    for (const auto& g : r.general_linear)
      out << "  GL(" << g.width << ") on each of " << g.heads << " heads of " << g.members.front().input << ": "
          << (g.holds ? "outputs unchanged" : "OUTPUTS CHANGE") << " on " << g.draws << " draws; " << g.rule << "\n";
  }
  if (!r.per_head.empty()) {
    out << "\nindependent permutations within each head (Tran et al.: with the head permutations, S_dh wr S_h; each head's generators\n"
           "alone, then a different random permutation in every head; exact evaluation on random draws: evidence, not proof):\n";
    for (const auto& p : r.per_head) {
      out << "  S_" << p.width << " in each of " << p.heads << " heads of " << p.members.front().input << " (" << p.members.size() << " axes): "
          << (p.holds ? "outputs unchanged" : "OUTPUTS CHANGE") << " on " << p.draws << " draws\n   ";
      for (const auto& gen : p.generators)
        out << " head " << gen.head << " " << gen.name << " " << describe(gen.sigma) << (gen.holds ? "" : " FAILS") << ";";
      out << "\n";
    }
  }
  if (const auto g = group_of(r); !g.structure.empty()) {
    char order[64];
    std::snprintf(order, sizeof order, "%.1f", g.order_log10);
    out << "\nthe permutation group these generate (inputs and outputs fixed; heads act on their blocks semidirectly): " << g.structure
        << "; order 10^" << order;
    if (g.gl_dimension) out << "; with the per-head GL maps, a Lie group of dimension " << g.gl_dimension;
    out << "\n";
  }
  if (!r.rejected.empty()) {
    out << "\nnot symmetries (candidates whose transform fails):\n";
    for (const auto& s : r.rejected) {
      out << "  " << s.kind << " (n = " << s.size << ") from " << to_string(s.permuted.front()) << ": " << s.note << "\n";
      if (const auto& w = s.witness) {
        std::string index;
        for (const auto i : w->index) index += (index.empty() ? "" : ",") + std::to_string(i);
        out << "    witness: sigma = " << describe(w->sigma) << " (" << w->generator << ") on its " << s.permuted.size() << " axes, draw seed " << w->seed
            << ": " << w->output << "[" << index << "] = " << to_string(w->before) << " becomes " << to_string(w->after) << "\n";
      }
    }
  }
  char line[96];
  std::snprintf(line, sizeof line, "\n%zu symmetries, %zu rejected candidates; %.2f s\n", r.symmetries.size(), r.rejected.size(), r.seconds);
  out << line;
  return out.str();
}

std::string format_symmetries_json(const SymmetryReport& r) {
  using nlohmann::json;
  auto entry = [](const WeightSymmetry& s) {
    json permuted = json::array();
    for (const auto& p : s.permuted) permuted.push_back({{"parameter", p.input}, {"axis", p.axis}, {"block", p.block}, {"repeat", p.repeat}});
    json witness = nullptr;
    if (const auto& w = s.witness)
      witness = {{"generator", w->generator}, {"permutation", w->sigma}, {"seed", w->seed}, {"output", w->output}, {"index", w->index},
                 {"before", to_string(w->before)}, {"after", to_string(w->after)}};
    return json{{"kind", s.kind}, {"size", s.size}, {"verdict", to_string(s.verdict)}, {"proved", s.proved}, {"proof_scope", s.proof_scope},
                {"note", s.note}, {"permuted", permuted}, {"witness", witness}};
  };
  json j{{"schema", "permeq-symmetries/1"}, {"graph", r.graph}, {"seconds", r.seconds}, {"exit_code", r.exit_code()}};
  j["symmetries"] = json::array();
  for (const auto& s : r.symmetries) j["symmetries"].push_back(entry(s));
  j["general_linear"] = json::array();
  for (const auto& g : r.general_linear) {
    json members = json::array();
    for (const auto& p : g.members) members.push_back(to_string(p));
    j["general_linear"].push_back({{"members", members}, {"heads", g.heads}, {"width", g.width}, {"rule", g.rule}, {"holds", g.holds}, {"draws", g.draws}});
  }
  j["per_head"] = json::array();
  for (const auto& p : r.per_head) {
    json members = json::array(), generators = json::array();
    for (const auto& m : p.members) members.push_back(to_string(m));
    for (const auto& gen : p.generators) generators.push_back({{"head", gen.head}, {"name", gen.name}, {"permutation", gen.sigma}, {"holds", gen.holds}});
    j["per_head"].push_back({{"members", members}, {"heads", p.heads}, {"width", p.width}, {"generators", generators}, {"holds", p.holds}, {"draws", p.draws}});
  }
  const auto group = group_of(r);
  j["group"] = {{"structure", group.structure}, {"order_log10", group.order_log10}, {"gl_dimension", group.gl_dimension}};
  j["rejected"] = json::array();
  for (const auto& s : r.rejected) j["rejected"].push_back(entry(s));
  return j.dump(2) + "\n";
}

}  // namespace permeq
