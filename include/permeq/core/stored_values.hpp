// permeq/core/stored_values.hpp: the stored values of a parameter (trained weights, buffers),
// kept in the precision they were stored in and shared, never copied, between graphs.
//
// A BERT-base checkpoint is 340 MB of float32. Imported weights stay where the importer put them
// (inside the parsed ONNX message, or a memory-mapped safetensors file) and every graph built
// from them, and every engine reading them, holds a reference to the same bytes.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace permeq {

class StoredValues {
 public:
  StoredValues() = default;
  /// Values written in the graph file (JSON): decimal, read as double.
  StoredValues(std::vector<double> values);  // NOLINT(google-explicit-constructor): reads like a vector
  /// A float32 view of `count` values at `data`, kept alive by `owner` (a parsed file, a mapping).
  static StoredValues float32_view(std::shared_ptr<const void> owner, const float* data, std::size_t count);
  /// Float32 values owned by the result.
  static StoredValues float32(std::vector<float> values);

  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] bool is_float32() const { return f32_ != nullptr; }
  /// The value at `i`, widened to double (exact for both precisions).
  [[nodiscard]] double operator[](std::size_t i) const { return f32_ ? static_cast<double>(f32_[i]) : f64_[i]; }
  /// The float32 values; empty unless `is_float32()`.
  [[nodiscard]] std::span<const float> float32_values() const { return f32_ ? std::span<const float>(f32_, size_) : std::span<const float>(); }
  [[nodiscard]] std::vector<double> to_doubles() const;
  /// Index of the first NaN or infinity, or size() when every value is finite.
  [[nodiscard]] std::size_t first_non_finite() const;

  friend bool operator==(const StoredValues& a, const StoredValues& b);

 private:
  std::shared_ptr<const void> owner_;
  const float* f32_ = nullptr;
  const double* f64_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace permeq
