;; permeq proof obligation
;; claim: Xor (Xor): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
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
 (let ((?x3276 (to_real in1_2)))
 (let (($x2409 (and (distinct ?x3276 0.0) true)))
 (let ((?x2750 (ite $x2409 1.0 0.0)))
 (let ((?x3502 (ite (not $x2409) 1.0 0.0)))
 (let ((?x3241 (ite (and (distinct (to_real in0_11) 0.0) true) ?x3502 ?x2750)))
 (let ((?x4032 (to_real in1_1)))
 (let (($x3227 (and (distinct ?x4032 0.0) true)))
 (let ((?x2779 (ite $x3227 1.0 0.0)))
 (let ((?x2903 (ite (not $x3227) 1.0 0.0)))
 (let ((?x2203 (ite (and (distinct (to_real in0_10) 0.0) true) ?x2903 ?x2779)))
 (let ((?x2775 (to_real in1_0)))
 (let (($x2899 (and (distinct ?x2775 0.0) true)))
 (let ((?x2330 (ite $x2899 1.0 0.0)))
 (let ((?x3262 (ite (not $x2899) 1.0 0.0)))
 (let ((?x2597 (ite (and (distinct (to_real in0_9) 0.0) true) ?x3262 ?x2330)))
 (let ((?x2208 (ite (and (distinct (to_real in0_8) 0.0) true) ?x3502 ?x2750)))
 (let ((?x3999 (ite (and (distinct (to_real in0_7) 0.0) true) ?x2903 ?x2779)))
 (let ((?x3160 (ite (and (distinct (to_real in0_6) 0.0) true) ?x3262 ?x2330)))
 (let ((?x3736 (ite (and (distinct (to_real in0_2) 0.0) true) ?x3502 ?x2750)))
 (let ((?x3882 (ite (and (distinct (to_real in0_1) 0.0) true) ?x2903 ?x2779)))
 (let ((?x3082 (ite (and (distinct (to_real in0_0) 0.0) true) ?x3262 ?x2330)))
 (let ((?x3192 (ite (and (distinct (to_real in0_5) 0.0) true) ?x3502 ?x2750)))
 (let ((?x2347 (ite (and (distinct (to_real in0_4) 0.0) true) ?x2903 ?x2779)))
 (let ((?x2939 (ite (and (distinct (to_real in0_3) 0.0) true) ?x3262 ?x2330)))
 (or (and (distinct ?x2939 ?x2939) true) (and (distinct ?x2347 ?x2347) true) (and (distinct ?x3192 ?x3192) true) (and (distinct ?x3082 ?x3082) true) (and (distinct ?x3882 ?x3882) true) (and (distinct ?x3736 ?x3736) true) (and (distinct ?x3160 ?x3160) true) (and (distinct ?x3999 ?x3999) true) (and (distinct ?x2208 ?x2208) true) (and (distinct ?x2597 ?x2597) true) (and (distinct ?x2203 ?x2203) true) (and (distinct ?x3241 ?x3241) true)))))))))))))))))))))))))))
(check-sat)
