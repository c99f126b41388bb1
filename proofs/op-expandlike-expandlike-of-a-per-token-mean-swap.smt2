;; permeq proof obligation
;; claim: ExpandLike (ExpandLike of a per-token mean): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4], [4, 3]
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
 (let ((?x2838 (/ in0_3 3.0)))
 (let (($x3326 (and (distinct ?x2838 ?x2838) true)))
 (let ((?x2918 (/ in0_2 3.0)))
 (let (($x3431 (and (distinct ?x2918 ?x2918) true)))
 (let ((?x2673 (/ in0_0 3.0)))
 (let (($x2735 (and (distinct ?x2673 ?x2673) true)))
 (let ((?x3243 (/ in0_1 3.0)))
 (let (($x1697 (and (distinct ?x3243 ?x3243) true)))
 (or $x1697 $x1697 $x1697 $x2735 $x2735 $x2735 $x3431 $x3431 $x3431 $x3326 $x3326 $x3326))))))))))
(check-sat)
