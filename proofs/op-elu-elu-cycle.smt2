;; permeq proof obligation
;; claim: Elu (Elu): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Exp (Real) Real)
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
 (let ((?x3055 (Exp in0_0)))
 (> ?x3055 0.0)))
(assert
 (let ((?x3055 (Exp in0_0)))
 (let (($x3458 (= ?x3055 1.0)))
 (let (($x2673 (= in0_0 0.0)))
 (=> $x2673 $x3458)))))
(assert
 (let ((?x3325 (Exp in0_1)))
 (> ?x3325 0.0)))
(assert
 (let ((?x3325 (Exp in0_1)))
 (let (($x3280 (= ?x3325 1.0)))
 (let (($x2466 (= in0_1 0.0)))
 (=> $x2466 $x3280)))))
(assert
 (let ((?x1710 (Exp in0_2)))
 (> ?x1710 0.0)))
(assert
 (let ((?x1710 (Exp in0_2)))
 (let (($x2691 (= ?x1710 1.0)))
 (let (($x3032 (= in0_2 0.0)))
 (=> $x3032 $x2691)))))
(assert
 (let ((?x3172 (Exp in0_3)))
 (> ?x3172 0.0)))
(assert
 (let ((?x3172 (Exp in0_3)))
 (let (($x3230 (= ?x3172 1.0)))
 (let (($x2937 (= in0_3 0.0)))
 (=> $x2937 $x3230)))))
(assert
 (let ((?x3133 (Exp in0_4)))
 (> ?x3133 0.0)))
(assert
 (let ((?x3133 (Exp in0_4)))
 (let (($x3365 (= ?x3133 1.0)))
 (let (($x2907 (= in0_4 0.0)))
 (=> $x2907 $x3365)))))
(assert
 (let ((?x3479 (Exp in0_5)))
 (> ?x3479 0.0)))
(assert
 (let ((?x3479 (Exp in0_5)))
 (let (($x3126 (= ?x3479 1.0)))
 (let (($x3405 (= in0_5 0.0)))
 (=> $x3405 $x3126)))))
(assert
 (let ((?x2823 (Exp in0_6)))
 (> ?x2823 0.0)))
(assert
 (let ((?x2823 (Exp in0_6)))
 (let (($x2820 (= ?x2823 1.0)))
 (let (($x3006 (= in0_6 0.0)))
 (=> $x3006 $x2820)))))
(assert
 (let ((?x3314 (Exp in0_7)))
 (> ?x3314 0.0)))
(assert
 (let ((?x3314 (Exp in0_7)))
 (let (($x3260 (= ?x3314 1.0)))
 (let (($x2024 (= in0_7 0.0)))
 (=> $x2024 $x3260)))))
(assert
 (let ((?x3056 (Exp in0_8)))
 (> ?x3056 0.0)))
(assert
 (let ((?x3056 (Exp in0_8)))
 (let (($x2669 (= ?x3056 1.0)))
 (let (($x2339 (= in0_8 0.0)))
 (=> $x2339 $x2669)))))
(assert
 (let ((?x2676 (Exp in0_9)))
 (> ?x2676 0.0)))
(assert
 (let ((?x2676 (Exp in0_9)))
 (let (($x3173 (= ?x2676 1.0)))
 (let (($x3466 (= in0_9 0.0)))
 (=> $x3466 $x3173)))))
(assert
 (let ((?x1957 (Exp in0_10)))
 (> ?x1957 0.0)))
(assert
 (let ((?x1957 (Exp in0_10)))
 (let (($x2803 (= ?x1957 1.0)))
 (let (($x2930 (= in0_10 0.0)))
 (=> $x2930 $x2803)))))
(assert
 (let ((?x3207 (Exp in0_11)))
 (> ?x3207 0.0)))
(assert
 (let ((?x3207 (Exp in0_11)))
 (let (($x3263 (= ?x3207 1.0)))
 (let (($x2838 (= in0_11 0.0)))
 (=> $x2838 $x3263)))))
(assert
 (let ((?x3172 (Exp in0_3)))
 (> ?x3172 0.0)))
(assert
 (let ((?x3172 (Exp in0_3)))
 (let (($x3230 (= ?x3172 1.0)))
 (let (($x2937 (= in0_3 0.0)))
 (=> $x2937 $x3230)))))
(assert
 (let ((?x3133 (Exp in0_4)))
 (> ?x3133 0.0)))
(assert
 (let ((?x3133 (Exp in0_4)))
 (let (($x3365 (= ?x3133 1.0)))
 (let (($x2907 (= in0_4 0.0)))
 (=> $x2907 $x3365)))))
(assert
 (let ((?x3479 (Exp in0_5)))
 (> ?x3479 0.0)))
(assert
 (let ((?x3479 (Exp in0_5)))
 (let (($x3126 (= ?x3479 1.0)))
 (let (($x3405 (= in0_5 0.0)))
 (=> $x3405 $x3126)))))
(assert
 (let ((?x2823 (Exp in0_6)))
 (> ?x2823 0.0)))
