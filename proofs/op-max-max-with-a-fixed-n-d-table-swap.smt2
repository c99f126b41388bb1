;; permeq proof obligation
;; claim: Max (Max with a fixed [n, d] table): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3], [4, 3] (fixed)
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: sat (a counterexample exists)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_11 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(assert
 (let ((?x3939 (ite (< in0_11 (- (/ 5.0 4.0))) (- (/ 5.0 4.0)) in0_11)))
 (let ((?x3848 (ite (< in0_10 (- (/ 1.0 4.0))) (- (/ 1.0 4.0)) in0_10)))
 (let ((?x3689 (ite (< in0_9 (/ 3.0 4.0)) (/ 3.0 4.0) in0_9)))
 (let ((?x3045 (ite (< in0_8 (- 1.0)) (- 1.0) in0_8)))
 (let ((?x3733 (ite (< in0_7 0.0) 0.0 in0_7)))
 (let ((?x3800 (ite (< in0_6 1.0) 1.0 in0_6)))
 (let (($x4148 (and (distinct (ite (< in0_2 (- (/ 3.0 4.0))) (- (/ 3.0 4.0)) in0_2) (ite (< in0_2 (- (/ 1.0 2.0))) (- (/ 1.0 2.0)) in0_2)) true)))
 (let (($x1693 (and (distinct (ite (< in0_1 (/ 1.0 4.0)) (/ 1.0 4.0) in0_1) (ite (< in0_1 (/ 1.0 2.0)) (/ 1.0 2.0) in0_1)) true)))
 (let (($x3840 (and (distinct (ite (< in0_0 (/ 5.0 4.0)) (/ 5.0 4.0) in0_0) (ite (< in0_0 (- (/ 5.0 4.0))) (- (/ 5.0 4.0)) in0_0)) true)))
 (let (($x4013 (and (distinct (ite (< in0_5 (- (/ 1.0 2.0))) (- (/ 1.0 2.0)) in0_5) (ite (< in0_5 (- (/ 3.0 4.0))) (- (/ 3.0 4.0)) in0_5)) true)))
 (let (($x3541 (and (distinct (ite (< in0_4 (/ 1.0 2.0)) (/ 1.0 2.0) in0_4) (ite (< in0_4 (/ 1.0 4.0)) (/ 1.0 4.0) in0_4)) true)))
 (let (($x2902 (and (distinct (ite (< in0_3 (- (/ 5.0 4.0))) (- (/ 5.0 4.0)) in0_3) (ite (< in0_3 (/ 5.0 4.0)) (/ 5.0 4.0) in0_3)) true)))
 (or $x2902 $x3541 $x4013 $x3840 $x1693 $x4148 (and (distinct ?x3800 ?x3800) true) (and (distinct ?x3733 ?x3733) true) (and (distinct ?x3045 ?x3045) true) (and (distinct ?x3689 ?x3689) true) (and (distinct ?x3848 ?x3848) true) (and (distinct ?x3939 ?x3939) true)))))))))))))))
(check-sat)
