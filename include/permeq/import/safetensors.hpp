// permeq/import/safetensors.hpp: reads weights stored in the safetensors format (Hugging Face)
// and binds them to a graph's parameters by name.
//
// The file is memory-mapped; float32 tensors are used in place, F16 and BF16 are widened to
// float32 once. Every problem (short file, bad header, offsets out of range, unknown dtype, shape
// mismatch, NaN or infinity) is a permeq::Error(Input) naming the file and the tensor.
#pragma once

#include "permeq/core/shape.hpp"
#include "permeq/core/stored_values.hpp"
#include "permeq/ir/graph.hpp"

#include <cstddef>
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
  [[nodiscard]] const SafetensorsTensor* find(std::string_view name) const;
};

/// Maps and parses `path`.
[[nodiscard]] SafetensorsFile read_safetensors(const std::string& path);

/// Parses safetensors bytes already in memory; `source` names them in errors. The result keeps
/// its own copy of what it needs.
[[nodiscard]] SafetensorsFile parse_safetensors(std::span<const std::byte> bytes, const std::string& source);

/// Stores each tensor's values in the graph parameter of the same name. Every float parameter of
/// the graph must be present with the parameter's shape (named dimensions bound by the graph's
/// defaults); tensors the graph does not use are an error too, so a wrong file is never half-used.
void bind_weights(Graph& graph, const SafetensorsFile& weights);

}  // namespace permeq
