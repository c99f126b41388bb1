;; permeq proof obligation
;; claim: Sqrt (Sqrt): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Sqrt (Real) Real)
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
 (let ((?x244 (Sqrt in0_0)))
 (>= ?x244 0.0)))
(assert
 (let ((?x244 (Sqrt in0_0)))
 (let (($x175 (= ?x244 0.0)))
 (let (($x199 (= in0_0 0.0)))
 (=> $x199 $x175)))))
(assert
 (let ((?x244 (Sqrt in0_0)))
 (let (($x177 (= ?x244 1.0)))
 (let (($x110 (= in0_0 1.0)))
 (=> $x110 $x177)))))
(assert
 (let ((?x187 (Sqrt in0_1)))
 (>= ?x187 0.0)))
(assert
 (let ((?x187 (Sqrt in0_1)))
 (let (($x161 (= ?x187 0.0)))
 (let (($x76 (= in0_1 0.0)))
 (=> $x76 $x161)))))
(assert
 (let ((?x187 (Sqrt in0_1)))
 (let (($x254 (= ?x187 1.0)))
 (let (($x248 (= in0_1 1.0)))
 (=> $x248 $x254)))))
(assert
 (let ((?x39 (Sqrt in0_2)))
 (>= ?x39 0.0)))
(assert
 (let ((?x39 (Sqrt in0_2)))
 (let (($x137 (= ?x39 0.0)))
 (let (($x65 (= in0_2 0.0)))
 (=> $x65 $x137)))))
(assert
 (let ((?x39 (Sqrt in0_2)))
 (let (($x150 (= ?x39 1.0)))
 (let (($x78 (= in0_2 1.0)))
 (=> $x78 $x150)))))
(assert
 (let ((?x241 (Sqrt in0_3)))
 (>= ?x241 0.0)))
(assert
 (let ((?x241 (Sqrt in0_3)))
 (let (($x182 (= ?x241 0.0)))
 (let (($x179 (= in0_3 0.0)))
 (=> $x179 $x182)))))
(assert
 (let ((?x241 (Sqrt in0_3)))
 (let (($x96 (= ?x241 1.0)))
 (let (($x212 (= in0_3 1.0)))
 (=> $x212 $x96)))))
(assert
 (let ((?x225 (Sqrt in0_4)))
 (>= ?x225 0.0)))
(assert
 (let ((?x225 (Sqrt in0_4)))
 (let (($x91 (= ?x225 0.0)))
 (let (($x194 (= in0_4 0.0)))
 (=> $x194 $x91)))))
(assert
 (let ((?x225 (Sqrt in0_4)))
 (let (($x242 (= ?x225 1.0)))
 (let (($x72 (= in0_4 1.0)))
 (=> $x72 $x242)))))
(assert
 (let ((?x143 (Sqrt in0_5)))
 (>= ?x143 0.0)))
(assert
 (let ((?x143 (Sqrt in0_5)))
 (let (($x151 (= ?x143 0.0)))
 (let (($x83 (= in0_5 0.0)))
 (=> $x83 $x151)))))
(assert
 (let ((?x143 (Sqrt in0_5)))
 (let (($x142 (= ?x143 1.0)))
 (let (($x98 (= in0_5 1.0)))
 (=> $x98 $x142)))))
(assert
 (let ((?x120 (Sqrt in0_6)))
 (>= ?x120 0.0)))
(assert
 (let ((?x120 (Sqrt in0_6)))
 (let (($x19 (= ?x120 0.0)))
 (let (($x29 (= in0_6 0.0)))
 (=> $x29 $x19)))))
(assert
 (let ((?x120 (Sqrt in0_6)))
 (let (($x23 (= ?x120 1.0)))
 (let (($x80 (= in0_6 1.0)))
 (=> $x80 $x23)))))
(assert
 (let ((?x31 (Sqrt in0_7)))
 (>= ?x31 0.0)))
(assert
 (let ((?x31 (Sqrt in0_7)))
 (let (($x41 (= ?x31 0.0)))
 (let (($x197 (= in0_7 0.0)))
 (=> $x197 $x41)))))
(assert
 (let ((?x31 (Sqrt in0_7)))
 (let (($x18 (= ?x31 1.0)))
 (let (($x173 (= in0_7 1.0)))
 (=> $x173 $x18)))))
(assert
 (let ((?x121 (Sqrt in0_8)))
 (>= ?x121 0.0)))
(assert
 (let ((?x121 (Sqrt in0_8)))
 (let (($x74 (= ?x121 0.0)))
 (let (($x116 (= in0_8 0.0)))
 (=> $x116 $x74)))))
