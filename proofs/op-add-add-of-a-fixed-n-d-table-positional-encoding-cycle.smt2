;; permeq proof obligation
;; claim: Add (Add of a fixed [n, d] table (positional encoding)): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (or (and (distinct (+ in0_3 (- (/ 5.0 4.0))) (+ in0_3 (/ 5.0 4.0))) true) (and (distinct (+ in0_4 (/ 1.0 2.0)) (+ in0_4 (/ 1.0 4.0))) true) (and (distinct (+ in0_5 (- (/ 1.0 2.0))) (+ in0_5 (- (/ 3.0 4.0)))) true) (and (distinct (+ in0_6 (/ 5.0 4.0)) (+ in0_6 1.0)) true) (and (distinct (+ in0_7 (/ 1.0 4.0)) (+ in0_7 0.0)) true) (and (distinct (+ in0_8 (- (/ 3.0 4.0))) (+ in0_8 (- 1.0))) true) (and (distinct (+ in0_9 1.0) (+ in0_9 (/ 3.0 4.0))) true) (and (distinct (+ in0_10 0.0) (+ in0_10 (- (/ 1.0 4.0)))) true) (and (distinct (+ in0_11 (- 1.0)) (+ in0_11 (- (/ 5.0 4.0)))) true) (and (distinct (+ in0_0 (/ 3.0 4.0)) (+ in0_0 (- (/ 5.0 4.0)))) true) (and (distinct (+ in0_1 (- (/ 1.0 4.0))) (+ in0_1 (/ 1.0 2.0))) true) (and (distinct (+ in0_2 (- (/ 5.0 4.0))) (+ in0_2 (- (/ 1.0 2.0)))) true)))
(check-sat)
