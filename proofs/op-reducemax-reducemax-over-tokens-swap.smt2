;; permeq proof obligation
;; claim: ReduceMax (ReduceMax over tokens): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_2 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_9 () Real)
(assert
 (let ((?x1841 (ite (< in0_2 in0_5) in0_5 in0_2)))
 (let ((?x1826 (ite (< ?x1841 in0_8) in0_8 ?x1841)))
 (let ((?x1177 (ite (< in0_5 in0_2) in0_2 in0_5)))
 (let ((?x1446 (ite (< ?x1177 in0_8) in0_8 ?x1177)))
 (let (($x2049 (and (distinct (ite (< ?x1446 in0_11) in0_11 ?x1446) (ite (< ?x1826 in0_11) in0_11 ?x1826)) true)))
 (let ((?x1429 (ite (< in0_1 in0_4) in0_4 in0_1)))
 (let ((?x1449 (ite (< ?x1429 in0_7) in0_7 ?x1429)))
 (let ((?x1464 (ite (< in0_4 in0_1) in0_1 in0_4)))
 (let ((?x1491 (ite (< ?x1464 in0_7) in0_7 ?x1464)))
 (let (($x1108 (and (distinct (ite (< ?x1491 in0_10) in0_10 ?x1491) (ite (< ?x1449 in0_10) in0_10 ?x1449)) true)))
 (let ((?x2012 (ite (< in0_0 in0_3) in0_3 in0_0)))
 (let ((?x1701 (ite (< ?x2012 in0_6) in0_6 ?x2012)))
 (let ((?x1348 (ite (< in0_3 in0_0) in0_0 in0_3)))
 (let ((?x1470 (ite (< ?x1348 in0_6) in0_6 ?x1348)))
 (let (($x1095 (and (distinct (ite (< ?x1470 in0_9) in0_9 ?x1470) (ite (< ?x1701 in0_9) in0_9 ?x1701)) true)))
 (or $x1095 $x1108 $x2049)))))))))))))))))
(check-sat)
