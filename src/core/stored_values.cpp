#include "permeq/core/stored_values.hpp"
#include "src/core/float16.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>

#include <sys/mman.h>
#include <unistd.h>

namespace permeq {

namespace {

std::atomic<std::size_t> widened_now{0};
std::atomic<std::size_t> widened_peak{0};

void count_widened(std::size_t bytes) {
  const auto now = widened_now.fetch_add(bytes) + bytes;
  auto peak = widened_peak.load();
  while (now > peak && !widened_peak.compare_exchange_weak(peak, now)) {
  }
}

std::size_t width_of(StoredValues::Encoding encoding) { return encoding == StoredValues::Encoding::Float32 ? 4 : 2; }

/// Memory for widened values, uninitialised (every value is written by the widening).
struct WidenedBuffer {
  std::unique_ptr<float[]> data;
  std::size_t capacity = 0;
};

/// The last few buffers given back: a streamed check widens matrices of the same few shapes layer
/// after layer, and a reused buffer costs no fresh pages to fault in and zero.
class BufferPool {
 public:
  WidenedBuffer take(std::size_t count) {
    {
      std::lock_guard lock(mutex_);
      auto best = spare_.end();
      for (auto it = spare_.begin(); it != spare_.end(); ++it)
        if (it->capacity >= count && (best == spare_.end() || it->capacity < best->capacity)) best = it;
      if (best != spare_.end()) {
        auto buffer = std::move(*best);
        spare_.erase(best);
        return buffer;
      }
    }
    return {std::unique_ptr<float[]>(new float[count]), count};
  }
  void give(WidenedBuffer buffer) {
    std::lock_guard lock(mutex_);
    if (spare_.size() == kept) spare_.erase(spare_.begin());
    spare_.push_back(std::move(buffer));
  }

 private:
  static constexpr std::size_t kept = 2;
  std::mutex mutex_;
  std::vector<WidenedBuffer> spare_;  ///< oldest first
};

BufferPool& buffer_pool() {
  static auto* pool = new BufferPool;  // never destroyed: values may be released during exit
  return *pool;
}

/// Value `k` of `bytes` in `encoding`, widened.
template <StoredValues::Encoding encoding>
float widen_one(const std::byte* bytes, std::size_t k) {
  if constexpr (encoding == StoredValues::Encoding::Float32) {
    std::uint32_t bits;
    std::memcpy(&bits, bytes + 4 * k, 4);
    return std::bit_cast<float>(bits);
  } else {
    std::uint16_t bits;
    std::memcpy(&bits, bytes + 2 * k, 2);
    if constexpr (encoding == StoredValues::Encoding::BFloat16) return bfloat16_to_float(bits);
    else return half_to_float(bits);
  }
}

/// Widens `count` values into `out`, or the transpose of a [rows, columns] matrix when columns > 0.
template <StoredValues::Encoding encoding>
void widen(const std::byte* bytes, std::size_t count, std::int64_t rows, std::int64_t columns, float* out) {
  constexpr std::int64_t large = std::int64_t{1} << 20;  // below this a second thread costs more than it saves
  const bool parallel = static_cast<std::int64_t>(count) >= large;
  if (columns <= 0) {
    const auto n = static_cast<std::int64_t>(count);
#pragma omp parallel for schedule(static) if (parallel)
    for (std::int64_t i = 0; i < n; ++i) out[i] = widen_one<encoding>(bytes, static_cast<std::size_t>(i));
    return;
  }
  // In tiles, so that both the file's rows and the result's rows are read and written in runs
  // (a column at a time would touch a new cache line for every value of a large matrix).
  constexpr std::int64_t tile = 16;  // 64 is 6x slower: its columns, 2^k floats apart, share cache sets
  const std::int64_t r = rows, c = columns, row_tiles = (r + tile - 1) / tile;
#pragma omp parallel for schedule(static) if (parallel)
  for (std::int64_t t = 0; t < row_tiles; ++t)
    for (std::int64_t col0 = 0; col0 < c; col0 += tile)
      for (std::int64_t row = t * tile; row < std::min(r, (t + 1) * tile); ++row)
        for (std::int64_t col = col0; col < std::min(c, col0 + tile); ++col)
          out[col * r + row] = widen_one<encoding>(bytes, static_cast<std::size_t>(row * c + col));
}

}  // namespace

/// Values in a mapped file, and the float32 copy widened from them while they are read.
struct StoredValues::Streamed {
  const std::byte* bytes = nullptr;
  std::size_t count = 0;
  Encoding encoding = Encoding::Float32;
  /// Read transposed when columns > 0: the file holds [rows, columns], the values are [columns, rows].
  std::int64_t rows = 0, columns = 0;

  std::mutex mutex;
  WidenedBuffer copy;  ///< guarded by mutex; empty (no data) unless widened
  std::atomic<std::size_t> releases{0};

  ~Streamed() { drop_copy(); }

  /// The stored value at position `k` of the file's order, widened.
  [[nodiscard]] float stored_at(std::size_t k) const {
    switch (encoding) {
      case Encoding::Float32: return widen_one<Encoding::Float32>(bytes, k);
      case Encoding::BFloat16: return widen_one<Encoding::BFloat16>(bytes, k);
      case Encoding::Float16: break;
    }
    return widen_one<Encoding::Float16>(bytes, k);
  }
  /// Position in the file of the value at `i`.
  [[nodiscard]] std::size_t stored_index(std::size_t i) const {
    if (columns <= 0) return i;
    const auto r = static_cast<std::size_t>(rows), c = static_cast<std::size_t>(columns);
    return (i % r) * c + i / r;  // value [i / rows, i % rows] is stored at [i % rows, i / rows]
  }

