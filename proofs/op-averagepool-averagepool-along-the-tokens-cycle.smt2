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
 (let ((?x1797 (+ 0.0 in0_6)))
 (let ((?x1238 (+ ?x1797 in0_7)))
 (let ((?x3700 (/ ?x1238 2.0)))
 (let ((?x1355 (+ 0.0 in0_5)))
 (let ((?x3988 (+ ?x1355 in0_6)))
 (let ((?x2806 (/ ?x3988 2.0)))
 (let ((?x3798 (/ (+ (+ 0.0 in0_2) in0_3) 2.0)))
 (let ((?x1525 (+ 0.0 in0_1)))
 (let ((?x3535 (+ ?x1525 in0_2)))
 (let ((?x4289 (/ ?x3535 2.0)))
 (or (and (distinct ?x4289 (/ (+ (+ 0.0 in0_0) in0_1) 2.0)) true) (and (distinct ?x3798 ?x4289) true) (and (distinct (/ (+ (+ 0.0 in0_3) in0_0) 2.0) ?x3798) true) (and (distinct ?x2806 (/ (+ (+ 0.0 in0_4) in0_5) 2.0)) true) (and (distinct ?x3700 ?x2806) true) (and (distinct (/ (+ (+ 0.0 in0_7) in0_4) 2.0) ?x3700) true)))))))))))))
(check-sat)
