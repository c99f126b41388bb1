;; permeq proof obligation
;; claim: Expand (Expand): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 1]
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
 (let (($x1196 (and (distinct in0_0 in0_0) true)))
 (let (($x1234 (and (distinct in0_3 in0_3) true)))
 (let (($x1474 (and (distinct in0_2 in0_2) true)))
 (let (($x2197 (and (distinct in0_1 in0_1) true)))
 (or $x2197 $x2197 $x2197 $x1474 $x1474 $x1474 $x1234 $x1234 $x1234 $x1196 $x1196 $x1196))))))
(check-sat)
