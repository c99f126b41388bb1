;; permeq proof obligation
;; claim: ReduceSumSquare (ReduceSumSquare over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
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
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x3973 (+ (+ (* in0_9 in0_9) (* in0_10 in0_10)) ?x4397)))
 (let ((?x4602 (* in0_8 in0_8)))
 (let ((?x4240 (+ (+ (* in0_6 in0_6) (* in0_7 in0_7)) ?x4602)))
 (let ((?x5100 (* in0_2 in0_2)))
 (let ((?x5078 (+ (+ (* in0_0 in0_0) (* in0_1 in0_1)) ?x5100)))
 (let ((?x4311 (* in0_5 in0_5)))
 (let ((?x2390 (+ (+ (* in0_3 in0_3) (* in0_4 in0_4)) ?x4311)))
 (or (and (distinct ?x2390 ?x2390) true) (and (distinct ?x5078 ?x5078) true) (and (distinct ?x4240 ?x4240) true) (and (distinct ?x3973 ?x3973) true)))))))))))
(check-sat)
