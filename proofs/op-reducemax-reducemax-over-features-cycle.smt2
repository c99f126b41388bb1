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
 (let ((?x1358 (ite (< in0_0 in0_1) in0_1 in0_0)))
 (let ((?x829 (ite (< ?x1358 in0_2) in0_2 ?x1358)))
 (let ((?x1063 (ite (< in0_9 in0_10) in0_10 in0_9)))
 (let ((?x929 (ite (< ?x1063 in0_11) in0_11 ?x1063)))
 (let ((?x1051 (ite (< in0_6 in0_7) in0_7 in0_6)))
 (let ((?x60 (ite (< ?x1051 in0_8) in0_8 ?x1051)))
 (let ((?x1173 (ite (< in0_3 in0_4) in0_4 in0_3)))
 (let ((?x820 (ite (< ?x1173 in0_5) in0_5 ?x1173)))
 (or (and (distinct ?x820 ?x820) true) (and (distinct ?x60 ?x60) true) (and (distinct ?x929 ?x929) true) (and (distinct ?x829 ?x829) true)))))))))))
(check-sat)
