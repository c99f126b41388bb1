// Streamed weights: ONNX external data and safetensors mapped from their files, 16-bit values
// widened exactly when first read, malformed external data named in errors, and the numeric
// engine giving each parameter's memory back after its last reader.
#include <doctest/doctest.h>

#include "tests/temp_dir.hpp"

#include "permeq/check/checker.hpp"
#include "permeq/core/error.hpp"
#include "permeq/import/onnx.hpp"
#include "permeq/import/safetensors.hpp"
#include "permeq/ir/builder.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>


using namespace permeq;

namespace {

doctest::Contains contains(const std::string& text) { return doctest::Contains(text.c_str()); }

using testing::TempDir;

void append_le(std::string& out, std::uint64_t value, int width) {
  for (int i = 0; i < width; ++i) out.push_back(static_cast<char>(value >> (8 * i)));
}

/// bfloat16 bits of values that bfloat16 holds exactly (the test's values are chosen so).
std::uint16_t bf16_bits(float v) {
  const auto bits = std::bit_cast<std::uint32_t>(v);
  REQUIRE((bits & 0xffffu) == 0);
  return static_cast<std::uint16_t>(bits >> 16);
}

std::string bf16_bytes(const std::vector<float>& values) {
  std::string out;
  for (const float v : values) append_le(out, bf16_bits(v), 2);
  return out;
}
std::string f32_bytes(const std::vector<float>& values) {
  std::string out;
  for (const float v : values) append_le(out, std::bit_cast<std::uint32_t>(v), 4);
  return out;
}
std::string f16_bytes(const std::vector<std::uint16_t>& bits) {
  std::string out;
  for (const auto b : bits) append_le(out, b, 2);
  return out;
}

/// Protocol buffer wire format, enough to write a small ONNX model by hand.
class Proto {
 public:
  Proto& varint(int field, std::uint64_t value) {
    key(field, 0);
    put_varint(value);
    return *this;
  }
  Proto& bytes(int field, const std::string& value) {
    key(field, 2);
    put_varint(value.size());
    out_ += value;
    return *this;
  }
  Proto& message(int field, const Proto& value) { return bytes(field, value.out_); }
  [[nodiscard]] const std::string& str() const { return out_; }

