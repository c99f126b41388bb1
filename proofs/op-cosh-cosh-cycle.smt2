;; permeq proof obligation
;; claim: Cosh (Cosh): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Cosh (Real) Real)
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
 (let ((?x2218 (Cosh in0_0)))
 (> ?x2218 0.0)))
(assert
 (let ((?x2820 (Cosh in0_1)))
 (> ?x2820 0.0)))
(assert
 (let ((?x2796 (Cosh in0_2)))
 (> ?x2796 0.0)))
(assert
 (let ((?x3276 (Cosh in0_3)))
 (> ?x3276 0.0)))
(assert
 (let ((?x2978 (Cosh in0_4)))
 (> ?x2978 0.0)))
(assert
 (let ((?x1701 (Cosh in0_5)))
 (> ?x1701 0.0)))
(assert
 (let ((?x2435 (Cosh in0_6)))
 (> ?x2435 0.0)))
(assert
 (let ((?x2750 (Cosh in0_7)))
 (> ?x2750 0.0)))
(assert
 (let ((?x2753 (Cosh in0_8)))
 (> ?x2753 0.0)))
(assert
 (let ((?x3188 (Cosh in0_9)))
 (> ?x3188 0.0)))
(assert
 (let ((?x2639 (Cosh in0_10)))
 (> ?x2639 0.0)))
(assert
 (let ((?x3077 (Cosh in0_11)))
 (> ?x3077 0.0)))
(assert
 (let ((?x3276 (Cosh in0_3)))
 (> ?x3276 0.0)))
(assert
 (let ((?x2978 (Cosh in0_4)))
 (> ?x2978 0.0)))
(assert
 (let ((?x1701 (Cosh in0_5)))
 (> ?x1701 0.0)))
(assert
 (let ((?x2435 (Cosh in0_6)))
 (> ?x2435 0.0)))
(assert
 (let ((?x2750 (Cosh in0_7)))
 (> ?x2750 0.0)))
(assert
 (let ((?x2753 (Cosh in0_8)))
 (> ?x2753 0.0)))
(assert
 (let ((?x3188 (Cosh in0_9)))
 (> ?x3188 0.0)))
(assert
 (let ((?x2639 (Cosh in0_10)))
 (> ?x2639 0.0)))
(assert
 (let ((?x3077 (Cosh in0_11)))
 (> ?x3077 0.0)))
(assert
 (let ((?x2218 (Cosh in0_0)))
 (> ?x2218 0.0)))
(assert
 (let ((?x2820 (Cosh in0_1)))
 (> ?x2820 0.0)))
(assert
 (let ((?x2796 (Cosh in0_2)))
 (> ?x2796 0.0)))
(assert
 (or (and (distinct (Cosh in0_3) (Cosh in0_3)) true) (and (distinct (Cosh in0_4) (Cosh in0_4)) true) (and (distinct (Cosh in0_5) (Cosh in0_5)) true) (and (distinct (Cosh in0_6) (Cosh in0_6)) true) (and (distinct (Cosh in0_7) (Cosh in0_7)) true) (and (distinct (Cosh in0_8) (Cosh in0_8)) true) (and (distinct (Cosh in0_9) (Cosh in0_9)) true) (and (distinct (Cosh in0_10) (Cosh in0_10)) true) (and (distinct (Cosh in0_11) (Cosh in0_11)) true) (and (distinct (Cosh in0_0) (Cosh in0_0)) true) (and (distinct (Cosh in0_1) (Cosh in0_1)) true) (and (distinct (Cosh in0_2) (Cosh in0_2)) true)))
(check-sat)
