;; permeq proof obligation
;; claim: Abs (Abs): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_11 () Real)
(declare-fun in0_10 () Real)
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
 (let ((?x2846 (ite (< in0_11 0.0) (- in0_11) in0_11)))
 (let ((?x2795 (ite (< in0_10 0.0) (- in0_10) in0_10)))
 (let ((?x2365 (ite (< in0_9 0.0) (- in0_9) in0_9)))
 (let ((?x3154 (ite (< in0_8 0.0) (- in0_8) in0_8)))
 (let ((?x1916 (ite (< in0_7 0.0) (- in0_7) in0_7)))
 (let ((?x2739 (ite (< in0_6 0.0) (- in0_6) in0_6)))
 (let ((?x1846 (ite (< in0_2 0.0) (- in0_2) in0_2)))
 (let ((?x2939 (ite (< in0_1 0.0) (- in0_1) in0_1)))
 (let ((?x2825 (ite (< in0_0 0.0) (- in0_0) in0_0)))
 (let ((?x3082 (ite (< in0_5 0.0) (- in0_5) in0_5)))
 (let ((?x3224 (ite (< in0_4 0.0) (- in0_4) in0_4)))
 (let ((?x2978 (ite (< in0_3 0.0) (- in0_3) in0_3)))
 (or (and (distinct ?x2978 ?x2978) true) (and (distinct ?x3224 ?x3224) true) (and (distinct ?x3082 ?x3082) true) (and (distinct ?x2825 ?x2825) true) (and (distinct ?x2939 ?x2939) true) (and (distinct ?x1846 ?x1846) true) (and (distinct ?x2739 ?x2739) true) (and (distinct ?x1916 ?x1916) true) (and (distinct ?x3154 ?x3154) true) (and (distinct ?x2365 ?x2365) true) (and (distinct ?x2795 ?x2795) true) (and (distinct ?x2846 ?x2846) true)))))))))))))))
(check-sat)
