;; permeq proof obligation
;; claim: Slice (Slice every other feature): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 5]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_19 () Real)
(declare-fun in0_17 () Real)
(declare-fun in0_15 () Real)
(declare-fun in0_14 () Real)
(declare-fun in0_12 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_5 () Real)
(assert
 (or (and (distinct in0_5 in0_5) true) (and (distinct in0_7 in0_7) true) (and (distinct in0_9 in0_9) true) (and (distinct in0_0 in0_0) true) (and (distinct in0_2 in0_2) true) (and (distinct in0_4 in0_4) true) (and (distinct in0_10 in0_10) true) (and (distinct in0_12 in0_12) true) (and (distinct in0_14 in0_14) true) (and (distinct in0_15 in0_15) true) (and (distinct in0_17 in0_17) true) (and (distinct in0_19 in0_19) true)))
(check-sat)
