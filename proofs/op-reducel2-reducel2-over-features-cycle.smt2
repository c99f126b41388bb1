;; permeq proof obligation
;; claim: ReduceL2 (ReduceL2 over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let ((?x5100 (* in0_2 in0_2)))
 (let ((?x5035 (+ (+ (* in0_0 in0_0) (* in0_1 in0_1)) ?x5100)))
 (let ((?x3540 (Sqrt ?x5035)))
 (>= ?x3540 0.0)))))
(assert
 (let ((?x5100 (* in0_2 in0_2)))
 (let ((?x5035 (+ (+ (* in0_0 in0_0) (* in0_1 in0_1)) ?x5100)))
 (let ((?x3540 (Sqrt ?x5035)))
 (=> (= ?x5035 0.0) (= ?x3540 0.0))))))
(assert
 (let ((?x5100 (* in0_2 in0_2)))
 (let ((?x5035 (+ (+ (* in0_0 in0_0) (* in0_1 in0_1)) ?x5100)))
 (let ((?x3540 (Sqrt ?x5035)))
 (=> (= ?x5035 1.0) (= ?x3540 1.0))))))
(assert
 (let ((?x4311 (* in0_5 in0_5)))
 (let ((?x4390 (+ (+ (* in0_3 in0_3) (* in0_4 in0_4)) ?x4311)))
 (let ((?x5006 (Sqrt ?x4390)))
 (>= ?x5006 0.0)))))
(assert
 (let ((?x4311 (* in0_5 in0_5)))
 (let ((?x4390 (+ (+ (* in0_3 in0_3) (* in0_4 in0_4)) ?x4311)))
 (let ((?x5006 (Sqrt ?x4390)))
 (=> (= ?x4390 0.0) (= ?x5006 0.0))))))
(assert
 (let ((?x4311 (* in0_5 in0_5)))
 (let ((?x4390 (+ (+ (* in0_3 in0_3) (* in0_4 in0_4)) ?x4311)))
 (let ((?x5006 (Sqrt ?x4390)))
 (=> (= ?x4390 1.0) (= ?x5006 1.0))))))
(assert
 (let ((?x4602 (* in0_8 in0_8)))
 (let ((?x3895 (+ (+ (* in0_6 in0_6) (* in0_7 in0_7)) ?x4602)))
 (let ((?x3554 (Sqrt ?x3895)))
 (>= ?x3554 0.0)))))
(assert
 (let ((?x4602 (* in0_8 in0_8)))
 (let ((?x3895 (+ (+ (* in0_6 in0_6) (* in0_7 in0_7)) ?x4602)))
 (let ((?x3554 (Sqrt ?x3895)))
 (=> (= ?x3895 0.0) (= ?x3554 0.0))))))
(assert
 (let ((?x4602 (* in0_8 in0_8)))
 (let ((?x3895 (+ (+ (* in0_6 in0_6) (* in0_7 in0_7)) ?x4602)))
 (let ((?x3554 (Sqrt ?x3895)))
 (=> (= ?x3895 1.0) (= ?x3554 1.0))))))
(assert
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x3973 (+ (+ (* in0_9 in0_9) (* in0_10 in0_10)) ?x4397)))
 (let ((?x3633 (Sqrt ?x3973)))
 (>= ?x3633 0.0)))))
(assert
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x3973 (+ (+ (* in0_9 in0_9) (* in0_10 in0_10)) ?x4397)))
 (let ((?x3633 (Sqrt ?x3973)))
 (=> (= ?x3973 0.0) (= ?x3633 0.0))))))
(assert
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x3973 (+ (+ (* in0_9 in0_9) (* in0_10 in0_10)) ?x4397)))
 (let ((?x3633 (Sqrt ?x3973)))
 (=> (= ?x3973 1.0) (= ?x3633 1.0))))))
(assert
 (let ((?x4311 (* in0_5 in0_5)))
 (let ((?x4390 (+ (+ (* in0_3 in0_3) (* in0_4 in0_4)) ?x4311)))
 (let ((?x5006 (Sqrt ?x4390)))
 (>= ?x5006 0.0)))))
(assert
 (let ((?x4311 (* in0_5 in0_5)))
 (let ((?x4390 (+ (+ (* in0_3 in0_3) (* in0_4 in0_4)) ?x4311)))
 (let ((?x5006 (Sqrt ?x4390)))
 (=> (= ?x4390 0.0) (= ?x5006 0.0))))))
