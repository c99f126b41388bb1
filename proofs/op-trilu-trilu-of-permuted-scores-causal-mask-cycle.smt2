;; permeq proof obligation
;; claim: Trilu (Trilu of permuted scores (causal mask)): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 1), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [2, 4, 4]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: sat (a counterexample exists)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_19 () Real)
(declare-fun in0_18 () Real)
(declare-fun in0_17 () Real)
(declare-fun in0_31 () Real)
(declare-fun in0_27 () Real)
(declare-fun in0_26 () Real)
(declare-fun in0_23 () Real)
(declare-fun in0_22 () Real)
(declare-fun in0_21 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_15 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_5 () Real)
(assert
 (let (($x1903 (and (distinct 0.0 0.0) true)))
 (or $x1903 (and (distinct in0_5 0.0) true) (and (distinct in0_6 in0_6) true) (and (distinct in0_7 in0_7) true) $x1903 $x1903 (and (distinct in0_10 0.0) true) (and (distinct in0_11 in0_11) true) $x1903 $x1903 $x1903 (and (distinct in0_15 0.0) true) $x1903 (and (distinct 0.0 in0_1) true) (and (distinct 0.0 in0_2) true) (and (distinct 0.0 in0_3) true) $x1903 (and (distinct in0_21 0.0) true) (and (distinct in0_22 in0_22) true) (and (distinct in0_23 in0_23) true) $x1903 $x1903 (and (distinct in0_26 0.0) true) (and (distinct in0_27 in0_27) true) $x1903 $x1903 $x1903 (and (distinct in0_31 0.0) true) $x1903 (and (distinct 0.0 in0_17) true) (and (distinct 0.0 in0_18) true) (and (distinct 0.0 in0_19) true))))
(check-sat)
