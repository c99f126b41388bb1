;; permeq proof obligation
;; claim: BatchNormalization (BatchNormalization over a permuted batch): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3, 2], [3], [3], [3], [3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Sqrt (Real) Real)
(declare-fun in4_0 () Real)
(declare-fun in4_1 () Real)
(declare-fun in4_2 () Real)
(declare-fun in2_2 () Real)
(declare-fun in1_2 () Real)
(declare-fun in3_2 () Real)
(declare-fun in0_23 () Real)
(declare-fun in0_22 () Real)
(declare-fun in2_1 () Real)
(declare-fun in1_1 () Real)
(declare-fun in3_1 () Real)
(declare-fun in0_21 () Real)
(declare-fun in0_20 () Real)
(declare-fun in2_0 () Real)
(declare-fun in1_0 () Real)
(declare-fun in3_0 () Real)
(declare-fun in0_19 () Real)
(declare-fun in0_18 () Real)
(declare-fun in0_17 () Real)
(declare-fun in0_16 () Real)
(declare-fun in0_15 () Real)
(declare-fun in0_14 () Real)
(declare-fun in0_13 () Real)
(declare-fun in0_12 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_3 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_0 () Real)
(declare-fun in0_11 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_6 () Real)
(assert
 (let ((?x4065 (+ in4_0 (/ 1.0 1024.0))))
 (let ((?x2993 (Sqrt ?x4065)))
 (>= ?x2993 0.0))))
(assert
 (=> (= (+ in4_0 (/ 1.0 1024.0)) 0.0) (= (Sqrt (+ in4_0 (/ 1.0 1024.0))) 0.0)))
(assert
 (=> (= (+ in4_0 (/ 1.0 1024.0)) 1.0) (= (Sqrt (+ in4_0 (/ 1.0 1024.0))) 1.0)))
(assert
 (let ((?x4224 (+ in4_1 (/ 1.0 1024.0))))
 (let ((?x3963 (Sqrt ?x4224)))
 (>= ?x3963 0.0))))
(assert
 (=> (= (+ in4_1 (/ 1.0 1024.0)) 0.0) (= (Sqrt (+ in4_1 (/ 1.0 1024.0))) 0.0)))
(assert
 (=> (= (+ in4_1 (/ 1.0 1024.0)) 1.0) (= (Sqrt (+ in4_1 (/ 1.0 1024.0))) 1.0)))
(assert
 (let ((?x2942 (+ in4_2 (/ 1.0 1024.0))))
 (let ((?x2898 (Sqrt ?x2942)))
 (>= ?x2898 0.0))))
(assert
 (=> (= (+ in4_2 (/ 1.0 1024.0)) 0.0) (= (Sqrt (+ in4_2 (/ 1.0 1024.0))) 0.0)))
(assert
 (=> (= (+ in4_2 (/ 1.0 1024.0)) 1.0) (= (Sqrt (+ in4_2 (/ 1.0 1024.0))) 1.0)))
(assert
 (let ((?x4065 (+ in4_0 (/ 1.0 1024.0))))
 (let ((?x2993 (Sqrt ?x4065)))
 (>= ?x2993 0.0))))
(assert
 (=> (= (+ in4_0 (/ 1.0 1024.0)) 0.0) (= (Sqrt (+ in4_0 (/ 1.0 1024.0))) 0.0)))
(assert
 (=> (= (+ in4_0 (/ 1.0 1024.0)) 1.0) (= (Sqrt (+ in4_0 (/ 1.0 1024.0))) 1.0)))
(assert
 (let ((?x4224 (+ in4_1 (/ 1.0 1024.0))))
 (let ((?x3963 (Sqrt ?x4224)))
 (>= ?x3963 0.0))))
(assert
 (=> (= (+ in4_1 (/ 1.0 1024.0)) 0.0) (= (Sqrt (+ in4_1 (/ 1.0 1024.0))) 0.0)))
(assert
 (=> (= (+ in4_1 (/ 1.0 1024.0)) 1.0) (= (Sqrt (+ in4_1 (/ 1.0 1024.0))) 1.0)))
(assert
 (let ((?x2942 (+ in4_2 (/ 1.0 1024.0))))
 (let ((?x2898 (Sqrt ?x2942)))
 (>= ?x2898 0.0))))
(assert
 (=> (= (+ in4_2 (/ 1.0 1024.0)) 0.0) (= (Sqrt (+ in4_2 (/ 1.0 1024.0))) 0.0)))
(assert
 (=> (= (+ in4_2 (/ 1.0 1024.0)) 1.0) (= (Sqrt (+ in4_2 (/ 1.0 1024.0))) 1.0)))
