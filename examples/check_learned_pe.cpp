// The library in ten lines: build the learned-positions encoder, check it, print the report.

#include "examples/example_graphs.hpp"

#include <iostream>

int main() {
  const permeq::CheckReport report = permeq::check_forward(permeq::examples::encoder_learned());
  std::cout << permeq::format_text(report);
  for (const auto& culprit : report.culprits) std::cout << "the symmetry breaks at " << culprit << "\n";
  return report.exit_code();
}
