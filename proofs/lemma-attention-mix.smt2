;; permeq proof obligation
;; claim: O_i = sum_j A_ij v(x_j) with A' = P A P^T and values permuted gives O' = P O.
;; scope:
;;   - every token count n >= 1
;;   - every feature width (tokens are an opaque sort)
;;   - every permutation sigma of the tokens
;; assumptions:
;;   - reindexing lemma instance: sum_j A_sigma(i) sigma(j) v(x_sigma(j)) = sum_j A_sigma(i) j v(x_j)
;; expected: unsat (the claim holds)
(set-logic ALL)
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
; tsum(A, n) is the sum of A over [0, n). Reindexing lemma: for a bijection sigma of [0, n),
; the sum of A o sigma equals the sum of A. It is used below only as instances for arrays that
; are asserted to be such compositions (see proofs/README.md; bounded instances are checked in
; reindexing-*.smt2).
(declare-fun tsum ((Array Int Real) Int) Real)
(declare-fun score (Row Row) Real)
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
(assert (not (= (tsum (Mp i0) n) (tsum (M (sigma i0)) n))))
(check-sat)
