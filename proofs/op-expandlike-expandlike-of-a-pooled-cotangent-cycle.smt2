;; permeq proof obligation
;; claim: ExpandLike (ExpandLike of a pooled cotangent): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [3], [4, 3]
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
(assert
 (let ((?x2997 (/ in0_2 4.0)))
 (let (($x1912 (and (distinct ?x2997 ?x2997) true)))
 (let ((?x3431 (/ in0_1 4.0)))
 (let (($x3326 (and (distinct ?x3431 ?x3431) true)))
 (let ((?x1697 (/ in0_0 4.0)))
 (let (($x2735 (and (distinct ?x1697 ?x1697) true)))
 (or $x2735 $x3326 $x1912 $x2735 $x3326 $x1912 $x2735 $x3326 $x1912 $x2735 $x3326 $x1912))))))))
(check-sat)