(assert
 (let ((?x2823 (Exp in0_6)))
 (let (($x2820 (= ?x2823 1.0)))
 (let (($x3006 (= in0_6 0.0)))
 (=> $x3006 $x2820)))))
(assert
 (let ((?x3314 (Exp in0_7)))
 (> ?x3314 0.0)))
(assert
 (let ((?x3314 (Exp in0_7)))
 (let (($x3260 (= ?x3314 1.0)))
 (let (($x2024 (= in0_7 0.0)))
 (=> $x2024 $x3260)))))
(assert
 (let ((?x3056 (Exp in0_8)))
 (> ?x3056 0.0)))
(assert
 (let ((?x3056 (Exp in0_8)))
 (let (($x2669 (= ?x3056 1.0)))
 (let (($x2339 (= in0_8 0.0)))
 (=> $x2339 $x2669)))))
(assert
 (let ((?x2676 (Exp in0_9)))
 (> ?x2676 0.0)))
(assert
 (let ((?x2676 (Exp in0_9)))
 (let (($x3173 (= ?x2676 1.0)))
 (let (($x3466 (= in0_9 0.0)))
 (=> $x3466 $x3173)))))
(assert
 (let ((?x1957 (Exp in0_10)))
 (> ?x1957 0.0)))
(assert
 (let ((?x1957 (Exp in0_10)))
 (let (($x2803 (= ?x1957 1.0)))
 (let (($x2930 (= in0_10 0.0)))
 (=> $x2930 $x2803)))))
(assert
 (let ((?x3207 (Exp in0_11)))
 (> ?x3207 0.0)))
(assert
 (let ((?x3207 (Exp in0_11)))
 (let (($x3263 (= ?x3207 1.0)))
 (let (($x2838 (= in0_11 0.0)))
 (=> $x2838 $x3263)))))
(assert
 (let ((?x3055 (Exp in0_0)))
 (> ?x3055 0.0)))
(assert
 (let ((?x3055 (Exp in0_0)))
 (let (($x3458 (= ?x3055 1.0)))
 (let (($x2673 (= in0_0 0.0)))
 (=> $x2673 $x3458)))))
(assert
 (let ((?x3325 (Exp in0_1)))
 (> ?x3325 0.0)))
(assert
 (let ((?x3325 (Exp in0_1)))
 (let (($x3280 (= ?x3325 1.0)))
 (let (($x2466 (= in0_1 0.0)))
 (=> $x2466 $x3280)))))
(assert
 (let ((?x1710 (Exp in0_2)))
 (> ?x1710 0.0)))
(assert
 (let ((?x1710 (Exp in0_2)))
 (let (($x2691 (= ?x1710 1.0)))
 (let (($x3032 (= in0_2 0.0)))
 (=> $x3032 $x2691)))))
(assert
 (let ((?x2728 (ite (< 0.0 in0_2) in0_2 (* 1.0 (- (Exp in0_2) 1.0)))))
 (let ((?x3049 (ite (< 0.0 in0_1) in0_1 (* 1.0 (- (Exp in0_1) 1.0)))))
 (let ((?x3523 (ite (< 0.0 in0_0) in0_0 (* 1.0 (- (Exp in0_0) 1.0)))))
 (let ((?x2730 (ite (< 0.0 in0_11) in0_11 (* 1.0 (- (Exp in0_11) 1.0)))))
 (let ((?x2530 (ite (< 0.0 in0_10) in0_10 (* 1.0 (- (Exp in0_10) 1.0)))))
 (let ((?x2902 (ite (< 0.0 in0_9) in0_9 (* 1.0 (- (Exp in0_9) 1.0)))))
 (let ((?x2940 (ite (< 0.0 in0_8) in0_8 (* 1.0 (- (Exp in0_8) 1.0)))))
 (let ((?x3478 (ite (< 0.0 in0_7) in0_7 (* 1.0 (- (Exp in0_7) 1.0)))))
 (let ((?x2700 (ite (< 0.0 in0_6) in0_6 (* 1.0 (- (Exp in0_6) 1.0)))))
 (let ((?x3467 (ite (< 0.0 in0_5) in0_5 (* 1.0 (- (Exp in0_5) 1.0)))))
 (let ((?x3009 (ite (< 0.0 in0_4) in0_4 (* 1.0 (- (Exp in0_4) 1.0)))))
 (let ((?x3499 (ite (< 0.0 in0_3) in0_3 (* 1.0 (- (Exp in0_3) 1.0)))))
 (or (and (distinct ?x3499 ?x3499) true) (and (distinct ?x3009 ?x3009) true) (and (distinct ?x3467 ?x3467) true) (and (distinct ?x2700 ?x2700) true) (and (distinct ?x3478 ?x3478) true) (and (distinct ?x2940 ?x2940) true) (and (distinct ?x2902 ?x2902) true) (and (distinct ?x2530 ?x2530) true) (and (distinct ?x2730 ?x2730) true) (and (distinct ?x3523 ?x3523) true) (and (distinct ?x3049 ?x3049) true) (and (distinct ?x2728 ?x2728) true)))))))))))))))
(check-sat)
