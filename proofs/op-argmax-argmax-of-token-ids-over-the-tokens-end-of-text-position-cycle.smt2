;; permeq proof obligation
;; claim: ArgMax (ArgMax of token ids over the tokens (end-of-text position)): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 2] (fixed)
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: sat (a counterexample exists)
(set-logic ALL)
; 
(set-info :status unknown)
(assert
 (let (($x4178 (< 1.0 0.0)))
 (let ((?x5938 (ite $x4178 1.0 0.0)))
 (let ((?x5357 (ite $x4178 0.0 1.0)))
 (let (($x5501 (< ?x5357 2.0)))
 (let ((?x2930 (ite $x5501 2.0 ?x5938)))
 (let (($x5814 (< 0.0 2.0)))
 (let ((?x4780 (ite $x5814 1.0 0.0)))
 (let ((?x5318 (ite $x5814 2.0 0.0)))
 (let (($x4971 (< ?x5318 1.0)))
 (let ((?x3801 (ite $x4971 2.0 ?x4780)))
 (let (($x5848 (and (distinct (ite (< (ite $x4971 1.0 ?x5318) 1.0) 3.0 ?x3801) (ite (< (ite $x5501 2.0 ?x5357) 1.0) 3.0 ?x2930)) true)))
 (let (($x4577 (< 2.0 1.0)))
 (let ((?x3691 (ite $x4577 1.0 0.0)))
 (let ((?x5204 (ite $x4577 1.0 2.0)))
 (let (($x3646 (< ?x5204 0.0)))
 (let ((?x4716 (ite $x3646 2.0 ?x3691)))
 (let (($x5625 (and (distinct (ite (< (ite $x3646 0.0 ?x5204) 0.0) 3.0 ?x4716) (ite (< (ite $x4971 1.0 ?x5318) 0.0) 3.0 ?x3801)) true)))
 (or $x5625 $x5848)))))))))))))))))))
(check-sat)
