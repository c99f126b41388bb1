;; permeq proof obligation
;; claim: Neg (Neg of int64 positions): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
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
 (let ((?x2151 (- 2.0)))
 (let (($x2953 (and (distinct ?x2151 ?x2151) true)))
 (let ((?x1114 (- 1.0)))
 (let (($x2597 (and (distinct ?x1114 ?x1114) true)))
 (let ((?x3459 (- 0.0)))
 (let (($x2403 (and (distinct ?x3459 ?x3459) true)))
 (or $x2403 $x2597 $x2953 $x2403 $x2597 $x2953 $x2403 $x2597 $x2953 $x2403 $x2597 $x2953))))))))
(check-sat)
