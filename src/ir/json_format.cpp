#include "permeq/ir/json_format.hpp"
#include "src/core/json_message.hpp"

#include "permeq/core/error.hpp"
#include "permeq/core/text_file.hpp"
#include "permeq/ops/operator.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace permeq {

namespace {
using json = nlohmann::json;

struct Reader {
  std::string source;

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw Error(ErrorKind::Input, source + ": " + where + ": " + what);
  }
  const json& field(const json& object, const char* key, const std::string& where) const {
    if (!object.is_object()) fail(where, "expected an object");
    const auto it = object.find(key);
    if (it == object.end()) fail(where, "missing field \"" + std::string(key) + "\"");
    return *it;
  }
  std::string string(const json& value, const std::string& where) const {
    if (!value.is_string()) fail(where, "expected a string, got " + value.dump());
    return value.get<std::string>();
  }
  std::vector<std::string> strings(const json& value, const std::string& where) const {
    if (!value.is_array()) fail(where, "expected an array of strings");
    std::vector<std::string> out;
    for (const auto& v : value) out.push_back(string(v, where));
    return out;
  }
  std::int64_t integer(const json& value, const std::string& where) const {
    if (!value.is_number_integer()) fail(where, "expected an integer, got " + value.dump());
    return value.get<std::int64_t>();
  }
  double number(const json& value, const std::string& where) const {
    if (!value.is_number()) fail(where, "expected a number, got " + value.dump());
    return value.get<double>();
  }
  Dim dim(const json& value, const std::string& where) const {
    if (value.is_string()) return value.get<std::string>();
    return integer(value, where);
  }
  SymbolicShape shape(const json& value, const std::string& where) const {
    if (!value.is_array()) fail(where, "shape must be an array of sizes or dimension names");
    SymbolicShape out;
    for (const auto& d : value) out.push_back(dim(d, where));
    return out;
  }
  DType dtype(const json& object, const std::string& where) const {
    if (!object.contains("dtype")) return DType::Float;
    const auto text = string(object["dtype"], where + ".dtype");
    const auto parsed = parse_dtype(text);
    if (!parsed) fail(where, "dtype must be float, int64 or bool, got \"" + text + "\"");
    return *parsed;
  }
  AttrValue attribute(const json& value, AttrType type, const std::string& where) const {
    switch (type) {
      case AttrType::Int: return integer(value, where);
      case AttrType::Float: return number(value, where);
      case AttrType::String: return string(value, where);
      case AttrType::Ints: {
        if (!value.is_array()) fail(where, "expected an array of integers");
        std::vector<std::int64_t> out;
        for (const auto& v : value) out.push_back(integer(v, where));
        return out;
      }
      case AttrType::Floats: {
        if (!value.is_array()) fail(where, "expected an array of numbers");
        std::vector<double> out;
        for (const auto& v : value) out.push_back(number(v, where));
        return out;
      }
      case AttrType::Dims: {
        if (!value.is_array()) fail(where, "expected an array of sizes or dimension names");
        std::vector<Dim> out;
        for (const auto& v : value) out.push_back(dim(v, where));
        return out;
      }
    }
    fail(where, "unsupported attribute type");
  }

  Node node(const json& j, std::size_t index) const {
    const std::string at = "nodes[" + std::to_string(index) + "]";
    Node n;
    n.name = string(field(j, "name", at), at + ".name");
    const std::string where = at + " ('" + n.name + "')";
    n.op = string(field(j, "op", where), where + ".op");
    n.inputs = j.contains("inputs") ? strings(j["inputs"], where + ".inputs") : std::vector<std::string>{};
    n.outputs = strings(field(j, "outputs", where), where + ".outputs");
    if (j.contains("scope")) n.scope = string(j["scope"], where + ".scope");
    if (!j.contains("attrs")) return n;
    const auto& attrs = j["attrs"];
    if (!attrs.is_object()) fail(where, "attrs must be an object");
    const auto* info = find_operator(n.op);
    if (!info) fail(where, "unknown operator '" + n.op + "' (run `permeq ops` for the list)");
    for (const auto& item : attrs.items()) {
      const std::string key = item.key();  // a named variable: clang 14 cannot capture structured bindings
      const json& value = item.value();
      const auto spec = std::find_if(info->attributes.begin(), info->attributes.end(), [&](const AttrSpec& s) { return s.name == key; });
      if (spec == info->attributes.end()) fail(where, "operator " + n.op + " has no attribute '" + key + "'");
      n.attrs[key] = attribute(value, spec->type, where + ".attrs." + key);
    }
    return n;
  }

