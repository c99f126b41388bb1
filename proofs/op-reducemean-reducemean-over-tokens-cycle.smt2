;; permeq proof obligation
;; claim: ReduceMean (ReduceMean over tokens): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the n-cycle
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
 (let (($x1970 (and (distinct (/ (+ (+ (+ in0_5 in0_8) in0_11) in0_2) 4.0) (/ (+ (+ (+ in0_2 in0_5) in0_8) in0_11) 4.0)) true)))
 (let (($x1188 (and (distinct (/ (+ (+ (+ in0_4 in0_7) in0_10) in0_1) 4.0) (/ (+ (+ (+ in0_1 in0_4) in0_7) in0_10) 4.0)) true)))
 (let (($x1433 (and (distinct (/ (+ (+ (+ in0_3 in0_6) in0_9) in0_0) 4.0) (/ (+ (+ (+ in0_0 in0_3) in0_6) in0_9) 4.0)) true)))
 (or $x1433 $x1188 $x1970)))))
(check-sat)
