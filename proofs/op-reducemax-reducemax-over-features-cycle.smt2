;; permeq proof obligation
;; claim: ReduceMax (ReduceMax over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_0 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_5 () Real)
(assert
 (let ((?x1372 (ite (< in0_0 in0_1) in0_1 in0_0)))
 (let ((?x1405 (ite (< ?x1372 in0_2) in0_2 ?x1372)))
 (let ((?x1008 (ite (< in0_9 in0_10) in0_10 in0_9)))
 (let ((?x1917 (ite (< ?x1008 in0_11) in0_11 ?x1008)))
 (let ((?x1521 (ite (< in0_6 in0_7) in0_7 in0_6)))
 (let ((?x1992 (ite (< ?x1521 in0_8) in0_8 ?x1521)))
 (let ((?x1787 (ite (< in0_3 in0_4) in0_4 in0_3)))
 (let ((?x1522 (ite (< ?x1787 in0_5) in0_5 ?x1787)))
 (or (and (distinct ?x1522 ?x1522) true) (and (distinct ?x1992 ?x1992) true) (and (distinct ?x1917 ?x1917) true) (and (distinct ?x1405 ?x1405) true)))))))))))
(check-sat)
