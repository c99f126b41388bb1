;; permeq proof obligation
;; claim: ScatterAdd (ScatterAdd of an embedding's cotangent): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3], [4] (fixed), [6, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_0 () Real)
(assert
 (let (($x3326 (and (distinct 0.0 0.0) true)))
 (let ((?x1054 (+ 0.0 in0_2)))
 (let ((?x2838 (+ ?x1054 in0_11)))
 (let ((?x1398 (+ 0.0 in0_1)))
 (let ((?x3371 (+ ?x1398 in0_10)))
 (let ((?x1010 (+ 0.0 in0_0)))
 (let ((?x2990 (+ ?x1010 in0_9)))
 (or (and (distinct ?x2990 ?x2990) true) (and (distinct ?x3371 ?x3371) true) (and (distinct ?x2838 ?x2838) true) (and (distinct (+ 0.0 in0_3) (+ 0.0 in0_3)) true) (and (distinct (+ 0.0 in0_4) (+ 0.0 in0_4)) true) (and (distinct (+ 0.0 in0_5) (+ 0.0 in0_5)) true) (and (distinct (+ 0.0 in0_6) (+ 0.0 in0_6)) true) (and (distinct (+ 0.0 in0_7) (+ 0.0 in0_7)) true) (and (distinct (+ 0.0 in0_8) (+ 0.0 in0_8)) true) $x3326 $x3326 $x3326 $x3326 $x3326 $x3326 $x3326 $x3326 $x3326)))))))))
(check-sat)
