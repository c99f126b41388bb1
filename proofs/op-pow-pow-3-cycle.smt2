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
 (let ((?x139 (pow_1/2 in0_0)))
 (> ?x139 0.0)))
(assert
 (let ((?x57 (pow_1/2 in0_1)))
 (> ?x57 0.0)))
(assert
 (let ((?x137 (pow_1/2 in0_2)))
 (> ?x137 0.0)))
(assert
 (let ((?x121 (pow_1/2 in0_3)))
 (> ?x121 0.0)))
(assert
 (let ((?x182 (pow_1/2 in0_4)))
 (> ?x182 0.0)))
(assert
 (let ((?x49 (pow_1/2 in0_5)))
 (> ?x49 0.0)))
(assert
 (let ((?x106 (pow_1/2 in0_6)))
 (> ?x106 0.0)))
(assert
 (let ((?x186 (pow_1/2 in0_7)))
 (> ?x186 0.0)))
(assert
 (let ((?x102 (pow_1/2 in0_8)))
 (> ?x102 0.0)))
(assert
 (let ((?x131 (pow_1/2 in0_9)))
 (> ?x131 0.0)))
(assert
 (let ((?x92 (pow_1/2 in0_10)))
 (> ?x92 0.0)))
(assert
 (let ((?x179 (pow_1/2 in0_11)))
 (> ?x179 0.0)))
(assert
 (let ((?x121 (pow_1/2 in0_3)))
 (> ?x121 0.0)))
(assert
 (let ((?x182 (pow_1/2 in0_4)))
 (> ?x182 0.0)))
(assert
 (let ((?x49 (pow_1/2 in0_5)))
 (> ?x49 0.0)))
(assert
 (let ((?x106 (pow_1/2 in0_6)))
 (> ?x106 0.0)))
(assert
 (let ((?x186 (pow_1/2 in0_7)))
 (> ?x186 0.0)))
(assert
 (let ((?x102 (pow_1/2 in0_8)))
 (> ?x102 0.0)))
(assert
 (let ((?x131 (pow_1/2 in0_9)))
 (> ?x131 0.0)))
(assert
 (let ((?x92 (pow_1/2 in0_10)))
 (> ?x92 0.0)))
(assert
 (let ((?x179 (pow_1/2 in0_11)))
 (> ?x179 0.0)))
(assert
 (let ((?x139 (pow_1/2 in0_0)))
 (> ?x139 0.0)))
(assert
 (let ((?x57 (pow_1/2 in0_1)))
 (> ?x57 0.0)))
(assert
 (let ((?x137 (pow_1/2 in0_2)))
 (> ?x137 0.0)))
(assert
 (or (and (distinct (pow_1/2 in0_3) (pow_1/2 in0_3)) true) (and (distinct (pow_1/2 in0_4) (pow_1/2 in0_4)) true) (and (distinct (pow_1/2 in0_5) (pow_1/2 in0_5)) true) (and (distinct (pow_1/2 in0_6) (pow_1/2 in0_6)) true) (and (distinct (pow_1/2 in0_7) (pow_1/2 in0_7)) true) (and (distinct (pow_1/2 in0_8) (pow_1/2 in0_8)) true) (and (distinct (pow_1/2 in0_9) (pow_1/2 in0_9)) true) (and (distinct (pow_1/2 in0_10) (pow_1/2 in0_10)) true) (and (distinct (pow_1/2 in0_11) (pow_1/2 in0_11)) true) (and (distinct (pow_1/2 in0_0) (pow_1/2 in0_0)) true) (and (distinct (pow_1/2 in0_1) (pow_1/2 in0_1)) true) (and (distinct (pow_1/2 in0_2) (pow_1/2 in0_2)) true)))
(check-sat)
