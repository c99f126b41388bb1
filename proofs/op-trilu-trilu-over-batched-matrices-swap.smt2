;; permeq proof obligation
;; claim: Trilu (Trilu over batched matrices): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_35 () Real)
(declare-fun in0_34 () Real)
(declare-fun in0_33 () Real)
(declare-fun in0_31 () Real)
(declare-fun in0_30 () Real)
(declare-fun in0_27 () Real)
(declare-fun in0_26 () Real)
(declare-fun in0_25 () Real)
(declare-fun in0_24 () Real)
(declare-fun in0_22 () Real)
(declare-fun in0_21 () Real)
(declare-fun in0_18 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_17 () Real)
(declare-fun in0_16 () Real)
(declare-fun in0_15 () Real)
(declare-fun in0_13 () Real)
(declare-fun in0_12 () Real)
(declare-fun in0_9 () Real)
(assert
 (let (($x1196 (and (distinct 0.0 0.0) true)))
 (or (and (distinct in0_9 in0_9) true) $x1196 $x1196 (and (distinct in0_12 in0_12) true) (and (distinct in0_13 in0_13) true) $x1196 (and (distinct in0_15 in0_15) true) (and (distinct in0_16 in0_16) true) (and (distinct in0_17 in0_17) true) (and (distinct in0_0 in0_0) true) $x1196 $x1196 (and (distinct in0_3 in0_3) true) (and (distinct in0_4 in0_4) true) $x1196 (and (distinct in0_6 in0_6) true) (and (distinct in0_7 in0_7) true) (and (distinct in0_8 in0_8) true) (and (distinct in0_18 in0_18) true) $x1196 $x1196 (and (distinct in0_21 in0_21) true) (and (distinct in0_22 in0_22) true) $x1196 (and (distinct in0_24 in0_24) true) (and (distinct in0_25 in0_25) true) (and (distinct in0_26 in0_26) true) (and (distinct in0_27 in0_27) true) $x1196 $x1196 (and (distinct in0_30 in0_30) true) (and (distinct in0_31 in0_31) true) $x1196 (and (distinct in0_33 in0_33) true) (and (distinct in0_34 in0_34) true) (and (distinct in0_35 in0_35) true))))
(check-sat)
