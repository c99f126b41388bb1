;; permeq proof obligation
;; claim: CumSum (CumSum over tokens): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: sat (a counterexample exists)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_8 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_0 () Real)
(assert
 (let ((?x1473 (+ 0.0 in0_2)))
 (let ((?x902 (+ ?x1473 in0_5)))
 (let ((?x999 (+ ?x902 in0_8)))
 (let ((?x1551 (+ 0.0 in0_5)))
 (let ((?x1020 (+ ?x1551 in0_2)))
 (let ((?x1576 (+ ?x1020 in0_8)))
 (let ((?x1000 (+ 0.0 in0_1)))
 (let ((?x1450 (+ ?x1000 in0_4)))
 (let ((?x1272 (+ ?x1450 in0_7)))
 (let ((?x647 (+ 0.0 in0_4)))
 (let ((?x1046 (+ ?x647 in0_1)))
 (let ((?x831 (+ ?x1046 in0_7)))
 (let ((?x401 (+ 0.0 in0_0)))
 (let ((?x1447 (+ ?x401 in0_3)))
 (let ((?x1070 (+ ?x1447 in0_6)))
 (let ((?x1130 (+ 0.0 in0_3)))
 (let ((?x1055 (+ ?x1130 in0_0)))
 (let ((?x1213 (+ ?x1055 in0_6)))
 (or (and (distinct 0.0 ?x401) true) (and (distinct 0.0 ?x1000) true) (and (distinct 0.0 ?x1473) true) (and (distinct ?x1130 0.0) true) (and (distinct ?x647 0.0) true) (and (distinct ?x1551 0.0) true) (and (distinct ?x1055 ?x1447) true) (and (distinct ?x1046 ?x1450) true) (and (distinct ?x1020 ?x902) true) (and (distinct ?x1213 ?x1070) true) (and (distinct ?x831 ?x1272) true) (and (distinct ?x1576 ?x999) true)))))))))))))))))))))
(check-sat)
