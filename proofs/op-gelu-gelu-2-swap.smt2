;; permeq proof obligation
;; claim: Gelu (Gelu): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun GeluTanh (Real) Real)
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
 (let ((?x108 (GeluTanh in0_0)))
 (let (($x48 (= ?x108 0.0)))
 (let (($x199 (= in0_0 0.0)))
 (=> $x199 $x48)))))
(assert
 (let ((?x85 (GeluTanh in0_1)))
 (let (($x59 (= ?x85 0.0)))
 (let (($x76 (= in0_1 0.0)))
 (=> $x76 $x59)))))
(assert
 (let ((?x225 (GeluTanh in0_2)))
 (let (($x80 (= ?x225 0.0)))
 (let (($x65 (= in0_2 0.0)))
 (=> $x65 $x80)))))
(assert
 (let ((?x166 (GeluTanh in0_3)))
 (let (($x31 (= ?x166 0.0)))
 (let (($x179 (= in0_3 0.0)))
 (=> $x179 $x31)))))
(assert
 (let ((?x57 (GeluTanh in0_4)))
 (let (($x154 (= ?x57 0.0)))
 (let (($x194 (= in0_4 0.0)))
 (=> $x194 $x154)))))
(assert
 (let ((?x118 (GeluTanh in0_5)))
 (let (($x71 (= ?x118 0.0)))
 (let (($x83 (= in0_5 0.0)))
 (=> $x83 $x71)))))
(assert
 (let ((?x94 (GeluTanh in0_6)))
 (let (($x113 (= ?x94 0.0)))
 (let (($x29 (= in0_6 0.0)))
 (=> $x29 $x113)))))
(assert
 (let ((?x155 (GeluTanh in0_7)))
 (let (($x185 (= ?x155 0.0)))
 (let (($x197 (= in0_7 0.0)))
 (=> $x197 $x185)))))
(assert
 (let ((?x131 (GeluTanh in0_8)))
 (let (($x120 (= ?x131 0.0)))
 (let (($x116 (= in0_8 0.0)))
 (=> $x116 $x120)))))
(assert
 (let ((?x189 (GeluTanh in0_9)))
 (let (($x170 (= ?x189 0.0)))
 (let (($x227 (= in0_9 0.0)))
 (=> $x227 $x170)))))
(assert
 (let ((?x38 (GeluTanh in0_10)))
 (let (($x117 (= ?x38 0.0)))
 (let (($x231 (= in0_10 0.0)))
 (=> $x231 $x117)))))
(assert
 (let ((?x141 (GeluTanh in0_11)))
 (let (($x121 (= ?x141 0.0)))
 (let (($x203 (= in0_11 0.0)))
 (=> $x203 $x121)))))
(assert
 (let ((?x166 (GeluTanh in0_3)))
 (let (($x31 (= ?x166 0.0)))
 (let (($x179 (= in0_3 0.0)))
 (=> $x179 $x31)))))
(assert
 (let ((?x57 (GeluTanh in0_4)))
 (let (($x154 (= ?x57 0.0)))
 (let (($x194 (= in0_4 0.0)))
 (=> $x194 $x154)))))
(assert
 (let ((?x118 (GeluTanh in0_5)))
 (let (($x71 (= ?x118 0.0)))
 (let (($x83 (= in0_5 0.0)))
 (=> $x83 $x71)))))
(assert
 (let ((?x108 (GeluTanh in0_0)))
 (let (($x48 (= ?x108 0.0)))
 (let (($x199 (= in0_0 0.0)))
 (=> $x199 $x48)))))
(assert
 (let ((?x85 (GeluTanh in0_1)))
 (let (($x59 (= ?x85 0.0)))
 (let (($x76 (= in0_1 0.0)))
 (=> $x76 $x59)))))
(assert
 (let ((?x225 (GeluTanh in0_2)))
 (let (($x80 (= ?x225 0.0)))
 (let (($x65 (= in0_2 0.0)))
 (=> $x65 $x80)))))
(assert
 (let ((?x94 (GeluTanh in0_6)))
 (let (($x113 (= ?x94 0.0)))
 (let (($x29 (= in0_6 0.0)))
 (=> $x29 $x113)))))
(assert
 (let ((?x155 (GeluTanh in0_7)))
 (let (($x185 (= ?x155 0.0)))
 (let (($x197 (= in0_7 0.0)))
 (=> $x197 $x185)))))
(assert
 (let ((?x131 (GeluTanh in0_8)))
 (let (($x120 (= ?x131 0.0)))
 (let (($x116 (= in0_8 0.0)))
 (=> $x116 $x120)))))
(assert
 (let ((?x189 (GeluTanh in0_9)))
 (let (($x170 (= ?x189 0.0)))
 (let (($x227 (= in0_9 0.0)))
 (=> $x227 $x170)))))
(assert
 (let ((?x38 (GeluTanh in0_10)))
 (let (($x117 (= ?x38 0.0)))
 (let (($x231 (= in0_10 0.0)))
 (=> $x231 $x117)))))
(assert
 (let ((?x141 (GeluTanh in0_11)))
 (let (($x121 (= ?x141 0.0)))
 (let (($x203 (= in0_11 0.0)))
 (=> $x203 $x121)))))
(assert
 (or (and (distinct (GeluTanh in0_3) (GeluTanh in0_3)) true) (and (distinct (GeluTanh in0_4) (GeluTanh in0_4)) true) (and (distinct (GeluTanh in0_5) (GeluTanh in0_5)) true) (and (distinct (GeluTanh in0_0) (GeluTanh in0_0)) true) (and (distinct (GeluTanh in0_1) (GeluTanh in0_1)) true) (and (distinct (GeluTanh in0_2) (GeluTanh in0_2)) true) (and (distinct (GeluTanh in0_6) (GeluTanh in0_6)) true) (and (distinct (GeluTanh in0_7) (GeluTanh in0_7)) true) (and (distinct (GeluTanh in0_8) (GeluTanh in0_8)) true) (and (distinct (GeluTanh in0_9) (GeluTanh in0_9)) true) (and (distinct (GeluTanh in0_10) (GeluTanh in0_10)) true) (and (distinct (GeluTanh in0_11) (GeluTanh in0_11)) true)))
(check-sat)
