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
 (let (($x2232 (< in0_0 in0_1)))
 (let ((?x1663 (ite $x2232 1.0 0.0)))
 (let ((?x1814 (ite (< (ite $x2232 in0_1 in0_0) in0_2) 2.0 ?x1663)))
 (let (($x1736 (< in0_9 in0_10)))
 (let ((?x1831 (ite $x1736 1.0 0.0)))
 (let ((?x1676 (ite (< (ite $x1736 in0_10 in0_9) in0_11) 2.0 ?x1831)))
 (let (($x1784 (< in0_6 in0_7)))
 (let ((?x1765 (ite $x1784 1.0 0.0)))
 (let ((?x1807 (ite (< (ite $x1784 in0_7 in0_6) in0_8) 2.0 ?x1765)))
 (let (($x1923 (< in0_3 in0_4)))
 (let ((?x1769 (ite $x1923 1.0 0.0)))
 (let ((?x1903 (ite (< (ite $x1923 in0_4 in0_3) in0_5) 2.0 ?x1769)))
 (or (and (distinct ?x1903 ?x1903) true) (and (distinct ?x1807 ?x1807) true) (and (distinct ?x1676 ?x1676) true) (and (distinct ?x1814 ?x1814) true)))))))))))))))
(check-sat)
