;; permeq proof obligation
;; claim: Sigmoid (Sigmoid): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Sigmoid (Real) Real)
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
 (and (> (Sigmoid in0_0) 0.0) (< (Sigmoid in0_0) 1.0)))
(assert
 (and (> (Sigmoid in0_1) 0.0) (< (Sigmoid in0_1) 1.0)))
(assert
 (and (> (Sigmoid in0_2) 0.0) (< (Sigmoid in0_2) 1.0)))
(assert
 (and (> (Sigmoid in0_3) 0.0) (< (Sigmoid in0_3) 1.0)))
(assert
 (and (> (Sigmoid in0_4) 0.0) (< (Sigmoid in0_4) 1.0)))
(assert
 (and (> (Sigmoid in0_5) 0.0) (< (Sigmoid in0_5) 1.0)))
(assert
 (and (> (Sigmoid in0_6) 0.0) (< (Sigmoid in0_6) 1.0)))
(assert
 (and (> (Sigmoid in0_7) 0.0) (< (Sigmoid in0_7) 1.0)))
(assert
 (and (> (Sigmoid in0_8) 0.0) (< (Sigmoid in0_8) 1.0)))
(assert
 (and (> (Sigmoid in0_9) 0.0) (< (Sigmoid in0_9) 1.0)))
(assert
 (and (> (Sigmoid in0_10) 0.0) (< (Sigmoid in0_10) 1.0)))
(assert
 (and (> (Sigmoid in0_11) 0.0) (< (Sigmoid in0_11) 1.0)))
(assert
 (and (> (Sigmoid in0_3) 0.0) (< (Sigmoid in0_3) 1.0)))
(assert
 (and (> (Sigmoid in0_4) 0.0) (< (Sigmoid in0_4) 1.0)))
(assert
 (and (> (Sigmoid in0_5) 0.0) (< (Sigmoid in0_5) 1.0)))
(assert
 (and (> (Sigmoid in0_0) 0.0) (< (Sigmoid in0_0) 1.0)))
(assert
 (and (> (Sigmoid in0_1) 0.0) (< (Sigmoid in0_1) 1.0)))
(assert
 (and (> (Sigmoid in0_2) 0.0) (< (Sigmoid in0_2) 1.0)))
(assert
 (and (> (Sigmoid in0_6) 0.0) (< (Sigmoid in0_6) 1.0)))
(assert
 (and (> (Sigmoid in0_7) 0.0) (< (Sigmoid in0_7) 1.0)))
(assert
 (and (> (Sigmoid in0_8) 0.0) (< (Sigmoid in0_8) 1.0)))
(assert
 (and (> (Sigmoid in0_9) 0.0) (< (Sigmoid in0_9) 1.0)))
(assert
 (and (> (Sigmoid in0_10) 0.0) (< (Sigmoid in0_10) 1.0)))
(assert
 (and (> (Sigmoid in0_11) 0.0) (< (Sigmoid in0_11) 1.0)))
(assert
 (or (and (distinct (Sigmoid in0_3) (Sigmoid in0_3)) true) (and (distinct (Sigmoid in0_4) (Sigmoid in0_4)) true) (and (distinct (Sigmoid in0_5) (Sigmoid in0_5)) true) (and (distinct (Sigmoid in0_0) (Sigmoid in0_0)) true) (and (distinct (Sigmoid in0_1) (Sigmoid in0_1)) true) (and (distinct (Sigmoid in0_2) (Sigmoid in0_2)) true) (and (distinct (Sigmoid in0_6) (Sigmoid in0_6)) true) (and (distinct (Sigmoid in0_7) (Sigmoid in0_7)) true) (and (distinct (Sigmoid in0_8) (Sigmoid in0_8)) true) (and (distinct (Sigmoid in0_9) (Sigmoid in0_9)) true) (and (distinct (Sigmoid in0_10) (Sigmoid in0_10)) true) (and (distinct (Sigmoid in0_11) (Sigmoid in0_11)) true)))
(check-sat)
