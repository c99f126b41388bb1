#include "permeq/ir/graph.hpp"

#include "permeq/core/error.hpp"
#include "permeq/ops/operator.hpp"

#include <algorithm>
#include <queue>
#include <set>

namespace permeq {

namespace {
[[noreturn]] void input_error(const std::string& message) { throw Error(ErrorKind::Input, message); }

template <class T>
const T* attribute(const Node& node, std::string_view key) {
  const auto it = node.attrs.find(key);
  if (it == node.attrs.end()) return nullptr;
  if (const auto* value = std::get_if<T>(&it->second)) return value;
  input_error(node.describe() + ": attribute '" + std::string(key) + "' has the wrong type (" +
              std::string(to_string(attr_type_of(it->second))) + ")");
}
}  // namespace

std::string Node::describe() const { return "node '" + name + "' (" + op + ")"; }

std::int64_t Node::get_int(std::string_view key, std::int64_t fallback) const {
  const auto* v = attribute<std::int64_t>(*this, key);
  return v ? *v : fallback;
}

double Node::get_float(std::string_view key, double fallback) const {
  const auto it = attrs.find(key);
  if (it != attrs.end())
    if (const auto* i = std::get_if<std::int64_t>(&it->second)) return static_cast<double>(*i);
  const auto* v = attribute<double>(*this, key);
  return v ? *v : fallback;
}

std::string Node::get_string(std::string_view key, std::string_view fallback) const {
  const auto* v = attribute<std::string>(*this, key);
  return v ? *v : std::string(fallback);
}

std::vector<std::int64_t> Node::get_ints(std::string_view key) const {
  const auto* v = attribute<std::vector<std::int64_t>>(*this, key);
  return v ? *v : std::vector<std::int64_t>{};
}

std::vector<double> Node::get_floats(std::string_view key) const {
  const auto* v = attribute<std::vector<double>>(*this, key);
  return v ? *v : std::vector<double>{};
}

std::vector<std::int64_t> Node::get_sizes(std::string_view key) const {
  const auto it = attrs.find(key);
  if (it == attrs.end()) return {};
  if (const auto* ints = std::get_if<std::vector<std::int64_t>>(&it->second)) return *ints;
  std::vector<std::int64_t> sizes;
  for (const auto& d : *attribute<std::vector<Dim>>(*this, key)) {
    if (!std::holds_alternative<std::int64_t>(d))
      input_error(describe() + ": dimension '" + std::get<std::string>(d) + "' in attribute '" + std::string(key) + "' is not bound");
    sizes.push_back(std::get<std::int64_t>(d));
  }
  return sizes;
}

const Node* Graph::find_node(std::string_view node_name) const {
  const auto it = std::find_if(nodes.begin(), nodes.end(), [&](const Node& n) { return n.name == node_name; });
  return it == nodes.end() ? nullptr : &*it;
}
const ValueInfo* Graph::find_input(std::string_view input_name) const {
  const auto it = std::find_if(inputs.begin(), inputs.end(), [&](const ValueInfo& v) { return v.name == input_name; });
  return it == inputs.end() ? nullptr : &*it;
}
const Parameter* Graph::find_parameter(std::string_view parameter_name) const {
  const auto it = std::find_if(parameters.begin(), parameters.end(), [&](const Parameter& p) { return p.info.name == parameter_name; });
  return it == parameters.end() ? nullptr : &*it;
}

namespace {

void check_attributes(const Node& node, const OperatorInfo& info) {
  for (const auto& entry : node.attrs) {
    const std::string& key = entry.first;  // a named variable: clang 14 cannot capture structured bindings
    const AttrValue& value = entry.second;
    const auto spec = std::find_if(info.attributes.begin(), info.attributes.end(), [&](const AttrSpec& s) { return s.name == key; });
    if (spec == info.attributes.end()) {
      std::string known;
      for (const auto& s : info.attributes) known += (known.empty() ? "" : ", ") + std::string(s.name);
      input_error(node.describe() + ": unknown attribute '" + key + "' (" + (known.empty() ? "it takes none" : "it takes " + known) + ")");
    }
    const auto type = attr_type_of(value);
    const bool compatible = type == spec->type || (spec->type == AttrType::Dims && type == AttrType::Ints) ||
                            (spec->type == AttrType::Float && type == AttrType::Int);
    if (!compatible)
      input_error(node.describe() + ": attribute '" + key + "' must be " + std::string(to_string(spec->type)) + ", got " +
                  std::string(to_string(type)));
  }
  for (const auto& spec : info.attributes)
    if (spec.required && !node.has(spec.name))
      input_error(node.describe() + ": missing required attribute '" + std::string(spec.name) + "' (" + std::string(spec.doc) + ")");
}

std::vector<std::size_t> topological_order(const Graph& graph) {
  std::map<std::string, std::size_t, std::less<>> producer;
  for (std::size_t i = 0; i < graph.nodes.size(); ++i)
    for (const auto& out : graph.nodes[i].outputs) producer[out] = i;
  std::vector<std::size_t> pending(graph.nodes.size(), 0);
  std::vector<std::vector<std::size_t>> users(graph.nodes.size());
  for (std::size_t i = 0; i < graph.nodes.size(); ++i)
    for (const auto& in : graph.nodes[i].inputs)
      if (const auto it = producer.find(in); it != producer.end()) {
        ++pending[i];
        users[it->second].push_back(i);
      }
  // Smallest index first, so a graph already written in order keeps its order in reports.
  std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
  for (std::size_t i = 0; i < pending.size(); ++i)
    if (pending[i] == 0) ready.push(i);
  std::vector<std::size_t> order;
  while (!ready.empty()) {
    const auto i = ready.top();
    ready.pop();
    order.push_back(i);
    for (const auto u : users[i])
      if (--pending[u] == 0) ready.push(u);
  }
  if (order.size() != graph.nodes.size()) {
    std::string cycle;
    for (std::size_t i = 0; i < pending.size(); ++i)
      if (pending[i] != 0) cycle += (cycle.empty() ? "" : ", ") + graph.nodes[i].name;
    input_error("graph '" + graph.name + "' has a cycle through nodes " + cycle);
  }
  return order;
}

}  // namespace

void validate_structure(const Graph& graph) {
  std::set<std::string, std::less<>> defined, node_names;
  auto define = [&](const std::string& value, const std::string& by) {
    if (value.empty()) input_error(by + " defines a value with an empty name");
    if (!defined.insert(value).second) input_error("value '" + value + "' is defined twice (again by " + by + ")");
  };
  for (const auto& in : graph.inputs) define(in.name, "input '" + in.name + "'");
  for (const auto& p : graph.parameters) define(p.info.name, "parameter '" + p.info.name + "'");
  for (const auto& node : graph.nodes) {
    if (node.name.empty()) input_error("a node with operator " + node.op + " has no name");
    if (!node_names.insert(node.name).second) input_error("node name '" + node.name + "' is used twice");
    const auto* info = find_operator(node.op);
    if (!info) input_error(node.describe() + ": unknown operator '" + node.op + "' (run `permeq ops` for the list)");
    const auto n_in = static_cast<int>(node.inputs.size());
    if (n_in < info->min_inputs || n_in > info->max_inputs)
      input_error(node.describe() + ": takes " +
                  (info->min_inputs == info->max_inputs ? std::to_string(info->min_inputs)
                                                        : std::to_string(info->min_inputs) + " to " + std::to_string(info->max_inputs)) +
                  " inputs, got " + std::to_string(n_in));
    const auto n_out = static_cast<int>(node.outputs.size());
    if (info->outputs >= 0 ? n_out != info->outputs : n_out < 1)
      input_error(node.describe() + ": must have " + (info->outputs >= 0 ? std::to_string(info->outputs) : "at least 1") + " outputs, got " +
                  std::to_string(n_out));
    check_attributes(node, *info);
    for (const auto& out : node.outputs) define(out, node.describe());
  }
  for (const auto& node : graph.nodes)
    for (const auto& in : node.inputs)
      if (!defined.count(in)) input_error(node.describe() + ": input '" + in + "' is not defined by any input, parameter or node");
  for (const auto& out : graph.outputs)
    if (!defined.count(out)) input_error("graph output '" + out + "' is not defined");
  if (graph.outputs.empty()) input_error("graph '" + graph.name + "' has no outputs");
  (void)topological_order(graph);
}

std::vector<std::size_t> cone_order(const InstantiatedGraph& g, std::string_view value) {
  std::map<std::string_view, std::size_t> producer;
  for (const auto index : g.order)
    for (const auto& out : g.graph.nodes[index].outputs) producer[out] = index;
  std::vector<bool> needed(g.graph.nodes.size(), false);
  std::vector<std::string_view> pending{value};
  while (!pending.empty()) {
    const auto name = pending.back();
    pending.pop_back();
    const auto it = producer.find(name);
    if (it == producer.end() || needed[it->second]) continue;
    needed[it->second] = true;
    for (const auto& in : g.graph.nodes[it->second].inputs) pending.push_back(in);
  }
  std::vector<std::size_t> order;
  for (const auto index : g.order)
    if (needed[index]) order.push_back(index);
  return order;
}

std::set<std::string, std::less<>> dimension_names(const Graph& graph) {
  std::set<std::string, std::less<>> names;
  auto add = [&](const std::vector<Dim>& shape) {
    for (const auto& d : shape)
      if (const auto* name = std::get_if<std::string>(&d)) {
        const auto expression = parse_dim_expression(*name);
        names.insert(expression ? expression->name : *name);
      }
  };
  for (const auto& [name, size] : graph.dims) names.insert(name);
  for (const auto& in : graph.inputs) add(in.shape);
  for (const auto& p : graph.parameters) add(p.info.shape);
  for (const auto& node : graph.nodes)
    for (const auto& [key, value] : node.attrs)
      if (const auto* dims = std::get_if<std::vector<Dim>>(&value)) add(*dims);
  return names;
}

InstantiatedGraph instantiate(const Graph& source, const DimBindings& overrides) {
  validate_structure(source);
  DimBindings bindings(source.dims.begin(), source.dims.end());
  for (const auto& [name, size] : overrides) bindings[name] = size;
  auto bind = [&](const Dim& dim, const std::string& where) -> std::int64_t {
    if (const auto* size = std::get_if<std::int64_t>(&dim)) {
      if (*size < 0) input_error(where + ": negative dimension " + std::to_string(*size));
      return *size;
    }
    const auto& text = std::get<std::string>(dim);
    const auto expression = parse_dim_expression(text);
    const auto it = bindings.find(expression ? expression->name : text);
    if (it == bindings.end())
      input_error(where + ": dimension '" + text + "' has no size (give it in the graph's \"dims\" or with --dim)");
    const auto size = expression ? expression->at(it->second) : it->second;
    if (size < 0) input_error(where + ": dimension '" + text + "' is " + std::to_string(size) + " at " + it->first + " = " + std::to_string(it->second));
    return size;
  };

  InstantiatedGraph result;
  result.graph = source;
  auto bind_shape = [&](ValueInfo& info, const std::string& where) {
    Shape shape;
    for (auto& d : info.shape) d = bind(d, where);
    for (const auto& d : info.shape) shape.push_back(std::get<std::int64_t>(d));
    result.types[info.name] = {info.dtype, shape};
  };
  for (auto& in : result.graph.inputs) bind_shape(in, "input '" + in.name + "'");
  for (auto& p : result.graph.parameters) {
    bind_shape(p.info, "parameter '" + p.info.name + "'");
    const auto count = element_count(result.types[p.info.name].shape);
    if (p.data && static_cast<std::int64_t>(p.data->size()) != count)
      input_error("parameter '" + p.info.name + "' stores " + std::to_string(p.data->size()) + " values for shape " +
                  to_string(result.types[p.info.name].shape) + " (needs " + std::to_string(count) + ")");
  }
  for (auto& node : result.graph.nodes)
    for (auto& [key, value] : node.attrs)
      if (auto* dims = std::get_if<std::vector<Dim>>(&value))
        for (auto& d : *dims)
          if (std::holds_alternative<std::string>(d)) d = bind(d, node.describe() + " attribute '" + key + "'");

  result.order = topological_order(result.graph);
  for (const auto index : result.order) {
    const auto& node = result.graph.nodes[index];
    std::vector<TensorType> in;
    for (const auto& name : node.inputs) in.push_back(result.types.at(name));
    const auto out = find_operator(node.op)->infer(node, in);
    if (out.size() != node.outputs.size())
      throw Error(ErrorKind::Internal, node.describe() + ": shape rule returned " + std::to_string(out.size()) + " outputs");
    for (std::size_t k = 0; k < out.size(); ++k) result.types[node.outputs[k]] = out[k];
  }
  return result;
}

}  // namespace permeq
