;; permeq proof obligation
;; claim: ReduceMax (ReduceMax over tokens): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the n-cycle
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
 (let ((?x751 (ite (< in0_2 in0_5) in0_5 in0_2)))
 (let ((?x1132 (ite (< ?x751 in0_8) in0_8 ?x751)))
 (let ((?x1666 (ite (< in0_5 in0_8) in0_8 in0_5)))
 (let ((?x992 (ite (< ?x1666 in0_11) in0_11 ?x1666)))
 (let (($x931 (and (distinct (ite (< ?x992 in0_2) in0_2 ?x992) (ite (< ?x1132 in0_11) in0_11 ?x1132)) true)))
 (let ((?x892 (ite (< in0_1 in0_4) in0_4 in0_1)))
 (let ((?x1050 (ite (< ?x892 in0_7) in0_7 ?x892)))
 (let ((?x1455 (ite (< in0_4 in0_7) in0_7 in0_4)))
 (let ((?x1302 (ite (< ?x1455 in0_10) in0_10 ?x1455)))
 (let (($x841 (and (distinct (ite (< ?x1302 in0_1) in0_1 ?x1302) (ite (< ?x1050 in0_10) in0_10 ?x1050)) true)))
 (let ((?x1096 (ite (< in0_0 in0_3) in0_3 in0_0)))
 (let ((?x962 (ite (< ?x1096 in0_6) in0_6 ?x1096)))
 (let ((?x1642 (ite (< in0_3 in0_6) in0_6 in0_3)))
 (let ((?x980 (ite (< ?x1642 in0_9) in0_9 ?x1642)))
 (let (($x1031 (and (distinct (ite (< ?x980 in0_0) in0_0 ?x980) (ite (< ?x962 in0_9) in0_9 ?x962)) true)))
 (or $x1031 $x841 $x931)))))))))))))))))
(check-sat)
