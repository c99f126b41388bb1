;; permeq proof obligation
;; claim: Not (Not): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun in0_0 () Int)
(declare-fun in0_1 () Int)
(declare-fun in0_2 () Int)
(declare-fun in0_3 () Int)
(declare-fun in0_4 () Int)
(declare-fun in0_5 () Int)
(declare-fun in0_6 () Int)
(declare-fun in0_7 () Int)
(declare-fun in0_8 () Int)
(declare-fun in0_9 () Int)
(declare-fun in0_10 () Int)
(declare-fun in0_11 () Int)
(assert
 (let ((?x2669 (to_real in0_0)))
 (let (($x2984 (= ?x2669 0.0)))
 (or $x2984 (= ?x2669 1.0)))))
(assert
 (let ((?x2088 (to_real in0_1)))
 (let (($x2481 (= ?x2088 0.0)))
 (or $x2481 (= ?x2088 1.0)))))
(assert
 (let ((?x2728 (to_real in0_2)))
 (let (($x2094 (= ?x2728 0.0)))
 (or $x2094 (= ?x2728 1.0)))))
(assert
 (let ((?x3936 (to_real in0_3)))
 (let (($x3247 (= ?x3936 0.0)))
 (or $x3247 (= ?x3936 1.0)))))
(assert
 (let ((?x2833 (to_real in0_4)))
 (let (($x2824 (= ?x2833 0.0)))
 (or $x2824 (= ?x2833 1.0)))))
(assert
 (let ((?x2795 (to_real in0_5)))
 (let (($x2909 (= ?x2795 0.0)))
 (or $x2909 (= ?x2795 1.0)))))
(assert
 (let ((?x2688 (to_real in0_6)))
 (let (($x3578 (= ?x2688 0.0)))
 (or $x3578 (= ?x2688 1.0)))))
(assert
 (let ((?x2359 (to_real in0_7)))
 (let (($x4130 (= ?x2359 0.0)))
 (or $x4130 (= ?x2359 1.0)))))
(assert
 (let ((?x2841 (to_real in0_8)))
 (let (($x865 (= ?x2841 0.0)))
 (or $x865 (= ?x2841 1.0)))))
(assert
 (let ((?x2828 (to_real in0_9)))
 (let (($x2907 (= ?x2828 0.0)))
 (or $x2907 (= ?x2828 1.0)))))
(assert
 (let ((?x3838 (to_real in0_10)))
 (let (($x2339 (= ?x3838 0.0)))
 (or $x2339 (= ?x3838 1.0)))))
(assert
 (let ((?x3715 (to_real in0_11)))
 (let (($x3288 (= ?x3715 0.0)))
 (or $x3288 (= ?x3715 1.0)))))
(assert
 (let ((?x3486 (ite (not (and (distinct (to_real in0_11) 0.0) true)) 1.0 0.0)))
 (let ((?x2654 (ite (not (and (distinct (to_real in0_10) 0.0) true)) 1.0 0.0)))
 (let ((?x3340 (ite (not (and (distinct (to_real in0_9) 0.0) true)) 1.0 0.0)))
 (let ((?x3352 (ite (not (and (distinct (to_real in0_8) 0.0) true)) 1.0 0.0)))
 (let ((?x3482 (ite (not (and (distinct (to_real in0_7) 0.0) true)) 1.0 0.0)))
 (let ((?x2903 (ite (not (and (distinct (to_real in0_6) 0.0) true)) 1.0 0.0)))
 (let ((?x2745 (ite (not (and (distinct (to_real in0_2) 0.0) true)) 1.0 0.0)))
 (let ((?x3205 (ite (not (and (distinct (to_real in0_1) 0.0) true)) 1.0 0.0)))
 (let ((?x3309 (ite (not (and (distinct (to_real in0_0) 0.0) true)) 1.0 0.0)))
 (let ((?x2509 (ite (not (and (distinct (to_real in0_5) 0.0) true)) 1.0 0.0)))
 (let ((?x2127 (ite (not (and (distinct (to_real in0_4) 0.0) true)) 1.0 0.0)))
 (let ((?x3732 (ite (not (and (distinct (to_real in0_3) 0.0) true)) 1.0 0.0)))
 (or (and (distinct ?x3732 ?x3732) true) (and (distinct ?x2127 ?x2127) true) (and (distinct ?x2509 ?x2509) true) (and (distinct ?x3309 ?x3309) true) (and (distinct ?x3205 ?x3205) true) (and (distinct ?x2745 ?x2745) true) (and (distinct ?x2903 ?x2903) true) (and (distinct ?x3482 ?x3482) true) (and (distinct ?x3352 ?x3352) true) (and (distinct ?x3340 ?x3340) true) (and (distinct ?x2654 ?x2654) true) (and (distinct ?x3486 ?x3486) true)))))))))))))))
(check-sat)
