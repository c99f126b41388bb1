// src/prove/obligation_text.hpp: how a node obligation's inputs read in proof scopes and in the
// exported proof files.
#pragma once

#include "permeq/prove/prover.hpp"

#include <string>

namespace permeq::prove {

/// "[4, 3], [3, 3] (fixed)": the input shapes, fixed inputs marked.
[[nodiscard]] inline std::string shapes_text(const NodeObligation& ob) {
  std::string text;
  for (std::size_t i = 0; i < ob.input_types.size(); ++i)
    text += (i ? ", " : "") + to_string(ob.input_types[i].shape) + (ob.fixed_inputs[i] ? " (fixed)" : "");
  return text;
}

}  // namespace permeq::prove
