;; permeq proof obligation
;; claim: A scalar function f applied to every coordinate commutes with token permutations, for every f; an MLP is a composition of such maps and token-wise linear maps.
;; scope:
;;   - every token count n >= 1
;;   - every feature width (tokens are an opaque sort)
;;   - every permutation sigma of the tokens
;; assumptions:
;;   - f is applied coordinate by coordinate
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
(declare-fun coord (Row Int) Real)
(declare-fun f (Real) Real)
(declare-const c Int)
(assert (not (= (f (coord (Xp i0) c)) (f (coord (X (sigma i0)) c)))))
(check-sat)
