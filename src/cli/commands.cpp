#include "src/cli/commands.hpp"

#include "src/report/wording.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace permeq::cli {

std::string onnx_operators_table(const std::string& format) {
  std::string out = format == "markdown" ? "| ONNX operator | permeq operator | notes |\n|---|---|---|\n" : "";
  for (const auto& op : permeq::onnx_supported_operators()) {
    if (format == "markdown") out += "| " + op.onnx_op + " | " + op.permeq_ops + " | " + markdown_cell(op.notes) + " |\n";
    else out += op.onnx_op + " -> " + op.permeq_ops + (op.notes.empty() ? "" : "  (" + op.notes + ")") + "\n";
  }
  return out;
}

std::string operators_table(const std::string& format) {
  std::string out;
  if (format == "markdown") {
    out += "| operator | inputs | attributes | semantics | derivative rule | reference |\n|---|---|---|---|---|---|\n";
    for (const auto& op : permeq::operators()) {
      std::string attrs;
      for (const auto& a : op.attributes) attrs += (attrs.empty() ? "" : ", ") + std::string(a.name);
      const auto inputs = op.min_inputs == op.max_inputs ? std::to_string(op.min_inputs)
                                                         : std::to_string(op.min_inputs) + "-" + std::to_string(op.max_inputs);
      out += "| " + std::string(op.name) + " | " + inputs + " | " + attrs + " | " + markdown_cell(std::string(op.summary)) + " | " + (op.vjp ? "yes" : "-") +
             " | " + markdown_cell(std::string(op.reference)) + " |\n";
    }
    return out;
  }
  for (const auto& op : permeq::operators()) {
    out += std::string(op.name) + ": " + std::string(op.summary) + "  [" + std::string(op.reference) + "]" + (op.vjp ? "" : "  (no derivative rule)") + "\n";
    for (const auto& a : op.attributes)
      out += "    " + std::string(a.name) + " (" + std::string(permeq::to_string(a.type)) + (a.required ? ", required" : "") + "): " +
             std::string(a.doc) + "\n";
  }
  return out;
}

std::string command_line(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool plain = !arg.empty() && arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,+@%") == std::string::npos;
    std::string quoted = "'";
    for (const char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    line += (i ? " " : "") + (plain ? arg : quoted + "'");
  }
  return line;
}

void write_file(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text;
    return;
  }
  std::ofstream file(path);
  if (!file || !(file << text)) throw permeq::Error(permeq::ErrorKind::Usage, path + ": cannot write the output file");
}

void write_pictures(const std::string& dot_path, const std::string& svg_path, const std::string& dot) {
  if (!dot_path.empty()) write_file(dot_path, dot);
  if (svg_path.empty()) return;
  if (std::system("command -v dot >/dev/null 2>&1") != 0)
    throw permeq::Error(permeq::ErrorKind::Usage, "--svg needs Graphviz's 'dot' command, which is not installed (apt-get install graphviz); "
                                                  "--dot FILE writes the graph without it");
  const std::string source = dot_path.empty() ? svg_path + ".dot" : dot_path;
  if (dot_path.empty()) write_file(source, dot);
  const std::string command = "dot -Tsvg '" + source + "' -o '" + svg_path + "'";
  if (std::system(command.c_str()) != 0) throw permeq::Error(permeq::ErrorKind::Usage, "Graphviz failed to render " + svg_path);
  if (dot_path.empty()) std::remove(source.c_str());
}