  /// Widens into `copy` (the caller holds mutex).
  void widen_copy() {
    copy = buffer_pool().take(count);
    switch (encoding) {
      case Encoding::Float32: widen<Encoding::Float32>(bytes, count, rows, columns, copy.data.get()); break;
      case Encoding::BFloat16: widen<Encoding::BFloat16>(bytes, count, rows, columns, copy.data.get()); break;
      case Encoding::Float16: widen<Encoding::Float16>(bytes, count, rows, columns, copy.data.get()); break;
    }
    count_widened(count * sizeof(float));
  }
  /// Gives the widened copy back (the caller holds mutex, or is the destructor).
  void drop_copy() {
    if (!copy.data) return;
    widened_now.fetch_sub(count * sizeof(float));
    buffer_pool().give(std::move(copy));
    copy = {};
  }

  void drop_pages() const {
    // Whole pages inside the range only: a neighbour's pages stay (dropping them would be correct,
    // the file gives them back, but costs it a fault).
    static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<std::uintptr_t>(bytes);
    const auto end = begin + count * width_of(encoding);
    const auto first = (begin + page - 1) / page * page, last = end / page * page;
    // A read-only private file mapping never written: the pages are read from the file again.
    if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
  }
};

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

StoredValues StoredValues::mapped(std::shared_ptr<const void> mapping, const std::byte* bytes, std::size_t count, Encoding encoding) {
  StoredValues v;
  v.owner_ = std::move(mapping);
  v.size_ = count;
  v.streamed_ = std::make_shared<Streamed>();
  v.streamed_->bytes = bytes;
  v.streamed_->count = count;
  v.streamed_->encoding = encoding;
  if (encoding == Encoding::Float32 && std::endian::native == std::endian::little &&
      reinterpret_cast<std::uintptr_t>(bytes) % alignof(float) == 0)
    v.f32_ = reinterpret_cast<const float*>(bytes);
  return v;
}

double StoredValues::streamed_at(std::size_t i) const {
  if (!streamed_) return 0.0;  // unreachable: an empty value has no index
  return static_cast<double>(streamed_->stored_at(streamed_->stored_index(i)));
}

std::span<const float> StoredValues::float32_values() const {
  if (f32_) return {f32_, size_};
  if (!streamed_) return {};
  std::lock_guard lock(streamed_->mutex);
  if (!streamed_->copy.data) {
    streamed_->widen_copy();
    // The file's pages were read once to widen them; the copy is what is read from now on.
    streamed_->drop_pages();
  }
  return {streamed_->copy.data.get(), size_};
}

StoredValues StoredValues::transposed(std::int64_t rows, std::int64_t columns) const {
  if (streamed_ && streamed_->columns <= 0) {
    StoredValues v = mapped(owner_, streamed_->bytes, streamed_->count, streamed_->encoding);
    v.f32_ = nullptr;
    v.streamed_->rows = rows;
    v.streamed_->columns = columns;
    return v;
  }
  // values is [rows, columns]; the result is [columns, rows].
  const auto at = [&](std::int64_t c, std::int64_t r) { return static_cast<std::size_t>(r * columns + c); };
  if (is_float32()) {
    std::vector<float> out(size_);
    for (std::int64_t c = 0; c < columns; ++c)
      for (std::int64_t r = 0; r < rows; ++r) out[static_cast<std::size_t>(c * rows + r)] = static_cast<float>((*this)[at(c, r)]);
    return float32(std::move(out));
  }
  std::vector<double> out(size_);
  for (std::int64_t c = 0; c < columns; ++c)
    for (std::int64_t r = 0; r < rows; ++r) out[static_cast<std::size_t>(c * rows + r)] = (*this)[at(c, r)];
  return StoredValues(std::move(out));
}

void StoredValues::release() const {
  if (!streamed_) return;
  {
    std::lock_guard lock(streamed_->mutex);
    streamed_->drop_copy();
  }
  streamed_->drop_pages();
  ++streamed_->releases;
}

bool StoredValues::widened() const {
  if (!streamed_) return false;
  std::lock_guard lock(streamed_->mutex);
  return streamed_->copy.data != nullptr;
}

std::size_t StoredValues::release_count() const { return streamed_ ? streamed_->releases.load() : 0; }

std::size_t StoredValues::widened_bytes_now() { return widened_now.load(); }
std::size_t StoredValues::widened_bytes_peak() { return widened_peak.load(); }
void StoredValues::reset_widened_bytes_peak() { widened_peak.store(widened_now.load()); }

std::vector<double> StoredValues::to_doubles() const {
  std::vector<double> out(size_);
  for (std::size_t i = 0; i < size_; ++i) out[i] = (*this)[i];
  return out;
}

std::size_t StoredValues::first_non_finite() const {
  if (streamed_ && streamed_->columns <= 0) {
    // Exponent bits all ones, read from the encoded bits without widening.
    const auto* p = streamed_->bytes;
    if (streamed_->encoding == Encoding::Float32) {
      for (std::size_t i = 0; i < size_; ++i) {
        std::uint32_t bits;
        std::memcpy(&bits, p + 4 * i, 4);
        if ((bits & 0x7f800000u) == 0x7f800000u) return i;
      }
      return size_;
    }
    const std::uint16_t exponent = streamed_->encoding == Encoding::BFloat16 ? 0x7f80u : 0x7c00u;
    for (std::size_t i = 0; i < size_; ++i) {
      std::uint16_t bits;
      std::memcpy(&bits, p + 2 * i, 2);
      if ((bits & exponent) == exponent) return i;
    }
    return size_;
  }
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
