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
 (let ((?x1797 (+ 0.0 in0_6)))
 (let ((?x1238 (+ ?x1797 in0_7)))
 (let ((?x3700 (/ ?x1238 2.0)))
 (let (($x2372 (and (distinct (/ (+ (+ 0.0 in0_4) in0_6) 2.0) (/ (+ (+ 0.0 in0_5) in0_6) 2.0)) true)))
 (let (($x4349 (and (distinct (/ (+ (+ 0.0 in0_5) in0_4) 2.0) (/ (+ (+ 0.0 in0_4) in0_5) 2.0)) true)))
 (let ((?x3798 (/ (+ (+ 0.0 in0_2) in0_3) 2.0)))
 (let (($x2881 (and (distinct (/ (+ (+ 0.0 in0_0) in0_2) 2.0) (/ (+ (+ 0.0 in0_1) in0_2) 2.0)) true)))
 (let (($x4620 (and (distinct (/ (+ (+ 0.0 in0_1) in0_0) 2.0) (/ (+ (+ 0.0 in0_0) in0_1) 2.0)) true)))
 (or $x4620 $x2881 (and (distinct ?x3798 ?x3798) true) $x4349 $x2372 (and (distinct ?x3700 ?x3700) true)))))))))))
(check-sat)
