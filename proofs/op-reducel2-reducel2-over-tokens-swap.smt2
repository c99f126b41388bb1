;; permeq proof obligation
;; claim: ReduceL2 (ReduceL2 over tokens): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Sqrt (Real) Real)
(declare-fun in0_9 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_2 () Real)
(assert
 (let ((?x4239 (* in0_9 in0_9)))
 (let ((?x4300 (+ (+ (+ (* in0_0 in0_0) (* in0_3 in0_3)) (* in0_6 in0_6)) ?x4239)))
 (let ((?x3098 (Sqrt ?x4300)))
 (>= ?x3098 0.0)))))
(assert
 (let ((?x4239 (* in0_9 in0_9)))
 (let ((?x4300 (+ (+ (+ (* in0_0 in0_0) (* in0_3 in0_3)) (* in0_6 in0_6)) ?x4239)))
 (let ((?x3098 (Sqrt ?x4300)))
 (=> (= ?x4300 0.0) (= ?x3098 0.0))))))
(assert
 (let ((?x4239 (* in0_9 in0_9)))
 (let ((?x4300 (+ (+ (+ (* in0_0 in0_0) (* in0_3 in0_3)) (* in0_6 in0_6)) ?x4239)))
 (let ((?x3098 (Sqrt ?x4300)))
 (=> (= ?x4300 1.0) (= ?x3098 1.0))))))
(assert
 (let ((?x4272 (* in0_10 in0_10)))
 (let ((?x5114 (+ (+ (+ (* in0_1 in0_1) (* in0_4 in0_4)) (* in0_7 in0_7)) ?x4272)))
 (let ((?x4335 (Sqrt ?x5114)))
 (>= ?x4335 0.0)))))
(assert
 (let ((?x4272 (* in0_10 in0_10)))
 (let ((?x5114 (+ (+ (+ (* in0_1 in0_1) (* in0_4 in0_4)) (* in0_7 in0_7)) ?x4272)))
 (let ((?x4335 (Sqrt ?x5114)))
 (=> (= ?x5114 0.0) (= ?x4335 0.0))))))
(assert
 (let ((?x4272 (* in0_10 in0_10)))
 (let ((?x5114 (+ (+ (+ (* in0_1 in0_1) (* in0_4 in0_4)) (* in0_7 in0_7)) ?x4272)))
 (let ((?x4335 (Sqrt ?x5114)))
 (=> (= ?x5114 1.0) (= ?x4335 1.0))))))
(assert
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x4413 (+ (+ (+ (* in0_2 in0_2) (* in0_5 in0_5)) (* in0_8 in0_8)) ?x4397)))
 (let ((?x4353 (Sqrt ?x4413)))
 (>= ?x4353 0.0)))))
(assert
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x4413 (+ (+ (+ (* in0_2 in0_2) (* in0_5 in0_5)) (* in0_8 in0_8)) ?x4397)))
 (let ((?x4353 (Sqrt ?x4413)))
 (=> (= ?x4413 0.0) (= ?x4353 0.0))))))
(assert
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x4413 (+ (+ (+ (* in0_2 in0_2) (* in0_5 in0_5)) (* in0_8 in0_8)) ?x4397)))
 (let ((?x4353 (Sqrt ?x4413)))
 (=> (= ?x4413 1.0) (= ?x4353 1.0))))))
(assert
 (let ((?x4239 (* in0_9 in0_9)))
 (let ((?x4960 (+ (+ (+ (* in0_3 in0_3) (* in0_0 in0_0)) (* in0_6 in0_6)) ?x4239)))
 (let ((?x4884 (Sqrt ?x4960)))
 (>= ?x4884 0.0)))))
(assert
 (let ((?x4239 (* in0_9 in0_9)))
 (let ((?x4960 (+ (+ (+ (* in0_3 in0_3) (* in0_0 in0_0)) (* in0_6 in0_6)) ?x4239)))
 (let ((?x4884 (Sqrt ?x4960)))
 (=> (= ?x4960 0.0) (= ?x4884 0.0))))))
