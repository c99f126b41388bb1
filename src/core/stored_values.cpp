#include "permeq/core/stored_values.hpp"

#include <cmath>

namespace permeq {

StoredValues::StoredValues(std::vector<double> values) {
  auto owned = std::make_shared<const std::vector<double>>(std::move(values));
  f64_ = owned->data();
  size_ = owned->size();
  owner_ = std::move(owned);
}

StoredValues StoredValues::float32_view(std::shared_ptr<const void> owner, const float* data, std::size_t count) {
  StoredValues v;
  v.owner_ = std::move(owner);
  v.f32_ = data;
  v.size_ = count;
  return v;
}

StoredValues StoredValues::float32(std::vector<float> values) {
  auto owned = std::make_shared<const std::vector<float>>(std::move(values));
  const float* data = owned->data();
  const std::size_t count = owned->size();
  return float32_view(std::move(owned), data, count);
}

std::vector<double> StoredValues::to_doubles() const {
  std::vector<double> out(size_);
  for (std::size_t i = 0; i < size_; ++i) out[i] = (*this)[i];
  return out;
}

std::size_t StoredValues::first_non_finite() const {
  for (std::size_t i = 0; i < size_; ++i)
    if (!std::isfinite((*this)[i])) return i;
  return size_;
}

bool operator==(const StoredValues& a, const StoredValues& b) {
  if (a.size_ != b.size_) return false;
  for (std::size_t i = 0; i < a.size_; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace permeq
