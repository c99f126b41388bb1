;; permeq proof obligation
;; claim: ReduceLogSum (ReduceLogSum over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Log (Real) Real)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_9 () Real)
(assert
 (=> (= (+ (+ in0_0 in0_1) in0_2) 1.0) (= (Log (+ (+ in0_0 in0_1) in0_2)) 0.0)))
(assert
 (=> (= (+ (+ in0_3 in0_4) in0_5) 1.0) (= (Log (+ (+ in0_3 in0_4) in0_5)) 0.0)))
(assert
 (=> (= (+ (+ in0_6 in0_7) in0_8) 1.0) (= (Log (+ (+ in0_6 in0_7) in0_8)) 0.0)))
(assert
 (=> (= (+ (+ in0_9 in0_10) in0_11) 1.0) (= (Log (+ (+ in0_9 in0_10) in0_11)) 0.0)))
(assert
 (=> (= (+ (+ in0_3 in0_4) in0_5) 1.0) (= (Log (+ (+ in0_3 in0_4) in0_5)) 0.0)))
(assert
 (=> (= (+ (+ in0_0 in0_1) in0_2) 1.0) (= (Log (+ (+ in0_0 in0_1) in0_2)) 0.0)))
(assert
 (=> (= (+ (+ in0_6 in0_7) in0_8) 1.0) (= (Log (+ (+ in0_6 in0_7) in0_8)) 0.0)))
(assert
 (=> (= (+ (+ in0_9 in0_10) in0_11) 1.0) (= (Log (+ (+ in0_9 in0_10) in0_11)) 0.0)))
(assert
 (let ((?x3181 (+ (+ in0_9 in0_10) in0_11)))
 (let ((?x3001 (Log ?x3181)))
 (let ((?x3635 (+ (+ in0_6 in0_7) in0_8)))
 (let ((?x4737 (Log ?x3635)))
 (let ((?x3953 (+ (+ in0_0 in0_1) in0_2)))
 (let ((?x4428 (Log ?x3953)))
 (let ((?x4213 (+ (+ in0_3 in0_4) in0_5)))
 (let ((?x5207 (Log ?x4213)))
 (or (and (distinct ?x5207 ?x5207) true) (and (distinct ?x4428 ?x4428) true) (and (distinct ?x4737 ?x4737) true) (and (distinct ?x3001 ?x3001) true)))))))))))
(check-sat)
