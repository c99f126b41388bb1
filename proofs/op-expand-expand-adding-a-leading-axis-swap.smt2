;; permeq proof obligation
;; claim: Expand (Expand adding a leading axis): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 1), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 1]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_3 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_1 () Real)
(assert
 (let (($x1665 (and (distinct in0_3 in0_3) true)))
 (let (($x2077 (and (distinct in0_2 in0_2) true)))
 (let (($x1628 (and (distinct in0_0 in0_0) true)))
 (let (($x2012 (and (distinct in0_1 in0_1) true)))
 (or $x2012 $x2012 $x2012 $x1628 $x1628 $x1628 $x2077 $x2077 $x2077 $x1665 $x1665 $x1665 $x2012 $x2012 $x2012 $x1628 $x1628 $x1628 $x2077 $x2077 $x2077 $x1665 $x1665 $x1665))))))
(check-sat)
