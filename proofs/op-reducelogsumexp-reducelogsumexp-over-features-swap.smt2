;; permeq proof obligation
;; claim: ReduceLogSumExp (ReduceLogSumExp over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
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
(declare-fun Log (Real) Real)
(assert
 (let ((?x4511 (Exp in0_0)))
 (> ?x4511 0.0)))
(assert
 (let ((?x4511 (Exp in0_0)))
 (let (($x2747 (= ?x4511 1.0)))
 (let (($x5239 (= in0_0 0.0)))
 (=> $x5239 $x2747)))))
(assert
 (let ((?x3691 (Exp in0_1)))
 (> ?x3691 0.0)))
(assert
 (let ((?x3691 (Exp in0_1)))
 (let (($x5110 (= ?x3691 1.0)))
 (let (($x4288 (= in0_1 0.0)))
 (=> $x4288 $x5110)))))
(assert
 (let ((?x3702 (Exp in0_2)))
 (> ?x3702 0.0)))
(assert
 (let ((?x3702 (Exp in0_2)))
 (let (($x4190 (= ?x3702 1.0)))
 (let (($x4890 (= in0_2 0.0)))
 (=> $x4890 $x4190)))))
(assert
 (let ((?x5164 (Exp in0_3)))
 (> ?x5164 0.0)))
(assert
 (let ((?x5164 (Exp in0_3)))
 (let (($x5693 (= ?x5164 1.0)))
 (let (($x4746 (= in0_3 0.0)))
 (=> $x4746 $x5693)))))
(assert
 (let ((?x3765 (Exp in0_4)))
 (> ?x3765 0.0)))
(assert
 (let ((?x3765 (Exp in0_4)))
 (let (($x5699 (= ?x3765 1.0)))
 (let (($x4579 (= in0_4 0.0)))
 (=> $x4579 $x5699)))))
(assert
 (let ((?x4265 (Exp in0_5)))
 (> ?x4265 0.0)))
(assert
 (let ((?x4265 (Exp in0_5)))
 (let (($x3952 (= ?x4265 1.0)))
 (let (($x4802 (= in0_5 0.0)))
 (=> $x4802 $x3952)))))
(assert
 (let ((?x4971 (Exp in0_6)))
 (> ?x4971 0.0)))
(assert
 (let ((?x4971 (Exp in0_6)))
 (let (($x5766 (= ?x4971 1.0)))
 (let (($x4037 (= in0_6 0.0)))
 (=> $x4037 $x5766)))))
(assert
 (let ((?x5701 (Exp in0_7)))
 (> ?x5701 0.0)))
(assert
 (let ((?x5701 (Exp in0_7)))
 (let (($x5770 (= ?x5701 1.0)))
 (let (($x4337 (= in0_7 0.0)))
 (=> $x4337 $x5770)))))
(assert
 (let ((?x3572 (Exp in0_8)))
 (> ?x3572 0.0)))
(assert
 (let ((?x3572 (Exp in0_8)))
 (let (($x4877 (= ?x3572 1.0)))
 (let (($x5689 (= in0_8 0.0)))
 (=> $x5689 $x4877)))))
(assert
 (let ((?x3646 (Exp in0_9)))
 (> ?x3646 0.0)))
(assert
 (let ((?x3646 (Exp in0_9)))
 (let (($x4731 (= ?x3646 1.0)))
 (let (($x3663 (= in0_9 0.0)))
 (=> $x3663 $x4731)))))
(assert
 (let ((?x3668 (Exp in0_10)))
 (> ?x3668 0.0)))
(assert
 (let ((?x3668 (Exp in0_10)))
 (let (($x6032 (= ?x3668 1.0)))
 (let (($x4216 (= in0_10 0.0)))
 (=> $x4216 $x6032)))))
(assert
 (let ((?x4638 (Exp in0_11)))
 (> ?x4638 0.0)))
(assert
 (let ((?x4638 (Exp in0_11)))
 (let (($x4318 (= ?x4638 1.0)))
 (let (($x5342 (= in0_11 0.0)))
 (=> $x5342 $x4318)))))
(assert
 (=> (= (+ (+ (Exp in0_0) (Exp in0_1)) (Exp in0_2)) 1.0) (= (Log (+ (+ (Exp in0_0) (Exp in0_1)) (Exp in0_2))) 0.0)))
(assert
 (=> (= (+ (+ (Exp in0_3) (Exp in0_4)) (Exp in0_5)) 1.0) (= (Log (+ (+ (Exp in0_3) (Exp in0_4)) (Exp in0_5))) 0.0)))
(assert
 (=> (= (+ (+ (Exp in0_6) (Exp in0_7)) (Exp in0_8)) 1.0) (= (Log (+ (+ (Exp in0_6) (Exp in0_7)) (Exp in0_8))) 0.0)))
(assert
 (=> (= (+ (+ (Exp in0_9) (Exp in0_10)) (Exp in0_11)) 1.0) (= (Log (+ (+ (Exp in0_9) (Exp in0_10)) (Exp in0_11))) 0.0)))
(assert
 (let ((?x5164 (Exp in0_3)))
 (> ?x5164 0.0)))
(assert
 (let ((?x5164 (Exp in0_3)))
 (let (($x5693 (= ?x5164 1.0)))
 (let (($x4746 (= in0_3 0.0)))
 (=> $x4746 $x5693)))))
(assert
 (let ((?x3765 (Exp in0_4)))
 (> ?x3765 0.0)))
(assert
 (let ((?x3765 (Exp in0_4)))
 (let (($x5699 (= ?x3765 1.0)))
 (let (($x4579 (= in0_4 0.0)))
 (=> $x4579 $x5699)))))
(assert
 (let ((?x4265 (Exp in0_5)))
 (> ?x4265 0.0)))
(assert
 (let ((?x4265 (Exp in0_5)))
 (let (($x3952 (= ?x4265 1.0)))
 (let (($x4802 (= in0_5 0.0)))
 (=> $x4802 $x3952)))))
(assert
 (let ((?x4511 (Exp in0_0)))
 (> ?x4511 0.0)))
(assert
 (let ((?x4511 (Exp in0_0)))
 (let (($x2747 (= ?x4511 1.0)))
 (let (($x5239 (= in0_0 0.0)))
 (=> $x5239 $x2747)))))
(assert
 (let ((?x3691 (Exp in0_1)))
 (> ?x3691 0.0)))
(assert
 (let ((?x3691 (Exp in0_1)))
 (let (($x5110 (= ?x3691 1.0)))
 (let (($x4288 (= in0_1 0.0)))
 (=> $x4288 $x5110)))))
(assert
 (let ((?x3702 (Exp in0_2)))
 (> ?x3702 0.0)))
(assert
 (let ((?x3702 (Exp in0_2)))
 (let (($x4190 (= ?x3702 1.0)))
 (let (($x4890 (= in0_2 0.0)))
 (=> $x4890 $x4190)))))
(assert
 (let ((?x4971 (Exp in0_6)))
 (> ?x4971 0.0)))
(assert
 (let ((?x4971 (Exp in0_6)))
 (let (($x5766 (= ?x4971 1.0)))
 (let (($x4037 (= in0_6 0.0)))
 (=> $x4037 $x5766)))))
(assert
 (let ((?x5701 (Exp in0_7)))
 (> ?x5701 0.0)))
(assert
 (let ((?x5701 (Exp in0_7)))
 (let (($x5770 (= ?x5701 1.0)))
 (let (($x4337 (= in0_7 0.0)))
 (=> $x4337 $x5770)))))
(assert
 (let ((?x3572 (Exp in0_8)))
 (> ?x3572 0.0)))
(assert
 (let ((?x3572 (Exp in0_8)))
 (let (($x4877 (= ?x3572 1.0)))
 (let (($x5689 (= in0_8 0.0)))
 (=> $x5689 $x4877)))))
(assert
 (let ((?x3646 (Exp in0_9)))
 (> ?x3646 0.0)))
(assert
 (let ((?x3646 (Exp in0_9)))
 (let (($x4731 (= ?x3646 1.0)))
 (let (($x3663 (= in0_9 0.0)))
 (=> $x3663 $x4731)))))
(assert
 (let ((?x3668 (Exp in0_10)))
 (> ?x3668 0.0)))
(assert
 (let ((?x3668 (Exp in0_10)))
 (let (($x6032 (= ?x3668 1.0)))
 (let (($x4216 (= in0_10 0.0)))
 (=> $x4216 $x6032)))))
(assert
 (let ((?x4638 (Exp in0_11)))
 (> ?x4638 0.0)))
(assert
 (let ((?x4638 (Exp in0_11)))
 (let (($x4318 (= ?x4638 1.0)))
 (let (($x5342 (= in0_11 0.0)))
 (=> $x5342 $x4318)))))
(assert
 (=> (= (+ (+ (Exp in0_3) (Exp in0_4)) (Exp in0_5)) 1.0) (= (Log (+ (+ (Exp in0_3) (Exp in0_4)) (Exp in0_5))) 0.0)))
(assert
 (=> (= (+ (+ (Exp in0_0) (Exp in0_1)) (Exp in0_2)) 1.0) (= (Log (+ (+ (Exp in0_0) (Exp in0_1)) (Exp in0_2))) 0.0)))
(assert
 (=> (= (+ (+ (Exp in0_6) (Exp in0_7)) (Exp in0_8)) 1.0) (= (Log (+ (+ (Exp in0_6) (Exp in0_7)) (Exp in0_8))) 0.0)))
(assert
 (=> (= (+ (+ (Exp in0_9) (Exp in0_10)) (Exp in0_11)) 1.0) (= (Log (+ (+ (Exp in0_9) (Exp in0_10)) (Exp in0_11))) 0.0)))
(assert
 (let ((?x4638 (Exp in0_11)))
 (let ((?x3953 (+ (+ (Exp in0_9) (Exp in0_10)) ?x4638)))
 (let ((?x3804 (Log ?x3953)))
 (let ((?x3572 (Exp in0_8)))
 (let ((?x6012 (+ (+ (Exp in0_6) (Exp in0_7)) ?x3572)))
 (let ((?x4540 (Log ?x6012)))
 (let ((?x3702 (Exp in0_2)))
 (let ((?x3592 (+ (+ (Exp in0_0) (Exp in0_1)) ?x3702)))
 (let ((?x4650 (Log ?x3592)))
 (let ((?x4265 (Exp in0_5)))
 (let ((?x4679 (+ (+ (Exp in0_3) (Exp in0_4)) ?x4265)))
 (let ((?x4833 (Log ?x4679)))
 (or (and (distinct ?x4833 ?x4833) true) (and (distinct ?x4650 ?x4650) true) (and (distinct ?x4540 ?x4540) true) (and (distinct ?x3804 ?x3804) true)))))))))))))))
(check-sat)
