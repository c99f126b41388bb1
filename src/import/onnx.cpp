// ONNX import: protobuf ModelProto -> permeq Graph.
//
// The translation of each operator lives in its definition (src/ops/onnx_mapping.hpp); this file
// reads the file, keeps initializers where protobuf put them, folds constant shape arithmetic, and
// works out which sizes follow the sequence length: it translates the model at two lengths and
// names every size that changes with it. A model whose arithmetic cannot be named that way is
// imported at the requested length only, and says so in its notes.
#include "permeq/import/onnx.hpp"

#include "permeq/core/error.hpp"
#include "permeq/eval/evaluator.hpp"
#include "src/import/file_bytes.hpp"
#include "src/import/onnx_operators.hpp"
#include "src/import/onnx_tensor_reader.hpp"
#include "src/import/onnx_translator.hpp"
#include "src/import/sequence_sizes.hpp"
#include "src/ops/operator_list.hpp"

#include <onnx/onnx_pb.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <set>
#include <unordered_map>
#include <variant>

namespace permeq {
namespace {

using onnx_import::batch_like;
using onnx_import::confirm_affine_sizes;
using onnx_import::default_opset;
using onnx_import::dtype_of;
using onnx_import::file_error;
using onnx_import::has_affine_sizes;
using onnx_import::Initializers;
using onnx_import::mapping;
using onnx_import::name_sequence_sizes;
using onnx_import::node_label;
using onnx_import::read_initializers;
using onnx_import::structural_operators;
using onnx_import::TensorReader;
using onnx_import::translate_model;


std::shared_ptr<onnx::ModelProto> parse_model(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) file_error(path, "is a directory, not an ONNX file");
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) file_error(path, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (fstat(fd, &st) == 0 && st.st_size == 0) {
    close(fd);
    file_error(path, "the file is empty, not an ONNX model");
  }
  auto model = std::make_shared<onnx::ModelProto>();
  bool ok = false;
  {
    google::protobuf::io::FileInputStream raw(fd);
    google::protobuf::io::CodedInputStream coded(&raw);
    coded.SetTotalBytesLimit(INT_MAX);
    ok = model->ParseFromCodedStream(&coded) && coded.ConsumedEntireMessage();
  }
  close(fd);
  if (!ok) file_error(path, "not a valid ONNX model: the protobuf message is truncated or corrupt");
  if (!model->has_graph() || model->graph().node_size() == 0) file_error(path, "the ONNX model has no graph nodes");
  return model;
}

void check_supported(const onnx::ModelProto& model, const std::string& path) {
  std::vector<std::string> problems;
  const auto opset = default_opset(model);
  for (int i = 0; i < model.graph().node_size(); ++i) {
    const auto& node = model.graph().node(i);
    const bool default_domain = node.domain().empty() || node.domain() == "ai.onnx";
    if (default_domain && (mapping().count(node.op_type()) || structural_operators().count(node.op_type()))) continue;
    problems.push_back("  " + node.op_type() + " (domain " + (node.domain().empty() ? "ai.onnx" : node.domain()) + ", opset " +
                       std::to_string(opset) + ") at node '" + node_label(node, i) + "'");
  }
  if (problems.empty()) return;
  std::string message = std::to_string(problems.size()) + " node" + (problems.size() == 1 ? " uses an operator" : "s use operators") +
                        " permeq does not import:\n";
  for (const auto& p : problems) message += p + "\n";
  message += "(the supported ONNX operators are listed by `permeq ops --onnx`)";
  file_error(path, message);
}

/// The sequence lengths the model is translated at; all above the importer's folding limit.
constexpr std::int64_t probe_lengths[3] = {9, 11, 13};


}  // namespace

namespace {
OnnxImport import_model(const std::shared_ptr<onnx::ModelProto>& model, const std::string& path, const OnnxImportOptions& options);
}

OnnxImport import_onnx(const std::string& path, const OnnxImportOptions& options) { return import_model(parse_model(path), path, options); }

