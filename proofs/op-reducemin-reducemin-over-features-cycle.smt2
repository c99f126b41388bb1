;; permeq proof obligation
;; claim: ReduceMin (ReduceMin over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let ((?x5261 (ite (< in0_1 in0_0) in0_1 in0_0)))
 (let ((?x5221 (ite (< in0_2 ?x5261) in0_2 ?x5261)))
 (let ((?x3663 (ite (< in0_10 in0_9) in0_10 in0_9)))
 (let ((?x3592 (ite (< in0_11 ?x3663) in0_11 ?x3663)))
 (let ((?x5019 (ite (< in0_7 in0_6) in0_7 in0_6)))
 (let ((?x4535 (ite (< in0_8 ?x5019) in0_8 ?x5019)))
 (let ((?x3948 (ite (< in0_4 in0_3) in0_4 in0_3)))
 (let ((?x3567 (ite (< in0_5 ?x3948) in0_5 ?x3948)))
 (or (and (distinct ?x3567 ?x3567) true) (and (distinct ?x4535 ?x4535) true) (and (distinct ?x3592 ?x3592) true) (and (distinct ?x5221 ?x5221) true)))))))))))
(check-sat)
