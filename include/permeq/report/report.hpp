// permeq/report/report.hpp: rendering a CheckReport for people (text, HTML) and for machines (JSON).
//
// The JSON schema is versioned ("schema": "permeq-report/1") and documented in
// docs/report-format.md; fields are only ever added within a version.
#pragma once

#include "permeq/check/checker.hpp"
#include "permeq/check/measure.hpp"
#include "permeq/check/symmetries.hpp"
#include "permeq/core/version.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace permeq {

inline constexpr const char* report_schema = "permeq-report/1";

struct TextOptions {
  bool all_nodes = true;  ///< one row per node; false lists only culprits and unknowns
  bool color = false;     ///< ANSI colours for verdicts
};

[[nodiscard]] std::string format_text(const CheckReport& report, const TextOptions& options = {});
[[nodiscard]] std::string format_json(const CheckReport& report);

/// `permeq symmetries`: each generator family with its axes and proof, then the rejected
/// candidates; JSON schema "permeq-symmetries/1".
[[nodiscard]] std::string format_symmetries_text(const SymmetryReport& report);
[[nodiscard]] std::string format_symmetries_json(const SymmetryReport& report);

/// `permeq measure`: per size, the outputs (error distribution, by displacement, symmetric
/// fraction) and the nodes (error by node, the first above rounding); JSON schema
/// "permeq-measure/1"; SVG: the largest and median error by node in evaluation order (log scale),
/// and each output's symmetric fraction against n with its confidence interval. The SVG is drawn
/// here, with no plotting library.
[[nodiscard]] std::string format_measurement_text(const Measurement& measurement);
[[nodiscard]] std::string format_measurement_json(const Measurement& measurement);
[[nodiscard]] std::string format_measurement_svg(const Measurement& measurement);

/// JUnit XML: one test case per output and expected property, one per culprit (skipped when
/// permitted). Failures carry the culprit and its witness.
[[nodiscard]] std::string format_junit(const CheckReport& report);

/// Where the nodes of the graph file are, for reports that point into it (SARIF).
struct SourceMap {
  std::string uri;                             ///< the graph file as given
  std::map<std::string, int, std::less<>> node_lines;  ///< node name -> 1-based line
  /// The repository's root (SARIF's %SRCROOT%): the graph file is named relative to it, so code
  /// scanning can map results to the repository wherever the check ran. Empty: the current
  /// directory.
  std::string root;
};

/// SARIF 2.1.0: one result per culprit (suppressed when permitted), per unmet expectation and
/// per unknown node, located at the node (logical location) and its line in the graph file. The
/// file's URI is relative to the uriBaseId %SRCROOT% (`source.root`, given in the run's
/// originalUriBaseIds as a file:// URI) when the file lies under it, else an absolute file:// URI.
[[nodiscard]] std::string format_sarif(const CheckReport& report, const SourceMap& source = {});

/// A Markdown summary for a pull-request comment: verdict, outputs and culprits tables.
[[nodiscard]] std::string format_markdown(const CheckReport& report);

/// Graphviz DOT: modules as clusters, nodes coloured by verdict, culprits red with their witness.
[[nodiscard]] std::string format_dot(const CheckReport& report, const Graph& graph);

/// `permeq explain`: how the action reaches a node, its obligation, and the evidence or the
/// witness, in plain words. Throws permeq::Error(Usage) for an unknown node.
[[nodiscard]] std::string format_explanation(const CheckReport& report, const Graph& graph, const std::string& node);

struct HtmlOptions {
  std::string command;  ///< the command line that produced the report, shown as it was typed
  /// Graphs with more nodes than this open with their repeated blocks folded (one box per block);
  /// the blocks the path to the first culprit runs through stay open.
  std::size_t fold_above_nodes = 150;
};

/// One self-contained HTML page (inline SVG, a little JavaScript, no network): the summary, the
/// graph with modules as collapsible clusters coloured by verdict and the path from a permuted
/// input to the first culprit highlighted, and a panel per node with its obligation, proof and
/// witness tables; the backward, intra-token and instance reports when present. Its data is the
/// JSON report (format_json) without the witnesses' whole-graph draws.
[[nodiscard]] std::string format_html(const CheckReport& report, const Graph& graph, const HtmlOptions& options = {});

/// The report formats by name, for the command line.
inline constexpr std::string_view report_formats[] = {"text", "json", "junit", "sarif", "markdown", "html"};

/// What some formats need besides the report: the graph (html) and the command line (html).
struct ReportContext {
  SourceMap source;
  TextOptions text;
  const Graph* graph = nullptr;
  HtmlOptions html;
};

/// Renders `report` in `format` (one of `report_formats`); throws permeq::Error(Usage) otherwise,
/// and for "html" without a graph.
[[nodiscard]] std::string format_report(const CheckReport& report, std::string_view format, const ReportContext& context = {});

/// "[[1/2, 3], [0, -1]]", eliding the middle of large tensors.
[[nodiscard]] std::string format_tensor(const Tensor<Rational>& tensor, std::size_t max_elements = 24);

}  // namespace permeq
