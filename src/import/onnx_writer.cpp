// Writing an ONNX model back with new weights (onnx.hpp: onnx_with_weights): `permeq permute`
// and permeq.torch.permute hand back a permuted ONNX model in the form it came in, so ONNX
// Runtime or PyTorch tooling loads it like the original. Only initializer values change.
#include "permeq/core/error.hpp"
#include "permeq/import/onnx.hpp"
#include "src/import/file_bytes.hpp"

#include <onnx/onnx_pb.h>

#include <climits>
#include <cstring>
#include <fstream>

namespace permeq {
namespace {

[[noreturn]] void write_error(const std::string& source, const std::string& problem) { throw Error(ErrorKind::Input, source + ": " + problem); }

std::int64_t element_count(const onnx::TensorProto& t) {
  std::int64_t count = 1;
  for (const auto d : t.dims()) count *= d;
  return count;
}

/// Replaces `t`'s values by `values`, inline, little-endian, in `t`'s own element type.
void store(onnx::TensorProto& t, const StoredValues& values, const std::string& source) {
  if (static_cast<std::int64_t>(values.size()) != element_count(t))
    write_error(source, "initializer '" + t.name() + "' holds " + std::to_string(element_count(t)) + " values, the graph's parameter " +
                            std::to_string(values.size()));
  std::string raw;
  if (t.data_type() == onnx::TensorProto::FLOAT) {
    raw.resize(values.size() * sizeof(float));
    for (std::size_t i = 0; i < values.size(); ++i) {
      const float v = static_cast<float>(values[i]);
      std::memcpy(raw.data() + i * sizeof(float), &v, sizeof(float));
    }
  } else if (t.data_type() == onnx::TensorProto::DOUBLE) {
    raw.resize(values.size() * sizeof(double));
    for (std::size_t i = 0; i < values.size(); ++i) {
      const double v = values[i];
      std::memcpy(raw.data() + i * sizeof(double), &v, sizeof(double));
    }
  } else {
    write_error(source, "initializer '" + t.name() + "' has element type " + std::to_string(t.data_type()) +
                            "; permeq writes new weights only into float32 and float64 initializers");
  }
  t.clear_float_data();
  t.clear_double_data();
  t.clear_external_data();
  t.set_data_location(onnx::TensorProto::DEFAULT);
  t.set_raw_data(std::move(raw));
}

}  // namespace

std::vector<std::byte> onnx_with_weights(std::span<const std::byte> original, const std::string& source, const Graph& graph) {
  onnx::ModelProto model;
  if (original.size() > static_cast<std::size_t>(INT_MAX) || !model.ParseFromArray(original.data(), static_cast<int>(original.size())))
    write_error(source, "not a valid ONNX model: the protobuf message is truncated or corrupt");
  for (auto& t : *model.mutable_graph()->mutable_initializer())
    if (const auto* p = graph.find_parameter(t.name()); p && p->data && p->info.dtype == DType::Float) store(t, *p->data, source);
  std::vector<std::byte> out(model.ByteSizeLong());
  if (!model.SerializeToArray(out.data(), static_cast<int>(out.size()))) write_error(source, "cannot serialize the model (over 2 GB?)");
  return out;
}

void save_onnx_with_weights(const std::string& original_path, const Graph& graph, const std::string& output_path) {
  const auto mapped = import::map_read_only(original_path, "ONNX model");
  const auto bytes = onnx_with_weights({mapped.data, mapped.size}, original_path, graph);
  std::ofstream out(output_path, std::ios::binary);
  if (!out || !out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size())))
    throw Error(ErrorKind::Usage, output_path + ": cannot write the output file");
}

}  // namespace permeq
