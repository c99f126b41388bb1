// src/check/findings.hpp: the one interface between the checking engines and the report. An
// engine (the exact runs, the numeric float runs) states what it saw at every node as a
// NodeFinding, and the numeric engine what its end-to-end pass saw at the outputs; one assembly
// turns findings into node verdicts and follows breaks downstream (which breaking nodes are
// culprits, which inherit; src/check/node_verdicts.cpp), and, after the proof phase has had its
// say on the nodes, decides the outputs and lists the culprits that reach an output that fails
// (src/check/output_verdicts.cpp). Internal to permeq_check.
#pragma once

#include "src/check/analysis.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace permeq {

/// What an engine's test of one node showed.
enum class Evidence {
  Independent,  ///< no input depends on the permuted inputs: invariant by an exact argument
  NoClaim,      ///< the node's claim cannot be represented (the reason is the note)
  NotTested,    ///< evaluation failed or was skipped, or the time budget ran out (the note says which)
  Refuted,      ///< the inputs move as claimed and the output does not: a break (a witness where replayed)
  Undecided,    ///< a difference the engine could not confirm (stand-in values, rounding)
  NoBreakSeen,  ///< the claim held on every run
};

struct NodeFinding {
  Evidence evidence = Evidence::NotTested;
  Method method = Method::None;
  std::string note;  ///< the engine's account of its evidence
  std::optional<Witness> witness;
  /// Refuted: only on runs where the node's inputs were already broken upstream; with a culprit
  /// upstream the break is local to the node's obligation, and the node inherits.
  bool local = false;
  /// NoBreakSeen: a value the node produces was seen broken on a run (it receives a broken value).
  bool receives_broken = false;
  std::optional<double> miss_probability;                 ///< NoBreakSeen: bound on a missed break
  std::optional<double> max_abs_error, max_rel_error, tolerance;  ///< numeric engine's figures
};

/// What the numeric engine's forward pass on the moved inputs showed at one output: whether it
/// differs from every candidate claim far above rounding, and how (or why it does not).
struct FloatOutputFinding {
  bool shown = false;
  std::string how;
};

struct EngineFindings {
  std::vector<NodeFinding> nodes;  ///< in evaluation order
  std::map<std::string, FloatOutputFinding, std::less<>> float_outputs;
};

/// Where the engines' semantics differ, as parameters of the one assembly.
struct AssemblyRules {
  /// Numeric engine: downstream of a culprit every tested node that does not break itself
  /// inherits, its own figures kept as its note (its test ran on broken values, which says nothing
  /// of its claim). Exact engine: only a node whose value the runs saw broken inherits.
  bool inherit_downstream = false;
  /// Numeric engine: outputs are judged by its end-to-end float pass (instance-level evidence).
  /// Exact engine: an output holds by a proof or the exact runs' evidence and breaks only with a
  /// witness of the whole graph confirmed with the real functions.
  bool float_outputs = false;
};

/// Node verdicts from the findings: Breaks for a refuted node (a culprit unless `permitted`), or
/// Inherits when a culprit upstream explains it; holds where no break was seen; Unknown otherwise.
/// Fills report.nodes in evaluation order.
void assemble_nodes(const Analysis& a, const EngineFindings& findings, const std::map<std::size_t, std::string>& permitted,
                    const AssemblyRules& rules, CheckReport& report);

/// How breaks, permitted breaks and proofs reach every value, from the node verdicts.
struct ValueFlow {
  std::map<std::string, std::set<std::string>, std::less<>> culprits, assumed;
  std::set<std::string, std::less<>> proved, generic, end_to_end;
  std::set<std::string, std::less<>> undecided;  ///< downstream of a node left unknown
  [[nodiscard]] const std::set<std::string>& culprits_of(const std::string& value) const;
  [[nodiscard]] const std::set<std::string>& assumed_of(const std::string& value) const;
};
[[nodiscard]] ValueFlow value_flow(const Analysis& a, const CheckReport& report);

}  // namespace permeq
