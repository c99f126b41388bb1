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
 (let ((?x52 (to_real in0_0)))
 (let (($x21 (= ?x52 0.0)))
 (or $x21 (= ?x52 1.0)))))
(assert
 (let ((?x140 (to_real in0_1)))
 (let (($x85 (= ?x140 0.0)))
 (or $x85 (= ?x140 1.0)))))
(assert
 (let ((?x67 (to_real in0_2)))
 (let (($x194 (= ?x67 0.0)))
 (or $x194 (= ?x67 1.0)))))
(assert
 (let ((?x123 (to_real in0_3)))
 (let (($x153 (= ?x123 0.0)))
 (or $x153 (= ?x123 1.0)))))
(assert
 (let ((?x192 (to_real in0_4)))
 (let (($x81 (= ?x192 0.0)))
 (or $x81 (= ?x192 1.0)))))
(assert
 (let ((?x15 (to_real in0_5)))
 (let (($x131 (= ?x15 0.0)))
 (or $x131 (= ?x15 1.0)))))
(assert
 (let ((?x160 (to_real in0_6)))
 (let (($x107 (= ?x160 0.0)))
 (or $x107 (= ?x160 1.0)))))
(assert
 (let ((?x159 (to_real in0_7)))
 (let (($x31 (= ?x159 0.0)))
 (or $x31 (= ?x159 1.0)))))
(assert
 (let ((?x225 (to_real in0_8)))
 (let (($x186 (= ?x225 0.0)))
 (or $x186 (= ?x225 1.0)))))
(assert
 (let ((?x204 (to_real in0_9)))
 (let (($x193 (= ?x204 0.0)))
 (or $x193 (= ?x204 1.0)))))
(assert
 (let ((?x96 (to_real in0_10)))
 (let (($x133 (= ?x96 0.0)))
 (or $x133 (= ?x96 1.0)))))
(assert
 (let ((?x177 (to_real in0_11)))
 (let (($x166 (= ?x177 0.0)))
 (or $x166 (= ?x177 1.0)))))
(assert
 (let ((?x86 (ite (and (distinct (to_real in0_2) 0.0) true) in1_2 in2_2)))
 (let ((?x134 (ite (and (distinct (to_real in0_1) 0.0) true) in1_1 in2_1)))
 (let ((?x92 (ite (and (distinct (to_real in0_0) 0.0) true) in1_0 in2_0)))
 (let ((?x126 (ite (and (distinct (to_real in0_11) 0.0) true) in1_11 in2_2)))
 (let ((?x98 (ite (and (distinct (to_real in0_10) 0.0) true) in1_10 in2_1)))
 (let ((?x146 (ite (and (distinct (to_real in0_9) 0.0) true) in1_9 in2_0)))
 (let ((?x245 (ite (and (distinct (to_real in0_8) 0.0) true) in1_8 in2_2)))
 (let ((?x182 (ite (and (distinct (to_real in0_7) 0.0) true) in1_7 in2_1)))
 (let ((?x34 (ite (and (distinct (to_real in0_6) 0.0) true) in1_6 in2_0)))
 (let ((?x189 (ite (and (distinct (to_real in0_5) 0.0) true) in1_5 in2_2)))
 (let ((?x50 (ite (and (distinct (to_real in0_4) 0.0) true) in1_4 in2_1)))
 (let ((?x237 (ite (and (distinct (to_real in0_3) 0.0) true) in1_3 in2_0)))
 (or (and (distinct ?x237 ?x237) true) (and (distinct ?x50 ?x50) true) (and (distinct ?x189 ?x189) true) (and (distinct ?x34 ?x34) true) (and (distinct ?x182 ?x182) true) (and (distinct ?x245 ?x245) true) (and (distinct ?x146 ?x146) true) (and (distinct ?x98 ?x98) true) (and (distinct ?x126 ?x126) true) (and (distinct ?x92 ?x92) true) (and (distinct ?x134 ?x134) true) (and (distinct ?x86 ?x86) true)))))))))))))))
(check-sat)
