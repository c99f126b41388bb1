;; permeq proof obligation
;; claim: ReduceL1 (ReduceL1 over tokens): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the transposition
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
 (let ((?x4573 (ite (< in0_11 0.0) (- in0_11) in0_11)))
 (let ((?x3459 (ite (< in0_8 0.0) (- in0_8) in0_8)))
 (let ((?x4968 (ite (< in0_5 0.0) (- in0_5) in0_5)))
 (let ((?x5699 (ite (< in0_2 0.0) (- in0_2) in0_2)))
 (let (($x5195 (and (distinct (+ (+ (+ ?x4968 ?x5699) ?x3459) ?x4573) (+ (+ (+ ?x5699 ?x4968) ?x3459) ?x4573)) true)))
 (let ((?x3572 (ite (< in0_10 0.0) (- in0_10) in0_10)))
 (let ((?x4737 (ite (< in0_7 0.0) (- in0_7) in0_7)))
 (let ((?x3702 (ite (< in0_4 0.0) (- in0_4) in0_4)))
 (let ((?x5758 (ite (< in0_1 0.0) (- in0_1) in0_1)))
 (let (($x3948 (and (distinct (+ (+ (+ ?x3702 ?x5758) ?x4737) ?x3572) (+ (+ (+ ?x5758 ?x3702) ?x4737) ?x3572)) true)))
 (let ((?x4187 (ite (< in0_9 0.0) (- in0_9) in0_9)))
 (let ((?x3181 (ite (< in0_6 0.0) (- in0_6) in0_6)))
 (let ((?x4037 (ite (< in0_3 0.0) (- in0_3) in0_3)))
 (let ((?x5766 (ite (< in0_0 0.0) (- in0_0) in0_0)))
 (let (($x2845 (and (distinct (+ (+ (+ ?x4037 ?x5766) ?x3181) ?x4187) (+ (+ (+ ?x5766 ?x4037) ?x3181) ?x4187)) true)))
 (or $x2845 $x3948 $x5195)))))))))))))))))
(check-sat)
