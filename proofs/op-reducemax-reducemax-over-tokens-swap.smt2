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
 (let ((?x1629 (ite (< in0_2 in0_5) in0_5 in0_2)))
 (let ((?x1449 (ite (< ?x1629 in0_8) in0_8 ?x1629)))
 (let ((?x1049 (ite (< in0_5 in0_2) in0_2 in0_5)))
 (let ((?x1446 (ite (< ?x1049 in0_8) in0_8 ?x1049)))
 (let (($x1161 (and (distinct (ite (< ?x1446 in0_11) in0_11 ?x1446) (ite (< ?x1449 in0_11) in0_11 ?x1449)) true)))
 (let ((?x1131 (ite (< in0_1 in0_4) in0_4 in0_1)))
 (let ((?x1034 (ite (< ?x1131 in0_7) in0_7 ?x1131)))
 (let ((?x911 (ite (< in0_4 in0_1) in0_1 in0_4)))
 (let ((?x1263 (ite (< ?x911 in0_7) in0_7 ?x911)))
 (let (($x1249 (and (distinct (ite (< ?x1263 in0_10) in0_10 ?x1263) (ite (< ?x1034 in0_10) in0_10 ?x1034)) true)))
 (let ((?x727 (ite (< in0_0 in0_3) in0_3 in0_0)))
 (let ((?x507 (ite (< ?x727 in0_6) in0_6 ?x727)))
 (let ((?x1063 (ite (< in0_3 in0_0) in0_0 in0_3)))
 (let ((?x1277 (ite (< ?x1063 in0_6) in0_6 ?x1063)))
 (let (($x830 (and (distinct (ite (< ?x1277 in0_9) in0_9 ?x1277) (ite (< ?x507 in0_9) in0_9 ?x507)) true)))
 (or $x830 $x1249 $x1161)))))))))))))))))
(check-sat)
