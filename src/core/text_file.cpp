#include "permeq/core/text_file.hpp"

#include "permeq/core/error.hpp"

#include <fstream>
#include <sstream>

namespace permeq {

std::string read_text_file(const std::filesystem::path& path, std::string_view what) {
  if (std::filesystem::is_directory(path)) throw Error(ErrorKind::Input, path.string() + ": is a folder, not a " + std::string(what) + " file");
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error(ErrorKind::Input, path.string() + ": cannot open the " + std::string(what) + " file");
  std::stringstream buffer;
  buffer << file.rdbuf();
  return buffer.str();
}

}  // namespace permeq
