;; permeq proof obligation
;; claim: CumSum (CumSum over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(assert
 (let ((?x258 (+ 0.0 in0_0)))
 (let ((?x730 (+ ?x258 in0_1)))
 (let ((?x744 (+ ?x730 in0_2)))
 (let ((?x902 (+ 0.0 in0_9)))
 (let ((?x1465 (+ ?x902 in0_10)))
 (let ((?x1628 (+ ?x1465 in0_11)))
 (let ((?x1532 (+ 0.0 in0_6)))
 (let ((?x993 (+ ?x1532 in0_7)))
 (let ((?x1033 (+ ?x993 in0_8)))
 (let ((?x956 (+ 0.0 in0_3)))
 (let ((?x1180 (+ ?x956 in0_4)))
 (let ((?x1420 (+ ?x1180 in0_5)))
 (or (and (distinct ?x956 ?x956) true) (and (distinct ?x1180 ?x1180) true) (and (distinct ?x1420 ?x1420) true) (and (distinct ?x1532 ?x1532) true) (and (distinct ?x993 ?x993) true) (and (distinct ?x1033 ?x1033) true) (and (distinct ?x902 ?x902) true) (and (distinct ?x1465 ?x1465) true) (and (distinct ?x1628 ?x1628) true) (and (distinct ?x258 ?x258) true) (and (distinct ?x730 ?x730) true) (and (distinct ?x744 ?x744) true)))))))))))))))
(check-sat)
