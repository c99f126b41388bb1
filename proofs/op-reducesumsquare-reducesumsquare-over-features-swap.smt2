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
 (let ((?x4561 (* in0_11 in0_11)))
 (let ((?x2978 (+ (+ (* in0_9 in0_9) (* in0_10 in0_10)) ?x4561)))
 (let ((?x2409 (* in0_8 in0_8)))
 (let ((?x4164 (+ (+ (* in0_6 in0_6) (* in0_7 in0_7)) ?x2409)))
 (let ((?x4065 (* in0_2 in0_2)))
 (let ((?x3843 (+ (+ (* in0_0 in0_0) (* in0_1 in0_1)) ?x4065)))
 (let ((?x3562 (* in0_5 in0_5)))
 (let ((?x3380 (+ (+ (* in0_3 in0_3) (* in0_4 in0_4)) ?x3562)))
 (or (and (distinct ?x3380 ?x3380) true) (and (distinct ?x3843 ?x3843) true) (and (distinct ?x4164 ?x4164) true) (and (distinct ?x2978 ?x2978) true)))))))))))
(check-sat)