(assert
 (let ((?x4311 (* in0_5 in0_5)))
 (let ((?x4390 (+ (+ (* in0_3 in0_3) (* in0_4 in0_4)) ?x4311)))
 (let ((?x5006 (Sqrt ?x4390)))
 (=> (= ?x4390 1.0) (= ?x5006 1.0))))))
(assert
 (let ((?x4602 (* in0_8 in0_8)))
 (let ((?x3895 (+ (+ (* in0_6 in0_6) (* in0_7 in0_7)) ?x4602)))
 (let ((?x3554 (Sqrt ?x3895)))
 (>= ?x3554 0.0)))))
(assert
 (let ((?x4602 (* in0_8 in0_8)))
 (let ((?x3895 (+ (+ (* in0_6 in0_6) (* in0_7 in0_7)) ?x4602)))
 (let ((?x3554 (Sqrt ?x3895)))
 (=> (= ?x3895 0.0) (= ?x3554 0.0))))))
(assert
 (let ((?x4602 (* in0_8 in0_8)))
 (let ((?x3895 (+ (+ (* in0_6 in0_6) (* in0_7 in0_7)) ?x4602)))
 (let ((?x3554 (Sqrt ?x3895)))
 (=> (= ?x3895 1.0) (= ?x3554 1.0))))))
(assert
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x3973 (+ (+ (* in0_9 in0_9) (* in0_10 in0_10)) ?x4397)))
 (let ((?x3633 (Sqrt ?x3973)))
 (>= ?x3633 0.0)))))
(assert
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x3973 (+ (+ (* in0_9 in0_9) (* in0_10 in0_10)) ?x4397)))
 (let ((?x3633 (Sqrt ?x3973)))
 (=> (= ?x3973 0.0) (= ?x3633 0.0))))))
(assert
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x3973 (+ (+ (* in0_9 in0_9) (* in0_10 in0_10)) ?x4397)))
 (let ((?x3633 (Sqrt ?x3973)))
 (=> (= ?x3973 1.0) (= ?x3633 1.0))))))
(assert
 (let ((?x5100 (* in0_2 in0_2)))
 (let ((?x5035 (+ (+ (* in0_0 in0_0) (* in0_1 in0_1)) ?x5100)))
 (let ((?x3540 (Sqrt ?x5035)))
 (>= ?x3540 0.0)))))
(assert
 (let ((?x5100 (* in0_2 in0_2)))
 (let ((?x5035 (+ (+ (* in0_0 in0_0) (* in0_1 in0_1)) ?x5100)))
 (let ((?x3540 (Sqrt ?x5035)))
 (=> (= ?x5035 0.0) (= ?x3540 0.0))))))
(assert
 (let ((?x5100 (* in0_2 in0_2)))
 (let ((?x5035 (+ (+ (* in0_0 in0_0) (* in0_1 in0_1)) ?x5100)))
 (let ((?x3540 (Sqrt ?x5035)))
 (=> (= ?x5035 1.0) (= ?x3540 1.0))))))
(assert
 (let ((?x5100 (* in0_2 in0_2)))
 (let ((?x5035 (+ (+ (* in0_0 in0_0) (* in0_1 in0_1)) ?x5100)))
 (let ((?x3540 (Sqrt ?x5035)))
 (let ((?x4397 (* in0_11 in0_11)))
 (let ((?x3973 (+ (+ (* in0_9 in0_9) (* in0_10 in0_10)) ?x4397)))
 (let ((?x3633 (Sqrt ?x3973)))
 (let ((?x4602 (* in0_8 in0_8)))
 (let ((?x3895 (+ (+ (* in0_6 in0_6) (* in0_7 in0_7)) ?x4602)))
 (let ((?x3554 (Sqrt ?x3895)))
 (let ((?x4311 (* in0_5 in0_5)))
 (let ((?x4390 (+ (+ (* in0_3 in0_3) (* in0_4 in0_4)) ?x4311)))
 (let ((?x5006 (Sqrt ?x4390)))
 (or (and (distinct ?x5006 ?x5006) true) (and (distinct ?x3554 ?x3554) true) (and (distinct ?x3633 ?x3633) true) (and (distinct ?x3540 ?x3540) true)))))))))))))))
(check-sat)
