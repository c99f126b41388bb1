;; permeq proof obligation
;; claim: Silu (Silu): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Silu (Real) Real)
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
 (let ((?x24 (Silu in0_0)))
 (let (($x94 (= ?x24 0.0)))
 (let (($x103 (= in0_0 0.0)))
 (=> $x103 $x94)))))
(assert
 (let ((?x53 (Silu in0_1)))
 (let (($x84 (= ?x53 0.0)))
 (let (($x68 (= in0_1 0.0)))
 (=> $x68 $x84)))))
(assert
 (let ((?x35 (Silu in0_2)))
 (let (($x45 (= ?x35 0.0)))
 (let (($x50 (= in0_2 0.0)))
 (=> $x50 $x45)))))
(assert
 (let ((?x62 (Silu in0_3)))
 (let (($x80 (= ?x62 0.0)))
 (let (($x96 (= in0_3 0.0)))
 (=> $x96 $x80)))))
(assert
 (let ((?x44 (Silu in0_4)))
 (let (($x25 (= ?x44 0.0)))
 (let (($x74 (= in0_4 0.0)))
 (=> $x74 $x25)))))
(assert
 (let ((?x110 (Silu in0_5)))
 (let (($x127 (= ?x110 0.0)))
 (let (($x128 (= in0_5 0.0)))
 (=> $x128 $x127)))))
(assert
 (let ((?x65 (Silu in0_6)))
 (let (($x61 (= ?x65 0.0)))
 (let (($x91 (= in0_6 0.0)))
 (=> $x91 $x61)))))
(assert
 (let ((?x112 (Silu in0_7)))
 (let (($x113 (= ?x112 0.0)))
 (let (($x26 (= in0_7 0.0)))
 (=> $x26 $x113)))))
(assert
 (let ((?x106 (Silu in0_8)))
 (let (($x108 (= ?x106 0.0)))
 (let (($x120 (= in0_8 0.0)))
 (=> $x120 $x108)))))
(assert
 (let ((?x124 (Silu in0_9)))
 (let (($x104 (= ?x124 0.0)))
 (let (($x83 (= in0_9 0.0)))
 (=> $x83 $x104)))))
(assert
 (let ((?x118 (Silu in0_10)))
 (let (($x100 (= ?x118 0.0)))
 (let (($x89 (= in0_10 0.0)))
 (=> $x89 $x100)))))
(assert
 (let ((?x114 (Silu in0_11)))
 (let (($x116 (= ?x114 0.0)))
 (let (($x73 (= in0_11 0.0)))
 (=> $x73 $x116)))))
(assert
 (let ((?x62 (Silu in0_3)))
 (let (($x80 (= ?x62 0.0)))
 (let (($x96 (= in0_3 0.0)))
 (=> $x96 $x80)))))
(assert
 (let ((?x44 (Silu in0_4)))
 (let (($x25 (= ?x44 0.0)))
 (let (($x74 (= in0_4 0.0)))
 (=> $x74 $x25)))))
(assert
 (let ((?x110 (Silu in0_5)))
 (let (($x127 (= ?x110 0.0)))
 (let (($x128 (= in0_5 0.0)))
 (=> $x128 $x127)))))
(assert
 (let ((?x24 (Silu in0_0)))
 (let (($x94 (= ?x24 0.0)))
 (let (($x103 (= in0_0 0.0)))
 (=> $x103 $x94)))))
(assert
 (let ((?x53 (Silu in0_1)))
 (let (($x84 (= ?x53 0.0)))
 (let (($x68 (= in0_1 0.0)))
 (=> $x68 $x84)))))
(assert
 (let ((?x35 (Silu in0_2)))
 (let (($x45 (= ?x35 0.0)))
 (let (($x50 (= in0_2 0.0)))
 (=> $x50 $x45)))))
(assert
 (let ((?x65 (Silu in0_6)))
 (let (($x61 (= ?x65 0.0)))
 (let (($x91 (= in0_6 0.0)))
 (=> $x91 $x61)))))
(assert
 (let ((?x112 (Silu in0_7)))
 (let (($x113 (= ?x112 0.0)))
 (let (($x26 (= in0_7 0.0)))
 (=> $x26 $x113)))))
(assert
 (let ((?x106 (Silu in0_8)))
 (let (($x108 (= ?x106 0.0)))
 (let (($x120 (= in0_8 0.0)))
 (=> $x120 $x108)))))
(assert
 (let ((?x124 (Silu in0_9)))
 (let (($x104 (= ?x124 0.0)))
 (let (($x83 (= in0_9 0.0)))
 (=> $x83 $x104)))))
(assert
 (let ((?x118 (Silu in0_10)))
 (let (($x100 (= ?x118 0.0)))
 (let (($x89 (= in0_10 0.0)))
 (=> $x89 $x100)))))
(assert
 (let ((?x114 (Silu in0_11)))
 (let (($x116 (= ?x114 0.0)))
 (let (($x73 (= in0_11 0.0)))
 (=> $x73 $x116)))))
(assert
 (or (and (distinct (Silu in0_3) (Silu in0_3)) true) (and (distinct (Silu in0_4) (Silu in0_4)) true) (and (distinct (Silu in0_5) (Silu in0_5)) true) (and (distinct (Silu in0_0) (Silu in0_0)) true) (and (distinct (Silu in0_1) (Silu in0_1)) true) (and (distinct (Silu in0_2) (Silu in0_2)) true) (and (distinct (Silu in0_6) (Silu in0_6)) true) (and (distinct (Silu in0_7) (Silu in0_7)) true) (and (distinct (Silu in0_8) (Silu in0_8)) true) (and (distinct (Silu in0_9) (Silu in0_9)) true) (and (distinct (Silu in0_10) (Silu in0_10)) true) (and (distinct (Silu in0_11) (Silu in0_11)) true)))
(check-sat)
