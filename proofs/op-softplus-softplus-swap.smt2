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
 (let ((?x1916 (Softplus in0_0)))
 (> ?x1916 0.0)))
(assert
 (let ((?x2589 (Softplus in0_1)))
 (> ?x2589 0.0)))
(assert
 (let ((?x3188 (Softplus in0_2)))
 (> ?x3188 0.0)))
(assert
 (let ((?x2938 (Softplus in0_3)))
 (> ?x2938 0.0)))
(assert
 (let ((?x2825 (Softplus in0_4)))
 (> ?x2825 0.0)))
(assert
 (let ((?x2881 (Softplus in0_5)))
 (> ?x2881 0.0)))
(assert
 (let ((?x3109 (Softplus in0_6)))
 (> ?x3109 0.0)))
(assert
 (let ((?x2766 (Softplus in0_7)))
 (> ?x2766 0.0)))
(assert
 (let ((?x2914 (Softplus in0_8)))
 (> ?x2914 0.0)))
(assert
 (let ((?x2088 (Softplus in0_9)))
 (> ?x2088 0.0)))
(assert
 (let ((?x2933 (Softplus in0_10)))
 (> ?x2933 0.0)))
(assert
 (let ((?x2891 (Softplus in0_11)))
 (> ?x2891 0.0)))
(assert
 (let ((?x2938 (Softplus in0_3)))
 (> ?x2938 0.0)))
(assert
 (let ((?x2825 (Softplus in0_4)))
 (> ?x2825 0.0)))
(assert
 (let ((?x2881 (Softplus in0_5)))
 (> ?x2881 0.0)))
(assert
 (let ((?x1916 (Softplus in0_0)))
 (> ?x1916 0.0)))
(assert
 (let ((?x2589 (Softplus in0_1)))
 (> ?x2589 0.0)))
(assert
 (let ((?x3188 (Softplus in0_2)))
 (> ?x3188 0.0)))
(assert
 (let ((?x3109 (Softplus in0_6)))
 (> ?x3109 0.0)))
(assert
 (let ((?x2766 (Softplus in0_7)))
 (> ?x2766 0.0)))
(assert
 (let ((?x2914 (Softplus in0_8)))
 (> ?x2914 0.0)))
(assert
 (let ((?x2088 (Softplus in0_9)))
 (> ?x2088 0.0)))
(assert
 (let ((?x2933 (Softplus in0_10)))
 (> ?x2933 0.0)))
(assert
 (let ((?x2891 (Softplus in0_11)))
 (> ?x2891 0.0)))
(assert
 (or (and (distinct (Softplus in0_3) (Softplus in0_3)) true) (and (distinct (Softplus in0_4) (Softplus in0_4)) true) (and (distinct (Softplus in0_5) (Softplus in0_5)) true) (and (distinct (Softplus in0_0) (Softplus in0_0)) true) (and (distinct (Softplus in0_1) (Softplus in0_1)) true) (and (distinct (Softplus in0_2) (Softplus in0_2)) true) (and (distinct (Softplus in0_6) (Softplus in0_6)) true) (and (distinct (Softplus in0_7) (Softplus in0_7)) true) (and (distinct (Softplus in0_8) (Softplus in0_8)) true) (and (distinct (Softplus in0_9) (Softplus in0_9)) true) (and (distinct (Softplus in0_10) (Softplus in0_10)) true) (and (distinct (Softplus in0_11) (Softplus in0_11)) true)))
(check-sat)
