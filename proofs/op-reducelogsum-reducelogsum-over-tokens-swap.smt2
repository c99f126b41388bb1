;; permeq proof obligation
;; claim: ReduceLogSum (ReduceLogSum over tokens): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the transposition
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
(declare-fun in0_9 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_2 () Real)
(assert
 (=> (= (+ (+ (+ in0_0 in0_3) in0_6) in0_9) 1.0) (= (Log (+ (+ (+ in0_0 in0_3) in0_6) in0_9)) 0.0)))
(assert
 (=> (= (+ (+ (+ in0_1 in0_4) in0_7) in0_10) 1.0) (= (Log (+ (+ (+ in0_1 in0_4) in0_7) in0_10)) 0.0)))
(assert
 (=> (= (+ (+ (+ in0_2 in0_5) in0_8) in0_11) 1.0) (= (Log (+ (+ (+ in0_2 in0_5) in0_8) in0_11)) 0.0)))
(assert
 (=> (= (+ (+ (+ in0_3 in0_0) in0_6) in0_9) 1.0) (= (Log (+ (+ (+ in0_3 in0_0) in0_6) in0_9)) 0.0)))
(assert
 (=> (= (+ (+ (+ in0_4 in0_1) in0_7) in0_10) 1.0) (= (Log (+ (+ (+ in0_4 in0_1) in0_7) in0_10)) 0.0)))
(assert
 (=> (= (+ (+ (+ in0_5 in0_2) in0_8) in0_11) 1.0) (= (Log (+ (+ (+ in0_5 in0_2) in0_8) in0_11)) 0.0)))
(assert
 (let ((?x5164 (+ (+ (+ in0_2 in0_5) in0_8) in0_11)))
 (let ((?x3827 (Log ?x5164)))
 (let ((?x4210 (+ (+ (+ in0_5 in0_2) in0_8) in0_11)))
 (let ((?x4731 (Log ?x4210)))
 (let ((?x4265 (+ (+ (+ in0_1 in0_4) in0_7) in0_10)))
 (let ((?x5693 (Log ?x4265)))
 (let ((?x6046 (+ (+ (+ in0_4 in0_1) in0_7) in0_10)))
 (let ((?x3668 (Log ?x6046)))
 (let ((?x4748 (+ (+ (+ in0_0 in0_3) in0_6) in0_9)))
 (let ((?x3704 (Log ?x4748)))
 (let ((?x4042 (+ (+ (+ in0_3 in0_0) in0_6) in0_9)))
 (let ((?x6043 (Log ?x4042)))
 (or (and (distinct ?x6043 ?x3704) true) (and (distinct ?x3668 ?x5693) true) (and (distinct ?x4731 ?x3827) true)))))))))))))))
(check-sat)