(assert
 (let ((?x121 (Sqrt in0_8)))
 (let (($x123 (= ?x121 1.0)))
 (let (($x93 (= in0_8 1.0)))
 (=> $x93 $x123)))))
(assert
 (let ((?x134 (Sqrt in0_9)))
 (>= ?x134 0.0)))
(assert
 (let ((?x134 (Sqrt in0_9)))
 (let (($x81 (= ?x134 0.0)))
 (let (($x227 (= in0_9 0.0)))
 (=> $x227 $x81)))))
(assert
 (let ((?x134 (Sqrt in0_9)))
 (let (($x159 (= ?x134 1.0)))
 (let (($x153 (= in0_9 1.0)))
 (=> $x153 $x159)))))
(assert
 (let ((?x188 (Sqrt in0_10)))
 (>= ?x188 0.0)))
(assert
 (let ((?x188 (Sqrt in0_10)))
 (let (($x251 (= ?x188 0.0)))
 (let (($x231 (= in0_10 0.0)))
 (=> $x231 $x251)))))
(assert
 (let ((?x188 (Sqrt in0_10)))
 (let (($x192 (= ?x188 1.0)))
 (let (($x252 (= in0_10 1.0)))
 (=> $x252 $x192)))))
(assert
 (let ((?x105 (Sqrt in0_11)))
 (>= ?x105 0.0)))
(assert
 (let ((?x105 (Sqrt in0_11)))
 (let (($x129 (= ?x105 0.0)))
 (let (($x203 (= in0_11 0.0)))
 (=> $x203 $x129)))))
(assert
 (let ((?x105 (Sqrt in0_11)))
 (let (($x253 (= ?x105 1.0)))
 (let (($x108 (= in0_11 1.0)))
 (=> $x108 $x253)))))
(assert
 (let ((?x241 (Sqrt in0_3)))
 (>= ?x241 0.0)))
(assert
 (let ((?x241 (Sqrt in0_3)))
 (let (($x182 (= ?x241 0.0)))
 (let (($x179 (= in0_3 0.0)))
 (=> $x179 $x182)))))
(assert
 (let ((?x241 (Sqrt in0_3)))
 (let (($x96 (= ?x241 1.0)))
 (let (($x212 (= in0_3 1.0)))
 (=> $x212 $x96)))))
(assert
 (let ((?x225 (Sqrt in0_4)))
 (>= ?x225 0.0)))
(assert
 (let ((?x225 (Sqrt in0_4)))
 (let (($x91 (= ?x225 0.0)))
 (let (($x194 (= in0_4 0.0)))
 (=> $x194 $x91)))))
(assert
 (let ((?x225 (Sqrt in0_4)))
 (let (($x242 (= ?x225 1.0)))
 (let (($x72 (= in0_4 1.0)))
 (=> $x72 $x242)))))
(assert
 (let ((?x143 (Sqrt in0_5)))
 (>= ?x143 0.0)))
(assert
 (let ((?x143 (Sqrt in0_5)))
 (let (($x151 (= ?x143 0.0)))
 (let (($x83 (= in0_5 0.0)))
 (=> $x83 $x151)))))
(assert
 (let ((?x143 (Sqrt in0_5)))
 (let (($x142 (= ?x143 1.0)))
 (let (($x98 (= in0_5 1.0)))
 (=> $x98 $x142)))))
(assert
 (let ((?x120 (Sqrt in0_6)))
 (>= ?x120 0.0)))
(assert
 (let ((?x120 (Sqrt in0_6)))
 (let (($x19 (= ?x120 0.0)))
 (let (($x29 (= in0_6 0.0)))
 (=> $x29 $x19)))))
(assert
 (let ((?x120 (Sqrt in0_6)))
 (let (($x23 (= ?x120 1.0)))
 (let (($x80 (= in0_6 1.0)))
 (=> $x80 $x23)))))
(assert
 (let ((?x31 (Sqrt in0_7)))
 (>= ?x31 0.0)))
(assert
 (let ((?x31 (Sqrt in0_7)))
 (let (($x41 (= ?x31 0.0)))
 (let (($x197 (= in0_7 0.0)))
 (=> $x197 $x41)))))
(assert
 (let ((?x31 (Sqrt in0_7)))
 (let (($x18 (= ?x31 1.0)))
 (let (($x173 (= in0_7 1.0)))
 (=> $x173 $x18)))))
(assert
 (let ((?x121 (Sqrt in0_8)))
 (>= ?x121 0.0)))
