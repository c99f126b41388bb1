// onnx_conformance: runs ONNX's single-operator backend test cases through the importer and the
// evaluator (real function semantics) and compares every output with the reference result.
//
//   onnx_conformance FOLDER [--verbose] [--no-fold] [--require-passed N]
//
// FOLDER holds one directory per case (model.onnx, test_data_set_0/input_K.pb, output_K.pb), as in
// ../shared/onnx-node-tests. Floats are compared as ONNX's runner does (|got - want| <= atol +
// rtol * |want|, rtol 1e-3, atol 1e-7); integer and boolean outputs exactly. A case whose operator
// permeq does not import, or whose attribute / mode / element type it does not support, is skipped
// and listed; every other difference is a failure (an exception other than permeq::Error included).
// ONNX's cases feed operands that exported models hold as constants (Reshape's shape, Slice's
// bounds, Unsqueeze's axes) as graph inputs; when permeq asks for such an operand to be constant,
// the runner adds the test's value as an initializer of that name and imports again (--no-fold:
// skip those cases instead). Exit code: 0 when nothing failed (and at least N cases passed, with
// --require-passed N), 1 otherwise, 77 when FOLDER does not exist.
#include "permeq/core/error.hpp"
#include "permeq/eval/evaluator.hpp"
#include "permeq/import/onnx.hpp"
#include "permeq/ir/graph.hpp"
#include "permeq/ops/operator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "onnx_wire_format.hpp"

namespace fs = std::filesystem;

namespace {

using namespace wire;

constexpr double rtol = 1e-3;
constexpr double atol = 1e-7;

enum class Outcome { Passed, Failed, SkippedOperator, SkippedVariant };

struct CaseResult {
  Outcome outcome = Outcome::Passed;
  std::vector<std::string> operators;  ///< unsupported op types, or the operator of a variant skip
  std::string detail;                  ///< failure description or the first line of the error
  std::string folded;                  ///< graph inputs read as constants, "" when none
};

std::string first_line(std::string_view text) {
  const auto nl = text.find('\n');
  return std::string(nl == std::string_view::npos ? text : text.substr(0, nl));
}

/// The op types listed by the importer's "does not import" message ("  OpType (domain ...").
std::vector<std::string> unsupported_operators(const std::string& message) {
  std::vector<std::string> ops;
  std::istringstream lines(message);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.starts_with("  ")) continue;
    const auto paren = line.find(" (domain ");
    if (paren == std::string::npos) continue;
    auto op = line.substr(2, paren - 2);
    if (std::find(ops.begin(), ops.end(), op) == ops.end()) ops.push_back(op);
  }
  if (ops.empty()) ops.push_back("?");
  return ops;
}

/// The operator named in "node 'label' (Op): ..." messages, or "?".
std::string operator_in_message(const std::string& message) {
  const auto node = message.find("node '");
  if (node == std::string::npos) return "?";
  const auto close = message.find("' (", node + 6);
  if (close == std::string::npos) return "?";
  const auto end = message.find(')', close + 3);
  if (end == std::string::npos) return "?";
  return message.substr(close + 3, end - close - 3);
}

std::string format_value(double v, permeq::DType dtype) {
  std::ostringstream out;
  if (dtype == permeq::DType::Float) out.precision(9);
  else out.precision(17);
  out << v;
  return out.str();
}

std::string format_index(std::size_t flat, const permeq::Shape& shape) {
  if (shape.empty()) return "[]";
  const auto index = permeq::unflatten(flat, shape);
  std::string out = "[";
  for (std::size_t i = 0; i < index.size(); ++i) out += (i ? "," : "") + std::to_string(index[i]);
  return out + "]";
}

bool close_enough(double got, double want, permeq::DType dtype) {
  if (std::isnan(want)) return std::isnan(got);
  if (std::isnan(got)) return false;
  if (std::isinf(want) || std::isinf(got)) return got == want;
  if (dtype != permeq::DType::Float) return got == want;
  return std::abs(got - want) <= atol + rtol * std::abs(want);
}

