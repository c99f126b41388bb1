// Differential testing of the three engines on seeded random graphs: token-wise blocks, attention,
// pooling, and position-dependent operators inserted at random places. The prover (working alone,
// as on a graph too large for exact evaluation), the exact engine and the numeric engine must
// never disagree as "proved" against "breaks with a replayed witness", and every engine must find
// an inserted culprit. PERMEQ_DIFFERENTIAL_GRAPHS sets how many graphs (default 300);
// scripts/differential.sh runs thousands and prints the counts.
#include <doctest/doctest.h>

#include <permeq/permeq.hpp>

#include <cstdlib>
#include <random>

using namespace permeq;

namespace {

struct RandomGraph {
  Graph graph;
  std::string culprit;  ///< the inserted position-dependent node ("" when none)
};

RandomGraph random_graph(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto pick = [&](int bound) { return static_cast<int>(rng() % static_cast<std::uint64_t>(bound)); };
  GraphBuilder b("random_" + std::to_string(seed));
  b.dim("seq", 4);
  constexpr std::int64_t d = 4;
  Value x = b.input("x", {"seq", d});
  const int blocks = 2 + pick(3);
  const int break_at = pick(2) == 0 ? pick(blocks) : -1;
  std::string culprit;
  for (int block = 0; block < blocks; ++block) {
    const std::string name = "block" + std::to_string(block);
    if (block == break_at) {
      switch (pick(5)) {
        case 0: x = b.learned_positions(x, d, 8, name + "_pe"); culprit = "add_" + name + "_pe"; break;
        case 1: x = b.node1("CumSum", {x}, {{"axis", std::int64_t{0}}}, name + "_cumsum"); culprit = name + "_cumsum"; break;
        case 2: {
          AttentionConfig c;
          c.d_model = d;
          c.causal = true;
          x = b.attention(x, c, name + "_causal");
          culprit = name + "_causal/apply_causal_mask";
          break;
        }
        case 3: x = b.add(x, b.weight(name + "_table", {"seq", d})); culprit = b.graph().nodes.back().name; break;
        default: {
          x = b.node1("Concat", {b.node1("Slice", {x}, {{"starts", std::vector<Dim>{1}}, {"ends", std::vector<Dim>{"seq"}}}, name + "_drop_first"),
                                 b.node1("Slice", {x}, {{"starts", std::vector<Dim>{0}}, {"ends", std::vector<Dim>{1}}}, name + "_first")},
                      {{"axis", std::int64_t{0}}}, name + "_roll");
          culprit = name + "_drop_first";
        }
      }
      continue;
    }
    switch (pick(6)) {
      case 0: x = b.linear(x, d, d, name + "_linear"); break;
      case 1: x = b.activation(b.linear(x, d, d, name + "_fc"), static_cast<Activation>(pick(5))); break;
      case 2: x = b.layer_norm(x, d, name + "_norm"); break;
      case 3: {
        AttentionConfig c;
        c.d_model = d;
        x = b.add(x, b.attention(x, c, name + "_attn"));
        break;
      }
      case 4: x = b.node1("Softmax", {x}, {{"axis", std::int64_t{pick(2) == 0 ? 0 : -1}}}, name + "_softmax"); break;
      default: x = b.rms_norm(x, d, name + "_rms");
    }
  }
  switch (pick(3)) {
    case 0: x = b.mean_pool(x); break;
    case 1: x = b.max_pool(x); break;
    default: break;
  }
  b.output(x);
  return {b.build(), culprit};
}

}  // namespace

TEST_CASE("prover, exact and numeric engines agree on random graphs, and inserted culprits are found") {
  const char* requested = std::getenv("PERMEQ_DIFFERENTIAL_GRAPHS");
  const std::uint64_t count = requested ? std::strtoull(requested, nullptr, 10) : 300;
  int graphs = 0, nodes = 0, agreements = 0, unknowns = 0, inserted = 0, disagreements = 0;
  for (std::uint64_t seed = 1; seed <= count; ++seed) {
    const auto [graph, culprit] = random_graph(seed);
    CAPTURE(graph.name);
    CheckOptions exact_only, prover_only;
    exact_only.engine = Engine::Exact;
    prover_only.max_exact_values = 0;
    const CheckReport exact = check_forward(graph, exact_only);
    const CheckReport proved = check_forward(graph, prover_only);
    CheckOptions numeric_only;
    numeric_only.engine = Engine::Numeric;
    numeric_only.seed = seed;
    const CheckReport numeric = check_forward(graph, numeric_only);
    REQUIRE(exact.nodes.size() == proved.nodes.size());
    REQUIRE(numeric.nodes.size() == proved.nodes.size());
    ++graphs;
    for (std::size_t i = 0; i < exact.nodes.size(); ++i) {
      const auto& e = exact.nodes[i];
      const auto& p = proved.nodes[i];
      const auto& f = numeric.nodes[i];
      CAPTURE(e.node);
      ++nodes;
      if (p.verdict == Verdict::Unknown || e.verdict == Verdict::Unknown || f.verdict == Verdict::Unknown) {
        ++unknowns;
        continue;
      }
      // The contradiction that would be a bug: a proof against a replayed witness.
      const bool contradiction = p.proved && (e.verdict == Verdict::Breaks || f.verdict == Verdict::Breaks);
      CHECK_FALSE(contradiction);
      disagreements += contradiction;
      if (p.verdict == Verdict::Breaks) CHECK(replay_witness(graph, p.node, *p.witness));
      if (e.verdict == Verdict::Breaks) CHECK(replay_witness(graph, e.node, *e.witness));
      if (f.verdict == Verdict::Breaks) CHECK(replay_witness(graph, f.node, *f.witness));
      const bool p_breaks = p.verdict == Verdict::Breaks, e_breaks = e.verdict == Verdict::Breaks, f_breaks = f.verdict == Verdict::Breaks;
      if (p_breaks == e_breaks && e_breaks == f_breaks) ++agreements;
      else  // allowed (no proof contradicts a witness), but worth reading
        MESSAGE("engines differ without contradiction at " << graph.name << " / " << e.node << ": prover " << to_string(p.verdict) << ", exact "
                                                          << to_string(e.verdict) << ", numeric " << to_string(f.verdict) << " (" << f.note << ")");
    }
    if (!culprit.empty()) {
      ++inserted;
      CHECK(std::find(exact.culprits.begin(), exact.culprits.end(), culprit) != exact.culprits.end());
      CHECK(std::find(proved.culprits.begin(), proved.culprits.end(), culprit) != proved.culprits.end());
      CHECK(std::find(numeric.culprits.begin(), numeric.culprits.end(), culprit) != numeric.culprits.end());
      // The break usually reaches the output; it may also cancel (a roll of the tokens before mean
      // pooling), which the exact run then shows: never unknown when the exact engine ran.
      CHECK(exact.outputs[0].verdict != Verdict::Unknown);
    } else {
      CHECK(exact.culprits.empty());
      CHECK(proved.outputs[0].proved);
    }
  }
  MESSAGE("differential: " << graphs << " graphs, " << nodes << " nodes, " << agreements << " agreements, " << unknowns << " unknown, "
                           << disagreements << " disagreements, " << inserted << " with an inserted culprit");
  CHECK(graphs == static_cast<int>(count));
}
