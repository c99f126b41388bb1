// src/report/symmetries_report.cpp: `permeq symmetries` as text and JSON.

#include "permeq/report/report.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <sstream>

namespace permeq {

namespace {

std::string members(const WeightSymmetry& s) {
  std::string text;
  for (const auto& p : s.permuted) text += (text.empty() ? "" : ", ") + to_string(p);
  return text;
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
  j["rejected"] = json::array();
  for (const auto& s : r.rejected) j["rejected"].push_back(entry(s));
  return j.dump(2) + "\n";
}

}  // namespace permeq
