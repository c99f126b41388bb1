// permeq/permeq.hpp: everything a program needs to check permutation equivariance of a graph.
//
// permeq decides, node by node, whether a transformer graph is equivariant under permutations
// of its tokens (f(P x) = P f(x)) or invariant (f(P x) = f(x)), and names the node that breaks
// the symmetry with an exact witness. A worked example:
//
//   #include <permeq/permeq.hpp>
//
//   permeq::GraphBuilder b("classifier");
//   b.dim("seq", 4);
//   auto x = b.input("x", {"seq", 8});                         // axis 0 holds the tokens
//   x = b.learned_positions(x, 8, 16);                          // breaks the symmetry
//   x = b.encoder_layer(x, {.d_model = 8, .heads = 2, .d_ff = 16}, "layer0");
//   b.output(b.mean_pool(x));
//
//   permeq::CheckReport report = permeq::check_forward(b.build());
//   std::cout << permeq::format_text(report);                  // culprit: add_learned_pe
//   return report.exit_code();                                  // 1: an output breaks
//
// Layers: core/ (scalars, shapes, tensors), ir/ (graph, builder, JSON format), ops/ (the
// operator registry), eval/ (evaluation in a scalar domain), symmetry/ (actions of a
// permutation), check/ (the checker), report/ (text and JSON reports).
#pragma once

#include "permeq/autodiff/gradient.hpp"
#include "permeq/check/checker.hpp"
#include "permeq/check/measure.hpp"
#include "permeq/check/policy.hpp"
#include "permeq/check/symmetries.hpp"
#include "permeq/core/error.hpp"
#include "permeq/core/rational.hpp"
#include "permeq/core/shape.hpp"
#include "permeq/core/tensor.hpp"
#include "permeq/core/text_file.hpp"
#include "permeq/core/version.hpp"
#include "permeq/eval/evaluator.hpp"
#include "permeq/import/model_file.hpp"
#include "permeq/import/onnx.hpp"
#include "permeq/import/safetensors.hpp"
#include "permeq/ir/builder.hpp"
#include "permeq/ir/graph.hpp"
#include "permeq/ir/json_format.hpp"
#include "permeq/ops/operator.hpp"
#include "permeq/ops/samples.hpp"
#include "permeq/prove/prover.hpp"
#include "permeq/prove/weight_map.hpp"
#include "permeq/report/report.hpp"
#include "permeq/symmetry/action.hpp"

