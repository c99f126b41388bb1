;; permeq proof obligation
;; claim: ArgMax (ArgMax over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_5 () Real)
(assert
 (let (($x1117 (< in0_0 in0_1)))
 (let ((?x650 (ite $x1117 1.0 0.0)))
 (let ((?x1519 (ite (< (ite $x1117 in0_1 in0_0) in0_2) 2.0 ?x650)))
 (let (($x1129 (< in0_9 in0_10)))
 (let ((?x1126 (ite $x1129 1.0 0.0)))
 (let ((?x1141 (ite (< (ite $x1129 in0_10 in0_9) in0_11) 2.0 ?x1126)))
 (let (($x1109 (< in0_6 in0_7)))
 (let ((?x1154 (ite $x1109 1.0 0.0)))
 (let ((?x1335 (ite (< (ite $x1109 in0_7 in0_6) in0_8) 2.0 ?x1154)))
 (let (($x1331 (< in0_3 in0_4)))
 (let ((?x641 (ite $x1331 1.0 0.0)))
 (let ((?x1180 (ite (< (ite $x1331 in0_4 in0_3) in0_5) 2.0 ?x641)))
 (or (and (distinct ?x1180 ?x1180) true) (and (distinct ?x1335 ?x1335) true) (and (distinct ?x1141 ?x1141) true) (and (distinct ?x1519 ?x1519) true)))))))))))))))
(check-sat)
