;; permeq proof obligation
;; claim: Cosh (Cosh): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Cosh (Real) Real)
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
 (let ((?x2747 (Cosh in0_0)))
 (> ?x2747 0.0)))
(assert
 (let ((?x2747 (Cosh in0_0)))
 (let (($x3041 (= ?x2747 1.0)))
 (let (($x2673 (= in0_0 0.0)))
 (=> $x2673 $x3041)))))
(assert
 (let ((?x3001 (Cosh in0_1)))
 (> ?x3001 0.0)))
(assert
 (let ((?x3001 (Cosh in0_1)))
 (let (($x2327 (= ?x3001 1.0)))
 (let (($x2466 (= in0_1 0.0)))
 (=> $x2466 $x2327)))))
(assert
 (let ((?x1697 (Cosh in0_2)))
 (> ?x1697 0.0)))
(assert
 (let ((?x1697 (Cosh in0_2)))
 (let (($x1610 (= ?x1697 1.0)))
 (let (($x3032 (= in0_2 0.0)))
 (=> $x3032 $x1610)))))
(assert
 (let ((?x2667 (Cosh in0_3)))
 (> ?x2667 0.0)))
(assert
 (let ((?x2667 (Cosh in0_3)))
 (let (($x2440 (= ?x2667 1.0)))
 (let (($x2937 (= in0_3 0.0)))
 (=> $x2937 $x2440)))))
(assert
 (let ((?x3212 (Cosh in0_4)))
 (> ?x3212 0.0)))
(assert
 (let ((?x3212 (Cosh in0_4)))
 (let (($x3412 (= ?x3212 1.0)))
 (let (($x2907 (= in0_4 0.0)))
 (=> $x2907 $x3412)))))
(assert
 (let ((?x3326 (Cosh in0_5)))
 (> ?x3326 0.0)))
(assert
 (let ((?x3326 (Cosh in0_5)))
 (let (($x2615 (= ?x3326 1.0)))
 (let (($x3405 (= in0_5 0.0)))
 (=> $x3405 $x2615)))))
(assert
 (let ((?x1922 (Cosh in0_6)))
 (> ?x1922 0.0)))
(assert
 (let ((?x1922 (Cosh in0_6)))
 (let (($x2665 (= ?x1922 1.0)))
 (let (($x3006 (= in0_6 0.0)))
 (=> $x3006 $x2665)))))
(assert
 (let ((?x2062 (Cosh in0_7)))
 (> ?x2062 0.0)))
(assert
 (let ((?x2062 (Cosh in0_7)))
 (let (($x2870 (= ?x2062 1.0)))
 (let (($x2024 (= in0_7 0.0)))
 (=> $x2024 $x2870)))))
(assert
 (let ((?x2977 (Cosh in0_8)))
 (> ?x2977 0.0)))
(assert
 (let ((?x2977 (Cosh in0_8)))
 (let (($x1734 (= ?x2977 1.0)))
 (let (($x2339 (= in0_8 0.0)))
 (=> $x2339 $x1734)))))
(assert
 (let ((?x3181 (Cosh in0_9)))
 (> ?x3181 0.0)))
(assert
 (let ((?x3181 (Cosh in0_9)))
 (let (($x3372 (= ?x3181 1.0)))
 (let (($x3466 (= in0_9 0.0)))
 (=> $x3466 $x3372)))))
(assert
 (let ((?x3334 (Cosh in0_10)))
 (> ?x3334 0.0)))
(assert
 (let ((?x3334 (Cosh in0_10)))
 (let (($x3367 (= ?x3334 1.0)))
 (let (($x2930 (= in0_10 0.0)))
 (=> $x2930 $x3367)))))
(assert
 (let ((?x2341 (Cosh in0_11)))
 (> ?x2341 0.0)))
(assert
 (let ((?x2341 (Cosh in0_11)))
 (let (($x2451 (= ?x2341 1.0)))
 (let (($x2838 (= in0_11 0.0)))
 (=> $x2838 $x2451)))))
(assert
 (let ((?x2667 (Cosh in0_3)))
 (> ?x2667 0.0)))
(assert
 (let ((?x2667 (Cosh in0_3)))
 (let (($x2440 (= ?x2667 1.0)))
 (let (($x2937 (= in0_3 0.0)))
 (=> $x2937 $x2440)))))
(assert
 (let ((?x3212 (Cosh in0_4)))
 (> ?x3212 0.0)))
