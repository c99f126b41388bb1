// permeq command-line interface: a thin layer over the library (permeq/permeq.hpp).

#include "permeq/permeq.hpp"
#include "src/cli/commands.hpp"
#include "src/report/wording.hpp"

#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace {

using permeq::cli::command_line;
using permeq::cli::onnx_operators_table;
using permeq::cli::operators_table;
using permeq::cli::run_export;
using permeq::cli::run_prove;
using permeq::cli::write_file;
using permeq::cli::write_pictures;

constexpr const char* exit_codes_help = R"(
Exit codes:
  0  every output is equivariant or invariant (with --policy: every expectation holds)
  1  some output breaks (a culprit node and an exact witness are reported); with --policy: some
     expectation is decided false (an output breaks, or has another symmetry than expected)
  2  inconclusive (some output unknown, none breaks)
  3  usage or input error (bad flag, malformed graph or policy, unknown operator, bad --permute)
  4  internal error (a bug in permeq: please report it)
  5  --device cuda, but no GPU is visible or permeq was built without the CUDA backend
)";

constexpr const char* symmetries_exit_codes = R"(
Exit codes:
  0  every listed symmetry is proved, and every per-head permutation and general-linear generator is proved
  2  some listed symmetry or per-head generator is not proved, or a per-head check fails on a draw
  3  usage or input error (bad flag, malformed graph, unknown operator)
  4  internal error (a bug in permeq: please report it)
)";

constexpr const char* equivalent_exit_codes = R"(
Exit codes:
  0  equivalent: same graph, every weight the original's moved by proved symmetries (found, or drawn with --key)
  1  not shown equivalent (the reason is printed)
  3  usage or input error (bad flag, unreadable or malformed model)
  4  internal error (a bug in permeq: please report it)
)";

/// Commands that only read and write files: ops, validate, permute, export-proofs.
constexpr const char* file_command_exit_codes = R"(
Exit codes:
  0  done
  3  usage or input error (bad flag, unreadable or malformed file, a folder that cannot be written)
  4  internal error (a bug in permeq: please report it)
)";

constexpr const char* overview_exit_codes = R"(
Exit codes: each command's --help lists its own. In every command, 3 is a usage or input error
(one line "permeq: error: ..." names the file, node or flag) and 4 an internal error.
)";

/// Input errors found after the graph was read (unbound sizes, shape mismatches) come from code
/// that never saw the file; the CLI names it for them.
std::string graph_in_use;

constexpr const char* check_help = R"(Decides, node by node, whether the graph is equivariant under permutations of the tokens:
f(P x) = P f(x), or invariant f(P x) = f(x) after pooling. Inputs and weights are drawn as random
exact rationals; each node is tested under both generators of S_n (a transposition and the
n-cycle), and a node whose inputs transform correctly but whose output does not is reported as
the culprit, with the smallest exact witness found (n = 2, 3, ...). Then Z3 proves each node's
obligation: by a size-generic lemma of its family (for all n, all widths) or at the graph's sizes
(bounded). "proved" appears only where a proof exists, with its scope.

Which inputs are permuted: --permute NAME:AXIS (repeatable). Default: the graph's "token_axis"
entries, else every input with an axis named seq, tokens or n.

Backward (--direction backward|both, --loss LOSS): the graph is differentiated in reverse mode
into an ordinary gradient graph (forward nodes, the loss, one derivative rule per node), which the
same engines check: input gradients must permute with the tokens and weight gradients must not
change. The loss's target or labels are permuted with the tokens. A loss that pairs positions
(next-token-ce, position-weighted) is reported as the culprit.

Intra-token (--property intra|all; Xu et al., CVPR 2024): a permutation Q of the features acts on
the last axis of each float input (or the axes --permute names), and permeq infers which weight
axes must be permuted with it so that f_{T(W)}(XQ) = f_W(X) Q: node by node, the fewest permuted
weight axes that make the node's exact test pass (rows of W_Q, W_K, W_V and of the first MLP layer,
columns of the output projections, LayerNorm scale and bias). The report lists that transform;
weights it leaves alone keep their own symmetries. A node no transform of its weights repairs (a
fixed scale over features, a buffer) is the culprit, with a witness. Proofs are bounded, at the
graph's widths. "all" checks token permutations, then feature permutations.

