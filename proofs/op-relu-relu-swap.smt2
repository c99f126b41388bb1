;; permeq proof obligation
;; claim: Relu (Relu): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_11 () Real)
(declare-fun in0_10 () Real)
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
 (let ((?x18 (ite (< 0.0 in0_11) in0_11 0.0)))
 (let ((?x19 (ite (< 0.0 in0_10) in0_10 0.0)))
 (let ((?x87 (ite (< 0.0 in0_9) in0_9 0.0)))
 (let ((?x37 (ite (< 0.0 in0_8) in0_8 0.0)))
 (let ((?x29 (ite (< 0.0 in0_7) in0_7 0.0)))
 (let ((?x78 (ite (< 0.0 in0_6) in0_6 0.0)))
 (let ((?x88 (ite (< 0.0 in0_2) in0_2 0.0)))
 (let ((?x67 (ite (< 0.0 in0_1) in0_1 0.0)))
 (let ((?x28 (ite (< 0.0 in0_0) in0_0 0.0)))
 (let ((?x69 (ite (< 0.0 in0_5) in0_5 0.0)))
 (let ((?x40 (ite (< 0.0 in0_4) in0_4 0.0)))
 (let ((?x42 (ite (< 0.0 in0_3) in0_3 0.0)))
 (or (and (distinct ?x42 ?x42) true) (and (distinct ?x40 ?x40) true) (and (distinct ?x69 ?x69) true) (and (distinct ?x28 ?x28) true) (and (distinct ?x67 ?x67) true) (and (distinct ?x88 ?x88) true) (and (distinct ?x78 ?x78) true) (and (distinct ?x29 ?x29) true) (and (distinct ?x37 ?x37) true) (and (distinct ?x87 ?x87) true) (and (distinct ?x19 ?x19) true) (and (distinct ?x18 ?x18) true)))))))))))))))
(check-sat)
