;; permeq proof obligation
;; claim: ReduceMax (ReduceMax over tokens): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_2 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_9 () Real)
(assert
 (let ((?x1598 (ite (< in0_2 in0_5) in0_5 in0_2)))
 (let ((?x1710 (ite (< ?x1598 in0_8) in0_8 ?x1598)))
 (let ((?x1699 (ite (< in0_5 in0_8) in0_8 in0_5)))
 (let ((?x1478 (ite (< ?x1699 in0_11) in0_11 ?x1699)))
 (let (($x2272 (and (distinct (ite (< ?x1478 in0_2) in0_2 ?x1478) (ite (< ?x1710 in0_11) in0_11 ?x1710)) true)))
 (let ((?x1789 (ite (< in0_1 in0_4) in0_4 in0_1)))
 (let ((?x1898 (ite (< ?x1789 in0_7) in0_7 ?x1789)))
 (let ((?x1756 (ite (< in0_4 in0_7) in0_7 in0_4)))
 (let ((?x1728 (ite (< ?x1756 in0_10) in0_10 ?x1756)))
 (let (($x2206 (and (distinct (ite (< ?x1728 in0_1) in0_1 ?x1728) (ite (< ?x1898 in0_10) in0_10 ?x1898)) true)))
 (let ((?x1824 (ite (< in0_0 in0_3) in0_3 in0_0)))
 (let ((?x1652 (ite (< ?x1824 in0_6) in0_6 ?x1824)))
 (let ((?x1931 (ite (< in0_3 in0_6) in0_6 in0_3)))
 (let ((?x1987 (ite (< ?x1931 in0_9) in0_9 ?x1931)))
 (let (($x2193 (and (distinct (ite (< ?x1987 in0_0) in0_0 ?x1987) (ite (< ?x1652 in0_9) in0_9 ?x1652)) true)))
 (or $x2193 $x2206 $x2272)))))))))))))))))
(check-sat)
