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
 (let (($x2131 (and (distinct (ite (< in0_2 (- (/ 5.0 4.0))) (- (/ 5.0 4.0)) in0_2) (ite (< in0_2 (- (/ 1.0 2.0))) (- (/ 1.0 2.0)) in0_2)) true)))
 (let (($x2563 (and (distinct (ite (< in0_1 (- (/ 1.0 4.0))) (- (/ 1.0 4.0)) in0_1) (ite (< in0_1 (/ 1.0 2.0)) (/ 1.0 2.0) in0_1)) true)))
 (let (($x865 (and (distinct (ite (< in0_0 (/ 3.0 4.0)) (/ 3.0 4.0) in0_0) (ite (< in0_0 (- (/ 5.0 4.0))) (- (/ 5.0 4.0)) in0_0)) true)))
 (let ((?x2435 (ite (< in0_11 (- 1.0)) (- 1.0) in0_11)))
 (let (($x3172 (and (distinct (ite (< in0_10 0.0) 0.0 in0_10) (ite (< in0_10 (- (/ 1.0 4.0))) (- (/ 1.0 4.0)) in0_10)) true)))
 (let (($x3192 (and (distinct (ite (< in0_9 1.0) 1.0 in0_9) (ite (< in0_9 (/ 3.0 4.0)) (/ 3.0 4.0) in0_9)) true)))
 (let ((?x2727 (ite (< in0_8 (- 1.0)) (- 1.0) in0_8)))
 (let (($x2841 (and (distinct (ite (< in0_7 (/ 1.0 4.0)) (/ 1.0 4.0) in0_7) (ite (< in0_7 0.0) 0.0 in0_7)) true)))
 (let (($x2310 (and (distinct (ite (< in0_6 (/ 5.0 4.0)) (/ 5.0 4.0) in0_6) (ite (< in0_6 1.0) 1.0 in0_6)) true)))
 (let (($x2093 (and (distinct (ite (< in0_5 (- (/ 1.0 2.0))) (- (/ 1.0 2.0)) in0_5) (ite (< in0_5 (- (/ 3.0 4.0))) (- (/ 3.0 4.0)) in0_5)) true)))
 (let (($x4033 (and (distinct (ite (< in0_4 (/ 1.0 2.0)) (/ 1.0 2.0) in0_4) (ite (< in0_4 (/ 1.0 4.0)) (/ 1.0 4.0) in0_4)) true)))
 (let (($x2509 (and (distinct (ite (< in0_3 (- (/ 5.0 4.0))) (- (/ 5.0 4.0)) in0_3) (ite (< in0_3 (/ 5.0 4.0)) (/ 5.0 4.0) in0_3)) true)))
 (or $x2509 $x4033 $x2093 $x2310 $x2841 (and (distinct (ite (< in0_8 (- (/ 3.0 4.0))) (- (/ 3.0 4.0)) in0_8) ?x2727) true) $x3192 $x3172 (and (distinct ?x2435 (ite (< in0_11 (- (/ 5.0 4.0))) (- (/ 5.0 4.0)) in0_11)) true) $x865 $x2563 $x2131))))))))))))))
(check-sat)
