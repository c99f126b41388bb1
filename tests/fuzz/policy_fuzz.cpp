// libFuzzer target: the YAML policy reader.
#include <permeq/permeq.hpp>

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)permeq::parse_policy(std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
  } catch (const permeq::Error&) {
  }
  return 0;
}
