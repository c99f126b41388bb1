;; permeq proof obligation
;; claim: Gelu (Gelu): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Gelu (Real) Real)
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
 (let ((?x207 (Gelu in0_0)))
 (let (($x159 (= ?x207 0.0)))
 (let (($x199 (= in0_0 0.0)))
 (=> $x199 $x159)))))
(assert
 (let ((?x212 (Gelu in0_1)))
 (let (($x70 (= ?x212 0.0)))
 (let (($x76 (= in0_1 0.0)))
 (=> $x76 $x70)))))
(assert
 (let ((?x176 (Gelu in0_2)))
 (let (($x91 (= ?x176 0.0)))
 (let (($x65 (= in0_2 0.0)))
 (=> $x65 $x91)))))
(assert
 (let ((?x158 (Gelu in0_3)))
 (let (($x68 (= ?x158 0.0)))
 (let (($x179 (= in0_3 0.0)))
 (=> $x179 $x68)))))
(assert
 (let ((?x128 (Gelu in0_4)))
 (let (($x18 (= ?x128 0.0)))
 (let (($x194 (= in0_4 0.0)))
 (=> $x194 $x18)))))
(assert
 (let ((?x19 (Gelu in0_5)))
 (let (($x143 (= ?x19 0.0)))
 (let (($x83 (= in0_5 0.0)))
 (=> $x83 $x143)))))
(assert
 (let ((?x90 (Gelu in0_6)))
 (let (($x32 (= ?x90 0.0)))
 (let (($x29 (= in0_6 0.0)))
 (=> $x29 $x32)))))
(assert
 (let ((?x97 (Gelu in0_7)))
 (let (($x88 (= ?x97 0.0)))
 (let (($x197 (= in0_7 0.0)))
 (=> $x197 $x88)))))
(assert
 (let ((?x103 (Gelu in0_8)))
 (let (($x42 (= ?x103 0.0)))
 (let (($x116 (= in0_8 0.0)))
 (=> $x116 $x42)))))
(assert
 (let ((?x213 (Gelu in0_9)))
 (let (($x251 (= ?x213 0.0)))
 (let (($x227 (= in0_9 0.0)))
 (=> $x227 $x251)))))
(assert
 (let ((?x152 (Gelu in0_10)))
 (let (($x157 (= ?x152 0.0)))
 (let (($x231 (= in0_10 0.0)))
 (=> $x231 $x157)))))
(assert
 (let ((?x112 (Gelu in0_11)))
 (let (($x95 (= ?x112 0.0)))
 (let (($x203 (= in0_11 0.0)))
 (=> $x203 $x95)))))
(assert
 (let ((?x158 (Gelu in0_3)))
 (let (($x68 (= ?x158 0.0)))
 (let (($x179 (= in0_3 0.0)))
 (=> $x179 $x68)))))
(assert
 (let ((?x128 (Gelu in0_4)))
 (let (($x18 (= ?x128 0.0)))
 (let (($x194 (= in0_4 0.0)))
 (=> $x194 $x18)))))
(assert
 (let ((?x19 (Gelu in0_5)))
 (let (($x143 (= ?x19 0.0)))
 (let (($x83 (= in0_5 0.0)))
 (=> $x83 $x143)))))
(assert
 (let ((?x90 (Gelu in0_6)))
 (let (($x32 (= ?x90 0.0)))
 (let (($x29 (= in0_6 0.0)))
 (=> $x29 $x32)))))
(assert
 (let ((?x97 (Gelu in0_7)))
 (let (($x88 (= ?x97 0.0)))
 (let (($x197 (= in0_7 0.0)))
 (=> $x197 $x88)))))
(assert
 (let ((?x103 (Gelu in0_8)))
 (let (($x42 (= ?x103 0.0)))
 (let (($x116 (= in0_8 0.0)))
 (=> $x116 $x42)))))
(assert
 (let ((?x213 (Gelu in0_9)))
 (let (($x251 (= ?x213 0.0)))
 (let (($x227 (= in0_9 0.0)))
 (=> $x227 $x251)))))
(assert
 (let ((?x152 (Gelu in0_10)))
 (let (($x157 (= ?x152 0.0)))
 (let (($x231 (= in0_10 0.0)))
 (=> $x231 $x157)))))
(assert
 (let ((?x112 (Gelu in0_11)))
 (let (($x95 (= ?x112 0.0)))
 (let (($x203 (= in0_11 0.0)))
 (=> $x203 $x95)))))
(assert
 (let ((?x207 (Gelu in0_0)))
 (let (($x159 (= ?x207 0.0)))
 (let (($x199 (= in0_0 0.0)))
 (=> $x199 $x159)))))
(assert
 (let ((?x212 (Gelu in0_1)))
 (let (($x70 (= ?x212 0.0)))
 (let (($x76 (= in0_1 0.0)))
 (=> $x76 $x70)))))
(assert
 (let ((?x176 (Gelu in0_2)))
 (let (($x91 (= ?x176 0.0)))
 (let (($x65 (= in0_2 0.0)))
 (=> $x65 $x91)))))
(assert
 (or (and (distinct (Gelu in0_3) (Gelu in0_3)) true) (and (distinct (Gelu in0_4) (Gelu in0_4)) true) (and (distinct (Gelu in0_5) (Gelu in0_5)) true) (and (distinct (Gelu in0_6) (Gelu in0_6)) true) (and (distinct (Gelu in0_7) (Gelu in0_7)) true) (and (distinct (Gelu in0_8) (Gelu in0_8)) true) (and (distinct (Gelu in0_9) (Gelu in0_9)) true) (and (distinct (Gelu in0_10) (Gelu in0_10)) true) (and (distinct (Gelu in0_11) (Gelu in0_11)) true) (and (distinct (Gelu in0_0) (Gelu in0_0)) true) (and (distinct (Gelu in0_1) (Gelu in0_1)) true) (and (distinct (Gelu in0_2) (Gelu in0_2)) true)))
(check-sat)
