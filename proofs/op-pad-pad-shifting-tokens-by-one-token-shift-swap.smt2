;; permeq proof obligation
;; claim: Pad (Pad shifting tokens by one (token shift)): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: sat (a counterexample exists)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_0 () Real)
(assert
 (let (($x4965 (and (distinct 0.0 0.0) true)))
 (or $x4965 $x4965 $x4965 (and (distinct in0_3 in0_0) true) (and (distinct in0_4 in0_1) true) (and (distinct in0_5 in0_2) true) (and (distinct in0_0 in0_3) true) (and (distinct in0_1 in0_4) true) (and (distinct in0_2 in0_5) true) (and (distinct in0_6 in0_6) true) (and (distinct in0_7 in0_7) true) (and (distinct in0_8 in0_8) true))))
(check-sat)
