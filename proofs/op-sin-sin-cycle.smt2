;; permeq proof obligation
;; claim: Sin (Sin): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let ((?x148 (Sin in0_0)))
 (let (($x109 (<= ?x148 1.0)))
 (let (($x113 (>= ?x148 (- 1.0))))
 (and $x113 $x109)))))
(assert
 (let ((?x42 (Sin in0_1)))
 (let (($x139 (<= ?x42 1.0)))
 (let (($x103 (>= ?x42 (- 1.0))))
 (and $x103 $x139)))))
(assert
 (let ((?x93 (Sin in0_2)))
 (let (($x191 (<= ?x93 1.0)))
 (let (($x136 (>= ?x93 (- 1.0))))
 (and $x136 $x191)))))
(assert
 (let ((?x69 (Sin in0_3)))
 (let (($x137 (<= ?x69 1.0)))
 (let (($x144 (>= ?x69 (- 1.0))))
 (and $x144 $x137)))))
(assert
 (let ((?x34 (Sin in0_4)))
 (let (($x51 (<= ?x34 1.0)))
 (let (($x117 (>= ?x34 (- 1.0))))
 (and $x117 $x51)))))
(assert
 (let ((?x49 (Sin in0_5)))
 (let (($x48 (<= ?x49 1.0)))
 (let (($x94 (>= ?x49 (- 1.0))))
 (and $x94 $x48)))))
(assert
 (let ((?x132 (Sin in0_6)))
 (let (($x194 (<= ?x132 1.0)))
 (let (($x84 (>= ?x132 (- 1.0))))
 (and $x84 $x194)))))
(assert
 (let ((?x44 (Sin in0_7)))
 (let (($x27 (<= ?x44 1.0)))
 (let (($x65 (>= ?x44 (- 1.0))))
 (and $x65 $x27)))))
(assert
 (let ((?x165 (Sin in0_8)))
 (let (($x55 (<= ?x165 1.0)))
 (let (($x161 (>= ?x165 (- 1.0))))
 (and $x161 $x55)))))
(assert
 (let ((?x133 (Sin in0_9)))
 (let (($x186 (<= ?x133 1.0)))
 (let (($x121 (>= ?x133 (- 1.0))))
 (and $x121 $x186)))))
(assert
 (let ((?x46 (Sin in0_10)))
 (let (($x112 (<= ?x46 1.0)))
 (let (($x157 (>= ?x46 (- 1.0))))
 (and $x157 $x112)))))
(assert
 (let ((?x167 (Sin in0_11)))
 (let (($x25 (<= ?x167 1.0)))
 (let (($x71 (>= ?x167 (- 1.0))))
 (and $x71 $x25)))))
(assert
 (let ((?x69 (Sin in0_3)))
 (let (($x137 (<= ?x69 1.0)))
 (let (($x144 (>= ?x69 (- 1.0))))
 (and $x144 $x137)))))
(assert
 (let ((?x34 (Sin in0_4)))
 (let (($x51 (<= ?x34 1.0)))
 (let (($x117 (>= ?x34 (- 1.0))))
 (and $x117 $x51)))))
(assert
 (let ((?x49 (Sin in0_5)))
 (let (($x48 (<= ?x49 1.0)))
 (let (($x94 (>= ?x49 (- 1.0))))
 (and $x94 $x48)))))
(assert
 (let ((?x132 (Sin in0_6)))
 (let (($x194 (<= ?x132 1.0)))
 (let (($x84 (>= ?x132 (- 1.0))))
 (and $x84 $x194)))))
(assert
 (let ((?x44 (Sin in0_7)))
 (let (($x27 (<= ?x44 1.0)))
 (let (($x65 (>= ?x44 (- 1.0))))
 (and $x65 $x27)))))
(assert
 (let ((?x165 (Sin in0_8)))
 (let (($x55 (<= ?x165 1.0)))
 (let (($x161 (>= ?x165 (- 1.0))))
 (and $x161 $x55)))))
(assert
 (let ((?x133 (Sin in0_9)))
 (let (($x186 (<= ?x133 1.0)))
 (let (($x121 (>= ?x133 (- 1.0))))
 (and $x121 $x186)))))
(assert
 (let ((?x46 (Sin in0_10)))
 (let (($x112 (<= ?x46 1.0)))
 (let (($x157 (>= ?x46 (- 1.0))))
 (and $x157 $x112)))))
(assert
 (let ((?x167 (Sin in0_11)))
 (let (($x25 (<= ?x167 1.0)))
 (let (($x71 (>= ?x167 (- 1.0))))
 (and $x71 $x25)))))
(assert
 (let ((?x148 (Sin in0_0)))
 (let (($x109 (<= ?x148 1.0)))
 (let (($x113 (>= ?x148 (- 1.0))))
 (and $x113 $x109)))))
(assert
 (let ((?x42 (Sin in0_1)))
 (let (($x139 (<= ?x42 1.0)))
 (let (($x103 (>= ?x42 (- 1.0))))
 (and $x103 $x139)))))
(assert
 (let ((?x93 (Sin in0_2)))
 (let (($x191 (<= ?x93 1.0)))
 (let (($x136 (>= ?x93 (- 1.0))))
 (and $x136 $x191)))))
(assert
 (or (and (distinct (Sin in0_3) (Sin in0_3)) true) (and (distinct (Sin in0_4) (Sin in0_4)) true) (and (distinct (Sin in0_5) (Sin in0_5)) true) (and (distinct (Sin in0_6) (Sin in0_6)) true) (and (distinct (Sin in0_7) (Sin in0_7)) true) (and (distinct (Sin in0_8) (Sin in0_8)) true) (and (distinct (Sin in0_9) (Sin in0_9)) true) (and (distinct (Sin in0_10) (Sin in0_10)) true) (and (distinct (Sin in0_11) (Sin in0_11)) true) (and (distinct (Sin in0_0) (Sin in0_0)) true) (and (distinct (Sin in0_1) (Sin in0_1)) true) (and (distinct (Sin in0_2) (Sin in0_2)) true)))
(check-sat)
