;; permeq proof obligation
;; claim: Cos (Cos): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let ((?x171 (Cos in0_0)))
 (let (($x160 (<= ?x171 1.0)))
 (let (($x153 (>= ?x171 (- 1.0))))
 (and $x153 $x160)))))
(assert
 (let ((?x86 (Cos in0_1)))
 (let (($x127 (<= ?x86 1.0)))
 (let (($x90 (>= ?x86 (- 1.0))))
 (and $x90 $x127)))))
(assert
 (let ((?x68 (Cos in0_2)))
 (let (($x178 (<= ?x68 1.0)))
 (let (($x39 (>= ?x68 (- 1.0))))
 (and $x39 $x178)))))
(assert
 (let ((?x33 (Cos in0_3)))
 (let (($x119 (<= ?x33 1.0)))
 (let (($x21 (>= ?x33 (- 1.0))))
 (and $x21 $x119)))))
(assert
 (let ((?x35 (Cos in0_4)))
 (let (($x170 (<= ?x35 1.0)))
 (let (($x37 (>= ?x35 (- 1.0))))
 (and $x37 $x170)))))
(assert
 (let ((?x185 (Cos in0_5)))
 (let (($x110 (<= ?x185 1.0)))
 (let (($x106 (>= ?x185 (- 1.0))))
 (and $x106 $x110)))))
(assert
 (let ((?x100 (Cos in0_6)))
 (let (($x122 (<= ?x100 1.0)))
 (let (($x80 (>= ?x100 (- 1.0))))
 (and $x80 $x122)))))
(assert
 (let ((?x154 (Cos in0_7)))
 (let (($x95 (<= ?x154 1.0)))
 (let (($x188 (>= ?x154 (- 1.0))))
 (and $x188 $x95)))))
(assert
 (let ((?x101 (Cos in0_8)))
 (let (($x177 (<= ?x101 1.0)))
 (let (($x64 (>= ?x101 (- 1.0))))
 (and $x64 $x177)))))
(assert
 (let ((?x134 (Cos in0_9)))
 (let (($x131 (<= ?x134 1.0)))
 (let (($x187 (>= ?x134 (- 1.0))))
 (and $x187 $x131)))))
(assert
 (let ((?x158 (Cos in0_10)))
 (let (($x190 (<= ?x158 1.0)))
 (let (($x159 (>= ?x158 (- 1.0))))
 (and $x159 $x190)))))
(assert
 (let ((?x45 (Cos in0_11)))
 (let (($x147 (<= ?x45 1.0)))
 (let (($x82 (>= ?x45 (- 1.0))))
 (and $x82 $x147)))))
(assert
 (let ((?x33 (Cos in0_3)))
 (let (($x119 (<= ?x33 1.0)))
 (let (($x21 (>= ?x33 (- 1.0))))
 (and $x21 $x119)))))
(assert
 (let ((?x35 (Cos in0_4)))
 (let (($x170 (<= ?x35 1.0)))
 (let (($x37 (>= ?x35 (- 1.0))))
 (and $x37 $x170)))))
(assert
 (let ((?x185 (Cos in0_5)))
 (let (($x110 (<= ?x185 1.0)))
 (let (($x106 (>= ?x185 (- 1.0))))
 (and $x106 $x110)))))
(assert
 (let ((?x100 (Cos in0_6)))
 (let (($x122 (<= ?x100 1.0)))
 (let (($x80 (>= ?x100 (- 1.0))))
 (and $x80 $x122)))))
(assert
 (let ((?x154 (Cos in0_7)))
 (let (($x95 (<= ?x154 1.0)))
 (let (($x188 (>= ?x154 (- 1.0))))
 (and $x188 $x95)))))
(assert
 (let ((?x101 (Cos in0_8)))
 (let (($x177 (<= ?x101 1.0)))
 (let (($x64 (>= ?x101 (- 1.0))))
 (and $x64 $x177)))))
(assert
 (let ((?x134 (Cos in0_9)))
 (let (($x131 (<= ?x134 1.0)))
 (let (($x187 (>= ?x134 (- 1.0))))
 (and $x187 $x131)))))
(assert
 (let ((?x158 (Cos in0_10)))
 (let (($x190 (<= ?x158 1.0)))
 (let (($x159 (>= ?x158 (- 1.0))))
 (and $x159 $x190)))))
(assert
 (let ((?x45 (Cos in0_11)))
 (let (($x147 (<= ?x45 1.0)))
 (let (($x82 (>= ?x45 (- 1.0))))
 (and $x82 $x147)))))
(assert
 (let ((?x171 (Cos in0_0)))
 (let (($x160 (<= ?x171 1.0)))
 (let (($x153 (>= ?x171 (- 1.0))))
 (and $x153 $x160)))))
(assert
 (let ((?x86 (Cos in0_1)))
 (let (($x127 (<= ?x86 1.0)))
 (let (($x90 (>= ?x86 (- 1.0))))
 (and $x90 $x127)))))
(assert
 (let ((?x68 (Cos in0_2)))
 (let (($x178 (<= ?x68 1.0)))
 (let (($x39 (>= ?x68 (- 1.0))))
 (and $x39 $x178)))))
(assert
 (or (and (distinct (Cos in0_3) (Cos in0_3)) true) (and (distinct (Cos in0_4) (Cos in0_4)) true) (and (distinct (Cos in0_5) (Cos in0_5)) true) (and (distinct (Cos in0_6) (Cos in0_6)) true) (and (distinct (Cos in0_7) (Cos in0_7)) true) (and (distinct (Cos in0_8) (Cos in0_8)) true) (and (distinct (Cos in0_9) (Cos in0_9)) true) (and (distinct (Cos in0_10) (Cos in0_10)) true) (and (distinct (Cos in0_11) (Cos in0_11)) true) (and (distinct (Cos in0_0) (Cos in0_0)) true) (and (distinct (Cos in0_1) (Cos in0_1)) true) (and (distinct (Cos in0_2) (Cos in0_2)) true)))
(check-sat)
