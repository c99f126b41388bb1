;; permeq proof obligation
;; claim: Softmax (Softmax over tokens): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
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
(declare-fun in0_3 () Real)
(declare-fun in0_6 () Real)
(declare-fun in0_9 () Real)
(declare-fun in0_1 () Real)
(declare-fun in0_4 () Real)
(declare-fun in0_7 () Real)
(declare-fun in0_10 () Real)
(declare-fun in0_2 () Real)
(declare-fun in0_5 () Real)
(declare-fun in0_8 () Real)
(declare-fun in0_11 () Real)
(assert
 (let ((?x579 (Exp (- in0_0 0.0))))
 (> ?x579 0.0)))
(assert
 (let ((?x10 (Exp (- in0_3 0.0))))
 (> ?x10 0.0)))
(assert
 (let ((?x307 (Exp (- in0_6 0.0))))
 (> ?x307 0.0)))
(assert
 (let ((?x126 (Exp (- in0_9 0.0))))
 (> ?x126 0.0)))
(assert
 (let ((?x722 (Exp (- in0_1 0.0))))
 (> ?x722 0.0)))
(assert
 (let ((?x575 (Exp (- in0_4 0.0))))
 (> ?x575 0.0)))
(assert
 (let ((?x725 (Exp (- in0_7 0.0))))
 (> ?x725 0.0)))
(assert
 (let ((?x521 (Exp (- in0_10 0.0))))
 (> ?x521 0.0)))
(assert
 (let ((?x743 (Exp (- in0_2 0.0))))
 (> ?x743 0.0)))
(assert
 (let ((?x696 (Exp (- in0_5 0.0))))
 (> ?x696 0.0)))
(assert
 (let ((?x753 (Exp (- in0_8 0.0))))
 (> ?x753 0.0)))
(assert
 (let ((?x62 (Exp (- in0_11 0.0))))
 (> ?x62 0.0)))
(assert
 (let ((?x10 (Exp (- in0_3 0.0))))
 (> ?x10 0.0)))
(assert
 (let ((?x579 (Exp (- in0_0 0.0))))
 (> ?x579 0.0)))
(assert
 (let ((?x307 (Exp (- in0_6 0.0))))
 (> ?x307 0.0)))
(assert
 (let ((?x126 (Exp (- in0_9 0.0))))
 (> ?x126 0.0)))
(assert
 (let ((?x575 (Exp (- in0_4 0.0))))
 (> ?x575 0.0)))
(assert
 (let ((?x722 (Exp (- in0_1 0.0))))
 (> ?x722 0.0)))
(assert
 (let ((?x725 (Exp (- in0_7 0.0))))
 (> ?x725 0.0)))
(assert
 (let ((?x521 (Exp (- in0_10 0.0))))
 (> ?x521 0.0)))
(assert
 (let ((?x696 (Exp (- in0_5 0.0))))
 (> ?x696 0.0)))
(assert
 (let ((?x743 (Exp (- in0_2 0.0))))
 (> ?x743 0.0)))
(assert
 (let ((?x753 (Exp (- in0_8 0.0))))
 (> ?x753 0.0)))
(assert
 (let ((?x62 (Exp (- in0_11 0.0))))
 (> ?x62 0.0)))
(assert
 (let ((?x62 (Exp (- in0_11 0.0))))
 (let ((?x753 (Exp (- in0_8 0.0))))
 (let ((?x696 (Exp (- in0_5 0.0))))
 (let ((?x743 (Exp (- in0_2 0.0))))
 (let ((?x673 (+ 0.0 ?x743)))
 (let ((?x745 (+ ?x673 ?x696)))
 (let ((?x574 (+ ?x745 ?x753)))
 (let ((?x73 (+ ?x574 ?x62)))
 (let (($x648 (and (distinct (/ ?x62 (+ (+ (+ (+ 0.0 ?x696) ?x743) ?x753) ?x62)) (/ ?x62 ?x73)) true)))
 (let ((?x521 (Exp (- in0_10 0.0))))
 (let ((?x725 (Exp (- in0_7 0.0))))
 (let ((?x575 (Exp (- in0_4 0.0))))
 (let ((?x722 (Exp (- in0_1 0.0))))
 (let ((?x684 (+ 0.0 ?x722)))
 (let ((?x682 (+ ?x684 ?x575)))
 (let ((?x509 (+ ?x682 ?x725)))
 (let ((?x704 (+ ?x509 ?x521)))
 (let (($x611 (and (distinct (/ ?x521 (+ (+ (+ (+ 0.0 ?x575) ?x722) ?x725) ?x521)) (/ ?x521 ?x704)) true)))
 (let ((?x126 (Exp (- in0_9 0.0))))
 (let ((?x307 (Exp (- in0_6 0.0))))
 (let ((?x10 (Exp (- in0_3 0.0))))
 (let ((?x579 (Exp (- in0_0 0.0))))
 (let ((?x494 (+ 0.0 ?x579)))
 (let ((?x451 (+ ?x494 ?x10)))
 (let ((?x620 (+ ?x451 ?x307)))
 (let ((?x312 (+ ?x620 ?x126)))
 (let (($x455 (and (distinct (/ ?x126 (+ (+ (+ (+ 0.0 ?x10) ?x579) ?x307) ?x126)) (/ ?x126 ?x312)) true)))
 (let (($x553 (and (distinct (/ ?x753 (+ (+ (+ (+ 0.0 ?x696) ?x743) ?x753) ?x62)) (/ ?x753 ?x73)) true)))
 (let (($x746 (and (distinct (/ ?x725 (+ (+ (+ (+ 0.0 ?x575) ?x722) ?x725) ?x521)) (/ ?x725 ?x704)) true)))
 (let (($x423 (and (distinct (/ ?x307 (+ (+ (+ (+ 0.0 ?x10) ?x579) ?x307) ?x126)) (/ ?x307 ?x312)) true)))
 (let (($x744 (and (distinct (/ ?x743 (+ (+ (+ (+ 0.0 ?x696) ?x743) ?x753) ?x62)) (/ ?x743 ?x73)) true)))
 (let (($x216 (and (distinct (/ ?x722 (+ (+ (+ (+ 0.0 ?x575) ?x722) ?x725) ?x521)) (/ ?x722 ?x704)) true)))
 (let (($x440 (and (distinct (/ ?x579 (+ (+ (+ (+ 0.0 ?x10) ?x579) ?x307) ?x126)) (/ ?x579 ?x312)) true)))
 (let (($x469 (and (distinct (/ ?x696 (+ (+ (+ (+ 0.0 ?x696) ?x743) ?x753) ?x62)) (/ ?x696 ?x73)) true)))
 (let (($x431 (and (distinct (/ ?x575 (+ (+ (+ (+ 0.0 ?x575) ?x722) ?x725) ?x521)) (/ ?x575 ?x704)) true)))
 (let (($x751 (and (distinct (/ ?x10 (+ (+ (+ (+ 0.0 ?x10) ?x579) ?x307) ?x126)) (/ ?x10 ?x312)) true)))
 (or $x751 $x431 $x469 $x440 $x216 $x744 $x423 $x746 $x553 $x455 $x611 $x648))))))))))))))))))))))))))))))))))))))
(check-sat)
