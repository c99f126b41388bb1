;; permeq proof obligation
;; claim: Softplus (Softplus): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Softplus (Real) Real)
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
 (let ((?x3401 (Softplus in0_0)))
 (> ?x3401 0.0)))
(assert
 (let ((?x2786 (Softplus in0_1)))
 (> ?x2786 0.0)))
(assert
 (let ((?x3412 (Softplus in0_2)))
 (> ?x3412 0.0)))
(assert
 (let ((?x3297 (Softplus in0_3)))
 (> ?x3297 0.0)))
(assert
 (let ((?x3416 (Softplus in0_4)))
 (> ?x3416 0.0)))
(assert
 (let ((?x2990 (Softplus in0_5)))
 (> ?x2990 0.0)))
(assert
 (let ((?x3055 (Softplus in0_6)))
 (> ?x3055 0.0)))
(assert
 (let ((?x3172 (Softplus in0_7)))
 (> ?x3172 0.0)))
(assert
 (let ((?x3299 (Softplus in0_8)))
 (> ?x3299 0.0)))
(assert
 (let ((?x3467 (Softplus in0_9)))
 (> ?x3467 0.0)))
(assert
 (let ((?x2391 (Softplus in0_10)))
 (> ?x2391 0.0)))
(assert
 (let ((?x3285 (Softplus in0_11)))
 (> ?x3285 0.0)))
(assert
 (let ((?x3297 (Softplus in0_3)))
 (> ?x3297 0.0)))
(assert
 (let ((?x3416 (Softplus in0_4)))
 (> ?x3416 0.0)))
(assert
 (let ((?x2990 (Softplus in0_5)))
 (> ?x2990 0.0)))
(assert
 (let ((?x3401 (Softplus in0_0)))
 (> ?x3401 0.0)))
(assert
 (let ((?x2786 (Softplus in0_1)))
 (> ?x2786 0.0)))
(assert
 (let ((?x3412 (Softplus in0_2)))
 (> ?x3412 0.0)))
(assert
 (let ((?x3055 (Softplus in0_6)))
 (> ?x3055 0.0)))
(assert
 (let ((?x3172 (Softplus in0_7)))
 (> ?x3172 0.0)))
(assert
 (let ((?x3299 (Softplus in0_8)))
 (> ?x3299 0.0)))
(assert
 (let ((?x3467 (Softplus in0_9)))
 (> ?x3467 0.0)))
(assert
 (let ((?x2391 (Softplus in0_10)))
 (> ?x2391 0.0)))
(assert
 (let ((?x3285 (Softplus in0_11)))
 (> ?x3285 0.0)))
(assert
 (or (and (distinct (Softplus in0_3) (Softplus in0_3)) true) (and (distinct (Softplus in0_4) (Softplus in0_4)) true) (and (distinct (Softplus in0_5) (Softplus in0_5)) true) (and (distinct (Softplus in0_0) (Softplus in0_0)) true) (and (distinct (Softplus in0_1) (Softplus in0_1)) true) (and (distinct (Softplus in0_2) (Softplus in0_2)) true) (and (distinct (Softplus in0_6) (Softplus in0_6)) true) (and (distinct (Softplus in0_7) (Softplus in0_7)) true) (and (distinct (Softplus in0_8) (Softplus in0_8)) true) (and (distinct (Softplus in0_9) (Softplus in0_9)) true) (and (distinct (Softplus in0_10) (Softplus in0_10)) true) (and (distinct (Softplus in0_11) (Softplus in0_11)) true)))
(check-sat)
