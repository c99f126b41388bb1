#include "permeq/report/report.hpp"
#include "src/report/wording.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

namespace permeq {

namespace {

std::string nested(const Tensor<Rational>& t, std::size_t axis, std::size_t& flat, std::size_t max_elements) {
  if (axis == t.rank()) return to_string(t.data[flat++]);
  std::string out = "[";
  const auto len = static_cast<std::size_t>(t.shape[axis]);
  for (std::size_t i = 0; i < len; ++i) {
    if (flat >= max_elements && i > 0) {
      // skip the rest of this sub-tensor
      std::size_t inner = 1;
      for (std::size_t a = axis + 1; a < t.rank(); ++a) inner *= static_cast<std::size_t>(t.shape[a]);
      flat += (len - i) * inner;
      out += ", ...";
      break;
    }
    out += (i ? ", " : "") + nested(t, axis + 1, flat, max_elements);
  }
  return out + "]";
}

std::string probability(double p) {
  if (p == 0.0) return "0";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1e", p);
  return buffer;
}

/// Where the numeric engine ran on a GPU, and which operators it left to the CPU.
std::string device_line(const DeviceUse& d) {
  std::string line = "device: " + d.kind + " (" + d.name + "): " + std::to_string(d.device_evaluations) + " node evaluations on the GPU, " +
                     std::to_string(d.host_evaluations) + " on the CPU";
  if (!d.host_operators.empty()) {
    line += " (";
    for (std::size_t i = 0; i < d.host_operators.size(); ++i) line += (i ? ", " : "") + d.host_operators[i];
    line += ")";
  }
  return line + "; Freivalds' tests and the comparisons on the CPU";
}

std::string pad(const std::string& text, std::size_t width) { return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' '); }

}  // namespace

std::string format_tensor(const Tensor<Rational>& tensor, std::size_t max_elements) {
  std::size_t flat = 0;
  return nested(tensor, 0, flat, max_elements);
}

