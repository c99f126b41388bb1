// libFuzzer target: the JSON graph reader, validation and instantiation (shape inference).
// Any input must end in a graph or a permeq::Error, never a crash, hang or sanitizer report.
#include <permeq/permeq.hpp>

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const permeq::Graph graph = permeq::parse_graph_json(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
    (void)permeq::instantiate(graph);
    (void)permeq::to_graph_json(graph);
  } catch (const permeq::Error&) {
  }
  return 0;
}
