// src/import/onnx_translator.hpp: the ONNX importer's translation of one model at one binding of
// its dimensions (onnx.cpp chooses the bindings and names the sizes that follow the sequence).
// Internal to the importer; protobuf types stay out of public headers.
#pragma once

#include "permeq/ir/graph.hpp"
#include "src/import/onnx_tensor_reader.hpp"

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace permeq::onnx_import {

/// Initializers read once, shared by every translation.
struct Initializers {
  std::map<std::string, Parameter, std::less<>> weights;        ///< float tensors of 2+ elements
  std::map<std::string, Tensor<double>, std::less<>> constants;  ///< scalars and integer tensors
};

/// Reads every initializer; NaN is an error naming the file and initializer, infinities make the
/// tensor a buffer (a stored mask), never a redrawn weight.
[[nodiscard]] Initializers read_initializers(onnx::ModelProto& model, TensorReader& reader, const std::string& path);

/// The opset of the default domain, 0 when the model does not import it.
[[nodiscard]] std::int64_t default_opset(const onnx::ModelProto& model);
/// The node's name, or op_index for an unnamed node: how errors and reports name it.
[[nodiscard]] std::string node_label(const onnx::NodeProto& node, int index);
/// A dimension named like a batch size: bound to 1 unless the user binds it.
[[nodiscard]] bool batch_like(const std::string& name);

/// The graph of `model` with its dynamic dimensions bound as `bindings` says (`token_dim`: the
/// sequence dimension; `default_size`: the size of other unbound non-batch axes, 0 for none).
/// Notes on defaulted dimensions are appended to `notes`. Throws permeq::Error(Input) naming the
/// file and node.
[[nodiscard]] Graph translate_model(const onnx::ModelProto& model, const Initializers& inits, const std::string& path, const DimBindings& bindings,
                                    const std::string& token_dim, std::int64_t default_size, std::vector<std::string>& notes);

}  // namespace permeq::onnx_import
