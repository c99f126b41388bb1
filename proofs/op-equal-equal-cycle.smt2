;; permeq proof obligation
;; claim: Equal (Equal): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3], [3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in1_2 () Real)
(declare-fun in0_2 () Real)
(declare-fun in1_1 () Real)
(declare-fun in0_1 () Real)
(declare-fun in1_0 () Real)
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
 (let ((?x157 (ite (= in0_2 in1_2) 1.0 0.0)))
 (let ((?x205 (ite (= in0_1 in1_1) 1.0 0.0)))
 (let ((?x190 (ite (= in0_0 in1_0) 1.0 0.0)))
 (let ((?x46 (ite (= in0_11 in1_2) 1.0 0.0)))
 (let ((?x80 (ite (= in0_10 in1_1) 1.0 0.0)))
 (let ((?x250 (ite (= in0_9 in1_0) 1.0 0.0)))
 (let ((?x237 (ite (= in0_8 in1_2) 1.0 0.0)))
 (let ((?x156 (ite (= in0_7 in1_1) 1.0 0.0)))
 (let ((?x6 (ite (= in0_6 in1_0) 1.0 0.0)))
 (let ((?x101 (ite (= in0_5 in1_2) 1.0 0.0)))
 (let ((?x249 (ite (= in0_4 in1_1) 1.0 0.0)))
 (let ((?x103 (ite (= in0_3 in1_0) 1.0 0.0)))
 (or (and (distinct ?x103 ?x103) true) (and (distinct ?x249 ?x249) true) (and (distinct ?x101 ?x101) true) (and (distinct ?x6 ?x6) true) (and (distinct ?x156 ?x156) true) (and (distinct ?x237 ?x237) true) (and (distinct ?x250 ?x250) true) (and (distinct ?x80 ?x80) true) (and (distinct ?x46 ?x46) true) (and (distinct ?x190 ?x190) true) (and (distinct ?x205 ?x205) true) (and (distinct ?x157 ?x157) true)))))))))))))))
(check-sat)
