// permeq/core/error.hpp: the one exception type the library throws, and the CLI exit codes it maps to.
//
// Every error names where it happened (file, node, operator) so a user can act on it without a
// debugger. The kind decides the process exit code of the CLI; see `exit_code_for`.
#pragma once

#include <stdexcept>
#include <string>

namespace permeq {

enum class ErrorKind {
  Usage,     ///< bad command line or action specification
  Input,     ///< malformed or inconsistent graph, weights or file
  Evaluation,///< an operator could not be evaluated (division by zero, index out of range)
  Unavailable,///< the machine lacks what was asked for (--device cuda without a visible GPU or without the backend built)
  Internal,  ///< a bug in permeq
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  [[nodiscard]] ErrorKind kind() const noexcept { return kind_; }

 private:
  ErrorKind kind_;
};

/// Exit codes of the `permeq` command; documented in `--help` and README.md.
namespace exit_code {
inline constexpr int holds = 0;         ///< every output equivariant or invariant
inline constexpr int breaks = 1;        ///< some output breaks (with a witness)
inline constexpr int inconclusive = 2;  ///< some output unknown, none breaks
inline constexpr int bad_input = 3;     ///< usage or input error
inline constexpr int internal = 4;      ///< a bug in permeq
inline constexpr int unavailable = 5;   ///< the requested device is not available (--device cuda)
}  // namespace exit_code

[[nodiscard]] inline int exit_code_for(ErrorKind kind) noexcept {
  return kind == ErrorKind::Internal ? exit_code::internal : kind == ErrorKind::Unavailable ? exit_code::unavailable : exit_code::bad_input;
}

}  // namespace permeq
