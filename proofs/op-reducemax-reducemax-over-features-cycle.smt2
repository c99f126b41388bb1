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
 (let ((?x897 (ite (< in0_0 in0_1) in0_1 in0_0)))
 (let ((?x958 (ite (< ?x897 in0_2) in0_2 ?x897)))
 (let ((?x1479 (ite (< in0_9 in0_10) in0_10 in0_9)))
 (let ((?x768 (ite (< ?x1479 in0_11) in0_11 ?x1479)))
 (let ((?x943 (ite (< in0_6 in0_7) in0_7 in0_6)))
 (let ((?x956 (ite (< ?x943 in0_8) in0_8 ?x943)))
 (let ((?x1581 (ite (< in0_3 in0_4) in0_4 in0_3)))
 (let ((?x1297 (ite (< ?x1581 in0_5) in0_5 ?x1581)))
 (or (and (distinct ?x1297 ?x1297) true) (and (distinct ?x956 ?x956) true) (and (distinct ?x768 ?x768) true) (and (distinct ?x958 ?x958) true)))))))))))
(check-sat)
