;; permeq proof obligation
;; claim: Pad (Pad cropping features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_9 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_3 () Real)
(assert
 (let (($x3597 (and (distinct 0.0 0.0) true)))
 (or $x3597 (and (distinct in0_3 in0_3) true) $x3597 (and (distinct in0_0 in0_0) true) $x3597 (and (distinct in0_6 in0_6) true) $x3597 (and (distinct in0_9 in0_9) true))))
(check-sat)
