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
 (let ((?x945 (+ 0.0 in0_2)))
 (let ((?x1112 (+ ?x945 in0_5)))
 (let ((?x1056 (+ ?x1112 in0_8)))
 (let ((?x1166 (+ 0.0 in0_5)))
 (let ((?x1184 (+ ?x1166 in0_8)))
 (let ((?x1076 (+ 0.0 in0_1)))
 (let ((?x1353 (+ ?x1076 in0_4)))
 (let ((?x1256 (+ ?x1353 in0_7)))
 (let ((?x754 (+ 0.0 in0_4)))
 (let ((?x1304 (+ ?x754 in0_7)))
 (let ((?x258 (+ 0.0 in0_0)))
 (let ((?x1640 (+ ?x258 in0_3)))
 (let ((?x1168 (+ ?x1640 in0_6)))
 (let ((?x956 (+ 0.0 in0_3)))
 (let ((?x1171 (+ ?x956 in0_6)))
 (or (and (distinct 0.0 ?x258) true) (and (distinct 0.0 ?x1076) true) (and (distinct 0.0 ?x945) true) (and (distinct ?x956 ?x1640) true) (and (distinct ?x754 ?x1353) true) (and (distinct ?x1166 ?x1112) true) (and (distinct ?x1171 ?x1168) true) (and (distinct ?x1304 ?x1256) true) (and (distinct ?x1184 ?x1056) true) (and (distinct (+ ?x1171 in0_9) 0.0) true) (and (distinct (+ ?x1304 in0_10) 0.0) true) (and (distinct (+ ?x1184 in0_11) 0.0) true))))))))))))))))))
(check-sat)
