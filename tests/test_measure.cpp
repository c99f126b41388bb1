// permeq measure: per-node errors, symmetric fractions and their intervals, isotypic components of
// invariant readouts, inputs from a file, and the reports (the SVG parsed as XML).
#include <doctest/doctest.h>

#include <permeq/permeq.hpp>

#include <nlohmann/json.hpp>
#include <tinyxml2.h>

#include <cstring>
#include <filesystem>
#include <fstream>

using namespace permeq;

namespace {

Graph example(const std::string& name) { return load_graph_json(std::string(PERMEQ_SOURCE_DIR) + "/examples/graphs/" + name + ".json"); }

const OutputMeasurement& only_output(const SizeMeasurement& s) {
  REQUIRE(s.outputs.size() == 1);
  return s.outputs.front();
}

/// A safetensors file with one float32 tensor.
std::string write_inputs(const std::string& file, const std::string& name, const std::vector<std::int64_t>& shape, const std::vector<float>& values) {
  std::string dims;
  for (const auto d : shape) dims += (dims.empty() ? "" : ",") + std::to_string(d);
  std::string header = "{\"" + name + "\":{\"dtype\":\"F32\",\"shape\":[" + dims + "],\"data_offsets\":[0," + std::to_string(values.size() * 4) + "]}}";
  while (header.size() % 8) header += ' ';
  const auto path = (std::filesystem::temp_directory_path() / file).string();
  std::ofstream out(path, std::ios::binary);
  std::uint64_t length = header.size();
  for (int i = 0; i < 8; ++i) out.put(static_cast<char>((length >> (8 * i)) & 0xff));
  out << header;
  out.write(reinterpret_cast<const char*>(values.data()), static_cast<std::streamsize>(values.size() * sizeof(float)));
  return path;
}

}  // namespace

TEST_CASE("measure: the encoder without positions is symmetric within rounding at every node") {
  const auto m = measure_equivariance(example("encoder_nopos"));
  CHECK(m.weights == "random");
  CHECK(m.precision == "float32");
  CHECK(m.rounding_level == doctest::Approx(1024 * 5.96e-8).epsilon(0.01));
  REQUIRE(m.sizes.size() == 1);
  const auto& s = m.sizes.front();
  CHECK(s.tokens == 4);
  CHECK(s.inputs == 8);
  CHECK(s.permutations == 32);
  CHECK(s.nodes.size() > 30);
  for (const auto& node : s.nodes) {
    CAPTURE(node.node);
    CHECK(node.error.samples == 8 * 32);
    CHECK(node.error.max <= m.rounding_level);
  }
  CHECK_FALSE(s.first_above_rounding.has_value());
  const auto& out = only_output(s);
  CHECK_FALSE(out.invariant);
  CHECK(out.error.max <= m.rounding_level);
  REQUIRE(out.symmetric_fraction.has_value());
  CHECK(out.symmetric_fraction->value > 1 - 1e-5);
  CHECK(out.symmetric_fraction->low > 1 - 1e-4);
  // The interval reaches 1 within float32 rounding of the estimate (the kernels' summation order moves it by ulps).
  CHECK(out.symmetric_fraction->high > 1 - 1e-6);
  CHECK(out.symmetric_fraction->high <= 1.0);
  REQUIRE(out.by_displacement.size() == 3);
  for (const auto& d : out.by_displacement) CHECK(d.error.max <= m.rounding_level);
  CHECK(out.adjacent.max <= m.rounding_level);
  CHECK(out.distant.max <= m.rounding_level);
}

TEST_CASE("measure: the learned-position encoder breaks at the positional Add, with a fraction below 1") {
  MeasureOptions options;
  options.seq_lens = {2, 4, 8};
  const auto m = measure_equivariance(example("encoder_learned_pe"), options);
  REQUIRE(m.sizes.size() == 3);
  for (std::size_t k = 0; k < 3; ++k) {
    const auto& s = m.sizes[k];
    CAPTURE(s.tokens);
    CHECK(s.tokens == options.seq_lens[k]);
    // The position table is fixed by the weights (not listed); the Add is the first node that moves.
    REQUIRE_FALSE(s.nodes.empty());
    CHECK(s.nodes.front().node == "add_learned_pe");
    CHECK(s.first_above_rounding == std::optional<std::string>("add_learned_pe"));
    // A table of variance 1 added to inputs of variance 1: sigma moves it by about its own size.
    CHECK(s.nodes.front().error.median > 0.2);
    const auto& out = only_output(s);
    REQUIRE(out.symmetric_fraction.has_value());
    const auto& f = *out.symmetric_fraction;
    CHECK(f.value < 0.99);
    CHECK(f.low < f.value);
    CHECK(f.value < f.high);
    CHECK(f.high < 1.0);
    CHECK(out.error.max > 0.1);  // at n = 2 half the uniform draws are the identity: the median is small
    CHECK(out.by_displacement.size() == static_cast<std::size_t>(s.tokens - 1));
    for (const auto& d : out.by_displacement) CHECK(d.error.mean > m.rounding_level);
  }
}

