;; permeq proof obligation
;; claim: Tanh (Tanh): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Tanh (Real) Real)
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
 (and (> (Tanh in0_0) (- 1.0)) (< (Tanh in0_0) 1.0)))
(assert
 (let ((?x29 (Tanh in0_0)))
 (let (($x81 (= ?x29 0.0)))
 (let (($x103 (= in0_0 0.0)))
 (=> $x103 $x81)))))
(assert
 (and (> (Tanh in0_1) (- 1.0)) (< (Tanh in0_1) 1.0)))
(assert
 (let ((?x76 (Tanh in0_1)))
 (let (($x60 (= ?x76 0.0)))
 (let (($x68 (= in0_1 0.0)))
 (=> $x68 $x60)))))
(assert
 (and (> (Tanh in0_2) (- 1.0)) (< (Tanh in0_2) 1.0)))
(assert
 (let ((?x86 (Tanh in0_2)))
 (let (($x28 (= ?x86 0.0)))
 (let (($x50 (= in0_2 0.0)))
 (=> $x50 $x28)))))
(assert
 (and (> (Tanh in0_3) (- 1.0)) (< (Tanh in0_3) 1.0)))
(assert
 (let ((?x20 (Tanh in0_3)))
 (let (($x75 (= ?x20 0.0)))
 (let (($x96 (= in0_3 0.0)))
 (=> $x96 $x75)))))
(assert
 (and (> (Tanh in0_4) (- 1.0)) (< (Tanh in0_4) 1.0)))
(assert
 (let ((?x126 (Tanh in0_4)))
 (let (($x119 (= ?x126 0.0)))
 (let (($x74 (= in0_4 0.0)))
 (=> $x74 $x119)))))
(assert
 (and (> (Tanh in0_5) (- 1.0)) (< (Tanh in0_5) 1.0)))
(assert
 (let ((?x137 (Tanh in0_5)))
 (let (($x70 (= ?x137 0.0)))
 (let (($x128 (= in0_5 0.0)))
 (=> $x128 $x70)))))
(assert
 (and (> (Tanh in0_6) (- 1.0)) (< (Tanh in0_6) 1.0)))
(assert
 (let ((?x52 (Tanh in0_6)))
 (let (($x92 (= ?x52 0.0)))
 (let (($x91 (= in0_6 0.0)))
 (=> $x91 $x92)))))
(assert
 (and (> (Tanh in0_7) (- 1.0)) (< (Tanh in0_7) 1.0)))
(assert
 (let ((?x72 (Tanh in0_7)))
 (let (($x46 (= ?x72 0.0)))
 (let (($x26 (= in0_7 0.0)))
 (=> $x26 $x46)))))
(assert
 (and (> (Tanh in0_8) (- 1.0)) (< (Tanh in0_8) 1.0)))
(assert
 (let ((?x135 (Tanh in0_8)))
 (let (($x144 (= ?x135 0.0)))
 (let (($x120 (= in0_8 0.0)))
 (=> $x120 $x144)))))
(assert
 (and (> (Tanh in0_9) (- 1.0)) (< (Tanh in0_9) 1.0)))
(assert
 (let ((?x122 (Tanh in0_9)))
 (let (($x139 (= ?x122 0.0)))
 (let (($x83 (= in0_9 0.0)))
 (=> $x83 $x139)))))
(assert
 (and (> (Tanh in0_10) (- 1.0)) (< (Tanh in0_10) 1.0)))
(assert
 (let ((?x143 (Tanh in0_10)))
 (let (($x145 (= ?x143 0.0)))
 (let (($x89 (= in0_10 0.0)))
 (=> $x89 $x145)))))
(assert
 (and (> (Tanh in0_11) (- 1.0)) (< (Tanh in0_11) 1.0)))
(assert
 (let ((?x147 (Tanh in0_11)))
 (let (($x151 (= ?x147 0.0)))
 (let (($x73 (= in0_11 0.0)))
 (=> $x73 $x151)))))
(assert
 (and (> (Tanh in0_3) (- 1.0)) (< (Tanh in0_3) 1.0)))
(assert
 (let ((?x20 (Tanh in0_3)))
 (let (($x75 (= ?x20 0.0)))
 (let (($x96 (= in0_3 0.0)))
 (=> $x96 $x75)))))
(assert
 (and (> (Tanh in0_4) (- 1.0)) (< (Tanh in0_4) 1.0)))
