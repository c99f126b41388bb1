;; permeq proof obligation
;; claim: Equal (Equal): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
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
(declare-fun in0_11 () Real)
(declare-fun in1_1 () Real)
(declare-fun in0_10 () Real)
(declare-fun in1_0 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(assert
 (let ((?x95 (ite (= in0_11 in1_2) 1.0 0.0)))
 (let ((?x83 (ite (= in0_10 in1_1) 1.0 0.0)))
 (let ((?x20 (ite (= in0_9 in1_0) 1.0 0.0)))
 (let ((?x60 (ite (= in0_8 in1_2) 1.0 0.0)))
 (let ((?x160 (ite (= in0_7 in1_1) 1.0 0.0)))
 (let ((?x161 (ite (= in0_6 in1_0) 1.0 0.0)))
 (let ((?x166 (ite (= in0_2 in1_2) 1.0 0.0)))
 (let ((?x21 (ite (= in0_1 in1_1) 1.0 0.0)))
 (let ((?x110 (ite (= in0_0 in1_0) 1.0 0.0)))
 (let ((?x75 (ite (= in0_5 in1_2) 1.0 0.0)))
 (let ((?x34 (ite (= in0_4 in1_1) 1.0 0.0)))
 (let ((?x77 (ite (= in0_3 in1_0) 1.0 0.0)))
 (or (and (distinct ?x77 ?x77) true) (and (distinct ?x34 ?x34) true) (and (distinct ?x75 ?x75) true) (and (distinct ?x110 ?x110) true) (and (distinct ?x21 ?x21) true) (and (distinct ?x166 ?x166) true) (and (distinct ?x161 ?x161) true) (and (distinct ?x160 ?x160) true) (and (distinct ?x60 ?x60) true) (and (distinct ?x20 ?x20) true) (and (distinct ?x83 ?x83) true) (and (distinct ?x95 ?x95) true)))))))))))))))
(check-sat)
