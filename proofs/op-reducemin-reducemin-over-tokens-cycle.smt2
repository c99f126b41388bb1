;; permeq proof obligation
;; claim: ReduceMin (ReduceMin over tokens): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the n-cycle
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
 (let (($x1191 (< in0_5 in0_2)))
 (let ((?x3678 (ite $x1191 in0_5 in0_2)))
 (let ((?x4731 (ite (< in0_8 ?x3678) in0_8 ?x3678)))
 (let ((?x5035 (ite (< in0_8 in0_5) in0_8 in0_5)))
 (let ((?x5038 (ite (< in0_11 ?x5035) in0_11 ?x5035)))
 (let (($x3459 (and (distinct (ite (< in0_2 ?x5038) in0_2 ?x5038) (ite (< in0_11 ?x4731) in0_11 ?x4731)) true)))
 (let (($x2206 (< in0_4 in0_1)))
 (let ((?x4638 (ite $x2206 in0_4 in0_1)))
 (let ((?x4511 (ite (< in0_7 ?x4638) in0_7 ?x4638)))
 (let ((?x5110 (ite (< in0_7 in0_4) in0_7 in0_4)))
 (let ((?x4042 (ite (< in0_10 ?x5110) in0_10 ?x5110)))
 (let (($x4293 (and (distinct (ite (< in0_1 ?x4042) in0_1 ?x4042) (ite (< in0_10 ?x4511) in0_10 ?x4511)) true)))
 (let (($x2194 (< in0_3 in0_0)))
 (let ((?x4369 (ite $x2194 in0_3 in0_0)))
 (let ((?x4596 (ite (< in0_6 ?x4369) in0_6 ?x4369)))
 (let ((?x3945 (ite (< in0_6 in0_3) in0_6 in0_3)))
 (let ((?x5342 (ite (< in0_9 ?x3945) in0_9 ?x3945)))
 (let (($x4968 (and (distinct (ite (< in0_0 ?x5342) in0_0 ?x5342) (ite (< in0_9 ?x4596) in0_9 ?x4596)) true)))
 (or $x4968 $x4293 $x3459))))))))))))))))))))
(check-sat)
