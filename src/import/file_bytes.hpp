// src/import/file_bytes.hpp: what the importers share below the format: read-only memory maps of
// weight files (so float32 tensors are used in place) and the 16-bit float formats.
#pragma once

#include "src/core/float16.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace permeq::import {

struct MappedBytes {
  const std::byte* data = nullptr;
  std::size_t size = 0;
  std::shared_ptr<const void> owner;  ///< unmaps when the last user lets go
};

/// Maps `path` read-only. Errors (permeq::Error(Input)) name the path and `what` ("safetensors
/// file"): missing, unreadable, a directory, not a regular file. An empty file maps to size 0.
[[nodiscard]] MappedBytes map_read_only(const std::string& path, std::string_view what);

using ::permeq::bfloat16_to_float;
using ::permeq::half_to_float;

}  // namespace permeq::import
