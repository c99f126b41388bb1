;; permeq proof obligation
;; claim: Elu (Elu): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
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
 (let ((?x3109 (Exp in0_0)))
 (> ?x3109 0.0)))
(assert
 (let ((?x3949 (Exp in0_1)))
 (> ?x3949 0.0)))
(assert
 (let ((?x2233 (Exp in0_2)))
 (> ?x2233 0.0)))
(assert
 (let ((?x2330 (Exp in0_3)))
 (> ?x2330 0.0)))
(assert
 (let ((?x2846 (Exp in0_4)))
 (> ?x2846 0.0)))
(assert
 (let ((?x3014 (Exp in0_5)))
 (> ?x3014 0.0)))
(assert
 (let ((?x2093 (Exp in0_6)))
 (> ?x2093 0.0)))
(assert
 (let ((?x3248 (Exp in0_7)))
 (> ?x3248 0.0)))
(assert
 (let ((?x3062 (Exp in0_8)))
 (> ?x3062 0.0)))
(assert
 (let ((?x2160 (Exp in0_9)))
 (> ?x2160 0.0)))
(assert
 (let ((?x3224 (Exp in0_10)))
 (> ?x3224 0.0)))
(assert
 (let ((?x2215 (Exp in0_11)))
 (> ?x2215 0.0)))
(assert
 (let ((?x2330 (Exp in0_3)))
 (> ?x2330 0.0)))
(assert
 (let ((?x2846 (Exp in0_4)))
 (> ?x2846 0.0)))
(assert
 (let ((?x3014 (Exp in0_5)))
 (> ?x3014 0.0)))
(assert
 (let ((?x3109 (Exp in0_0)))
 (> ?x3109 0.0)))
(assert
 (let ((?x3949 (Exp in0_1)))
 (> ?x3949 0.0)))
(assert
 (let ((?x2233 (Exp in0_2)))
 (> ?x2233 0.0)))
(assert
 (let ((?x2093 (Exp in0_6)))
 (> ?x2093 0.0)))
(assert
 (let ((?x3248 (Exp in0_7)))
 (> ?x3248 0.0)))
(assert
 (let ((?x3062 (Exp in0_8)))
 (> ?x3062 0.0)))
(assert
 (let ((?x2160 (Exp in0_9)))
 (> ?x2160 0.0)))
(assert
 (let ((?x3224 (Exp in0_10)))
 (> ?x3224 0.0)))
(assert
 (let ((?x2215 (Exp in0_11)))
 (> ?x2215 0.0)))
(assert
 (let ((?x3341 (ite (< 0.0 in0_11) in0_11 (* 1.0 (- (Exp in0_11) 1.0)))))
 (let ((?x3262 (ite (< 0.0 in0_10) in0_10 (* 1.0 (- (Exp in0_10) 1.0)))))
 (let ((?x3296 (ite (< 0.0 in0_9) in0_9 (* 1.0 (- (Exp in0_9) 1.0)))))
 (let ((?x2157 (ite (< 0.0 in0_8) in0_8 (* 1.0 (- (Exp in0_8) 1.0)))))
 (let ((?x3100 (ite (< 0.0 in0_7) in0_7 (* 1.0 (- (Exp in0_7) 1.0)))))
 (let ((?x2162 (ite (< 0.0 in0_6) in0_6 (* 1.0 (- (Exp in0_6) 1.0)))))
 (let ((?x3837 (ite (< 0.0 in0_2) in0_2 (* 1.0 (- (Exp in0_2) 1.0)))))
 (let ((?x936 (ite (< 0.0 in0_1) in0_1 (* 1.0 (- (Exp in0_1) 1.0)))))
 (let ((?x3241 (ite (< 0.0 in0_0) in0_0 (* 1.0 (- (Exp in0_0) 1.0)))))
 (let ((?x2724 (ite (< 0.0 in0_5) in0_5 (* 1.0 (- (Exp in0_5) 1.0)))))
 (let ((?x2914 (ite (< 0.0 in0_4) in0_4 (* 1.0 (- (Exp in0_4) 1.0)))))
 (let ((?x2339 (ite (< 0.0 in0_3) in0_3 (* 1.0 (- (Exp in0_3) 1.0)))))
 (or (and (distinct ?x2339 ?x2339) true) (and (distinct ?x2914 ?x2914) true) (and (distinct ?x2724 ?x2724) true) (and (distinct ?x3241 ?x3241) true) (and (distinct ?x936 ?x936) true) (and (distinct ?x3837 ?x3837) true) (and (distinct ?x2162 ?x2162) true) (and (distinct ?x3100 ?x3100) true) (and (distinct ?x2157 ?x2157) true) (and (distinct ?x3296 ?x3296) true) (and (distinct ?x3262 ?x3262) true) (and (distinct ?x3341 ?x3341) true)))))))))))))))
(check-sat)
