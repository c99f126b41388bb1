// ONNX translation: one ModelProto at one binding of its dimensions -> a permeq Graph. Each
// operator's own translation lives in its definition (src/ops/onnx_mapping.hpp); this file reads
// inputs, attributes and initializers, keeps aliases (Identity, Dropout), folds small constant
// shape arithmetic, and checks each node's arity and shapes with the file and node named.
#include "src/import/onnx_translator.hpp"

#include "permeq/core/error.hpp"
#include "permeq/eval/evaluator.hpp"
#include "src/import/onnx_operators.hpp"
#include "src/ops/operator_list.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <variant>

namespace permeq::onnx_import {
namespace {
Attributes read_attributes(const onnx::NodeProto& node, TensorReader& reader) {
  Attributes attrs;
  for (const auto& a : node.attribute()) {
    using A = onnx::AttributeProto;
    switch (a.type()) {
      case A::INT: attrs[a.name()] = static_cast<std::int64_t>(a.i()); break;
      case A::FLOAT: attrs[a.name()] = static_cast<double>(a.f()); break;
      case A::STRING: attrs[a.name()] = a.s(); break;
      case A::INTS: attrs[a.name()] = std::vector<std::int64_t>(a.ints().begin(), a.ints().end()); break;
      case A::FLOATS: attrs[a.name()] = std::vector<double>(a.floats().begin(), a.floats().end()); break;
      case A::TENSOR: {
        auto copy = a.t();
        const auto t = reader.tensor(copy);
        attrs[a.name()] = t.data;
        attrs[a.name() + "_dtype"] = std::string(to_string(t.dtype));
        attrs[a.name() + "_shape"] = std::vector<std::int64_t>(t.shape.begin(), t.shape.end());
        break;
      }
      default: break;  // graphs and sparse tensors: no supported operator takes them
    }
  }
  return attrs;
}

std::string scope_of(const std::string& node_name) {
  std::string s = node_name;
  if (s.starts_with('/')) s.erase(0, 1);
  const auto slash = s.rfind('/');
  return slash == std::string::npos ? std::string() : s.substr(0, slash);
}

/// Largest tensor folded at import; bigger constant computations (masks, positions) stay nodes so
/// their sizes can follow the sequence length.
constexpr std::int64_t max_folded_elements = 8;

/// Names exporters give every graph (torch.onnx's "torch_jit" and "main_graph", tf2onnx's, ...):
/// they say nothing about the model, so the file's stem names it instead in reports.
bool generic_graph_name(std::string_view name) {
  static constexpr std::string_view generic[] = {"", "torch_jit", "torch-jit-export", "main_graph", "tf2onnx", "graph", "Graph", "model"};
  return std::find(std::begin(generic), std::end(generic), name) != std::end(generic);
}

class Translator {
 public:
  /// `default_size`: the size of a dynamic input axis that is neither the sequence axis nor
  /// bound nor batch-like (a decoder's memory length), 0 when there is no sequence length.
  Translator(const onnx::ModelProto& model, const Initializers& inits, std::string path, DimBindings bindings, std::string token_dim,
             std::int64_t default_size = 0)
      : model_(model), inits_(inits), path_(std::move(path)), bindings_(std::move(bindings)), token_dim_(std::move(token_dim)),
        default_size_(default_size) {}

