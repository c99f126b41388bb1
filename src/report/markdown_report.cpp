#include "permeq/check/policy.hpp"
#include "permeq/report/report.hpp"
#include "src/report/wording.hpp"

#include <sstream>

namespace permeq {

std::string format_markdown(const CheckReport& report) {
  const PolicyOutcome outcome = report.policy ? *report.policy : judge(Policy{}, report);
  const int code = report.exit_code();
  std::ostringstream md;
  md << "### permeq: `" << report.graph << "` " << (code == 0 ? "passes" : code == 1 ? "**breaks**" : "is **inconclusive**") << "\n\n";
  md << (report.property == Property::Intra ? "Feature permutations, d = " : "Token permutations, n = ") << report.tokens << (report.policy ? ", policy `" + report.policy->source + "`" : std::string()) << ". "
     << report.scope << "\n\n";
  md << "| output | expected | verdict | met | detail |\n|---|---|---|---|---|\n";
  for (const auto& e : outcome.expectations) {
    const auto o = std::find_if(report.outputs.begin(), report.outputs.end(), [&](const OutputReport& x) { return x.output == e.output; });
    const std::string verdict = o == report.outputs.end() ? "-" : std::string(to_string(o->verdict));
    md << "| `" << markdown_cell(e.output) << "` | " << e.expected << " | " << verdict << " | " << (e.met ? "yes" : "**no**") << " | "
       << markdown_cell(e.met ? (o != report.outputs.end() ? o->note : "") : e.explanation) << " |\n";
  }
  bool any = false;
  for (const auto& n : report.nodes) {
    if (n.verdict != Verdict::Breaks) continue;
    if (!any) md << "\n#### Culprits\n\n| node | op | status | witness |\n|---|---|---|---|\n";
    any = true;
    std::string witness = "-";
    if (n.witness) witness = witness_line(report, *n.witness);
    md << "| `" << markdown_cell(n.node) << "` | " << n.op << " | " << (n.permitted ? "permitted: " + markdown_cell(*n.permitted) : std::string("**breaks**")) << " | "
       << markdown_cell(witness) << " |\n";
  }
  if (!any) md << "\nNo culprits.\n";
  std::size_t unknown = 0;
  for (const auto& n : report.nodes) unknown += n.verdict == Verdict::Unknown;
  if (unknown) md << "\n" << unknown << " node(s) unknown; see the full report.\n";
  return md.str();
}

}  // namespace permeq
