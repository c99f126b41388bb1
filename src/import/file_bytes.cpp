#include "src/import/file_bytes.hpp"

#include "permeq/core/error.hpp"

#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace permeq::import {

MappedBytes map_read_only(const std::string& path, std::string_view what) {
  auto fail = [&](const std::string& problem) { throw Error(ErrorKind::Input, path + ": " + problem); };
  if (path.empty()) throw Error(ErrorKind::Input, std::string(what) + ": the file path is empty");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail("cannot open " + std::string(what) + ": " + std::strerror(errno));
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) fail("cannot read " + std::string(what) + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) fail("is a directory, not a " + std::string(what));
  if (!S_ISREG(st.st_mode)) fail("is not a regular file");
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size == 0) return {};  // mmap refuses empty files
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (mapped == MAP_FAILED) fail("cannot map " + std::string(what) + ": " + std::strerror(errno));
  return {static_cast<const std::byte*>(mapped), size,
          std::shared_ptr<const void>(mapped, [size](const void* p) { ::munmap(const_cast<void*>(p), size); })};
}

float half_to_float(std::uint16_t h) {
  const bool negative = (h & 0x8000u) != 0;
  const unsigned exponent = (h >> 10) & 0x1Fu;
  const unsigned mantissa = h & 0x3FFu;
  float magnitude;
  if (exponent == 0)
    magnitude = std::ldexp(static_cast<float>(mantissa), -24);  // zero or subnormal
  else if (exponent == 31)
    magnitude = mantissa == 0 ? std::numeric_limits<float>::infinity() : std::numeric_limits<float>::quiet_NaN();
  else
    magnitude = std::ldexp(static_cast<float>(mantissa | 0x400u), static_cast<int>(exponent) - 25);
  return negative ? -magnitude : magnitude;
}

float bfloat16_to_float(std::uint16_t b) { return std::bit_cast<float>(static_cast<std::uint32_t>(b) << 16); }

}  // namespace permeq::import