(assert
 (let ((?x4239 (* in0_9 in0_9)))
 (let ((?x4960 (+ (+ (+ (* in0_3 in0_3) (* in0_0 in0_0)) (* in0_6 in0_6)) ?x4239)))
 (let ((?x4884 (Sqrt ?x4960)))
 (=> (= ?x4960 1.0) (= ?x4884 1.0))))))
(assert
 (let ((?x4272 (* in0_10 in0_10)))
 (let ((?x4882 (+ (+ (+ (* in0_4 in0_4) (* in0_1 in0_1)) (* in0_7 in0_7)) ?x4272)))
 (let ((?x3143 (Sqrt ?x4882)))
 (>= ?x3143 0.0)))))
(assert
 (let ((?x4272 (* in0_10 in0_10)))
 (let ((?x4882 (+ (+ (+ (* in0_4 in0_4) (* in0_1 in0_1)) (* in0_7 in0_7)) ?x4272)))
 (let ((?x3143 (Sqrt ?x4882)))
 (=> (= ?x4882 0.0) (= ?x3143 0.0))))))
(assert
 (let ((?x4272 (* in0_10 in0_10)))
 (let ((?x4882 (+ (+ (+ (* in0_4 in0_4) (* in0_1 in0_1)) (* in0_7 in0_7)) ?x4272)))
 (let ((?x3143 (Sqrt ?x4882)))
 (=> (= ?x4882 1.0) (= ?x3143 1.0))))))
(assert
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x4964 (+ (+ (+ (* in0_5 in0_5) (* in0_2 in0_2)) (* in0_8 in0_8)) ?x4397)))
 (let ((?x3791 (Sqrt ?x4964)))
 (>= ?x3791 0.0)))))
(assert
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x4964 (+ (+ (+ (* in0_5 in0_5) (* in0_2 in0_2)) (* in0_8 in0_8)) ?x4397)))
 (let ((?x3791 (Sqrt ?x4964)))
 (=> (= ?x4964 0.0) (= ?x3791 0.0))))))
(assert
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x4964 (+ (+ (+ (* in0_5 in0_5) (* in0_2 in0_2)) (* in0_8 in0_8)) ?x4397)))
 (let ((?x3791 (Sqrt ?x4964)))
 (=> (= ?x4964 1.0) (= ?x3791 1.0))))))
(assert
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x4413 (+ (+ (+ (* in0_2 in0_2) (* in0_5 in0_5)) (* in0_8 in0_8)) ?x4397)))
 (let ((?x4353 (Sqrt ?x4413)))
 (let ((?x4964 (+ (+ (+ (* in0_5 in0_5) (* in0_2 in0_2)) (* in0_8 in0_8)) ?x4397)))
 (let ((?x3791 (Sqrt ?x4964)))
 (let ((?x4272 (* in0_10 in0_10)))
 (let ((?x5114 (+ (+ (+ (* in0_1 in0_1) (* in0_4 in0_4)) (* in0_7 in0_7)) ?x4272)))
 (let ((?x4335 (Sqrt ?x5114)))
 (let ((?x4882 (+ (+ (+ (* in0_4 in0_4) (* in0_1 in0_1)) (* in0_7 in0_7)) ?x4272)))
 (let ((?x3143 (Sqrt ?x4882)))
 (let ((?x4239 (* in0_9 in0_9)))
 (let ((?x4300 (+ (+ (+ (* in0_0 in0_0) (* in0_3 in0_3)) (* in0_6 in0_6)) ?x4239)))
 (let ((?x3098 (Sqrt ?x4300)))
 (let ((?x4960 (+ (+ (+ (* in0_3 in0_3) (* in0_0 in0_0)) (* in0_6 in0_6)) ?x4239)))
 (let ((?x4884 (Sqrt ?x4960)))
 (or (and (distinct ?x4884 ?x3098) true) (and (distinct ?x3143 ?x4335) true) (and (distinct ?x3791 ?x4353) true))))))))))))))))))
(check-sat)
