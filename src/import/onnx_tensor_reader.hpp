// src/import/onnx_tensor_reader.hpp: reading ONNX tensors (initializers, constants, test data)
// into permeq values: inline data, raw bytes, and external data files mapped read-only and
// streamed (float16 and bfloat16 widened on first read). Internal to the ONNX importer; protobuf
// types stay out of public headers.
#pragma once

#include "permeq/core/error.hpp"
#include "permeq/core/stored_values.hpp"
#include "permeq/core/tensor.hpp"
#include "src/import/file_bytes.hpp"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace permeq::onnx_import {

[[noreturn]] inline void file_error(const std::string& path, const std::string& message) {
  throw Error(ErrorKind::Input, path + ": " + message);
}

inline std::optional<DType> dtype_of(int elem_type) {
  using T = onnx::TensorProto;
  switch (elem_type) {
    case T::FLOAT: case T::DOUBLE: case T::FLOAT16: case T::BFLOAT16: return DType::Float;
    case T::INT8: case T::INT16: case T::INT32: case T::INT64:
    case T::UINT8: case T::UINT16: case T::UINT32: case T::UINT64: return DType::Int64;
    case T::BOOL: return DType::Bool;
    default: return std::nullopt;
  }
}

using import::bfloat16_to_float;
using import::half_to_float;

/// Where a tensor's bytes are: inline raw_data, or a range of an external file.
struct RawBytes {
  const std::byte* data = nullptr;
  std::size_t size = 0;
  std::shared_ptr<const void> owner;
  bool present = false;
  bool mapped = false;  ///< a range of a read-only file mapping (external data): streamed
  std::string where;    ///< how errors name an external range: " (external data 'file' at [a, b))"
};

class TensorReader {
 public:
  TensorReader(std::string model_path) : model_path_(std::move(model_path)) {
    dir_ = std::filesystem::path(model_path_).parent_path().string();
  }

  RawBytes raw(onnx::TensorProto& t, bool take_ownership) {
    RawBytes r;
    if (t.data_location() == onnx::TensorProto::EXTERNAL) {
      r = external(t);
    } else if (t.has_raw_data()) {
      if (take_ownership) {
        std::shared_ptr<std::string> owned(t.release_raw_data());
        r = {reinterpret_cast<const std::byte*>(owned->data()), owned->size(), owned, true};
      } else {
        r = {reinterpret_cast<const std::byte*>(t.raw_data().data()), t.raw_data().size(), nullptr, true};
      }
    }
    return r;
  }

  std::size_t element_count_of(const onnx::TensorProto& t) {
    std::size_t count = 1;
    for (const auto d : t.dims()) {
      if (d < 0) file_error(model_path_, "tensor '" + t.name() + "' has a negative dimension");
      if (d > 0 && count > (std::size_t{1} << 40) / static_cast<std::size_t>(d)) file_error(model_path_, "tensor '" + t.name() + "' is too large");
      count *= static_cast<std::size_t>(d);
    }
    return count;
  }

  /// Float32 values, in place when the file stores them raw (no copy), widened otherwise; from
  /// external data, streamed from the mapped file (see StoredValues::mapped).
  StoredValues float_values(onnx::TensorProto& t) {
    const auto count = element_count_of(t);
    const auto raw_bytes = raw(t, true);
    using T = onnx::TensorProto;
    if (raw_bytes.mapped && (t.data_type() == T::FLOAT || t.data_type() == T::FLOAT16 || t.data_type() == T::BFLOAT16)) {
      const bool f32 = t.data_type() == T::FLOAT;
      check_size(t, raw_bytes, count * (f32 ? 4 : 2));
      return StoredValues::mapped(raw_bytes.owner, raw_bytes.data, count,
                                  f32 ? StoredValues::Encoding::Float32
                                      : t.data_type() == T::FLOAT16 ? StoredValues::Encoding::Float16 : StoredValues::Encoding::BFloat16);
    }
    if (t.data_type() == onnx::TensorProto::FLOAT && raw_bytes.present) {
      check_size(t, raw_bytes, count * 4);
      if (reinterpret_cast<std::uintptr_t>(raw_bytes.data) % alignof(float) == 0)
        return StoredValues::float32_view(raw_bytes.owner, reinterpret_cast<const float*>(raw_bytes.data), count);
    }
    const auto values = doubles(t, raw_bytes, count);
    return StoredValues::float32(std::vector<float>(values.begin(), values.end()));
  }

  Tensor<double> tensor(onnx::TensorProto& t) {
    const auto dtype = dtype_of(t.data_type());
    if (!dtype) file_error(model_path_, "tensor '" + t.name() + "' has unsupported element type " + std::to_string(t.data_type()));
    const auto count = element_count_of(t);
    Shape shape(t.dims().begin(), t.dims().end());
    return Tensor<double>(*dtype, shape, doubles(t, raw(t, false), count));
  }

 private:
  void check_size(const onnx::TensorProto& t, const RawBytes& r, std::size_t want) {
    if (r.size != want)
      file_error(model_path_, "tensor '" + t.name() + "' holds " + std::to_string(r.size) + " bytes" + r.where + ", its shape " +
                                  shape_text(t) + " needs " + std::to_string(want));
  }

  static std::string shape_text(const onnx::TensorProto& t) {
    std::string text = "[";
    for (int i = 0; i < t.dims_size(); ++i) text += (i > 0 ? ", " : "") + std::to_string(t.dims(i));
    return text + "]";
  }

