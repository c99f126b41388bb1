;; permeq proof obligation
;; claim: SliceScatter (SliceScatter of every other feature, reversed): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3], [4, 5]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_0 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_5 () Real)
(assert
 (let (($x2838 (and (distinct 0.0 0.0) true)))
 (or (and (distinct in0_5 in0_5) true) $x2838 (and (distinct in0_4 in0_4) true) $x2838 (and (distinct in0_3 in0_3) true) (and (distinct in0_8 in0_8) true) $x2838 (and (distinct in0_7 in0_7) true) $x2838 (and (distinct in0_6 in0_6) true) (and (distinct in0_11 in0_11) true) $x2838 (and (distinct in0_10 in0_10) true) $x2838 (and (distinct in0_9 in0_9) true) (and (distinct in0_2 in0_2) true) $x2838 (and (distinct in0_1 in0_1) true) $x2838 (and (distinct in0_0 in0_0) true))))
(check-sat)
