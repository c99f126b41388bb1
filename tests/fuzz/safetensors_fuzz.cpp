// libFuzzer target: the safetensors reader (header length, JSON header, offsets, dtypes, values).
// Any input must end in a parsed file or a permeq::Error, never a crash, hang or sanitizer report.
#include <permeq/core/error.hpp>
#include <permeq/import/safetensors.hpp>

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const permeq::SafetensorsFile file =
        permeq::parse_safetensors(std::span<const std::byte>(reinterpret_cast<const std::byte*>(data), size), "fuzz.safetensors");
    for (const auto& tensor : file.tensors) {
      if (file.find(tensor.name) == nullptr) __builtin_trap();
      double sum = 0;
      for (std::size_t i = 0; i < tensor.values.size(); ++i) sum += tensor.values[i];
      (void)sum;
    }
  } catch (const permeq::Error&) {
  }
  return 0;
}
