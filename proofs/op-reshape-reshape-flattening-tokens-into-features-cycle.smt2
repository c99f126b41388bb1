;; permeq proof obligation
;; claim: Reshape (Reshape flattening tokens into features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0 (axis 0 in blocks of 6)), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 6]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_23 () Real)
(declare-fun in0_22 () Real)
(declare-fun in0_21 () Real)
(declare-fun in0_20 () Real)
(declare-fun in0_19 () Real)
(declare-fun in0_18 () Real)
(declare-fun in0_17 () Real)
(declare-fun in0_16 () Real)
(declare-fun in0_15 () Real)
(declare-fun in0_14 () Real)
(declare-fun in0_13 () Real)
(declare-fun in0_12 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(assert
 (or (and (distinct in0_6 in0_6) true) (and (distinct in0_7 in0_7) true) (and (distinct in0_8 in0_8) true) (and (distinct in0_9 in0_9) true) (and (distinct in0_10 in0_10) true) (and (distinct in0_11 in0_11) true) (and (distinct in0_12 in0_12) true) (and (distinct in0_13 in0_13) true) (and (distinct in0_14 in0_14) true) (and (distinct in0_15 in0_15) true) (and (distinct in0_16 in0_16) true) (and (distinct in0_17 in0_17) true) (and (distinct in0_18 in0_18) true) (and (distinct in0_19 in0_19) true) (and (distinct in0_20 in0_20) true) (and (distinct in0_21 in0_21) true) (and (distinct in0_22 in0_22) true) (and (distinct in0_23 in0_23) true) (and (distinct in0_0 in0_0) true) (and (distinct in0_1 in0_1) true) (and (distinct in0_2 in0_2) true) (and (distinct in0_3 in0_3) true) (and (distinct in0_4 in0_4) true) (and (distinct in0_5 in0_5) true)))
(check-sat)
