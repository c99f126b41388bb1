;; permeq proof obligation
;; claim: Erf (Erf): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Erf (Real) Real)
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
 (and (> (Erf in0_0) (- 1.0)) (< (Erf in0_0) 1.0)))
(assert
 (let ((?x120 (Erf in0_0)))
 (let (($x51 (= ?x120 0.0)))
 (let (($x199 (= in0_0 0.0)))
 (=> $x199 $x51)))))
(assert
 (and (> (Erf in0_1) (- 1.0)) (< (Erf in0_1) 1.0)))
(assert
 (let ((?x211 (Erf in0_1)))
 (let (($x71 (= ?x211 0.0)))
 (let (($x76 (= in0_1 0.0)))
 (=> $x76 $x71)))))
(assert
 (and (> (Erf in0_2) (- 1.0)) (< (Erf in0_2) 1.0)))
(assert
 (let ((?x31 (Erf in0_2)))
 (let (($x165 (= ?x31 0.0)))
 (let (($x65 (= in0_2 0.0)))
 (=> $x65 $x165)))))
(assert
 (and (> (Erf in0_3) (- 1.0)) (< (Erf in0_3) 1.0)))
(assert
 (let ((?x79 (Erf in0_3)))
 (let (($x46 (= ?x79 0.0)))
 (let (($x179 (= in0_3 0.0)))
 (=> $x179 $x46)))))
(assert
 (and (> (Erf in0_4) (- 1.0)) (< (Erf in0_4) 1.0)))
(assert
 (let ((?x27 (Erf in0_4)))
 (let (($x117 (= ?x27 0.0)))
 (let (($x194 (= in0_4 0.0)))
 (=> $x194 $x117)))))
(assert
 (and (> (Erf in0_5) (- 1.0)) (< (Erf in0_5) 1.0)))
(assert
 (let ((?x47 (Erf in0_5)))
 (let (($x52 (= ?x47 0.0)))
 (let (($x83 (= in0_5 0.0)))
 (=> $x83 $x52)))))
(assert
 (and (> (Erf in0_6) (- 1.0)) (< (Erf in0_6) 1.0)))
(assert
 (let ((?x210 (Erf in0_6)))
 (let (($x169 (= ?x210 0.0)))
 (let (($x29 (= in0_6 0.0)))
 (=> $x29 $x169)))))
(assert
 (and (> (Erf in0_7) (- 1.0)) (< (Erf in0_7) 1.0)))
(assert
 (let ((?x104 (Erf in0_7)))
 (let (($x30 (= ?x104 0.0)))
 (let (($x197 (= in0_7 0.0)))
 (=> $x197 $x30)))))
(assert
 (and (> (Erf in0_8) (- 1.0)) (< (Erf in0_8) 1.0)))
(assert
 (let ((?x196 (Erf in0_8)))
 (let (($x125 (= ?x196 0.0)))
 (let (($x116 (= in0_8 0.0)))
 (=> $x116 $x125)))))
(assert
 (and (> (Erf in0_9) (- 1.0)) (< (Erf in0_9) 1.0)))
(assert
 (let ((?x160 (Erf in0_9)))
 (let (($x106 (= ?x160 0.0)))
 (let (($x227 (= in0_9 0.0)))
 (=> $x227 $x106)))))
(assert
 (and (> (Erf in0_10) (- 1.0)) (< (Erf in0_10) 1.0)))
(assert
 (let ((?x48 (Erf in0_10)))
 (let (($x181 (= ?x48 0.0)))
 (let (($x231 (= in0_10 0.0)))
 (=> $x231 $x181)))))
(assert
 (and (> (Erf in0_11) (- 1.0)) (< (Erf in0_11) 1.0)))
(assert
 (let ((?x155 (Erf in0_11)))
 (let (($x250 (= ?x155 0.0)))
 (let (($x203 (= in0_11 0.0)))
 (=> $x203 $x250)))))
(assert
 (and (> (Erf in0_3) (- 1.0)) (< (Erf in0_3) 1.0)))
(assert
 (let ((?x79 (Erf in0_3)))
 (let (($x46 (= ?x79 0.0)))
 (let (($x179 (= in0_3 0.0)))
 (=> $x179 $x46)))))
