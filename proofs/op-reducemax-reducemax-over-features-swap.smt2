;; permeq proof obligation
;; claim: ReduceMax (ReduceMax over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_9 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_5 () Real)
(assert
 (let ((?x1549 (ite (< in0_9 in0_10) in0_10 in0_9)))
 (let ((?x1466 (ite (< ?x1549 in0_11) in0_11 ?x1549)))
 (let ((?x1309 (ite (< in0_6 in0_7) in0_7 in0_6)))
 (let ((?x1851 (ite (< ?x1309 in0_8) in0_8 ?x1309)))
 (let ((?x1892 (ite (< in0_0 in0_1) in0_1 in0_0)))
 (let ((?x1605 (ite (< ?x1892 in0_2) in0_2 ?x1892)))
 (let ((?x1631 (ite (< in0_3 in0_4) in0_4 in0_3)))
 (let ((?x1496 (ite (< ?x1631 in0_5) in0_5 ?x1631)))
 (or (and (distinct ?x1496 ?x1496) true) (and (distinct ?x1605 ?x1605) true) (and (distinct ?x1851 ?x1851) true) (and (distinct ?x1466 ?x1466) true)))))))))))
(check-sat)