int run_prove(const std::vector<std::string>& names, const permeq::ProofLimits& limits) {
  for (const auto& name : names)
    if (!permeq::find_operator(name)) throw permeq::Error(permeq::ErrorKind::Usage, "no operator '" + name + "' (see `permeq ops`)");
  int failures = 0, unknown = 0, proved = 0, refuted = 0;
  if (names.empty())
    for (const auto& id : permeq::lemma_ids()) {
      const auto r = permeq::prove_lemma(id, limits);
      std::cout << (r.status == permeq::ProofStatus::Proved ? "proved   " : "UNKNOWN  ") << "lemma " << id << ": "
                << (r.status == permeq::ProofStatus::Proved ? r.scope : r.reason) << "\n";
      unknown += r.status != permeq::ProofStatus::Proved;
      proved += r.status == permeq::ProofStatus::Proved;
    }
  permeq::Prover prover(limits);
  for (const auto& sample : permeq::operator_samples()) {
    if (!names.empty() && std::find(names.begin(), names.end(), sample.op) == names.end()) continue;
    if (sample.acted.empty() || sample.expect == permeq::SampleExpect::Unrepresentable) continue;
    permeq::NodeObligation ob;
    ob.node = sample.node();
    ob.input_types = sample.inputs;
    ob.input_actions = sample.actions();
    ob.tokens = permeq::sample_tokens;
    const auto* info = permeq::find_operator(sample.op);
    ob.output_actions = info->claim(ob.node, ob.input_types, ob.input_actions, ob.tokens).outputs;
    ob.fixed_inputs.resize(sample.inputs.size());
    for (std::size_t k = 0; k < sample.inputs.size(); ++k)
      if (sample.inputs[k].dtype == permeq::DType::Int64 && !sample.acted[k]) {
        permeq::Tensor<permeq::Rational> fixed(sample.inputs[k].dtype, sample.inputs[k].shape);
        for (std::size_t i = 0; i < fixed.data.size(); ++i) fixed.data[i] = permeq::Rational(static_cast<int>(i % 3));
        ob.fixed_inputs[k] = fixed;
      }
    ob.family = info->family(ob.node, ob.input_types, ob.input_actions, ob.tokens);
    const auto r = prover.prove(ob);
    const bool expected_hold = sample.expect == permeq::SampleExpect::Holds;
    const char* status = r.status == permeq::ProofStatus::Proved ? "proved   " : r.status == permeq::ProofStatus::Refuted ? "refuted  " : "UNKNOWN  ";
    // A sample that breaks the symmetry on purpose (a convolution over tokens) must be refuted.
    const bool as_expected = r.status != permeq::ProofStatus::Unknown && (r.status == permeq::ProofStatus::Proved) == expected_hold;
    std::cout << status << sample.op << " (" << sample.label << "): " << (r.status == permeq::ProofStatus::Proved ? r.scope : r.reason)
              << (r.status == permeq::ProofStatus::Refuted && as_expected ? "  [expected: this sample breaks the symmetry]" : "") << "\n";
    if (r.status == permeq::ProofStatus::Unknown) ++unknown;
    else if (!as_expected) {
      std::cout << "  FAILED: expected " << (expected_hold ? "a proof" : "a refutation") << "\n";
      ++failures;
    } else {
      ++(r.status == permeq::ProofStatus::Proved ? proved : refuted);
    }
  }
  std::cout << "summary: " << proved << " proved, " << refuted << " refuted as expected, " << failures << " not as expected, " << unknown
            << " unknown\n";
  return failures ? permeq::exit_code::breaks : unknown ? permeq::exit_code::inconclusive : permeq::exit_code::holds;
}

int run_export(const std::string& dir, const std::string& graph_path) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error || !std::filesystem::is_directory(dir))
    throw permeq::Error(permeq::ErrorKind::Usage, dir + ": cannot create the output folder: " +
                                                      (error ? error.message() : std::string("a file of that name exists")));
  auto files = permeq::standard_proof_files();
  if (!graph_path.empty()) {
    const auto graph_files = permeq::graph_proof_files(permeq::load_model(graph_path).graph, {});
    files.insert(files.end(), graph_files.begin(), graph_files.end());
  }
  for (const auto& f : files) write_file((std::filesystem::path(dir) / f.name).string(), f.text);
  std::cout << "wrote " << files.size() << " obligations to " << dir << "\n";
  return 0;
}

}  // namespace permeq::cli
