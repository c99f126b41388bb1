// The size-generic lemmas: one SMT-LIB2 obligation per family, stated over an opaque sort of
// token feature vectors and a symbolic token count, so that an unsat answer covers every n and
// every width. proofs/README.md explains the encoding and the reindexing lemma.

#include "src/prove/lemmas.hpp"

namespace permeq::prove {

namespace {

/// n tokens, a bijection sigma of [0, n), the input as one opaque Row per token, and a token i0.
constexpr const char* tokens_prelude = R"((set-logic ALL)
; One token's feature vector is one opaque value: the proof holds for every width.
(declare-sort Row 0)
; The token count n is symbolic: the proof holds for every n.
(declare-const n Int)
(assert (>= n 1))
; sigma is a bijection of [0, n) (with inverse sigma_inv).
(declare-fun sigma (Int) Int)
(declare-fun sigma_inv (Int) Int)
(assert (forall ((i Int)) (=> (and (<= 0 i) (< i n)) (and (<= 0 (sigma i)) (< (sigma i) n) (= (sigma_inv (sigma i)) i)))))
(assert (forall ((i Int)) (=> (and (<= 0 i) (< i n)) (and (<= 0 (sigma_inv i)) (< (sigma_inv i) n) (= (sigma (sigma_inv i)) i)))))
; X holds the tokens; the permuted input is X o sigma (token i of the permuted input is token sigma(i)).
(declare-fun X (Int) Row)
(define-fun Xp ((i Int)) Row (X (sigma i)))
; Some token i0 at which the claim would fail.
(declare-const i0 Int)
(assert (and (<= 0 i0) (< i0 n)))
)";

constexpr const char* sum_declarations = R"(; tsum(A, n) is the sum of A over [0, n). Reindexing lemma: for a bijection sigma of [0, n),
; the sum of A o sigma equals the sum of A. It is used below only as instances for arrays that
; are asserted to be such compositions (see proofs/README.md; bounded instances are checked in
; reindexing-*.smt2).
(declare-fun tsum ((Array Int Real) Int) Real)
)";

std::string with_prelude(const char* body, bool sums) { return std::string(tokens_prelude) + (sums ? sum_declarations : "") + body + "(check-sat)\n"; }