 private:
  void key(int field, int wire) { put_varint(static_cast<std::uint64_t>(field) << 3 | static_cast<std::uint64_t>(wire)); }
  void put_varint(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  std::string out_;
};

// onnx.proto's field numbers and element types.
constexpr int float_type = 1, float16_type = 10, bfloat16_type = 16;

/// A float tensor value info: [seq, width] (the token axis named, so the importer permutes it).
Proto value_info(const std::string& name, std::int64_t width) {
  Proto shape;
  shape.message(1, Proto().bytes(2, "seq")).message(1, Proto().varint(1, static_cast<std::uint64_t>(width)));
  Proto tensor_type;
  tensor_type.varint(1, float_type).message(2, shape);
  return Proto().bytes(1, name).message(2, Proto().message(1, tensor_type));
}

/// An initializer stored in an external file, with the given external_data entries.
Proto external_initializer(const std::string& name, std::vector<std::int64_t> dims, int elem_type,
                           const std::vector<std::pair<std::string, std::string>>& entries) {
  Proto t;
  for (const auto d : dims) t.varint(1, static_cast<std::uint64_t>(d));
  t.varint(2, static_cast<std::uint64_t>(elem_type)).bytes(8, name);
  for (const auto& [key, value] : entries) t.message(13, Proto().bytes(1, key).bytes(2, value));
  t.varint(14, 1);  // data_location = EXTERNAL
  return t;
}

/// y = (x W1) W2 with x: [seq, 4], W1: [4, 3], W2: [3, 2], both initializers external.
std::string matmul_model(const Proto& w1, const Proto& w2) {
  Proto graph;
  graph.message(1, Proto().bytes(1, "x").bytes(1, "W1").bytes(2, "h").bytes(3, "first").bytes(4, "MatMul"));
  graph.message(1, Proto().bytes(1, "h").bytes(1, "W2").bytes(2, "y").bytes(3, "second").bytes(4, "MatMul"));
  graph.bytes(2, "streamed").message(5, w1).message(5, w2).message(11, value_info("x", 4)).message(12, value_info("y", 2));
  Proto model;
  model.varint(1, 8).bytes(2, "permeq test").message(7, graph).message(8, Proto().bytes(1, "").varint(2, 17));
  return model.str();
}

const std::vector<float> w1_values{1.5f, -2.0f, 0.25f, 3.0f, -0.125f, 7.0f, 1e-3f, -1e5f, 0.0f, 42.0f, -0.5f, 2.5f};
const std::vector<float> w2_values{1.0f, -2.0f, 0.5f, 0.375f, -96.0f, 3.0f};  // exact in bfloat16

std::vector<double> doubles(const std::vector<float>& v) { return {v.begin(), v.end()}; }

}  // namespace

TEST_CASE("ONNX external data: float32 and bfloat16 initializers are mapped from the file and read back exactly") {
  const TempDir dir;
  // W1 float32 at offset 0, W2 bfloat16 after a 5-byte gap (an unaligned offset).
  const std::string data = f32_bytes(w1_values) + "xxxxx" + bf16_bytes(w2_values);
  (void)dir.write("weights.bin", data);
  const auto w1 = external_initializer("W1", {4, 3}, float_type, {{"location", "weights.bin"}, {"offset", "0"}, {"length", "48"}});
  const auto w2 = external_initializer("W2", {3, 2}, bfloat16_type, {{"location", "weights.bin"}, {"offset", "53"}, {"length", "12"}});
  const auto model = dir.write("model.onnx", matmul_model(w1, w2));

  const auto imported = import_onnx(model);
  const auto* p1 = imported.graph.find_parameter("W1");
  const auto* p2 = imported.graph.find_parameter("W2");
  REQUIRE(p1);
  REQUIRE(p2);
  REQUIRE(p1->data.has_value());
  REQUIRE(p2->data.has_value());
  CHECK(p1->data->streamed());
  CHECK(p2->data->streamed());
  CHECK(p1->data->to_doubles() == doubles(w1_values));
  CHECK(p2->data->to_doubles() == doubles(w2_values));
  // float32 is read in place; bfloat16 is widened when read as float32, and released again.
  CHECK_FALSE(p2->data->widened());
  const auto widened = p2->data->float32_values();
  CHECK(std::vector<float>(widened.begin(), widened.end()) == w2_values);
  CHECK(p2->data->widened());
  p2->data->release();
  CHECK_FALSE(p2->data->widened());
  CHECK(p2->data->to_doubles() == doubles(w2_values));  // and read again from the file

  // float16 too: 1, -2, 0.5, 65504 (the largest half), 2^-24 (the smallest subnormal), -0.
  const std::vector<std::uint16_t> half{0x3c00, 0xc000, 0x3800, 0x7bff, 0x0001, 0x8000};
  (void)dir.write("half.bin", f16_bytes(half));
  const auto h2 = external_initializer("W2", {3, 2}, float16_type, {{"location", "half.bin"}});
  const auto half_model = dir.write("half.onnx", matmul_model(w1, h2));
  const auto h = import_onnx(half_model);
  CHECK(h.graph.find_parameter("W2")->data->to_doubles() == std::vector<double>{1.0, -2.0, 0.5, 65504.0, std::ldexp(1.0, -24), -0.0});

  // The numeric engine checks the model on these weights: MatMul is equivariant.
  CheckOptions options;
  options.engine = Engine::Numeric;
  const auto report = check_forward(imported.graph, options);
  REQUIRE(report.outputs.size() == 1);
  CHECK(report.outputs[0].verdict == Verdict::Equivariant);
}

TEST_CASE("ONNX external data: a missing file, a range outside the file, a wrong size and a bad offset are Input errors naming the model and the tensor") {
  const TempDir dir;
  (void)dir.write("weights.bin", f32_bytes(w1_values) + bf16_bytes(w2_values));  // 60 bytes
  const auto good_w2 = external_initializer("W2", {3, 2}, bfloat16_type, {{"location", "weights.bin"}, {"offset", "48"}, {"length", "12"}});
  const auto import_with = [&](const std::string& name, const Proto& w1) {
    const auto model = dir.write(name + ".onnx", matmul_model(w1, good_w2));
    return [model] { (void)import_onnx(model); };
  };
  const auto expect_error = [](const auto& run, const std::string& model, const std::string& problem) {
    try {
      run();
      FAIL("no error for " << model);
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Input);
      const std::string message = e.what();
      CHECK_MESSAGE(message.find(model + ".onnx: tensor 'W1'") != std::string::npos, message);
      CHECK_MESSAGE(message.find(problem) != std::string::npos, message);
    }
  };
  expect_error(import_with("missing", external_initializer("W1", {4, 3}, float_type, {{"location", "absent.bin"}})), "missing",
               "external data file 'absent.bin':");
  expect_error(import_with("outside", external_initializer("W1", {4, 3}, float_type, {{"location", "weights.bin"}, {"offset", "40"}, {"length", "48"}})),
               "outside", "external data range [40, 88) lies outside 'weights.bin' (60 bytes)");
  expect_error(import_with("past_end", external_initializer("W1", {4, 3}, float_type, {{"location", "weights.bin"}, {"offset", "61"}})), "past_end",
               "lies outside 'weights.bin' (60 bytes)");
  expect_error(import_with("short", external_initializer("W1", {4, 3}, float_type, {{"location", "weights.bin"}, {"offset", "0"}, {"length", "40"}})),
               "short", "holds 40 bytes (external data 'weights.bin' at [0, 40)), its shape [4, 3] needs 48");
  expect_error(import_with("bad_offset", external_initializer("W1", {4, 3}, float_type, {{"location", "weights.bin"}, {"offset", "12abc"}})),
               "bad_offset", "external data offset '12abc' is not a non-negative integer");
  expect_error(import_with("negative", external_initializer("W1", {4, 3}, float_type, {{"location", "weights.bin"}, {"length", "-4"}})), "negative",
               "external data length '-4' is not a non-negative integer");
  expect_error(import_with("escape", external_initializer("W1", {4, 3}, float_type, {{"location", "../weights.bin"}})), "escape",
               "must stay next to the model");
  expect_error(import_with("nowhere", external_initializer("W1", {4, 3}, float_type, {{"offset", "0"}})), "nowhere",
               "stored externally without a location");
  // A NaN in external data is refused like an inline one.
  std::string nan_data = f32_bytes(w1_values);
  const auto nan_bits = std::bit_cast<std::uint32_t>(std::numeric_limits<float>::quiet_NaN());
  for (int i = 0; i < 4; ++i) nan_data[20 + i] = static_cast<char>(nan_bits >> (8 * i));
  (void)dir.write("nan.bin", nan_data);
  const auto nan_model = dir.write("nan.onnx", matmul_model(external_initializer("W1", {4, 3}, float_type, {{"location", "nan.bin"}}), good_w2));
  CHECK_THROWS_WITH_AS((void)import_onnx(nan_model), contains("initializer 'W1' holds NaN at index 5"), Error);
}