OnnxImport import_onnx_bytes(std::span<const std::byte> bytes, const std::string& source, const OnnxImportOptions& options) {
  auto model = std::make_shared<onnx::ModelProto>();
  if (bytes.size() > static_cast<std::size_t>(INT_MAX) || !model->ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    file_error(source, "not a valid ONNX model: the protobuf message is truncated or corrupt");
  if (!model->has_graph() || model->graph().node_size() == 0) file_error(source, "the ONNX model has no graph nodes");
  return import_model(model, source, options);
}

namespace {
/// Candidate lengths of a model that fails at the default length: every size of its initializers
/// (where a token-mixing weight or a position table names it) and 2..16. The smallest longer
/// than the default at which the whole model translates, else the largest shorter one, with its
/// graph; nullopt when none does.
std::optional<std::pair<std::int64_t, Graph>> translating_length_near(const onnx::ModelProto& model, const Initializers& inits, const std::string& path,
                                                                          DimBindings bindings, const std::string& token_dim, std::int64_t failed) {
  constexpr std::int64_t largest_candidate = 4096;
  std::set<std::int64_t> candidates;
  for (std::int64_t k = 2; k <= 16; ++k) candidates.insert(k);
  for (const auto& [name, p] : inits.weights)
    for (const auto& d : p.info.shape)
      if (const auto* size = std::get_if<std::int64_t>(&d); size && *size >= 2 && *size <= largest_candidate) candidates.insert(*size);
  candidates.erase(failed);
  // Lengths from the default up first: below it the tests are weak (symmetric position biases
  // pass every test at n = 2, circular ones at n = 3) and length-dependent structure collapses
  // (segments of n / 3 tokens hold one token each at n = 3, so Nystromformer's landmark means are
  // the tokens themselves and look equivariant); then the lengths below it, the largest first.
  std::vector<std::int64_t> order(candidates.lower_bound(failed), candidates.end());
  order.insert(order.end(), std::make_reverse_iterator(candidates.lower_bound(failed)), candidates.rend());
  for (const auto k : order) {
    bindings[token_dim] = k;
    std::vector<std::string> notes;
    try {
      return std::pair{k, translate_model(model, inits, path, bindings, token_dim, k, notes)};
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Input) throw;
    }
  }
  return std::nullopt;
}

OnnxImport import_model(const std::shared_ptr<onnx::ModelProto>& model, const std::string& path, const OnnxImportOptions& options) {
  OnnxImport result;
  result.opset = default_opset(*model);
  result.producer = model->producer_name() + (model->producer_version().empty() ? "" : " " + model->producer_version());
  if (result.opset && (result.opset < 13 || result.opset > 17))
    result.notes.push_back("opset " + std::to_string(result.opset) + " is outside the tested range 13-17");
  check_supported(*model, path);

  // The sequence dimension: the first dynamic input size that is not a batch size.
  std::string token_dim;
  std::set<std::string> init_names;
  for (const auto& t : model->graph().initializer()) init_names.insert(t.name());
  for (const auto& in : model->graph().input()) {
    if (init_names.count(in.name()) || !in.type().has_tensor_type()) continue;
    const auto& dims = in.type().tensor_type().shape().dim();
    if (options.permuted_axis && options.permuted_axis->first == in.name()) {
      const auto axis = normalize_axis(options.permuted_axis->second, static_cast<std::size_t>(dims.size()));
      if (axis && dims[*axis].has_dim_param()) {
        token_dim = dims[*axis].dim_param();
        break;
      }
    }
    for (const auto& d : dims)
      if (d.has_dim_param() && !batch_like(d.dim_param()) && token_dim.empty()) token_dim = d.dim_param();
  }
  // A --dim the model does not have is a typo, which would otherwise pass silently.
  std::set<std::string> dynamic_axes;
  for (const auto& in : model->graph().input())
    if (!init_names.count(in.name()) && in.type().has_tensor_type())
      for (const auto& d : in.type().tensor_type().shape().dim())
        if (d.has_dim_param()) dynamic_axes.insert(d.dim_param());
  for (const auto& [name, size] : options.dims)
    if (!dynamic_axes.count(name)) {
      std::string known;
      for (const auto& d : dynamic_axes) known += (known.empty() ? "" : ", ") + d;
      throw Error(ErrorKind::Usage, path + ": --dim " + name + "=" + std::to_string(size) + ": the model has no dimension '" + name + "' (" +
                                        (known.empty() ? "it has no named dimensions" : "its named dimensions: " + known) + ")");
    }

  TensorReader reader(path);
  const auto inits = read_initializers(*model, reader, path);
  DimBindings bindings = options.dims;
  const std::int64_t n = token_dim.empty() ? 0 : (bindings.count(token_dim) ? bindings.at(token_dim) : options.seq_len.value_or(4));
  if (token_dim.empty()) {
    result.graph = translate_model(*model, inits, path, bindings, token_dim, 0, result.notes);
    result.notes.push_back("the model has no dynamic sequence axis; it is checked at its fixed sizes (choose the permuted axis with --permute)");
    return result;
  }
  // Two probe lengths name the sizes that follow the sequence; a model that is defined at one
  // length only (a position table of max_len rows added whole) fails a probe and is read at n.
  std::vector<std::string> scratch, probe_notes;
  std::optional<Graph> first;
  std::optional<std::string> why_fixed;
  try {
    bindings[token_dim] = probe_lengths[0];
    first = translate_model(*model, inits, path, bindings, token_dim, n, probe_notes);
    bindings[token_dim] = probe_lengths[1];
    const Graph second = translate_model(*model, inits, path, bindings, token_dim, n, scratch);
    why_fixed = name_sequence_sizes(*first, second, probe_lengths[0], probe_lengths[1], token_dim);
    if (!why_fixed && has_affine_sizes(*first)) {
      bindings[token_dim] = probe_lengths[2];
      why_fixed = confirm_affine_sizes(*first, translate_model(*model, inits, path, bindings, token_dim, n, scratch), probe_lengths[2]);
    }
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Input) throw;
    why_fixed = e.what();
  }
  if (why_fixed) {
    const bool n_chosen = options.seq_len || options.dims.count(token_dim);
    std::int64_t checked = n;
    try {
      bindings[token_dim] = n;
      result.graph = translate_model(*model, inits, path, bindings, token_dim, n, result.notes);
      result.notes.push_back("sizes are fixed at " + token_dim + " = " + std::to_string(n) + ": " + *why_fixed);
    } catch (const Error& e) {
      // A model defined at one length only (a token-mixing Linear(n, n), a position table added
      // whole, sizes traced at the export's length) fails the default length too: read it at the
      // nearest length from the default up that its own sizes allow.
      if (e.kind() != ErrorKind::Input || n_chosen) throw;
      auto defined = translating_length_near(*model, inits, path, bindings, token_dim, n);
      if (!defined) throw;
      checked = defined->first;
      result.graph = std::move(defined->second);
      std::string why = e.what();
      if (why.starts_with(path + ": ")) why.erase(0, path.size() + 2);
      result.notes.push_back("the model does not translate at " + token_dim + " = " + std::to_string(n) + " (" + why + "); it is checked at " +
                             token_dim + " = " + std::to_string(checked) + (checked > n ? ", the smallest longer length at which it does" : ", the largest shorter length at which it does (none longer up to 16 or a weight's size does)") +
                             " (--seq-len chooses)");
    }
    result.graph.dims[token_dim] = checked;
    return result;
  } else {
    result.graph = std::move(*first);
    result.notes.insert(result.notes.end(), probe_notes.begin(), probe_notes.end());
  }
  result.graph.dims[token_dim] = n;
  return result;
}
}  // namespace

Tensor<double> read_onnx_tensor(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) file_error(path, "cannot open");
  onnx::TensorProto t;
  if (!t.ParseFromIstream(&in)) file_error(path, "not a valid serialized ONNX TensorProto");
  TensorReader reader(path);
  return reader.tensor(t);
}

bool looks_like_onnx(const std::string& path) {
  if (std::filesystem::path(path).extension() == ".onnx") return true;
  std::ifstream in(path, std::ios::binary);
  char first = 0;
  in.get(first);
  return in && first == 0x08;  // field 1 (ir_version), varint: how every ModelProto begins
}

}  // namespace permeq