(assert
 (let ((?x121 (Sqrt in0_8)))
 (let (($x74 (= ?x121 0.0)))
 (let (($x116 (= in0_8 0.0)))
 (=> $x116 $x74)))))
(assert
 (let ((?x121 (Sqrt in0_8)))
 (let (($x123 (= ?x121 1.0)))
 (let (($x93 (= in0_8 1.0)))
 (=> $x93 $x123)))))
(assert
 (let ((?x134 (Sqrt in0_9)))
 (>= ?x134 0.0)))
(assert
 (let ((?x134 (Sqrt in0_9)))
 (let (($x81 (= ?x134 0.0)))
 (let (($x227 (= in0_9 0.0)))
 (=> $x227 $x81)))))
(assert
 (let ((?x134 (Sqrt in0_9)))
 (let (($x159 (= ?x134 1.0)))
 (let (($x153 (= in0_9 1.0)))
 (=> $x153 $x159)))))
(assert
 (let ((?x188 (Sqrt in0_10)))
 (>= ?x188 0.0)))
(assert
 (let ((?x188 (Sqrt in0_10)))
 (let (($x251 (= ?x188 0.0)))
 (let (($x231 (= in0_10 0.0)))
 (=> $x231 $x251)))))
(assert
 (let ((?x188 (Sqrt in0_10)))
 (let (($x192 (= ?x188 1.0)))
 (let (($x252 (= in0_10 1.0)))
 (=> $x252 $x192)))))
(assert
 (let ((?x105 (Sqrt in0_11)))
 (>= ?x105 0.0)))
(assert
 (let ((?x105 (Sqrt in0_11)))
 (let (($x129 (= ?x105 0.0)))
 (let (($x203 (= in0_11 0.0)))
 (=> $x203 $x129)))))
(assert
 (let ((?x105 (Sqrt in0_11)))
 (let (($x253 (= ?x105 1.0)))
 (let (($x108 (= in0_11 1.0)))
 (=> $x108 $x253)))))
(assert
 (let ((?x244 (Sqrt in0_0)))
 (>= ?x244 0.0)))
(assert
 (let ((?x244 (Sqrt in0_0)))
 (let (($x175 (= ?x244 0.0)))
 (let (($x199 (= in0_0 0.0)))
 (=> $x199 $x175)))))
(assert
 (let ((?x244 (Sqrt in0_0)))
 (let (($x177 (= ?x244 1.0)))
 (let (($x110 (= in0_0 1.0)))
 (=> $x110 $x177)))))
(assert
 (let ((?x187 (Sqrt in0_1)))
 (>= ?x187 0.0)))
(assert
 (let ((?x187 (Sqrt in0_1)))
 (let (($x161 (= ?x187 0.0)))
 (let (($x76 (= in0_1 0.0)))
 (=> $x76 $x161)))))
(assert
 (let ((?x187 (Sqrt in0_1)))
 (let (($x254 (= ?x187 1.0)))
 (let (($x248 (= in0_1 1.0)))
 (=> $x248 $x254)))))
(assert
 (let ((?x39 (Sqrt in0_2)))
 (>= ?x39 0.0)))
(assert
 (let ((?x39 (Sqrt in0_2)))
 (let (($x137 (= ?x39 0.0)))
 (let (($x65 (= in0_2 0.0)))
 (=> $x65 $x137)))))
(assert
 (let ((?x39 (Sqrt in0_2)))
 (let (($x150 (= ?x39 1.0)))
 (let (($x78 (= in0_2 1.0)))
 (=> $x78 $x150)))))
(assert
 (or (and (distinct (Sqrt in0_3) (Sqrt in0_3)) true) (and (distinct (Sqrt in0_4) (Sqrt in0_4)) true) (and (distinct (Sqrt in0_5) (Sqrt in0_5)) true) (and (distinct (Sqrt in0_6) (Sqrt in0_6)) true) (and (distinct (Sqrt in0_7) (Sqrt in0_7)) true) (and (distinct (Sqrt in0_8) (Sqrt in0_8)) true) (and (distinct (Sqrt in0_9) (Sqrt in0_9)) true) (and (distinct (Sqrt in0_10) (Sqrt in0_10)) true) (and (distinct (Sqrt in0_11) (Sqrt in0_11)) true) (and (distinct (Sqrt in0_0) (Sqrt in0_0)) true) (and (distinct (Sqrt in0_1) (Sqrt in0_1)) true) (and (distinct (Sqrt in0_2) (Sqrt in0_2)) true)))
(check-sat)
