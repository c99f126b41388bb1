#include "permeq/report/report.hpp"
#include "src/report/report_json.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace permeq {

namespace {
using json = nlohmann::json;

json tensor_json(const Tensor<Rational>& t) {
  json values = json::array();
  for (const auto& v : t.data) values.push_back(to_string(v));
  return {{"dtype", to_string(t.dtype)}, {"shape", t.shape}, {"values", values}};
}

json named_tensors(const std::vector<std::pair<std::string, Tensor<Rational>>>& list) {
  json out = json::array();
  for (const auto& [name, t] : list) {
    auto j = tensor_json(t);
    j["name"] = name;
    out.push_back(j);
  }
  return out;
}

json action_json(const Action& a) {
  json axes = json::array();
  for (const auto& ax : a.axes) {
    json entry{{"axis", ax.axis}, {"offset", ax.offset}};
    if (ax.structured()) {
      entry["block"] = ax.block;
      entry["repeat"] = ax.repeat;
    }
    axes.push_back(std::move(entry));
  }
  return {{"description", describe(a)}, {"axes", axes}};
}

json witness_json(const Witness& w) {
  json inputs = named_tensors(w.node_inputs);
  for (std::size_t i = 0; i < inputs.size(); ++i) inputs[i]["action"] = action_json(w.input_actions[i]);
  json claimed = json::array();
  for (const auto& a : w.output_actions) claimed.push_back(action_json(a));
  const auto& d = w.first_difference;
  return {{"tokens", w.tokens},
          {"token_dim", w.token_dim},
          {"generator", w.generator},
          {"permutation", w.sigma},
          {"node_inputs", inputs},
          {"claimed_output_actions", claimed},
          {"permuted_then_applied", named_tensors(w.permuted_then_applied)},
          {"applied_then_permuted", named_tensors(w.applied_then_permuted)},
          {"first_difference",
           {{"value", d.value}, {"index", d.index}, {"permuted_then_applied", to_string(d.permuted_then_applied)},
            {"applied_then_permuted", to_string(d.applied_then_permuted)}}},
          {"graph_values", named_tensors(w.graph_values)}};
}

json optional_number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

std::string format_json(const CheckReport& r) { return detail::report_json(r).dump(2) + "\n"; }

json detail::report_json(const CheckReport& r) {
  json j;
  j["schema"] = report_schema;
  j["graph"] = r.graph;
  j["direction"] = to_string(r.direction);
  if (r.direction == Direction::Backward) {
    j["loss"] = r.loss;
    j["not_differentiable"] = r.kinks;
  }
  j["action"] = r.property == Property::Intra ? "feature-permutation" : "token-permutation";
  j["property"] = to_string(r.property);
  j["tokens"] = r.tokens;
  if (r.transform) {
    // The weight transform: per parameter, the axes the feature permutation acts on.
    json rules = json::array();
    for (const auto& p : r.transform->permuted)
      if (std::find(r.transform->seeds.begin(), r.transform->seeds.end(), p) == r.transform->seeds.end())
        rules.push_back({{"parameter", p.input}, {"axis", p.axis}, {"block", p.block}, {"repeat", p.repeat}});
    j["transform"] = {{"features", r.transform->features}, {"rules", rules}, {"failures", r.transform->failures}};
  }
  j["permuted"] = json::array();
  for (const auto& p : r.permuted) {
    json entry{{"input", p.input}, {"axis", p.axis}};
    if (p.block != 1 || p.repeat != 1) {
      entry["block"] = p.block;
      entry["repeat"] = p.repeat;
    }
    j["permuted"].push_back(std::move(entry));
  }
  j["engine"] = {{"name", r.engine.empty() ? std::string("auto") : r.engine}, {"trials", r.trials}, {"seed", r.seed}, {"generators", {"transposition", "n-cycle"}}};
  j["scope"] = r.scope;
  j["device"] = r.device ? json{{"kind", r.device->kind},
                                {"name", r.device->name},
                                {"device_evaluations", r.device->device_evaluations},
                                {"host_evaluations", r.device->host_evaluations},
                                {"host_operators", r.device->host_operators}}
                         : json(nullptr);
  j["warnings"] = r.warnings;
  j["outputs"] = json::array();
  for (const auto& o : r.outputs)
    j["outputs"].push_back({{"output", o.output}, {"verdict", to_string(o.verdict)}, {"action", o.action}, {"axes", o.axes},
                            {"culprits", o.culprits}, {"assumed", o.assumed}, {"note", o.note}, {"proved", o.proved},
                            {"proof_scope", o.proof_scope},
                            {"miss_probability", optional_number(o.miss_probability)},
                            {"witness", o.witness ? witness_json(*o.witness) : json(nullptr)}});
  if (r.direction == Direction::Backward)
    for (std::size_t i = 0; i < r.outputs.size(); ++i) {
      j["outputs"][i]["role"] = r.outputs[i].role;
      j["outputs"][i]["gradient_of"] = r.outputs[i].gradient_of;
    }
  j["culprits"] = r.culprits;
  j["nodes"] = json::array();
  for (const auto& n : r.nodes) {
    json node{{"node", n.node}, {"op", n.op}, {"scope", n.scope}, {"verdict", to_string(n.verdict)}, {"method", method_text(n)}, {"action", n.action},
              {"note", n.note}, {"miss_probability", optional_number(n.miss_probability)}, {"inherited_from", n.inherited_from}};
    node["witness"] = n.witness ? witness_json(*n.witness) : json(nullptr);
    node["permitted"] = n.permitted ? json(*n.permitted) : json(nullptr);
    node["proved"] = n.proved;
    node["proved_end_to_end"] = n.proved_end_to_end;
    node["size_generic"] = n.size_generic;
    node["proof_scope"] = n.proof_scope;
    node["assumptions"] = n.assumptions;
    node["break_sizes"] = n.break_sizes;
    node["break_scope"] = n.break_scope;
    node["lifted_difference"] = n.lifted_difference ? json{{"value", n.lifted_difference->value},
                                                          {"index", n.lifted_difference->index},
                                                          {"permuted_then_applied", to_string(n.lifted_difference->permuted_then_applied)},
                                                          {"applied_then_permuted", to_string(n.lifted_difference->applied_then_permuted)}}
                                                    : json(nullptr);
    if (r.direction == Direction::Backward) node["origin"] = n.origin.empty() ? json(nullptr) : json(n.origin);
    if (r.backward) node["backward"] = n.backward ? json({{"verdict", to_string(*n.backward)}, {"proved", n.backward_proved}}) : json(nullptr);
    if (n.max_abs_error)
      node["numeric"] = {{"max_abs_error", *n.max_abs_error}, {"max_rel_error", optional_number(n.max_rel_error)}, {"tolerance", optional_number(n.tolerance)}};
    node["inputs"] = json::array();
    for (const auto& [value, action] : n.inputs) node["inputs"].push_back({{"value", value}, {"action", action}});
    j["nodes"].push_back(node);
  }
  if (r.policy) {
    json expectations = json::array();
    for (const auto& e : r.policy->expectations)
      expectations.push_back({{"output", e.output}, {"expected", e.expected}, {"met", e.met}, {"explanation", e.explanation}});
    j["policy"] = {{"source", r.policy->source}, {"expectations", expectations}, {"unpermitted_culprits", r.policy->unpermitted_culprits},
                   {"exit_code", r.policy->exit_code}};
  } else {
    j["policy"] = nullptr;
  }
  j["summary"] = {{"exit_code", r.exit_code()}, {"seconds", r.seconds}, {"largest_rational_bits", r.largest_rational_bits}};
  json timing = json::object();
  double total = 0.0;
  for (const auto& [phase, seconds] : r.timing) {
    timing[phase] = seconds;
    total += seconds;
  }
  timing["total"] = total;
  j["timing"] = timing;
  j["weights"] = r.weights;
  j["instance"] = r.instance ? report_json(*r.instance) : json(nullptr);
  if (r.direction == Direction::Forward) j["backward"] = r.backward ? report_json(*r.backward) : json(nullptr);
  if (r.intra) j["intra"] = report_json(*r.intra);
  return j;
}

}  // namespace permeq
