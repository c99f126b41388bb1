;; permeq proof obligation
;; claim: Sin (Sin): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Sin (Real) Real)
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
 (let ((?x57 (Sin in0_0)))
 (let (($x62 (<= ?x57 1.0)))
 (let (($x79 (>= ?x57 (- 1.0))))
 (and $x79 $x62)))))
(assert
 (let ((?x57 (Sin in0_0)))
 (let (($x52 (= ?x57 0.0)))
 (let (($x199 (= in0_0 0.0)))
 (=> $x199 $x52)))))
(assert
 (let ((?x113 (Sin in0_1)))
 (let (($x40 (<= ?x113 1.0)))
 (let (($x126 (>= ?x113 (- 1.0))))
 (and $x126 $x40)))))
(assert
 (let ((?x113 (Sin in0_1)))
 (let (($x222 (= ?x113 0.0)))
 (let (($x76 (= in0_1 0.0)))
 (=> $x76 $x222)))))
(assert
 (let ((?x165 (Sin in0_2)))
 (let (($x185 (<= ?x165 1.0)))
 (let (($x27 (>= ?x165 (- 1.0))))
 (and $x27 $x185)))))
(assert
 (let ((?x165 (Sin in0_2)))
 (let (($x217 (= ?x165 0.0)))
 (let (($x65 (= in0_2 0.0)))
 (=> $x65 $x217)))))
(assert
 (let ((?x243 (Sin in0_3)))
 (let (($x250 (<= ?x243 1.0)))
 (let (($x135 (>= ?x243 (- 1.0))))
 (and $x135 $x250)))))
(assert
 (let ((?x243 (Sin in0_3)))
 (let (($x21 (= ?x243 0.0)))
 (let (($x179 (= in0_3 0.0)))
 (=> $x179 $x21)))))
(assert
 (let ((?x214 (Sin in0_4)))
 (let (($x198 (<= ?x214 1.0)))
 (let (($x117 (>= ?x214 (- 1.0))))
 (and $x117 $x198)))))
(assert
 (let ((?x214 (Sin in0_4)))
 (let (($x196 (= ?x214 0.0)))
 (let (($x194 (= in0_4 0.0)))
 (=> $x194 $x196)))))
(assert
 (let ((?x131 (Sin in0_5)))
 (let (($x220 (<= ?x131 1.0)))
 (let (($x60 (>= ?x131 (- 1.0))))
 (and $x60 $x220)))))
(assert
 (let ((?x131 (Sin in0_5)))
 (let (($x48 (= ?x131 0.0)))
 (let (($x83 (= in0_5 0.0)))
 (=> $x83 $x48)))))
(assert
 (let ((?x207 (Sin in0_6)))
 (let (($x190 (<= ?x207 1.0)))
 (let (($x47 (>= ?x207 (- 1.0))))
 (and $x47 $x190)))))
(assert
 (let ((?x207 (Sin in0_6)))
 (let (($x106 (= ?x207 0.0)))
 (let (($x29 (= in0_6 0.0)))
 (=> $x29 $x106)))))
(assert
 (let ((?x204 (Sin in0_7)))
 (let (($x181 (<= ?x204 1.0)))
 (let (($x125 (>= ?x204 (- 1.0))))
 (and $x125 $x181)))))
(assert
 (let ((?x204 (Sin in0_7)))
 (let (($x122 (= ?x204 0.0)))
 (let (($x197 (= in0_7 0.0)))
 (=> $x197 $x122)))))
(assert
 (let ((?x213 (Sin in0_8)))
 (let (($x174 (<= ?x213 1.0)))
 (let (($x215 (>= ?x213 (- 1.0))))
 (and $x215 $x174)))))
(assert
 (let ((?x213 (Sin in0_8)))
 (let (($x239 (= ?x213 0.0)))
 (let (($x116 (= in0_8 0.0)))
 (=> $x116 $x239)))))
(assert
 (let ((?x35 (Sin in0_9)))
 (let (($x30 (<= ?x35 1.0)))
 (let (($x170 (>= ?x35 (- 1.0))))
 (and $x170 $x30)))))
(assert
 (let ((?x35 (Sin in0_9)))
 (let (($x100 (= ?x35 0.0)))
 (let (($x227 (= in0_9 0.0)))
 (=> $x227 $x100)))))
(assert
 (let ((?x154 (Sin in0_10)))
 (let (($x202 (<= ?x154 1.0)))
 (let (($x169 (>= ?x154 (- 1.0))))
 (and $x169 $x202)))))
(assert
 (let ((?x154 (Sin in0_10)))
 (let (($x229 (= ?x154 0.0)))
 (let (($x231 (= in0_10 0.0)))
 (=> $x231 $x229)))))
(assert
 (let ((?x55 (Sin in0_11)))
 (let (($x210 (<= ?x55 1.0)))
 (let (($x133 (>= ?x55 (- 1.0))))
 (and $x133 $x210)))))
(assert
 (let ((?x55 (Sin in0_11)))
 (let (($x236 (= ?x55 0.0)))
 (let (($x203 (= in0_11 0.0)))
 (=> $x203 $x236)))))
(assert
 (let ((?x243 (Sin in0_3)))
 (let (($x250 (<= ?x243 1.0)))
 (let (($x135 (>= ?x243 (- 1.0))))
 (and $x135 $x250)))))
(assert
 (let ((?x243 (Sin in0_3)))
 (let (($x21 (= ?x243 0.0)))
 (let (($x179 (= in0_3 0.0)))
 (=> $x179 $x21)))))
