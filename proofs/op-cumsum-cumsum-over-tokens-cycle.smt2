;; permeq proof obligation
;; claim: CumSum (CumSum over tokens): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: sat (a counterexample exists)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_11 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(assert
 (let ((?x1054 (+ 0.0 in0_2)))
 (let ((?x1065 (+ ?x1054 in0_5)))
 (let ((?x984 (+ ?x1065 in0_8)))
 (let ((?x1154 (+ 0.0 in0_5)))
 (let ((?x1624 (+ ?x1154 in0_8)))
 (let ((?x1398 (+ 0.0 in0_1)))
 (let ((?x851 (+ ?x1398 in0_4)))
 (let ((?x1338 (+ ?x851 in0_7)))
 (let ((?x1238 (+ 0.0 in0_4)))
 (let ((?x267 (+ ?x1238 in0_7)))
 (let ((?x1010 (+ 0.0 in0_0)))
 (let ((?x815 (+ ?x1010 in0_3)))
 (let ((?x886 (+ ?x815 in0_6)))
 (let ((?x952 (+ 0.0 in0_3)))
 (let ((?x746 (+ ?x952 in0_6)))
 (or (and (distinct 0.0 ?x1010) true) (and (distinct 0.0 ?x1398) true) (and (distinct 0.0 ?x1054) true) (and (distinct ?x952 ?x815) true) (and (distinct ?x1238 ?x851) true) (and (distinct ?x1154 ?x1065) true) (and (distinct ?x746 ?x886) true) (and (distinct ?x267 ?x1338) true) (and (distinct ?x1624 ?x984) true) (and (distinct (+ ?x746 in0_9) 0.0) true) (and (distinct (+ ?x267 in0_10) 0.0) true) (and (distinct (+ ?x1624 in0_11) 0.0) true))))))))))))))))))
(check-sat)
