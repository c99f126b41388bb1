// The safetensors reader: an 8-byte little-endian header length, a JSON header describing each
// tensor (dtype, shape, byte range), then the data. The file is memory-mapped read-only; float
// tensors are streamed from the mapping (float32 in place, 16-bit widened while read, see
// StoredValues::mapped); F64 and integers are read once. See safetensors.hpp.
#include "permeq/import/safetensors.hpp"
#include "src/core/json_message.hpp"

#include "permeq/core/error.hpp"
#include "src/import/file_bytes.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>


namespace permeq {
namespace {

using json = nlohmann::ordered_json;

constexpr std::uint64_t max_header_bytes = 100ull * 1000 * 1000;

[[noreturn]] void input_error(const std::string& message) { throw Error(ErrorKind::Input, message); }

std::string in_quotes(std::string_view name) { return "'" + std::string(name) + "'"; }

// ---- decoding --------------------------------------------------------------------------------

std::uint16_t load_u16(const std::byte* p) {
  return static_cast<std::uint16_t>(std::to_integer<unsigned>(p[0]) | (std::to_integer<unsigned>(p[1]) << 8));
}
std::uint32_t load_u32(const std::byte* p) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | std::to_integer<std::uint32_t>(p[i]);
  return v;
}
std::uint64_t load_u64(const std::byte* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | std::to_integer<std::uint64_t>(p[i]);
  return v;
}

using import::bfloat16_to_float;
using import::half_to_float;

enum class StoredKind { F32, F16, BF16, F64, I64, I32 };

struct DtypeInfo {
  StoredKind kind;
  std::uint64_t bytes;
};

std::optional<DtypeInfo> dtype_info(std::string_view dtype) {
  if (dtype == "F32") return DtypeInfo{StoredKind::F32, 4};
  if (dtype == "F16") return DtypeInfo{StoredKind::F16, 2};
  if (dtype == "BF16") return DtypeInfo{StoredKind::BF16, 2};
  if (dtype == "F64") return DtypeInfo{StoredKind::F64, 8};
  if (dtype == "I64") return DtypeInfo{StoredKind::I64, 8};
  if (dtype == "I32") return DtypeInfo{StoredKind::I32, 4};
  return std::nullopt;
}

bool is_float_dtype(std::string_view dtype) { return dtype == "F32" || dtype == "F16" || dtype == "BF16" || dtype == "F64"; }

// ---- header ----------------------------------------------------------------------------------

struct Entry {
  std::string name;
  std::string dtype;
  DtypeInfo info;
  Shape shape;
  std::uint64_t count = 0;
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
};

std::string json_type(const json& value) { return value.type_name(); }

/// `value` as JSON text, cut short for error messages.
std::string excerpt(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

/// A non-negative integer that fits int64, or an error naming `what`.
std::uint64_t non_negative_integer(const json& value, const std::string& where, const std::string& what) {
  if (value.is_number_unsigned()) {
    const auto v = value.get<std::uint64_t>();
    if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      input_error(where + ": " + what + " " + std::to_string(v) + " overflows a 64-bit signed size");
    return v;
  }
  if (value.is_number_integer()) input_error(where + ": " + what + " is negative (" + std::to_string(value.get<std::int64_t>()) + ")");
  input_error(where + ": " + what + " must be a non-negative integer, not " + json_type(value) +
              (value.is_number_float() ? " (" + excerpt(value) + ")" : ""));
}

Entry read_entry(const std::string& source, const std::string& name, const json& value, std::uint64_t buffer_size) {
  const std::string where = source + ": tensor " + in_quotes(name);
  if (!value.is_object()) input_error(where + ": header entry must be a JSON object, not " + json_type(value));
  Entry e;
  e.name = name;

  const auto dtype_it = value.find("dtype");
  if (dtype_it == value.end()) input_error(where + ": header entry has no \"dtype\"");
  if (!dtype_it->is_string()) input_error(where + ": \"dtype\" must be a string, not " + json_type(*dtype_it));
  e.dtype = dtype_it->get<std::string>();
  const auto info = dtype_info(e.dtype);
  if (!info) input_error(where + ": unsupported dtype \"" + e.dtype + "\" (permeq reads F32, F16, BF16, F64, I64 and I32)");
  e.info = *info;

  const auto shape_it = value.find("shape");
  if (shape_it == value.end()) input_error(where + ": header entry has no \"shape\"");
  if (!shape_it->is_array()) input_error(where + ": \"shape\" must be an array, not " + json_type(*shape_it));
  bool has_zero = false;
  for (std::size_t i = 0; i < shape_it->size(); ++i) {
    const auto d = non_negative_integer((*shape_it)[i], where, "shape dimension " + std::to_string(i));
    has_zero = has_zero || d == 0;
    e.shape.push_back(static_cast<std::int64_t>(d));
  }
  e.count = 1;
  if (has_zero) {
    e.count = 0;
  } else {
    for (const auto d : e.shape) {
      std::uint64_t product = 0;
      if (__builtin_mul_overflow(e.count, static_cast<std::uint64_t>(d), &product) ||
          product > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        input_error(where + ": shape " + to_string(e.shape) + " overflows (too many elements)");
      e.count = product;
    }
  }
  std::uint64_t expected_bytes = 0;
  if (__builtin_mul_overflow(e.count, e.info.bytes, &expected_bytes))
    input_error(where + ": shape " + to_string(e.shape) + " overflows (too many bytes)");

  const auto offsets_it = value.find("data_offsets");
  if (offsets_it == value.end()) input_error(where + ": header entry has no \"data_offsets\"");
  if (!offsets_it->is_array() || offsets_it->size() != 2)
    input_error(where + ": \"data_offsets\" must be an array [begin, end], not " + excerpt(*offsets_it));
  e.begin = non_negative_integer((*offsets_it)[0], where, "data_offsets begin");
  e.end = non_negative_integer((*offsets_it)[1], where, "data_offsets end");
  if (e.begin > e.end)
    input_error(where + ": data_offsets [" + std::to_string(e.begin) + ", " + std::to_string(e.end) + "] begin after end");
  if (e.end > buffer_size)
    input_error(where + ": data_offsets [" + std::to_string(e.begin) + ", " + std::to_string(e.end) +
                "] out of range: the data buffer has " + std::to_string(buffer_size) + " bytes");
  if (e.end - e.begin != expected_bytes)
    input_error(where + ": size mismatch: data_offsets [" + std::to_string(e.begin) + ", " + std::to_string(e.end) + "] hold " +
                std::to_string(e.end - e.begin) + " bytes, but " + e.dtype + " shape " + to_string(e.shape) + " needs " +
                std::to_string(expected_bytes));
  return e;
}

void check_metadata(const std::string& source, const json& metadata) {
  if (!metadata.is_object()) input_error(source + ": \"__metadata__\" must be an object of strings, not " + json_type(metadata));
  for (const auto& [key, value] : metadata.items())
    if (!value.is_string())
      input_error(source + ": \"__metadata__\" entry " + in_quotes(key) + " must be a string, not " + json_type(value));
}

json parse_header(const std::string& source, const char* begin, const char* end) {
  // Duplicate tensor names would silently collapse into one entry; the parse callback sees every
  // top-level key as it is read.
  std::set<std::string, std::less<>> seen;
  std::string duplicate;
  const json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::key && depth == 1 && duplicate.empty() && parsed.is_string()) {
      const auto& key = parsed.get_ref<const std::string&>();
      if (!seen.insert(key).second) duplicate = key;
    }
    return true;
  };
  json header;
  try {
    header = json::parse(begin, end, callback);
  } catch (const json::exception& e) {
    input_error(source + ": safetensors header is not valid JSON: " + json_error_text(e.what()));
  }
  if (!header.is_object()) input_error(source + ": safetensors header must be a JSON object, not " + json_type(header));
  if (!duplicate.empty()) input_error(source + ": tensor " + in_quotes(duplicate) + " appears twice in the header");
  return header;
}

// ---- values ----------------------------------------------------------------------------------

[[noreturn]] void non_finite(const std::string& source, const Entry& e, std::size_t index, double value) {
  input_error(source + ": tensor " + in_quotes(e.name) + ": value at flat index " + std::to_string(index) + " is " +
              (std::isnan(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity") + " (weights must be finite)");
}

template <class T>
void check_finite(const std::string& source, const Entry& e, const T* values, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i)
    if (!std::isfinite(values[i])) non_finite(source, e, i, static_cast<double>(values[i]));
}

/// Float values in a mapped file, streamed: read in place or widened when first read, their pages
/// given back once checked here and after each read (see StoredValues::release).
StoredValues streamed(const std::string& source, const Entry& e, const std::byte* p, const std::shared_ptr<const void>& mapping) {
  const auto encoding = e.info.kind == StoredKind::F32    ? StoredValues::Encoding::Float32
                        : e.info.kind == StoredKind::BF16 ? StoredValues::Encoding::BFloat16
                                                          : StoredValues::Encoding::Float16;
  auto values = StoredValues::mapped(mapping, p, static_cast<std::size_t>(e.count), encoding);
  if (const auto bad = values.first_non_finite(); bad < values.size()) non_finite(source, e, bad, values[bad]);
  values.release();
  return values;
}

/// The values of `e`; `mapped`: `data` is a read-only file mapping that `owner` keeps alive.
StoredValues decode(const std::string& source, const Entry& e, const std::byte* data, const std::shared_ptr<const void>& owner, bool mapped) {
  const std::byte* p = data + e.begin;
  const auto n = static_cast<std::size_t>(e.count);
  if (mapped && (e.info.kind == StoredKind::F32 || e.info.kind == StoredKind::F16 || e.info.kind == StoredKind::BF16))
    return streamed(source, e, p, owner);
  switch (e.info.kind) {
    case StoredKind::F32: {
      const bool in_place = std::endian::native == std::endian::little &&
                            reinterpret_cast<std::uintptr_t>(p) % alignof(float) == 0;
      if (in_place) {
        const auto* floats = reinterpret_cast<const float*>(p);
        check_finite(source, e, floats, n);
        return StoredValues::float32_view(owner, floats, n);
      }
      std::vector<float> out(n);
      for (std::size_t i = 0; i < n; ++i) out[i] = std::bit_cast<float>(load_u32(p + 4 * i));
      check_finite(source, e, out.data(), n);
      return StoredValues::float32(std::move(out));
    }
    case StoredKind::F16:
    case StoredKind::BF16: {
      std::vector<float> out(n);
      for (std::size_t i = 0; i < n; ++i) {
        const auto bits = load_u16(p + 2 * i);
        out[i] = e.info.kind == StoredKind::F16 ? half_to_float(bits) : bfloat16_to_float(bits);
      }
      check_finite(source, e, out.data(), n);
      return StoredValues::float32(std::move(out));
    }
    case StoredKind::F64: {
      std::vector<double> out(n);
      for (std::size_t i = 0; i < n; ++i) out[i] = std::bit_cast<double>(load_u64(p + 8 * i));
      check_finite(source, e, out.data(), n);
      return StoredValues(std::move(out));
    }
    case StoredKind::I64: {
      // Values are kept as doubles; refuse integers a double cannot hold exactly.
      constexpr std::int64_t exact_limit = std::int64_t{1} << 53;
      std::vector<double> out(n);
      for (std::size_t i = 0; i < n; ++i) {
        const auto v = static_cast<std::int64_t>(load_u64(p + 8 * i));
        if (v > exact_limit || v < -exact_limit)
          input_error(source + ": tensor " + in_quotes(e.name) + ": I64 value " + std::to_string(v) + " at flat index " +
                      std::to_string(i) + " is too large to be held exactly (|value| > 2^53)");
        out[i] = static_cast<double>(v);
      }
      return StoredValues(std::move(out));
    }
    case StoredKind::I32: {
      std::vector<double> out(n);
      for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<double>(static_cast<std::int32_t>(load_u32(p + 4 * i)));
      return StoredValues(std::move(out));
    }
  }
  input_error(source + ": tensor " + in_quotes(e.name) + ": unsupported dtype \"" + e.dtype + "\"");
}

/// Parses the `size` bytes at `data`, which `owner` keeps alive (`mapped`: a read-only file
/// mapping, else a copy).
SafetensorsFile parse_owned(const std::byte* data, std::size_t size, const std::shared_ptr<const void>& owner, const std::string& source,
                            bool mapped) {
  if (size < 8)
    input_error(source + ": not a safetensors file: it is " + std::to_string(size) +
                " bytes, shorter than the 8-byte header length");
  const std::uint64_t header_length = load_u64(data);
  if (header_length > max_header_bytes)
    input_error(source + ": not a safetensors file: header length " + std::to_string(header_length) +
                " is absurdly large (the limit is 100 MB)");
  if (header_length > size - 8)
    input_error(source + ": truncated safetensors file: header length " + std::to_string(header_length) +
                " runs past the end of the file (" + std::to_string(size) + " bytes)");
  const char* header_begin = reinterpret_cast<const char*>(data + 8);
  const json header = parse_header(source, header_begin, header_begin + header_length);

  const std::byte* buffer = data + 8 + header_length;
  const std::uint64_t buffer_size = size - 8 - header_length;
  std::vector<Entry> entries;
  std::map<std::string, std::string, std::less<>> metadata;
  for (const auto& [name, value] : header.items()) {
    if (name == "__metadata__") {
      check_metadata(source, value);
      for (const auto& [key, text] : value.items()) metadata[key] = text.get<std::string>();
      continue;
    }
    entries.push_back(read_entry(source, name, value, buffer_size));
  }

  // No two tensors may share bytes (empty tensors occupy none).
  std::vector<const Entry*> by_offset;
  for (const auto& e : entries)
    if (e.end > e.begin) by_offset.push_back(&e);
  std::sort(by_offset.begin(), by_offset.end(), [](const Entry* a, const Entry* b) { return a->begin < b->begin; });
  for (std::size_t i = 1; i < by_offset.size(); ++i) {
    const Entry& a = *by_offset[i - 1];
    const Entry& b = *by_offset[i];
    if (b.begin < a.end)
      input_error(source + ": tensors " + in_quotes(a.name) + " and " + in_quotes(b.name) + " overlap: data_offsets [" +
                  std::to_string(a.begin) + ", " + std::to_string(a.end) + "] and [" + std::to_string(b.begin) + ", " +
                  std::to_string(b.end) + "]");
  }

  SafetensorsFile file;
  file.path = source;
  file.metadata = std::move(metadata);
  file.tensors.reserve(entries.size());
  for (const auto& e : entries)
    file.tensors.push_back(SafetensorsTensor{e.name, e.dtype, e.shape, decode(source, e, buffer, owner, mapped)});
  return file;
}

// ---- checkpoints and names -------------------------------------------------------------------

/// A sharded checkpoint: every tensor of the index's "weight_map", from the shard it names.
SafetensorsFile read_sharded(const std::string& index_path) {
  std::ifstream in(index_path);
  if (!in) input_error(index_path + ": cannot open the checkpoint index");
  std::stringstream text;
  text << in.rdbuf();
  json index;
  try {
    index = json::parse(text.str());
  } catch (const json::exception& e) {
    input_error(index_path + ": checkpoint index is not valid JSON: " + e.what());
  }
  const auto map_it = index.is_object() ? index.find("weight_map") : index.end();
  if (map_it == index.end() || !map_it->is_object())
    input_error(index_path + ": checkpoint index has no \"weight_map\" object (tensor name -> shard file)");
  std::map<std::string, std::vector<std::string>> by_shard;
  for (const auto& [name, shard] : map_it->items()) {
    if (!shard.is_string()) input_error(index_path + ": \"weight_map\" entry " + in_quotes(name) + " must name a shard file, not " + json_type(shard));
    const auto file = shard.get<std::string>();
    if (std::filesystem::path(file).has_parent_path() || file == "..")
      input_error(index_path + ": shard " + in_quotes(file) + " of tensor " + in_quotes(name) + " must be a file next to the index");
    by_shard[file].push_back(name);
  }
  const auto folder = std::filesystem::path(index_path).parent_path();
  SafetensorsFile merged;
  merged.path = index_path;
  for (const auto& [shard, names] : by_shard) {
    auto part = read_safetensors((folder / shard).string());
    const std::set<std::string, std::less<>> listed(names.begin(), names.end());
    for (const auto& name : names)
      if (!part.find(name)) input_error(index_path + ": tensor " + in_quotes(name) + " is not in shard " + in_quotes(shard) + ", where the index puts it");
    for (auto& t : part.tensors) {
      if (!listed.contains(t.name))
        input_error(index_path + ": shard " + in_quotes(shard) + " holds tensor " + in_quotes(t.name) + ", which the index assigns " +
                    (map_it->contains(t.name) ? "to shard " + in_quotes((*map_it)[t.name].get<std::string>()) : std::string("to no shard")));
      merged.tensors.push_back(std::move(t));
    }
    merged.metadata.insert(part.metadata.begin(), part.metadata.end());
  }
  return merged;
}

std::string dotted(std::string_view name) {
  std::string out(name);
  std::replace(out.begin(), out.end(), '/', '.');
  return out;
}

/// The tensor that names `parameter` (see bind_weights), or null.
const SafetensorsTensor* tensor_for(const std::string& file, const std::string& parameter, const SafetensorsFile& weights,
                                    const std::unordered_map<std::string_view, const SafetensorsTensor*>& exact,
                                    const std::unordered_map<std::string, const SafetensorsTensor*>& by_dotted_name) {
  if (const auto it = exact.find(parameter); it != exact.end()) return it->second;
  const auto name = dotted(parameter);
  if (const auto it = by_dotted_name.find(name); it != by_dotted_name.end()) return it->second;
  const SafetensorsTensor* found = nullptr;
  const std::string suffix = "." + name;
  for (const auto& tensor : weights.tensors) {
    if (!dotted(tensor.name).ends_with(suffix)) continue;
    if (found)
      input_error("weights file " + file + ": parameter " + in_quotes(parameter) + " is named by two tensors, " + in_quotes(found->name) + " and " +
                  in_quotes(tensor.name) + "; rename one, or give the checkpoint of the module the graph was made from");
    found = &tensor;
  }
  return found;
}

/// True when every use of `parameter` in the graph is the right operand of MatMul or Linear,
/// which read it as [in, out].
bool read_as_right_operand(const Graph& graph, std::string_view parameter) {
  bool used = false;
  for (const auto& node : graph.nodes)
    for (std::size_t k = 0; k < node.inputs.size(); ++k) {
      if (node.inputs[k] != parameter) continue;
      if (!((node.op == "MatMul" || node.op == "Linear") && k == 1)) return false;
      used = true;
    }
  return used;
}

}  // namespace

const SafetensorsTensor* SafetensorsFile::find(std::string_view name) const {
  for (const auto& t : tensors)
    if (t.name == name) return &t;
  return nullptr;
}

SafetensorsFile parse_safetensors(std::span<const std::byte> bytes, const std::string& source) {
  const std::string name = source.empty() ? "<safetensors bytes>" : source;
  auto copy = std::make_shared<const std::vector<std::byte>>(bytes.begin(), bytes.end());
  const std::byte* data = copy->data();
  const std::size_t size = copy->size();
  return parse_owned(data, size, copy, name, false);
}

SafetensorsFile read_safetensors(const std::string& path) {
  const auto mapped = import::map_read_only(path, "safetensors file");
  if (mapped.size < 8)
    input_error(path + ": not a safetensors file: it is " + std::to_string(mapped.size) + " bytes, shorter than the 8-byte header length");
  return parse_owned(mapped.data, mapped.size, mapped.owner, path, true);
}

SafetensorsFile read_weights(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    const auto folder = std::filesystem::path(path);
    if (std::filesystem::exists(folder / "model.safetensors.index.json", ec)) return read_sharded((folder / "model.safetensors.index.json").string());
    if (std::filesystem::exists(folder / "model.safetensors", ec)) return read_safetensors((folder / "model.safetensors").string());
    input_error(path + ": folder holds neither model.safetensors nor model.safetensors.index.json");
  }
  if (path.ends_with(".json")) return read_sharded(path);
  return read_safetensors(path);
}

void bind_weights(Graph& graph, const SafetensorsFile& weights) {
  const std::string file = weights.path.empty() ? "<safetensors bytes>" : weights.path;
  std::unordered_map<std::string_view, const SafetensorsTensor*> by_name;
  std::unordered_map<std::string, const SafetensorsTensor*> by_dotted_name;
  for (const auto& t : weights.tensors) {
    by_name.emplace(t.name, &t);
    by_dotted_name.emplace(dotted(t.name), &t);
  }
  const auto format = weights.metadata.find("format");
  const bool pytorch_file = format != weights.metadata.end() && format->second == "pt";

  // Decide every binding before storing any, so a wrong file leaves the graph untouched.
  struct Binding {
    Parameter* parameter;
    const SafetensorsTensor* tensor;
    bool transpose;
  };
  std::vector<Binding> bindings;
  std::map<std::string_view, std::string, std::less<>> used;  // tensor -> the parameter it fills
  std::vector<std::string> missing;
  for (auto& p : graph.parameters) {
    const auto& name = p.info.name;
    const SafetensorsTensor* tensor = tensor_for(file, name, weights, by_name, by_dotted_name);
    if (p.info.dtype == DType::Bool) {
      if (tensor)
        input_error("weights file " + file + ": tensor " + in_quotes(tensor->name) + " names bool parameter " + in_quotes(name) +
                    "; only float and int64 parameters can be bound from safetensors");
      continue;
    }
    if (!tensor) {
      // A buffer the graph stores itself (a constant of an ONNX model) needs no tensor.
      const bool stored_buffer = p.kind == ParameterKind::Buffer && p.data.has_value();
      if (p.info.dtype == DType::Float && !stored_buffer) missing.push_back(name);
      continue;
    }
    if (const auto [it, fresh] = used.emplace(tensor->name, name); !fresh)
      input_error("weights file " + file + ": tensor " + in_quotes(tensor->name) + " names two parameters, " + in_quotes(it->second) + " and " +
                  in_quotes(name));

    Shape expected;
    for (const auto& d : p.info.shape) {
      if (const auto* size = std::get_if<std::int64_t>(&d)) {
        expected.push_back(*size);
        continue;
      }
      const auto& dim = std::get<std::string>(d);
      const auto bound = graph.dims.find(dim);
      if (bound == graph.dims.end())
        input_error("weights file " + file + ": parameter " + in_quotes(name) + " of shape " + to_string(p.info.shape) +
                    ": dimension " + in_quotes(dim) + " has no size in the graph's \"dims\", so tensor " + in_quotes(name) +
                    " cannot be checked against it");
      expected.push_back(bound->second);
    }
    // nn.Linear keeps W as [out, in]; a graph's MatMul or Linear reads it as [in, out].
    const bool transpose = pytorch_file && expected.size() == 2 && tensor->shape == Shape{expected[1], expected[0]} &&
                           read_as_right_operand(graph, name);
    if (expected != tensor->shape && !transpose) {
      const std::string symbolic = to_string(p.info.shape);
      const std::string concrete = to_string(expected);
      const bool reversed = expected.size() == 2 && tensor->shape == Shape{expected[1], expected[0]};
      input_error("weights file " + file + ": tensor " + in_quotes(tensor->name) + " has shape " + to_string(tensor->shape) +
                  " but parameter " + in_quotes(name) + " has shape " + symbolic + (symbolic == concrete ? "" : " = " + concrete) +
                  (reversed ? std::string(" (transposed: nn.Linear's [out, in] is transposed only from files saved by PyTorch, whose "
                                          "metadata says \"format\": \"pt\", for parameters the graph reads as MatMul's right operand)")
                            : std::string()));
    }
    const bool float_parameter = p.info.dtype == DType::Float;
    if (float_parameter != is_float_dtype(tensor->stored_dtype))
      input_error("weights file " + file + ": tensor " + in_quotes(tensor->name) + " is " + tensor->stored_dtype + " but parameter " +
                  in_quotes(name) + " is " + std::string(to_string(p.info.dtype)));
    bindings.push_back({&p, tensor, transpose});
  }

  if (!missing.empty()) {
    const Parameter* first = graph.find_parameter(missing.front());
    std::string message = "weights file " + file + " has no tensor " + in_quotes(missing.front()) + " for parameter " +
                          in_quotes(missing.front()) + " of shape " + to_string(first->info.shape);
    if (missing.size() > 1) {
      message += " (" + std::to_string(missing.size() - 1) + " more float parameters have no tensor:";
      for (std::size_t i = 1; i < missing.size() && i <= 5; ++i) message += (i > 1 ? ", " : " ") + in_quotes(missing[i]);
      if (missing.size() > 6) message += ", ...";
      message += ")";
    }
    input_error(message);
  }

  std::vector<std::string_view> extra;
  for (const auto& t : weights.tensors)
    if (!used.contains(t.name)) extra.push_back(t.name);
  if (!extra.empty()) {
    std::string message = "weights file " + file + " has " + std::to_string(extra.size()) + " tensor" +
                          (extra.size() == 1 ? "" : "s") + " that name no parameter of graph " + in_quotes(graph.name) + ":";
    for (std::size_t i = 0; i < extra.size() && i < 5; ++i) message += (i > 0 ? ", " : " ") + in_quotes(extra[i]);
    if (extra.size() > 5) message += " and " + std::to_string(extra.size() - 5) + " more";
    input_error(message);
  }

  for (const auto& b : bindings)
    b.parameter->data = b.transpose ? b.tensor->values.transposed(b.tensor->shape[0], b.tensor->shape[1]) : b.tensor->values;
}

}  // namespace permeq
