;; permeq proof obligation
;; claim: Concat (Concat rows around the tokens): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0 from index 1), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [1, 3], [4, 3], [2, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in2_5 () Real)
(declare-fun in2_4 () Real)
(declare-fun in2_3 () Real)
(declare-fun in2_2 () Real)
(declare-fun in2_1 () Real)
(declare-fun in2_0 () Real)
(declare-fun in1_11 () Real)
(declare-fun in1_10 () Real)
(declare-fun in1_9 () Real)
(declare-fun in1_8 () Real)
(declare-fun in1_7 () Real)
(declare-fun in1_6 () Real)
(declare-fun in1_2 () Real)
(declare-fun in1_1 () Real)
(declare-fun in1_0 () Real)
(declare-fun in1_5 () Real)
(declare-fun in1_4 () Real)
(declare-fun in1_3 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(assert
 (or (and (distinct in0_0 in0_0) true) (and (distinct in0_1 in0_1) true) (and (distinct in0_2 in0_2) true) (and (distinct in1_3 in1_3) true) (and (distinct in1_4 in1_4) true) (and (distinct in1_5 in1_5) true) (and (distinct in1_0 in1_0) true) (and (distinct in1_1 in1_1) true) (and (distinct in1_2 in1_2) true) (and (distinct in1_6 in1_6) true) (and (distinct in1_7 in1_7) true) (and (distinct in1_8 in1_8) true) (and (distinct in1_9 in1_9) true) (and (distinct in1_10 in1_10) true) (and (distinct in1_11 in1_11) true) (and (distinct in2_0 in2_0) true) (and (distinct in2_1 in2_1) true) (and (distinct in2_2 in2_2) true) (and (distinct in2_3 in2_3) true) (and (distinct in2_4 in2_4) true) (and (distinct in2_5 in2_5) true)))
(check-sat)
