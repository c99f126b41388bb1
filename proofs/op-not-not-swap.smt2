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
 (let ((?x2006 (to_real in0_0)))
 (let (($x3435 (= ?x2006 0.0)))
 (or $x3435 (= ?x2006 1.0)))))
(assert
 (let ((?x3431 (to_real in0_1)))
 (let (($x2886 (= ?x3431 0.0)))
 (or $x2886 (= ?x3431 1.0)))))
(assert
 (let ((?x3299 (to_real in0_2)))
 (let (($x2507 (= ?x3299 0.0)))
 (or $x2507 (= ?x3299 1.0)))))
(assert
 (let ((?x4228 (to_real in0_3)))
 (let (($x4263 (= ?x4228 0.0)))
 (or $x4263 (= ?x4228 1.0)))))
(assert
 (let ((?x3995 (to_real in0_4)))
 (let (($x2493 (= ?x3995 0.0)))
 (or $x2493 (= ?x3995 1.0)))))
(assert
 (let ((?x3177 (to_real in0_5)))
 (let (($x2665 (= ?x3177 0.0)))
 (or $x2665 (= ?x3177 1.0)))))
(assert
 (let ((?x3032 (to_real in0_6)))
 (let (($x4127 (= ?x3032 0.0)))
 (or $x4127 (= ?x3032 1.0)))))
(assert
 (let ((?x2445 (to_real in0_7)))
 (let (($x3938 (= ?x2445 0.0)))
 (or $x3938 (= ?x2445 1.0)))))
(assert
 (let ((?x2870 (to_real in0_8)))
 (let (($x2387 (= ?x2870 0.0)))
 (or $x2387 (= ?x2870 1.0)))))
(assert
 (let ((?x4317 (to_real in0_9)))
 (let (($x3365 (= ?x4317 0.0)))
 (or $x3365 (= ?x4317 1.0)))))
(assert
 (let ((?x3893 (to_real in0_10)))
 (let (($x3499 (= ?x3893 0.0)))
 (or $x3499 (= ?x3893 1.0)))))
(assert
 (let ((?x4146 (to_real in0_11)))
 (let (($x2735 (= ?x4146 0.0)))
 (or $x2735 (= ?x4146 1.0)))))
(assert
 (let ((?x3999 (ite (not (and (distinct (to_real in0_11) 0.0) true)) 1.0 0.0)))
 (let ((?x3134 (ite (not (and (distinct (to_real in0_10) 0.0) true)) 1.0 0.0)))
 (let ((?x2440 (ite (not (and (distinct (to_real in0_9) 0.0) true)) 1.0 0.0)))
 (let ((?x3447 (ite (not (and (distinct (to_real in0_8) 0.0) true)) 1.0 0.0)))
 (let ((?x4222 (ite (not (and (distinct (to_real in0_7) 0.0) true)) 1.0 0.0)))
 (let ((?x3371 (ite (not (and (distinct (to_real in0_6) 0.0) true)) 1.0 0.0)))
 (let ((?x2024 (ite (not (and (distinct (to_real in0_2) 0.0) true)) 1.0 0.0)))
 (let ((?x3229 (ite (not (and (distinct (to_real in0_1) 0.0) true)) 1.0 0.0)))
 (let ((?x3689 (ite (not (and (distinct (to_real in0_0) 0.0) true)) 1.0 0.0)))
 (let ((?x2842 (ite (not (and (distinct (to_real in0_5) 0.0) true)) 1.0 0.0)))
 (let ((?x4109 (ite (not (and (distinct (to_real in0_4) 0.0) true)) 1.0 0.0)))
 (let ((?x3041 (ite (not (and (distinct (to_real in0_3) 0.0) true)) 1.0 0.0)))
 (or (and (distinct ?x3041 ?x3041) true) (and (distinct ?x4109 ?x4109) true) (and (distinct ?x2842 ?x2842) true) (and (distinct ?x3689 ?x3689) true) (and (distinct ?x3229 ?x3229) true) (and (distinct ?x2024 ?x2024) true) (and (distinct ?x3371 ?x3371) true) (and (distinct ?x4222 ?x4222) true) (and (distinct ?x3447 ?x3447) true) (and (distinct ?x2440 ?x2440) true) (and (distinct ?x3134 ?x3134) true) (and (distinct ?x3999 ?x3999) true)))))))))))))))
(check-sat)
