;; permeq proof obligation
;; claim: Gather (Gather embedding lookup): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [6, 3], [4] (fixed)
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(assert
 (let (($x1733 (and (distinct in0_2 in0_2) true)))
 (let (($x1541 (and (distinct in0_1 in0_1) true)))
 (let (($x1630 (and (distinct in0_0 in0_0) true)))
 (or (and (distinct in0_3 in0_3) true) (and (distinct in0_4 in0_4) true) (and (distinct in0_5 in0_5) true) (and (distinct in0_6 in0_6) true) (and (distinct in0_7 in0_7) true) (and (distinct in0_8 in0_8) true) $x1630 $x1541 $x1733 $x1630 $x1541 $x1733)))))
(check-sat)
