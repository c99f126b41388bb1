;; permeq proof obligation
;; claim: Sinh (Sinh): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(declare-fun Sinh (Real) Real)
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
 (let ((?x3143 (Sinh in0_0)))
 (let (($x3133 (= ?x3143 0.0)))
 (let (($x2673 (= in0_0 0.0)))
 (=> $x2673 $x3133)))))
(assert
 (let ((?x1880 (Sinh in0_1)))
 (let (($x3458 (= ?x1880 0.0)))
 (let (($x2466 (= in0_1 0.0)))
 (=> $x2466 $x3458)))))
(assert
 (let ((?x2918 (Sinh in0_2)))
 (let (($x2901 (= ?x2918 0.0)))
 (let (($x3032 (= in0_2 0.0)))
 (=> $x3032 $x2901)))))
(assert
 (let ((?x2981 (Sinh in0_3)))
 (let (($x2842 (= ?x2981 0.0)))
 (let (($x2937 (= in0_3 0.0)))
 (=> $x2937 $x2842)))))
(assert
 (let ((?x3177 (Sinh in0_4)))
 (let (($x3351 (= ?x3177 0.0)))
 (let (($x2907 (= in0_4 0.0)))
 (=> $x2907 $x3351)))))
(assert
 (let ((?x3025 (Sinh in0_5)))
 (let (($x2669 (= ?x3025 0.0)))
 (let (($x3405 (= in0_5 0.0)))
 (=> $x3405 $x2669)))))
(assert
 (let ((?x2999 (Sinh in0_6)))
 (let (($x3479 (= ?x2999 0.0)))
 (let (($x3006 (= in0_6 0.0)))
 (=> $x3006 $x3479)))))
(assert
 (let ((?x2555 (Sinh in0_7)))
 (let (($x2820 (= ?x2555 0.0)))
 (let (($x2024 (= in0_7 0.0)))
 (=> $x2024 $x2820)))))
(assert
 (let ((?x3375 (Sinh in0_8)))
 (let (($x3314 (= ?x3375 0.0)))
 (let (($x2339 (= in0_8 0.0)))
 (=> $x2339 $x3314)))))
(assert
 (let ((?x3243 (Sinh in0_9)))
 (let (($x2997 (= ?x3243 0.0)))
 (let (($x3466 (= in0_9 0.0)))
 (=> $x3466 $x2997)))))
(assert
 (let ((?x1707 (Sinh in0_10)))
 (let (($x2823 (= ?x1707 0.0)))
 (let (($x2930 (= in0_10 0.0)))
 (=> $x2930 $x2823)))))
(assert
 (let ((?x2735 (Sinh in0_11)))
 (let (($x2541 (= ?x2735 0.0)))
 (let (($x2838 (= in0_11 0.0)))
 (=> $x2838 $x2541)))))
(assert
 (let ((?x2981 (Sinh in0_3)))
 (let (($x2842 (= ?x2981 0.0)))
 (let (($x2937 (= in0_3 0.0)))
 (=> $x2937 $x2842)))))
(assert
 (let ((?x3177 (Sinh in0_4)))
 (let (($x3351 (= ?x3177 0.0)))
 (let (($x2907 (= in0_4 0.0)))
 (=> $x2907 $x3351)))))
(assert
 (let ((?x3025 (Sinh in0_5)))
 (let (($x2669 (= ?x3025 0.0)))
 (let (($x3405 (= in0_5 0.0)))
 (=> $x3405 $x2669)))))
(assert
 (let ((?x3143 (Sinh in0_0)))
 (let (($x3133 (= ?x3143 0.0)))
 (let (($x2673 (= in0_0 0.0)))
 (=> $x2673 $x3133)))))
(assert
 (let ((?x1880 (Sinh in0_1)))
 (let (($x3458 (= ?x1880 0.0)))
 (let (($x2466 (= in0_1 0.0)))
 (=> $x2466 $x3458)))))
(assert
 (let ((?x2918 (Sinh in0_2)))
 (let (($x2901 (= ?x2918 0.0)))
 (let (($x3032 (= in0_2 0.0)))
 (=> $x3032 $x2901)))))
(assert
 (let ((?x2999 (Sinh in0_6)))
 (let (($x3479 (= ?x2999 0.0)))
 (let (($x3006 (= in0_6 0.0)))
 (=> $x3006 $x3479)))))
(assert
 (let ((?x2555 (Sinh in0_7)))
 (let (($x2820 (= ?x2555 0.0)))
 (let (($x2024 (= in0_7 0.0)))
 (=> $x2024 $x2820)))))
(assert
 (let ((?x3375 (Sinh in0_8)))
 (let (($x3314 (= ?x3375 0.0)))
 (let (($x2339 (= in0_8 0.0)))
 (=> $x2339 $x3314)))))
(assert
 (let ((?x3243 (Sinh in0_9)))
 (let (($x2997 (= ?x3243 0.0)))
 (let (($x3466 (= in0_9 0.0)))
 (=> $x3466 $x2997)))))
(assert
 (let ((?x1707 (Sinh in0_10)))
 (let (($x2823 (= ?x1707 0.0)))
 (let (($x2930 (= in0_10 0.0)))
 (=> $x2930 $x2823)))))
(assert
 (let ((?x2735 (Sinh in0_11)))
 (let (($x2541 (= ?x2735 0.0)))
 (let (($x2838 (= in0_11 0.0)))
 (=> $x2838 $x2541)))))
(assert
 (or (and (distinct (Sinh in0_3) (Sinh in0_3)) true) (and (distinct (Sinh in0_4) (Sinh in0_4)) true) (and (distinct (Sinh in0_5) (Sinh in0_5)) true) (and (distinct (Sinh in0_0) (Sinh in0_0)) true) (and (distinct (Sinh in0_1) (Sinh in0_1)) true) (and (distinct (Sinh in0_2) (Sinh in0_2)) true) (and (distinct (Sinh in0_6) (Sinh in0_6)) true) (and (distinct (Sinh in0_7) (Sinh in0_7)) true) (and (distinct (Sinh in0_8) (Sinh in0_8)) true) (and (distinct (Sinh in0_9) (Sinh in0_9)) true) (and (distinct (Sinh in0_10) (Sinh in0_10)) true) (and (distinct (Sinh in0_11) (Sinh in0_11)) true)))
(check-sat)
