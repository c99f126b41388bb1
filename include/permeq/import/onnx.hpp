// permeq/import/onnx.hpp: reads ONNX models (as written by torch.onnx.export, opsets 13-17) into
// permeq graphs, with their initializers as stored weights.
//
// PyTorch's shape arithmetic (Shape, Gather, Unsqueeze, Concat, ...) is folded at import; sizes
// that follow the dynamic sequence axis become the named dimension of that axis, so the graph can
// still be checked at several lengths. Protobuf types stay inside the library.
#pragma once

#include "permeq/core/tensor.hpp"
#include "permeq/ir/graph.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace permeq {

struct OnnxImportOptions {
  /// Sizes for dynamic input dimensions (dim_param names); unnamed or unlisted batch-like
  /// dimensions are bound to 1.
  DimBindings dims;
  /// Length of the sequence axis (the first dynamic input axis that is not a batch axis) when
  /// `dims` does not name it; default 4.
  std::optional<std::int64_t> seq_len;
  /// The permuted input and axis (--permute NAME:AXIS), when given: its dynamic dimension is the
  /// sequence axis instead of the first one found (a decoder's target after its source).
  std::optional<std::pair<std::string, std::int64_t>> permuted_axis;
};

struct OnnxImport {
  Graph graph;
  std::int64_t opset = 0;
  std::string producer;  ///< "pytorch 1.13.1"
  /// Facts a user should know about the translation (folded -inf mask values, bound batch axes).
  std::vector<std::string> notes;
};

/// Reads `path` (external data files are looked up next to it). Throws permeq::Error(Input)
/// naming the file and, for unsupported operators, listing every unsupported node at once
/// (op type, domain, opset, node name).
[[nodiscard]] OnnxImport import_onnx(const std::string& path, const OnnxImportOptions& options = {});

/// The same for a model already in memory (a fuzzer's input); `source` names it in errors.
/// External data is looked up relative to `source`.
[[nodiscard]] OnnxImport import_onnx_bytes(std::span<const std::byte> bytes, const std::string& source, const OnnxImportOptions& options = {});

/// The serialized ONNX model `original` again, with the values of every float initializer that
/// `graph` stores under the same name replaced by the graph's (a model moved by permute_weights):
/// the same nodes, names and metadata, the new weights written inline in the initializer's element
/// type (float32 or float64). `source` names the model in errors. Throws permeq::Error(Input) when a
/// parameter's element count differs from its initializer's or the initializer is not float.
[[nodiscard]] std::vector<std::byte> onnx_with_weights(std::span<const std::byte> original, const std::string& source, const Graph& graph);
/// The same from the file `original_path` to the file `output_path`. Replaced initializers are
/// written inline; others keep their external data references, relative to the output's folder.
void save_onnx_with_weights(const std::string& original_path, const Graph& graph, const std::string& output_path);

/// A serialized TensorProto (.pb), as in ONNX's test data sets, read as doubles.
[[nodiscard]] Tensor<double> read_onnx_tensor(const std::string& path);

struct OnnxOperatorSupport {
  std::string onnx_op;     ///< ONNX op_type
  std::string permeq_ops;  ///< what it becomes ("MatMul", "folded", "Reshape")
  std::string notes;
};

/// The ONNX operators the importer reads, for `permeq ops --onnx` and the README table.
[[nodiscard]] std::vector<OnnxOperatorSupport> onnx_supported_operators();

/// True when the file starts like a serialized ONNX ModelProto rather than permeq JSON.
[[nodiscard]] bool looks_like_onnx(const std::string& path);

}  // namespace permeq
