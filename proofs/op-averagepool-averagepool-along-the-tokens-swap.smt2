;; permeq proof obligation
;; claim: AveragePool (AveragePool along the tokens): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the transposition
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
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(assert
 (let ((?x1164 (+ 0.0 in0_6)))
 (let ((?x1171 (+ ?x1164 in0_7)))
 (let ((?x4420 (/ ?x1171 2.0)))
 (let (($x4551 (and (distinct (/ (+ (+ 0.0 in0_4) in0_6) 2.0) (/ (+ (+ 0.0 in0_5) in0_6) 2.0)) true)))
 (let (($x4213 (and (distinct (/ (+ (+ 0.0 in0_5) in0_4) 2.0) (/ (+ (+ 0.0 in0_4) in0_5) 2.0)) true)))
 (let ((?x4369 (/ (+ (+ 0.0 in0_2) in0_3) 2.0)))
 (let (($x3001 (and (distinct (/ (+ (+ 0.0 in0_0) in0_2) 2.0) (/ (+ (+ 0.0 in0_1) in0_2) 2.0)) true)))
 (let (($x4692 (and (distinct (/ (+ (+ 0.0 in0_1) in0_0) 2.0) (/ (+ (+ 0.0 in0_0) in0_1) 2.0)) true)))
 (or $x4692 $x3001 (and (distinct ?x4369 ?x4369) true) $x4213 $x4551 (and (distinct ?x4420 ?x4420) true)))))))))))
(check-sat)
