;; permeq proof obligation
;; claim: ScatterElementsAdd (ScatterElementsAdd (cross-entropy cotangent)): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 2], [4, 2] (fixed), [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_3 () Real)
(assert
 (let (($x3371 (and (distinct 0.0 0.0) true)))
 (or (and (distinct (+ 0.0 in0_3) (+ 0.0 in0_3)) true) $x3371 (and (distinct (+ 0.0 in0_2) (+ 0.0 in0_2)) true) $x3371 (and (distinct (+ 0.0 in0_4) (+ 0.0 in0_4)) true) (and (distinct (+ 0.0 in0_5) (+ 0.0 in0_5)) true) (and (distinct (+ 0.0 in0_6) (+ 0.0 in0_6)) true) (and (distinct (+ 0.0 in0_7) (+ 0.0 in0_7)) true) $x3371 (and (distinct (+ 0.0 in0_0) (+ 0.0 in0_0)) true) (and (distinct (+ 0.0 in0_1) (+ 0.0 in0_1)) true) $x3371)))
(check-sat)
