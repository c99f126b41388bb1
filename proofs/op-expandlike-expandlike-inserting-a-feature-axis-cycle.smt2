;; permeq proof obligation
;; claim: ExpandLike (ExpandLike inserting a feature axis): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4], [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_0 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(assert
 (let (($x3326 (and (distinct in0_0 in0_0) true)))
 (let (($x3431 (and (distinct in0_3 in0_3) true)))
 (let (($x2735 (and (distinct in0_2 in0_2) true)))
 (let (($x1697 (and (distinct in0_1 in0_1) true)))
 (or $x1697 $x1697 $x1697 $x2735 $x2735 $x2735 $x3431 $x3431 $x3431 $x3326 $x3326 $x3326))))))
(check-sat)
