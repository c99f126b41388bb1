;; permeq proof obligation
;; claim: Max (Max with a fixed [n, d] table): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3], [4, 3] (fixed)
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: sat (a counterexample exists)
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
 (let (($x4148 (and (distinct (ite (< in0_2 (- (/ 5.0 4.0))) (- (/ 5.0 4.0)) in0_2) (ite (< in0_2 (- (/ 1.0 2.0))) (- (/ 1.0 2.0)) in0_2)) true)))
 (let (($x2820 (and (distinct (ite (< in0_1 (- (/ 1.0 4.0))) (- (/ 1.0 4.0)) in0_1) (ite (< in0_1 (/ 1.0 2.0)) (/ 1.0 2.0) in0_1)) true)))
 (let (($x2901 (and (distinct (ite (< in0_0 (/ 3.0 4.0)) (/ 3.0 4.0) in0_0) (ite (< in0_0 (- (/ 5.0 4.0))) (- (/ 5.0 4.0)) in0_0)) true)))
 (let ((?x1922 (ite (< in0_11 (- 1.0)) (- 1.0) in0_11)))
 (let (($x3523 (and (distinct (ite (< in0_10 0.0) 0.0 in0_10) (ite (< in0_10 (- (/ 1.0 4.0))) (- (/ 1.0 4.0)) in0_10)) true)))
 (let (($x2555 (and (distinct (ite (< in0_9 1.0) 1.0 in0_9) (ite (< in0_9 (/ 3.0 4.0)) (/ 3.0 4.0) in0_9)) true)))
 (let ((?x3045 (ite (< in0_8 (- 1.0)) (- 1.0) in0_8)))
 (let (($x3041 (and (distinct (ite (< in0_7 (/ 1.0 4.0)) (/ 1.0 4.0) in0_7) (ite (< in0_7 0.0) 0.0 in0_7)) true)))
 (let (($x4222 (and (distinct (ite (< in0_6 (/ 5.0 4.0)) (/ 5.0 4.0) in0_6) (ite (< in0_6 1.0) 1.0 in0_6)) true)))
 (let (($x4013 (and (distinct (ite (< in0_5 (- (/ 1.0 2.0))) (- (/ 1.0 2.0)) in0_5) (ite (< in0_5 (- (/ 3.0 4.0))) (- (/ 3.0 4.0)) in0_5)) true)))
 (let (($x3541 (and (distinct (ite (< in0_4 (/ 1.0 2.0)) (/ 1.0 2.0) in0_4) (ite (< in0_4 (/ 1.0 4.0)) (/ 1.0 4.0) in0_4)) true)))
 (let (($x2902 (and (distinct (ite (< in0_3 (- (/ 5.0 4.0))) (- (/ 5.0 4.0)) in0_3) (ite (< in0_3 (/ 5.0 4.0)) (/ 5.0 4.0) in0_3)) true)))
 (or $x2902 $x3541 $x4013 $x4222 $x3041 (and (distinct (ite (< in0_8 (- (/ 3.0 4.0))) (- (/ 3.0 4.0)) in0_8) ?x3045) true) $x2555 $x3523 (and (distinct ?x1922 (ite (< in0_11 (- (/ 5.0 4.0))) (- (/ 5.0 4.0)) in0_11)) true) $x2901 $x2820 $x4148))))))))))))))
(check-sat)
