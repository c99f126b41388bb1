;; permeq proof obligation
;; claim: Softmax (Softmax over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
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
 (let ((?x579 (Exp (- in0_0 0.0))))
 (> ?x579 0.0)))
(assert
 (let ((?x722 (Exp (- in0_1 0.0))))
 (> ?x722 0.0)))
(assert
 (let ((?x743 (Exp (- in0_2 0.0))))
 (> ?x743 0.0)))
(assert
 (let ((?x10 (Exp (- in0_3 0.0))))
 (> ?x10 0.0)))
(assert
 (let ((?x575 (Exp (- in0_4 0.0))))
 (> ?x575 0.0)))
(assert
 (let ((?x696 (Exp (- in0_5 0.0))))
 (> ?x696 0.0)))
(assert
 (let ((?x307 (Exp (- in0_6 0.0))))
 (> ?x307 0.0)))
(assert
 (let ((?x725 (Exp (- in0_7 0.0))))
 (> ?x725 0.0)))
(assert
 (let ((?x753 (Exp (- in0_8 0.0))))
 (> ?x753 0.0)))
(assert
 (let ((?x126 (Exp (- in0_9 0.0))))
 (> ?x126 0.0)))
(assert
 (let ((?x521 (Exp (- in0_10 0.0))))
 (> ?x521 0.0)))
(assert
 (let ((?x62 (Exp (- in0_11 0.0))))
 (> ?x62 0.0)))
(assert
 (let ((?x10 (Exp (- in0_3 0.0))))
 (> ?x10 0.0)))
(assert
 (let ((?x575 (Exp (- in0_4 0.0))))
 (> ?x575 0.0)))
(assert
 (let ((?x696 (Exp (- in0_5 0.0))))
 (> ?x696 0.0)))
(assert
 (let ((?x579 (Exp (- in0_0 0.0))))
 (> ?x579 0.0)))
(assert
 (let ((?x722 (Exp (- in0_1 0.0))))
 (> ?x722 0.0)))
(assert
 (let ((?x743 (Exp (- in0_2 0.0))))
 (> ?x743 0.0)))
(assert
 (let ((?x307 (Exp (- in0_6 0.0))))
 (> ?x307 0.0)))
(assert
 (let ((?x725 (Exp (- in0_7 0.0))))
 (> ?x725 0.0)))
(assert
 (let ((?x753 (Exp (- in0_8 0.0))))
 (> ?x753 0.0)))
(assert
 (let ((?x126 (Exp (- in0_9 0.0))))
 (> ?x126 0.0)))
(assert
 (let ((?x521 (Exp (- in0_10 0.0))))
 (> ?x521 0.0)))
(assert
 (let ((?x62 (Exp (- in0_11 0.0))))
 (> ?x62 0.0)))
(assert
 (let ((?x62 (Exp (- in0_11 0.0))))
 (let ((?x521 (Exp (- in0_10 0.0))))
 (let ((?x126 (Exp (- in0_9 0.0))))
 (let ((?x670 (+ 0.0 ?x126)))
 (let ((?x651 (+ ?x670 ?x521)))
 (let ((?x695 (+ ?x651 ?x62)))
 (let ((?x385 (/ ?x62 ?x695)))
 (let ((?x753 (Exp (- in0_8 0.0))))
 (let ((?x725 (Exp (- in0_7 0.0))))
 (let ((?x307 (Exp (- in0_6 0.0))))
 (let ((?x504 (+ 0.0 ?x307)))
 (let ((?x658 (+ ?x504 ?x725)))
 (let ((?x746 (+ ?x658 ?x753)))
 (let ((?x42 (/ ?x753 ?x746)))
 (let ((?x743 (Exp (- in0_2 0.0))))
 (let ((?x722 (Exp (- in0_1 0.0))))
 (let ((?x579 (Exp (- in0_0 0.0))))
 (let ((?x494 (+ 0.0 ?x579)))
 (let ((?x580 (+ ?x494 ?x722)))
 (let ((?x715 (+ ?x580 ?x743)))
 (let ((?x674 (/ ?x743 ?x715)))
 (let ((?x696 (Exp (- in0_5 0.0))))
 (let ((?x575 (Exp (- in0_4 0.0))))
 (let ((?x10 (Exp (- in0_3 0.0))))
 (let ((?x276 (+ 0.0 ?x10)))
 (let ((?x523 (+ ?x276 ?x575)))
 (let ((?x751 (+ ?x523 ?x696)))
 (let ((?x744 (/ ?x696 ?x751)))
 (or (and (distinct (/ ?x10 ?x751) (/ ?x10 ?x751)) true) (and (distinct (/ ?x575 ?x751) (/ ?x575 ?x751)) true) (and (distinct ?x744 ?x744) true) (and (distinct (/ ?x579 ?x715) (/ ?x579 ?x715)) true) (and (distinct (/ ?x722 ?x715) (/ ?x722 ?x715)) true) (and (distinct ?x674 ?x674) true) (and (distinct (/ ?x307 ?x746) (/ ?x307 ?x746)) true) (and (distinct (/ ?x725 ?x746) (/ ?x725 ?x746)) true) (and (distinct ?x42 ?x42) true) (and (distinct (/ ?x126 ?x695) (/ ?x126 ?x695)) true) (and (distinct (/ ?x521 ?x695) (/ ?x521 ?x695)) true) (and (distinct ?x385 ?x385) true)))))))))))))))))))))))))))))))
(check-sat)
