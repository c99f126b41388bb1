;; permeq proof obligation
;; claim: Softmax (Softmax over tokens): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let ((?x658 (Exp (- in0_0 0.0))))
 (> ?x658 0.0)))
(assert
 (let ((?x674 (Exp (- in0_3 0.0))))
 (> ?x674 0.0)))
(assert
 (let ((?x155 (Exp (- in0_6 0.0))))
 (> ?x155 0.0)))
(assert
 (let ((?x670 (Exp (- in0_9 0.0))))
 (> ?x670 0.0)))
(assert
 (let ((?x579 (Exp (- in0_1 0.0))))
 (> ?x579 0.0)))
(assert
 (let ((?x551 (Exp (- in0_4 0.0))))
 (> ?x551 0.0)))
(assert
 (let ((?x597 (Exp (- in0_7 0.0))))
 (> ?x597 0.0)))
(assert
 (let ((?x97 (Exp (- in0_10 0.0))))
 (> ?x97 0.0)))
(assert
 (let ((?x710 (Exp (- in0_2 0.0))))
 (> ?x710 0.0)))
(assert
 (let ((?x695 (Exp (- in0_5 0.0))))
 (> ?x695 0.0)))
(assert
 (let ((?x594 (Exp (- in0_8 0.0))))
 (> ?x594 0.0)))
(assert
 (let ((?x716 (Exp (- in0_11 0.0))))
 (> ?x716 0.0)))
(assert
 (let ((?x674 (Exp (- in0_3 0.0))))
 (> ?x674 0.0)))
(assert
 (let ((?x155 (Exp (- in0_6 0.0))))
 (> ?x155 0.0)))
(assert
 (let ((?x670 (Exp (- in0_9 0.0))))
 (> ?x670 0.0)))
(assert
 (let ((?x658 (Exp (- in0_0 0.0))))
 (> ?x658 0.0)))
(assert
 (let ((?x551 (Exp (- in0_4 0.0))))
 (> ?x551 0.0)))
(assert
 (let ((?x597 (Exp (- in0_7 0.0))))
 (> ?x597 0.0)))
(assert
 (let ((?x97 (Exp (- in0_10 0.0))))
 (> ?x97 0.0)))
(assert
 (let ((?x579 (Exp (- in0_1 0.0))))
 (> ?x579 0.0)))
(assert
 (let ((?x695 (Exp (- in0_5 0.0))))
 (> ?x695 0.0)))
(assert
 (let ((?x594 (Exp (- in0_8 0.0))))
 (> ?x594 0.0)))
(assert
 (let ((?x716 (Exp (- in0_11 0.0))))
 (> ?x716 0.0)))
(assert
 (let ((?x710 (Exp (- in0_2 0.0))))
 (> ?x710 0.0)))
(assert
 (let ((?x716 (Exp (- in0_11 0.0))))
 (let ((?x594 (Exp (- in0_8 0.0))))
 (let ((?x695 (Exp (- in0_5 0.0))))
 (let ((?x710 (Exp (- in0_2 0.0))))
 (let ((?x636 (+ 0.0 ?x710)))
 (let ((?x719 (+ ?x636 ?x695)))
 (let ((?x523 (+ ?x719 ?x594)))
 (let ((?x694 (+ ?x523 ?x716)))
 (let (($x535 (and (distinct (/ ?x710 (+ (+ (+ (+ 0.0 ?x695) ?x594) ?x716) ?x710)) (/ ?x710 ?x694)) true)))
 (let ((?x97 (Exp (- in0_10 0.0))))
 (let ((?x597 (Exp (- in0_7 0.0))))
 (let ((?x551 (Exp (- in0_4 0.0))))
 (let ((?x579 (Exp (- in0_1 0.0))))
 (let ((?x671 (+ 0.0 ?x579)))
 (let ((?x444 (+ ?x671 ?x551)))
 (let ((?x500 (+ ?x444 ?x597)))
 (let ((?x620 (+ ?x500 ?x97)))
 (let (($x718 (and (distinct (/ ?x579 (+ (+ (+ (+ 0.0 ?x551) ?x597) ?x97) ?x579)) (/ ?x579 ?x620)) true)))
 (let ((?x670 (Exp (- in0_9 0.0))))
 (let ((?x155 (Exp (- in0_6 0.0))))
 (let ((?x674 (Exp (- in0_3 0.0))))
 (let ((?x658 (Exp (- in0_0 0.0))))
 (let ((?x443 (+ 0.0 ?x658)))
 (let ((?x654 (+ ?x443 ?x674)))
 (let ((?x191 (+ ?x654 ?x155)))
 (let ((?x501 (+ ?x191 ?x670)))
 (let (($x731 (and (distinct (/ ?x658 (+ (+ (+ (+ 0.0 ?x674) ?x155) ?x670) ?x658)) (/ ?x658 ?x501)) true)))
 (let (($x665 (and (distinct (/ ?x716 (+ (+ (+ (+ 0.0 ?x695) ?x594) ?x716) ?x710)) (/ ?x716 ?x694)) true)))
 (let (($x395 (and (distinct (/ ?x97 (+ (+ (+ (+ 0.0 ?x551) ?x597) ?x97) ?x579)) (/ ?x97 ?x620)) true)))
 (let (($x156 (and (distinct (/ ?x670 (+ (+ (+ (+ 0.0 ?x674) ?x155) ?x670) ?x658)) (/ ?x670 ?x501)) true)))
 (let (($x680 (and (distinct (/ ?x594 (+ (+ (+ (+ 0.0 ?x695) ?x594) ?x716) ?x710)) (/ ?x594 ?x694)) true)))
 (let (($x190 (and (distinct (/ ?x597 (+ (+ (+ (+ 0.0 ?x551) ?x597) ?x97) ?x579)) (/ ?x597 ?x620)) true)))
 (let (($x467 (and (distinct (/ ?x155 (+ (+ (+ (+ 0.0 ?x674) ?x155) ?x670) ?x658)) (/ ?x155 ?x501)) true)))
 (let (($x717 (and (distinct (/ ?x695 (+ (+ (+ (+ 0.0 ?x695) ?x594) ?x716) ?x710)) (/ ?x695 ?x694)) true)))
 (let (($x704 (and (distinct (/ ?x551 (+ (+ (+ (+ 0.0 ?x551) ?x597) ?x97) ?x579)) (/ ?x551 ?x620)) true)))
 (let (($x724 (and (distinct (/ ?x674 (+ (+ (+ (+ 0.0 ?x674) ?x155) ?x670) ?x658)) (/ ?x674 ?x501)) true)))
 (or $x724 $x704 $x717 $x467 $x190 $x680 $x156 $x395 $x665 $x731 $x718 $x535))))))))))))))))))))))))))))))))))))))
(check-sat)