Examples:
  permeq check examples/graphs/encoder_learned_pe.json
  permeq check examples/graphs/deepsets.json --direction both --loss mse
  permeq check examples/graphs/encoder_nopos.json --property intra --direction both
  permeq check model.json --permute x:0 --permute mask:0 --seq-len 6 --format json -o report.json
  permeq check model.json --policy permeq.yaml --report junit=permeq.xml --report sarif=permeq.sarif
  permeq check examples/graphs/gpt_causal.json --dot causal.dot --svg causal.svg
  permeq check examples/graphs/gpt_causal.json --format html -o causal.html   (open it in a browser))";

constexpr const char* symmetries_help = R"(Lists the permutation symmetries of the weight space (Xu et al.; Tran et al. for attention):
permutations of the residual stream's features, of each MLP's hidden units, of attention heads
(as blocks) and of the coordinates within heads (the same permutation in every head, and each
head's own: the wreath product S_dh wr S_h), Tran et al.'s per-head GL maps, and the group they
generate with its order. Each per-head generator (one head's transposition and cycle; one
transvection and one scaling with c symbolic) is proved by following the values it reaches until
each is shown equal, and checked on exact draws. Every
axis of every trained weight is tried as a seed, plainly and as head blocks where a reshape
splits it into heads; the weight transform is inferred as in `check --property intra`, and each
candidate is checked and proved (bounded, at the graph's widths). Candidates no transform makes
work are listed as rejected with the node that fails (a permutation that mixes heads fails at the
head split).

Examples:
  permeq symmetries examples/graphs/encoder_nopos.json
  permeq symmetries model.onnx --format json)";

constexpr const char* measure_help = R"(Measures how far the model, with its stored weights (random ones where it stores none), is from
token-permutation equivariance, as numbers: for random inputs (or --inputs-file) and uniformly
random permutations sigma of the tokens, every node's relative error
||v(sigma x) - sigma v(x)|| / ||v(x)|| (mean, median, p95, max), in the numeric engine's floating
point. Per output also the error against the number of tokens sigma moves, adjacent against
distant transpositions, and the symmetric fraction: the share of the output's energy in its
S_n-symmetric part (the group average sigma^-1 f(sigma x), Monte Carlo with a 95% confidence
interval); for an invariant readout, the trivial and standard isotypic components. Errors up to
the rounding level are rounding; the first node above it is where the symmetry breaks.
A measurement, not a proof: `permeq check` decides.

Examples:
  permeq measure examples/graphs/encoder_learned_pe.json --svg measure.svg
  permeq measure examples/graphs/encoder_learned_pe.json --seq-len 2,4,8,16 --format json -o measure.json
  permeq measure model.onnx --inputs-file batch.safetensors)";

constexpr const char* measure_exit_codes = R"(
Exit codes:
  0  measured (a measurement has no verdict: see `permeq check` for one)
  3  usage or input error (bad flag, unreadable or malformed model or inputs file)
  4  internal error (a bug in permeq: please report it)
)";

/// A progress bar on standard error (a terminal), redrawn in place at most every 1%.
void draw_progress_bar(std::string_view stage, std::size_t done, std::size_t total) {
  static std::size_t last_percent = 101;
  const std::size_t percent = total ? done * 100 / total : 100;
  if (percent == last_percent && done != total) return;
  last_percent = percent;
  constexpr std::size_t width = 30;
  const std::size_t filled = percent * width / 100;
  std::cerr << "\rpermeq: " << stage << " [" << std::string(filled, '#') << std::string(width - filled, '.') << "] " << done << "/" << total
            << " nodes" << (done == total ? "\n" : "") << std::flush;
  if (done == total) last_percent = 101;
}

/// A factor given on the command line: a finite number above `low` (or at least `low` when
/// `inclusive`), checked when the flags are read, so that a bad factor is an error even where the
/// numeric engine runs only as the instance check of --engine auto.
CLI::Validator factor_validator(double low, bool inclusive, const std::string& requirement) {
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        const bool ok = end != text.c_str() && *end == '\0' && std::isfinite(value) && (inclusive ? value >= low : value > low);
        return ok ? std::string() : requirement + ", got '" + text + "'";
      },
      "FACTOR");
}

/// Options shared by every command that runs the checker.
struct EngineFlags {
  std::string graph_path, weights_path;
  std::vector<std::string> permute, dims;
  std::optional<std::int64_t> seq_len;
  std::optional<int> trials;
  std::optional<std::uint64_t> seed;
  std::string policy_path;
  std::string engine = "auto", device = "cpu";
  std::string direction = "forward", loss = "sum", property = "inter";
  permeq::ProofLimits limits;
  bool no_minimize = false, progress = false, float64 = false;
  int threads = 0;
  std::optional<double> tolerance, unknown_band;