std::vector<Lemma> make_lemmas() {
  std::vector<Lemma> l;
  const std::vector<std::string> generic_scope{"every token count n >= 1", "every feature width (tokens are an opaque sort)",
                                               "every permutation sigma of the tokens"};
  auto add = [&](std::string id, std::string title, std::string claim, std::vector<std::string> assumptions, std::string smt2) {
    l.push_back({std::move(id), std::move(title), std::move(claim), generic_scope, std::move(assumptions), "unsat", std::move(smt2)});
  };

  add("token-wise-map", "Token-wise maps",
      "A map g applied to each token separately (the same g for every token) commutes with token permutations: g(X o sigma) = g(X) o sigma.",
      {"the node reads only its own token's values, the same way for every token (checked per operator by the conformance tests)"},
      with_prelude(R"(; Any map of one token's values, the same for every token: elementwise arithmetic with operands
; broadcast along the tokens, data movement within a token, reductions within a token.
(declare-fun g (Row) Row)
(assert (not (= (g (Xp i0)) (g (X (sigma i0))))))
)", false));

  add("token-wise-linear", "Token-wise linear maps (Linear, MatMul and Gemm with fixed weights, 1x1 convolutions)",
      "Y = X W + b applied row by row commutes with token permutations, for all weights W and biases b.",
      {"weights and biases do not depend on the token position"},
      with_prelude(R"((declare-sort Weights 0)
(declare-const W Weights)
(declare-fun linear (Row Weights) Row)
(assert (not (= (linear (Xp i0) W) (linear (X (sigma i0)) W))))
)", false));

  add("pointwise-function", "Pointwise functions and MLPs (ReLU, GELU, SiLU, tanh, exp, ... and their compositions with linear maps)",
      "A scalar function f applied to every coordinate commutes with token permutations, for every f; an MLP is a composition of such maps and token-wise linear maps.",
      {"f is applied coordinate by coordinate"},
      with_prelude(R"((declare-fun coord (Row Int) Real)
(declare-fun f (Real) Real)
(declare-const c Int)
(assert (not (= (f (coord (Xp i0) c)) (f (coord (X (sigma i0)) c)))))
)", false));

  add("mlp", "Two-layer MLPs",
      "fc2(act(fc1(x))) per token commutes with token permutations, for all weights and every activation.",
      {"weights do not depend on the token position"},
      with_prelude(R"((declare-sort Weights 0)
(declare-const W1 Weights)
(declare-const W2 Weights)
(declare-fun linear (Row Weights) Row)
(declare-fun act (Row) Row)
(define-fun mlp ((x Row)) Row (linear (act (linear x W1)) W2))
(assert (not (= (mlp (Xp i0)) (mlp (X (sigma i0))))))
)", false));

  auto norm = [&](std::string id, std::string title, bool centred) {
    std::string body = R"((declare-fun coord (Row Int) Real)
(declare-fun mean (Row) Real)
(declare-fun meansq (Row) Real)
(declare-fun sqrt_ (Real) Real)
(assert (forall ((v Real)) (> (sqrt_ v) 0.0)))
(declare-fun gamma (Int) Real)
(declare-fun beta (Int) Real)
(declare-const eps Real)
(declare-const c Int)
)";
    body += centred ? R"((define-fun norm ((x Row) (k Int)) Real (+ (* (/ (- (coord x k) (mean x)) (sqrt_ (+ (meansq x) eps))) (gamma k)) (beta k)))
)"
                    : R"((define-fun norm ((x Row) (k Int)) Real (* (/ (coord x k) (sqrt_ (+ (meansq x) eps))) (gamma k)))
)";
    body += "(assert (not (= (norm (Xp i0) c) (norm (X (sigma i0)) c))))\n";
    add(std::move(id), std::move(title),
        "Normalising each token over its own features (then scaling by gamma" + std::string(centred ? " and shifting by beta" : "") +
            ") commutes with token permutations, for every gamma, beta and eps.",
        {"sqrt(v) > 0 for every v", "mean and mean square are functions of the token's own features"}, with_prelude(body.c_str(), false));
  };
  norm("layernorm", "LayerNorm", true);
  norm("rmsnorm", "RMSNorm", false);

  add("softmax-over-tokens", "Softmax over the token axis",
      "s_i = e(x_i) / sum_j e(x_j) satisfies s(x o sigma) = s(x) o sigma, for every positive function e.",
      {"e(v) > 0 for every v (exp)", "reindexing lemma instance: sum_j e(x_sigma(j)) = sum_j e(x_j)"},
      with_prelude(R"((declare-fun x (Int) Real)
(declare-fun e (Real) Real)
(assert (forall ((v Real)) (> (e v) 0.0)))
(declare-const E (Array Int Real))
(declare-const Ep (Array Int Real))
(assert (forall ((j Int)) (= (select E j) (e (x j)))))
(assert (forall ((j Int)) (= (select Ep j) (e (x (sigma j))))))
; Ep = E o sigma, so by the reindexing lemma:
(assert (= (tsum Ep n) (tsum E n)))
(assert (not (= (/ (select Ep i0) (tsum Ep n)) (/ (select E (sigma i0)) (tsum E n)))))
)", true));

  // h(token) per token, summarised over all tokens: A_j = h(x_j), A'_j = h(x_sigma(j)).
  const std::string pooled_rows = R"((declare-fun h (Row) Real)
(declare-const A (Array Int Real))
(declare-const Ap (Array Int Real))
(assert (forall ((j Int)) (= (select A j) (h (X j)))))
(assert (forall ((j Int)) (= (select Ap j) (h (Xp j)))))
)";
  auto pool = [&](std::string id, std::string title, std::string combine, const std::string& declarations, const std::string& claim) {
    add(std::move(id), std::move(title), "Pooling h(token) over all tokens by " + combine + " is invariant: pool(X o sigma) = pool(X).",
        {"reindexing lemma instance for " + combine}, with_prelude((declarations + pooled_rows + claim).c_str(), true));
  };
  pool("sum-pool", "Sum pooling", "a sum", "", R"((assert (= (tsum Ap n) (tsum A n)))
(assert (not (= (tsum Ap n) (tsum A n))))
)");
  pool("mean-pool", "Mean pooling", "a mean", "", R"((assert (= (tsum Ap n) (tsum A n)))
(assert (not (= (/ (tsum Ap n) (to_real n)) (/ (tsum A n) (to_real n)))))
)");
  pool("max-pool", "Max pooling", "a maximum", R"(; tmax(A, n) is the maximum of A over [0, n); its reindexing lemma is that of tsum, for max.
(declare-fun tmax ((Array Int Real) Int) Real)
)", R"((assert (= (tmax Ap n) (tmax A n)))
(assert (not (= (tmax Ap n) (tmax A n))))
)");

  add("attention-scores", "Attention scores", "S_ij = score(x_i, x_j) satisfies S(X o sigma) = P S(X) P^T: S'_ij = S_sigma(i) sigma(j), for every score function.",
      {"the score of a pair depends only on the two tokens"},
      with_prelude(R"((declare-fun score (Row Row) Real)
(declare-const j0 Int)
(assert (and (<= 0 j0) (< j0 n)))
(assert (not (= (score (Xp i0) (Xp j0)) (score (X (sigma i0)) (X (sigma j0))))))
)", false));

  const char* attention_core = R"((declare-fun score (Row Row) Real)
(declare-fun e (Real) Real)
(assert (forall ((v Real)) (> (e v) 0.0)))
(declare-fun val (Row) Real)
; Row i of the exponentiated scores, before and after permuting the tokens.
(declare-fun R (Int) (Array Int Real))
(declare-fun Rp (Int) (Array Int Real))
(assert (forall ((i Int) (j Int)) (= (select (R i) j) (e (score (X i) (X j))))))
(assert (forall ((i Int) (j Int)) (= (select (Rp i) j) (e (score (Xp i) (Xp j))))))
; Row i of the weighted values.
(declare-fun M (Int) (Array Int Real))
(declare-fun Mp (Int) (Array Int Real))
(assert (forall ((i Int) (j Int)) (= (select (M i) j) (* (/ (select (R i) j) (tsum (R i) n)) (val (X j))))))
(assert (forall ((i Int) (j Int)) (= (select (Mp i) j) (* (/ (select (Rp i) j) (tsum (Rp i) n)) (val (Xp j))))))
; Rp(i0) = R(sigma i0) o sigma and Mp(i0) = M(sigma i0) o sigma, so by the reindexing lemma:
(assert (= (tsum (Rp i0) n) (tsum (R (sigma i0)) n)))
(assert (= (tsum (Mp i0) n) (tsum (M (sigma i0)) n)))
)";
  add("attention-softmax", "Softmax over the keys of conjugated scores",
      "A_ij = e(S_ij) / sum_k e(S_ik) with S' = P S P^T gives A' = P A P^T, for every positive e.",
      {"e(v) > 0 for every v (exp)", "reindexing lemma instance: sum_k e(S_sigma(i) sigma(k)) = sum_k e(S_sigma(i) k)"},
      with_prelude((std::string(attention_core) + R"((declare-const j0 Int)
(assert (and (<= 0 j0) (< j0 n)))
(assert (not (= (/ (select (Rp i0) j0) (tsum (Rp i0) n)) (/ (select (R (sigma i0)) (sigma j0)) (tsum (R (sigma i0)) n)))))
)").c_str(), true));
  add("attention-mix", "Attention mixing (weights times values)",
      "O_i = sum_j A_ij v(x_j) with A' = P A P^T and values permuted gives O' = P O.",
      {"reindexing lemma instance: sum_j A_sigma(i) sigma(j) v(x_sigma(j)) = sum_j A_sigma(i) j v(x_j)"},
      with_prelude((std::string(attention_core) + "(assert (not (= (tsum (Mp i0) n) (tsum (M (sigma i0)) n))))\n").c_str(), true));
  add("multi-head-attention", "Unmasked multi-head attention",
      "softmax(q(x_i) k(x_j)) v(x_j) summed over j, per head, merged and projected token by token: MHA(X o sigma) = MHA(X) o sigma, for every "
      "number of heads, width, weights and positive e.",
      {"e(v) > 0 for every v (exp)", "reindexing lemma instances for each head's row sums", "heads are merged token by token"},
      with_prelude(R"((declare-fun score (Int Row Row) Real)
(declare-fun e (Real) Real)
(assert (forall ((v Real)) (> (e v) 0.0)))
(declare-fun val (Int Row) Real)
(declare-fun R (Int Int) (Array Int Real))
(declare-fun Rp (Int Int) (Array Int Real))
(assert (forall ((h Int) (i Int) (j Int)) (= (select (R h i) j) (e (score h (X i) (X j))))))
(assert (forall ((h Int) (i Int) (j Int)) (= (select (Rp h i) j) (e (score h (Xp i) (Xp j))))))
(declare-fun M (Int Int) (Array Int Real))
(declare-fun Mp (Int Int) (Array Int Real))
(assert (forall ((h Int) (i Int) (j Int)) (= (select (M h i) j) (* (/ (select (R h i) j) (tsum (R h i) n)) (val h (X j))))))
(assert (forall ((h Int) (i Int) (j Int)) (= (select (Mp h i) j) (* (/ (select (Rp h i) j) (tsum (Rp h i) n)) (val h (Xp j))))))
(assert (forall ((h Int)) (= (tsum (Rp h i0) n) (tsum (R h (sigma i0)) n))))
(assert (forall ((h Int)) (= (tsum (Mp h i0) n) (tsum (M h (sigma i0)) n))))
; Merge the heads of a token (an array over heads) and project it.
(declare-fun H (Int) (Array Int Real))
(declare-fun Hp (Int) (Array Int Real))
(assert (forall ((i Int) (h Int)) (= (select (H i) h) (tsum (M h i) n))))
(assert (forall ((i Int) (h Int)) (= (select (Hp i) h) (tsum (Mp h i) n))))
(declare-fun project ((Array Int Real)) Row)
(assert (not (= (project (Hp i0)) (project (H (sigma i0))))))
)", true));

  add("embedding-lookup", "Embedding lookup of permuted token ids",
      "out_i = T[ids_i] satisfies out(ids o sigma) = out(ids) o sigma, for every table T and vocabulary size.",
      {"the table does not depend on the token position"},
      with_prelude(R"((declare-fun ids (Int) Int)
(declare-fun T (Int) Row)
(define-fun out ((i Int)) Row (T (ids i)))
(define-fun idsp ((i Int)) Int (ids (sigma i)))
(define-fun outp ((i Int)) Row (T (idsp i)))
(assert (not (= (outp i0) (out (sigma i0)))))
)", false));

  // The reindexing lemma, checked for small n by expanding the sums (and maxima).
  for (int k = 2; k <= 5; ++k) {
    std::string text = "(set-logic ALL)\n(declare-fun a (Int) Real)\n(declare-fun sigma (Int) Int)\n; sigma is a bijection of {0.." +
                       std::to_string(k - 1) + "}\n";
    std::string distinct = "(assert (distinct", permuted = "(+", plain = "(+";
    for (int i = 0; i < k; ++i) {
      text += "(assert (and (<= 0 (sigma " + std::to_string(i) + ")) (< (sigma " + std::to_string(i) + ") " + std::to_string(k) + ")))\n";
      distinct += " (sigma " + std::to_string(i) + ")";
      permuted += " (a (sigma " + std::to_string(i) + "))";
      plain += " (a " + std::to_string(i) + ")";
    }
    text += distinct + "))\n(assert (not (= " + permuted + ") " + plain + "))))\n(check-sat)\n";
    l.push_back({"reindexing-sum-n" + std::to_string(k), "Reindexing lemma for sums, n = " + std::to_string(k),
                 "For every bijection sigma of {0.." + std::to_string(k - 1) + "} and every a: sum_i a(sigma(i)) = sum_i a(i).",
                 {"n = " + std::to_string(k)}, {}, "unsat", text, false});
  }
  return l;
}

}  // namespace

const std::vector<Lemma>& lemmas() {
  static const std::vector<Lemma> all = make_lemmas();
  return all;
}

const Lemma* find_lemma(std::string_view id) {
  for (const auto& lemma : lemmas())
    if (lemma.id == id) return &lemma;
  return nullptr;
}

}  // namespace permeq::prove
