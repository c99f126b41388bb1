;; permeq proof obligation
;; claim: Tanh (Tanh): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Tanh (Real) Real)
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
 (and (> (Tanh in0_0) (- 1.0)) (< (Tanh in0_0) 1.0)))
(assert
 (and (> (Tanh in0_1) (- 1.0)) (< (Tanh in0_1) 1.0)))
(assert
 (and (> (Tanh in0_2) (- 1.0)) (< (Tanh in0_2) 1.0)))
(assert
 (and (> (Tanh in0_3) (- 1.0)) (< (Tanh in0_3) 1.0)))
(assert
 (and (> (Tanh in0_4) (- 1.0)) (< (Tanh in0_4) 1.0)))
(assert
 (and (> (Tanh in0_5) (- 1.0)) (< (Tanh in0_5) 1.0)))
(assert
 (and (> (Tanh in0_6) (- 1.0)) (< (Tanh in0_6) 1.0)))
(assert
 (and (> (Tanh in0_7) (- 1.0)) (< (Tanh in0_7) 1.0)))
(assert
 (and (> (Tanh in0_8) (- 1.0)) (< (Tanh in0_8) 1.0)))
(assert
 (and (> (Tanh in0_9) (- 1.0)) (< (Tanh in0_9) 1.0)))
(assert
 (and (> (Tanh in0_10) (- 1.0)) (< (Tanh in0_10) 1.0)))
(assert
 (and (> (Tanh in0_11) (- 1.0)) (< (Tanh in0_11) 1.0)))
(assert
 (and (> (Tanh in0_3) (- 1.0)) (< (Tanh in0_3) 1.0)))
(assert
 (and (> (Tanh in0_4) (- 1.0)) (< (Tanh in0_4) 1.0)))
(assert
 (and (> (Tanh in0_5) (- 1.0)) (< (Tanh in0_5) 1.0)))
(assert
 (and (> (Tanh in0_6) (- 1.0)) (< (Tanh in0_6) 1.0)))
(assert
 (and (> (Tanh in0_7) (- 1.0)) (< (Tanh in0_7) 1.0)))
(assert
 (and (> (Tanh in0_8) (- 1.0)) (< (Tanh in0_8) 1.0)))
(assert
 (and (> (Tanh in0_9) (- 1.0)) (< (Tanh in0_9) 1.0)))
(assert
 (and (> (Tanh in0_10) (- 1.0)) (< (Tanh in0_10) 1.0)))
(assert
 (and (> (Tanh in0_11) (- 1.0)) (< (Tanh in0_11) 1.0)))
(assert
 (and (> (Tanh in0_0) (- 1.0)) (< (Tanh in0_0) 1.0)))
(assert
 (and (> (Tanh in0_1) (- 1.0)) (< (Tanh in0_1) 1.0)))
(assert
 (and (> (Tanh in0_2) (- 1.0)) (< (Tanh in0_2) 1.0)))
(assert
 (or (and (distinct (Tanh in0_3) (Tanh in0_3)) true) (and (distinct (Tanh in0_4) (Tanh in0_4)) true) (and (distinct (Tanh in0_5) (Tanh in0_5)) true) (and (distinct (Tanh in0_6) (Tanh in0_6)) true) (and (distinct (Tanh in0_7) (Tanh in0_7)) true) (and (distinct (Tanh in0_8) (Tanh in0_8)) true) (and (distinct (Tanh in0_9) (Tanh in0_9)) true) (and (distinct (Tanh in0_10) (Tanh in0_10)) true) (and (distinct (Tanh in0_11) (Tanh in0_11)) true) (and (distinct (Tanh in0_0) (Tanh in0_0)) true) (and (distinct (Tanh in0_1) (Tanh in0_1)) true) (and (distinct (Tanh in0_2) (Tanh in0_2)) true)))
(check-sat)