(assert
 (and (> (Erf in0_4) (- 1.0)) (< (Erf in0_4) 1.0)))
(assert
 (let ((?x27 (Erf in0_4)))
 (let (($x117 (= ?x27 0.0)))
 (let (($x194 (= in0_4 0.0)))
 (=> $x194 $x117)))))
(assert
 (and (> (Erf in0_5) (- 1.0)) (< (Erf in0_5) 1.0)))
(assert
 (let ((?x47 (Erf in0_5)))
 (let (($x52 (= ?x47 0.0)))
 (let (($x83 (= in0_5 0.0)))
 (=> $x83 $x52)))))
(assert
 (and (> (Erf in0_0) (- 1.0)) (< (Erf in0_0) 1.0)))
(assert
 (let ((?x120 (Erf in0_0)))
 (let (($x51 (= ?x120 0.0)))
 (let (($x199 (= in0_0 0.0)))
 (=> $x199 $x51)))))
(assert
 (and (> (Erf in0_1) (- 1.0)) (< (Erf in0_1) 1.0)))
(assert
 (let ((?x211 (Erf in0_1)))
 (let (($x71 (= ?x211 0.0)))
 (let (($x76 (= in0_1 0.0)))
 (=> $x76 $x71)))))
(assert
 (and (> (Erf in0_2) (- 1.0)) (< (Erf in0_2) 1.0)))
(assert
 (let ((?x31 (Erf in0_2)))
 (let (($x165 (= ?x31 0.0)))
 (let (($x65 (= in0_2 0.0)))
 (=> $x65 $x165)))))
(assert
 (and (> (Erf in0_6) (- 1.0)) (< (Erf in0_6) 1.0)))
(assert
 (let ((?x210 (Erf in0_6)))
 (let (($x169 (= ?x210 0.0)))
 (let (($x29 (= in0_6 0.0)))
 (=> $x29 $x169)))))
(assert
 (and (> (Erf in0_7) (- 1.0)) (< (Erf in0_7) 1.0)))
(assert
 (let ((?x104 (Erf in0_7)))
 (let (($x30 (= ?x104 0.0)))
 (let (($x197 (= in0_7 0.0)))
 (=> $x197 $x30)))))
(assert
 (and (> (Erf in0_8) (- 1.0)) (< (Erf in0_8) 1.0)))
(assert
 (let ((?x196 (Erf in0_8)))
 (let (($x125 (= ?x196 0.0)))
 (let (($x116 (= in0_8 0.0)))
 (=> $x116 $x125)))))
(assert
 (and (> (Erf in0_9) (- 1.0)) (< (Erf in0_9) 1.0)))
(assert
 (let ((?x160 (Erf in0_9)))
 (let (($x106 (= ?x160 0.0)))
 (let (($x227 (= in0_9 0.0)))
 (=> $x227 $x106)))))
(assert
 (and (> (Erf in0_10) (- 1.0)) (< (Erf in0_10) 1.0)))
(assert
 (let ((?x48 (Erf in0_10)))
 (let (($x181 (= ?x48 0.0)))
 (let (($x231 (= in0_10 0.0)))
 (=> $x231 $x181)))))
(assert
 (and (> (Erf in0_11) (- 1.0)) (< (Erf in0_11) 1.0)))
(assert
 (let ((?x155 (Erf in0_11)))
 (let (($x250 (= ?x155 0.0)))
 (let (($x203 (= in0_11 0.0)))
 (=> $x203 $x250)))))
(assert
 (or (and (distinct (Erf in0_3) (Erf in0_3)) true) (and (distinct (Erf in0_4) (Erf in0_4)) true) (and (distinct (Erf in0_5) (Erf in0_5)) true) (and (distinct (Erf in0_0) (Erf in0_0)) true) (and (distinct (Erf in0_1) (Erf in0_1)) true) (and (distinct (Erf in0_2) (Erf in0_2)) true) (and (distinct (Erf in0_6) (Erf in0_6)) true) (and (distinct (Erf in0_7) (Erf in0_7)) true) (and (distinct (Erf in0_8) (Erf in0_8)) true) (and (distinct (Erf in0_9) (Erf in0_9)) true) (and (distinct (Erf in0_10) (Erf in0_10)) true) (and (distinct (Erf in0_11) (Erf in0_11)) true)))
(check-sat)