(assert
 (let ((?x4093 (+ (* (- in0_23 in3_2) (/ in1_2 (Sqrt (+ in4_2 (/ 1.0 1024.0))))) in2_2)))
 (let ((?x3801 (+ (* (- in0_22 in3_2) (/ in1_2 (Sqrt (+ in4_2 (/ 1.0 1024.0))))) in2_2)))
 (let ((?x3531 (+ (* (- in0_21 in3_1) (/ in1_1 (Sqrt (+ in4_1 (/ 1.0 1024.0))))) in2_1)))
 (let ((?x3972 (+ (* (- in0_20 in3_1) (/ in1_1 (Sqrt (+ in4_1 (/ 1.0 1024.0))))) in2_1)))
 (let ((?x3916 (+ (* (- in0_19 in3_0) (/ in1_0 (Sqrt (+ in4_0 (/ 1.0 1024.0))))) in2_0)))
 (let ((?x4337 (+ (* (- in0_18 in3_0) (/ in1_0 (Sqrt (+ in4_0 (/ 1.0 1024.0))))) in2_0)))
 (let ((?x4130 (+ (* (- in0_17 in3_2) (/ in1_2 (Sqrt (+ in4_2 (/ 1.0 1024.0))))) in2_2)))
 (let ((?x2820 (+ (* (- in0_16 in3_2) (/ in1_2 (Sqrt (+ in4_2 (/ 1.0 1024.0))))) in2_2)))
 (let ((?x3173 (+ (* (- in0_15 in3_1) (/ in1_1 (Sqrt (+ in4_1 (/ 1.0 1024.0))))) in2_1)))
 (let ((?x3914 (+ (* (- in0_14 in3_1) (/ in1_1 (Sqrt (+ in4_1 (/ 1.0 1024.0))))) in2_1)))
 (let ((?x4117 (+ (* (- in0_13 in3_0) (/ in1_0 (Sqrt (+ in4_0 (/ 1.0 1024.0))))) in2_0)))
 (let ((?x3412 (+ (* (- in0_12 in3_0) (/ in1_0 (Sqrt (+ in4_0 (/ 1.0 1024.0))))) in2_0)))
 (let ((?x3646 (+ (* (- in0_5 in3_2) (/ in1_2 (Sqrt (+ in4_2 (/ 1.0 1024.0))))) in2_2)))
 (let ((?x4078 (+ (* (- in0_4 in3_2) (/ in1_2 (Sqrt (+ in4_2 (/ 1.0 1024.0))))) in2_2)))
 (let ((?x1610 (+ (* (- in0_3 in3_1) (/ in1_1 (Sqrt (+ in4_1 (/ 1.0 1024.0))))) in2_1)))
 (let ((?x2480 (+ (* (- in0_2 in3_1) (/ in1_1 (Sqrt (+ in4_1 (/ 1.0 1024.0))))) in2_1)))
 (let ((?x3946 (+ (* (- in0_1 in3_0) (/ in1_0 (Sqrt (+ in4_0 (/ 1.0 1024.0))))) in2_0)))
 (let ((?x3718 (+ (* (- in0_0 in3_0) (/ in1_0 (Sqrt (+ in4_0 (/ 1.0 1024.0))))) in2_0)))
 (let ((?x3814 (+ (* (- in0_11 in3_2) (/ in1_2 (Sqrt (+ in4_2 (/ 1.0 1024.0))))) in2_2)))
 (let ((?x2358 (+ (* (- in0_10 in3_2) (/ in1_2 (Sqrt (+ in4_2 (/ 1.0 1024.0))))) in2_2)))
 (let ((?x3591 (+ (* (- in0_9 in3_1) (/ in1_1 (Sqrt (+ in4_1 (/ 1.0 1024.0))))) in2_1)))
 (let ((?x3354 (+ (* (- in0_8 in3_1) (/ in1_1 (Sqrt (+ in4_1 (/ 1.0 1024.0))))) in2_1)))
 (let ((?x4297 (+ (* (- in0_7 in3_0) (/ in1_0 (Sqrt (+ in4_0 (/ 1.0 1024.0))))) in2_0)))
 (let ((?x2327 (+ (* (- in0_6 in3_0) (/ in1_0 (Sqrt (+ in4_0 (/ 1.0 1024.0))))) in2_0)))
 (or (and (distinct ?x2327 ?x2327) true) (and (distinct ?x4297 ?x4297) true) (and (distinct ?x3354 ?x3354) true) (and (distinct ?x3591 ?x3591) true) (and (distinct ?x2358 ?x2358) true) (and (distinct ?x3814 ?x3814) true) (and (distinct ?x3718 ?x3718) true) (and (distinct ?x3946 ?x3946) true) (and (distinct ?x2480 ?x2480) true) (and (distinct ?x1610 ?x1610) true) (and (distinct ?x4078 ?x4078) true) (and (distinct ?x3646 ?x3646) true) (and (distinct ?x3412 ?x3412) true) (and (distinct ?x4117 ?x4117) true) (and (distinct ?x3914 ?x3914) true) (and (distinct ?x3173 ?x3173) true) (and (distinct ?x2820 ?x2820) true) (and (distinct ?x4130 ?x4130) true) (and (distinct ?x4337 ?x4337) true) (and (distinct ?x3916 ?x3916) true) (and (distinct ?x3972 ?x3972) true) (and (distinct ?x3531 ?x3531) true) (and (distinct ?x3801 ?x3801) true) (and (distinct ?x4093 ?x4093) true)))))))))))))))))))))))))))
(check-sat)
