;; permeq proof obligation
;; claim: Neg (Neg of int64 positions): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let ((?x3068 (- 2.0)))
 (let (($x3078 (and (distinct ?x3068 ?x3068) true)))
 (let ((?x4143 (- 1.0)))
 (let (($x3048 (and (distinct ?x4143 ?x4143) true)))
 (let ((?x3885 (- 0.0)))
 (let (($x2838 (and (distinct ?x3885 ?x3885) true)))
 (or $x2838 $x3048 $x3078 $x2838 $x3048 $x3078 $x2838 $x3048 $x3078 $x2838 $x3048 $x3078))))))))
(check-sat)
