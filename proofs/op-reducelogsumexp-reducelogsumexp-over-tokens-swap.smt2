;; permeq proof obligation
;; claim: ReduceLogSumExp (ReduceLogSumExp over tokens): applying it to inputs permuted by sigma equals permuting its output (invariant), for sigma the transposition
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
 (let ((?x3646 (Exp in0_9)))
 (let ((?x6037 (+ (+ (+ (Exp in0_0) (Exp in0_3)) (Exp in0_6)) ?x3646)))
 (let ((?x5582 (Log ?x6037)))
 (=> (= ?x6037 1.0) (= ?x5582 0.0))))))
(assert
 (let ((?x3668 (Exp in0_10)))
 (let ((?x5118 (+ (+ (+ (Exp in0_1) (Exp in0_4)) (Exp in0_7)) ?x3668)))
 (let ((?x4481 (Log ?x5118)))
 (=> (= ?x5118 1.0) (= ?x4481 0.0))))))
(assert
 (let ((?x4638 (Exp in0_11)))
 (let ((?x5771 (+ (+ (+ (Exp in0_2) (Exp in0_5)) (Exp in0_8)) ?x4638)))
 (let ((?x5132 (Log ?x5771)))
 (=> (= ?x5771 1.0) (= ?x5132 0.0))))))
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
 (let ((?x3646 (Exp in0_9)))
 (let ((?x5035 (+ (+ (+ (Exp in0_3) (Exp in0_0)) (Exp in0_6)) ?x3646)))
 (let ((?x5261 (Log ?x5035)))
 (=> (= ?x5035 1.0) (= ?x5261 0.0))))))
(assert
 (let ((?x3668 (Exp in0_10)))
 (let ((?x4587 (+ (+ (+ (Exp in0_4) (Exp in0_1)) (Exp in0_7)) ?x3668)))
 (let ((?x3567 (Log ?x4587)))
 (=> (= ?x4587 1.0) (= ?x3567 0.0))))))
(assert
 (let ((?x4638 (Exp in0_11)))
 (let ((?x4550 (+ (+ (+ (Exp in0_5) (Exp in0_2)) (Exp in0_8)) ?x4638)))
 (let ((?x5892 (Log ?x4550)))
 (=> (= ?x4550 1.0) (= ?x5892 0.0))))))
(assert
 (let ((?x4638 (Exp in0_11)))
 (let ((?x5771 (+ (+ (+ (Exp in0_2) (Exp in0_5)) (Exp in0_8)) ?x4638)))
 (let ((?x5132 (Log ?x5771)))
 (let ((?x4550 (+ (+ (+ (Exp in0_5) (Exp in0_2)) (Exp in0_8)) ?x4638)))
 (let ((?x5892 (Log ?x4550)))
 (let ((?x3668 (Exp in0_10)))
 (let ((?x5118 (+ (+ (+ (Exp in0_1) (Exp in0_4)) (Exp in0_7)) ?x3668)))
 (let ((?x4481 (Log ?x5118)))
 (let ((?x4587 (+ (+ (+ (Exp in0_4) (Exp in0_1)) (Exp in0_7)) ?x3668)))
 (let ((?x3567 (Log ?x4587)))
 (let ((?x3646 (Exp in0_9)))
 (let ((?x6037 (+ (+ (+ (Exp in0_0) (Exp in0_3)) (Exp in0_6)) ?x3646)))
 (let ((?x5582 (Log ?x6037)))
 (let ((?x5035 (+ (+ (+ (Exp in0_3) (Exp in0_0)) (Exp in0_6)) ?x3646)))
 (let ((?x5261 (Log ?x5035)))
 (or (and (distinct ?x5261 ?x5582) true) (and (distinct ?x3567 ?x4481) true) (and (distinct ?x5892 ?x5132) true))))))))))))))))))
(check-sat)
