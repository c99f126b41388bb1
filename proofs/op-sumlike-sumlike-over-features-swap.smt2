;; permeq proof obligation
;; claim: SumLike (SumLike over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3], [4, 1]
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
 (let ((?x1280 (+ 0.0 in0_9)))
 (let ((?x1283 (+ ?x1280 in0_10)))
 (let ((?x1145 (+ ?x1283 in0_11)))
 (let ((?x1164 (+ 0.0 in0_6)))
 (let ((?x1171 (+ ?x1164 in0_7)))
 (let ((?x1192 (+ ?x1171 in0_8)))
 (let ((?x1010 (+ 0.0 in0_0)))
 (let ((?x593 (+ ?x1010 in0_1)))
 (let ((?x705 (+ ?x593 in0_2)))
 (let ((?x952 (+ 0.0 in0_3)))
 (let ((?x1094 (+ ?x952 in0_4)))
 (let ((?x1026 (+ ?x1094 in0_5)))
 (or (and (distinct ?x1026 ?x1026) true) (and (distinct ?x705 ?x705) true) (and (distinct ?x1192 ?x1192) true) (and (distinct ?x1145 ?x1145) true)))))))))))))))
(check-sat)
