;; permeq proof obligation
;; claim: SumLike (SumLike over the tokens (weight gradient)): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3], [3]
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
 (let (($x3837 (and (distinct (+ (+ (+ (+ 0.0 in0_5) in0_8) in0_11) in0_2) (+ (+ (+ (+ 0.0 in0_2) in0_5) in0_8) in0_11)) true)))
 (let (($x2978 (and (distinct (+ (+ (+ (+ 0.0 in0_4) in0_7) in0_10) in0_1) (+ (+ (+ (+ 0.0 in0_1) in0_4) in0_7) in0_10)) true)))
 (let (($x3834 (and (distinct (+ (+ (+ (+ 0.0 in0_3) in0_6) in0_9) in0_0) (+ (+ (+ (+ 0.0 in0_0) in0_3) in0_6) in0_9)) true)))
 (or $x3834 $x2978 $x3837)))))
(check-sat)
