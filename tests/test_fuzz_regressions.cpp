// Inputs that once crashed a reader (found by scripts/fuzz.sh) must end in a result or a
// permeq::Error of kind Input, never a crash.
#include <doctest/doctest.h>

#include <permeq/permeq.hpp>

#include <filesystem>
#include <fstream>
#include <functional>

using namespace permeq;

namespace {

void replay_folder(const std::string& folder, const std::function<void(const std::string&, const std::string&)>& read) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PERMEQ_SOURCE_DIR) + "/tests/fuzz/regressions/" + folder)) {
    CAPTURE(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ++files;
    try {
      read(text, entry.path().filename().string());
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Input);
    }
  }
  CHECK(files > 0);
}

}  // namespace

TEST_CASE("graph reader fuzzing findings stay fixed") {
  replay_folder("graph_json", [](const std::string& text, const std::string& name) { (void)instantiate(parse_graph_json(text, name)); });
  CHECK_THROWS_WITH_AS(parse_graph_json("[1e999999]", "big.json"), doctest::Contains("big.json: malformed JSON"), Error);
}

TEST_CASE("policy reader fuzzing findings stay fixed") {
  replay_folder("policy", [](const std::string& text, const std::string& name) { (void)parse_policy(text, name); });
}

TEST_CASE("ONNX importer fuzzing findings stay fixed") {
  replay_folder("onnx", [](const std::string& bytes, const std::string& name) {
    (void)instantiate(import_onnx_bytes(std::as_bytes(std::span(bytes.data(), bytes.size())), name).graph);
  });
}