(assert
 (let ((?x126 (Tanh in0_4)))
 (let (($x119 (= ?x126 0.0)))
 (let (($x74 (= in0_4 0.0)))
 (=> $x74 $x119)))))
(assert
 (and (> (Tanh in0_5) (- 1.0)) (< (Tanh in0_5) 1.0)))
(assert
 (let ((?x137 (Tanh in0_5)))
 (let (($x70 (= ?x137 0.0)))
 (let (($x128 (= in0_5 0.0)))
 (=> $x128 $x70)))))
(assert
 (and (> (Tanh in0_0) (- 1.0)) (< (Tanh in0_0) 1.0)))
(assert
 (let ((?x29 (Tanh in0_0)))
 (let (($x81 (= ?x29 0.0)))
 (let (($x103 (= in0_0 0.0)))
 (=> $x103 $x81)))))
(assert
 (and (> (Tanh in0_1) (- 1.0)) (< (Tanh in0_1) 1.0)))
(assert
 (let ((?x76 (Tanh in0_1)))
 (let (($x60 (= ?x76 0.0)))
 (let (($x68 (= in0_1 0.0)))
 (=> $x68 $x60)))))
(assert
 (and (> (Tanh in0_2) (- 1.0)) (< (Tanh in0_2) 1.0)))
(assert
 (let ((?x86 (Tanh in0_2)))
 (let (($x28 (= ?x86 0.0)))
 (let (($x50 (= in0_2 0.0)))
 (=> $x50 $x28)))))
(assert
 (and (> (Tanh in0_6) (- 1.0)) (< (Tanh in0_6) 1.0)))
(assert
 (let ((?x52 (Tanh in0_6)))
 (let (($x92 (= ?x52 0.0)))
 (let (($x91 (= in0_6 0.0)))
 (=> $x91 $x92)))))
(assert
 (and (> (Tanh in0_7) (- 1.0)) (< (Tanh in0_7) 1.0)))
(assert
 (let ((?x72 (Tanh in0_7)))
 (let (($x46 (= ?x72 0.0)))
 (let (($x26 (= in0_7 0.0)))
 (=> $x26 $x46)))))
(assert
 (and (> (Tanh in0_8) (- 1.0)) (< (Tanh in0_8) 1.0)))
(assert
 (let ((?x135 (Tanh in0_8)))
 (let (($x144 (= ?x135 0.0)))
 (let (($x120 (= in0_8 0.0)))
 (=> $x120 $x144)))))
(assert
 (and (> (Tanh in0_9) (- 1.0)) (< (Tanh in0_9) 1.0)))
(assert
 (let ((?x122 (Tanh in0_9)))
 (let (($x139 (= ?x122 0.0)))
 (let (($x83 (= in0_9 0.0)))
 (=> $x83 $x139)))))
(assert
 (and (> (Tanh in0_10) (- 1.0)) (< (Tanh in0_10) 1.0)))
(assert
 (let ((?x143 (Tanh in0_10)))
 (let (($x145 (= ?x143 0.0)))
 (let (($x89 (= in0_10 0.0)))
 (=> $x89 $x145)))))
(assert
 (and (> (Tanh in0_11) (- 1.0)) (< (Tanh in0_11) 1.0)))
(assert
 (let ((?x147 (Tanh in0_11)))
 (let (($x151 (= ?x147 0.0)))
 (let (($x73 (= in0_11 0.0)))
 (=> $x73 $x151)))))
(assert
 (or (and (distinct (Tanh in0_3) (Tanh in0_3)) true) (and (distinct (Tanh in0_4) (Tanh in0_4)) true) (and (distinct (Tanh in0_5) (Tanh in0_5)) true) (and (distinct (Tanh in0_0) (Tanh in0_0)) true) (and (distinct (Tanh in0_1) (Tanh in0_1)) true) (and (distinct (Tanh in0_2) (Tanh in0_2)) true) (and (distinct (Tanh in0_6) (Tanh in0_6)) true) (and (distinct (Tanh in0_7) (Tanh in0_7)) true) (and (distinct (Tanh in0_8) (Tanh in0_8)) true) (and (distinct (Tanh in0_9) (Tanh in0_9)) true) (and (distinct (Tanh in0_10) (Tanh in0_10)) true) (and (distinct (Tanh in0_11) (Tanh in0_11)) true)))
(check-sat)
