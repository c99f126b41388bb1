// Writes every bundled example graph as JSON: make_example_graphs [DIR] (default examples/graphs).

#include "examples/example_graphs.hpp"

#include <iostream>

int main(int argc, char** argv) {
  const std::filesystem::path dir = argc > 1 ? argv[1] : "examples/graphs";
  try {
    std::filesystem::create_directories(dir);
    for (const auto& example : permeq::examples::all_examples()) {
      permeq::save_graph_json(example.make(), dir / (example.file + ".json"));
      std::cout << (dir / (example.file + ".json")).string() << "\n";
    }
  } catch (const permeq::Error& e) {
    std::cerr << "make_example_graphs: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