/// Empty when equal; otherwise the mismatch.
std::optional<std::string> compare(const permeq::Tensor<double>& got, const permeq::Tensor<double>& want) {
  if (got.shape != want.shape)
    return "shape " + permeq::to_string(got.shape) + ", want " + permeq::to_string(want.shape) + " (dtype " +
           std::string(permeq::to_string(got.dtype)) + ", want " + std::string(permeq::to_string(want.dtype)) + ")";
  if (got.data.size() != want.data.size())
    return "holds " + std::to_string(got.data.size()) + " values, want " + std::to_string(want.data.size());
  // Integers and booleans compare exactly; a float result against an integer reference too.
  const auto mode = (got.dtype == permeq::DType::Float && want.dtype == permeq::DType::Float) ? permeq::DType::Float : permeq::DType::Int64;
  for (std::size_t i = 0; i < want.data.size(); ++i) {
    if (close_enough(got.data[i], want.data[i], mode)) continue;
    std::string message = "first mismatch at " + format_index(i, want.shape) + " (flat " + std::to_string(i) + "): got " +
                          format_value(got.data[i], got.dtype) + ", want " + format_value(want.data[i], want.dtype);
    std::size_t count = 0;
    for (std::size_t j = i; j < want.data.size(); ++j)
      if (!close_enough(got.data[j], want.data[j], mode)) ++count;
    message += " (" + std::to_string(count) + " of " + std::to_string(want.data.size()) + " differ)";
    if (got.dtype != want.dtype)
      message += " (dtype " + std::string(permeq::to_string(got.dtype)) + ", want " + std::string(permeq::to_string(want.dtype)) + ")";
    return message;
  }
  return std::nullopt;
}

std::vector<permeq::Tensor<double>> read_numbered(const fs::path& dir, const std::string& prefix) {
  std::vector<permeq::Tensor<double>> out;
  for (int k = 0;; ++k) {
    const auto file = dir / (prefix + std::to_string(k) + ".pb");
    if (!fs::exists(file)) break;
    out.push_back(permeq::read_onnx_tensor(file.string()));
  }
  return out;
}


/// Sizes for the named dimensions of the graph inputs, read from the input tensors.
permeq::DimBindings bind_named_dims(const permeq::Graph& graph, const std::vector<permeq::Tensor<double>>& inputs) {
  permeq::DimBindings dims;
  for (std::size_t i = 0; i < graph.inputs.size() && i < inputs.size(); ++i) {
    const auto& shape = graph.inputs[i].shape;
    for (std::size_t axis = 0; axis < shape.size() && axis < inputs[i].shape.size(); ++axis)
      if (const auto* name = std::get_if<std::string>(&shape[axis])) dims[*name] = inputs[i].shape[axis];
  }
  return dims;
}

struct RunOptions {
  bool verbose = false;
  bool fold = true;
  fs::path scratch;  ///< where models with folded inputs are written
};

/// One test input: its tensor, the serialized TensorProto and the name stored in it.
struct TestInput {
  permeq::Tensor<double> tensor;
  std::string bytes;
  std::string name;
};

/// The graph input that `message` says permeq needs as a constant ("shape (input 1, 'shape') must
/// be a constant", or an integer operand rejected for its empty shape), when the test feeds it.
std::optional<std::string> constant_operand(const std::string& message, const std::vector<TestInput>& inputs) {
  auto fed = [&](const std::string& name) -> const TestInput* {
    for (const auto& in : inputs)
      if (in.name == name) return &in;
    return nullptr;
  };
  if (const auto at = message.find("') must be a constant"); at != std::string::npos) {
    const auto open = message.rfind(", '", at);
    if (open == std::string::npos) return std::nullopt;
    const auto name = message.substr(open + 3, at - open - 3);
    if (fed(name)) return name;
    return std::nullopt;
  }
  static constexpr std::string_view graph_input = "graph input '";
  if (const auto at = message.find(graph_input); at != std::string::npos && message.find(" has no size") != std::string::npos) {
    const auto close = message.find('\'', at + graph_input.size());
    if (close == std::string::npos) return std::nullopt;
    const auto name = message.substr(at + graph_input.size(), close - at - graph_input.size());
    const auto* in = fed(name);
    // Only an empty list of integers (axes, pads): an empty data tensor stays a graph input.
    if (in && in->tensor.dtype == permeq::DType::Int64 && in->tensor.rank() == 1 && in->tensor.data.empty()) return name;
  }
  return std::nullopt;
}

