;; permeq proof obligation
;; claim: Sinh (Sinh): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Sinh (Real) Real)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(assert
 (or (and (distinct (Sinh in0_3) (Sinh in0_3)) true) (and (distinct (Sinh in0_4) (Sinh in0_4)) true) (and (distinct (Sinh in0_5) (Sinh in0_5)) true) (and (distinct (Sinh in0_6) (Sinh in0_6)) true) (and (distinct (Sinh in0_7) (Sinh in0_7)) true) (and (distinct (Sinh in0_8) (Sinh in0_8)) true) (and (distinct (Sinh in0_9) (Sinh in0_9)) true) (and (distinct (Sinh in0_10) (Sinh in0_10)) true) (and (distinct (Sinh in0_11) (Sinh in0_11)) true) (and (distinct (Sinh in0_0) (Sinh in0_0)) true) (and (distinct (Sinh in0_1) (Sinh in0_1)) true) (and (distinct (Sinh in0_2) (Sinh in0_2)) true)))
(check-sat)
