// permeq/core/text_file.hpp: reading a whole input file, with an error that names it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace permeq {

/// The file's bytes; throws permeq::Error(Input) "PATH: cannot open the WHAT file".
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path, std::string_view what);

}  // namespace permeq
