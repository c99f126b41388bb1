;; permeq proof obligation
;; claim: softmax(q(x_i) k(x_j)) v(x_j) summed over j, per head, merged and projected token by token: MHA(X o sigma) = MHA(X) o sigma, for every number of heads, width, weights and positive e.
;; scope:
;;   - every token count n >= 1
;;   - every feature width (tokens are an opaque sort)
;;   - every permutation sigma of the tokens
;; assumptions:
;;   - e(v) > 0 for every v (exp)
;;   - reindexing lemma instances for each head's row sums
;;   - heads are merged token by token
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
(declare-fun score (Int Row Row) Real)
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
(check-sat)