  Graph run(std::vector<std::string>& notes) {
    const auto& g = model_.graph();
    graph_.name = generic_graph_name(g.name()) ? std::filesystem::path(path_).stem().string() : g.name();
    graph_.doc = "imported from " + std::filesystem::path(path_).filename().string();
    read_inputs();
    for (const auto& [name, p] : inits_.weights) types_[name] = {DType::Float, concrete(p.info.shape)};
    for (const auto& [name, t] : inits_.constants) constants_[name] = t;
    TensorReader reader(path_);
    for (const auto& node : g.node())
      for (const auto& in : node.input()) read_.insert(in);
    for (const auto& out : g.output()) read_.insert(out.name());
    for (int i = 0; i < g.node_size(); ++i) {
      try {
        translate(g.node(i), i, reader);
      } catch (const std::bad_variant_access&) {
        node_error(node_label(g.node(i), i), g.node(i).op_type(), "an attribute has a type the ONNX specification does not allow");
      } catch (const Error& e) {
        // Shape arithmetic outside an operator's own checks (a negative size folded from the
        // sequence length) still names the file and the node.
        if (e.kind() != ErrorKind::Input || std::string_view(e.what()).starts_with(path_ + ": ")) throw;
        node_error(node_label(g.node(i), i), g.node(i).op_type(), e.what());
      }
    }
    for (const auto& out : g.output()) {
      const auto name = resolve(out.name());
      if (dropped_.count(name)) file_error(path_, "graph output '" + name + "' is an output its producer's permeq translation does not provide");
      if (constants_.count(name) && !types_.count(name)) materialize(name);
      graph_.outputs.push_back(name);
    }
    for (const auto& [name, p] : inits_.weights)
      if (used_.count(name)) graph_.parameters.push_back(p);
    std::stable_sort(graph_.parameters.begin(), graph_.parameters.end(),
                     [](const Parameter& a, const Parameter& b) { return a.kind < b.kind; });
    for (const auto& [dim, size] : defaulted_) {
      notes.push_back("dimension '" + dim + "' (an input axis that is not permuted) has no size: it is taken as " + std::to_string(size) +
                      ", the sequence length; pass --dim " + dim + "=SIZE to choose another");
      graph_.dims[dim] = size;
    }
    return std::move(graph_);
  }

 private:
  Shape concrete(const SymbolicShape& shape) {
    Shape out;
    for (const auto& d : shape) out.push_back(std::get<std::int64_t>(d));
    return out;
  }

  void read_inputs() {
    std::set<std::string> init_names;
    for (const auto& t : model_.graph().initializer()) init_names.insert(t.name());
    for (const auto& in : model_.graph().input()) {
      if (init_names.count(in.name())) continue;
      if (!in.type().has_tensor_type()) file_error(path_, "graph input '" + in.name() + "' is not a tensor");
      const auto& tt = in.type().tensor_type();
      const auto dtype = dtype_of(tt.elem_type());
      if (!dtype) file_error(path_, "graph input '" + in.name() + "' has unsupported element type " + std::to_string(tt.elem_type()));
      ValueInfo info{in.name(), *dtype, {}};
      Shape shape;
      for (int axis = 0; axis < tt.shape().dim_size(); ++axis) {
        const auto& d = tt.shape().dim(axis);
        std::int64_t size = 0;
        if (d.has_dim_value() && d.dim_value() >= 0) size = d.dim_value();
        else if (d.has_dim_param() && bindings_.count(d.dim_param())) size = bindings_.at(d.dim_param());
        else if (d.has_dim_param() && batch_like(d.dim_param())) size = 1;
        else if (d.has_dim_param() && default_size_ > 0) {
          // Not the permuted axis: the sequence length stands in for it, fixed while the importer
          // probes lengths, so nothing ties it to the permuted axis.
          size = default_size_;
          defaulted_[d.dim_param()] = size;
        } else
          file_error(path_, "graph input '" + in.name() + "' axis " + std::to_string(axis) + " has no size" +
                                (d.has_dim_param() ? " ('" + d.dim_param() + "'); pass --dim " + d.dim_param() + "=SIZE" : ""));
        if (d.has_dim_param() && d.dim_param() == token_dim_) graph_.token_axes[in.name()] = axis;
        shape.push_back(size);
        info.shape.push_back(size);
      }
      types_[in.name()] = {*dtype, shape};
      graph_.inputs.push_back(info);
    }
  }

  std::string resolve(const std::string& name) const {
    const auto it = alias_.find(name);
    return it == alias_.end() ? name : it->second;
  }

