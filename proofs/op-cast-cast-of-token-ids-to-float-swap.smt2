;; permeq proof obligation
;; claim: Cast (Cast of token ids to float): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3] (fixed)
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(assert
 (let (($x158 (and (distinct 2.0 2.0) true)))
 (let (($x166 (and (distinct 1.0 1.0) true)))
 (let (($x9 (and (distinct 0.0 0.0) true)))
 (or $x9 $x166 $x158 $x9 $x166 $x158 $x9 $x166 $x158 $x9 $x166 $x158)))))
(check-sat)
