// The safetensors reader: values of every stored dtype, every malformed-file error, and binding
// weights to a graph's parameters by name and shape.
#include <doctest/doctest.h>

#include "tests/temp_dir.hpp"

#include "permeq/core/error.hpp"
#include "permeq/import/safetensors.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <unistd.h>

using namespace permeq;

namespace {

using Bytes = std::vector<std::uint8_t>;

void append_le(Bytes& out, std::uint64_t value, int width) {
  for (int i = 0; i < width; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

Bytes f32(const std::vector<float>& values) {
  Bytes out;
  for (const float v : values) append_le(out, std::bit_cast<std::uint32_t>(v), 4);
  return out;
}
Bytes f64(const std::vector<double>& values) {
  Bytes out;
  for (const double v : values) append_le(out, std::bit_cast<std::uint64_t>(v), 8);
  return out;
}
Bytes u16(const std::vector<std::uint16_t>& values) {
  Bytes out;
  for (const auto v : values) append_le(out, v, 2);
  return out;
}
Bytes i64(const std::vector<std::int64_t>& values) {
  Bytes out;
  for (const auto v : values) append_le(out, static_cast<std::uint64_t>(v), 8);
  return out;
}

/// A safetensors file: the 8-byte header length (or `claimed_length`), the header text padded with
/// spaces to `pad_to` bytes, then `data`.
Bytes safetensors_bytes(std::string header, const Bytes& data, std::size_t pad_to = 8, std::int64_t claimed_length = -1) {
  while ((8 + header.size()) % pad_to != 0) header += ' ';
  Bytes out;
  append_le(out, claimed_length >= 0 ? static_cast<std::uint64_t>(claimed_length) : header.size(), 8);
  out.insert(out.end(), header.begin(), header.end());
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

/// The header entry of one tensor.
std::string entry(const std::string& name, const std::string& dtype, const std::string& shape, std::size_t begin, std::size_t end) {
  return "\"" + name + "\": {\"dtype\": \"" + dtype + "\", \"shape\": " + shape + ", \"data_offsets\": [" +
         std::to_string(begin) + ", " + std::to_string(end) + "]}";
}

doctest::Contains contains(const std::string& text) { return doctest::Contains(text.c_str()); }

std::span<const std::byte> as_span(const Bytes& bytes) { return std::as_bytes(std::span<const std::uint8_t>(bytes)); }

using testing::TempDir;

/// One tensor "w" of F32 shape [2, 3] holding 1..6.
Bytes w_2x3(const std::string& name = "w", const std::string& shape = "[2, 3]") {
  return safetensors_bytes("{" + entry(name, "F32", shape, 0, 24) + "}", f32({1, 2, 3, 4, 5, 6}));
}

Graph tiny_graph() {
  Graph g;
  g.name = "tiny";
  Parameter w;
  w.info = ValueInfo{"w", DType::Float, SymbolicShape{Dim{std::int64_t{2}}, Dim{std::int64_t{3}}}};
  g.parameters.push_back(w);
  return g;
}

}  // namespace

TEST_CASE("safetensors: F32, F16, BF16, F64 and I64 tensors read back exactly") {
  Bytes data;
  auto add = [&](const Bytes& bytes) {
    const std::size_t begin = data.size();
    data.insert(data.end(), bytes.begin(), bytes.end());
    return std::pair{begin, data.size()};
  };
  const auto [a0, a1] = add(f32({1.5f, -2.0f, 0.1f, 3.0e38f}));
  // F16: 1.0, -2.0, the largest half 65504, the smallest subnormal 2^-24, -0.0.
  const auto [h0, h1] = add(u16({0x3C00, 0xC000, 0x7BFF, 0x0001, 0x8000}));
  // BF16: 1.0, -0.5, 3.0.
  const auto [b0, b1] = add(u16({0x3F80, 0xBF00, 0x4040}));
  const auto [d0, d1] = add(f64({0.1, -1e300}));
  const auto [i0, i1] = add(i64({7, -3, std::int64_t{1} << 53}));
  const auto [e0, e1] = add({});
  const std::string header = "{\"__metadata__\": {\"format\": \"pt\"}, " + entry("a", "F32", "[2, 2]", a0, a1) + ", " +
                             entry("h", "F16", "[5]", h0, h1) + ", " + entry("b", "BF16", "[3, 1]", b0, b1) + ", " +
                             entry("d", "F64", "[2]", d0, d1) + ", " + entry("i", "I64", "[3]", i0, i1) + ", " +
                             entry("empty", "F32", "[0, 4]", e0, e1) + "}";
  const TempDir dir;
  const std::string path = dir.write("model.safetensors", safetensors_bytes(header, data));

  StoredValues kept;
  {
    const SafetensorsFile file = read_safetensors(path);
    CHECK(file.path == path);
    REQUIRE(file.tensors.size() == 6);
    CHECK(file.tensors[0].name == "a");  // file order

    const auto* a = file.find("a");
    REQUIRE(a != nullptr);
    CHECK(a->stored_dtype == "F32");
    CHECK(a->shape == Shape{2, 2});
    CHECK(a->values.is_float32());
    CHECK(a->values.to_doubles() == std::vector<double>{1.5, -2.0, static_cast<double>(0.1f), static_cast<double>(3.0e38f)});

    const auto* h = file.find("h");
    REQUIRE(h != nullptr);
    CHECK(h->values.is_float32());
    CHECK(h->values.to_doubles() == std::vector<double>{1.0, -2.0, 65504.0, std::ldexp(1.0, -24), 0.0});
    CHECK(std::signbit(h->values[4]));

    const auto* b = file.find("b");
    REQUIRE(b != nullptr);
    CHECK(b->shape == Shape{3, 1});
    CHECK(b->values.is_float32());
    CHECK(b->values.to_doubles() == std::vector<double>{1.0, -0.5, 3.0});

    const auto* d = file.find("d");
    REQUIRE(d != nullptr);
    CHECK_FALSE(d->values.is_float32());
    CHECK(d->values.to_doubles() == std::vector<double>{0.1, -1e300});

    const auto* i = file.find("i");
    REQUIRE(i != nullptr);
    CHECK_FALSE(i->values.is_float32());
    CHECK(i->values.to_doubles() == std::vector<double>{7.0, -3.0, 9007199254740992.0});

    const auto* empty = file.find("empty");
    REQUIRE(empty != nullptr);
    CHECK(empty->shape == Shape{0, 4});
    CHECK(empty->values.size() == 0);

    CHECK(file.find("nope") == nullptr);
    CHECK(file.find("__metadata__") == nullptr);
    kept = a->values;
  }
  // The F32 view keeps the mapping alive after the file object is gone.
  CHECK(kept.is_float32());
  CHECK(kept[0] == 1.5);
  CHECK(kept[1] == -2.0);
}

TEST_CASE("safetensors: F32 data at an unaligned offset is copied, and parse_safetensors reads bytes") {
  // A 1-byte pad makes the data start at an odd address inside the file.
  const std::string header = "{" + entry("w", "F32", "[3]", 1, 13) + "}";
  Bytes data{0xAB};
  const Bytes values = f32({0.25f, -8.0f, 1e-30f});
  data.insert(data.end(), values.begin(), values.end());
  const Bytes bytes = safetensors_bytes(header, data);

  const TempDir dir;
  for (const auto& file : {read_safetensors(dir.write("odd.safetensors", bytes)), parse_safetensors(as_span(bytes), "mem")}) {
    const auto* w = file.find("w");
    REQUIRE(w != nullptr);
    CHECK(w->values.is_float32());
    CHECK(w->values.to_doubles() == std::vector<double>{0.25, -8.0, static_cast<double>(1e-30f)});
  }
  CHECK(parse_safetensors(as_span(bytes), "mem").path == "mem");
}

TEST_CASE("safetensors: every malformed file is an Input error naming the file, the tensor and the problem") {
  struct BadCase {
    std::string name;
    Bytes bytes;
    std::string fragment;
  };
  const Bytes good = w_2x3();
  const Bytes six = f32({1, 2, 3, 4, 5, 6});
  auto one = [&](const std::string& w_entry, const Bytes& data) { return safetensors_bytes("{" + w_entry + "}", data); };
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();

  const std::vector<BadCase> cases = {
      {"empty file", {}, "bad.safetensors: not a safetensors file: it is 0 bytes, shorter than the 8-byte header length"},
      {"truncated length", {0x10, 0x00, 0x00}, "it is 3 bytes, shorter than the 8-byte header length"},
      {"truncated header", Bytes(good.begin(), good.begin() + 20), "truncated safetensors file: header length"},
      {"header length past end", safetensors_bytes("{}", {}, 8, 4096), "header length 4096 runs past the end of the file (16 bytes)"},
      {"absurd header length", safetensors_bytes("{}", {}, 8, std::int64_t{1} << 40), "is absurdly large"},
      {"bad JSON", safetensors_bytes("{\"w\": {\"dtype\": ", {}), "bad.safetensors: safetensors header is not valid JSON"},
      {"header not an object", safetensors_bytes("[1, 2]", {}), "safetensors header must be a JSON object, not array"},
      {"entry not an object", safetensors_bytes("{\"w\": 3}", {}), "tensor 'w': header entry must be a JSON object, not number"},
      {"missing dtype", one(R"("w": {"shape": [2, 3], "data_offsets": [0, 24]})", six), "bad.safetensors: tensor 'w': header entry has no \"dtype\""},
      {"dtype not a string", one(R"("w": {"dtype": 4, "shape": [2, 3], "data_offsets": [0, 24]})", six), "tensor 'w': \"dtype\" must be a string, not number"},
      {"missing shape", one(R"("w": {"dtype": "F32", "data_offsets": [0, 24]})", six), "tensor 'w': header entry has no \"shape\""},
      {"missing data_offsets", one(R"("w": {"dtype": "F32", "shape": [2, 3]})", six), "tensor 'w': header entry has no \"data_offsets\""},
      {"unknown dtype", one(entry("w", "F8_E4M3", "[2, 3]", 0, 6), Bytes(6)), "tensor 'w': unsupported dtype \"F8_E4M3\""},
      {"U8 dtype", one(entry("w", "U8", "[2, 3]", 0, 6), Bytes(6)), "tensor 'w': unsupported dtype \"U8\""},
      {"negative dimension", one(entry("w", "F32", "[2, -3]", 0, 24), six), "tensor 'w': shape dimension 1 is negative (-3)"},
      {"fractional dimension", one(entry("w", "F32", "[2, 1.5]", 0, 24), six), "tensor 'w': shape dimension 1 must be a non-negative integer, not number (1.5)"},
      {"shape overflow", one(entry("w", "F32", "[4294967296, 4294967296]", 0, 24), six), "tensor 'w': shape [4294967296, 4294967296] overflows"},
      {"offsets out of range", one(entry("w", "F32", "[2, 3]", 0, 28), six), "tensor 'w': data_offsets [0, 28] out of range: the data buffer has 24 bytes"},
      {"offsets reversed", one(entry("w", "F32", "[0]", 8, 4), six), "tensor 'w': data_offsets [8, 4] begin after end"},
      {"offsets not a pair", one(R"("w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0]})", six), "tensor 'w': \"data_offsets\" must be an array [begin, end]"},
      {"size mismatch", one(entry("w", "F32", "[2, 2]", 0, 24), six), "tensor 'w': size mismatch: data_offsets [0, 24] hold 24 bytes, but F32 shape [2, 2] needs 16"},
      {"overlap", safetensors_bytes("{" + entry("a", "F32", "[4]", 0, 16) + ", " + entry("b", "F32", "[4]", 8, 24) + "}", six),
       "tensors 'a' and 'b' overlap: data_offsets [0, 16] and [8, 24]"},
      {"duplicate name", safetensors_bytes("{" + entry("w", "F32", "[3]", 0, 12) + ", " + entry("w", "F32", "[3]", 12, 24) + "}", six),
       "tensor 'w' appears twice in the header"},
      {"bad metadata", safetensors_bytes(R"({"__metadata__": {"format": 1}})", {}), "\"__metadata__\" entry 'format' must be a string"},
      {"NaN value", one(entry("w", "F32", "[2, 3]", 0, 24), f32({1, 2, 3, 4, nan, 6})), "bad.safetensors: tensor 'w': value at flat index 4 is NaN"},
      {"Inf value", one(entry("w", "F32", "[2, 3]", 0, 24), f32({1, -inf, 3, 4, 5, 6})), "tensor 'w': value at flat index 1 is -infinity"},
      {"F16 infinity", one(entry("w", "F16", "[2]", 0, 4), u16({0x3C00, 0x7C00})), "tensor 'w': value at flat index 1 is +infinity"},
      {"BF16 NaN", one(entry("w", "BF16", "[1]", 0, 2), u16({0x7FC0})), "tensor 'w': value at flat index 0 is NaN"},
      {"F64 NaN", one(entry("w", "F64", "[1]", 0, 8), f64({std::nan("")})), "tensor 'w': value at flat index 0 is NaN"},
      {"I64 too large", one(entry("w", "I64", "[1]", 0, 8), i64({(std::int64_t{1} << 53) + 1})), "tensor 'w': I64 value 9007199254740993 at flat index 0"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    bool threw = false;
    try {
      (void)parse_safetensors(as_span(c.bytes), "bad.safetensors");
    } catch (const Error& e) {
      threw = true;
      CHECK(e.kind() == ErrorKind::Input);
      const std::string message = e.what();
      CAPTURE(message);
      CHECK(message.find(c.fragment) != std::string::npos);
      CHECK(message.find("bad.safetensors") != std::string::npos);
    }
    CHECK(threw);
  }
  // The same good bytes parse, so the table's failures come from the damage alone.
  CHECK(parse_safetensors(as_span(good), "good.safetensors").tensors.size() == 1);
}

TEST_CASE("safetensors: files that cannot be read are Input errors naming the path") {
  const TempDir dir;
  const std::string missing = (dir.path() / "missing.safetensors").string();
  CHECK_THROWS_WITH_AS((void)read_safetensors(missing), contains(missing + ": cannot open safetensors file"), Error);
  CHECK_THROWS_WITH_AS((void)read_safetensors(dir.path().string()), contains("is a directory"), Error);
  CHECK_THROWS_WITH_AS((void)read_safetensors(""), contains("the file path is empty"), Error);
  const std::string empty = dir.write("empty.safetensors", Bytes{});
  CHECK_THROWS_WITH_AS((void)read_safetensors(empty), contains(empty + ": not a safetensors file: it is 0 bytes"), Error);
  try {
    (void)read_safetensors(missing);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Input);
  }
}

TEST_CASE("safetensors: bind_weights stores tensors in the parameters of the same name and shape") {
  const TempDir dir;
  const std::string path = dir.write("w.safetensors", w_2x3());
  const SafetensorsFile weights = read_safetensors(path);

  Graph g = tiny_graph();
  bind_weights(g, weights);
  REQUIRE(g.parameters[0].data.has_value());
  CHECK(g.parameters[0].data->is_float32());
  CHECK(g.parameters[0].data->to_doubles() == std::vector<double>{1, 2, 3, 4, 5, 6});

  // A named dimension is bound by the graph's dims.
  Graph named = tiny_graph();
  named.parameters[0].info.shape = SymbolicShape{Dim{std::int64_t{2}}, Dim{std::string("d")}};
  named.dims["d"] = 3;
  bind_weights(named, weights);
  CHECK(named.parameters[0].data.has_value());

  // Int64 parameters are bound when present and may be absent.
  Graph with_ids = tiny_graph();
  Parameter ids;
  ids.info = ValueInfo{"ids", DType::Int64, SymbolicShape{Dim{std::int64_t{2}}}};
  ids.kind = ParameterKind::Buffer;
  with_ids.parameters.push_back(ids);
  bind_weights(with_ids, weights);
  CHECK(with_ids.parameters[0].data.has_value());
  CHECK_FALSE(with_ids.parameters[1].data.has_value());
  const Bytes both = safetensors_bytes("{" + entry("w", "F32", "[2, 3]", 0, 24) + ", " + entry("ids", "I64", "[2]", 24, 40) + "}",
                                       [] {
                                         Bytes b = f32({1, 2, 3, 4, 5, 6});
                                         const Bytes i = i64({5, 9});
                                         b.insert(b.end(), i.begin(), i.end());
                                         return b;
                                       }());
  bind_weights(with_ids, parse_safetensors(as_span(both), "both.safetensors"));
  REQUIRE(with_ids.parameters[1].data.has_value());
  CHECK(with_ids.parameters[1].data->to_doubles() == std::vector<double>{5, 9});
}

TEST_CASE("safetensors: bind_weights rejects missing, extra and misshapen tensors and leaves the graph untouched") {
  const TempDir dir;
  auto load = [&](const std::string& name, const Bytes& bytes) { return read_safetensors(dir.write(name, bytes)); };

  Graph g = tiny_graph();
  const auto missing = load("other.safetensors", w_2x3("v"));
  CHECK_THROWS_WITH_AS(bind_weights(g, missing),
                       contains("weights file " + missing.path + " has no tensor 'w' for parameter 'w' of shape [2, 3]"), Error);

  Bytes extra_data = f32({1, 2, 3, 4, 5, 6, 7, 8});
  const auto extra = load("extra.safetensors",
                          safetensors_bytes("{" + entry("w", "F32", "[2, 3]", 0, 24) + ", " + entry("bias", "F32", "[1]", 24, 28) + ", " +
                                                entry("scale", "F32", "[1]", 28, 32) + "}",
                                            extra_data));
  CHECK_THROWS_WITH_AS(bind_weights(g, extra),
                       contains("weights file " + extra.path + " has 2 tensors that name no parameter of graph 'tiny': 'bias', 'scale'"),
                       Error);

  std::string many_header = "{" + entry("w", "F32", "[2, 3]", 0, 24);
  for (int i = 0; i < 8; ++i) many_header += ", " + entry("t" + std::to_string(i), "F32", "[0]", 24, 24);
  const auto many = load("many.safetensors", safetensors_bytes(many_header + "}", f32({1, 2, 3, 4, 5, 6})));
  CHECK_THROWS_WITH_AS(bind_weights(g, many), contains("has 8 tensors that name no parameter of graph 'tiny': 't0', 't1', 't2', 't3', 't4' and 3 more"),
                       Error);

  const auto transposed = load("t.safetensors", w_2x3("w", "[3, 2]"));
  CHECK_THROWS_WITH_AS(bind_weights(g, transposed), contains("tensor 'w' has shape [3, 2] but parameter 'w' has shape [2, 3]"), Error);

  Graph named = tiny_graph();
  named.parameters[0].info.shape = SymbolicShape{Dim{std::int64_t{2}}, Dim{std::string("d")}};
  named.dims["d"] = 4;
  CHECK_THROWS_WITH_AS(bind_weights(named, transposed), contains("tensor 'w' has shape [3, 2] but parameter 'w' has shape [2, d] = [2, 4]"),
                       Error);
  named.dims.clear();
  CHECK_THROWS_WITH_AS(bind_weights(named, transposed), contains("dimension 'd' has no size"), Error);

  const auto ints = load("ints.safetensors", safetensors_bytes("{" + entry("w", "I64", "[2, 3]", 0, 48) + "}", i64({1, 2, 3, 4, 5, 6})));
  CHECK_THROWS_WITH_AS(bind_weights(g, ints), contains("tensor 'w' is I64 but parameter 'w' is"), Error);

  for (const auto* weights : {&missing, &extra, &many, &transposed, &ints}) {
    try {
      bind_weights(g, *weights);
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Input);
    }
  }
  CHECK_FALSE(g.parameters[0].data.has_value());
}

