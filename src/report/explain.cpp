#include "permeq/core/error.hpp"
#include "permeq/ops/operator.hpp"
#include "permeq/report/report.hpp"
#include "src/report/graph_paths.hpp"
#include "src/report/wording.hpp"

#include <sstream>

namespace permeq {

namespace {

/// "x -> a -> b": the chain from a permuted input to `value`.
std::string path_to(const Graph& graph, const CheckReport& report, const std::string& value) {
  std::string chain;
  for (const auto& step : detail::path_from_permuted_input(graph, report, value)) chain += (chain.empty() ? "" : " -> ") + step;
  return chain;
}

}  // namespace

std::string format_explanation(const CheckReport& report, const Graph& graph, const std::string& node_name) {
  const auto it = std::find_if(report.nodes.begin(), report.nodes.end(), [&](const NodeReport& n) { return n.node == node_name; });
  if (it == report.nodes.end()) {
    std::string culprits;
    for (const auto& c : report.culprits) culprits += (culprits.empty() ? "" : ", ") + c;
    throw Error(ErrorKind::Usage, "graph '" + report.graph + "' has no node '" + node_name + "'" +
                                      (culprits.empty() ? std::string() : " (its culprits: " + culprits + ")"));
  }
  const NodeReport& n = *it;
  const auto* info = find_operator(n.op);
  std::ostringstream out;
  out << "Node " << n.node << " (" << n.op << ")";
  if (info) out << ": " << info->summary << " [" << info->reference << "]";
  out << "\n\n1. How the token permutation reaches it (n = " << report.tokens << " tokens, sigma acting on";
  for (const auto& p : report.permuted) out << " " << p.input << ":" << p.axis;
  out << ")\n";
  for (const auto& [value, action] : n.inputs) {
    out << "   - input " << value << " is " << action;
    if (action == "invariant") out << ": it does not depend on the permuted inputs, or the permutation cancels out before it";
    else if (const auto path = path_to(graph, report, value); !path.empty()) out << ", along " << path;
    out << "\n";
  }
  out << "\n2. The obligation\n";
  if (n.method == Method::Static) {
    out << "   No input depends on the permuted inputs, so the output cannot change: it is invariant by construction.\n";
    return out.str();
  }
  std::string lhs = n.op + "(", rhs = n.op + "(";
  for (std::size_t i = 0; i < n.inputs.size(); ++i) {
    const bool acted = n.inputs[i].second != "invariant";
    lhs += (i ? ", " : "") + (acted ? "sigma." + n.inputs[i].first : n.inputs[i].first);
    rhs += (i ? ", " : "") + n.inputs[i].first;
  }
  lhs += ")";
  rhs += ")";
  if (n.verdict == Verdict::Unknown && n.action.empty()) {
    out << "   None can be stated: " << n.note << ".\n\n3. Verdict: unknown. permeq reports this honestly instead of guessing.\n";
    return out.str();
  }
  const bool invariant_claim = n.action == "invariant";
  out << "   For every value of the inputs and every permutation sigma of the tokens:\n     " << lhs << " = "
      << (invariant_claim ? rhs : "sigma." + rhs) << "\n   where sigma. permutes a value the way its action says (the output: " << n.action << ").\n"
      << "   Every permutation is a product of the transposition (0 1) and the n-cycle, so it is enough that the\n"
      << "   identity holds for these two generators, for every input.\n";
  out << "\n3. Verdict: " << (n.verdict == Verdict::Breaks ? "BREAKS" : std::string(to_string(n.verdict))) << " (" << method_text(n) << ")\n";
  switch (n.verdict) {
    case Verdict::Breaks: {
      const auto& w = *n.witness;
      out << "   Counterexample, exact, with n = " << w.tokens << " tokens and the " << w.generator << " sigma = " << describe(w.sigma)
          << " (token i of the permuted input is token sigma[i] of the original):\n";
      for (std::size_t i = 0; i < w.node_inputs.size(); ++i)
        out << "     " << w.node_inputs[i].first << " (" << describe(w.input_actions[i]) << ") = " << format_tensor(w.node_inputs[i].second) << "\n";
      const auto& d = w.first_difference;
      out << "   Applying the node to the permuted inputs gives " << d.value << index_text(d.index) << " = " << to_string(d.permuted_then_applied)
          << ",\n   but permuting its output gives " << to_string(d.applied_then_permuted) << ". The two sides differ, so the\n"
          << "   obligation fails: this node is where the symmetry breaks.";
      if (n.permitted) out << " The policy permits it: " << *n.permitted << ".";
      out << "\n";
      break;
    }
    case Verdict::Inherits:
      out << "   The node itself keeps the obligation, but its input already carries a break from";
      for (const auto& c : n.inherited_from) out << " " << c;
      out << ".\n";
      break;
    case Verdict::Unknown: out << "   " << n.note << "\n"; break;
    default:
      if (n.proved) {
        out << "   Proved (" << method_text(n) << "): " << n.proof_scope << ".\n";
        if (!n.assumptions.empty()) {
          out << "   The proof assumes:\n";
          for (const auto& a : n.assumptions) out << "     - " << a << "\n";
        }
        out << "   Pointwise functions are uninterpreted, so the proof holds for every function with those properties.\n";
        break;
      }
      out << "   The identity held exactly on every random draw of inputs and weights, for both generators.\n"
          << "   This is evidence, not a proof";
      if (n.miss_probability) out << ": the chance that a break went unnoticed is at most " << *n.miss_probability;
      out << ".\n";
  }
  return out.str();
}

std::string format_report(const CheckReport& report, std::string_view format, const ReportContext& context) {
  if (format == "text") return format_text(report, context.text);
  if (format == "json") return format_json(report);
  if (format == "junit") return format_junit(report);
  if (format == "sarif") return format_sarif(report, context.source);
  if (format == "markdown") return format_markdown(report);
  if (format == "html") {
    if (!context.graph) throw Error(ErrorKind::Usage, "the html report draws the graph: format_report needs it (ReportContext::graph)");
    return format_html(report, *context.graph, context.html);
  }
  throw Error(ErrorKind::Usage, "unknown report format '" + std::string(format) + "' (text, json, junit, sarif, markdown or html)");
}

}  // namespace permeq
