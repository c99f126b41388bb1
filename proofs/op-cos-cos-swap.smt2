;; permeq proof obligation
;; claim: Cos (Cos): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Cos (Real) Real)
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
 (let ((?x223 (Cos in0_0)))
 (let (($x39 (<= ?x223 1.0)))
 (let (($x188 (>= ?x223 (- 1.0))))
 (and $x188 $x39)))))
(assert
 (let ((?x223 (Cos in0_0)))
 (let (($x110 (= ?x223 1.0)))
 (let (($x199 (= in0_0 0.0)))
 (=> $x199 $x110)))))
(assert
 (let ((?x78 (Cos in0_1)))
 (let (($x248 (<= ?x78 1.0)))
 (let (($x69 (>= ?x78 (- 1.0))))
 (and $x69 $x248)))))
(assert
 (let ((?x78 (Cos in0_1)))
 (let (($x68 (= ?x78 1.0)))
 (let (($x76 (= in0_1 0.0)))
 (=> $x76 $x68)))))
(assert
 (let ((?x77 (Cos in0_2)))
 (let (($x156 (<= ?x77 1.0)))
 (let (($x20 (>= ?x77 (- 1.0))))
 (and $x20 $x156)))))
(assert
 (let ((?x77 (Cos in0_2)))
 (let (($x73 (= ?x77 1.0)))
 (let (($x65 (= in0_2 0.0)))
 (=> $x65 $x73)))))
(assert
 (let ((?x201 (Cos in0_3)))
 (let (($x50 (<= ?x201 1.0)))
 (let (($x53 (>= ?x201 (- 1.0))))
 (and $x53 $x50)))))
(assert
 (let ((?x201 (Cos in0_3)))
 (let (($x70 (= ?x201 1.0)))
 (let (($x179 (= in0_3 0.0)))
 (=> $x179 $x70)))))
(assert
 (let ((?x89 (Cos in0_4)))
 (let (($x97 (<= ?x89 1.0)))
 (let (($x137 (>= ?x89 (- 1.0))))
 (and $x137 $x97)))))
(assert
 (let ((?x89 (Cos in0_4)))
 (let (($x186 (= ?x89 1.0)))
 (let (($x194 (= in0_4 0.0)))
 (=> $x194 $x186)))))
(assert
 (let ((?x58 (Cos in0_5)))
 (let (($x119 (<= ?x58 1.0)))
 (let (($x41 (>= ?x58 (- 1.0))))
 (and $x41 $x119)))))
(assert
 (let ((?x58 (Cos in0_5)))
 (let (($x86 (= ?x58 1.0)))
 (let (($x83 (= in0_5 0.0)))
 (=> $x83 $x86)))))
(assert
 (let ((?x108 (Cos in0_6)))
 (let (($x109 (<= ?x108 1.0)))
 (let (($x253 (>= ?x108 (- 1.0))))
 (and $x253 $x109)))))
(assert
 (let ((?x108 (Cos in0_6)))
 (let (($x45 (= ?x108 1.0)))
 (let (($x29 (= in0_6 0.0)))
 (=> $x29 $x45)))))
(assert
 (let ((?x252 (Cos in0_7)))
 (let (($x206 (<= ?x252 1.0)))
 (let (($x192 (>= ?x252 (- 1.0))))
 (and $x192 $x206)))))
(assert
 (let ((?x252 (Cos in0_7)))
 (let (($x191 (= ?x252 1.0)))
 (let (($x197 (= in0_7 0.0)))
 (=> $x197 $x191)))))
(assert
 (let ((?x80 (Cos in0_8)))
 (let (($x140 (<= ?x80 1.0)))
 (let (($x23 (>= ?x80 (- 1.0))))
 (and $x23 $x140)))))
(assert
 (let ((?x80 (Cos in0_8)))
 (let (($x81 (= ?x80 1.0)))
 (let (($x116 (= in0_8 0.0)))
 (=> $x116 $x81)))))
(assert
 (let ((?x118 (Cos in0_9)))
 (let (($x34 (<= ?x118 1.0)))
 (let (($x74 (>= ?x118 (- 1.0))))
 (and $x74 $x34)))))
(assert
 (let ((?x118 (Cos in0_9)))
 (let (($x128 (= ?x118 1.0)))
 (let (($x227 (= in0_9 0.0)))
 (=> $x227 $x128)))))
(assert
 (let ((?x159 (Cos in0_10)))
 (let (($x26 (<= ?x159 1.0)))
 (let (($x75 (>= ?x159 (- 1.0))))
 (and $x75 $x26)))))
(assert
 (let ((?x159 (Cos in0_10)))
 (let (($x173 (= ?x159 1.0)))
 (let (($x231 (= in0_10 0.0)))
 (=> $x231 $x173)))))
(assert
 (let ((?x98 (Cos in0_11)))
 (let (($x200 (<= ?x98 1.0)))
 (let (($x142 (>= ?x98 (- 1.0))))
 (and $x142 $x200)))))
(assert
 (let ((?x98 (Cos in0_11)))
 (let (($x146 (= ?x98 1.0)))
 (let (($x203 (= in0_11 0.0)))
 (=> $x203 $x146)))))
(assert
 (let ((?x201 (Cos in0_3)))
 (let (($x50 (<= ?x201 1.0)))
 (let (($x53 (>= ?x201 (- 1.0))))
 (and $x53 $x50)))))
(assert
 (let ((?x201 (Cos in0_3)))
 (let (($x70 (= ?x201 1.0)))
 (let (($x179 (= in0_3 0.0)))
 (=> $x179 $x70)))))
