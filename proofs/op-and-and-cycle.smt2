;; permeq proof obligation
;; claim: And (And): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let ((?x1188 (to_real in1_0)))
 (let (($x3957 (= ?x1188 0.0)))
 (or $x3957 (= ?x1188 1.0)))))
(assert
 (let ((?x3786 (to_real in1_1)))
 (let (($x3541 (= ?x3786 0.0)))
 (or $x3541 (= ?x3786 1.0)))))
(assert
 (let ((?x2667 (to_real in1_2)))
 (let (($x1697 (= ?x2667 0.0)))
 (or $x1697 (= ?x2667 1.0)))))
(assert
 (let ((?x2062 (ite (and (distinct (to_real in1_2) 0.0) true) 1.0 0.0)))
 (let ((?x3939 (ite (and (distinct (to_real in0_2) 0.0) true) ?x2062 0.0)))
 (let ((?x3615 (ite (and (distinct (to_real in1_1) 0.0) true) 1.0 0.0)))
 (let ((?x3374 (ite (and (distinct (to_real in0_1) 0.0) true) ?x3615 0.0)))
 (let ((?x3172 (ite (and (distinct (to_real in1_0) 0.0) true) 1.0 0.0)))
 (let ((?x4256 (ite (and (distinct (to_real in0_0) 0.0) true) ?x3172 0.0)))
 (let ((?x3182 (ite (and (distinct (to_real in0_11) 0.0) true) ?x2062 0.0)))
 (let ((?x2530 (ite (and (distinct (to_real in0_10) 0.0) true) ?x3615 0.0)))
 (let ((?x3181 (ite (and (distinct (to_real in0_9) 0.0) true) ?x3172 0.0)))
 (let ((?x4309 (ite (and (distinct (to_real in0_8) 0.0) true) ?x2062 0.0)))
 (let ((?x1880 (ite (and (distinct (to_real in0_7) 0.0) true) ?x3615 0.0)))
 (let ((?x4291 (ite (and (distinct (to_real in0_6) 0.0) true) ?x3172 0.0)))
 (let ((?x4022 (ite (and (distinct (to_real in0_5) 0.0) true) ?x2062 0.0)))
 (let ((?x4056 (ite (and (distinct (to_real in0_4) 0.0) true) ?x3615 0.0)))
 (let ((?x3056 (ite (and (distinct (to_real in0_3) 0.0) true) ?x3172 0.0)))
 (or (and (distinct ?x3056 ?x3056) true) (and (distinct ?x4056 ?x4056) true) (and (distinct ?x4022 ?x4022) true) (and (distinct ?x4291 ?x4291) true) (and (distinct ?x1880 ?x1880) true) (and (distinct ?x4309 ?x4309) true) (and (distinct ?x3181 ?x3181) true) (and (distinct ?x2530 ?x2530) true) (and (distinct ?x3182 ?x3182) true) (and (distinct ?x4256 ?x4256) true) (and (distinct ?x3374 ?x3374) true) (and (distinct ?x3939 ?x3939) true))))))))))))))))))
(check-sat)
