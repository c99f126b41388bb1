#include "src/import/onnx_operators.hpp"

#include "permeq/import/onnx.hpp"
#include "permeq/ops/operator.hpp"
#include "src/ops/operator_list.hpp"

#include <algorithm>

namespace permeq {
namespace onnx_import {
namespace {

template <class... Ops>
std::unordered_map<std::string, MappingEntry> build_mapping(ops::OperatorList<Ops...>) {
  std::unordered_map<std::string, MappingEntry> table;
  (
      [&] {
        for (const auto onnx_name : ops::onnx_names_of<Ops>()) table[std::string(onnx_name)] = {&ops::translate_onnx<Ops>, Ops::name};
      }(),
      ...);
  return table;
}

}  // namespace

const std::unordered_map<std::string, MappingEntry>& mapping() {
  static const auto table = build_mapping(ops::AllOperators{});
  return table;
}

const std::map<std::string, std::string, std::less<>>& structural_operators() {
  static const std::map<std::string, std::string, std::less<>> ops{
      {"Identity", "another name for its input"},
      {"Dropout", "the identity (inference); its mask output is all true"},
      {"Constant", "folded into a constant"},
      {"Shape", "folded: the input's shape, sizes on the sequence axis named"},
      {"Size", "folded: the input's element count"},
  };
  return ops;
}

}  // namespace onnx_import

using onnx_import::mapping;
using onnx_import::structural_operators;

std::vector<OnnxOperatorSupport> onnx_supported_operators() {
  std::vector<OnnxOperatorSupport> out;
  for (const auto& [onnx_op, entry] : mapping()) {
    const auto* info = find_operator(entry.permeq_op);
    out.push_back({onnx_op, std::string(entry.permeq_op), info ? std::string(info->reference) : std::string()});
  }
  for (const auto& [onnx_op, note] : structural_operators()) out.push_back({onnx_op, "(importer)", note});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.onnx_op < b.onnx_op; });
  return out;
}

}  // namespace permeq