(assert
 (let ((?x3212 (Cosh in0_4)))
 (let (($x3412 (= ?x3212 1.0)))
 (let (($x2907 (= in0_4 0.0)))
 (=> $x2907 $x3412)))))
(assert
 (let ((?x3326 (Cosh in0_5)))
 (> ?x3326 0.0)))
(assert
 (let ((?x3326 (Cosh in0_5)))
 (let (($x2615 (= ?x3326 1.0)))
 (let (($x3405 (= in0_5 0.0)))
 (=> $x3405 $x2615)))))
(assert
 (let ((?x1922 (Cosh in0_6)))
 (> ?x1922 0.0)))
(assert
 (let ((?x1922 (Cosh in0_6)))
 (let (($x2665 (= ?x1922 1.0)))
 (let (($x3006 (= in0_6 0.0)))
 (=> $x3006 $x2665)))))
(assert
 (let ((?x2062 (Cosh in0_7)))
 (> ?x2062 0.0)))
(assert
 (let ((?x2062 (Cosh in0_7)))
 (let (($x2870 (= ?x2062 1.0)))
 (let (($x2024 (= in0_7 0.0)))
 (=> $x2024 $x2870)))))
(assert
 (let ((?x2977 (Cosh in0_8)))
 (> ?x2977 0.0)))
(assert
 (let ((?x2977 (Cosh in0_8)))
 (let (($x1734 (= ?x2977 1.0)))
 (let (($x2339 (= in0_8 0.0)))
 (=> $x2339 $x1734)))))
(assert
 (let ((?x3181 (Cosh in0_9)))
 (> ?x3181 0.0)))
(assert
 (let ((?x3181 (Cosh in0_9)))
 (let (($x3372 (= ?x3181 1.0)))
 (let (($x3466 (= in0_9 0.0)))
 (=> $x3466 $x3372)))))
(assert
 (let ((?x3334 (Cosh in0_10)))
 (> ?x3334 0.0)))
(assert
 (let ((?x3334 (Cosh in0_10)))
 (let (($x3367 (= ?x3334 1.0)))
 (let (($x2930 (= in0_10 0.0)))
 (=> $x2930 $x3367)))))
(assert
 (let ((?x2341 (Cosh in0_11)))
 (> ?x2341 0.0)))
(assert
 (let ((?x2341 (Cosh in0_11)))
 (let (($x2451 (= ?x2341 1.0)))
 (let (($x2838 (= in0_11 0.0)))
 (=> $x2838 $x2451)))))
(assert
 (let ((?x2747 (Cosh in0_0)))
 (> ?x2747 0.0)))
(assert
 (let ((?x2747 (Cosh in0_0)))
 (let (($x3041 (= ?x2747 1.0)))
 (let (($x2673 (= in0_0 0.0)))
 (=> $x2673 $x3041)))))
(assert
 (let ((?x3001 (Cosh in0_1)))
 (> ?x3001 0.0)))
(assert
 (let ((?x3001 (Cosh in0_1)))
 (let (($x2327 (= ?x3001 1.0)))
 (let (($x2466 (= in0_1 0.0)))
 (=> $x2466 $x2327)))))
(assert
 (let ((?x1697 (Cosh in0_2)))
 (> ?x1697 0.0)))
(assert
 (let ((?x1697 (Cosh in0_2)))
 (let (($x1610 (= ?x1697 1.0)))
 (let (($x3032 (= in0_2 0.0)))
 (=> $x3032 $x1610)))))
(assert
 (or (and (distinct (Cosh in0_3) (Cosh in0_3)) true) (and (distinct (Cosh in0_4) (Cosh in0_4)) true) (and (distinct (Cosh in0_5) (Cosh in0_5)) true) (and (distinct (Cosh in0_6) (Cosh in0_6)) true) (and (distinct (Cosh in0_7) (Cosh in0_7)) true) (and (distinct (Cosh in0_8) (Cosh in0_8)) true) (and (distinct (Cosh in0_9) (Cosh in0_9)) true) (and (distinct (Cosh in0_10) (Cosh in0_10)) true) (and (distinct (Cosh in0_11) (Cosh in0_11)) true) (and (distinct (Cosh in0_0) (Cosh in0_0)) true) (and (distinct (Cosh in0_1) (Cosh in0_1)) true) (and (distinct (Cosh in0_2) (Cosh in0_2)) true)))
(check-sat)
