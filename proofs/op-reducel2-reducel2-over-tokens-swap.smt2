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
 (let ((?x3276 (* in0_9 in0_9)))
 (let ((?x2093 (+ (+ (+ (* in0_0 in0_0) (* in0_3 in0_3)) (* in0_6 in0_6)) ?x3276)))
 (let ((?x4557 (Sqrt ?x2093)))
 (> ?x4557 0.0)))))
(assert
 (let ((?x3739 (* in0_10 in0_10)))
 (let ((?x3743 (+ (+ (+ (* in0_1 in0_1) (* in0_4 in0_4)) (* in0_7 in0_7)) ?x3739)))
 (let ((?x4062 (Sqrt ?x3743)))
 (> ?x4062 0.0)))))
(assert
 (let ((?x4561 (* in0_11 in0_11)))
 (let ((?x3367 (+ (+ (+ (* in0_2 in0_2) (* in0_5 in0_5)) (* in0_8 in0_8)) ?x4561)))
 (let ((?x2203 (Sqrt ?x3367)))
 (> ?x2203 0.0)))))
(assert
 (let ((?x3276 (* in0_9 in0_9)))
 (let ((?x3900 (+ (+ (+ (* in0_3 in0_3) (* in0_0 in0_0)) (* in0_6 in0_6)) ?x3276)))
 (let ((?x3572 (Sqrt ?x3900)))
 (> ?x3572 0.0)))))
(assert
 (let ((?x3739 (* in0_10 in0_10)))
 (let ((?x3903 (+ (+ (+ (* in0_4 in0_4) (* in0_1 in0_1)) (* in0_7 in0_7)) ?x3739)))
 (let ((?x3453 (Sqrt ?x3903)))
 (> ?x3453 0.0)))))
(assert
 (let ((?x4561 (* in0_11 in0_11)))
 (let ((?x3443 (+ (+ (+ (* in0_5 in0_5) (* in0_2 in0_2)) (* in0_8 in0_8)) ?x4561)))
 (let ((?x3340 (Sqrt ?x3443)))
 (> ?x3340 0.0)))))
(assert
 (let ((?x4561 (* in0_11 in0_11)))
 (let ((?x3367 (+ (+ (+ (* in0_2 in0_2) (* in0_5 in0_5)) (* in0_8 in0_8)) ?x4561)))
 (let ((?x2203 (Sqrt ?x3367)))
 (let ((?x3443 (+ (+ (+ (* in0_5 in0_5) (* in0_2 in0_2)) (* in0_8 in0_8)) ?x4561)))
 (let ((?x3340 (Sqrt ?x3443)))
 (let ((?x3739 (* in0_10 in0_10)))
 (let ((?x3743 (+ (+ (+ (* in0_1 in0_1) (* in0_4 in0_4)) (* in0_7 in0_7)) ?x3739)))
 (let ((?x4062 (Sqrt ?x3743)))
 (let ((?x3903 (+ (+ (+ (* in0_4 in0_4) (* in0_1 in0_1)) (* in0_7 in0_7)) ?x3739)))
 (let ((?x3453 (Sqrt ?x3903)))
 (let ((?x3276 (* in0_9 in0_9)))
 (let ((?x2093 (+ (+ (+ (* in0_0 in0_0) (* in0_3 in0_3)) (* in0_6 in0_6)) ?x3276)))
 (let ((?x4557 (Sqrt ?x2093)))
 (let ((?x3900 (+ (+ (+ (* in0_3 in0_3) (* in0_0 in0_0)) (* in0_6 in0_6)) ?x3276)))
 (let ((?x3572 (Sqrt ?x3900)))
 (or (and (distinct ?x3572 ?x4557) true) (and (distinct ?x3453 ?x4062) true) (and (distinct ?x3340 ?x2203) true))))))))))))))))))
(check-sat)
