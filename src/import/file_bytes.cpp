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

}  // namespace permeq::import
