// permeq._core: the Python extension over the permeq library (pybind11). It stays thin: graphs
// are opaque handles, reports cross as their versioned JSON text (docs/report-format.md) and the
// pure-Python package (python/permeq/) builds Report objects, witnesses and module names from it.
// permeq::Error becomes the package's exception of the same kind (permeq.errors).
#include "permeq/permeq.hpp"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;

namespace {

std::string_view kind_name(permeq::ErrorKind kind) {
  switch (kind) {
    case permeq::ErrorKind::Usage: return "usage";
    case permeq::ErrorKind::Input: return "input";
    case permeq::ErrorKind::Evaluation: return "evaluation";
    case permeq::ErrorKind::Unavailable: return "unavailable";
    case permeq::ErrorKind::Internal: return "internal";
  }
  return "internal";
}

std::span<const std::byte> byte_view(const py::bytes& data) {
  const std::string_view view = data;
  return {reinterpret_cast<const std::byte*>(view.data()), view.size()};
}

py::bytes to_bytes(const std::vector<std::byte>& data) { return {reinterpret_cast<const char*>(data.data()), data.size()}; }

py::object dim_to_python(const permeq::Dim& d) {
  if (const auto* size = std::get_if<std::int64_t>(&d)) return py::int_(*size);
  return py::str(std::get<std::string>(d));
}

py::list shape_to_python(const permeq::SymbolicShape& shape) {
  py::list out;
  for (const auto& d : shape) out.append(dim_to_python(d));
  return out;
}

/// A parameter's stored values as a numpy array (float32 when stored so, else float64), with
/// named dimensions bound by the graph's defaults.
py::array parameter_values(const permeq::Graph& graph, const std::string& name) {
  const auto* p = graph.find_parameter(name);
  if (!p) throw permeq::Error(permeq::ErrorKind::Usage, "graph '" + graph.name + "' has no parameter '" + name + "'");
  if (!p->data) throw permeq::Error(permeq::ErrorKind::Usage, "parameter '" + name + "' of graph '" + graph.name + "' stores no values");
  std::vector<py::ssize_t> shape;
  for (const auto& d : p->info.shape) {
    if (const auto* size = std::get_if<std::int64_t>(&d)) shape.push_back(*size);
    else shape.push_back(graph.dims.at(std::get<std::string>(d)));
  }
  const auto& data = *p->data;
  if (data.is_float32()) {
    py::array_t<float> out(shape);
    std::memcpy(out.mutable_data(), data.float32_values().data(), data.size() * sizeof(float));
    data.release();  // streamed weights: the array is the copy Python keeps
    return out;
  }
  py::array_t<double> out(shape);
  const auto values = data.to_doubles();
  std::memcpy(out.mutable_data(), values.data(), values.size() * sizeof(double));
  return out;
}

py::dict graph_summary(const permeq::Graph& graph) {
  py::list inputs, parameters, nodes;
  for (const auto& in : graph.inputs)
    inputs.append(py::dict(py::arg("name") = in.name, py::arg("dtype") = std::string(permeq::to_string(in.dtype)),
                           py::arg("shape") = shape_to_python(in.shape)));
  for (const auto& p : graph.parameters)
    parameters.append(py::dict(py::arg("name") = p.info.name, py::arg("dtype") = std::string(permeq::to_string(p.info.dtype)),
                               py::arg("shape") = shape_to_python(p.info.shape),
                               py::arg("kind") = p.kind == permeq::ParameterKind::Weight ? "weight" : "buffer",
                               py::arg("stored") = p.data.has_value()));
  for (const auto& n : graph.nodes)
    nodes.append(py::dict(py::arg("name") = n.name, py::arg("op") = n.op, py::arg("scope") = n.scope, py::arg("inputs") = n.inputs,
                          py::arg("outputs") = n.outputs));
  py::dict dims, token_axes;
  for (const auto& [name, size] : graph.dims) dims[py::str(name)] = size;
  for (const auto& [name, axis] : graph.token_axes) token_axes[py::str(name)] = axis;
  return py::dict(py::arg("name") = graph.name, py::arg("inputs") = inputs, py::arg("parameters") = parameters, py::arg("nodes") = nodes,
                  py::arg("outputs") = graph.outputs, py::arg("dims") = dims, py::arg("token_axes") = token_axes);
}

permeq::OnnxImportOptions import_options(std::optional<std::int64_t> seq_len, const permeq::DimBindings& dims) {
  permeq::OnnxImportOptions o;
  o.seq_len = seq_len;
  o.dims = dims;
  return o;
}

py::tuple load_model(const std::string& path, const std::string& weights, std::optional<std::int64_t> seq_len, const permeq::DimBindings& dims) {
  permeq::ModelLoadOptions o;
  o.onnx = import_options(seq_len, dims);
  o.weights_path = weights;
  auto model = permeq::load_model(path, o);
  return py::make_tuple(std::move(model.graph), model.format == permeq::ModelFormat::Onnx ? "onnx" : "json", model.notes);
}

py::tuple import_onnx_bytes(const py::bytes& data, const std::string& source, std::optional<std::int64_t> seq_len,
                            const permeq::DimBindings& dims) {
  auto imported = permeq::import_onnx_bytes(byte_view(data), source, import_options(seq_len, dims));
  return py::make_tuple(std::move(imported.graph), imported.notes);
}

permeq::Engine parse_engine(const std::string& text) {
  if (text == "auto") return permeq::Engine::Auto;
  if (text == "proof") return permeq::Engine::Proof;
  if (text == "exact") return permeq::Engine::Exact;
  if (text == "numeric") return permeq::Engine::Numeric;
  throw permeq::Error(permeq::ErrorKind::Usage, "engine must be auto, proof, exact or numeric, not '" + text + "'");
}

struct CheckArguments {
  std::vector<std::string> permute;
  std::string direction = "forward", property = "inter", engine = "auto", loss = "sum";
  std::optional<std::int64_t> seq_len;
  permeq::DimBindings dims;
  std::optional<int> trials;
  std::optional<std::uint64_t> seed;
  std::optional<unsigned> timeout_ms;
  std::string policy;
  std::optional<std::int64_t> max_exact_values;
  std::string device = "cpu";
};

permeq::CheckOptions check_options(const CheckArguments& a, std::optional<permeq::Policy>& policy) {
  permeq::CheckOptions o;
  if (!a.policy.empty()) {
    policy = permeq::load_policy(a.policy);
    permeq::apply_policy(*policy, o);
  }
  for (const auto& p : a.permute) o.permute.push_back(permeq::parse_permuted_input(p));
  if (a.seq_len) o.tokens = a.seq_len;
  o.dims = a.dims;
  if (a.trials) o.trials = *a.trials;
  if (a.seed) o.seed = *a.seed;
  if (a.timeout_ms) o.proof_limits.timeout_ms = *a.timeout_ms;
  if (a.max_exact_values) o.max_exact_values = *a.max_exact_values;
  o.engine = parse_engine(a.engine);
  o.device = permeq::parse_device(a.device);
  o.property = permeq::parse_property(a.property);
  return o;
}

/// Runs the check and returns the report as JSON text, the text report with every node, and the
/// text report listing only culprits and unknown nodes.
py::dict run_check(const permeq::Graph& graph, const CheckArguments& arguments) {
  std::optional<permeq::Policy> policy;
  const auto options = check_options(arguments, policy);
  const auto direction = permeq::parse_direction(arguments.direction);
  const auto loss = permeq::parse_loss(arguments.loss);
  permeq::CheckReport report;
  {
    py::gil_scoped_release release;
    report = permeq::check(graph, direction, loss, options);
  }
  if (policy && direction != permeq::Direction::Backward) permeq::evaluate_policy(*policy, report);
  return py::dict(py::arg("json") = permeq::format_json(report), py::arg("text") = permeq::format_text(report),
                  py::arg("culprits_text") = permeq::format_text(report, {.all_nodes = false}), py::arg("exit_code") = report.exit_code());
}

py::tuple permute_weights(const permeq::Graph& graph, std::uint64_t key) {
  permeq::PermutedModel moved;
  {
    py::gil_scoped_release release;
    moved = permeq::permute_weights(graph, key);
  }
  py::list applied;
  for (const auto& [family, sigma] : moved.applied) {
    std::vector<std::string> axes;
    for (const auto& p : family.permuted) axes.push_back(permeq::to_string(p));
    applied.append(py::dict(py::arg("kind") = std::string(permeq::to_string(family.kind)), py::arg("size") = family.size, py::arg("axes") = axes,
                            py::arg("proof_scope") = family.proof_scope, py::arg("sigma") = sigma));
  }
  return py::make_tuple(std::move(moved.graph), applied);
}

py::tuple prove_equivalent(const permeq::Graph& original, const permeq::Graph& candidate, std::uint64_t key) {
  permeq::Equivalence verdict;
  {
    py::gil_scoped_release release;
    verdict = permeq::prove_equivalent(original, candidate, key);
  }
  return py::make_tuple(verdict.equivalent, verdict.reason, verdict.proof_scope);
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "permeq's C++ library: load models, check permutation equivariance, move weights by proved symmetries";
  m.attr("version") = PERMEQ_VERSION_STRING;

  // Every permeq::Error surfaces as permeq.errors.<Kind>Error with the same message and a `kind`.
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const permeq::Error& e) {
      const auto errors = py::module_::import("permeq.errors");
      const py::object error = errors.attr("from_kind")(std::string(kind_name(e.kind())), e.what());
      PyErr_SetObject(error.get_type().ptr(), error.ptr());
    }
  });

  py::class_<permeq::Graph>(m, "Graph", "a permeq graph (imported model); opaque, see summary()")
      .def_readonly("name", &permeq::Graph::name)
      .def("summary", &graph_summary, "inputs, parameters, nodes, outputs, dims and token axes as plain Python values")
      .def("parameter_values", &parameter_values, py::arg("name"), "stored values of a parameter as a numpy array")
      .def("to_json", [](const permeq::Graph& g) { return permeq::to_graph_json(g); }, "the graph in permeq's JSON format")
      .def("without_weights",
           [](const permeq::Graph& g) {
             auto copy = g;
             for (auto& p : copy.parameters)
               if (p.kind == permeq::ParameterKind::Weight) p.data.reset();
             return copy;
           },
           "a copy whose trained weights store no values (free: the architecture); buffers keep theirs")
      .def("with_weights", [](const permeq::Graph& g, const std::string& path) {
            auto copy = g;
            permeq::bind_weights(copy, permeq::read_weights(path));
            return copy;
          }, py::arg("path"), "a copy with weights from a safetensors file or a sharded checkpoint's index");

  m.def("load_model", &load_model, py::arg("path"), py::arg("weights") = "", py::arg("seq_len") = std::nullopt,
        py::arg("dims") = permeq::DimBindings{}, "reads a permeq JSON graph or an ONNX model: (graph, format, notes)");
  m.def("import_onnx_bytes", &import_onnx_bytes, py::arg("data"), py::arg("source"), py::arg("seq_len") = std::nullopt,
        py::arg("dims") = permeq::DimBindings{}, "imports a serialized ONNX model held in memory: (graph, notes)");
  m.def("parse_graph_json", [](const std::string& text, const std::string& source) { return permeq::parse_graph_json(text, source); },
        py::arg("text"), py::arg("source") = "<string>");
  m.def(
      "check",
      [](const permeq::Graph& graph, std::vector<std::string> permute, std::string direction, std::string property, std::string engine,
         std::string loss, std::optional<std::int64_t> seq_len, permeq::DimBindings dims, std::optional<int> trials,
         std::optional<std::uint64_t> seed, std::optional<unsigned> timeout_ms, std::string policy, std::optional<std::int64_t> max_exact_values,
         std::string device) {
        return run_check(graph, {std::move(permute), std::move(direction), std::move(property), std::move(engine), std::move(loss), seq_len,
                                 std::move(dims), trials, seed, timeout_ms, std::move(policy), max_exact_values, std::move(device)});
      },
      py::arg("graph"), py::arg("permute") = std::vector<std::string>{}, py::arg("direction") = "forward", py::arg("property") = "inter",
      py::arg("engine") = "auto", py::arg("loss") = "sum", py::arg("seq_len") = std::nullopt, py::arg("dims") = permeq::DimBindings{},
      py::arg("trials") = std::nullopt, py::arg("seed") = std::nullopt, py::arg("timeout_ms") = std::nullopt, py::arg("policy") = "",
      py::arg("max_exact_values") = std::nullopt, py::arg("device") = "cpu",
      "checks the graph (device: the numeric engine's, cpu, cuda or auto); returns {json, text, culprits_text, exit_code}");
  m.def("permute_weights", &permute_weights, py::arg("graph"), py::arg("key"),
        "the graph with its stored weights moved by a random proved symmetry: (graph, applied families)");
  m.def("prove_equivalent", &prove_equivalent, py::arg("original"), py::arg("candidate"), py::arg("key"),
        "(equivalent, reason, proof scope)");
  m.def("onnx_with_weights",
        [](const py::bytes& original, const std::string& source, const permeq::Graph& graph) {
          return to_bytes(permeq::onnx_with_weights(byte_view(original), source, graph));
        },
        py::arg("original"), py::arg("source"), py::arg("graph"),
        "the serialized ONNX model with its float initializers replaced by the graph's stored weights");
}
