// libFuzzer target: the ONNX importer (protobuf parsing, operator translation, shape folding,
// sequence-size naming) and instantiation of what it produces. Any input must end in a graph or a
// permeq::Error, never a crash, hang or sanitizer report.
#include <permeq/permeq.hpp>

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto imported = permeq::import_onnx_bytes(std::span(reinterpret_cast<const std::byte*>(data), size), "fuzz.onnx");
    (void)permeq::instantiate(imported.graph);
  } catch (const permeq::Error&) {
  }
  return 0;
}