  /// `checking`: the flags of a check (which inputs, engine, direction, loss, property); the
  /// weight-space commands (symmetries, permute) take only the model, sizes, draws and limits.
  void add_to(CLI::App* app, bool checking = true) {
    app->add_option("GRAPH", graph_path, "model: permeq JSON graph (docs/graph-format.md) or ONNX file (.onnx)")->required();
    app->add_option("--weights", weights_path,
                    "safetensors file (or a sharded checkpoint's model.safetensors.index.json) with the weights of the graph's parameters, "
                    "by name (PyTorch's dotted names; nn.Linear's [out, in] read from files saved by PyTorch)");
    if (checking)
      app->add_option("--permute", permute,
                      "INPUT:AXIS permuted by the permutation (repeatable); with --property intra also a weight, and "
                      ":blocks=B (move heads of B positions) or :runs=R (alike inside R heads)")->allow_extra_args(false);
    app->add_option("--seq-len,-n", seq_len, "number of tokens n (default: the graph's size for the token dimension, else 4)");
    app->add_option("--dim", dims, "NAME=SIZE for another named dimension (repeatable)")->allow_extra_args(false);
    app->add_option("--trials", trials, "independent random draws per generator (default 3)")->check(CLI::Range(1, 1000));
    app->add_option("--seed", seed, "seed of the random draws; runs are reproducible (default 20240617)");
    if (!checking) {
      app->add_option("--timeout-ms", limits.timeout_ms, "time limit per solver query; a timeout is unknown, never a pass")->capture_default_str();
      app->add_option("--memory-mb", limits.memory_mb, "memory limit of the solver")->capture_default_str();
      app->add_flag("--progress", progress, "print progress to standard error (default when it is a terminal)");
      return;
    }
    app->add_option("--policy", policy_path, "YAML policy: expectations, permitted breaks, engine settings (docs/policy.md)");
    app->add_option("--engine", engine,
                    "auto: exact test, then Z3 proofs of what holds; proof: only proofs count; exact: random exact tests only; "
                    "numeric: the same tests in floating point on the model's own weights (large models, trained weights)")
        ->check(CLI::IsMember({"auto", "proof", "exact", "numeric"}))
        ->capture_default_str();
    app->add_option("--direction", direction,
                    "forward: f(Px) = P f(x); backward: gradients of --loss (input gradients permuted, weight gradients "
                    "unchanged); both")
        ->check(CLI::IsMember({"forward", "backward", "both"}))
        ->capture_default_str();
    app->add_option("--property", property,
                    "inter: permutations of the tokens; intra: permutations of the features, with the weight transform "
                    "inferred (see below); all: both")
        ->check(CLI::IsMember({"inter", "intra", "all"}))
        ->capture_default_str();
    std::string loss_help = "loss for --direction backward|both, optionally LOSS:OUTPUT:";
    for (const auto& l : permeq::losses()) loss_help += "\n  " + std::string(l.name) + ": " + std::string(l.summary);
    app->add_option("--loss", loss, loss_help)->capture_default_str();
    app->add_option("--timeout-ms", limits.timeout_ms, "time limit per solver query; a timeout is unknown, never a pass")->capture_default_str();
    app->add_option("--memory-mb", limits.memory_mb, "memory limit of the solver")->capture_default_str();
    app->add_option("--threads", threads, "threads of the numeric engine's matrix products (default: all cores)")->check(CLI::Range(0, 1024));
    app->add_flag("--float64", float64, "numeric engine in float64 instead of float32");
    app->add_option("--device", device,
                    "numeric engine's device: cpu; cuda (a GPU, float32; exit 5 without one); auto (a visible GPU, else the CPU)")
        ->check(CLI::IsMember({"cpu", "cuda", "auto"}))
        ->capture_default_str();
    app->add_option("--tolerance", tolerance,
                    "numeric engine: a node agrees when its two sides differ by at most FACTOR times the rounding bound (K + 4) u M "
                    "(default 8)")
        ->check(factor_validator(0.0, false, "must be a positive factor"));
    app->add_option("--unknown-band", unknown_band,
                    "numeric engine: a node breaks when the difference exceeds FACTOR tolerances, and is unknown between 1 and FACTOR "
                    "(default 100; 1: no unknown band)")
        ->check(factor_validator(1.0, true, "must be a factor of at least 1 (1: no unknown band)"));
    app->add_flag("--no-minimize", no_minimize, "keep the first witness found instead of searching n = 2, 3, ...");
    app->add_flag("--progress", progress, "print progress to standard error (default when it is a terminal)");
  }

