;; permeq proof obligation
;; claim: Or (Or): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3], [3]
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
(declare-fun in1_0 () Int)
(declare-fun in1_1 () Int)
(declare-fun in1_2 () Int)
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
 (let ((?x2775 (to_real in1_0)))
 (let (($x3708 (= ?x2775 0.0)))
 (or $x3708 (= ?x2775 1.0)))))
(assert
 (let ((?x4032 (to_real in1_1)))
 (let (($x3785 (= ?x4032 0.0)))
 (or $x3785 (= ?x4032 1.0)))))
(assert
 (let ((?x3276 (to_real in1_2)))
 (let (($x2796 (= ?x3276 0.0)))
 (or $x2796 (= ?x3276 1.0)))))
(assert
 (let ((?x2750 (ite (and (distinct (to_real in1_2) 0.0) true) 1.0 0.0)))
 (let ((?x3340 (ite (and (distinct (to_real in0_2) 0.0) true) 1.0 ?x2750)))
 (let ((?x2779 (ite (and (distinct (to_real in1_1) 0.0) true) 1.0 0.0)))
 (let ((?x2151 (ite (and (distinct (to_real in0_1) 0.0) true) 1.0 ?x2779)))
 (let ((?x2330 (ite (and (distinct (to_real in1_0) 0.0) true) 1.0 0.0)))
 (let ((?x3482 (ite (and (distinct (to_real in0_0) 0.0) true) 1.0 ?x2330)))
 (let ((?x2160 (ite (and (distinct (to_real in0_11) 0.0) true) 1.0 ?x2750)))
 (let ((?x2199 (ite (and (distinct (to_real in0_10) 0.0) true) 1.0 ?x2779)))
 (let ((?x3089 (ite (and (distinct (to_real in0_9) 0.0) true) 1.0 ?x2330)))
 (let ((?x3397 (ite (and (distinct (to_real in0_8) 0.0) true) 1.0 ?x2750)))
 (let ((?x2002 (ite (and (distinct (to_real in0_7) 0.0) true) 1.0 ?x2779)))
 (let ((?x2753 (ite (and (distinct (to_real in0_6) 0.0) true) 1.0 ?x2330)))
 (let ((?x4045 (ite (and (distinct (to_real in0_5) 0.0) true) 1.0 ?x2750)))
 (let ((?x2714 (ite (and (distinct (to_real in0_4) 0.0) true) 1.0 ?x2779)))
 (let ((?x3353 (ite (and (distinct (to_real in0_3) 0.0) true) 1.0 ?x2330)))
 (or (and (distinct ?x3353 ?x3353) true) (and (distinct ?x2714 ?x2714) true) (and (distinct ?x4045 ?x4045) true) (and (distinct ?x2753 ?x2753) true) (and (distinct ?x2002 ?x2002) true) (and (distinct ?x3397 ?x3397) true) (and (distinct ?x3089 ?x3089) true) (and (distinct ?x2199 ?x2199) true) (and (distinct ?x2160 ?x2160) true) (and (distinct ?x3482 ?x3482) true) (and (distinct ?x2151 ?x2151) true) (and (distinct ?x3340 ?x3340) true))))))))))))))))))
(check-sat)
