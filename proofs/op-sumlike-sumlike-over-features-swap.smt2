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
 (let ((?x1166 (+ 0.0 in0_9)))
 (let ((?x1205 (+ ?x1166 in0_10)))
 (let ((?x3227 (+ ?x1205 in0_11)))
 (let ((?x1797 (+ 0.0 in0_6)))
 (let ((?x1238 (+ ?x1797 in0_7)))
 (let ((?x2645 (+ ?x1238 in0_8)))
 (let ((?x668 (+ 0.0 in0_0)))
 (let ((?x1111 (+ ?x668 in0_1)))
 (let ((?x1181 (+ ?x1111 in0_2)))
 (let ((?x1346 (+ 0.0 in0_3)))
 (let ((?x1606 (+ ?x1346 in0_4)))
 (let ((?x3949 (+ ?x1606 in0_5)))
 (or (and (distinct ?x3949 ?x3949) true) (and (distinct ?x1181 ?x1181) true) (and (distinct ?x2645 ?x2645) true) (and (distinct ?x3227 ?x3227) true)))))))))))))))
(check-sat)
