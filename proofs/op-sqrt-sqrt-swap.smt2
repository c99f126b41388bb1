;; permeq proof obligation
;; claim: Sqrt (Sqrt): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Sqrt (Real) Real)
(declare-fun in0_0 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_11 () Real)
(assert
 (let ((?x30 (Sqrt in0_0)))
 (> ?x30 0.0)))
(assert
 (let ((?x90 (Sqrt in0_1)))
 (> ?x90 0.0)))
(assert
 (let ((?x86 (Sqrt in0_2)))
 (> ?x86 0.0)))
(assert
 (let ((?x50 (Sqrt in0_3)))
 (> ?x50 0.0)))
(assert
 (let ((?x78 (Sqrt in0_4)))
 (> ?x78 0.0)))
(assert
 (let ((?x192 (Sqrt in0_5)))
 (> ?x192 0.0)))
(assert
 (let ((?x115 (Sqrt in0_6)))
 (> ?x115 0.0)))
(assert
 (let ((?x53 (Sqrt in0_7)))
 (> ?x53 0.0)))
(assert
 (let ((?x193 (Sqrt in0_8)))
 (> ?x193 0.0)))
(assert
 (let ((?x61 (Sqrt in0_9)))
 (> ?x61 0.0)))
(assert
 (let ((?x153 (Sqrt in0_10)))
 (> ?x153 0.0)))
(assert
 (let ((?x128 (Sqrt in0_11)))
 (> ?x128 0.0)))
(assert
 (let ((?x50 (Sqrt in0_3)))
 (> ?x50 0.0)))
(assert
 (let ((?x78 (Sqrt in0_4)))
 (> ?x78 0.0)))
(assert
 (let ((?x192 (Sqrt in0_5)))
 (> ?x192 0.0)))
(assert
 (let ((?x30 (Sqrt in0_0)))
 (> ?x30 0.0)))
(assert
 (let ((?x90 (Sqrt in0_1)))
 (> ?x90 0.0)))
(assert
 (let ((?x86 (Sqrt in0_2)))
 (> ?x86 0.0)))
(assert
 (let ((?x115 (Sqrt in0_6)))
 (> ?x115 0.0)))
(assert
 (let ((?x53 (Sqrt in0_7)))
 (> ?x53 0.0)))
(assert
 (let ((?x193 (Sqrt in0_8)))
 (> ?x193 0.0)))
(assert
 (let ((?x61 (Sqrt in0_9)))
 (> ?x61 0.0)))
(assert
 (let ((?x153 (Sqrt in0_10)))
 (> ?x153 0.0)))
(assert
 (let ((?x128 (Sqrt in0_11)))
 (> ?x128 0.0)))
(assert
 (or (and (distinct (Sqrt in0_3) (Sqrt in0_3)) true) (and (distinct (Sqrt in0_4) (Sqrt in0_4)) true) (and (distinct (Sqrt in0_5) (Sqrt in0_5)) true) (and (distinct (Sqrt in0_0) (Sqrt in0_0)) true) (and (distinct (Sqrt in0_1) (Sqrt in0_1)) true) (and (distinct (Sqrt in0_2) (Sqrt in0_2)) true) (and (distinct (Sqrt in0_6) (Sqrt in0_6)) true) (and (distinct (Sqrt in0_7) (Sqrt in0_7)) true) (and (distinct (Sqrt in0_8) (Sqrt in0_8)) true) (and (distinct (Sqrt in0_9) (Sqrt in0_9)) true) (and (distinct (Sqrt in0_10) (Sqrt in0_10)) true) (and (distinct (Sqrt in0_11) (Sqrt in0_11)) true)))
(check-sat)
