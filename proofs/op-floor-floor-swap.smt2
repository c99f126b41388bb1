;; permeq proof obligation
;; claim: Floor (Floor): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_11 () Real)
(declare-fun in0_10 () Real)
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
 (or (and (distinct (to_real (to_int in0_3)) (to_real (to_int in0_3))) true) (and (distinct (to_real (to_int in0_4)) (to_real (to_int in0_4))) true) (and (distinct (to_real (to_int in0_5)) (to_real (to_int in0_5))) true) (and (distinct (to_real (to_int in0_0)) (to_real (to_int in0_0))) true) (and (distinct (to_real (to_int in0_1)) (to_real (to_int in0_1))) true) (and (distinct (to_real (to_int in0_2)) (to_real (to_int in0_2))) true) (and (distinct (to_real (to_int in0_6)) (to_real (to_int in0_6))) true) (and (distinct (to_real (to_int in0_7)) (to_real (to_int in0_7))) true) (and (distinct (to_real (to_int in0_8)) (to_real (to_int in0_8))) true) (and (distinct (to_real (to_int in0_9)) (to_real (to_int in0_9))) true) (and (distinct (to_real (to_int in0_10)) (to_real (to_int in0_10))) true) (and (distinct (to_real (to_int in0_11)) (to_real (to_int in0_11))) true)))
(check-sat)
