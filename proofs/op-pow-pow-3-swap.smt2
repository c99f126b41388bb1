;; permeq proof obligation
;; claim: Pow (Pow): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun pow_1/2 (Real) Real)
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
 (let ((?x38 (pow_1/2 in0_0)))
 (>= ?x38 0.0)))
(assert
 (let ((?x38 (pow_1/2 in0_0)))
 (let (($x30 (= ?x38 0.0)))
 (let (($x11 (= in0_0 0.0)))
 (=> $x11 $x30)))))
(assert
 (let ((?x38 (pow_1/2 in0_0)))
 (let (($x32 (= ?x38 1.0)))
 (let (($x31 (= in0_0 1.0)))
 (=> $x31 $x32)))))
(assert
 (let ((?x199 (pow_1/2 in0_1)))
 (>= ?x199 0.0)))
(assert
 (let ((?x199 (pow_1/2 in0_1)))
 (let (($x236 (= ?x199 0.0)))
 (let (($x207 (= in0_1 0.0)))
 (=> $x207 $x236)))))
(assert
 (let ((?x199 (pow_1/2 in0_1)))
 (let (($x211 (= ?x199 1.0)))
 (let (($x27 (= in0_1 1.0)))
 (=> $x27 $x211)))))
(assert
 (let ((?x71 (pow_1/2 in0_2)))
 (>= ?x71 0.0)))
(assert
 (let ((?x71 (pow_1/2 in0_2)))
 (let (($x202 (= ?x71 0.0)))
 (let (($x122 (= in0_2 0.0)))
 (=> $x122 $x202)))))
(assert
 (let ((?x71 (pow_1/2 in0_2)))
 (let (($x133 (= ?x71 1.0)))
 (let (($x174 (= in0_2 1.0)))
 (=> $x174 $x133)))))
(assert
 (let ((?x152 (pow_1/2 in0_3)))
 (>= ?x152 0.0)))
(assert
 (let ((?x152 (pow_1/2 in0_3)))
 (let (($x108 (= ?x152 0.0)))
 (let (($x10 (= in0_3 0.0)))
 (=> $x10 $x108)))))
(assert
 (let ((?x152 (pow_1/2 in0_3)))
 (let (($x42 (= ?x152 1.0)))
 (let (($x203 (= in0_3 1.0)))
 (=> $x203 $x42)))))
(assert
 (let ((?x21 (pow_1/2 in0_4)))
 (>= ?x21 0.0)))
(assert
 (let ((?x21 (pow_1/2 in0_4)))
 (let (($x158 (= ?x21 0.0)))
 (let (($x176 (= in0_4 0.0)))
 (=> $x176 $x158)))))
(assert
 (let ((?x21 (pow_1/2 in0_4)))
 (let (($x95 (= ?x21 1.0)))
 (let (($x145 (= in0_4 1.0)))
 (=> $x145 $x95)))))
(assert
 (let ((?x206 (pow_1/2 in0_5)))
 (>= ?x206 0.0)))
(assert
 (let ((?x206 (pow_1/2 in0_5)))
 (let (($x250 (= ?x206 0.0)))
 (let (($x194 (= in0_5 0.0)))
 (=> $x194 $x250)))))
(assert
 (let ((?x206 (pow_1/2 in0_5)))
 (let (($x47 (= ?x206 1.0)))
 (let (($x84 (= in0_5 1.0)))
 (=> $x84 $x47)))))
(assert
 (let ((?x68 (pow_1/2 in0_6)))
 (>= ?x68 0.0)))
(assert
 (let ((?x68 (pow_1/2 in0_6)))
 (let (($x48 (= ?x68 0.0)))
 (let (($x70 (= in0_6 0.0)))
 (=> $x70 $x48)))))
(assert
 (let ((?x68 (pow_1/2 in0_6)))
 (let (($x125 (= ?x68 1.0)))
 (let (($x197 (= in0_6 1.0)))
 (=> $x197 $x125)))))
(assert
 (let ((?x15 (pow_1/2 in0_7)))
 (>= ?x15 0.0)))
(assert
 (let ((?x15 (pow_1/2 in0_7)))
 (let (($x90 (= ?x15 0.0)))
 (let (($x58 (= in0_7 0.0)))
 (=> $x58 $x90)))))
(assert
 (let ((?x15 (pow_1/2 in0_7)))
 (let (($x245 (= ?x15 1.0)))
 (let (($x189 (= in0_7 1.0)))
 (=> $x189 $x245)))))
(assert
 (let ((?x121 (pow_1/2 in0_8)))
 (>= ?x121 0.0)))
(assert
 (let ((?x121 (pow_1/2 in0_8)))
 (let (($x40 (= ?x121 0.0)))
 (let (($x229 (= in0_8 0.0)))
 (=> $x229 $x40)))))
