;; permeq proof obligation
;; claim: Gather (Gather token 0 (readout)): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3], [] (fixed)
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: sat (a counterexample exists)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_2 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_3 () Real)
(assert
 (or (and (distinct in0_3 in0_0) true) (and (distinct in0_4 in0_1) true) (and (distinct in0_5 in0_2) true)))
(check-sat)
