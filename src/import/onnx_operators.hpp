// src/import/onnx_operators.hpp: which ONNX operators the importer reads: each definition's ONNX
// names (src/ops/onnx_mapping.hpp) mapped to its translation, and the operators the importer
// handles itself.
#pragma once

#include "src/ops/onnx_mapping.hpp"

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

namespace permeq::onnx_import {

using TranslateFn = ops::OnnxTranslation (*)(const ops::OnnxNode&);

struct MappingEntry {
  TranslateFn translate;
  std::string_view permeq_op;
};

/// ONNX operator name -> the definition that translates it.
[[nodiscard]] const std::unordered_map<std::string, MappingEntry>& mapping();
/// ONNX operators the importer handles itself: they name or fold values, they compute nothing.
[[nodiscard]] const std::map<std::string, std::string, std::less<>>& structural_operators();

}  // namespace permeq::onnx_import
