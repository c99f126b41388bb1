#include "permeq/import/model_file.hpp"

#include "permeq/core/error.hpp"
#include "permeq/core/text_file.hpp"
#include "permeq/import/safetensors.hpp"
#include "permeq/ir/json_format.hpp"

#include <chrono>
#include <filesystem>

namespace permeq {

LoadedModel load_model(const std::string& path, const ModelLoadOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  LoadedModel model;
  model.path = path;
  if (std::filesystem::is_directory(path))
    throw Error(ErrorKind::Input, path + ": is a folder; a model is a permeq JSON graph or an ONNX file (.onnx)");
  if (looks_like_onnx(path)) {
    auto imported = import_onnx(path, options.onnx);
    model.graph = std::move(imported.graph);
    model.notes = std::move(imported.notes);
    model.format = ModelFormat::Onnx;
  } else {
    model.json_text = read_text_file(path, "graph");
    model.graph = parse_graph_json(model.json_text, path);
  }
  if (!options.weights_path.empty()) bind_weights(model.graph, read_weights(options.weights_path));
  model.load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return model;
}

}  // namespace permeq
