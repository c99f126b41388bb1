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
 (let (($x1407 (and (distinct in0_0 in0_0) true)))
 (let (($x817 (and (distinct in0_3 in0_3) true)))
 (let (($x842 (and (distinct in0_2 in0_2) true)))
 (let (($x727 (and (distinct in0_1 in0_1) true)))
 (or $x727 $x727 $x727 $x842 $x842 $x842 $x817 $x817 $x817 $x1407 $x1407 $x1407))))))
(check-sat)