  /// A folded constant that a real node consumes becomes a buffer of the graph.
  void materialize(const std::string& name) {
    if (types_.count(name)) return;
    const auto& t = constants_.at(name);
    std::vector<double> values = t.data;
    // Infinities stay (masks; see infinite_rational); NaN has no meaning here.
    for (const auto v : values)
      if (std::isnan(v)) file_error(path_, "constant '" + name + "' holds NaN");
    Parameter p;
    p.info = {name, t.dtype, SymbolicShape(t.shape.begin(), t.shape.end())};
    p.kind = ParameterKind::Buffer;
    p.data = StoredValues(std::move(values));
    graph_.parameters.push_back(std::move(p));
    types_[name] = t.type();
  }

  [[noreturn]] void node_error(const std::string& label, const std::string& op, const std::string& message) {
    file_error(path_, "node '" + label + "' (" + op + "): " + message);
  }

  void translate(const onnx::NodeProto& node, int index, TensorReader& reader) {
    const auto label = node_label(node, index);
    const auto& op = node.op_type();
    std::vector<std::string> inputs;
    for (const auto& in : node.input()) {
      const auto name = in.empty() ? in : resolve(in);
      if (!name.empty() && !types_.count(name) && !constants_.count(name)) {
        if (dropped_.count(name)) node_error(label, op, "uses output '" + name + "', which permeq's translation of its producer does not provide");
        node_error(label, op, "input '" + in + "' is not defined before this node");
      }
      inputs.push_back(name);
    }
    const auto attrs = read_attributes(node, reader);
    if (node.output_size() == 0 || node.output(0).empty()) node_error(label, op, "has no outputs");
    const bool structural = op == "Identity" || op == "Dropout" || op == "Shape" || op == "Size";
    if (structural && (inputs.empty() || inputs[0].empty())) node_error(label, op, "input 0 is missing");
    if (op == "Identity" || op == "Dropout") {
      if (op == "Dropout" && inputs.size() > 2 && !inputs[2].empty()) {
        const auto mode = constants_.find(inputs[2]);
        if (mode == constants_.end()) node_error(label, op, "training_mode must be a constant");
        // F.dropout(x, p=0.0) keeps its default training=True in eager code (torchvision's Swin):
        // with ratio 0 it is the identity all the same.
        const auto ratio = inputs.size() > 1 && !inputs[1].empty() ? constants_.find(inputs[1]) : constants_.end();
        const bool keeps_all = ratio != constants_.end() && ratio->second.data.size() == 1 && ratio->second.data[0] == 0;
        if ((mode->second.data.size() != 1 || mode->second.data[0] != 0) && !keeps_all)
          node_error(label, op, "training_mode must be false (or the ratio 0): permeq checks inference");
      }
      alias_[node.output(0)] = inputs.at(0);
      // Dropout's mask in inference keeps every element: a constant true of the input's shape.
      if (op == "Dropout" && node.output_size() > 1 && !node.output(1).empty()) {
        const auto type = type_of(inputs[0]);
        Node mask;
        mask.name = label + "/mask";
        mask.op = "Constant";
        mask.attrs = {{"shape", ops::to_dims(type.shape)}, {"values", std::vector<double>{1.0}}, {"dtype", std::string("bool")}};
        mask.outputs = {node.output(1)};
        mask.scope = scope_of(node.name());
        types_[node.output(1)] = {DType::Bool, type.shape};
        graph_.nodes.push_back(std::move(mask));
      }
      for (int k = 1; k < node.output_size(); ++k)
        if (!types_.count(node.output(k))) dropped_.insert(node.output(k));
      return;
    }
    if (op == "Size") {
      constants_[node.output(0)] = Tensor<double>(DType::Int64, {}, {static_cast<double>(element_count(type_of(inputs.at(0)).shape))});
      return;
    }
    if (op == "Constant") {
      Tensor<double> value;
      if (attrs.count("value")) {
        if (!attrs.count("value_shape")) node_error(label, op, "attribute 'value' must be a tensor");
        const auto& shape = std::get<std::vector<std::int64_t>>(attrs.at("value_shape"));
        value = Tensor<double>(*parse_dtype(std::get<std::string>(attrs.at("value_dtype"))), Shape(shape.begin(), shape.end()),
                               std::get<std::vector<double>>(attrs.at("value")));
      } else if (attrs.count("value_float")) value = Tensor<double>(DType::Float, {}, {std::get<double>(attrs.at("value_float"))});
      else if (attrs.count("value_int")) value = Tensor<double>(DType::Int64, {}, {static_cast<double>(std::get<std::int64_t>(attrs.at("value_int")))});
      else if (attrs.count("value_ints")) {
        const auto& v = std::get<std::vector<std::int64_t>>(attrs.at("value_ints"));
        value = Tensor<double>(DType::Int64, {static_cast<std::int64_t>(v.size())}, std::vector<double>(v.begin(), v.end()));
      } else if (attrs.count("value_floats")) {
        const auto& v = std::get<std::vector<double>>(attrs.at("value_floats"));
        value = Tensor<double>(DType::Float, {static_cast<std::int64_t>(v.size())}, v);
      } else node_error(label, op, "has no value attribute permeq reads");
      constants_[node.output(0)] = std::move(value);
      return;
    }
    if (op == "Shape") {
      const auto type = type_of(inputs.at(0));
      auto rank = static_cast<std::int64_t>(type.shape.size());
      auto start = std::get<std::int64_t>(attrs.count("start") ? attrs.at("start") : AttrValue(std::int64_t{0}));
      auto end = std::get<std::int64_t>(attrs.count("end") ? attrs.at("end") : AttrValue(rank));
      if (start < 0) start += rank;
      if (end < 0) end += rank;
      start = std::clamp<std::int64_t>(start, 0, rank);
      end = std::clamp<std::int64_t>(end, start, rank);
      std::vector<double> dims(type.shape.begin() + start, type.shape.begin() + end);
      constants_[node.output(0)] = Tensor<double>(DType::Int64, {end - start}, dims);
      return;
    }

    ops::OnnxNode n{label, op, default_opset(model_), attrs, inputs, {}, {}};
    for (const auto& in : inputs) {
      n.constants.push_back(in.empty() || !constants_.count(in) ? std::nullopt : std::optional(constants_.at(in)));
      n.types.push_back(in.empty() ? TensorType{} : type_of(in));
    }
    ops::OnnxTranslation t;
    try {
      t = mapping().at(op).translate(n);
    } catch (const Error& e) {
      file_error(path_, e.what());
    }
    Node out;
    out.name = label;
    out.op = t.op;
    out.inputs = t.inputs;
    out.attrs = t.attrs;
    out.scope = scope_of(node.name());
    const auto* info = find_operator(t.op);
    int produced = info->outputs < 0 ? node.output_size() : std::min(info->outputs, node.output_size());
    if (info->optional_trailing_outputs)
      while (produced > 1 && !read_.count(node.output(produced - 1))) --produced;
    for (int k = 0; k < node.output_size(); ++k)
      if (k < produced) out.outputs.push_back(node.output(k));
      else dropped_.insert(node.output(k));

    if (static_cast<int>(out.inputs.size()) < info->min_inputs || static_cast<int>(out.inputs.size()) > info->max_inputs)
      node_error(label, op, "becomes " + t.op + " with " + std::to_string(out.inputs.size()) + " inputs, which takes " + std::to_string(info->min_inputs) +
                                (info->max_inputs == info->min_inputs ? "" : " to " + std::to_string(info->max_inputs)));
    if (std::any_of(out.inputs.begin(), out.inputs.end(), [](const std::string& in) { return in.empty(); }))
      node_error(label, op, "an input permeq needs is omitted");
    if (node.output_size() == 0) node_error(label, op, "has no outputs");
    std::vector<TensorType> in_types;
    bool all_constant = true;
    for (const auto& in : out.inputs) {
      in_types.push_back(type_of(in));
      // A constant stays one after a graph node has used it (materialised as a buffer).
      all_constant = all_constant && constants_.count(in);
    }
    std::vector<TensorType> out_types;
    try {
      out_types = info->infer(out, in_types);
    } catch (const Error& e) {
      file_error(path_, std::string(e.what()) + " (ONNX " + op + ")");
    }
    const bool small = std::all_of(out_types.begin(), out_types.end(), [](const TensorType& x) { return element_count(x.shape) <= max_folded_elements; });
    if (all_constant && small) {
      std::vector<const Tensor<double>*> args;
      for (const auto& in : out.inputs) args.push_back(&constants_.at(in));
      EvalOptions real;
      real.functions = FunctionSemantics::Real;
      auto values = evaluate_node<double>(out, args, real);
      for (std::size_t k = 0; k < values.size(); ++k) constants_[out.outputs[k]] = std::move(values[k]);
      return;
    }
    for (const auto& in : out.inputs) {
      if (inits_.weights.count(in)) used_.insert(in);
      else if (constants_.count(in)) materialize(in);
    }
    for (std::size_t k = 0; k < out_types.size(); ++k) types_[out.outputs[k]] = out_types[k];
    graph_.nodes.push_back(std::move(out));
  }

