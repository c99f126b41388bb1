// permeq/ir/graph.hpp: the computation-graph IR that every engine reads.
//
// A graph has inputs (the data a user permutes), parameters (weights, with or without stored
// values) and constant buffers, nodes that apply registered operators to named values, and
// outputs. Shapes may use named dimensions; `instantiate` binds them and `validate` checks the
// result against every operator's shape rule, naming node, operator and shapes on failure.
#pragma once

#include "permeq/core/shape.hpp"
#include "permeq/core/stored_values.hpp"
#include "permeq/ir/attributes.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

namespace permeq {

struct ValueInfo {
  std::string name;
  DType dtype = DType::Float;
  SymbolicShape shape;
};

enum class ParameterKind {
  Weight,  ///< trained: transformed by intra-token symmetries, gets gradients
  Buffer,  ///< fixed constant (positional table, mask): never trained
};

struct Parameter {
  ValueInfo info;
  ParameterKind kind = ParameterKind::Weight;
  /// Stored values (row-major); absent means "any weights": the checker draws random exact values.
  std::optional<StoredValues> data;
};

struct Node {
  std::string name;
  std::string op;
  std::vector<std::string> inputs;   ///< value names; "" marks an omitted optional input
  std::vector<std::string> outputs;
  Attributes attrs;
  std::string scope;  ///< module path for grouping in reports ("layers.0/self_attn")

  [[nodiscard]] bool has(std::string_view key) const { return attrs.find(key) != attrs.end(); }
  [[nodiscard]] std::int64_t get_int(std::string_view key, std::int64_t fallback) const;
  [[nodiscard]] double get_float(std::string_view key, double fallback) const;
  [[nodiscard]] std::string get_string(std::string_view key, std::string_view fallback) const;
  [[nodiscard]] std::vector<std::int64_t> get_ints(std::string_view key) const;
  [[nodiscard]] std::vector<double> get_floats(std::string_view key) const;
  /// Concrete sizes of a `Dims` (or `Ints`) attribute; throws if a name was left unbound.
  [[nodiscard]] std::vector<std::int64_t> get_sizes(std::string_view key) const;
  /// "node 'attn.scores' (MatMul)": the prefix of every message about this node.
  [[nodiscard]] std::string describe() const;
};

struct Graph {
  std::string name;
  std::string doc;
  std::vector<ValueInfo> inputs;
  std::vector<Parameter> parameters;
  std::vector<Node> nodes;
  std::vector<std::string> outputs;
  /// Default sizes of named dimensions ("seq": 4); the CLI may override them.
  std::map<std::string, std::int64_t, std::less<>> dims;
  /// Which input axis the token permutation acts on by default ("x": 0).
  std::map<std::string, int, std::less<>> token_axes;

  [[nodiscard]] const Node* find_node(std::string_view node_name) const;
  [[nodiscard]] const ValueInfo* find_input(std::string_view input_name) const;
  [[nodiscard]] const Parameter* find_parameter(std::string_view parameter_name) const;
};

using DimBindings = std::map<std::string, std::int64_t, std::less<>>;

/// A graph whose every shape and size attribute is concrete, with the type of every value.
struct InstantiatedGraph {
  Graph graph;
  std::map<std::string, TensorType, std::less<>> types;
  std::vector<std::size_t> order;  ///< node indices in a topological order
};

/// Binds named dimensions (`bindings` over the graph's defaults), orders the nodes, infers and
/// checks every shape. Throws permeq::Error(Input) naming node, operator and shapes.
[[nodiscard]] InstantiatedGraph instantiate(const Graph& graph, const DimBindings& bindings = {});

/// The nodes that `value` depends on (its producer and everything upstream), in `graph.order`.
[[nodiscard]] std::vector<std::size_t> cone_order(const InstantiatedGraph& graph, std::string_view value);

/// Every dimension name the graph uses: in its "dims", in input and parameter shapes, and in
/// size attributes. A binding for any other name (--dim) would bind nothing.
[[nodiscard]] std::set<std::string, std::less<>> dimension_names(const Graph& graph);

/// Structural checks without binding sizes: unique names, known operators, attribute schemas,
/// defined inputs, no cycles. `instantiate` runs it first.
void validate_structure(const Graph& graph);

}  // namespace permeq