TEST_CASE("safetensors: BF16 and F32 tensors of a file are streamed, read exactly, transposed lazily, widened on read and released") {
  const TempDir dir;
  // "a": BF16 [2, 3]; "b": F32 [2]. PyTorch's metadata: "a" is nn.Linear's [out, in].
  std::string header = R"({"__metadata__": {"format": "pt"}, "a": {"dtype": "BF16", "shape": [2, 3], "data_offsets": [0, 12]}, )"
                       R"("b": {"dtype": "F32", "shape": [2], "data_offsets": [12, 20]}})";
  while ((8 + header.size()) % 8 != 0) header += ' ';
  std::string bytes;
  append_le(bytes, header.size(), 8);
  bytes += header + bf16_bytes({1.0f, -2.0f, 0.5f, 3.0f, -0.25f, 1024.0f}) + f32_bytes({0.1f, -7.5f});
  const auto weights = read_safetensors(dir.write("w.safetensors", bytes));
  const auto& a = weights.find("a")->values;
  const auto& b = weights.find("b")->values;
  CHECK(a.streamed());
  CHECK(b.streamed());
  CHECK(a.to_doubles() == std::vector<double>{1.0, -2.0, 0.5, 3.0, -0.25, 1024.0});
  CHECK(b.to_doubles() == std::vector<double>{static_cast<double>(0.1f), -7.5});
  CHECK_FALSE(a.widened());  // reading values one by one keeps no copy

  // The graph reads "a" as MatMul's right operand [3, 2]: bound transposed, still streamed.
  GraphBuilder builder("tiny");
  builder.dim("seq", 2);
  const auto x = builder.input("x", {"seq", 3});
  const auto y = builder.matmul(x, builder.weight("a", {3, 2}));
  builder.output(builder.add(y, builder.weight("b", {2})));
  Graph g = builder.build();
  bind_weights(g, weights);
  const auto& bound = *g.find_parameter("a")->data;
  CHECK(bound.streamed());
  CHECK(bound.to_doubles() == std::vector<double>{1.0, 3.0, -2.0, -0.25, 0.5, 1024.0});
  StoredValues::reset_widened_bytes_peak();
  const auto before = StoredValues::widened_bytes_now();
  const auto f32 = bound.float32_values();
  CHECK(std::vector<float>(f32.begin(), f32.end()) == std::vector<float>{1.0f, 3.0f, -2.0f, -0.25f, 0.5f, 1024.0f});
  CHECK(bound.widened());
  CHECK(StoredValues::widened_bytes_now() == before + 6 * sizeof(float));
  const auto releases = bound.release_count();
  bound.release();
  CHECK_FALSE(bound.widened());
  CHECK(bound.release_count() == releases + 1);
  CHECK(StoredValues::widened_bytes_now() == before);

  // A non-finite BF16 value is refused at read, naming the tensor.
  std::string bad;
  std::string bad_header = R"({"a": {"dtype": "BF16", "shape": [2], "data_offsets": [0, 4]}})";
  append_le(bad, bad_header.size(), 8);
  bad += bad_header;
  append_le(bad, bf16_bits(1.0f), 2);
  append_le(bad, 0xff80, 2);  // -infinity
  CHECK_THROWS_WITH_AS((void)read_safetensors(dir.write("bad.safetensors", bad)), contains("tensor 'a': value at flat index 1 is -infinity"), Error);
}

