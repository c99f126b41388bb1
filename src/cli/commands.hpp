// src/cli/commands.hpp: pieces of the command-line interface besides argument parsing (main.cpp):
// writing outputs, the operator tables, and the proof commands (`permeq prove`, `permeq export-proofs`).
#pragma once

#include "permeq/permeq.hpp"

#include <string>
#include <vector>

namespace permeq::cli {

/// The command as typed, each argument quoted for a POSIX shell where it needs it, so that the
/// HTML report shows a command that can be pasted back.
[[nodiscard]] std::string command_line(int argc, char** argv);
/// `permeq ops` and `permeq ops --onnx` as a text or Markdown table.
[[nodiscard]] std::string operators_table(const std::string& format);
[[nodiscard]] std::string onnx_operators_table(const std::string& format);
/// Writes `text` to `path` ("-": standard output); a Usage error when it cannot.
void write_file(const std::string& path, const std::string& text);
/// The DOT text to `dot_path` and its Graphviz rendering to `svg_path` (either may be empty).
void write_pictures(const std::string& dot_path, const std::string& svg_path, const std::string& dot);
/// `permeq prove`: every sample of the named operators (all when empty), and the lemmas.
int run_prove(const std::vector<std::string>& names, const ProofLimits& limits);
/// `permeq export-proofs DIR [--graph FILE]`.
int run_export(const std::string& dir, const std::string& graph_path);

}  // namespace permeq::cli
