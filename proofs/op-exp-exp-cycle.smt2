;; permeq proof obligation
;; claim: Exp (Exp): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Exp (Real) Real)
(declare-fun in0_0 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_11 () Real)
(assert
 (let ((?x65 (Exp in0_0)))
 (> ?x65 0.0)))
(assert
 (let ((?x65 (Exp in0_0)))
 (let (($x242 (= ?x65 1.0)))
 (let (($x103 (= in0_0 0.0)))
 (=> $x103 $x242)))))
(assert
 (let ((?x199 (Exp in0_1)))
 (> ?x199 0.0)))
(assert
 (let ((?x199 (Exp in0_1)))
 (let (($x39 (= ?x199 1.0)))
 (let (($x68 (= in0_1 0.0)))
 (=> $x68 $x39)))))
(assert
 (let ((?x175 (Exp in0_2)))
 (> ?x175 0.0)))
(assert
 (let ((?x175 (Exp in0_2)))
 (let (($x86 (= ?x175 1.0)))
 (let (($x50 (= in0_2 0.0)))
 (=> $x50 $x86)))))
(assert
 (let ((?x163 (Exp in0_3)))
 (> ?x163 0.0)))
(assert
 (let ((?x163 (Exp in0_3)))
 (let (($x130 (= ?x163 1.0)))
 (let (($x96 (= in0_3 0.0)))
 (=> $x96 $x130)))))
(assert
 (let ((?x141 (Exp in0_4)))
 (> ?x141 0.0)))
(assert
 (let ((?x141 (Exp in0_4)))
 (let (($x28 (= ?x141 1.0)))
 (let (($x74 (= in0_4 0.0)))
 (=> $x74 $x28)))))
(assert
 (let ((?x156 (Exp in0_5)))
 (> ?x156 0.0)))
(assert
 (let ((?x156 (Exp in0_5)))
 (let (($x81 (= ?x156 1.0)))
 (let (($x128 (= in0_5 0.0)))
 (=> $x128 $x81)))))
(assert
 (let ((?x57 (Exp in0_6)))
 (> ?x57 0.0)))
(assert
 (let ((?x57 (Exp in0_6)))
 (let (($x194 (= ?x57 1.0)))
 (let (($x91 (= in0_6 0.0)))
 (=> $x91 $x194)))))
(assert
 (let ((?x46 (Exp in0_7)))
 (> ?x46 0.0)))
(assert
 (let ((?x46 (Exp in0_7)))
 (let (($x23 (= ?x46 1.0)))
 (let (($x26 (= in0_7 0.0)))
 (=> $x26 $x23)))))
(assert
 (let ((?x40 (Exp in0_8)))
 (> ?x40 0.0)))
(assert
 (let ((?x40 (Exp in0_8)))
 (let (($x75 (= ?x40 1.0)))
 (let (($x120 (= in0_8 0.0)))
 (=> $x120 $x75)))))
(assert
 (let ((?x250 (Exp in0_9)))
 (> ?x250 0.0)))
(assert
 (let ((?x250 (Exp in0_9)))
 (let (($x146 (= ?x250 1.0)))
 (let (($x83 (= in0_9 0.0)))
 (=> $x83 $x146)))))
(assert
 (let ((?x158 (Exp in0_10)))
 (> ?x158 0.0)))
(assert
 (let ((?x158 (Exp in0_10)))
 (let (($x150 (= ?x158 1.0)))
 (let (($x89 (= in0_10 0.0)))
 (=> $x89 $x150)))))
(assert
 (let ((?x119 (Exp in0_11)))
 (> ?x119 0.0)))
(assert
 (let ((?x119 (Exp in0_11)))
 (let (($x177 (= ?x119 1.0)))
 (let (($x73 (= in0_11 0.0)))
 (=> $x73 $x177)))))
(assert
 (let ((?x163 (Exp in0_3)))
 (> ?x163 0.0)))
(assert
 (let ((?x163 (Exp in0_3)))
 (let (($x130 (= ?x163 1.0)))
 (let (($x96 (= in0_3 0.0)))
 (=> $x96 $x130)))))
