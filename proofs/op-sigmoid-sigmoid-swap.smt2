;; permeq proof obligation
;; claim: Sigmoid (Sigmoid): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Sigmoid (Real) Real)
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
 (and (> (Sigmoid in0_0) 0.0) (< (Sigmoid in0_0) 1.0)))
(assert
 (let ((?x79 (Sigmoid in0_0)))
 (let (($x154 (= ?x79 (/ 1.0 2.0))))
 (let (($x103 (= in0_0 0.0)))
 (=> $x103 $x154)))))
(assert
 (and (> (Sigmoid in0_1) 0.0) (< (Sigmoid in0_1) 1.0)))
(assert
 (let ((?x160 (Sigmoid in0_1)))
 (let (($x170 (= ?x160 (/ 1.0 2.0))))
 (let (($x68 (= in0_1 0.0)))
 (=> $x68 $x170)))))
(assert
 (and (> (Sigmoid in0_2) 0.0) (< (Sigmoid in0_2) 1.0)))
(assert
 (let ((?x53 (Sigmoid in0_2)))
 (let (($x226 (= ?x53 (/ 1.0 2.0))))
 (let (($x50 (= in0_2 0.0)))
 (=> $x50 $x226)))))
(assert
 (and (> (Sigmoid in0_3) 0.0) (< (Sigmoid in0_3) 1.0)))
(assert
 (let ((?x166 (Sigmoid in0_3)))
 (let (($x104 (= ?x166 (/ 1.0 2.0))))
 (let (($x96 (= in0_3 0.0)))
 (=> $x96 $x104)))))
(assert
 (and (> (Sigmoid in0_4) 0.0) (< (Sigmoid in0_4) 1.0)))
(assert
 (let ((?x201 (Sigmoid in0_4)))
 (let (($x38 (= ?x201 (/ 1.0 2.0))))
 (let (($x74 (= in0_4 0.0)))
 (=> $x74 $x38)))))
(assert
 (and (> (Sigmoid in0_5) 0.0) (< (Sigmoid in0_5) 1.0)))
(assert
 (let ((?x71 (Sigmoid in0_5)))
 (let (($x98 (= ?x71 (/ 1.0 2.0))))
 (let (($x128 (= in0_5 0.0)))
 (=> $x128 $x98)))))
(assert
 (and (> (Sigmoid in0_6) 0.0) (< (Sigmoid in0_6) 1.0)))
(assert
 (let ((?x244 (Sigmoid in0_6)))
 (let (($x231 (= ?x244 (/ 1.0 2.0))))
 (let (($x91 (= in0_6 0.0)))
 (=> $x91 $x231)))))
(assert
 (and (> (Sigmoid in0_7) 0.0) (< (Sigmoid in0_7) 1.0)))
(assert
 (let ((?x254 (Sigmoid in0_7)))
 (let (($x252 (= ?x254 (/ 1.0 2.0))))
 (let (($x26 (= in0_7 0.0)))
 (=> $x26 $x252)))))
(assert
 (and (> (Sigmoid in0_8) 0.0) (< (Sigmoid in0_8) 1.0)))
(assert
 (let ((?x182 (Sigmoid in0_8)))
 (let (($x185 (= ?x182 (/ 1.0 2.0))))
 (let (($x120 (= in0_8 0.0)))
 (=> $x120 $x185)))))
(assert
 (and (> (Sigmoid in0_9) 0.0) (< (Sigmoid in0_9) 1.0)))
(assert
 (let ((?x187 (Sigmoid in0_9)))
 (let (($x247 (= ?x187 (/ 1.0 2.0))))
 (let (($x83 (= in0_9 0.0)))
 (=> $x83 $x247)))))
(assert
 (and (> (Sigmoid in0_10) 0.0) (< (Sigmoid in0_10) 1.0)))
(assert
 (let ((?x27 (Sigmoid in0_10)))
 (let (($x213 (= ?x27 (/ 1.0 2.0))))
 (let (($x89 (= in0_10 0.0)))
 (=> $x89 $x213)))))
(assert
 (and (> (Sigmoid in0_11) 0.0) (< (Sigmoid in0_11) 1.0)))
(assert
 (let ((?x222 (Sigmoid in0_11)))
 (let (($x80 (= ?x222 (/ 1.0 2.0))))
 (let (($x73 (= in0_11 0.0)))
 (=> $x73 $x80)))))
(assert
 (and (> (Sigmoid in0_3) 0.0) (< (Sigmoid in0_3) 1.0)))
(assert
 (let ((?x166 (Sigmoid in0_3)))
 (let (($x104 (= ?x166 (/ 1.0 2.0))))
 (let (($x96 (= in0_3 0.0)))
 (=> $x96 $x104)))))
(assert
 (and (> (Sigmoid in0_4) 0.0) (< (Sigmoid in0_4) 1.0)))
