;; permeq proof obligation
;; claim: Softmax (Softmax over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
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
 (let ((?x658 (Exp (- in0_0 0.0))))
 (> ?x658 0.0)))
(assert
 (let ((?x579 (Exp (- in0_1 0.0))))
 (> ?x579 0.0)))
(assert
 (let ((?x710 (Exp (- in0_2 0.0))))
 (> ?x710 0.0)))
(assert
 (let ((?x674 (Exp (- in0_3 0.0))))
 (> ?x674 0.0)))
(assert
 (let ((?x551 (Exp (- in0_4 0.0))))
 (> ?x551 0.0)))
(assert
 (let ((?x695 (Exp (- in0_5 0.0))))
 (> ?x695 0.0)))
(assert
 (let ((?x155 (Exp (- in0_6 0.0))))
 (> ?x155 0.0)))
(assert
 (let ((?x597 (Exp (- in0_7 0.0))))
 (> ?x597 0.0)))
(assert
 (let ((?x594 (Exp (- in0_8 0.0))))
 (> ?x594 0.0)))
(assert
 (let ((?x670 (Exp (- in0_9 0.0))))
 (> ?x670 0.0)))
(assert
 (let ((?x97 (Exp (- in0_10 0.0))))
 (> ?x97 0.0)))
(assert
 (let ((?x716 (Exp (- in0_11 0.0))))
 (> ?x716 0.0)))
(assert
 (let ((?x674 (Exp (- in0_3 0.0))))
 (> ?x674 0.0)))
(assert
 (let ((?x551 (Exp (- in0_4 0.0))))
 (> ?x551 0.0)))
(assert
 (let ((?x695 (Exp (- in0_5 0.0))))
 (> ?x695 0.0)))
(assert
 (let ((?x155 (Exp (- in0_6 0.0))))
 (> ?x155 0.0)))
(assert
 (let ((?x597 (Exp (- in0_7 0.0))))
 (> ?x597 0.0)))
(assert
 (let ((?x594 (Exp (- in0_8 0.0))))
 (> ?x594 0.0)))
(assert
 (let ((?x670 (Exp (- in0_9 0.0))))
 (> ?x670 0.0)))
(assert
 (let ((?x97 (Exp (- in0_10 0.0))))
 (> ?x97 0.0)))
(assert
 (let ((?x716 (Exp (- in0_11 0.0))))
 (> ?x716 0.0)))
(assert
 (let ((?x658 (Exp (- in0_0 0.0))))
 (> ?x658 0.0)))
(assert
 (let ((?x579 (Exp (- in0_1 0.0))))
 (> ?x579 0.0)))
(assert
 (let ((?x710 (Exp (- in0_2 0.0))))
 (> ?x710 0.0)))
(assert
 (let ((?x710 (Exp (- in0_2 0.0))))
 (let ((?x579 (Exp (- in0_1 0.0))))
 (let ((?x658 (Exp (- in0_0 0.0))))
 (let ((?x443 (+ 0.0 ?x658)))
 (let ((?x261 (+ ?x443 ?x579)))
 (let ((?x366 (+ ?x261 ?x710)))
 (let ((?x63 (/ ?x710 ?x366)))
 (let ((?x716 (Exp (- in0_11 0.0))))
 (let ((?x97 (Exp (- in0_10 0.0))))
 (let ((?x670 (Exp (- in0_9 0.0))))
 (let ((?x723 (+ 0.0 ?x670)))
 (let ((?x18 (+ ?x723 ?x97)))
 (let ((?x696 (+ ?x18 ?x716)))
 (let ((?x715 (/ ?x716 ?x696)))
 (let ((?x594 (Exp (- in0_8 0.0))))
 (let ((?x597 (Exp (- in0_7 0.0))))
 (let ((?x155 (Exp (- in0_6 0.0))))
 (let ((?x136 (+ 0.0 ?x155)))
 (let ((?x685 (+ ?x136 ?x597)))
 (let ((?x176 (+ ?x685 ?x594)))
 (let ((?x214 (/ ?x594 ?x176)))
 (let ((?x695 (Exp (- in0_5 0.0))))
 (let ((?x551 (Exp (- in0_4 0.0))))
 (let ((?x674 (Exp (- in0_3 0.0))))
 (let ((?x21 (+ 0.0 ?x674)))
 (let ((?x427 (+ ?x21 ?x551)))
 (let ((?x717 (+ ?x427 ?x695)))
 (let ((?x711 (/ ?x695 ?x717)))
 (or (and (distinct (/ ?x674 ?x717) (/ ?x674 ?x717)) true) (and (distinct (/ ?x551 ?x717) (/ ?x551 ?x717)) true) (and (distinct ?x711 ?x711) true) (and (distinct (/ ?x155 ?x176) (/ ?x155 ?x176)) true) (and (distinct (/ ?x597 ?x176) (/ ?x597 ?x176)) true) (and (distinct ?x214 ?x214) true) (and (distinct (/ ?x670 ?x696) (/ ?x670 ?x696)) true) (and (distinct (/ ?x97 ?x696) (/ ?x97 ?x696)) true) (and (distinct ?x715 ?x715) true) (and (distinct (/ ?x658 ?x366) (/ ?x658 ?x366)) true) (and (distinct (/ ?x579 ?x366) (/ ?x579 ?x366)) true) (and (distinct ?x63 ?x63) true)))))))))))))))))))))))))))))))
(check-sat)
