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
 (let ((?x15 (to_real in0_0)))
 (let (($x138 (= ?x15 0.0)))
 (or $x138 (= ?x15 1.0)))))
(assert
 (let ((?x35 (to_real in0_1)))
 (let (($x183 (= ?x35 0.0)))
 (or $x183 (= ?x35 1.0)))))
(assert
 (let ((?x52 (to_real in0_2)))
 (let (($x10 (= ?x52 0.0)))
 (or $x10 (= ?x52 1.0)))))
(assert
 (let ((?x204 (to_real in0_3)))
 (let (($x119 (= ?x204 0.0)))
 (or $x119 (= ?x204 1.0)))))
(assert
 (let ((?x60 (to_real in0_4)))
 (let (($x214 (= ?x60 0.0)))
 (or $x214 (= ?x60 1.0)))))
(assert
 (let ((?x116 (to_real in0_5)))
 (let (($x40 (= ?x116 0.0)))
 (or $x40 (= ?x116 1.0)))))
(assert
 (let ((?x143 (to_real in0_6)))
 (let (($x107 (= ?x143 0.0)))
 (or $x107 (= ?x143 1.0)))))
(assert
 (let ((?x128 (to_real in0_7)))
 (let (($x126 (= ?x128 0.0)))
 (or $x126 (= ?x128 1.0)))))
(assert
 (let ((?x131 (to_real in0_8)))
 (let (($x18 (= ?x131 0.0)))
 (or $x18 (= ?x131 1.0)))))
(assert
 (let ((?x63 (to_real in0_9)))
 (let (($x32 (= ?x63 0.0)))
 (or $x32 (= ?x63 1.0)))))
(assert
 (let ((?x168 (to_real in0_10)))
 (let (($x195 (= ?x168 0.0)))
 (or $x195 (= ?x168 1.0)))))
(assert
 (let ((?x25 (to_real in0_11)))
 (let (($x189 (= ?x25 0.0)))
 (or $x189 (= ?x25 1.0)))))
(assert
 (let ((?x83 (ite (and (distinct (to_real in0_2) 0.0) true) in1_2 in2_2)))
 (let ((?x133 (ite (and (distinct (to_real in0_1) 0.0) true) in1_1 in2_1)))
 (let ((?x144 (ite (and (distinct (to_real in0_0) 0.0) true) in1_0 in2_0)))
 (let ((?x29 (ite (and (distinct (to_real in0_11) 0.0) true) in1_11 in2_2)))
 (let ((?x58 (ite (and (distinct (to_real in0_10) 0.0) true) in1_10 in2_1)))
 (let ((?x150 (ite (and (distinct (to_real in0_9) 0.0) true) in1_9 in2_0)))
 (let ((?x75 (ite (and (distinct (to_real in0_8) 0.0) true) in1_8 in2_2)))
 (let ((?x192 (ite (and (distinct (to_real in0_7) 0.0) true) in1_7 in2_1)))
 (let ((?x41 (ite (and (distinct (to_real in0_6) 0.0) true) in1_6 in2_0)))
 (let ((?x198 (ite (and (distinct (to_real in0_5) 0.0) true) in1_5 in2_2)))
 (let ((?x199 (ite (and (distinct (to_real in0_4) 0.0) true) in1_4 in2_1)))
 (let ((?x139 (ite (and (distinct (to_real in0_3) 0.0) true) in1_3 in2_0)))
 (or (and (distinct ?x139 ?x139) true) (and (distinct ?x199 ?x199) true) (and (distinct ?x198 ?x198) true) (and (distinct ?x41 ?x41) true) (and (distinct ?x192 ?x192) true) (and (distinct ?x75 ?x75) true) (and (distinct ?x150 ?x150) true) (and (distinct ?x58 ?x58) true) (and (distinct ?x29 ?x29) true) (and (distinct ?x144 ?x144) true) (and (distinct ?x133 ?x133) true) (and (distinct ?x83 ?x83) true)))))))))))))))
(check-sat)