namespace {

/// tiny_graph's w read as the right operand of a MatMul (x @ w), as the graph's Linear layout is.
Graph tiny_matmul_graph(Shape w_shape) {
  Graph g;
  g.name = "tiny_matmul";
  g.inputs.push_back(ValueInfo{"x", DType::Float, SymbolicShape{Dim{std::int64_t{1}}, Dim{w_shape[0]}}});
  Parameter w;
  w.info = ValueInfo{"layer/w", DType::Float, SymbolicShape{Dim{w_shape[0]}, Dim{w_shape[1]}}};
  g.parameters.push_back(w);
  g.nodes.push_back(Node{"mm", "MatMul", {"x", "layer/w"}, {"y"}, {}, ""});
  g.outputs.push_back("y");
  return g;
}

std::string pytorch_header(const std::string& entries) { return "{\"__metadata__\": {\"format\": \"pt\"}, " + entries + "}"; }

}  // namespace

TEST_CASE("safetensors: PyTorch's dotted names and nn.Linear's [out, in] layout bind to a graph reading [in, out]") {
  const TempDir dir;
  // nn.Linear(2, 3).weight is [3, 2] (out, in); the graph's MatMul reads w as [2, 3].
  const auto linear = read_safetensors(dir.write("linear.safetensors", safetensors_bytes(pytorch_header(entry("layer.w", "F32", "[3, 2]", 0, 24)),
                                                                                         f32({1, 2, 3, 4, 5, 6}))));
  CHECK(linear.metadata.at("format") == "pt");
  Graph g = tiny_matmul_graph({2, 3});
  bind_weights(g, linear);
  REQUIRE(g.parameters[0].data.has_value());
  CHECK(g.parameters[0].data->to_doubles() == std::vector<double>{1, 3, 5, 2, 4, 6});

  // Without PyTorch's metadata the layout is not assumed.
  const auto plain = read_safetensors(dir.write("plain.safetensors", safetensors_bytes("{" + entry("layer.w", "F32", "[3, 2]", 0, 24) + "}",
                                                                                       f32({1, 2, 3, 4, 5, 6}))));
  Graph unmarked = tiny_matmul_graph({2, 3});
  CHECK_THROWS_WITH_AS(bind_weights(unmarked, plain), contains("has shape [3, 2] but parameter 'layer/w' has shape [2, 3] (transposed: "), Error);

  // Square matrices are transposed too: the metadata and the graph's use decide, not the shape.
  const auto square = read_safetensors(
      dir.write("square.safetensors", safetensors_bytes(pytorch_header(entry("layer.w", "F32", "[2, 2]", 0, 16)), f32({1, 2, 3, 4}))));
  Graph sq = tiny_matmul_graph({2, 2});
  bind_weights(sq, square);
  CHECK(sq.parameters[0].data->to_doubles() == std::vector<double>{1, 3, 2, 4});

  // A wrapping module's checkpoint ("model.layer.w") names the parameter by its suffix.
  const auto wrapped = read_safetensors(dir.write(
      "wrapped.safetensors", safetensors_bytes(pytorch_header(entry("model.layer.w", "F32", "[3, 2]", 0, 24)), f32({1, 2, 3, 4, 5, 6}))));
  Graph w = tiny_matmul_graph({2, 3});
  bind_weights(w, wrapped);
  CHECK(w.parameters[0].data->to_doubles() == std::vector<double>{1, 3, 5, 2, 4, 6});

  // Two tensors ending in ".layer.w" are ambiguous.
  const auto twice = read_safetensors(dir.write(
      "twice.safetensors", safetensors_bytes(pytorch_header(entry("a.layer.w", "F32", "[3, 2]", 0, 24) + ", " +
                                                            entry("b.layer.w", "F32", "[3, 2]", 24, 48)),
                                             f32({1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6}))));
  Graph t = tiny_matmul_graph({2, 3});
  CHECK_THROWS_WITH_AS(bind_weights(t, twice), contains("is named by two tensors, 'a.layer.w' and 'b.layer.w'"), Error);
  CHECK_FALSE(t.parameters[0].data.has_value());
}

