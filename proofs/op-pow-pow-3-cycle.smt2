;; permeq proof obligation
;; claim: Pow (Pow): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun pow_1/2 (Real) Real)
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
 (let ((?x179 (pow_1/2 in0_0)))
 (> ?x179 0.0)))
(assert
 (let ((?x61 (pow_1/2 in0_1)))
 (> ?x61 0.0)))
(assert
 (let ((?x119 (pow_1/2 in0_2)))
 (> ?x119 0.0)))
(assert
 (let ((?x55 (pow_1/2 in0_3)))
 (> ?x55 0.0)))
(assert
 (let ((?x34 (pow_1/2 in0_4)))
 (> ?x34 0.0)))
(assert
 (let ((?x84 (pow_1/2 in0_5)))
 (> ?x84 0.0)))
(assert
 (let ((?x129 (pow_1/2 in0_6)))
 (> ?x129 0.0)))
(assert
 (let ((?x153 (pow_1/2 in0_7)))
 (> ?x153 0.0)))
(assert
 (let ((?x65 (pow_1/2 in0_8)))
 (> ?x65 0.0)))
(assert
 (let ((?x146 (pow_1/2 in0_9)))
 (> ?x146 0.0)))
(assert
 (let ((?x53 (pow_1/2 in0_10)))
 (> ?x53 0.0)))
(assert
 (let ((?x74 (pow_1/2 in0_11)))
 (> ?x74 0.0)))
(assert
 (let ((?x55 (pow_1/2 in0_3)))
 (> ?x55 0.0)))
(assert
 (let ((?x34 (pow_1/2 in0_4)))
 (> ?x34 0.0)))
(assert
 (let ((?x84 (pow_1/2 in0_5)))
 (> ?x84 0.0)))
(assert
 (let ((?x129 (pow_1/2 in0_6)))
 (> ?x129 0.0)))
(assert
 (let ((?x153 (pow_1/2 in0_7)))
 (> ?x153 0.0)))
(assert
 (let ((?x65 (pow_1/2 in0_8)))
 (> ?x65 0.0)))
(assert
 (let ((?x146 (pow_1/2 in0_9)))
 (> ?x146 0.0)))
(assert
 (let ((?x53 (pow_1/2 in0_10)))
 (> ?x53 0.0)))
(assert
 (let ((?x74 (pow_1/2 in0_11)))
 (> ?x74 0.0)))
(assert
 (let ((?x179 (pow_1/2 in0_0)))
 (> ?x179 0.0)))
(assert
 (let ((?x61 (pow_1/2 in0_1)))
 (> ?x61 0.0)))
(assert
 (let ((?x119 (pow_1/2 in0_2)))
 (> ?x119 0.0)))
(assert
 (or (and (distinct (pow_1/2 in0_3) (pow_1/2 in0_3)) true) (and (distinct (pow_1/2 in0_4) (pow_1/2 in0_4)) true) (and (distinct (pow_1/2 in0_5) (pow_1/2 in0_5)) true) (and (distinct (pow_1/2 in0_6) (pow_1/2 in0_6)) true) (and (distinct (pow_1/2 in0_7) (pow_1/2 in0_7)) true) (and (distinct (pow_1/2 in0_8) (pow_1/2 in0_8)) true) (and (distinct (pow_1/2 in0_9) (pow_1/2 in0_9)) true) (and (distinct (pow_1/2 in0_10) (pow_1/2 in0_10)) true) (and (distinct (pow_1/2 in0_11) (pow_1/2 in0_11)) true) (and (distinct (pow_1/2 in0_0) (pow_1/2 in0_0)) true) (and (distinct (pow_1/2 in0_1) (pow_1/2 in0_1)) true) (and (distinct (pow_1/2 in0_2) (pow_1/2 in0_2)) true)))
(check-sat)
