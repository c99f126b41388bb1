;; permeq proof obligation
;; claim: ReduceSumSquare (ReduceSumSquare over tokens): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the n-cycle
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
(declare-fun in0_8 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_0 () Real)
(assert
 (let ((?x4561 (* in0_11 in0_11)))
 (let ((?x3743 (+ (+ (+ (* in0_2 in0_2) (* in0_5 in0_5)) (* in0_8 in0_8)) ?x4561)))
 (let ((?x4065 (* in0_2 in0_2)))
 (let (($x2093 (and (distinct (+ (+ (+ (* in0_5 in0_5) (* in0_8 in0_8)) ?x4561) ?x4065) ?x3743) true)))
 (let ((?x3739 (* in0_10 in0_10)))
 (let ((?x3288 (+ (+ (+ (* in0_1 in0_1) (* in0_4 in0_4)) (* in0_7 in0_7)) ?x3739)))
 (let ((?x3756 (* in0_1 in0_1)))
 (let (($x4565 (and (distinct (+ (+ (+ (* in0_4 in0_4) (* in0_7 in0_7)) ?x3739) ?x3756) ?x3288) true)))
 (let ((?x3276 (* in0_9 in0_9)))
 (let ((?x4045 (+ (+ (+ (* in0_0 in0_0) (* in0_3 in0_3)) (* in0_6 in0_6)) ?x3276)))
 (let ((?x3679 (* in0_0 in0_0)))
 (let (($x3580 (and (distinct (+ (+ (+ (* in0_3 in0_3) (* in0_6 in0_6)) ?x3276) ?x3679) ?x4045) true)))
 (or $x3580 $x4565 $x2093))))))))))))))
(check-sat)
