;; permeq proof obligation
;; claim: Erf (Erf): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Erf (Real) Real)
(declare-fun in0_0 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_11 () Real)
(assert
 (and (> (Erf in0_0) (- 1.0)) (< (Erf in0_0) 1.0)))
(assert
 (and (> (Erf in0_1) (- 1.0)) (< (Erf in0_1) 1.0)))
(assert
 (and (> (Erf in0_2) (- 1.0)) (< (Erf in0_2) 1.0)))
(assert
 (and (> (Erf in0_3) (- 1.0)) (< (Erf in0_3) 1.0)))
(assert
 (and (> (Erf in0_4) (- 1.0)) (< (Erf in0_4) 1.0)))
(assert
 (and (> (Erf in0_5) (- 1.0)) (< (Erf in0_5) 1.0)))
(assert
 (and (> (Erf in0_6) (- 1.0)) (< (Erf in0_6) 1.0)))
(assert
 (and (> (Erf in0_7) (- 1.0)) (< (Erf in0_7) 1.0)))
(assert
 (and (> (Erf in0_8) (- 1.0)) (< (Erf in0_8) 1.0)))
(assert
 (and (> (Erf in0_9) (- 1.0)) (< (Erf in0_9) 1.0)))
(assert
 (and (> (Erf in0_10) (- 1.0)) (< (Erf in0_10) 1.0)))
(assert
 (and (> (Erf in0_11) (- 1.0)) (< (Erf in0_11) 1.0)))
(assert
 (and (> (Erf in0_3) (- 1.0)) (< (Erf in0_3) 1.0)))
(assert
 (and (> (Erf in0_4) (- 1.0)) (< (Erf in0_4) 1.0)))
(assert
 (and (> (Erf in0_5) (- 1.0)) (< (Erf in0_5) 1.0)))
(assert
 (and (> (Erf in0_6) (- 1.0)) (< (Erf in0_6) 1.0)))
(assert
 (and (> (Erf in0_7) (- 1.0)) (< (Erf in0_7) 1.0)))
(assert
 (and (> (Erf in0_8) (- 1.0)) (< (Erf in0_8) 1.0)))
(assert
 (and (> (Erf in0_9) (- 1.0)) (< (Erf in0_9) 1.0)))
(assert
 (and (> (Erf in0_10) (- 1.0)) (< (Erf in0_10) 1.0)))
(assert
 (and (> (Erf in0_11) (- 1.0)) (< (Erf in0_11) 1.0)))
(assert
 (and (> (Erf in0_0) (- 1.0)) (< (Erf in0_0) 1.0)))
(assert
 (and (> (Erf in0_1) (- 1.0)) (< (Erf in0_1) 1.0)))
(assert
 (and (> (Erf in0_2) (- 1.0)) (< (Erf in0_2) 1.0)))
(assert
 (or (and (distinct (Erf in0_3) (Erf in0_3)) true) (and (distinct (Erf in0_4) (Erf in0_4)) true) (and (distinct (Erf in0_5) (Erf in0_5)) true) (and (distinct (Erf in0_6) (Erf in0_6)) true) (and (distinct (Erf in0_7) (Erf in0_7)) true) (and (distinct (Erf in0_8) (Erf in0_8)) true) (and (distinct (Erf in0_9) (Erf in0_9)) true) (and (distinct (Erf in0_10) (Erf in0_10)) true) (and (distinct (Erf in0_11) (Erf in0_11)) true) (and (distinct (Erf in0_0) (Erf in0_0)) true) (and (distinct (Erf in0_1) (Erf in0_1)) true) (and (distinct (Erf in0_2) (Erf in0_2)) true)))
(check-sat)
