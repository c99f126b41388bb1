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
 (let ((?x1626 (+ 0.0 in0_2)))
 (let ((?x1976 (+ ?x1626 in0_5)))
 (let ((?x1813 (+ ?x1976 in0_8)))
 (let ((?x1355 (+ 0.0 in0_5)))
 (let ((?x1486 (+ ?x1355 in0_2)))
 (let ((?x2044 (+ ?x1486 in0_8)))
 (let ((?x1525 (+ 0.0 in0_1)))
 (let ((?x1784 (+ ?x1525 in0_4)))
 (let ((?x1231 (+ ?x1784 in0_7)))
 (let ((?x1220 (+ 0.0 in0_4)))
 (let ((?x1152 (+ ?x1220 in0_1)))
 (let ((?x1218 (+ ?x1152 in0_7)))
 (let ((?x668 (+ 0.0 in0_0)))
 (let ((?x1501 (+ ?x668 in0_3)))
 (let ((?x1351 (+ ?x1501 in0_6)))
 (let ((?x1346 (+ 0.0 in0_3)))
 (let ((?x1722 (+ ?x1346 in0_0)))
 (let ((?x1493 (+ ?x1722 in0_6)))
 (or (and (distinct 0.0 ?x668) true) (and (distinct 0.0 ?x1525) true) (and (distinct 0.0 ?x1626) true) (and (distinct ?x1346 0.0) true) (and (distinct ?x1220 0.0) true) (and (distinct ?x1355 0.0) true) (and (distinct ?x1722 ?x1501) true) (and (distinct ?x1152 ?x1784) true) (and (distinct ?x1486 ?x1976) true) (and (distinct ?x1493 ?x1351) true) (and (distinct ?x1218 ?x1231) true) (and (distinct ?x2044 ?x1813) true)))))))))))))))))))))
(check-sat)