  /// Reads GRAPH (JSON or ONNX, with --weights); the sequence length reaches the ONNX importer so
  /// shapes it cannot name are fixed at the length checked.
  [[nodiscard]] permeq::LoadedModel load() const {
    permeq::ModelLoadOptions o;
    o.onnx.seq_len = seq_len;
    o.onnx.dims = options(std::nullopt, true).dims;
    if (!permute.empty()) {
      const auto first = permeq::parse_permuted_input(permute.front());
      o.onnx.permuted_axis = std::pair{first.input, first.axis};
    }
    o.weights_path = weights_path;
    auto model = permeq::load_model(graph_path, o);
    graph_in_use = graph_path;
    for (const auto& note : model.notes) std::cerr << "permeq: note: " << graph_path << ": " << note << "\n";
    if (model.format != permeq::ModelFormat::Onnx) {  // the ONNX importer checks --dim against the model's dynamic axes
      const auto known = permeq::dimension_names(model.graph);
      for (const auto& [name, size] : o.onnx.dims)
        if (!known.count(name)) {
          std::string names;
          for (const auto& d : known) names += (names.empty() ? "" : ", ") + d;
          throw permeq::Error(permeq::ErrorKind::Usage, graph_path + ": --dim " + name + "=" + std::to_string(size) + ": the graph has no dimension '" +
                                                            name + "' (" + (names.empty() ? "it has no named dimensions" : "its dimensions: " + names) + ")");
        }
    }
    for (const auto& text : permute) note_counted_from_end(model.graph, text);
    return model;
  }

  /// Python counts axes from the end with negative numbers, and so does --permute; say which axis
  /// that is, since the report shows the axis counted from the front.
  static void note_counted_from_end(const permeq::Graph& graph, const std::string& text) {
    const auto spec = permeq::parse_permuted_input(text);
    if (spec.axis >= 0) return;
    const permeq::SymbolicShape* shape = nullptr;
    if (const auto* in = graph.find_input(spec.input)) shape = &in->shape;
    else if (const auto* p = graph.find_parameter(spec.input)) shape = &p->info.shape;
    if (!shape) return;  // the checker names the unknown input
    const auto rank = static_cast<std::int64_t>(shape->size());
    if (spec.axis < -rank) return;  // the checker says it is out of range
    std::cerr << "permeq: note: --permute " << text << " counts from the end: axis " << rank + spec.axis << " of '" << spec.input << "'"
              << (spec.axis == -1 ? ", its last axis" : "") << "\n";
  }

  [[nodiscard]] std::optional<permeq::Policy> policy() const {
    if (policy_path.empty()) return std::nullopt;
    return permeq::load_policy(policy_path);
  }

  [[nodiscard]] permeq::CheckOptions options(const std::optional<permeq::Policy>& policy, bool quiet) const {
    permeq::CheckOptions o;
    if (policy) permeq::apply_policy(*policy, o);
    for (const auto& p : permute) o.permute.push_back(permeq::parse_permuted_input(p));
    if (seq_len) o.tokens = seq_len;
    for (const auto& t : dims) {
      const auto eq = t.find('=');
      try {
        if (eq == std::string::npos || eq == 0) throw std::invalid_argument("no =");
        o.dims[t.substr(0, eq)] = std::stoll(t.substr(eq + 1));
      } catch (const std::logic_error&) {
        throw permeq::Error(permeq::ErrorKind::Usage, "--dim expects NAME=SIZE, got '" + t + "'");
      }
    }
    if (trials) o.trials = *trials;
    if (tolerance) o.numeric_tolerance_factor = *tolerance;
    if (unknown_band) o.numeric_unknown_band = *unknown_band;
    if (seed) o.seed = *seed;
    o.property = permeq::parse_property(property);
    o.engine = engine == "proof"     ? permeq::Engine::Proof
               : engine == "exact"   ? permeq::Engine::Exact
               : engine == "numeric" ? permeq::Engine::Numeric
                                     : permeq::Engine::Auto;
    o.threads = threads;
    o.device = permeq::parse_device(device);
    o.precision = float64 ? permeq::Precision::Float64 : permeq::Precision::Float32;
    o.proof_limits = limits;
    o.minimize_witness = !no_minimize;
    if (progress || (!quiet && isatty(STDERR_FILENO)))
      o.progress = [](const std::string& line) { std::cerr << "permeq: " << line << "\n"; };
    if (!quiet && isatty(STDERR_FILENO)) o.advance = draw_progress_bar;
    return o;
  }
};


