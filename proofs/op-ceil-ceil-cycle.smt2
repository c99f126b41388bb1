;; permeq proof obligation
;; claim: Ceil (Ceil): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let ((?x3434 (- (to_real (to_int (- in0_2))))))
 (let ((?x2372 (- (to_real (to_int (- in0_1))))))
 (let ((?x2736 (- (to_real (to_int (- in0_0))))))
 (let ((?x3375 (- (to_real (to_int (- in0_11))))))
 (let ((?x3490 (- (to_real (to_int (- in0_10))))))
 (let ((?x3025 (- (to_real (to_int (- in0_9))))))
 (let ((?x2901 (- (to_real (to_int (- in0_8))))))
 (let ((?x2981 (- (to_real (to_int (- in0_7))))))
 (let ((?x2454 (- (to_real (to_int (- in0_6))))))
 (let ((?x3143 (- (to_real (to_int (- in0_5))))))
 (let ((?x3001 (- (to_real (to_int (- in0_4))))))
 (let ((?x2470 (- (to_real (to_int (- in0_3))))))
 (or (and (distinct ?x2470 ?x2470) true) (and (distinct ?x3001 ?x3001) true) (and (distinct ?x3143 ?x3143) true) (and (distinct ?x2454 ?x2454) true) (and (distinct ?x2981 ?x2981) true) (and (distinct ?x2901 ?x2901) true) (and (distinct ?x3025 ?x3025) true) (and (distinct ?x3490 ?x3490) true) (and (distinct ?x3375 ?x3375) true) (and (distinct ?x2736 ?x2736) true) (and (distinct ?x2372 ?x2372) true) (and (distinct ?x3434 ?x3434) true)))))))))))))))
(check-sat)
