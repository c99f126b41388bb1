;; permeq proof obligation
;; claim: ReduceMean (ReduceMean over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
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
 (let ((?x1735 (/ (+ (+ in0_9 in0_10) in0_11) 3.0)))
 (let ((?x2303 (/ (+ (+ in0_6 in0_7) in0_8) 3.0)))
 (let ((?x1985 (/ (+ (+ in0_0 in0_1) in0_2) 3.0)))
 (let ((?x1771 (/ (+ (+ in0_3 in0_4) in0_5) 3.0)))
 (or (and (distinct ?x1771 ?x1771) true) (and (distinct ?x1985 ?x1985) true) (and (distinct ?x2303 ?x2303) true) (and (distinct ?x1735 ?x1735) true)))))))
(check-sat)