  /// The range of an external data file a tensor names (keys location, offset, length; the file
  /// next to the model), mapped once per file.
  RawBytes external(const onnx::TensorProto& t) {
    const std::string tensor = "tensor '" + t.name() + "'";
    std::string location;
    std::optional<std::size_t> offset, length;
    const auto number = [&](const std::string& key, const std::string& text) {
      std::size_t value = 0;
      const auto* end = text.data() + text.size();
      const auto [stop, problem] = std::from_chars(text.data(), end, value);
      if (text.empty() || problem != std::errc() || stop != end)
        file_error(model_path_, tensor + ": external data " + key + " '" + text + "' is not a non-negative integer that fits 64 bits");
      return value;
    };
    for (const auto& entry : t.external_data()) {
      if (entry.key() == "location") location = entry.value();
      else if (entry.key() == "offset") offset = number("offset", entry.value());
      else if (entry.key() == "length") length = number("length", entry.value());
    }
    if (location.empty()) file_error(model_path_, tensor + " is stored externally without a location");
    if (location.find("..") != std::string::npos || location.starts_with('/'))
      file_error(model_path_, tensor + ": external data location '" + location + "' must stay next to the model");
    const auto file = (std::filesystem::path(dir_) / location).string();
    auto& mapping = mappings_[file];
    if (!mapping.owner && !mapping.data) {
      try {
        mapping = import::map_read_only(file, "external data file");
      } catch (const Error& e) {
        file_error(model_path_, tensor + ": external data file '" + location + "': " + e.what());
      }
    }
    const std::size_t begin = offset.value_or(0);
    if (begin > mapping.size || (length && *length > mapping.size - begin))
      file_error(model_path_, tensor + ": external data range [" + std::to_string(begin) + ", " +
                                  (length ? std::to_string(begin + *length) : std::string("end")) + ") lies outside '" + location + "' (" +
                                  std::to_string(mapping.size) + " bytes)");
    const std::size_t size = length.value_or(mapping.size - begin);
    return {mapping.data + begin, size, mapping.owner, true, true,
            " (external data '" + location + "' at [" + std::to_string(begin) + ", " + std::to_string(begin + size) + "))"};
  }

  template <class T>
  static T load(const std::byte* p) {
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
  }

  std::vector<double> doubles(const onnx::TensorProto& t, const RawBytes& r, std::size_t count) {
    using T = onnx::TensorProto;
    std::vector<double> out;
    out.reserve(count);
    const int type = t.data_type();
    if (r.present) {
      std::size_t width = 0;
      switch (type) {
        case T::FLOAT: case T::INT32: case T::UINT32: width = 4; break;
        case T::DOUBLE: case T::INT64: case T::UINT64: width = 8; break;
        case T::FLOAT16: case T::BFLOAT16: case T::INT16: case T::UINT16: width = 2; break;
        case T::INT8: case T::UINT8: case T::BOOL: width = 1; break;
        default: file_error(model_path_, "tensor '" + t.name() + "' has unsupported element type " + std::to_string(type));
      }
      check_size(t, r, count * width);
      for (std::size_t i = 0; i < count; ++i) {
        const std::byte* p = r.data + i * width;
        switch (type) {
          case T::FLOAT: out.push_back(load<float>(p)); break;
          case T::DOUBLE: out.push_back(load<double>(p)); break;
          case T::INT32: out.push_back(load<std::int32_t>(p)); break;
          case T::UINT32: out.push_back(load<std::uint32_t>(p)); break;
          case T::INT64: out.push_back(static_cast<double>(load<std::int64_t>(p))); break;
          case T::UINT64: out.push_back(static_cast<double>(load<std::uint64_t>(p))); break;
          case T::FLOAT16: out.push_back(half_to_float(load<std::uint16_t>(p))); break;
          case T::BFLOAT16: out.push_back(bfloat16_to_float(load<std::uint16_t>(p))); break;
          case T::INT16: out.push_back(load<std::int16_t>(p)); break;
          case T::UINT16: out.push_back(load<std::uint16_t>(p)); break;
          case T::INT8: out.push_back(load<std::int8_t>(p)); break;
          default: out.push_back(static_cast<double>(load<std::uint8_t>(p))); break;
        }
      }
      return out;
    }
    switch (type) {
      case T::FLOAT: out.assign(t.float_data().begin(), t.float_data().end()); break;
      case T::DOUBLE: out.assign(t.double_data().begin(), t.double_data().end()); break;
      case T::INT64: for (const auto v : t.int64_data()) out.push_back(static_cast<double>(v)); break;
      case T::UINT32: case T::UINT64: for (const auto v : t.uint64_data()) out.push_back(static_cast<double>(v)); break;
      case T::FLOAT16: for (const auto v : t.int32_data()) out.push_back(half_to_float(static_cast<std::uint16_t>(v))); break;
      case T::BFLOAT16: for (const auto v : t.int32_data()) out.push_back(bfloat16_to_float(static_cast<std::uint16_t>(v))); break;
      default: for (const auto v : t.int32_data()) out.push_back(v); break;
    }
    if (out.size() != count)
      file_error(model_path_, "tensor '" + t.name() + "' stores " + std::to_string(out.size()) + " values, its shape needs " + std::to_string(count));
    return out;
  }

  std::string model_path_, dir_;
  std::map<std::string, import::MappedBytes> mappings_;
};

}  // namespace permeq::onnx_import
