;; permeq proof obligation
;; claim: ArgMax (ArgMax over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_5 () Real)
(assert
 (let (($x1048 (< in0_0 in0_1)))
 (let ((?x1167 (ite $x1048 1.0 0.0)))
 (let ((?x1322 (ite (< (ite $x1048 in0_1 in0_0) in0_2) 2.0 ?x1167)))
 (let (($x1224 (< in0_9 in0_10)))
 (let ((?x1075 (ite $x1224 1.0 0.0)))
 (let ((?x1173 (ite (< (ite $x1224 in0_10 in0_9) in0_11) 2.0 ?x1075)))
 (let (($x1269 (< in0_6 in0_7)))
 (let ((?x606 (ite $x1269 1.0 0.0)))
 (let ((?x1113 (ite (< (ite $x1269 in0_7 in0_6) in0_8) 2.0 ?x606)))
 (let (($x957 (< in0_3 in0_4)))
 (let ((?x1087 (ite $x957 1.0 0.0)))
 (let ((?x1357 (ite (< (ite $x957 in0_4 in0_3) in0_5) 2.0 ?x1087)))
 (or (and (distinct ?x1357 ?x1357) true) (and (distinct ?x1113 ?x1113) true) (and (distinct ?x1173 ?x1173) true) (and (distinct ?x1322 ?x1322) true)))))))))))))))
(check-sat)
