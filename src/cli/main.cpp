// permeq command-line interface: a thin layer over the library (permeq/permeq.hpp).

#include "permeq/permeq.hpp"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <unistd.h>

namespace {

constexpr const char* exit_codes_help = R"(
Exit codes:
  0  every output is equivariant or invariant
  1  some output breaks (a culprit node and an exact witness are reported)
  2  inconclusive (some output unknown, none breaks)
  3  usage or input error (bad flag, malformed graph, unknown operator, bad --permute)
  4  internal error (a bug in permeq: please report it)
)";

constexpr const char* check_help = R"(Decides, node by node, whether the graph is equivariant under permutations of the tokens:
f(P x) = P f(x), or invariant f(P x) = f(x) after pooling. Inputs and weights are drawn as random
exact rationals; each node is tested under both generators of S_n (a transposition and the
n-cycle), and a node whose inputs transform correctly but whose output does not is reported as
the culprit, with the smallest exact witness found (n = 2, 3, ...).

Which inputs are permuted: --permute NAME:AXIS (repeatable). Default: the graph's "token_axis"
entries, else every input with an axis named seq, tokens or n.

Examples:
  permeq check examples/graphs/encoder_learned_pe.json
  permeq check model.json --permute x:0 --permute mask:0 --seq-len 6 --format json -o report.json)";

std::ostream* open_output(const std::string& path, std::ofstream& file) {
  if (path.empty() || path == "-") return &std::cout;
  file.open(path);
  if (!file) throw permeq::Error(permeq::ErrorKind::Usage, path + ": cannot open the output file");
  return &file;
}

permeq::DimBindings parse_dims(const std::vector<std::string>& texts) {
  permeq::DimBindings dims;
  for (const auto& t : texts) {
    const auto eq = t.find('=');
    try {
      if (eq == std::string::npos || eq == 0) throw std::invalid_argument("no =");
      dims[t.substr(0, eq)] = std::stoll(t.substr(eq + 1));
    } catch (const std::logic_error&) {
      throw permeq::Error(permeq::ErrorKind::Usage, "--dim expects NAME=SIZE, got '" + t + "'");
    }
  }
  return dims;
}

std::string operators_table(const std::string& format) {
  std::string out;
  if (format == "markdown") {
    out += "| operator | inputs | attributes | semantics | reference |\n|---|---|---|---|---|\n";
    for (const auto& op : permeq::operators()) {
      std::string attrs;
      for (const auto& a : op.attributes) attrs += (attrs.empty() ? "" : ", ") + std::string(a.name);
      const auto inputs = op.min_inputs == op.max_inputs ? std::to_string(op.min_inputs)
                                                         : std::to_string(op.min_inputs) + "-" + std::to_string(op.max_inputs);
      out += "| " + std::string(op.name) + " | " + inputs + " | " + attrs + " | " + std::string(op.summary) + " | " + std::string(op.reference) + " |\n";
    }
    return out;
  }
  for (const auto& op : permeq::operators()) {
    out += std::string(op.name) + ": " + std::string(op.summary) + "  [" + std::string(op.reference) + "]\n";
    for (const auto& a : op.attributes)
      out += "    " + std::string(a.name) + " (" + std::string(permeq::to_string(a.type)) + (a.required ? ", required" : "") + "): " +
             std::string(a.doc) + "\n";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"permeq: proves or refutes permutation equivariance of transformer graphs"};
  app.footer(exit_codes_help);
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("permeq ") + PERMEQ_VERSION_STRING);

  auto* check = app.add_subcommand("check", "check token-permutation equivariance of a graph, node by node");
  check->footer(std::string(check_help) + "\n" + exit_codes_help);
  std::string graph_path, format = "text", output_path;
  std::vector<std::string> permute, dims;
  std::optional<std::int64_t> seq_len;
  int trials = 3;
  std::uint64_t seed = permeq::CheckOptions{}.seed;
  bool quiet = false, no_minimize = false, progress = false, culprits_only = false;
  check->add_option("GRAPH", graph_path, "graph file (permeq JSON, see docs/graph-format.md)")->required();
  check->add_option("--permute", permute, "INPUT:AXIS permuted by the token permutation (repeatable)")->allow_extra_args(false);
  check->add_option("--seq-len,-n", seq_len, "number of tokens n (default: the graph's size for the token dimension, else 4)");
  check->add_option("--dim", dims, "NAME=SIZE for another named dimension (repeatable)")->allow_extra_args(false);
  check->add_option("--trials", trials, "independent random draws per generator")->capture_default_str()->check(CLI::Range(1, 1000));
  check->add_option("--seed", seed, "seed of the random draws (runs are reproducible)")->capture_default_str();
  check->add_option("--format", format, "report format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  check->add_option("--output,-o", output_path, "write the report to FILE instead of standard output");
  check->add_flag("--culprits-only", culprits_only, "text report: list only culprits and unknown nodes");
  check->add_flag("--no-minimize", no_minimize, "keep the first witness found instead of searching n = 2, 3, ...");
  check->add_flag("--progress", progress, "print progress to standard error (default when it is a terminal)");
  check->add_flag("--quiet,-q", quiet, "no report on standard output; only the exit code (and --output)");

  auto* ops = app.add_subcommand("ops", "list the supported operators with their attributes");
  std::string ops_format = "text";
  ops->add_option("--format", ops_format, "text or markdown (the README table)")->check(CLI::IsMember({"text", "markdown"}));

  auto* validate = app.add_subcommand("validate", "check a graph file and print the type of every value");
  std::string validate_path;
  std::vector<std::string> validate_dims;
  validate->add_option("GRAPH", validate_path, "graph file")->required();
  validate->add_option("--dim", validate_dims, "NAME=SIZE for a named dimension (repeatable)")->allow_extra_args(false);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : permeq::exit_code::bad_input;
  }

  try {
    if (*ops) {
      std::cout << operators_table(ops_format);
      return 0;
    }
    if (*validate) {
      const auto g = permeq::instantiate(permeq::load_graph_json(validate_path), parse_dims(validate_dims));
      for (const auto& [name, type] : g.types) std::cout << name << ": " << permeq::to_string(type) << "\n";
      std::cout << validate_path << ": valid (" << g.graph.nodes.size() << " nodes)\n";
      return 0;
    }
    permeq::CheckOptions options;
    for (const auto& p : permute) options.permute.push_back(permeq::parse_permuted_input(p));
    options.tokens = seq_len;
    options.dims = parse_dims(dims);
    options.trials = trials;
    options.seed = seed;
    options.minimize_witness = !no_minimize;
    if (progress || (!quiet && isatty(STDERR_FILENO)))
      options.progress = [](const std::string& line) { std::cerr << "permeq: " << line << "\n"; };
    const auto graph = permeq::load_graph_json(graph_path);
    const auto report = permeq::check_forward(graph, options);
    const std::string text = format == "json" ? permeq::format_json(report)
                                              : permeq::format_text(report, {.all_nodes = !culprits_only, .color = output_path.empty() && isatty(STDOUT_FILENO)});
    if (!quiet || !output_path.empty()) {
      std::ofstream file;
      *open_output(output_path, file) << text;
    }
    return report.exit_code();
  } catch (const permeq::Error& e) {
    std::cerr << "permeq: error: " << e.what() << "\n";
    return permeq::exit_code_for(e.kind());
  } catch (const std::exception& e) {
    std::cerr << "permeq: internal error: " << e.what() << "\n";
    return permeq::exit_code::internal;
  }
}
