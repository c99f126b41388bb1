;; permeq proof obligation
;; claim: Ceil (Ceil): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
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
 (let ((?x2853 (- (to_real (to_int (- in0_11))))))
 (let ((?x3296 (- (to_real (to_int (- in0_10))))))
 (let ((?x2753 (- (to_real (to_int (- in0_9))))))
 (let ((?x2970 (- (to_real (to_int (- in0_8))))))
 (let ((?x2601 (- (to_real (to_int (- in0_7))))))
 (let ((?x2339 (- (to_real (to_int (- in0_6))))))
 (let ((?x3262 (- (to_real (to_int (- in0_2))))))
 (let ((?x3352 (- (to_real (to_int (- in0_1))))))
 (let ((?x2916 (- (to_real (to_int (- in0_0))))))
 (let ((?x2655 (- (to_real (to_int (- in0_5))))))
 (let ((?x2796 (- (to_real (to_int (- in0_4))))))
 (let ((?x936 (- (to_real (to_int (- in0_3))))))
 (or (and (distinct ?x936 ?x936) true) (and (distinct ?x2796 ?x2796) true) (and (distinct ?x2655 ?x2655) true) (and (distinct ?x2916 ?x2916) true) (and (distinct ?x3352 ?x3352) true) (and (distinct ?x3262 ?x3262) true) (and (distinct ?x2339 ?x2339) true) (and (distinct ?x2601 ?x2601) true) (and (distinct ?x2970 ?x2970) true) (and (distinct ?x2753 ?x2753) true) (and (distinct ?x3296 ?x3296) true) (and (distinct ?x2853 ?x2853) true)))))))))))))))
(check-sat)
