;; permeq proof obligation
;; claim: Abs (Abs): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let ((?x3218 (ite (< in0_2 0.0) (- in0_2) in0_2)))
 (let ((?x3056 (ite (< in0_1 0.0) (- in0_1) in0_1)))
 (let ((?x3416 (ite (< in0_0 0.0) (- in0_0) in0_0)))
 (let ((?x3234 (ite (< in0_11 0.0) (- in0_11) in0_11)))
 (let ((?x1880 (ite (< in0_10 0.0) (- in0_10) in0_10)))
 (let ((?x3260 (ite (< in0_9 0.0) (- in0_9) in0_9)))
 (let ((?x3016 (ite (< in0_8 0.0) (- in0_8) in0_8)))
 (let ((?x3401 (ite (< in0_7 0.0) (- in0_7) in0_7)))
 (let ((?x2493 (ite (< in0_6 0.0) (- in0_6) in0_6)))
 (let ((?x3372 (ite (< in0_5 0.0) (- in0_5) in0_5)))
 (let ((?x2997 (ite (< in0_4 0.0) (- in0_4) in0_4)))
 (let ((?x1697 (ite (< in0_3 0.0) (- in0_3) in0_3)))
 (or (and (distinct ?x1697 ?x1697) true) (and (distinct ?x2997 ?x2997) true) (and (distinct ?x3372 ?x3372) true) (and (distinct ?x2493 ?x2493) true) (and (distinct ?x3401 ?x3401) true) (and (distinct ?x3016 ?x3016) true) (and (distinct ?x3260 ?x3260) true) (and (distinct ?x1880 ?x1880) true) (and (distinct ?x3234 ?x3234) true) (and (distinct ?x3416 ?x3416) true) (and (distinct ?x3056 ?x3056) true) (and (distinct ?x3218 ?x3218) true)))))))))))))))
(check-sat)