  Graph graph(const json& j) const {
    if (!j.is_object()) fail("top level", "expected a JSON object");
    if (j.contains("version") && integer(j["version"], "version") != graph_format_version)
      fail("version", "this permeq reads graph format version " + std::to_string(graph_format_version) + ", the file has " + j["version"].dump());
    Graph g;
    g.name = j.contains("name") ? string(j["name"], "name") : "graph";
    if (j.contains("doc")) g.doc = string(j["doc"], "doc");
    if (j.contains("dims")) {
      if (!j["dims"].is_object()) fail("dims", "expected an object of name: size");
      for (const auto& [name, size] : j["dims"].items()) g.dims[name] = integer(size, "dims." + name);
    }
    const auto& inputs = field(j, "inputs", "top level");
    if (!inputs.is_array()) fail("inputs", "expected an array");
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const std::string at = "inputs[" + std::to_string(i) + "]";
      ValueInfo v{string(field(inputs[i], "name", at), at + ".name"), dtype(inputs[i], at), shape(field(inputs[i], "shape", at), at + ".shape")};
      if (inputs[i].contains("token_axis")) g.token_axes[v.name] = static_cast<int>(integer(inputs[i]["token_axis"], at + ".token_axis"));
      g.inputs.push_back(std::move(v));
    }
    if (j.contains("parameters")) {
      const auto& params = j["parameters"];
      if (!params.is_array()) fail("parameters", "expected an array");
      for (std::size_t i = 0; i < params.size(); ++i) {
        const std::string at = "parameters[" + std::to_string(i) + "]";
        Parameter p;
        p.info = {string(field(params[i], "name", at), at + ".name"), dtype(params[i], at), shape(field(params[i], "shape", at), at + ".shape")};
        const auto kind = params[i].contains("kind") ? string(params[i]["kind"], at + ".kind") : "weight";
        if (kind != "weight" && kind != "buffer") fail(at, "kind must be \"weight\" or \"buffer\", got \"" + kind + "\"");
        p.kind = kind == "weight" ? ParameterKind::Weight : ParameterKind::Buffer;
        if (params[i].contains("data")) {
          if (!params[i]["data"].is_array()) fail(at + ".data", "expected an array of numbers");
          std::vector<double> data;
          for (const auto& v : params[i]["data"]) data.push_back(number(v, at + ".data"));
          p.data = std::move(data);
        }
        g.parameters.push_back(std::move(p));
      }
    }
    const auto& nodes = field(j, "nodes", "top level");
    if (!nodes.is_array()) fail("nodes", "expected an array");
    for (std::size_t i = 0; i < nodes.size(); ++i) g.nodes.push_back(node(nodes[i], i));
    g.outputs = strings(field(j, "outputs", "top level"), "outputs");
    try {
      validate_structure(g);
    } catch (const Error& e) {
      throw Error(e.kind(), source + ": " + e.what());
    }
    return g;
  }
};

json dim_json(const Dim& d) {
  if (const auto* size = std::get_if<std::int64_t>(&d)) return *size;
  return std::get<std::string>(d);
}

json shape_json(const SymbolicShape& shape) {
  json out = json::array();
  for (const auto& d : shape) out.push_back(dim_json(d));
  return out;
}

json attribute_json(const AttrValue& value) {
  return std::visit(
      [](const auto& v) -> json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::vector<Dim>>) {
          json out = json::array();
          for (const auto& d : v) out.push_back(dim_json(d));
          return out;
        } else {
          return v;
        }
      },
      value);
}

