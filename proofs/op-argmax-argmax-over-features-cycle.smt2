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
 (let (($x1503 (< in0_0 in0_1)))
 (let ((?x1831 (ite $x1503 1.0 0.0)))
 (let ((?x865 (ite (< (ite $x1503 in0_1 in0_0) in0_2) 2.0 ?x1831)))
 (let (($x1079 (< in0_9 in0_10)))
 (let ((?x1664 (ite $x1079 1.0 0.0)))
 (let ((?x1768 (ite (< (ite $x1079 in0_10 in0_9) in0_11) 2.0 ?x1664)))
 (let (($x1617 (< in0_6 in0_7)))
 (let ((?x1748 (ite $x1617 1.0 0.0)))
 (let ((?x1448 (ite (< (ite $x1617 in0_7 in0_6) in0_8) 2.0 ?x1748)))
 (let (($x1310 (< in0_3 in0_4)))
 (let ((?x1372 (ite $x1310 1.0 0.0)))
 (let ((?x1606 (ite (< (ite $x1310 in0_4 in0_3) in0_5) 2.0 ?x1372)))
 (or (and (distinct ?x1606 ?x1606) true) (and (distinct ?x1448 ?x1448) true) (and (distinct ?x1768 ?x1768) true) (and (distinct ?x865 ?x865) true)))))))))))))))
(check-sat)
