;; permeq proof obligation
;; claim: Tile (Tile repeating features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let (($x4397 (and (distinct in0_2 in0_2) true)))
 (let (($x4448 (and (distinct in0_1 in0_1) true)))
 (let (($x4249 (and (distinct in0_0 in0_0) true)))
 (let (($x4218 (and (distinct in0_11 in0_11) true)))
 (let (($x3738 (and (distinct in0_10 in0_10) true)))
 (let (($x3573 (and (distinct in0_9 in0_9) true)))
 (let (($x4811 (and (distinct in0_8 in0_8) true)))
 (let (($x5014 (and (distinct in0_7 in0_7) true)))
 (let (($x4872 (and (distinct in0_6 in0_6) true)))
 (let (($x3597 (and (distinct in0_5 in0_5) true)))
 (let (($x5013 (and (distinct in0_4 in0_4) true)))
 (let (($x4965 (and (distinct in0_3 in0_3) true)))
 (or $x4965 $x5013 $x3597 $x4965 $x5013 $x3597 $x4872 $x5014 $x4811 $x4872 $x5014 $x4811 $x3573 $x3738 $x4218 $x3573 $x3738 $x4218 $x4249 $x4448 $x4397 $x4249 $x4448 $x4397))))))))))))))
(check-sat)
