// permeq/import/model_file.hpp: one entry point for every model file permeq reads: permeq JSON
// graphs and ONNX models, optionally with weights from a safetensors file.
#pragma once

#include "permeq/import/onnx.hpp"
#include "permeq/ir/graph.hpp"

#include <optional>
#include <string>
#include <vector>

namespace permeq {

enum class ModelFormat { Json, Onnx };

struct ModelLoadOptions {
  OnnxImportOptions onnx;
  /// Weights bound to the graph's parameters ("" for none): a safetensors file or a sharded
  /// checkpoint's index (see read_weights).
  std::string weights_path;
};

struct LoadedModel {
  Graph graph;
  ModelFormat format = ModelFormat::Json;
  std::string path;
  std::string json_text;            ///< the JSON source (for node locations in reports); empty for ONNX
  std::vector<std::string> notes;   ///< what the import had to decide (see OnnxImport::notes)
  double load_seconds = 0.0;
};

/// Reads a JSON graph or an ONNX model (chosen by `looks_like_onnx`). Throws permeq::Error(Input)
/// naming the file and the problem.
[[nodiscard]] LoadedModel load_model(const std::string& path, const ModelLoadOptions& options = {});

}  // namespace permeq
