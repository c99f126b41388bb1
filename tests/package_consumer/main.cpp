// Uses only the installed headers and libraries: mean pooling of a token-wise ReLU is invariant
// under any permutation of the tokens. Exit code 0 only if the checker says so.
#include <permeq/permeq.hpp>

#include <iostream>

int main() {
  permeq::GraphBuilder b("consumer");
  b.dim("seq", 4);
  auto x = b.input("x", {"seq", 4});
  b.output(b.mean_pool(b.activation(x, permeq::Activation::Relu)));

  const permeq::CheckReport r = permeq::check_forward(b.build());
  std::cout << permeq::format_text(r);
  if (r.outputs.size() != 1 || r.outputs[0].verdict != permeq::Verdict::Invariant) {
    std::cerr << "package_consumer: expected one invariant output\n";
    return 1;
  }
  std::cout << "package_consumer: ok (permeq " << PERMEQ_VERSION_STRING << ")\n";
  return 0;
}