(assert
 (let ((?x121 (pow_1/2 in0_8)))
 (let (($x215 (= ?x121 1.0)))
 (let (($x101 (= in0_8 1.0)))
 (=> $x101 $x215)))))
(assert
 (let ((?x205 (pow_1/2 in0_9)))
 (>= ?x205 0.0)))
(assert
 (let ((?x205 (pow_1/2 in0_9)))
 (let (($x220 (= ?x205 0.0)))
 (let (($x82 (= in0_9 0.0)))
 (=> $x82 $x220)))))
(assert
 (let ((?x205 (pow_1/2 in0_9)))
 (let (($x239 (= ?x205 1.0)))
 (let (($x246 (= in0_9 1.0)))
 (=> $x246 $x239)))))
(assert
 (let ((?x126 (pow_1/2 in0_10)))
 (>= ?x126 0.0)))
(assert
 (let ((?x126 (pow_1/2 in0_10)))
 (let (($x217 (= ?x126 0.0)))
 (let (($x134 (= in0_10 0.0)))
 (=> $x134 $x217)))))
(assert
 (let ((?x126 (pow_1/2 in0_10)))
 (let (($x86 (= ?x126 1.0)))
 (let (($x75 (= in0_10 1.0)))
 (=> $x75 $x86)))))
(assert
 (let ((?x187 (pow_1/2 in0_11)))
 (>= ?x187 0.0)))
(assert
 (let ((?x187 (pow_1/2 in0_11)))
 (let (($x63 (= ?x187 0.0)))
 (let (($x144 (= in0_11 0.0)))
 (=> $x144 $x63)))))
(assert
 (let ((?x187 (pow_1/2 in0_11)))
 (let (($x140 (= ?x187 1.0)))
 (let (($x247 (= in0_11 1.0)))
 (=> $x247 $x140)))))
(assert
 (let ((?x152 (pow_1/2 in0_3)))
 (>= ?x152 0.0)))
(assert
 (let ((?x152 (pow_1/2 in0_3)))
 (let (($x108 (= ?x152 0.0)))
 (let (($x10 (= in0_3 0.0)))
 (=> $x10 $x108)))))
(assert
 (let ((?x152 (pow_1/2 in0_3)))
 (let (($x42 (= ?x152 1.0)))
 (let (($x203 (= in0_3 1.0)))
 (=> $x203 $x42)))))
(assert
 (let ((?x21 (pow_1/2 in0_4)))
 (>= ?x21 0.0)))
(assert
 (let ((?x21 (pow_1/2 in0_4)))
 (let (($x158 (= ?x21 0.0)))
 (let (($x176 (= in0_4 0.0)))
 (=> $x176 $x158)))))
(assert
 (let ((?x21 (pow_1/2 in0_4)))
 (let (($x95 (= ?x21 1.0)))
 (let (($x145 (= in0_4 1.0)))
 (=> $x145 $x95)))))
(assert
 (let ((?x206 (pow_1/2 in0_5)))
 (>= ?x206 0.0)))
(assert
 (let ((?x206 (pow_1/2 in0_5)))
 (let (($x250 (= ?x206 0.0)))
 (let (($x194 (= in0_5 0.0)))
 (=> $x194 $x250)))))
(assert
 (let ((?x206 (pow_1/2 in0_5)))
 (let (($x47 (= ?x206 1.0)))
 (let (($x84 (= in0_5 1.0)))
 (=> $x84 $x47)))))
(assert
 (let ((?x38 (pow_1/2 in0_0)))
 (>= ?x38 0.0)))
(assert
 (let ((?x38 (pow_1/2 in0_0)))
 (let (($x30 (= ?x38 0.0)))
 (let (($x11 (= in0_0 0.0)))
 (=> $x11 $x30)))))
(assert
 (let ((?x38 (pow_1/2 in0_0)))
 (let (($x32 (= ?x38 1.0)))
 (let (($x31 (= in0_0 1.0)))
 (=> $x31 $x32)))))
(assert
 (let ((?x199 (pow_1/2 in0_1)))
 (>= ?x199 0.0)))
(assert
 (let ((?x199 (pow_1/2 in0_1)))
 (let (($x236 (= ?x199 0.0)))
 (let (($x207 (= in0_1 0.0)))
 (=> $x207 $x236)))))
(assert
 (let ((?x199 (pow_1/2 in0_1)))
 (let (($x211 (= ?x199 1.0)))
 (let (($x27 (= in0_1 1.0)))
 (=> $x27 $x211)))))
(assert
 (let ((?x71 (pow_1/2 in0_2)))
 (>= ?x71 0.0)))
