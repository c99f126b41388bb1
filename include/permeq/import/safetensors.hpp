// permeq/import/safetensors.hpp: reads weights stored in the safetensors format (Hugging Face)
// and binds them to a graph's parameters by name: single files and sharded checkpoints
// (model.safetensors.index.json), with PyTorch's dotted state-dict names and nn.Linear's
// [out, in] layout recognised.
//
// The file is memory-mapped; float tensors are streamed from it: float32 used in place, F16 and
// BF16 widened to float32 when first read and dropped on release (StoredValues), so a model larger
// than memory is checked a layer at a time. Every problem (short file, bad header, offsets out of range, unknown dtype, shape
// mismatch, NaN or infinity) is a permeq::Error(Input) naming the file and the tensor.
#pragma once

#include "permeq/core/shape.hpp"
#include "permeq/core/stored_values.hpp"
#include "permeq/ir/graph.hpp"

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace permeq {

struct SafetensorsTensor {
  std::string name;
  std::string stored_dtype;  ///< as written: "F32", "F16", "BF16", "F64", "I64"
  Shape shape;
  StoredValues values;       ///< float32 (F32, F16, BF16) or double (F64, I64)
};

struct SafetensorsFile {
  std::string path;
  std::vector<SafetensorsTensor> tensors;
  /// The header's "__metadata__" (PyTorch and Hugging Face write {"format": "pt"}).
  std::map<std::string, std::string, std::less<>> metadata;
  [[nodiscard]] const SafetensorsTensor* find(std::string_view name) const;
};

/// Maps and parses `path`.
[[nodiscard]] SafetensorsFile read_safetensors(const std::string& path);

/// Parses safetensors bytes already in memory; `source` names them in errors. The result keeps
/// its own copy of what it needs.
[[nodiscard]] SafetensorsFile parse_safetensors(std::span<const std::byte> bytes, const std::string& source);

/// Reads a checkpoint: a safetensors file, or the index of a sharded one
/// (`model.safetensors.index.json`, whose "weight_map" names each tensor's shard, read from the
/// index's folder), or a folder holding `model.safetensors` or that index. Every tensor must be in
/// the shard the index names, and in no other.
[[nodiscard]] SafetensorsFile read_weights(const std::string& path);

/// Stores each tensor's values in the graph parameter it names. A tensor names a parameter by its
/// exact name, by the same name with '/' written as '.' (PyTorch's dotted state-dict names), or as
/// its only tensor whose dotted name ends in ".NAME" (a checkpoint of a wrapping module). In a
/// PyTorch file (metadata "format": "pt") a matrix is nn.Linear's [out, in]: it is transposed
/// once where the graph reads the parameter only as the right operand of MatMul or Linear, which
/// take [in, out]. Every float parameter of the graph must be present with the parameter's
/// shape (named dimensions bound by the graph's defaults), except buffers that store their own
/// values (an ONNX model's constants); tensors the graph does not use are an error too, so a
/// wrong file is never half-used.
void bind_weights(Graph& graph, const SafetensorsFile& weights);

}  // namespace permeq
