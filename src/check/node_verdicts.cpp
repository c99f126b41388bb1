// Node verdicts from any engine's findings (src/check/findings.hpp): one account of which breaking
// nodes are culprits and which inherit a break from upstream, and of how breaks, permitted breaks
// and proofs reach every value.

#include "src/check/findings.hpp"

#include <algorithm>

namespace permeq {

void assemble_nodes(const Analysis& a, const EngineFindings& findings, const std::map<std::size_t, std::string>& permitted,
                    const AssemblyRules& rules, CheckReport& report) {
  const auto& nodes = a.graph.graph.nodes;
  std::map<std::string, std::set<std::string>, std::less<>> culprits_of;
  for (std::size_t pos = 0; pos < a.graph.order.size(); ++pos) {
    const auto index = a.graph.order[pos];
    const auto& node = nodes[index];
    const auto& f = findings.nodes[pos];
    std::set<std::string> upstream;
    for (const auto& in : node.inputs)
      if (const auto it = culprits_of.find(in); it != culprits_of.end()) upstream.insert(it->second.begin(), it->second.end());
    NodeReport r;
    r.node = node.name;
    r.op = node.op;
    r.scope = node.scope;
    for (const auto& in : node.inputs) r.inputs.emplace_back(in, a.states.at(in).representable ? describe(a.states.at(in).action) : "unknown");
    r.method = f.method;
    r.note = f.note;
    r.max_abs_error = f.max_abs_error;
    r.max_rel_error = f.max_rel_error;
    r.tolerance = f.tolerance;
    auto inherit = [&](std::string note) {
      r.verdict = Verdict::Inherits;
      r.inherited_from.assign(upstream.begin(), upstream.end());
      r.note = std::move(note);
    };
    bool culprit = false;
    switch (f.evidence) {
      case Evidence::Independent:
        r.verdict = Verdict::Invariant;
        r.action = describe(Action{});
        break;
      case Evidence::NoClaim:
      case Evidence::NotTested: r.verdict = Verdict::Unknown; break;
      case Evidence::Refuted:
        r.action = describe(a.claims[index].outputs[0]);
        if (f.local && !upstream.empty()) {
          inherit("receives a broken value; its own obligation fails too, but only for input actions this graph does not produce here "
                  "(the break is local to the node's obligation)");
        } else {
          r.verdict = Verdict::Breaks;
          r.witness = f.witness;
          if (const auto p = permitted.find(index); p != permitted.end()) r.permitted = p->second;
          else culprit = true;
        }
        break;
      case Evidence::Undecided:
        r.action = describe(a.claims[index].outputs[0]);
        r.verdict = Verdict::Unknown;
        if (rules.inherit_downstream && !upstream.empty()) inherit(f.note);
        break;
      case Evidence::NoBreakSeen:
        r.action = describe(a.claims[index].outputs[0]);
        if ((rules.inherit_downstream || f.receives_broken) && !upstream.empty()) {
          inherit(rules.inherit_downstream ? f.note : "locally " + r.action + ", but receives a broken value");
        } else {
          r.verdict = a.claims[index].outputs[0].invariant() ? Verdict::Invariant : Verdict::Equivariant;
          r.miss_probability = f.miss_probability;
        }
        break;
    }
    if (culprit) upstream.insert(node.name);
    for (const auto& out : node.outputs) culprits_of[out] = upstream;
    report.nodes.push_back(std::move(r));
  }
}

const std::set<std::string>& ValueFlow::culprits_of(const std::string& value) const {
  static const std::set<std::string> none;
  const auto it = culprits.find(value);
  return it == culprits.end() ? none : it->second;
}

const std::set<std::string>& ValueFlow::assumed_of(const std::string& value) const {
  static const std::set<std::string> none;
  const auto it = assumed.find(value);
  return it == assumed.end() ? none : it->second;
}

ValueFlow value_flow(const Analysis& a, const CheckReport& report) {
  ValueFlow flow;
  for (const auto& in : a.graph.graph.inputs) flow.proved.insert(in.name), flow.generic.insert(in.name);
  for (const auto& p : a.graph.graph.parameters) flow.proved.insert(p.info.name), flow.generic.insert(p.info.name);
  for (std::size_t pos = 0; pos < a.graph.order.size(); ++pos) {
    const auto& node = a.graph.graph.nodes[a.graph.order[pos]];
    const auto& r = report.nodes[pos];
    std::set<std::string> culprits, assumed;
    bool inputs_proved = true, generic = r.size_generic, end_to_end = r.proved_end_to_end, undecided = r.verdict == Verdict::Unknown;
    for (const auto& in : node.inputs) {
      const auto& c = flow.culprits_of(in);
      const auto& p = flow.assumed_of(in);
      culprits.insert(c.begin(), c.end());
      assumed.insert(p.begin(), p.end());
      inputs_proved = inputs_proved && flow.proved.count(in);
      generic = generic && flow.generic.count(in);
      end_to_end = end_to_end || flow.end_to_end.count(in);
      undecided = undecided || flow.undecided.count(in);
    }
    if (r.verdict == Verdict::Breaks) (r.permitted ? assumed : culprits).insert(node.name);
    // A value proved end to end holds whatever its inputs' own proofs say.
    const bool proved = r.proved && (r.proved_end_to_end || inputs_proved);
    for (const auto& out : node.outputs) {
      flow.culprits[out] = culprits;
      flow.assumed[out] = assumed;
      if (proved) flow.proved.insert(out);
      if (proved && generic && !end_to_end) flow.generic.insert(out);
      if (end_to_end) flow.end_to_end.insert(out);
      if (undecided) flow.undecided.insert(out);
    }
  }
  return flow;
}

}  // namespace permeq