/// Writes the DOT file and, when asked, renders it to SVG with Graphviz.
}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"permeq: proves or refutes permutation equivariance of transformer graphs"};
  app.footer(overview_exit_codes);
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("permeq ") + PERMEQ_VERSION_STRING);

  auto* check = app.add_subcommand("check", "check token-permutation equivariance of a graph, node by node");
  check->footer(std::string(check_help) + "\n" + exit_codes_help);
  EngineFlags engine;
  engine.add_to(check);
  std::string format = "text", output_path, dot_path, svg_path;
  std::vector<std::string> reports;
  bool quiet = false, culprits_only = false;
  std::vector<std::string> formats(std::begin(permeq::report_formats), std::end(permeq::report_formats));
  check->add_option("--format", format, "report format on standard output (or --output)")->check(CLI::IsMember(formats))->capture_default_str();
  check->add_option("--output,-o", output_path, "write the --format report to FILE instead of standard output");
  check->add_option("--report", reports, "FORMAT=FILE: also write a report in FORMAT (text, json, junit, sarif, markdown, html); repeatable")
      ->allow_extra_args(false);
  check->add_option("--dot", dot_path, "write a Graphviz picture: modules as clusters, culprits in red with their witness");
  check->add_option("--svg", svg_path, "render the picture to SVG (needs Graphviz's dot)");
  check->add_flag("--culprits-only", culprits_only, "text report: list only culprits and unknown nodes");
  check->add_flag("--quiet,-q", quiet, "no report on standard output; only the exit code (and files)");
  std::string source_root;
  check->add_option("--source-root", source_root,
                    "SARIF: the repository's root (%SRCROOT%); the graph file is named relative to it (default: the current directory)");

  auto* symmetries = app.add_subcommand("symmetries", "list the weight-space permutation symmetries permeq can prove for a graph");
  symmetries->footer(std::string(symmetries_help) + "\n" + symmetries_exit_codes);
  EngineFlags symmetries_engine;
  symmetries_engine.add_to(symmetries, false);
  std::string symmetries_format = "text";
  symmetries->add_option("--format", symmetries_format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();

  auto* permute = app.add_subcommand("permute", "write the model with its weights moved by a random proved weight-space symmetry (same function)");
  EngineFlags permute_engine;
  permute_engine.add_to(permute, false);
  std::uint64_t permute_seed = 1;
  std::string permute_output;
  permute->add_option("--key", permute_seed, "seed of the random symmetry (the key of the permuted model)")->capture_default_str();
  permute->add_option("--output,-o", permute_output,
                      "the permuted model: ONNX for an ONNX model (unless OUT ends in .json), else a permeq JSON graph with its weights")
      ->required();
  permute->footer("Moves the stored weights by one random permutation per proved symmetry family that leaves inputs and outputs\n"
                  "alone (MLP hidden units, attention heads, coordinates within heads), as `permeq symmetries` lists them.\n"
                  "`permeq equivalent GRAPH OUT --key K` then proves the pair computes the same function.\n" +
                  std::string(file_command_exit_codes));

  auto* equivalent = app.add_subcommand("equivalent", "prove that a model and a permuted copy compute the same function (with or without the --key)");
  std::string equivalent_original, equivalent_candidate, equivalent_weights;
  std::optional<std::uint64_t> equivalent_seed;
  equivalent->add_option("ORIGINAL", equivalent_original, "the model (with its weights)")->required();
  equivalent->add_option("CANDIDATE", equivalent_candidate, "a permuted copy of it (permeq JSON or ONNX)")->required();
  equivalent->add_option("--weights", equivalent_weights, "safetensors weights of ORIGINAL, if it is a JSON graph without them");
  equivalent->add_option("--key", equivalent_seed,
                         "the --key given to permeq permute; without it the symmetry is searched for in the proved group (hidden units, "
                         "heads, within heads) by matching the weights");
  equivalent->footer("Without --key, each proved permutation family's permutation is recovered from the weights (positions matched\n"
                     "by the values they hold, equal ones first, else the assignment of least distance); the pair is equivalent\n"
                     "only when the original moved by them equals the candidate bit for bit. Otherwise the closest symmetry\n"
                     "found and its relative difference are printed (small for a fine-tuned copy).\n" +
                     std::string(equivalent_exit_codes));

  auto* measure = app.add_subcommand("measure", "measure how equivariant a model with its weights is: error by node, symmetric fraction");
  measure->footer(std::string(measure_help) + "\n" + measure_exit_codes);
  EngineFlags measure_flags;
  permeq::MeasureOptions measure_options;
  std::string measure_format = "text", measure_output, measure_svg;
  measure->add_option("GRAPH", measure_flags.graph_path, "model: permeq JSON graph or ONNX file (.onnx)")->required();
  measure->add_option("--weights", measure_flags.weights_path, "safetensors weights of the graph's parameters, by name");
  measure->add_option("--permute", measure_flags.permute, "INPUT:AXIS permuted with the tokens (repeatable; default as for check)")->allow_extra_args(false);
  measure->add_option("--seq-len,-n", measure_options.seq_lens, "number of tokens n; several (2,4,8) sweep n (default: the graph's size, else 4)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::Range(std::int64_t{2}, std::int64_t{1} << 20));
  measure->add_option("--dim", measure_flags.dims, "NAME=SIZE for another named dimension (repeatable)")->allow_extra_args(false);
  measure->add_option("--inputs", measure_options.inputs, "random inputs per n")->check(CLI::Range(1, 100000))->capture_default_str();
  measure->add_option("--permutations", measure_options.permutations, "uniformly random permutations per input")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  measure->add_option("--inputs-file", measure_options.inputs_file,
                      "safetensors file with a tensor per graph input, of its shape or with a leading axis of inputs, instead of random inputs");
  measure->add_option("--seed", measure_flags.seed, "seed of the weights (where not stored), inputs and permutations (default 20240617)");
  measure->add_flag("--float64", measure_flags.float64, "float64 instead of float32");
  measure->add_option("--threads", measure_flags.threads, "threads of the matrix products (default: all cores)")->check(CLI::Range(0, 1024));
  measure->add_option("--format", measure_format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  measure->add_option("--output,-o", measure_output, "write the report to FILE instead of standard output");
  measure->add_option("--svg", measure_svg, "write a plot: error by node, symmetric fraction against n");

  auto* explain = app.add_subcommand("explain", "explain one node: how the action reaches it, its obligation, its evidence or witness");
  EngineFlags explain_engine;
  explain_engine.add_to(explain);
  std::string explain_node;
  explain->add_option("--node", explain_node, "the node to explain (e.g. a culprit named by `permeq check`)")->required();
  explain->footer("Example:\n  permeq explain examples/graphs/gpt_causal.json --node block0/attn/apply_causal_mask\n" + std::string(exit_codes_help));

  auto* prove = app.add_subcommand("prove", "prove the symmetry obligations of library operators and the size-generic lemmas");
  std::vector<std::string> prove_ops;
  unsigned prove_timeout_ms = permeq::ProofLimits{}.timeout_ms;
  prove->add_option("OP", prove_ops, "operators to prove (default: every operator and every lemma)");
  prove->add_option("--timeout-ms", prove_timeout_ms, "time limit per solver query")->capture_default_str();
  prove->footer("Each operator sample (the table of `permeq ops` samples) is proved at its small sizes with its inputs\n"
                "symbolic (bounded), and by its size-generic lemma when one applies. Exit 0 when every expected\n"
                "proof and every expected refutation was obtained, 1 otherwise, 2 when a query was undecided.\n"
                "Example:\n  permeq prove Softmax LayerNorm MatMul");

  auto* export_proofs = app.add_subcommand("export-proofs", "write the SMT-LIB2 proof obligations (proofs/) of the operator library or a graph");
  std::string export_dir, export_graph;
  export_proofs->add_option("DIR", export_dir, "output folder")->required();
  export_proofs->add_option("--graph", export_graph, "also write the obligations of this graph's nodes");
  export_proofs->footer(file_command_exit_codes);

  auto* ops = app.add_subcommand("ops", "list the supported operators with their attributes");
  std::string ops_format = "text";
  bool ops_onnx = false;
  ops->add_option("--format", ops_format, "text or markdown (the README table)")->check(CLI::IsMember({"text", "markdown"}));
  ops->add_flag("--onnx", ops_onnx, "list the ONNX operators the importer reads and what each becomes");
  ops->footer(file_command_exit_codes);

  auto* validate = app.add_subcommand("validate", "check a graph file and print the type of every value");
  EngineFlags validate_flags;
  validate->add_option("GRAPH", validate_flags.graph_path, "model: permeq JSON graph or ONNX file")->required();
  validate->add_option("--weights", validate_flags.weights_path, "safetensors weights for a JSON graph");
  validate->add_option("--seq-len,-n", validate_flags.seq_len, "number of tokens n");
  validate->add_option("--dim", validate_flags.dims, "NAME=SIZE for a named dimension (repeatable)")->allow_extra_args(false);
  std::string validate_json;
  validate->add_option("--to-json", validate_json, "write the (imported) graph as permeq JSON to FILE");
  validate->footer(file_command_exit_codes);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string command;
    for (const auto* sub : app.get_subcommands()) command += " " + sub->get_name();
    std::cerr << "permeq: error: " << e.what() << " (see `permeq" << command << " --help`)\n";
    return permeq::exit_code::bad_input;
  }

  try {
    if (*ops) {
      std::cout << (ops_onnx ? onnx_operators_table(ops_format) : operators_table(ops_format));
      return 0;
    }
    if (*prove) return run_prove(prove_ops, {.timeout_ms = prove_timeout_ms});
    if (*export_proofs) return run_export(export_dir, export_graph);
    if (*validate) {
      const auto model = validate_flags.load();
      auto bindings = validate_flags.options(std::nullopt, true).dims;
      const auto g = permeq::instantiate(model.graph, bindings);
      for (const auto& [name, type] : g.types) std::cout << name << ": " << permeq::to_string(type) << "\n";
      if (!validate_json.empty()) write_file(validate_json, permeq::to_graph_json(model.graph));
      std::cout << validate_flags.graph_path << ": valid (" << permeq::count_of(g.graph.nodes.size(), "node") << ")\n";
      return 0;
    }
    if (*symmetries) {
      const auto graph = symmetries_engine.load().graph;
      const auto found = permeq::find_symmetries(graph, symmetries_engine.options(std::nullopt, false));
      std::cout << (symmetries_format == "json" ? permeq::format_symmetries_json(found) : permeq::format_symmetries_text(found));
      return found.exit_code();
    }
    if (*permute) {
      const auto model = permute_engine.load();
      const auto moved = permeq::permute_weights(model.graph, permute_seed, permute_engine.options(std::nullopt, false));
      // The permuted model in the form it came in: an ONNX model stays ONNX (unless OUT is .json).
      if (model.format == permeq::ModelFormat::Onnx && !permute_output.ends_with(".json"))
        permeq::save_onnx_with_weights(model.path, moved.graph, permute_output);
      else
        write_file(permute_output, permeq::to_graph_json(moved.graph));
      for (const auto& [family, sigma] : moved.applied)
        std::cout << permeq::to_string(family.kind) << " (n = " << family.size << ", from " << permeq::to_string(family.permuted.front()) << "): " << permeq::describe(sigma) << "\n";
      std::cout << "wrote " << permute_output << ": " << moved.applied.size() << " symmetries applied\n";
      return 0;
    }
    if (*equivalent) {
      permeq::ModelLoadOptions o;
      o.weights_path = equivalent_weights;
      const auto original = permeq::load_model(equivalent_original, o).graph;
      const auto candidate = permeq::load_model(equivalent_candidate).graph;
      const auto verdict = equivalent_seed ? permeq::prove_equivalent(original, candidate, *equivalent_seed) : permeq::find_equivalence(original, candidate);
      std::cout << (verdict.equivalent ? "equivalent: " : "not shown equivalent: ") << verdict.reason
                << (verdict.proof_scope.empty() ? "" : "; proved for " + verdict.proof_scope) << "\n";
      for (const auto& [family, sigma] : verdict.recovered)
        std::cout << "  " << (verdict.equivalent ? "" : "closest: ") << permeq::to_string(family.kind) << " (n = " << family.size << ", from "
                  << permeq::to_string(family.permuted.front()) << "): " << permeq::describe(sigma) << "\n";
      return verdict.equivalent ? permeq::exit_code::holds : permeq::exit_code::breaks;
    }
    if (*measure) {
      if (!measure_options.seq_lens.empty()) measure_flags.seq_len = measure_options.seq_lens.front();
      const auto graph = measure_flags.load().graph;
      measure_options.check = measure_flags.options(std::nullopt, true);
      const auto measured = permeq::measure_equivariance(graph, measure_options);
      write_file(measure_output.empty() ? "-" : measure_output,
                 measure_format == "json" ? permeq::format_measurement_json(measured) : permeq::format_measurement_text(measured));
      if (!measure_svg.empty()) write_file(measure_svg, permeq::format_measurement_svg(measured));
      return permeq::exit_code::holds;
    }
    if (*explain) {
      const auto policy = explain_engine.policy();
      const auto graph = explain_engine.load().graph;
      if (!graph.find_node(explain_node))
        throw permeq::Error(permeq::ErrorKind::Usage, explain_engine.graph_path + ": no node named '" + explain_node + "'");
      auto report = permeq::check_forward(graph, explain_engine.options(policy, true));
      if (policy) permeq::evaluate_policy(*policy, report);
      std::cout << permeq::format_explanation(report, graph, explain_node);
      return report.exit_code();
    }

    // check
    std::vector<std::pair<std::string, std::string>> extra_reports;
    for (const auto& r : reports) {
      const auto eq = r.find('=');
      const auto kind = r.substr(0, eq);
      if (eq == std::string::npos || eq + 1 == r.size() || std::find(formats.begin(), formats.end(), kind) == formats.end())
        throw permeq::Error(permeq::ErrorKind::Usage, "--report expects FORMAT=FILE with FORMAT one of text, json, junit, sarif, markdown, html; got '" + r + "'");
      extra_reports.emplace_back(kind, r.substr(eq + 1));
    }
    if (!source_root.empty() && !std::filesystem::is_directory(source_root))
      throw permeq::Error(permeq::ErrorKind::Usage, "--source-root " + source_root + ": not a folder");
    const auto policy = engine.policy();
    const auto model = engine.load();
    const auto& graph = model.graph;
    const auto direction = permeq::parse_direction(engine.direction);
    auto report = permeq::check(graph, direction, permeq::parse_loss(engine.loss), engine.options(policy, quiet));
    report.source = engine.graph_path;
    report.timing.insert(report.timing.begin(), {"load", model.load_seconds});
    // A policy's expectations name the forward graph's outputs; a backward-only report has others.
    if (policy && direction != permeq::Direction::Backward) permeq::evaluate_policy(*policy, report);
    const permeq::SourceMap source{engine.graph_path, model.json_text.empty() ? decltype(permeq::SourceMap::node_lines){} : permeq::locate_nodes(model.json_text),
                                   source_root};
    const permeq::ReportContext context{.source = source, .text = {.all_nodes = !culprits_only}, .graph = &graph, .html = {.command = command_line(argc, argv)}};
    auto painted = context;
    painted.text.color = output_path.empty() && isatty(STDOUT_FILENO) && format == "text";
    if (!quiet || !output_path.empty()) write_file(output_path.empty() ? "-" : output_path, permeq::format_report(report, format, painted));
    for (const auto& [kind, path] : extra_reports) write_file(path, permeq::format_report(report, kind, context));
    if ((!dot_path.empty() || !svg_path.empty()) && direction == permeq::Direction::Backward)
      throw permeq::Error(permeq::ErrorKind::Usage, "--dot and --svg draw the forward graph; use --direction forward or both");
    if (!dot_path.empty() || !svg_path.empty()) write_pictures(dot_path, svg_path, permeq::format_dot(report, graph));
    return report.exit_code();
  } catch (const permeq::Error& e) {
    std::string message = e.what();
    if ((e.kind() == permeq::ErrorKind::Input || e.kind() == permeq::ErrorKind::Evaluation) && !graph_in_use.empty() && message.rfind(graph_in_use, 0) != 0) message = graph_in_use + ": " + message;
    std::cerr << "permeq: error: " << message << "\n";
    return permeq::exit_code_for(e.kind());
  } catch (const std::filesystem::filesystem_error& e) {  // a folder or file the user named cannot be made or read
    std::cerr << "permeq: error: " << e.path1().string() << ": " << e.code().message() << "\n";
    return permeq::exit_code::bad_input;
  } catch (const std::bad_alloc&) {
    std::cerr << "permeq: error: out of memory; check at a smaller --seq-len or with --engine proof\n";
    return permeq::exit_code::inconclusive;
  } catch (const std::exception& e) {
    std::cerr << "permeq: internal error: " << e.what() << "\n";
    return permeq::exit_code::internal;
  }
}
