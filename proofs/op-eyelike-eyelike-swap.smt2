;; permeq proof obligation
;; claim: EyeLike (EyeLike): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(assert
 (let (($x4671 (and (distinct 0.0 0.0) true)))
 (let (($x4106 (and (distinct 1.0 1.0) true)))
 (or $x4671 $x4106 $x4671 $x4671 $x4671 $x4106 $x4671 $x4671 $x4671 $x4671 $x4671 $x4671))))
(check-sat)
