;; permeq proof obligation
;; claim: Softsign (Softsign): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let ((?x4968 (/ in0_2 (+ 1.0 (ite (< in0_2 0.0) (- in0_2) in0_2)))))
 (let ((?x3827 (/ in0_1 (+ 1.0 (ite (< in0_1 0.0) (- in0_1) in0_1)))))
 (let ((?x3577 (/ in0_0 (+ 1.0 (ite (< in0_0 0.0) (- in0_0) in0_0)))))
 (let ((?x3595 (/ in0_11 (+ 1.0 (ite (< in0_11 0.0) (- in0_11) in0_11)))))
 (let ((?x4093 (/ in0_10 (+ 1.0 (ite (< in0_10 0.0) (- in0_10) in0_10)))))
 (let ((?x4420 (/ in0_9 (+ 1.0 (ite (< in0_9 0.0) (- in0_9) in0_9)))))
 (let ((?x5403 (/ in0_8 (+ 1.0 (ite (< in0_8 0.0) (- in0_8) in0_8)))))
 (let ((?x5152 (/ in0_7 (+ 1.0 (ite (< in0_7 0.0) (- in0_7) in0_7)))))
 (let ((?x3635 (/ in0_6 (+ 1.0 (ite (< in0_6 0.0) (- in0_6) in0_6)))))
 (let ((?x4535 (/ in0_5 (+ 1.0 (ite (< in0_5 0.0) (- in0_5) in0_5)))))
 (let ((?x6021 (/ in0_4 (+ 1.0 (ite (< in0_4 0.0) (- in0_4) in0_4)))))
 (let ((?x4707 (/ in0_3 (+ 1.0 (ite (< in0_3 0.0) (- in0_3) in0_3)))))
 (or (and (distinct ?x4707 ?x4707) true) (and (distinct ?x6021 ?x6021) true) (and (distinct ?x4535 ?x4535) true) (and (distinct ?x3635 ?x3635) true) (and (distinct ?x5152 ?x5152) true) (and (distinct ?x5403 ?x5403) true) (and (distinct ?x4420 ?x4420) true) (and (distinct ?x4093 ?x4093) true) (and (distinct ?x3595 ?x3595) true) (and (distinct ?x3577 ?x3577) true) (and (distinct ?x3827 ?x3827) true) (and (distinct ?x4968 ?x4968) true)))))))))))))))
(check-sat)