TEST_CASE("measure: invariant readouts split into the trivial and the standard component") {
  // Mean pooling: all of the output is in the trivial component.
  const auto pooled = measure_equivariance(example("mean_pool_classifier"));
  const auto& mean = only_output(pooled.sizes.front());
  CHECK(mean.invariant);
  REQUIRE(mean.trivial_fraction.has_value());
  REQUIRE(mean.standard_fraction.has_value());
  CHECK(mean.trivial_fraction->value > 1 - 1e-5);
  CHECK(mean.standard_fraction->high < 1e-6);

  // Reading token 0 of an equivariant layer: f(x) = g(x)_0, and x -> g(sigma x)_0 = g(x)_sigma(0) spans
  // the permutation module of n points, which is trivial + standard: the two fractions add up to 1.
  const auto token0 = measure_equivariance(example("token0_classifier"));
  const auto& first = only_output(token0.sizes.front());
  CHECK(first.invariant);
  REQUIRE(first.trivial_fraction.has_value());
  REQUIRE(first.standard_fraction.has_value());
  CHECK(first.trivial_fraction->high < 1.0);
  CHECK(first.standard_fraction->low > 0.0);
  CHECK(first.trivial_fraction->value + first.standard_fraction->value == doctest::Approx(1.0).epsilon(0.005));
  CHECK(first.trivial_fraction->low + first.standard_fraction->low <= 1.0);
  CHECK(first.trivial_fraction->high + first.standard_fraction->high >= 1.0);
  CHECK(token0.sizes.front().first_above_rounding == std::optional<std::string>("token0_readout"));
}

TEST_CASE("measure: inputs from a safetensors file, and what is wrong with a bad one") {
  std::vector<float> values(3 * 4 * 8);
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<float>((static_cast<int>(i * 37 % 17) - 8) / 4.0);
  MeasureOptions options;
  options.inputs_file = write_inputs("permeq_measure_inputs.safetensors", "x", {3, 4, 8}, values);
  const auto m = measure_equivariance(example("encoder_nopos"), options);
  CHECK(m.inputs == options.inputs_file);
  CHECK(m.sizes.front().inputs == 3);
  CHECK(only_output(m.sizes.front()).symmetric_fraction->value > 1 - 1e-5);

  options.inputs_file = write_inputs("permeq_measure_bad.safetensors", "x", {3, 5, 8}, std::vector<float>(3 * 5 * 8, 1.0f));
  CHECK_THROWS_WITH_AS(measure_equivariance(example("encoder_nopos"), options), doctest::Contains("tensor 'x' has shape [3, 5, 8]"), Error);
  options.inputs_file = write_inputs("permeq_measure_unnamed.safetensors", "y", {4, 8}, std::vector<float>(32, 1.0f));
  CHECK_THROWS_WITH_AS(measure_equivariance(example("encoder_nopos"), options), doctest::Contains("no tensor named 'x'"), Error);

  MeasureOptions few;
  few.permutations = 1;
  CHECK_THROWS_AS(measure_equivariance(example("encoder_nopos"), few), Error);
}

TEST_CASE("measure: reports in text, JSON and SVG") {
  MeasureOptions options;
  options.seq_lens = {2, 4};
  options.inputs = 3;
  options.permutations = 8;
  const auto m = measure_equivariance(example("encoder_learned_pe"), options);
  const auto again = measure_equivariance(example("encoder_learned_pe"), options);
  auto json = nlohmann::json::parse(format_measurement_json(m));
  auto json_again = nlohmann::json::parse(format_measurement_json(again));
  json.erase("seconds");
  json_again.erase("seconds");
  CHECK(json == json_again);  // reproducible from the seed
  CHECK(json["schema"] == "permeq-measure/1");
  REQUIRE(json["sizes"].size() == 2);
  CHECK(json["sizes"][1]["first_above_rounding"] == "add_learned_pe");
  CHECK(json["sizes"][1]["outputs"][0]["symmetric_fraction"]["value"].get<double>() < 0.99);

  const auto text = format_measurement_text(m);
  CHECK(text.find("first node above the rounding level: add_learned_pe (Add)") != std::string::npos);
  CHECK(text.find("symmetric fraction 0.") != std::string::npos);

  const auto svg = format_measurement_svg(m);
  tinyxml2::XMLDocument doc;
  REQUIRE(doc.Parse(svg.c_str()) == tinyxml2::XML_SUCCESS);
  const auto* root = doc.RootElement();
  REQUIRE(root != nullptr);
  CHECK(std::strcmp(root->Name(), "svg") == 0);
  // One marker per measured node and size, and one per output and size for the fraction.
  std::size_t circles = 0, nodes = 0;
  for (const auto* e = root->FirstChildElement("circle"); e; e = e->NextSiblingElement("circle")) ++circles;
  for (const auto& s : m.sizes) nodes += s.nodes.size();
  CHECK(circles == nodes + m.sizes.size());
}