TEST_CASE("the numeric engine gives each streamed parameter's memory back after its last reader, and holds one at a time") {
  // Four layers of Linear(16, 16) and ReLU; the last layer's weight is read twice.
  GraphBuilder builder("stack");
  builder.dim("seq", 4);
  auto x = builder.input("x", {"seq", 16});
  for (int i = 0; i < 4; ++i) x = builder.activation(builder.linear(x, 16, 16, "layer" + std::to_string(i), false), Activation::Relu);
  const std::string last = builder.graph().parameters.back().info.name;
  x = builder.matmul(x, Value{last});
  builder.output(x);
  Graph g = builder.build();

  // Their weights, BF16, in one file.
  const TempDir dir;
  std::string header = "{";
  std::string data;
  for (const auto& p : g.parameters) {
    std::vector<float> values;
    for (int k = 0; k < 256; ++k) values.push_back(static_cast<float>((k * 37 + static_cast<int>(data.size())) % 17 - 8) / 8.0f);
    header += (header.size() > 1 ? ", " : "") + std::string("\"") + p.info.name + "\": {\"dtype\": \"BF16\", \"shape\": [16, 16], \"data_offsets\": [" +
              std::to_string(data.size()) + ", " + std::to_string(data.size() + 512) + "]}";
    data += bf16_bytes(values);
  }
  header += "}";
  std::string bytes;
  append_le(bytes, header.size(), 8);
  bytes += header + data;
  bind_weights(g, read_safetensors(dir.write("stack.safetensors", bytes)));

  // Where each parameter is read (the chain has one order).
  std::map<std::string, std::pair<std::size_t, std::size_t>> readers;  // first, last node position
  for (std::size_t k = 0; k < g.nodes.size(); ++k)
    for (const auto& in : g.nodes[k].inputs)
      if (g.find_parameter(in)) {
        const auto [it, fresh] = readers.emplace(in, std::pair{k, k});
        it->second.second = k;
      }
  REQUIRE(readers.size() == 4);
  REQUIRE(readers.at(last).first < readers.at(last).second);

  // The reader released each once already, after checking its values are finite.
  std::map<std::string, std::size_t> released_at_read;
  for (const auto& [name, span] : readers) released_at_read[name] = g.find_parameter(name)->data->release_count();

  CheckOptions options;
  options.engine = Engine::Numeric;
  std::size_t calls = 0;
  std::vector<std::string> problems;
  options.advance = [&](std::string_view stage, std::size_t done, std::size_t) {
    if (stage != "numeric check") return;
    ++calls;
    for (const auto& [name, span] : readers) {
      const auto& values = *g.find_parameter(name)->data;
      const bool released = values.release_count() > released_at_read.at(name);
      const bool finished = span.second < done, started = span.first < done;
      // Before its first reader nothing was released; after its last one it was, and no widened
      // copy is left; between (the shared weight) it stays.
      if (!started && released) problems.push_back(name + " released before its first reader, at node " + std::to_string(done));
      if (finished && !released) problems.push_back(name + " not released after its last reader, at node " + std::to_string(done));
      if (finished && values.widened()) problems.push_back(name + " still widened after its last reader, at node " + std::to_string(done));
      if (started && !finished && released) problems.push_back(name + " released between its readers, at node " + std::to_string(done));
    }
  };
  StoredValues::reset_widened_bytes_peak();
  const auto before = StoredValues::widened_bytes_now();
  const auto report = check_forward(g, options);
  CHECK(calls == g.nodes.size());
  CHECK(problems.empty());
  for (const auto& p : problems) MESSAGE(p);
  CHECK(report.outputs.at(0).verdict == Verdict::Equivariant);
  // Each weight was widened (256 floats) and dropped before the next one was: never two at once.
  CHECK(StoredValues::widened_bytes_peak() == before + 256 * sizeof(float));
  CHECK(StoredValues::widened_bytes_now() == before);
}
