// permeq/core/stored_values.hpp: the stored values of a parameter (trained weights, buffers),
// kept in the precision they were stored in and shared, never copied, between graphs.
//
// A BERT-base checkpoint is 340 MB of float32; a LLaMA-shaped model is many gigabytes of bfloat16.
// Imported weights stay where the importer put them (inside the parsed ONNX message, or a
// memory-mapped safetensors or ONNX external data file) and every graph built from them, and every
// engine reading them, holds a reference to the same bytes.
//
// Values in a mapped file are streamed: float32 is read in place, bfloat16 and float16 (and float32
// that is unaligned or stored transposed) are widened to float32 when first read as a span.
// `release()` drops what a parameter occupies in memory (the widened copy; the mapped pages, which
// the file gives back when read again), so an engine that releases each parameter after its last
// reader holds about one layer's weights at a time, never the whole model.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace permeq {

class StoredValues {
 public:
  /// How values in a file are encoded (all widen exactly to float32).
  enum class Encoding { Float32, BFloat16, Float16 };

  StoredValues() = default;
  /// Values written in the graph file (JSON): decimal, read as double.
  StoredValues(std::vector<double> values);  // NOLINT(google-explicit-constructor): reads like a vector
  /// A float32 view of `count` values at `data`, kept alive by `owner` (a parsed message, a copy).
  static StoredValues float32_view(std::shared_ptr<const void> owner, const float* data, std::size_t count);
  /// Float32 values owned by the result.
  static StoredValues float32(std::vector<float> values);
  /// `count` values encoded as `encoding` (little-endian, any alignment) at `bytes` inside a
  /// read-only file mapping that `mapping` keeps alive. Aligned float32 is read in place; other
  /// encodings are widened on first read. `release()` gives the pages back.
  static StoredValues mapped(std::shared_ptr<const void> mapping, const std::byte* bytes, std::size_t count, Encoding encoding);

  [[nodiscard]] std::size_t size() const { return size_; }
  /// True when every value is a float32 (stored as float32, or widened from 16 bits).
  [[nodiscard]] bool is_float32() const { return f32_ != nullptr || streamed_ != nullptr; }
  /// The value at `i`, widened to double (exact for every precision). Never keeps a widened copy.
  [[nodiscard]] double operator[](std::size_t i) const { return f32_ ? static_cast<double>(f32_[i]) : f64_ ? f64_[i] : streamed_at(i); }
  /// The float32 values; empty unless `is_float32()`. Streamed 16-bit values are widened here and
  /// kept until `release()`: the span is valid until then (or for as long as this value lives).
  [[nodiscard]] std::span<const float> float32_values() const;
  [[nodiscard]] std::vector<double> to_doubles() const;
  /// Index of the first NaN or infinity, or size() when every value is finite.
  [[nodiscard]] std::size_t first_non_finite() const;

  /// These values read as the transpose of a [rows, columns] matrix: a [columns, rows] matrix.
  /// Streamed values stay streamed (transposed when widened); others are copied.
  [[nodiscard]] StoredValues transposed(std::int64_t rows, std::int64_t columns) const;

  /// Drops what these values occupy in memory until they are read again: the widened float32
  /// copy, and the pages of a mapped file. No effect on values that live in memory anyway.
  /// Invalidates spans returned by float32_values() of streamed 16-bit values.
  void release() const;
  /// True when the values come from a mapped file and occupy memory only while read.
  [[nodiscard]] bool streamed() const { return streamed_ != nullptr; }
  /// Whether a widened float32 copy is held now (streamed values that are not float32 in place).
  [[nodiscard]] bool widened() const;
  /// How many times release() gave these values' memory back (shared by copies of this value).
  [[nodiscard]] std::size_t release_count() const;

  /// Bytes of widened copies held by all streamed values of the process now, and the most held at
  /// once since the last reset: what a streamed check costs beyond the files it maps.
  [[nodiscard]] static std::size_t widened_bytes_now();
  [[nodiscard]] static std::size_t widened_bytes_peak();
  static void reset_widened_bytes_peak();

  friend bool operator==(const StoredValues& a, const StoredValues& b);

 private:
  struct Streamed;
  [[nodiscard]] double streamed_at(std::size_t i) const;

  std::shared_ptr<const void> owner_;
  const float* f32_ = nullptr;
  const double* f64_ = nullptr;
  std::size_t size_ = 0;
  std::shared_ptr<Streamed> streamed_;
};

}  // namespace permeq
