;; permeq proof obligation
;; claim: CumSum (CumSum over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let ((?x401 (+ 0.0 in0_0)))
 (let ((?x442 (+ ?x401 in0_1)))
 (let ((?x680 (+ ?x442 in0_2)))
 (let ((?x1280 (+ 0.0 in0_9)))
 (let ((?x1320 (+ ?x1280 in0_10)))
 (let ((?x1556 (+ ?x1320 in0_11)))
 (let ((?x1463 (+ 0.0 in0_6)))
 (let ((?x946 (+ ?x1463 in0_7)))
 (let ((?x828 (+ ?x946 in0_8)))
 (let ((?x1130 (+ 0.0 in0_3)))
 (let ((?x1357 (+ ?x1130 in0_4)))
 (let ((?x1348 (+ ?x1357 in0_5)))
 (or (and (distinct ?x1130 ?x1130) true) (and (distinct ?x1357 ?x1357) true) (and (distinct ?x1348 ?x1348) true) (and (distinct ?x1463 ?x1463) true) (and (distinct ?x946 ?x946) true) (and (distinct ?x828 ?x828) true) (and (distinct ?x1280 ?x1280) true) (and (distinct ?x1320 ?x1320) true) (and (distinct ?x1556 ?x1556) true) (and (distinct ?x401 ?x401) true) (and (distinct ?x442 ?x442) true) (and (distinct ?x680 ?x680) true)))))))))))))))
(check-sat)