(assert
 (let ((?x201 (Sigmoid in0_4)))
 (let (($x38 (= ?x201 (/ 1.0 2.0))))
 (let (($x74 (= in0_4 0.0)))
 (=> $x74 $x38)))))
(assert
 (and (> (Sigmoid in0_5) 0.0) (< (Sigmoid in0_5) 1.0)))
(assert
 (let ((?x71 (Sigmoid in0_5)))
 (let (($x98 (= ?x71 (/ 1.0 2.0))))
 (let (($x128 (= in0_5 0.0)))
 (=> $x128 $x98)))))
(assert
 (and (> (Sigmoid in0_0) 0.0) (< (Sigmoid in0_0) 1.0)))
(assert
 (let ((?x79 (Sigmoid in0_0)))
 (let (($x154 (= ?x79 (/ 1.0 2.0))))
 (let (($x103 (= in0_0 0.0)))
 (=> $x103 $x154)))))
(assert
 (and (> (Sigmoid in0_1) 0.0) (< (Sigmoid in0_1) 1.0)))
(assert
 (let ((?x160 (Sigmoid in0_1)))
 (let (($x170 (= ?x160 (/ 1.0 2.0))))
 (let (($x68 (= in0_1 0.0)))
 (=> $x68 $x170)))))
(assert
 (and (> (Sigmoid in0_2) 0.0) (< (Sigmoid in0_2) 1.0)))
(assert
 (let ((?x53 (Sigmoid in0_2)))
 (let (($x226 (= ?x53 (/ 1.0 2.0))))
 (let (($x50 (= in0_2 0.0)))
 (=> $x50 $x226)))))
(assert
 (and (> (Sigmoid in0_6) 0.0) (< (Sigmoid in0_6) 1.0)))
(assert
 (let ((?x244 (Sigmoid in0_6)))
 (let (($x231 (= ?x244 (/ 1.0 2.0))))
 (let (($x91 (= in0_6 0.0)))
 (=> $x91 $x231)))))
(assert
 (and (> (Sigmoid in0_7) 0.0) (< (Sigmoid in0_7) 1.0)))
(assert
 (let ((?x254 (Sigmoid in0_7)))
 (let (($x252 (= ?x254 (/ 1.0 2.0))))
 (let (($x26 (= in0_7 0.0)))
 (=> $x26 $x252)))))
(assert
 (and (> (Sigmoid in0_8) 0.0) (< (Sigmoid in0_8) 1.0)))
(assert
 (let ((?x182 (Sigmoid in0_8)))
 (let (($x185 (= ?x182 (/ 1.0 2.0))))
 (let (($x120 (= in0_8 0.0)))
 (=> $x120 $x185)))))
(assert
 (and (> (Sigmoid in0_9) 0.0) (< (Sigmoid in0_9) 1.0)))
(assert
 (let ((?x187 (Sigmoid in0_9)))
 (let (($x247 (= ?x187 (/ 1.0 2.0))))
 (let (($x83 (= in0_9 0.0)))
 (=> $x83 $x247)))))
(assert
 (and (> (Sigmoid in0_10) 0.0) (< (Sigmoid in0_10) 1.0)))
(assert
 (let ((?x27 (Sigmoid in0_10)))
 (let (($x213 (= ?x27 (/ 1.0 2.0))))
 (let (($x89 (= in0_10 0.0)))
 (=> $x89 $x213)))))
(assert
 (and (> (Sigmoid in0_11) 0.0) (< (Sigmoid in0_11) 1.0)))
(assert
 (let ((?x222 (Sigmoid in0_11)))
 (let (($x80 (= ?x222 (/ 1.0 2.0))))
 (let (($x73 (= in0_11 0.0)))
 (=> $x73 $x80)))))
(assert
 (or (and (distinct (Sigmoid in0_3) (Sigmoid in0_3)) true) (and (distinct (Sigmoid in0_4) (Sigmoid in0_4)) true) (and (distinct (Sigmoid in0_5) (Sigmoid in0_5)) true) (and (distinct (Sigmoid in0_0) (Sigmoid in0_0)) true) (and (distinct (Sigmoid in0_1) (Sigmoid in0_1)) true) (and (distinct (Sigmoid in0_2) (Sigmoid in0_2)) true) (and (distinct (Sigmoid in0_6) (Sigmoid in0_6)) true) (and (distinct (Sigmoid in0_7) (Sigmoid in0_7)) true) (and (distinct (Sigmoid in0_8) (Sigmoid in0_8)) true) (and (distinct (Sigmoid in0_9) (Sigmoid in0_9)) true) (and (distinct (Sigmoid in0_10) (Sigmoid in0_10)) true) (and (distinct (Sigmoid in0_11) (Sigmoid in0_11)) true)))
(check-sat)