std::string format_text(const CheckReport& r, const TextOptions& options) {
  auto paint = [&](Verdict v, const std::string& text) {
    if (!options.color) return text;
    const char* code = v == Verdict::Breaks ? "31;1" : v == Verdict::Inherits ? "33" : v == Verdict::Unknown ? "35" : "32";
    return "\x1b[" + std::string(code) + "m" + text + "\x1b[0m";
  };
  std::ostringstream out;
  const bool intra = r.property == Property::Intra;
  std::string permuted;
  for (const auto& p : intra && r.transform ? r.transform->seeds : r.permuted) permuted += (permuted.empty() ? "" : ", ") + to_string(p);
  out << "permeq check: " << r.graph << "  (" << to_string(r.direction) << (intra ? ", feature permutations; d = " : ", token permutations; n = ") << r.tokens
      << "; permuted " << permuted << ")\n";
  if (intra && r.transform) {
    // One line per permuted weight: the rule T(W) applies to it.
    std::map<std::string, std::string> rules;
    for (const auto& p : r.transform->permuted) {
      if (std::find(r.transform->seeds.begin(), r.transform->seeds.end(), p) != r.transform->seeds.end()) continue;
      std::string axis = std::to_string(p.axis);
      if (p.block != 1) axis += " in blocks of " + std::to_string(p.block);
      if (p.repeat != 1) axis += " alike in " + std::to_string(p.repeat) + " runs";
      rules[p.input] += (rules[p.input].empty() ? "" : ", ") + axis;
    }
    out << "weight transform (axes the feature permutation acts on):\n";
    for (const auto& [name, axes] : rules) out << "  " << name << ": axis " << axes << "\n";
  }
  if (!r.loss.empty()) out << "loss: " << r.loss << "\n";
  for (const auto& w : r.warnings) out << "warning: " << w << "\n";
  for (const auto& k : r.kinks) out << "not differentiable: " << k << "\n";
  const bool backward_column = r.backward != nullptr;

  std::size_t name_width = 4;
  for (const auto& n : r.nodes) name_width = std::max(name_width, n.node.size());
  name_width = std::min<std::size_t>(name_width + 2, 48);
  std::size_t method_width = 8;
  for (const auto& n : r.nodes) method_width = std::max(method_width, method_text(n).size() + 2);
  const auto listed = [&](const NodeReport& n) { return options.all_nodes || n.verdict == Verdict::Breaks || n.verdict == Verdict::Unknown; };
  if (std::any_of(r.nodes.begin(), r.nodes.end(), listed))
    out << "\n  " << pad("node", name_width) << pad("op", 12) << pad("verdict", 13) << (backward_column ? pad("backward", 13) : "")
        << pad("method", method_width) << "note\n";
  else
    out << "\nno culprits and no unknown nodes among " << count_of(r.nodes.size(), "node") << "\n";
  for (const auto& n : r.nodes) {
    if (!listed(n)) continue;
    std::string note = n.note.empty() ? n.action : n.note;
    if (n.verdict == Verdict::Inherits && !n.inherited_from.empty()) {
      note = "from";
      for (const auto& c : n.inherited_from) note += " " + c;
    }
    if (n.miss_probability && *n.miss_probability > 0) note += "  (miss <= " + probability(*n.miss_probability) + ")";
    if (n.permitted) note = "permitted by policy: " + *n.permitted;
    if (n.proved && n.method != Method::Static) note += n.size_generic ? "  [proved: all n, all widths]" : "  [proved: bounded]";
    if (n.verdict == Verdict::Breaks && !n.break_sizes.empty()) {
      std::string sizes;
      for (const auto size : n.break_sizes) sizes += (sizes.empty() ? "" : ", ") + std::to_string(size);
      note += "  [breaks: n = " + sizes + "]";
    }
    if (n.origin == "loss") note = "[loss] " + note;
    else if (!n.origin.empty()) note = "[rule of " + n.origin + "] " + note;
    const std::string verdict(to_string(n.verdict));
    std::string backward;
    if (backward_column) {
      backward = n.backward ? std::string(n.backward == Verdict::Breaks ? "BREAKS" : to_string(*n.backward)) : "-";
      if (n.backward_proved) backward += "*";
    }
    out << (n.verdict == Verdict::Breaks ? "* " : "  ") << pad(n.node, name_width) << pad(n.op, 12)
        << paint(n.verdict, pad(n.verdict == Verdict::Breaks ? "BREAKS" : verdict, 13))
        << (backward_column ? paint(n.backward.value_or(Verdict::Unknown), pad(backward, 13)) : "") << pad(method_text(n), method_width) << note << "\n";
  }

  out << "\noutputs:\n";
  for (const auto& o : r.outputs) {
    out << "  " << o.output;
    if (!o.role.empty()) out << " [" << o.role << (o.gradient_of.empty() ? "" : " of '" + o.gradient_of + "'") << "]";
    out << ": " << paint(o.verdict, std::string(to_string(o.verdict)));
    if (o.verdict == Verdict::Equivariant) out << " (" << o.action << ")";
    if (o.proved) out << ", " << o.proof_scope;
    if (!o.culprits.empty()) {
      out << " (culprit" << (o.culprits.size() > 1 ? "s" : "") << ":";
      for (const auto& c : o.culprits) out << " " << c;
      out << ")";
    }
    if (!o.note.empty()) out << " - " << o.note;
    if (o.miss_probability && *o.miss_probability > 0) out << "  (miss <= " << probability(*o.miss_probability) << ")";
    out << "\n";
  }

  for (const auto& n : r.nodes) {
    if (!n.witness) continue;
    const auto& w = *n.witness;
    out << "\nculprit " << n.node << " (" << n.op << ")" << (n.origin == "loss" ? " in the loss" : !n.origin.empty() ? " in the derivative rule of " + n.origin : "")
        << ": exact witness at " << witness_size(r, w) << ", " << w.generator << " sigma = " << describe(w.sigma)
        << "\n";
    for (std::size_t i = 0; i < w.node_inputs.size(); ++i)
      out << "  input " << w.node_inputs[i].first << " (" << describe(w.input_actions[i]) << ") = " << format_tensor(w.node_inputs[i].second) << "\n";
    out << "  " << w.first_difference.value << ": " << difference_text(w.first_difference, "  but  ") << "  (claimed: " << describe(w.output_actions[0]) << ")\n";
    if (n.lifted_difference) {
      const auto& lifted = *n.lifted_difference;
      out << "  lifted to n = " << n.break_sizes.back() << ": " << n.break_scope << "\n  " << lifted.value << " at n = " << n.break_sizes.back()
          << ": " << difference_text(lifted, "  but  ") << "\n";
    }
  }

  for (const auto& o : r.outputs) {
    if (!o.witness) continue;
    const auto& w = *o.witness;
    out << "\noutput " << o.output << ": witness of the whole graph at n = " << w.tokens << ", " << w.generator << " sigma = " << describe(w.sigma)
        << " (every input and weight of the draw is in --format json)\n";
    out << "  " << w.first_difference.value << ": " << difference_text(w.first_difference, "  but  ") << "  (claimed: " << describe(w.output_actions[0])
        << "; neither invariant nor permuted like the tokens either)\n";
  }

  if (r.policy) {
    out << "\npolicy " << r.policy->source << ":\n";
    for (const auto& e : r.policy->expectations)
      out << "  " << (e.met ? "met    " : "UNMET  ") << e.output << " is " << e.expected << (e.met ? "" : ": " + e.explanation) << "\n";
  }

  std::size_t holds = 0, breaks = 0, inherits = 0, unknown = 0;
  for (const auto& n : r.nodes) {
    if (n.verdict == Verdict::Breaks) ++breaks;
    else if (n.verdict == Verdict::Inherits) ++inherits;
    else if (n.verdict == Verdict::Unknown) ++unknown;
    else ++holds;
  }
  const int code = r.exit_code();
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", r.seconds);
  const char* headline = r.policy ? (code == 0 ? "policy met" : code == 1 ? "policy not met: an expectation is false" : "policy not met: inconclusive")
                                  : (code == 0 ? "every output equivariant or invariant" : code == 1 ? "some output breaks" : "inconclusive");
  out << "\nsummary: " << headline << "; "
      << count_of(r.nodes.size(), "node") << ": " << holds << " hold, " << breaks << " break, " << inherits << " inherit, " << unknown << " unknown; " << seconds
      << " s; largest exact number " << r.largest_rational_bits << " bits\n";
  out << "scope: " << r.scope << "\n";
  if (r.device && r.device->kind != "cpu") out << device_line(*r.device) << "\n";
  if (backward_column)
    out << "(backward column: the worst verdict over the node and its derivative rule in the gradient graph; * proved)\n";
  if (r.instance) {
    const auto& in = *r.instance;
    out << "\ninstance (" << in.engine << ", " << (in.weights == "stored" ? "the stored weights" : "random weights") << "):\n";
    if (in.device && in.device->kind != "cpu") out << "  " << device_line(*in.device) << "\n";
    for (const auto& o : in.outputs) {
      out << "  " << o.output << ": " << paint(o.verdict, std::string(to_string(o.verdict)));
      if (!o.culprits.empty()) {
        out << " (culprit" << (o.culprits.size() > 1 ? "s:" : ":");
        for (const auto& c : o.culprits) out << " " << c;
        out << ")";
      }
      out << "\n";
    }
    double worst = 0.0;
    for (const auto& n : in.nodes)
      if (n.max_abs_error && n.verdict != Verdict::Breaks) worst = std::max(worst, *n.max_abs_error);
    char line[96];
    std::snprintf(line, sizeof line, "  largest difference at a node that agrees: %.3g; %.2f s\n", worst, in.seconds);
    out << line;
  }
  if (r.backward) {
    TextOptions backward = options;
    backward.all_nodes = false;
    out << "\n" << format_text(*r.backward, backward);
  }
  if (r.intra) out << "\n" << format_text(*r.intra, options);
  return out.str();
}

}  // namespace permeq