  TensorType type_of(const std::string& name) {
    if (const auto it = types_.find(name); it != types_.end()) return it->second;
    if (const auto it = constants_.find(name); it != constants_.end()) return it->second.type();
    file_error(path_, "value '" + name + "' has no known type");
  }

  const onnx::ModelProto& model_;
  const Initializers& inits_;
  std::string path_;
  DimBindings bindings_;
  std::string token_dim_;
  Graph graph_;
  std::map<std::string, std::string> alias_;
  std::map<std::string, Tensor<double>> constants_;
  std::map<std::string, TensorType> types_;
  std::set<std::string> used_, dropped_;
  std::set<std::string> read_;  ///< every name a node or the graph's outputs read
  std::int64_t default_size_ = 0;
  std::map<std::string, std::int64_t> defaulted_;
};

}  // namespace

std::int64_t default_opset(const onnx::ModelProto& model) {
  for (const auto& o : model.opset_import())
    if (o.domain().empty() || o.domain() == "ai.onnx") return o.version();
  return 0;
}

std::string node_label(const onnx::NodeProto& node, int index) {
  return node.name().empty() ? node.op_type() + "_" + std::to_string(index) : node.name();
}

/// Every node whose operator the importer does not read, all at once.

bool batch_like(const std::string& name) {
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("batch") != std::string::npos;
}

Initializers read_initializers(onnx::ModelProto& model, TensorReader& reader, const std::string& path) {
  Initializers inits;
  for (auto& t : *model.mutable_graph()->mutable_initializer()) {
    const auto dtype = dtype_of(t.data_type());
    if (!dtype) file_error(path, "initializer '" + t.name() + "' has unsupported element type " + std::to_string(t.data_type()));
    if (*dtype == DType::Float && reader.element_count_of(t) > 1) {
      Parameter p;
      p.info = {t.name(), DType::Float, SymbolicShape(t.dims().begin(), t.dims().end())};
      p.kind = ParameterKind::Weight;
      p.data = reader.float_values(t);
      if (const auto bad = p.data->first_non_finite(); bad < p.data->size()) {
        for (std::size_t i = bad; i < p.data->size(); ++i)
          if (std::isnan((*p.data)[i]))
            file_error(path, "initializer '" + t.name() + "' holds NaN at index " + std::to_string(i) + " (values must be numbers; +/-inf are read as infinities)");
        // Infinities make it a mask (a stored causal mask, say): a constant of the model, never
        // redrawn as weights are.
        p.kind = ParameterKind::Buffer;
      }
      p.data->release();  // the check read every page of a streamed tensor: give them back
      inits.weights.emplace(t.name(), std::move(p));
    } else {
      inits.constants.emplace(t.name(), reader.tensor(t));
    }
  }
  return inits;
}


Graph translate_model(const onnx::ModelProto& model, const Initializers& inits, const std::string& path, const DimBindings& bindings,
                      const std::string& token_dim, std::int64_t default_size, std::vector<std::string>& notes) {
  return Translator(model, inits, path, bindings, token_dim, default_size).run(notes);
}

}  // namespace permeq::onnx_import
