;; permeq proof obligation
;; claim: ReduceL2 (ReduceL2 over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
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
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_9 () Real)
(assert
 (let ((?x3964 (Sqrt (+ (+ (* in0_0 in0_0) (* in0_1 in0_1)) (* in0_2 in0_2)))))
 (> ?x3964 0.0)))
(assert
 (let ((?x3827 (Sqrt (+ (+ (* in0_3 in0_3) (* in0_4 in0_4)) (* in0_5 in0_5)))))
 (> ?x3827 0.0)))
(assert
 (let ((?x4400 (Sqrt (+ (+ (* in0_6 in0_6) (* in0_7 in0_7)) (* in0_8 in0_8)))))
 (> ?x4400 0.0)))
(assert
 (let ((?x4561 (* in0_11 in0_11)))
 (let ((?x2713 (Sqrt (+ (+ (* in0_9 in0_9) (* in0_10 in0_10)) ?x4561))))
 (> ?x2713 0.0))))
(assert
 (let ((?x3827 (Sqrt (+ (+ (* in0_3 in0_3) (* in0_4 in0_4)) (* in0_5 in0_5)))))
 (> ?x3827 0.0)))
(assert
 (let ((?x3964 (Sqrt (+ (+ (* in0_0 in0_0) (* in0_1 in0_1)) (* in0_2 in0_2)))))
 (> ?x3964 0.0)))
(assert
 (let ((?x4400 (Sqrt (+ (+ (* in0_6 in0_6) (* in0_7 in0_7)) (* in0_8 in0_8)))))
 (> ?x4400 0.0)))
(assert
 (let ((?x4561 (* in0_11 in0_11)))
 (let ((?x2713 (Sqrt (+ (+ (* in0_9 in0_9) (* in0_10 in0_10)) ?x4561))))
 (> ?x2713 0.0))))
(assert
 (let ((?x4561 (* in0_11 in0_11)))
 (let ((?x2713 (Sqrt (+ (+ (* in0_9 in0_9) (* in0_10 in0_10)) ?x4561))))
 (let ((?x4400 (Sqrt (+ (+ (* in0_6 in0_6) (* in0_7 in0_7)) (* in0_8 in0_8)))))
 (let ((?x3964 (Sqrt (+ (+ (* in0_0 in0_0) (* in0_1 in0_1)) (* in0_2 in0_2)))))
 (let ((?x3827 (Sqrt (+ (+ (* in0_3 in0_3) (* in0_4 in0_4)) (* in0_5 in0_5)))))
 (or (and (distinct ?x3827 ?x3827) true) (and (distinct ?x3964 ?x3964) true) (and (distinct ?x4400 ?x4400) true) (and (distinct ?x2713 ?x2713) true))))))))
(check-sat)
