;; permeq proof obligation
;; claim: Cast (Cast to bool): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let ((?x11 (ite (and (distinct in0_2 0.0) true) 1.0 0.0)))
 (let ((?x189 (ite (and (distinct in0_1 0.0) true) 1.0 0.0)))
 (let ((?x27 (ite (and (distinct in0_0 0.0) true) 1.0 0.0)))
 (let ((?x222 (ite (and (distinct in0_11 0.0) true) 1.0 0.0)))
 (let ((?x65 (ite (and (distinct in0_10 0.0) true) 1.0 0.0)))
 (let ((?x89 (ite (and (distinct in0_9 0.0) true) 1.0 0.0)))
 (let ((?x8 (ite (and (distinct in0_8 0.0) true) 1.0 0.0)))
 (let ((?x85 (ite (and (distinct in0_7 0.0) true) 1.0 0.0)))
 (let ((?x47 (ite (and (distinct in0_6 0.0) true) 1.0 0.0)))
 (let ((?x141 (ite (and (distinct in0_5 0.0) true) 1.0 0.0)))
 (let ((?x243 (ite (and (distinct in0_4 0.0) true) 1.0 0.0)))
 (let ((?x6 (ite (and (distinct in0_3 0.0) true) 1.0 0.0)))
 (or (and (distinct ?x6 ?x6) true) (and (distinct ?x243 ?x243) true) (and (distinct ?x141 ?x141) true) (and (distinct ?x47 ?x47) true) (and (distinct ?x85 ?x85) true) (and (distinct ?x8 ?x8) true) (and (distinct ?x89 ?x89) true) (and (distinct ?x65 ?x65) true) (and (distinct ?x222 ?x222) true) (and (distinct ?x27 ?x27) true) (and (distinct ?x189 ?x189) true) (and (distinct ?x11 ?x11) true)))))))))))))))
(check-sat)
