;; permeq proof obligation
;; claim: Pooling h(token) over all tokens by a sum is invariant: pool(X o sigma) = pool(X).
;; scope:
;;   - every token count n >= 1
;;   - every feature width (tokens are an opaque sort)
;;   - every permutation sigma of the tokens
;; assumptions:
;;   - reindexing lemma instance for a sum
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
(declare-fun h (Row) Real)
(declare-const A (Array Int Real))
(declare-const Ap (Array Int Real))
(assert (forall ((j Int)) (= (select A j) (h (X j)))))
(assert (forall ((j Int)) (= (select Ap j) (h (Xp j)))))
(assert (= (tsum Ap n) (tsum A n)))
(assert (not (= (tsum Ap n) (tsum A n))))
(check-sat)
