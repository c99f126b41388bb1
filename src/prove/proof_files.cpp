// src/prove/proof_files.cpp: the proof obligations permeq exports to proofs/ (`permeq
// export-proofs`): every lemma, and each operator sample's bounded obligation for both generators,
// as SMT-LIB files any solver can check.
#include "permeq/prove/prover.hpp"

#include "permeq/core/error.hpp"
#include "permeq/ops/operator.hpp"
#include "permeq/ops/samples.hpp"
#include "src/prove/lemmas.hpp"
#include "src/prove/obligation_text.hpp"

#include <cctype>
#include <exception>
#include <map>
#include <thread>

namespace permeq {

using prove::shapes_text;

namespace {
std::string header(const std::string& claim, const std::vector<std::string>& scope, const std::vector<std::string>& assumptions,
                   const std::string& expected) {
  std::string text = ";; permeq proof obligation\n;; claim: " + claim + "\n;; scope:";
  for (const auto& s : scope) text += "\n;;   - " + s;
  text += "\n;; assumptions:";
  if (assumptions.empty()) text += " none beyond the encoding";
  for (const auto& a : assumptions) text += "\n;;   - " + a;
  text += "\n;; expected: " + expected + (expected == "unsat" ? " (the claim holds)" : " (a counterexample exists)") + "\n";
  return text;
}

}  // namespace

std::string file_slug(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

static std::vector<ProofFile> standard_proof_files_in_this_thread(const ProofLimits& limits);

std::vector<ProofFile> standard_proof_files(const ProofLimits& limits) {
  // A fresh thread has a fresh Z3 context, so the text does not depend on earlier solver work.
  std::vector<ProofFile> files;
  std::exception_ptr failure;
  std::thread worker([&] {
    try {
      files = standard_proof_files_in_this_thread(limits);
    } catch (...) {
      failure = std::current_exception();
    }
  });
  worker.join();
  if (failure) std::rethrow_exception(failure);
  return files;
}

static std::vector<ProofFile> standard_proof_files_in_this_thread(const ProofLimits& limits) {
  std::vector<ProofFile> files;
  std::map<std::string, int> used_names;
  for (const auto& l : prove::lemmas())
    files.push_back({(l.id.rfind("reindexing", 0) == 0 ? "" : "lemma-") + l.id + ".smt2", header(l.claim, l.scope, l.assumptions, l.expected) + l.smt2,
                     l.expected});
  Prover prover(limits);
  for (const auto& sample : operator_samples()) {
    if (sample.expect == SampleExpect::Unrepresentable || sample.acted.empty()) continue;
    NodeObligation ob;
    ob.node = sample.node();
    ob.input_types = sample.inputs;
    ob.input_actions = sample.actions();
    ob.tokens = sample_tokens;
    const auto* info = find_operator(sample.op);
    ob.output_actions = info->claim(ob.node, ob.input_types, ob.input_actions, ob.tokens).outputs;
    for (std::size_t k = 0; k < sample.inputs.size(); ++k) {
      const auto& type = sample.inputs[k];
      // Integer inputs are fixed indices (0, 1, 2, ...). For a refutation the inputs the
      // permutation does not move may be fixed too (a counterexample with particular weights is a
      // counterexample), which keeps the query linear.
      const bool fixed_index = type.dtype == DType::Int64;
      const bool fixed_weight = sample.expect == SampleExpect::Breaks && !sample.acted[k] && type.dtype == DType::Float;
      std::optional<Tensor<Rational>> fixed;
      if (fixed_index || fixed_weight) {
        fixed = Tensor<Rational>(type.dtype, type.shape);
        for (std::size_t i = 0; i < fixed->data.size(); ++i)
          fixed->data[i] = fixed_index ? Rational(static_cast<int>(i % 3)) : Rational(static_cast<int>((i * 7) % 11) - 5, 4);
      }
      ob.fixed_inputs.push_back(fixed);
    }
    const std::string expected = sample.expect == SampleExpect::Holds ? "unsat" : "sat";
    std::string claim = sample.op + " (" + sample.label + "): applying it to inputs permuted by sigma equals permuting its output (" +
                        describe(ob.output_actions[0]) + ")";
    for (const bool cycle : {false, true}) {
      std::string smt2;
      try {
        smt2 = prover.bounded_smt2(ob, cycle);
      } catch (const Error&) {
        continue;  // permuted indices are symbolic: only the size-generic lemma covers this sample
      }
      const std::string generator = cycle ? "n-cycle" : "transposition";
      std::string stem = "op-" + file_slug(sample.op) + "-" + file_slug(sample.label);
      if (const int seen = used_names[stem + (cycle ? "c" : "s")]++; seen > 0) stem += "-" + std::to_string(seen + 1);
      files.push_back({stem + "-" + (cycle ? "cycle" : "swap") + ".smt2",
                       header(claim + ", for sigma the " + generator,
                              {"bounded: n = " + std::to_string(sample_tokens) + " tokens, inputs " + shapes_text(ob),
                               "every real value of the symbolic inputs"},
                              {"pointwise functions are uninterpreted, with the range facts asserted below"}, expected) +
                           smt2,
                       expected});
    }
  }
  return files;
}

}  // namespace permeq