TEST_CASE("safetensors: a sharded checkpoint is read through model.safetensors.index.json") {
  const TempDir dir;
  (void)dir.write("model-1.safetensors", safetensors_bytes("{" + entry("a", "F32", "[2]", 0, 8) + "}", f32({1, 2})));
  (void)dir.write("model-2.safetensors", safetensors_bytes("{" + entry("b", "F32", "[1]", 0, 4) + "}", f32({3})));
  const auto index_bytes = [](const std::string& text) { return Bytes(text.begin(), text.end()); };
  const auto index = dir.write("model.safetensors.index.json",
                               index_bytes(R"({"metadata": {}, "weight_map": {"a": "model-1.safetensors", "b": "model-2.safetensors"}})"));
  for (const auto& path : {index, std::filesystem::path(index).parent_path().string()}) {
    const auto merged = read_weights(path);
    REQUIRE(merged.tensors.size() == 2);
    CHECK(merged.find("a")->values.to_doubles() == std::vector<double>{1, 2});
    CHECK(merged.find("b")->values.to_doubles() == std::vector<double>{3});
  }

  const auto wrong_shard = dir.write("wrong.index.json", index_bytes(R"({"weight_map": {"a": "model-2.safetensors", "b": "model-2.safetensors"}})"));
  CHECK_THROWS_WITH_AS((void)read_weights(wrong_shard), contains("tensor 'a' is not in shard 'model-2.safetensors'"), Error);
  const auto unlisted = dir.write("unlisted.index.json", index_bytes(R"({"weight_map": {"a": "model-1.safetensors"}})"));
  (void)dir.write("model-3.safetensors", safetensors_bytes("{" + entry("a", "F32", "[2]", 0, 8) + ", " + entry("c", "F32", "[1]", 8, 12) + "}", f32({1, 2, 3})));
  const auto extra = dir.write("extra.index.json", index_bytes(R"({"weight_map": {"a": "model-3.safetensors"}})"));
  CHECK_THROWS_WITH_AS((void)read_weights(extra), contains("holds tensor 'c', which the index assigns to no shard"), Error);
  CHECK(read_weights(unlisted).tensors.size() == 1);
  const auto escape = dir.write("escape.index.json", index_bytes(R"({"weight_map": {"a": "../model-1.safetensors"}})"));
  CHECK_THROWS_WITH_AS((void)read_weights(escape), contains("must be a file next to the index"), Error);
  const auto no_map = dir.write("nomap.index.json", index_bytes(R"({"metadata": {}})"));
  CHECK_THROWS_WITH_AS((void)read_weights(no_map), contains("has no \"weight_map\""), Error);
}

TEST_CASE("safetensors: a buffer the graph stores itself needs no tensor, a weight still does") {
  const TempDir dir;
  const auto weights = read_safetensors(dir.write("w.safetensors", w_2x3()));
  Graph g = tiny_graph();
  Parameter constant;
  constant.info = ValueInfo{"/attn/Constant_output_0", DType::Float, SymbolicShape{}};
  constant.kind = ParameterKind::Buffer;
  constant.data = StoredValues(std::vector<double>{0.125});
  g.parameters.push_back(constant);
  bind_weights(g, weights);
  CHECK(g.parameters[0].data->to_doubles() == std::vector<double>{1, 2, 3, 4, 5, 6});
  CHECK(g.parameters[1].data->to_doubles() == std::vector<double>{0.125});

  Graph stored_weight = tiny_graph();
  Parameter other = constant;
  other.kind = ParameterKind::Weight;
  other.info.name = "scale";
  stored_weight.parameters.push_back(other);
  CHECK_THROWS_WITH_AS(bind_weights(stored_weight, weights), contains("has no tensor 'scale' for parameter 'scale'"), Error);
}
