;; permeq proof obligation
;; claim: ScatterND (ScatterND of rows carrying the tokens): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 1), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [3, 4], [1, 1] (fixed), [1, 4]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_8 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_5 () Real)
(declare-fun in2_0 () Real)
(declare-fun in2_3 () Real)
(declare-fun in2_2 () Real)
(declare-fun in2_1 () Real)
(assert
 (or (and (distinct in2_1 in2_1) true) (and (distinct in2_2 in2_2) true) (and (distinct in2_3 in2_3) true) (and (distinct in2_0 in2_0) true) (and (distinct in0_5 in0_5) true) (and (distinct in0_6 in0_6) true) (and (distinct in0_7 in0_7) true) (and (distinct in0_4 in0_4) true) (and (distinct in0_9 in0_9) true) (and (distinct in0_10 in0_10) true) (and (distinct in0_11 in0_11) true) (and (distinct in0_8 in0_8) true)))
(check-sat)
