;; permeq proof obligation
;; claim: Where (Where): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3], [4, 3], [3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_0 () Int)
(declare-fun in0_1 () Int)
(declare-fun in0_2 () Int)
(declare-fun in0_3 () Int)
(declare-fun in0_4 () Int)
(declare-fun in0_5 () Int)
(declare-fun in0_6 () Int)
(declare-fun in0_7 () Int)
(declare-fun in0_8 () Int)
(declare-fun in0_9 () Int)
(declare-fun in0_10 () Int)
(declare-fun in0_11 () Int)
(declare-fun in2_2 () Real)
(declare-fun in1_2 () Real)
(declare-fun in2_1 () Real)
(declare-fun in1_1 () Real)
(declare-fun in2_0 () Real)
(declare-fun in1_0 () Real)
(declare-fun in1_11 () Real)
(declare-fun in1_10 () Real)
(declare-fun in1_9 () Real)
(declare-fun in1_8 () Real)
(declare-fun in1_7 () Real)
(declare-fun in1_6 () Real)
(declare-fun in1_5 () Real)
(declare-fun in1_4 () Real)
(declare-fun in1_3 () Real)
(assert
 (let ((?x119 (to_real in0_0)))
 (let (($x179 (= ?x119 0.0)))
 (or $x179 (= ?x119 1.0)))))
(assert
 (let ((?x166 (to_real in0_1)))
 (let (($x93 (= ?x166 0.0)))
 (or $x93 (= ?x166 1.0)))))
(assert
 (let ((?x19 (to_real in0_2)))
 (let (($x52 (= ?x19 0.0)))
 (or $x52 (= ?x19 1.0)))))
(assert
 (let ((?x203 (to_real in0_3)))
 (let (($x135 (= ?x203 0.0)))
 (or $x135 (= ?x203 1.0)))))
(assert
 (let ((?x120 (to_real in0_4)))
 (let (($x214 (= ?x120 0.0)))
 (or $x214 (= ?x120 1.0)))))
(assert
 (let ((?x117 (to_real in0_5)))
 (let (($x204 (= ?x117 0.0)))
 (or $x204 (= ?x117 1.0)))))
(assert
 (let ((?x162 (to_real in0_6)))
 (let (($x67 (= ?x162 0.0)))
 (or $x67 (= ?x162 1.0)))))
(assert
 (let ((?x194 (to_real in0_7)))
 (let (($x168 (= ?x194 0.0)))
 (or $x168 (= ?x194 1.0)))))
(assert
 (let ((?x74 (to_real in0_8)))
 (let (($x181 (= ?x74 0.0)))
 (or $x181 (= ?x74 1.0)))))
(assert
 (let ((?x101 (to_real in0_9)))
 (let (($x213 (= ?x101 0.0)))
 (or $x213 (= ?x101 1.0)))))
(assert
 (let ((?x174 (to_real in0_10)))
 (let (($x99 (= ?x174 0.0)))
 (or $x99 (= ?x174 1.0)))))
(assert
 (let ((?x29 (to_real in0_11)))
 (let (($x216 (= ?x29 0.0)))
 (or $x216 (= ?x29 1.0)))))
(assert
 (let ((?x91 (ite (and (distinct (to_real in0_2) 0.0) true) in1_2 in2_2)))
 (let ((?x146 (ite (and (distinct (to_real in0_1) 0.0) true) in1_1 in2_1)))
 (let ((?x39 (ite (and (distinct (to_real in0_0) 0.0) true) in1_0 in2_0)))
 (let ((?x97 (ite (and (distinct (to_real in0_11) 0.0) true) in1_11 in2_2)))
 (let ((?x201 (ite (and (distinct (to_real in0_10) 0.0) true) in1_10 in2_1)))
 (let ((?x199 (ite (and (distinct (to_real in0_9) 0.0) true) in1_9 in2_0)))
 (let ((?x148 (ite (and (distinct (to_real in0_8) 0.0) true) in1_8 in2_2)))
 (let ((?x108 (ite (and (distinct (to_real in0_7) 0.0) true) in1_7 in2_1)))
 (let ((?x23 (ite (and (distinct (to_real in0_6) 0.0) true) in1_6 in2_0)))
 (let ((?x62 (ite (and (distinct (to_real in0_5) 0.0) true) in1_5 in2_2)))
 (let ((?x60 (ite (and (distinct (to_real in0_4) 0.0) true) in1_4 in2_1)))
 (let ((?x124 (ite (and (distinct (to_real in0_3) 0.0) true) in1_3 in2_0)))
 (or (and (distinct ?x124 ?x124) true) (and (distinct ?x60 ?x60) true) (and (distinct ?x62 ?x62) true) (and (distinct ?x23 ?x23) true) (and (distinct ?x108 ?x108) true) (and (distinct ?x148 ?x148) true) (and (distinct ?x199 ?x199) true) (and (distinct ?x201 ?x201) true) (and (distinct ?x97 ?x97) true) (and (distinct ?x39 ?x39) true) (and (distinct ?x146 ?x146) true) (and (distinct ?x91 ?x91) true)))))))))))))))
(check-sat)
