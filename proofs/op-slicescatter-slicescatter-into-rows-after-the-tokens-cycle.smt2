;; permeq proof obligation
;; claim: SliceScatter (SliceScatter into rows after the tokens): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [2, 3], [6, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(assert
 (let (($x2918 (and (distinct 0.0 0.0) true)))
 (or $x2918 $x2918 $x2918 $x2918 $x2918 $x2918 $x2918 $x2918 $x2918 $x2918 $x2918 $x2918 (and (distinct in0_0 in0_0) true) (and (distinct in0_1 in0_1) true) (and (distinct in0_2 in0_2) true) (and (distinct in0_3 in0_3) true) (and (distinct in0_4 in0_4) true) (and (distinct in0_5 in0_5) true))))
(check-sat)
