// tests/onnx_wire_format.hpp: a few protobuf wire-format helpers for the ONNX conformance runner.
// The library keeps protobuf types to itself, so the runner reads the little it needs from the
// files directly: node op types (to group skips), TensorProto names, and, to fold constant operands
// (see fold_inputs), appending initializers to the model's GraphProto.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wire {

namespace fs = std::filesystem;

struct WireField {
  std::uint64_t number = 0;
  int wire = 0;
  std::string_view payload;  ///< length-delimited contents (wire type 2)
  std::string_view raw;      ///< the whole field, key included
};

inline std::optional<std::uint64_t> read_varint(std::string_view bytes, std::size_t& at) {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64 && at < bytes.size(); shift += 7) {
    const auto byte = static_cast<unsigned char>(bytes[at++]);
    value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return value;
  }
  return std::nullopt;
}

/// The top-level fields of a serialized message; nullopt when it is not well formed.
inline std::optional<std::vector<WireField>> wire_fields(std::string_view bytes) {
  std::vector<WireField> fields;
  std::size_t at = 0;
  while (at < bytes.size()) {
    const auto start = at;
    const auto key = read_varint(bytes, at);
    if (!key) return std::nullopt;
    WireField f;
    f.number = *key >> 3;
    f.wire = static_cast<int>(*key & 7);
    switch (f.wire) {
      case 0:
        if (!read_varint(bytes, at)) return std::nullopt;
        break;
      case 1: at += 8; break;
      case 5: at += 4; break;
      case 2: {
        const auto length = read_varint(bytes, at);
        if (!length || *length > bytes.size() - at) return std::nullopt;
        f.payload = bytes.substr(at, *length);
        at += *length;
        break;
      }
      default: return std::nullopt;
    }
    if (at > bytes.size()) return std::nullopt;
    f.raw = bytes.substr(start, at - start);
    fields.push_back(f);
  }
  return fields;
}

inline std::string encode_varint(std::uint64_t value) {
  std::string out;
  do {
    auto byte = static_cast<unsigned char>(value & 0x7f);
    value >>= 7;
    if (value) byte |= 0x80;
    out.push_back(static_cast<char>(byte));
  } while (value);
  return out;
}

inline std::string length_delimited(std::uint64_t number, std::string_view payload) {
  return encode_varint(number << 3 | 2) + encode_varint(payload.size()) + std::string(payload);
}

inline std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The GraphProto inside a ModelProto (field 7), or nullopt.
inline std::optional<std::string_view> model_graph(std::string_view model) {
  const auto fields = wire_fields(model);
  if (!fields) return std::nullopt;
  for (const auto& f : *fields)
    if (f.number == 7 && f.wire == 2) return f.payload;
  return std::nullopt;
}

/// The op types of the model's nodes (GraphProto.node = 1, NodeProto.op_type = 4), in order, once each.
inline std::vector<std::string> model_op_types(std::string_view model) {
  std::vector<std::string> ops;
  const auto graph = model_graph(model);
  if (!graph) return ops;
  const auto fields = wire_fields(*graph);
  if (!fields) return ops;
  for (const auto& node : *fields) {
    if (node.number != 1 || node.wire != 2) continue;
    if (const auto nf = wire_fields(node.payload))
      for (const auto& f : *nf)
        if (f.number == 4 && f.wire == 2 && std::find(ops.begin(), ops.end(), f.payload) == ops.end()) ops.emplace_back(f.payload);
  }
  return ops;
}

/// TensorProto.name (field 8).
inline std::string tensor_name(std::string_view tensor) {
  std::string name;
  if (const auto fields = wire_fields(tensor))
    for (const auto& f : *fields)
      if (f.number == 8 && f.wire == 2) name = std::string(f.payload);
  return name;
}

/// The model with the given tensors added as initializers (GraphProto.initializer = 5) under the
/// given names; the graph inputs of those names then read them as their stored values.
inline std::optional<std::string> with_initializers(std::string_view model, const std::vector<std::pair<std::string, std::string_view>>& tensors) {
  const auto fields = wire_fields(model);
  if (!fields) return std::nullopt;
  std::string out;
  bool found = false;
  for (const auto& f : *fields) {
    if (f.number == 7 && f.wire == 2 && !found) {
      std::string graph(f.payload);
      // A repeated name field: the last one wins, so the initializer gets the input's name.
      for (const auto& [name, bytes] : tensors) graph += length_delimited(5, std::string(bytes) + length_delimited(8, name));
      out += length_delimited(7, graph);
      found = true;
    } else {
      out += f.raw;
    }
  }
  if (!found) return std::nullopt;
  return out;
}

}  // namespace wire
