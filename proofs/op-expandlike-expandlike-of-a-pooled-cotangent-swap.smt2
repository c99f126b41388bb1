;; permeq proof obligation
;; claim: ExpandLike (ExpandLike of a pooled cotangent): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
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
 (let ((?x3224 (/ in0_2 4.0)))
 (let (($x2645 (and (distinct ?x3224 ?x3224) true)))
 (let ((?x2409 (/ in0_1 4.0)))
 (let (($x2851 (and (distinct ?x2409 ?x2409) true)))
 (let ((?x2978 (/ in0_0 4.0)))
 (let (($x3949 (and (distinct ?x2978 ?x2978) true)))
 (or $x3949 $x2851 $x2645 $x3949 $x2851 $x2645 $x3949 $x2851 $x2645 $x3949 $x2851 $x2645))))))))
(check-sat)