(assert
 (let ((?x71 (pow_1/2 in0_2)))
 (let (($x202 (= ?x71 0.0)))
 (let (($x122 (= in0_2 0.0)))
 (=> $x122 $x202)))))
(assert
 (let ((?x71 (pow_1/2 in0_2)))
 (let (($x133 (= ?x71 1.0)))
 (let (($x174 (= in0_2 1.0)))
 (=> $x174 $x133)))))
(assert
 (let ((?x68 (pow_1/2 in0_6)))
 (>= ?x68 0.0)))
(assert
 (let ((?x68 (pow_1/2 in0_6)))
 (let (($x48 (= ?x68 0.0)))
 (let (($x70 (= in0_6 0.0)))
 (=> $x70 $x48)))))
(assert
 (let ((?x68 (pow_1/2 in0_6)))
 (let (($x125 (= ?x68 1.0)))
 (let (($x197 (= in0_6 1.0)))
 (=> $x197 $x125)))))
(assert
 (let ((?x15 (pow_1/2 in0_7)))
 (>= ?x15 0.0)))
(assert
 (let ((?x15 (pow_1/2 in0_7)))
 (let (($x90 (= ?x15 0.0)))
 (let (($x58 (= in0_7 0.0)))
 (=> $x58 $x90)))))
(assert
 (let ((?x15 (pow_1/2 in0_7)))
 (let (($x245 (= ?x15 1.0)))
 (let (($x189 (= in0_7 1.0)))
 (=> $x189 $x245)))))
(assert
 (let ((?x121 (pow_1/2 in0_8)))
 (>= ?x121 0.0)))
(assert
 (let ((?x121 (pow_1/2 in0_8)))
 (let (($x40 (= ?x121 0.0)))
 (let (($x229 (= in0_8 0.0)))
 (=> $x229 $x40)))))
(assert
 (let ((?x121 (pow_1/2 in0_8)))
 (let (($x215 (= ?x121 1.0)))
 (let (($x101 (= in0_8 1.0)))
 (=> $x101 $x215)))))
(assert
 (let ((?x205 (pow_1/2 in0_9)))
 (>= ?x205 0.0)))
(assert
 (let ((?x205 (pow_1/2 in0_9)))
 (let (($x220 (= ?x205 0.0)))
 (let (($x82 (= in0_9 0.0)))
 (=> $x82 $x220)))))
(assert
 (let ((?x205 (pow_1/2 in0_9)))
 (let (($x239 (= ?x205 1.0)))
 (let (($x246 (= in0_9 1.0)))
 (=> $x246 $x239)))))
(assert
 (let ((?x126 (pow_1/2 in0_10)))
 (>= ?x126 0.0)))
(assert
 (let ((?x126 (pow_1/2 in0_10)))
 (let (($x217 (= ?x126 0.0)))
 (let (($x134 (= in0_10 0.0)))
 (=> $x134 $x217)))))
(assert
 (let ((?x126 (pow_1/2 in0_10)))
 (let (($x86 (= ?x126 1.0)))
 (let (($x75 (= in0_10 1.0)))
 (=> $x75 $x86)))))
(assert
 (let ((?x187 (pow_1/2 in0_11)))
 (>= ?x187 0.0)))
(assert
 (let ((?x187 (pow_1/2 in0_11)))
 (let (($x63 (= ?x187 0.0)))
 (let (($x144 (= in0_11 0.0)))
 (=> $x144 $x63)))))
(assert
 (let ((?x187 (pow_1/2 in0_11)))
 (let (($x140 (= ?x187 1.0)))
 (let (($x247 (= in0_11 1.0)))
 (=> $x247 $x140)))))
(assert
 (or (and (distinct (pow_1/2 in0_3) (pow_1/2 in0_3)) true) (and (distinct (pow_1/2 in0_4) (pow_1/2 in0_4)) true) (and (distinct (pow_1/2 in0_5) (pow_1/2 in0_5)) true) (and (distinct (pow_1/2 in0_0) (pow_1/2 in0_0)) true) (and (distinct (pow_1/2 in0_1) (pow_1/2 in0_1)) true) (and (distinct (pow_1/2 in0_2) (pow_1/2 in0_2)) true) (and (distinct (pow_1/2 in0_6) (pow_1/2 in0_6)) true) (and (distinct (pow_1/2 in0_7) (pow_1/2 in0_7)) true) (and (distinct (pow_1/2 in0_8) (pow_1/2 in0_8)) true) (and (distinct (pow_1/2 in0_9) (pow_1/2 in0_9)) true) (and (distinct (pow_1/2 in0_10) (pow_1/2 in0_10)) true) (and (distinct (pow_1/2 in0_11) (pow_1/2 in0_11)) true)))
(check-sat)
