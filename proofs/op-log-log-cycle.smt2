;; permeq proof obligation
;; claim: Log (Log): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Log (Real) Real)
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
 (let ((?x52 (Log in0_0)))
 (let (($x27 (= ?x52 0.0)))
 (let (($x110 (= in0_0 1.0)))
 (=> $x110 $x27)))))
(assert
 (let ((?x217 (Log in0_1)))
 (let (($x218 (= ?x217 0.0)))
 (let (($x248 (= in0_1 1.0)))
 (=> $x248 $x218)))))
(assert
 (let ((?x59 (Log in0_2)))
 (let (($x135 (= ?x59 0.0)))
 (let (($x78 (= in0_2 1.0)))
 (=> $x78 $x135)))))
(assert
 (let ((?x237 (Log in0_3)))
 (let (($x189 (= ?x237 0.0)))
 (let (($x212 (= in0_3 1.0)))
 (=> $x212 $x189)))))
(assert
 (let ((?x84 (Log in0_4)))
 (let (($x38 (= ?x84 0.0)))
 (let (($x72 (= in0_4 1.0)))
 (=> $x72 $x38)))))
(assert
 (let ((?x51 (Log in0_5)))
 (let (($x24 (= ?x51 0.0)))
 (let (($x98 (= in0_5 1.0)))
 (=> $x98 $x24)))))
(assert
 (let ((?x223 (Log in0_6)))
 (let (($x224 (= ?x223 0.0)))
 (let (($x80 (= in0_6 1.0)))
 (=> $x80 $x224)))))
(assert
 (let ((?x70 (Log in0_7)))
 (let (($x215 (= ?x70 0.0)))
 (let (($x173 (= in0_7 1.0)))
 (=> $x173 $x215)))))
(assert
 (let ((?x53 (Log in0_8)))
 (let (($x160 (= ?x53 0.0)))
 (let (($x93 (= in0_8 1.0)))
 (=> $x93 $x160)))))
(assert
 (let ((?x69 (Log in0_9)))
 (let (($x232 (= ?x69 0.0)))
 (let (($x153 (= in0_9 1.0)))
 (=> $x153 $x232)))))
(assert
 (let ((?x94 (Log in0_10)))
 (let (($x125 (= ?x94 0.0)))
 (let (($x252 (= in0_10 1.0)))
 (=> $x252 $x125)))))
(assert
 (let ((?x165 (Log in0_11)))
 (let (($x226 (= ?x165 0.0)))
 (let (($x108 (= in0_11 1.0)))
 (=> $x108 $x226)))))
(assert
 (let ((?x237 (Log in0_3)))
 (let (($x189 (= ?x237 0.0)))
 (let (($x212 (= in0_3 1.0)))
 (=> $x212 $x189)))))
(assert
 (let ((?x84 (Log in0_4)))
 (let (($x38 (= ?x84 0.0)))
 (let (($x72 (= in0_4 1.0)))
 (=> $x72 $x38)))))
(assert
 (let ((?x51 (Log in0_5)))
 (let (($x24 (= ?x51 0.0)))
 (let (($x98 (= in0_5 1.0)))
 (=> $x98 $x24)))))
(assert
 (let ((?x223 (Log in0_6)))
 (let (($x224 (= ?x223 0.0)))
 (let (($x80 (= in0_6 1.0)))
 (=> $x80 $x224)))))
(assert
 (let ((?x70 (Log in0_7)))
 (let (($x215 (= ?x70 0.0)))
 (let (($x173 (= in0_7 1.0)))
 (=> $x173 $x215)))))
(assert
 (let ((?x53 (Log in0_8)))
 (let (($x160 (= ?x53 0.0)))
 (let (($x93 (= in0_8 1.0)))
 (=> $x93 $x160)))))
(assert
 (let ((?x69 (Log in0_9)))
 (let (($x232 (= ?x69 0.0)))
 (let (($x153 (= in0_9 1.0)))
 (=> $x153 $x232)))))
(assert
 (let ((?x94 (Log in0_10)))
 (let (($x125 (= ?x94 0.0)))
 (let (($x252 (= in0_10 1.0)))
 (=> $x252 $x125)))))
(assert
 (let ((?x165 (Log in0_11)))
 (let (($x226 (= ?x165 0.0)))
 (let (($x108 (= in0_11 1.0)))
 (=> $x108 $x226)))))
(assert
 (let ((?x52 (Log in0_0)))
 (let (($x27 (= ?x52 0.0)))
 (let (($x110 (= in0_0 1.0)))
 (=> $x110 $x27)))))
(assert
 (let ((?x217 (Log in0_1)))
 (let (($x218 (= ?x217 0.0)))
 (let (($x248 (= in0_1 1.0)))
 (=> $x248 $x218)))))
(assert
 (let ((?x59 (Log in0_2)))
 (let (($x135 (= ?x59 0.0)))
 (let (($x78 (= in0_2 1.0)))
 (=> $x78 $x135)))))
(assert
 (or (and (distinct (Log in0_3) (Log in0_3)) true) (and (distinct (Log in0_4) (Log in0_4)) true) (and (distinct (Log in0_5) (Log in0_5)) true) (and (distinct (Log in0_6) (Log in0_6)) true) (and (distinct (Log in0_7) (Log in0_7)) true) (and (distinct (Log in0_8) (Log in0_8)) true) (and (distinct (Log in0_9) (Log in0_9)) true) (and (distinct (Log in0_10) (Log in0_10)) true) (and (distinct (Log in0_11) (Log in0_11)) true) (and (distinct (Log in0_0) (Log in0_0)) true) (and (distinct (Log in0_1) (Log in0_1)) true) (and (distinct (Log in0_2) (Log in0_2)) true)))
(check-sat)
