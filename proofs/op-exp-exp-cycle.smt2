;; permeq proof obligation
;; claim: Exp (Exp): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Exp (Real) Real)
(declare-fun in0_0 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_11 () Real)
(assert
 (let ((?x68 (Exp in0_0)))
 (> ?x68 0.0)))
(assert
 (let ((?x21 (Exp in0_1)))
 (> ?x21 0.0)))
(assert
 (let ((?x90 (Exp in0_2)))
 (> ?x90 0.0)))
(assert
 (let ((?x151 (Exp in0_3)))
 (> ?x151 0.0)))
(assert
 (let ((?x38 (Exp in0_4)))
 (> ?x38 0.0)))
(assert
 (let ((?x170 (Exp in0_5)))
 (> ?x170 0.0)))
(assert
 (let ((?x148 (Exp in0_6)))
 (> ?x148 0.0)))
(assert
 (let ((?x71 (Exp in0_7)))
 (> ?x71 0.0)))
(assert
 (let ((?x51 (Exp in0_8)))
 (> ?x51 0.0)))
(assert
 (let ((?x133 (Exp in0_9)))
 (> ?x133 0.0)))
(assert
 (let ((?x33 (Exp in0_10)))
 (> ?x33 0.0)))
(assert
 (let ((?x110 (Exp in0_11)))
 (> ?x110 0.0)))
(assert
 (let ((?x151 (Exp in0_3)))
 (> ?x151 0.0)))
(assert
 (let ((?x38 (Exp in0_4)))
 (> ?x38 0.0)))
(assert
 (let ((?x170 (Exp in0_5)))
 (> ?x170 0.0)))
(assert
 (let ((?x148 (Exp in0_6)))
 (> ?x148 0.0)))
(assert
 (let ((?x71 (Exp in0_7)))
 (> ?x71 0.0)))
(assert
 (let ((?x51 (Exp in0_8)))
 (> ?x51 0.0)))
(assert
 (let ((?x133 (Exp in0_9)))
 (> ?x133 0.0)))
(assert
 (let ((?x33 (Exp in0_10)))
 (> ?x33 0.0)))
(assert
 (let ((?x110 (Exp in0_11)))
 (> ?x110 0.0)))
(assert
 (let ((?x68 (Exp in0_0)))
 (> ?x68 0.0)))
(assert
 (let ((?x21 (Exp in0_1)))
 (> ?x21 0.0)))
(assert
 (let ((?x90 (Exp in0_2)))
 (> ?x90 0.0)))
(assert
 (or (and (distinct (Exp in0_3) (Exp in0_3)) true) (and (distinct (Exp in0_4) (Exp in0_4)) true) (and (distinct (Exp in0_5) (Exp in0_5)) true) (and (distinct (Exp in0_6) (Exp in0_6)) true) (and (distinct (Exp in0_7) (Exp in0_7)) true) (and (distinct (Exp in0_8) (Exp in0_8)) true) (and (distinct (Exp in0_9) (Exp in0_9)) true) (and (distinct (Exp in0_10) (Exp in0_10)) true) (and (distinct (Exp in0_11) (Exp in0_11)) true) (and (distinct (Exp in0_0) (Exp in0_0)) true) (and (distinct (Exp in0_1) (Exp in0_1)) true) (and (distinct (Exp in0_2) (Exp in0_2)) true)))
(check-sat)
