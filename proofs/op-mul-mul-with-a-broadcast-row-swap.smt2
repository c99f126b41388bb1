;; permeq proof obligation
;; claim: Mul (Mul with a broadcast row): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3], [3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in1_2 () Real)
(declare-fun in0_11 () Real)
(declare-fun in1_1 () Real)
(declare-fun in0_10 () Real)
(declare-fun in1_0 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(assert
 (or (and (distinct (* in0_3 in1_0) (* in0_3 in1_0)) true) (and (distinct (* in0_4 in1_1) (* in0_4 in1_1)) true) (and (distinct (* in0_5 in1_2) (* in0_5 in1_2)) true) (and (distinct (* in0_0 in1_0) (* in0_0 in1_0)) true) (and (distinct (* in0_1 in1_1) (* in0_1 in1_1)) true) (and (distinct (* in0_2 in1_2) (* in0_2 in1_2)) true) (and (distinct (* in0_6 in1_0) (* in0_6 in1_0)) true) (and (distinct (* in0_7 in1_1) (* in0_7 in1_1)) true) (and (distinct (* in0_8 in1_2) (* in0_8 in1_2)) true) (and (distinct (* in0_9 in1_0) (* in0_9 in1_0)) true) (and (distinct (* in0_10 in1_1) (* in0_10 in1_1)) true) (and (distinct (* in0_11 in1_2) (* in0_11 in1_2)) true)))
(check-sat)
