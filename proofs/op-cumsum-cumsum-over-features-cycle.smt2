;; permeq proof obligation
;; claim: CumSum (CumSum over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(assert
 (let ((?x668 (+ 0.0 in0_0)))
 (let ((?x1111 (+ ?x668 in0_1)))
 (let ((?x1181 (+ ?x1111 in0_2)))
 (let ((?x1166 (+ 0.0 in0_9)))
 (let ((?x1205 (+ ?x1166 in0_10)))
 (let ((?x1435 (+ ?x1205 in0_11)))
 (let ((?x1797 (+ 0.0 in0_6)))
 (let ((?x1238 (+ ?x1797 in0_7)))
 (let ((?x1488 (+ ?x1238 in0_8)))
 (let ((?x1346 (+ 0.0 in0_3)))
 (let ((?x1606 (+ ?x1346 in0_4)))
 (let ((?x1007 (+ ?x1606 in0_5)))
 (or (and (distinct ?x1346 ?x1346) true) (and (distinct ?x1606 ?x1606) true) (and (distinct ?x1007 ?x1007) true) (and (distinct ?x1797 ?x1797) true) (and (distinct ?x1238 ?x1238) true) (and (distinct ?x1488 ?x1488) true) (and (distinct ?x1166 ?x1166) true) (and (distinct ?x1205 ?x1205) true) (and (distinct ?x1435 ?x1435) true) (and (distinct ?x668 ?x668) true) (and (distinct ?x1111 ?x1111) true) (and (distinct ?x1181 ?x1181) true)))))))))))))))
(check-sat)
