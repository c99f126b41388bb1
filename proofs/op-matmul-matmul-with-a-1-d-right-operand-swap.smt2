;; permeq proof obligation
;; claim: MatMul (MatMul with a 1-D right operand): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
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
(declare-fun in0_11 () Real)
(declare-fun in1_1 () Real)
(declare-fun in0_10 () Real)
(declare-fun in1_0 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(assert
 (let ((?x681 (* in0_10 in1_1)))
 (let ((?x278 (* in0_9 in1_0)))
 (let ((?x277 (+ 0.0 ?x278)))
 (let ((?x639 (+ ?x277 ?x681)))
 (let ((?x640 (+ ?x639 (* in0_11 in1_2))))
 (let ((?x488 (* in0_8 in1_2)))
 (let ((?x300 (+ 0.0 (* in0_6 in1_0))))
 (let ((?x679 (+ ?x300 (* in0_7 in1_1))))
 (let ((?x680 (+ ?x679 ?x488)))
 (let ((?x410 (* in0_1 in1_1)))
 (let ((?x74 (+ 0.0 (* in0_0 in1_0))))
 (let ((?x296 (+ ?x74 ?x410)))
 (let ((?x645 (+ ?x296 (* in0_2 in1_2))))
 (let ((?x478 (* in0_5 in1_2)))
 (let ((?x520 (* in0_4 in1_1)))
 (let ((?x289 (* in0_3 in1_0)))
 (let ((?x290 (+ 0.0 ?x289)))
 (let ((?x646 (+ ?x290 ?x520)))
 (let ((?x647 (+ ?x646 ?x478)))
 (or (and (distinct ?x647 ?x647) true) (and (distinct ?x645 ?x645) true) (and (distinct ?x680 ?x680) true) (and (distinct ?x640 ?x640) true))))))))))))))))))))))
(check-sat)