(assert
 (let ((?x214 (Sin in0_4)))
 (let (($x198 (<= ?x214 1.0)))
 (let (($x117 (>= ?x214 (- 1.0))))
 (and $x117 $x198)))))
(assert
 (let ((?x214 (Sin in0_4)))
 (let (($x196 (= ?x214 0.0)))
 (let (($x194 (= in0_4 0.0)))
 (=> $x194 $x196)))))
(assert
 (let ((?x131 (Sin in0_5)))
 (let (($x220 (<= ?x131 1.0)))
 (let (($x60 (>= ?x131 (- 1.0))))
 (and $x60 $x220)))))
(assert
 (let ((?x131 (Sin in0_5)))
 (let (($x48 (= ?x131 0.0)))
 (let (($x83 (= in0_5 0.0)))
 (=> $x83 $x48)))))
(assert
 (let ((?x57 (Sin in0_0)))
 (let (($x62 (<= ?x57 1.0)))
 (let (($x79 (>= ?x57 (- 1.0))))
 (and $x79 $x62)))))
(assert
 (let ((?x57 (Sin in0_0)))
 (let (($x52 (= ?x57 0.0)))
 (let (($x199 (= in0_0 0.0)))
 (=> $x199 $x52)))))
(assert
 (let ((?x113 (Sin in0_1)))
 (let (($x40 (<= ?x113 1.0)))
 (let (($x126 (>= ?x113 (- 1.0))))
 (and $x126 $x40)))))
(assert
 (let ((?x113 (Sin in0_1)))
 (let (($x222 (= ?x113 0.0)))
 (let (($x76 (= in0_1 0.0)))
 (=> $x76 $x222)))))
(assert
 (let ((?x165 (Sin in0_2)))
 (let (($x185 (<= ?x165 1.0)))
 (let (($x27 (>= ?x165 (- 1.0))))
 (and $x27 $x185)))))
(assert
 (let ((?x165 (Sin in0_2)))
 (let (($x217 (= ?x165 0.0)))
 (let (($x65 (= in0_2 0.0)))
 (=> $x65 $x217)))))
(assert
 (let ((?x207 (Sin in0_6)))
 (let (($x190 (<= ?x207 1.0)))
 (let (($x47 (>= ?x207 (- 1.0))))
 (and $x47 $x190)))))
(assert
 (let ((?x207 (Sin in0_6)))
 (let (($x106 (= ?x207 0.0)))
 (let (($x29 (= in0_6 0.0)))
 (=> $x29 $x106)))))
(assert
 (let ((?x204 (Sin in0_7)))
 (let (($x181 (<= ?x204 1.0)))
 (let (($x125 (>= ?x204 (- 1.0))))
 (and $x125 $x181)))))
(assert
 (let ((?x204 (Sin in0_7)))
 (let (($x122 (= ?x204 0.0)))
 (let (($x197 (= in0_7 0.0)))
 (=> $x197 $x122)))))
(assert
 (let ((?x213 (Sin in0_8)))
 (let (($x174 (<= ?x213 1.0)))
 (let (($x215 (>= ?x213 (- 1.0))))
 (and $x215 $x174)))))
(assert
 (let ((?x213 (Sin in0_8)))
 (let (($x239 (= ?x213 0.0)))
 (let (($x116 (= in0_8 0.0)))
 (=> $x116 $x239)))))
(assert
 (let ((?x35 (Sin in0_9)))
 (let (($x30 (<= ?x35 1.0)))
 (let (($x170 (>= ?x35 (- 1.0))))
 (and $x170 $x30)))))
(assert
 (let ((?x35 (Sin in0_9)))
 (let (($x100 (= ?x35 0.0)))
 (let (($x227 (= in0_9 0.0)))
 (=> $x227 $x100)))))
(assert
 (let ((?x154 (Sin in0_10)))
 (let (($x202 (<= ?x154 1.0)))
 (let (($x169 (>= ?x154 (- 1.0))))
 (and $x169 $x202)))))
(assert
 (let ((?x154 (Sin in0_10)))
 (let (($x229 (= ?x154 0.0)))
 (let (($x231 (= in0_10 0.0)))
 (=> $x231 $x229)))))
(assert
 (let ((?x55 (Sin in0_11)))
 (let (($x210 (<= ?x55 1.0)))
 (let (($x133 (>= ?x55 (- 1.0))))
 (and $x133 $x210)))))
(assert
 (let ((?x55 (Sin in0_11)))
 (let (($x236 (= ?x55 0.0)))
 (let (($x203 (= in0_11 0.0)))
 (=> $x203 $x236)))))
(assert
 (or (and (distinct (Sin in0_3) (Sin in0_3)) true) (and (distinct (Sin in0_4) (Sin in0_4)) true) (and (distinct (Sin in0_5) (Sin in0_5)) true) (and (distinct (Sin in0_0) (Sin in0_0)) true) (and (distinct (Sin in0_1) (Sin in0_1)) true) (and (distinct (Sin in0_2) (Sin in0_2)) true) (and (distinct (Sin in0_6) (Sin in0_6)) true) (and (distinct (Sin in0_7) (Sin in0_7)) true) (and (distinct (Sin in0_8) (Sin in0_8)) true) (and (distinct (Sin in0_9) (Sin in0_9)) true) (and (distinct (Sin in0_10) (Sin in0_10)) true) (and (distinct (Sin in0_11) (Sin in0_11)) true)))
(check-sat)
