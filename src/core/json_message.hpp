// src/core/json_message.hpp: nlohmann::json's exception texts without their internal prefix
// ("[json.exception.parse_error.101] "), which means nothing to a user reading an error line.
#pragma once

#include <string>
#include <string_view>

namespace permeq {

/// "parse error at line 1, column 13: syntax error ..." from "[json.exception.parse_error.101] parse
/// error at line 1, column 13: syntax error ...".
[[nodiscard]] inline std::string json_error_text(std::string_view what) {
  if (what.rfind("[json.exception.", 0) == 0)
    if (const auto end = what.find("] "); end != std::string_view::npos) what.remove_prefix(end + 2);
  return std::string(what);
}

}  // namespace permeq
