;; permeq proof obligation
;; claim: ExpandLike (ExpandLike of a per-token mean): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4], [4, 3]
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
 (let ((?x2172 (/ in0_0 3.0)))
 (let (($x2851 (and (distinct ?x2172 ?x2172) true)))
 (let ((?x2876 (/ in0_3 3.0)))
 (let (($x2409 (and (distinct ?x2876 ?x2876) true)))
 (let ((?x2328 (/ in0_2 3.0)))
 (let (($x3949 (and (distinct ?x2328 ?x2328) true)))
 (let ((?x3834 (/ in0_1 3.0)))
 (let (($x2978 (and (distinct ?x3834 ?x3834) true)))
 (or $x2978 $x2978 $x2978 $x3949 $x3949 $x3949 $x2409 $x2409 $x2409 $x2851 $x2851 $x2851))))))))))
(check-sat)