(assert
 (let ((?x141 (Exp in0_4)))
 (> ?x141 0.0)))
(assert
 (let ((?x141 (Exp in0_4)))
 (let (($x28 (= ?x141 1.0)))
 (let (($x74 (= in0_4 0.0)))
 (=> $x74 $x28)))))
(assert
 (let ((?x156 (Exp in0_5)))
 (> ?x156 0.0)))
(assert
 (let ((?x156 (Exp in0_5)))
 (let (($x81 (= ?x156 1.0)))
 (let (($x128 (= in0_5 0.0)))
 (=> $x128 $x81)))))
(assert
 (let ((?x57 (Exp in0_6)))
 (> ?x57 0.0)))
(assert
 (let ((?x57 (Exp in0_6)))
 (let (($x194 (= ?x57 1.0)))
 (let (($x91 (= in0_6 0.0)))
 (=> $x91 $x194)))))
(assert
 (let ((?x46 (Exp in0_7)))
 (> ?x46 0.0)))
(assert
 (let ((?x46 (Exp in0_7)))
 (let (($x23 (= ?x46 1.0)))
 (let (($x26 (= in0_7 0.0)))
 (=> $x26 $x23)))))
(assert
 (let ((?x40 (Exp in0_8)))
 (> ?x40 0.0)))
(assert
 (let ((?x40 (Exp in0_8)))
 (let (($x75 (= ?x40 1.0)))
 (let (($x120 (= in0_8 0.0)))
 (=> $x120 $x75)))))
(assert
 (let ((?x250 (Exp in0_9)))
 (> ?x250 0.0)))
(assert
 (let ((?x250 (Exp in0_9)))
 (let (($x146 (= ?x250 1.0)))
 (let (($x83 (= in0_9 0.0)))
 (=> $x83 $x146)))))
(assert
 (let ((?x158 (Exp in0_10)))
 (> ?x158 0.0)))
(assert
 (let ((?x158 (Exp in0_10)))
 (let (($x150 (= ?x158 1.0)))
 (let (($x89 (= in0_10 0.0)))
 (=> $x89 $x150)))))
(assert
 (let ((?x119 (Exp in0_11)))
 (> ?x119 0.0)))
(assert
 (let ((?x119 (Exp in0_11)))
 (let (($x177 (= ?x119 1.0)))
 (let (($x73 (= in0_11 0.0)))
 (=> $x73 $x177)))))
(assert
 (let ((?x65 (Exp in0_0)))
 (> ?x65 0.0)))
(assert
 (let ((?x65 (Exp in0_0)))
 (let (($x242 (= ?x65 1.0)))
 (let (($x103 (= in0_0 0.0)))
 (=> $x103 $x242)))))
(assert
 (let ((?x199 (Exp in0_1)))
 (> ?x199 0.0)))
(assert
 (let ((?x199 (Exp in0_1)))
 (let (($x39 (= ?x199 1.0)))
 (let (($x68 (= in0_1 0.0)))
 (=> $x68 $x39)))))
(assert
 (let ((?x175 (Exp in0_2)))
 (> ?x175 0.0)))
(assert
 (let ((?x175 (Exp in0_2)))
 (let (($x86 (= ?x175 1.0)))
 (let (($x50 (= in0_2 0.0)))
 (=> $x50 $x86)))))
(assert
 (or (and (distinct (Exp in0_3) (Exp in0_3)) true) (and (distinct (Exp in0_4) (Exp in0_4)) true) (and (distinct (Exp in0_5) (Exp in0_5)) true) (and (distinct (Exp in0_6) (Exp in0_6)) true) (and (distinct (Exp in0_7) (Exp in0_7)) true) (and (distinct (Exp in0_8) (Exp in0_8)) true) (and (distinct (Exp in0_9) (Exp in0_9)) true) (and (distinct (Exp in0_10) (Exp in0_10)) true) (and (distinct (Exp in0_11) (Exp in0_11)) true) (and (distinct (Exp in0_0) (Exp in0_0)) true) (and (distinct (Exp in0_1) (Exp in0_1)) true) (and (distinct (Exp in0_2) (Exp in0_2)) true)))
(check-sat)
