;; permeq proof obligation
;; claim: AveragePool (AveragePool along the tokens): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [1, 2, 4]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: sat (a counterexample exists)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_1 () Real)
(assert
 (let ((?x1164 (+ 0.0 in0_6)))
 (let ((?x1171 (+ ?x1164 in0_7)))
 (let ((?x4420 (/ ?x1171 2.0)))
 (let ((?x1154 (+ 0.0 in0_5)))
 (let ((?x4625 (+ ?x1154 in0_6)))
 (let ((?x4968 (/ ?x4625 2.0)))
 (let ((?x4369 (/ (+ (+ 0.0 in0_2) in0_3) 2.0)))
 (let ((?x1398 (+ 0.0 in0_1)))
 (let ((?x4022 (+ ?x1398 in0_2)))
 (let ((?x4925 (/ ?x4022 2.0)))
 (or (and (distinct ?x4925 (/ (+ (+ 0.0 in0_0) in0_1) 2.0)) true) (and (distinct ?x4369 ?x4925) true) (and (distinct (/ (+ (+ 0.0 in0_3) in0_0) 2.0) ?x4369) true) (and (distinct ?x4968 (/ (+ (+ 0.0 in0_4) in0_5) 2.0)) true) (and (distinct ?x4420 ?x4968) true) (and (distinct (/ (+ (+ 0.0 in0_7) in0_4) 2.0) ?x4420) true)))))))))))))
(check-sat)
