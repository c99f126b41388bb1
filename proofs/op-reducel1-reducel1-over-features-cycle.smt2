;; permeq proof obligation
;; claim: ReduceL1 (ReduceL1 over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let ((?x5080 (+ (ite (< in0_0 0.0) (- in0_0) in0_0) (ite (< in0_1 0.0) (- in0_1) in0_1))))
 (let ((?x6032 (+ ?x5080 (ite (< in0_2 0.0) (- in0_2) in0_2))))
 (let ((?x5219 (+ (ite (< in0_9 0.0) (- in0_9) in0_9) (ite (< in0_10 0.0) (- in0_10) in0_10))))
 (let ((?x3540 (+ ?x5219 (ite (< in0_11 0.0) (- in0_11) in0_11))))
 (let ((?x4213 (+ (ite (< in0_6 0.0) (- in0_6) in0_6) (ite (< in0_7 0.0) (- in0_7) in0_7))))
 (let ((?x4579 (+ ?x4213 (ite (< in0_8 0.0) (- in0_8) in0_8))))
 (let ((?x4923 (+ (ite (< in0_3 0.0) (- in0_3) in0_3) (ite (< in0_4 0.0) (- in0_4) in0_4))))
 (let ((?x5207 (+ ?x4923 (ite (< in0_5 0.0) (- in0_5) in0_5))))
 (or (and (distinct ?x5207 ?x5207) true) (and (distinct ?x4579 ?x4579) true) (and (distinct ?x3540 ?x3540) true) (and (distinct ?x6032 ?x6032) true)))))))))))
(check-sat)
