#include "permeq/symmetry/witness.hpp"

#include "permeq/ops/operator.hpp"

namespace permeq {

std::optional<Witness> find_mismatch(const Node& node, const std::vector<std::string>& input_names, const std::vector<Tensor<Rational>>& inputs,
                                     const std::vector<Action>& input_actions, const std::vector<Action>& output_actions, const Permutation& sigma,
                                     const std::string& generator) {
  std::vector<Tensor<Rational>> permuted;
  std::vector<const Tensor<Rational>*> plain_pointers, permuted_pointers;
  for (std::size_t i = 0; i < inputs.size(); ++i) permuted.push_back(apply_action(inputs[i], input_actions[i], sigma));
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    plain_pointers.push_back(&inputs[i]);
    permuted_pointers.push_back(&permuted[i]);
  }
  const auto plain = evaluate_node<Rational>(node, plain_pointers, {});
  const auto got = evaluate_node<Rational>(node, permuted_pointers, {});
  for (std::size_t k = 0; k < got.size(); ++k) {
    const auto expected = apply_action(plain[k], output_actions[k], sigma);
    for (std::size_t i = 0; i < got[k].data.size(); ++i) {
      if (got[k].shape == expected.shape && got[k].data[i] == expected.data[i]) continue;
      Witness w;
      w.tokens = static_cast<std::int64_t>(sigma.size());
      w.generator = generator;
      w.sigma = sigma;
      for (std::size_t j = 0; j < inputs.size(); ++j) w.node_inputs.emplace_back(input_names[j], inputs[j]);
      w.input_actions = input_actions;
      w.output_actions = output_actions;
      for (std::size_t j = 0; j < got.size(); ++j) {
        w.permuted_then_applied.emplace_back(node.outputs[j], got[j]);
        w.applied_then_permuted.emplace_back(node.outputs[j], apply_action(plain[j], output_actions[j], sigma));
      }
      const bool same_shape = got[k].shape == expected.shape;
      w.first_difference = {node.outputs[k], same_shape ? unflatten(i, got[k].shape) : std::vector<std::int64_t>{},
                            same_shape ? got[k].data[i] : Rational(0), same_shape ? expected.data[i] : Rational(0)};
      return w;
    }
  }
  return std::nullopt;
}

}  // namespace permeq