/// One top-level field per line and one array element (node, parameter) per line: diffs of graph
/// files then show which node changed.
std::string layout(const json& j) {
  static const std::vector<std::string> order{"format", "version", "name", "doc", "dims", "inputs", "parameters", "nodes", "outputs"};
  std::string out = "{";
  bool first = true;
  for (const auto& key : order) {
    if (!j.contains(key)) continue;
    out += (first ? "\n  " : ",\n  ") + json(key).dump() + ": ";
    first = false;
    const auto& value = j[key];
    if (value.is_array() && !value.empty() && value[0].is_object()) {
      out += "[";
      for (std::size_t i = 0; i < value.size(); ++i) out += (i ? ",\n    " : "\n    ") + value[i].dump();
      out += "\n  ]";
    } else {
      out += value.dump();
    }
  }
  return out + "\n}\n";
}

}  // namespace

Graph parse_graph_json(const std::string& text, const std::string& source) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    // e.what() names the line and column, which an editor can jump to.
    throw Error(ErrorKind::Input, source + ": malformed JSON: " + json_error_text(e.what()));
  } catch (const json::exception& e) {  // e.g. a number out of range (found by fuzzing)
    throw Error(ErrorKind::Input, source + ": malformed JSON: " + json_error_text(e.what()));
  }
  return Reader{source}.graph(j);
}

Graph load_graph_json(const std::filesystem::path& path) {
  return parse_graph_json(read_text_file(path, "graph"), path.string());
}

std::string to_graph_json(const Graph& g) {
  json j;
  j["format"] = "permeq-graph";
  j["version"] = graph_format_version;
  j["name"] = g.name;
  if (!g.doc.empty()) j["doc"] = g.doc;
  if (!g.dims.empty()) {
    j["dims"] = json::object();
    for (const auto& [name, size] : g.dims) j["dims"][name] = size;
  }
  j["inputs"] = json::array();
  for (const auto& in : g.inputs) {
    json v{{"name", in.name}, {"dtype", to_string(in.dtype)}, {"shape", shape_json(in.shape)}};
    if (const auto it = g.token_axes.find(in.name); it != g.token_axes.end()) v["token_axis"] = it->second;
    j["inputs"].push_back(v);
  }
  j["parameters"] = json::array();
  for (const auto& p : g.parameters) {
    json v{{"name", p.info.name}, {"kind", p.kind == ParameterKind::Weight ? "weight" : "buffer"}, {"dtype", to_string(p.info.dtype)},
           {"shape", shape_json(p.info.shape)}};
    if (p.data) v["data"] = p.data->to_doubles();
    j["parameters"].push_back(v);
  }
  j["nodes"] = json::array();
  for (const auto& n : g.nodes) {
    json v{{"name", n.name}, {"op", n.op}, {"inputs", n.inputs}, {"outputs", n.outputs}};
    if (!n.scope.empty()) v["scope"] = n.scope;
    if (!n.attrs.empty()) {
      v["attrs"] = json::object();
      for (const auto& [key, value] : n.attrs) v["attrs"][key] = attribute_json(value);
    }
    j["nodes"].push_back(v);
  }
  j["outputs"] = g.outputs;
  return layout(j);
}

std::map<std::string, int, std::less<>> locate_nodes(const std::string& text) {
  std::map<std::string, int, std::less<>> lines;
  std::istringstream in(text);
  std::string line;
  bool in_nodes = false;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find("\"nodes\"") != std::string::npos) in_nodes = true;
    if (!in_nodes) continue;
    const auto key = line.find("\"name\"");
    if (key == std::string::npos) continue;
    const auto open = line.find('"', line.find(':', key) + 1);
    const auto close = open == std::string::npos ? open : line.find('"', open + 1);
    if (close != std::string::npos) lines.emplace(line.substr(open + 1, close - open - 1), number);
  }
  return lines;
}

void save_graph_json(const Graph& graph, const std::filesystem::path& path) {
  std::ofstream file(path);
  if (!file) throw Error(ErrorKind::Input, path.string() + ": cannot write the graph file");
  file << to_graph_json(graph);
}

}  // namespace permeq
