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
 (let ((?x751 (ite (< in0_2 in0_5) in0_5 in0_2)))
 (let ((?x1132 (ite (< ?x751 in0_8) in0_8 ?x751)))
 (let ((?x1669 (ite (< in0_5 in0_2) in0_2 in0_5)))
 (let ((?x888 (ite (< ?x1669 in0_8) in0_8 ?x1669)))
 (let (($x1664 (and (distinct (ite (< ?x888 in0_11) in0_11 ?x888) (ite (< ?x1132 in0_11) in0_11 ?x1132)) true)))
 (let ((?x892 (ite (< in0_1 in0_4) in0_4 in0_1)))
 (let ((?x1050 (ite (< ?x892 in0_7) in0_7 ?x892)))
 (let ((?x1162 (ite (< in0_4 in0_1) in0_1 in0_4)))
 (let ((?x714 (ite (< ?x1162 in0_7) in0_7 ?x1162)))
 (let (($x1660 (and (distinct (ite (< ?x714 in0_10) in0_10 ?x714) (ite (< ?x1050 in0_10) in0_10 ?x1050)) true)))
 (let ((?x1096 (ite (< in0_0 in0_3) in0_3 in0_0)))
 (let ((?x962 (ite (< ?x1096 in0_6) in0_6 ?x1096)))
 (let ((?x841 (ite (< in0_3 in0_0) in0_0 in0_3)))
 (let ((?x1123 (ite (< ?x841 in0_6) in0_6 ?x841)))
 (let (($x1553 (and (distinct (ite (< ?x1123 in0_9) in0_9 ?x1123) (ite (< ?x962 in0_9) in0_9 ?x962)) true)))
 (or $x1553 $x1660 $x1664)))))))))))))))))
(check-sat)
