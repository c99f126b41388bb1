// src/import/sequence_sizes.hpp: which sizes of an imported graph follow the sequence length.
// The importer translates a model at two lengths; every size that differs is named after the
// sequence dimension (affinely, `2*seq`, `seq+1`), and a third length confirms the rules.
#pragma once

#include "permeq/ir/graph.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace permeq::onnx_import {

/// Names the sizes that differ between translations at lengths n1 and n2 (and equal them) as
/// `dim`. Returns why not, when some size changes with n in another way.
[[nodiscard]] std::optional<std::string> name_sequence_sizes(Graph& a, const Graph& b, std::int64_t n1, std::int64_t n2, const std::string& dim);
/// Two lengths fit any size with an affine rule; a third confirms the rules name_sequence_sizes
/// chose for attributes (a flattened n x n mask is not affine in n). Returns why not.
[[nodiscard]] std::optional<std::string> confirm_affine_sizes(const Graph& named, const Graph& third, std::int64_t n3);
/// Whether some node attribute of `g` holds a size that is an affine rule of a dimension other
/// than the dimension itself (`2*seq`, `seq+1`).
[[nodiscard]] bool has_affine_sizes(const Graph& g);

}  // namespace permeq::onnx_import