CaseResult run_case(const fs::path& dir, const RunOptions& run) {
  CaseResult result;
  const auto model = (dir / "model.onnx").string();
  const auto data = dir / "test_data_set_0";
  std::string stage = "read test data";
  std::string model_bytes;
  std::set<std::string> folded;  // graph inputs moved into initializers
  // The rewritten model lives only as long as the case.
  struct RemoveScratch {
    fs::path dir;
    ~RemoveScratch() {
      std::error_code ignored;
      fs::remove_all(dir, ignored);
    }
  } remove_scratch{run.scratch / dir.filename()};
  try {
    model_bytes = read_bytes(model);
    std::vector<TestInput> all_inputs;
    for (int k = 0;; ++k) {
      const auto file = data / ("input_" + std::to_string(k) + ".pb");
      if (!fs::exists(file)) break;
      TestInput in;
      in.tensor = permeq::read_onnx_tensor(file.string());
      in.bytes = read_bytes(file);
      in.name = tensor_name(in.bytes);
      all_inputs.push_back(std::move(in));
    }
    const auto wants = read_numbered(data, "output_");
    if (wants.empty()) {
      result.outcome = Outcome::Failed;
      result.detail = "no reference outputs in " + data.string();
      return result;
    }

    // Import; ONNX's cases feed operands that permeq needs as constants (Reshape's shape, Slice's
    // bounds, ...) as graph inputs, where exported models hold constants: move those into
    // initializers and import again.
    stage = "import";
    std::string model_path = model;
    std::optional<permeq::OnnxImport> imported;
    while (!imported) {
      try {
        imported = permeq::import_onnx(model_path);
      } catch (const permeq::Error& e) {
        const auto name = run.fold ? constant_operand(e.what(), all_inputs) : std::nullopt;
        if (!name || folded.count(*name)) throw;
        folded.insert(*name);
        std::vector<std::pair<std::string, std::string_view>> tensors;
        for (const auto& in : all_inputs)
          if (folded.count(in.name)) tensors.emplace_back(in.name, in.bytes);
        const auto rewritten = with_initializers(model_bytes, tensors);
        if (!rewritten) throw;
        fs::create_directories(run.scratch / dir.filename());
        model_path = (run.scratch / dir.filename() / "model.onnx").string();
        std::ofstream(model_path, std::ios::binary) << *rewritten;
      }
    }
    std::vector<permeq::Tensor<double>> inputs;
    for (const auto& in : all_inputs)
      if (!folded.count(in.name)) inputs.push_back(in.tensor);

    // Named dimensions (dynamic axes): bind them from the input tensors and import again, so that
    // sizes the importer had to fix follow the test data too.
    auto dims = bind_named_dims(imported->graph, inputs);
    if (!dims.empty()) {
      permeq::OnnxImportOptions options;
      options.dims = dims;
      imported = permeq::import_onnx(model_path, options);
      dims = bind_named_dims(imported->graph, inputs);
    }
    const auto& graph = imported->graph;
    if (run.verbose)
      for (const auto& note : imported->notes)
        if (note.find("no dynamic sequence axis") == std::string::npos) std::cout << "  note " << dir.filename().string() << ": " << note << "\n";

    stage = "instantiate";
    const auto instantiated = permeq::instantiate(graph, dims);

    if (graph.inputs.size() != inputs.size()) {
      result.outcome = Outcome::Failed;
      result.detail = "the imported graph has " + std::to_string(graph.inputs.size()) + " inputs, the test data " +
                      std::to_string(inputs.size());
      return result;
    }
    if (graph.outputs.size() != wants.size()) {
      result.outcome = Outcome::Failed;
      result.detail = "the imported graph has " + std::to_string(graph.outputs.size()) + " outputs, the test data " +
                      std::to_string(wants.size());
      return result;
    }

    permeq::ValueMap<double> bindings;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      const auto& name = graph.inputs[k].name;
      const auto& type = instantiated.types.at(name);
      if (type.shape != inputs[k].shape) {
        result.outcome = Outcome::Failed;
        result.detail = "input " + std::to_string(k) + " ('" + name + "') has shape " + permeq::to_string(type.shape) +
                        " in the imported graph, the test data " + permeq::to_string(inputs[k].shape);
        return result;
      }
      auto tensor = inputs[k];
      tensor.dtype = type.dtype;
      bindings[name] = std::move(tensor);
    }
    for (const auto& p : graph.parameters) {
      if (!p.data) continue;
      const auto& type = instantiated.types.at(p.info.name);
      permeq::Tensor<double> tensor(type.dtype, type.shape);
      if (tensor.data.size() != p.data->size()) {
        result.outcome = Outcome::Failed;
        result.detail = "parameter '" + p.info.name + "' stores " + std::to_string(p.data->size()) + " values, its type " +
                        permeq::to_string(type) + " needs " + std::to_string(tensor.data.size());
        return result;
      }
      for (std::size_t i = 0; i < tensor.data.size(); ++i) tensor.data[i] = (*p.data)[i];
      bindings[p.info.name] = std::move(tensor);
    }

    stage = "evaluate";
    permeq::EvalOptions options;
    options.functions = permeq::FunctionSemantics::Real;
    const auto values = permeq::evaluate<double>(instantiated, std::move(bindings), options);

    for (std::size_t k = 0; k < wants.size(); ++k) {
      const auto it = values.find(graph.outputs[k]);
      if (it == values.end()) {
        result.outcome = Outcome::Failed;
        result.detail = "output " + std::to_string(k) + " ('" + graph.outputs[k] + "') was not computed";
        return result;
      }
      if (const auto mismatch = compare(it->second, wants[k])) {
        result.outcome = Outcome::Failed;
        result.detail = "output " + std::to_string(k) + ": " + *mismatch;
        return result;
      }
    }
    result.outcome = Outcome::Passed;
  } catch (const permeq::Error& e) {
    const std::string message = e.what();
    if (message.find("does not import") != std::string::npos) {
      result.outcome = Outcome::SkippedOperator;
      result.operators = unsupported_operators(message);
    } else {
      result.outcome = Outcome::SkippedVariant;
      auto op = operator_in_message(message);
      if (op == "?") {
        const auto ops = model_op_types(model_bytes);
        if (!ops.empty()) op = ops.front();
      }
      result.operators = {op};
    }
    result.detail = "(" + stage + ") " + first_line(message);
    if (result.outcome == Outcome::SkippedOperator) {
      result.detail = "(" + stage + ") permeq does not import";
      for (std::size_t i = 0; i < result.operators.size(); ++i) result.detail += (i ? ", " : " ") + result.operators[i];
    }
    // The file path in front of the message says nothing new here.
    for (const auto& prefix : {model + ": ", (run.scratch / dir.filename() / "model.onnx").string() + ": ", (data / "").string()})
      if (const auto at = result.detail.find(prefix); at != std::string::npos) result.detail.erase(at, prefix.size());
  } catch (const std::exception& e) {
    result.outcome = Outcome::Failed;
    result.detail = "(" + stage + ") uncaught exception: " + e.what();
  } catch (...) {
    result.outcome = Outcome::Failed;
    result.detail = "(" + stage + ") uncaught non-standard exception";
  }
  if (!folded.empty()) {
    std::string names;
    for (const auto& n : folded) names += (names.empty() ? "" : ", ") + n;
    result.folded = names;
  }
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  static constexpr std::string_view usage =
      "usage: onnx_conformance FOLDER [--verbose] [--no-fold]\n"
      "  --verbose  list passing cases, importer notes and the cases of each skipped operator\n"
      "  --no-fold  do not read graph inputs that permeq needs as constants (shapes, axes, bounds)\n"
      "             from the test data as initializers; skip those cases as unsupported variants\n"
      "  --require-passed N  fail unless at least N cases pass\n";
  std::optional<std::string> folder;
  RunOptions run;
  std::size_t required_passed = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--verbose" || arg == "-v") run.verbose = true;
    else if (arg == "--no-fold") run.fold = false;
    else if (arg == "--require-passed" && i + 1 < argc) {
      const std::string value = argv[++i];
      if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos) {
        std::cerr << "onnx_conformance: --require-passed takes a count, got '" << value << "'\n" << usage;
        return 2;
      }
      required_passed = std::stoul(value);
    }
    else if (arg == "--help" || arg == "-h") {
      std::cout << usage;
      return 0;
    } else if (!folder && !arg.starts_with("-")) folder = std::string(arg);
    else {
      std::cerr << "onnx_conformance: unexpected argument '" << arg << "'\n" << usage;
      return 2;
    }
  }
  if (!folder) {
    std::cerr << usage;
    return 2;
  }
  const bool verbose = run.verbose;
  std::error_code ec;
  if (!fs::is_directory(*folder, ec)) {
    std::cout << "onnx_conformance: test folder '" << *folder << "' does not exist; skipping\n";
    return 77;
  }

  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(*folder))
    if (entry.is_directory() && fs::exists(entry.path() / "model.onnx")) cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  run.scratch = fs::temp_directory_path() / ("onnx_conformance." + std::to_string(::getpid()));

  std::size_t passed = 0, failed = 0, skipped_ops = 0, skipped_variants = 0;
  std::map<std::string, std::vector<std::string>> by_operator;  // unsupported operator -> cases
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> variants;  // operator -> (case, reason)
  std::vector<std::string> folded_cases;
  for (const auto& dir : cases) {
    const auto name = dir.filename().string();
    const auto r = run_case(dir, run);
    const std::string with = r.folded.empty() ? "" : " [constant inputs: " + r.folded + "]";
    if (!r.folded.empty() && (r.outcome == Outcome::Passed || r.outcome == Outcome::Failed)) folded_cases.push_back(name);
    switch (r.outcome) {
      case Outcome::Passed:
        ++passed;
        if (verbose) std::cout << "PASS " << name << with << "\n";
        break;
      case Outcome::Failed:
        ++failed;
        std::cout << "FAIL " << name << with << ": " << r.detail << "\n";
        break;
      case Outcome::SkippedOperator:
        ++skipped_ops;
        for (const auto& op : r.operators) by_operator[op].push_back(name);
        if (verbose) std::cout << "SKIP " << name << ": " << r.detail << "\n";
        break;
      case Outcome::SkippedVariant:
        ++skipped_variants;
        variants[r.operators.front()].emplace_back(name, r.detail);
        if (verbose) std::cout << "SKIP " << name << ": " << r.detail << "\n";
        break;
    }
  }
  std::cout.flush();
  fs::remove_all(run.scratch, ec);

  if (!by_operator.empty()) {
    std::cout << "\nskipped: operators permeq does not import (" << by_operator.size() << " operators, " << skipped_ops << " cases)\n";
    std::size_t width = 8;
    for (const auto& [op, names] : by_operator) width = std::max(width, op.size());
    // Why an operator permeq does not import has no role in the transformer graphs it checks.
    static const std::map<std::string, std::string> no_role{
        {"Loop", "control flow (an expanded Range); exported transformer graphs are straight-line, their loops unrolled"},
        {"If", "control flow; exported transformer graphs are straight-line"},
    };
    for (const auto& [op, names] : by_operator) {
      std::cout << "  " << op << std::string(width - op.size() + 2, ' ') << names.size();
      if (const auto why = no_role.find(op); why != no_role.end()) std::cout << "  " << why->second;
      if (verbose) {
        std::cout << "  ";
        for (std::size_t i = 0; i < names.size(); ++i) std::cout << (i ? ", " : "") << names[i];
      }
      std::cout << "\n";
    }
  }
  if (!variants.empty()) {
    std::cout << "\nskipped: unsupported variants (" << skipped_variants << " cases)\n";
    for (const auto& [op, list] : variants) {
      std::cout << "  " << op << "  " << list.size() << "\n";
      for (const auto& [name, reason] : list) std::cout << "    " << name << ": " << reason << "\n";
    }
  }
  if (!folded_cases.empty())
    std::cout << "\n" << folded_cases.size()
              << " cases ran with graph inputs that permeq needs as constants (shapes, axes, bounds) read from the test data as "
                 "initializers, as exported models store them (--no-fold skips them instead)\n";
  const auto skipped = skipped_ops + skipped_variants;
  std::cout << "\nconformance: " << cases.size() << " cases: " << passed << " passed, " << failed << " failed, " << skipped
            << " skipped (" << skipped_ops << " unsupported operators, " << skipped_variants << " unsupported variants)\n";
  if (passed < required_passed) {
    std::cout << "conformance: " << passed << " cases passed, fewer than the " << required_passed << " required\n";
    return 1;
  }
  return failed == 0 ? 0 : 1;
}
