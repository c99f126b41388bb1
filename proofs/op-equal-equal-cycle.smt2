;; permeq proof obligation
;; claim: Equal (Equal): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3], [3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in1_2 () Real)
(declare-fun in0_2 () Real)
(declare-fun in1_1 () Real)
(declare-fun in0_1 () Real)
(declare-fun in1_0 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(assert
 (let ((?x189 (ite (= in0_2 in1_2) 1.0 0.0)))
 (let ((?x139 (ite (= in0_1 in1_1) 1.0 0.0)))
 (let ((?x75 (ite (= in0_0 in1_0) 1.0 0.0)))
 (let ((?x157 (ite (= in0_11 in1_2) 1.0 0.0)))
 (let ((?x85 (ite (= in0_10 in1_1) 1.0 0.0)))
 (let ((?x90 (ite (= in0_9 in1_0) 1.0 0.0)))
 (let ((?x18 (ite (= in0_8 in1_2) 1.0 0.0)))
 (let ((?x62 (ite (= in0_7 in1_1) 1.0 0.0)))
 (let ((?x103 (ite (= in0_6 in1_0) 1.0 0.0)))
 (let ((?x19 (ite (= in0_5 in1_2) 1.0 0.0)))
 (let ((?x38 (ite (= in0_4 in1_1) 1.0 0.0)))
 (let ((?x74 (ite (= in0_3 in1_0) 1.0 0.0)))
 (or (and (distinct ?x74 ?x74) true) (and (distinct ?x38 ?x38) true) (and (distinct ?x19 ?x19) true) (and (distinct ?x103 ?x103) true) (and (distinct ?x62 ?x62) true) (and (distinct ?x18 ?x18) true) (and (distinct ?x90 ?x90) true) (and (distinct ?x85 ?x85) true) (and (distinct ?x157 ?x157) true) (and (distinct ?x75 ?x75) true) (and (distinct ?x139 ?x139) true) (and (distinct ?x189 ?x189) true)))))))))))))))
(check-sat)