(assert
 (let ((?x89 (Cos in0_4)))
 (let (($x97 (<= ?x89 1.0)))
 (let (($x137 (>= ?x89 (- 1.0))))
 (and $x137 $x97)))))
(assert
 (let ((?x89 (Cos in0_4)))
 (let (($x186 (= ?x89 1.0)))
 (let (($x194 (= in0_4 0.0)))
 (=> $x194 $x186)))))
(assert
 (let ((?x58 (Cos in0_5)))
 (let (($x119 (<= ?x58 1.0)))
 (let (($x41 (>= ?x58 (- 1.0))))
 (and $x41 $x119)))))
(assert
 (let ((?x58 (Cos in0_5)))
 (let (($x86 (= ?x58 1.0)))
 (let (($x83 (= in0_5 0.0)))
 (=> $x83 $x86)))))
(assert
 (let ((?x223 (Cos in0_0)))
 (let (($x39 (<= ?x223 1.0)))
 (let (($x188 (>= ?x223 (- 1.0))))
 (and $x188 $x39)))))
(assert
 (let ((?x223 (Cos in0_0)))
 (let (($x110 (= ?x223 1.0)))
 (let (($x199 (= in0_0 0.0)))
 (=> $x199 $x110)))))
(assert
 (let ((?x78 (Cos in0_1)))
 (let (($x248 (<= ?x78 1.0)))
 (let (($x69 (>= ?x78 (- 1.0))))
 (and $x69 $x248)))))
(assert
 (let ((?x78 (Cos in0_1)))
 (let (($x68 (= ?x78 1.0)))
 (let (($x76 (= in0_1 0.0)))
 (=> $x76 $x68)))))
(assert
 (let ((?x77 (Cos in0_2)))
 (let (($x156 (<= ?x77 1.0)))
 (let (($x20 (>= ?x77 (- 1.0))))
 (and $x20 $x156)))))
(assert
 (let ((?x77 (Cos in0_2)))
 (let (($x73 (= ?x77 1.0)))
 (let (($x65 (= in0_2 0.0)))
 (=> $x65 $x73)))))
(assert
 (let ((?x108 (Cos in0_6)))
 (let (($x109 (<= ?x108 1.0)))
 (let (($x253 (>= ?x108 (- 1.0))))
 (and $x253 $x109)))))
(assert
 (let ((?x108 (Cos in0_6)))
 (let (($x45 (= ?x108 1.0)))
 (let (($x29 (= in0_6 0.0)))
 (=> $x29 $x45)))))
(assert
 (let ((?x252 (Cos in0_7)))
 (let (($x206 (<= ?x252 1.0)))
 (let (($x192 (>= ?x252 (- 1.0))))
 (and $x192 $x206)))))
(assert
 (let ((?x252 (Cos in0_7)))
 (let (($x191 (= ?x252 1.0)))
 (let (($x197 (= in0_7 0.0)))
 (=> $x197 $x191)))))
(assert
 (let ((?x80 (Cos in0_8)))
 (let (($x140 (<= ?x80 1.0)))
 (let (($x23 (>= ?x80 (- 1.0))))
 (and $x23 $x140)))))
(assert
 (let ((?x80 (Cos in0_8)))
 (let (($x81 (= ?x80 1.0)))
 (let (($x116 (= in0_8 0.0)))
 (=> $x116 $x81)))))
(assert
 (let ((?x118 (Cos in0_9)))
 (let (($x34 (<= ?x118 1.0)))
 (let (($x74 (>= ?x118 (- 1.0))))
 (and $x74 $x34)))))
(assert
 (let ((?x118 (Cos in0_9)))
 (let (($x128 (= ?x118 1.0)))
 (let (($x227 (= in0_9 0.0)))
 (=> $x227 $x128)))))
(assert
 (let ((?x159 (Cos in0_10)))
 (let (($x26 (<= ?x159 1.0)))
 (let (($x75 (>= ?x159 (- 1.0))))
 (and $x75 $x26)))))
(assert
 (let ((?x159 (Cos in0_10)))
 (let (($x173 (= ?x159 1.0)))
 (let (($x231 (= in0_10 0.0)))
 (=> $x231 $x173)))))
(assert
 (let ((?x98 (Cos in0_11)))
 (let (($x200 (<= ?x98 1.0)))
 (let (($x142 (>= ?x98 (- 1.0))))
 (and $x142 $x200)))))
(assert
 (let ((?x98 (Cos in0_11)))
 (let (($x146 (= ?x98 1.0)))
 (let (($x203 (= in0_11 0.0)))
 (=> $x203 $x146)))))
(assert
 (or (and (distinct (Cos in0_3) (Cos in0_3)) true) (and (distinct (Cos in0_4) (Cos in0_4)) true) (and (distinct (Cos in0_5) (Cos in0_5)) true) (and (distinct (Cos in0_0) (Cos in0_0)) true) (and (distinct (Cos in0_1) (Cos in0_1)) true) (and (distinct (Cos in0_2) (Cos in0_2)) true) (and (distinct (Cos in0_6) (Cos in0_6)) true) (and (distinct (Cos in0_7) (Cos in0_7)) true) (and (distinct (Cos in0_8) (Cos in0_8)) true) (and (distinct (Cos in0_9) (Cos in0_9)) true) (and (distinct (Cos in0_10) (Cos in0_10)) true) (and (distinct (Cos in0_11) (Cos in0_11)) true)))
(check-sat)
