;; permeq proof obligation
;; claim: Einsum (Einsum batch diagonal): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_8 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_35 () Real)
(declare-fun in0_31 () Real)
(declare-fun in0_27 () Real)
(declare-fun in0_26 () Real)
(declare-fun in0_22 () Real)
(declare-fun in0_18 () Real)
(declare-fun in0_17 () Real)
(declare-fun in0_13 () Real)
(declare-fun in0_9 () Real)
(assert
 (or (and (distinct in0_9 in0_9) true) (and (distinct in0_13 in0_13) true) (and (distinct in0_17 in0_17) true) (and (distinct in0_18 in0_18) true) (and (distinct in0_22 in0_22) true) (and (distinct in0_26 in0_26) true) (and (distinct in0_27 in0_27) true) (and (distinct in0_31 in0_31) true) (and (distinct in0_35 in0_35) true) (and (distinct in0_0 in0_0) true) (and (distinct in0_4 in0_4) true) (and (distinct in0_8 in0_8) true)))
(check-sat)
