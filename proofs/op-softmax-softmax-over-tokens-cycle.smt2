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
 (let ((?x1129 (Exp (- in0_0 0.0))))
 (> ?x1129 0.0)))
(assert
 (let ((?x1298 (Exp (- in0_3 0.0))))
 (> ?x1298 0.0)))
(assert
 (let ((?x1259 (Exp (- in0_6 0.0))))
 (> ?x1259 0.0)))
(assert
 (let ((?x1165 (Exp (- in0_9 0.0))))
 (> ?x1165 0.0)))
(assert
 (let ((?x1118 (Exp (- in0_1 0.0))))
 (> ?x1118 0.0)))
(assert
 (let ((?x1286 (Exp (- in0_4 0.0))))
 (> ?x1286 0.0)))
(assert
 (let ((?x1191 (Exp (- in0_7 0.0))))
 (> ?x1191 0.0)))
(assert
 (let ((?x816 (Exp (- in0_10 0.0))))
 (> ?x816 0.0)))
(assert
 (let ((?x1185 (Exp (- in0_2 0.0))))
 (> ?x1185 0.0)))
(assert
 (let ((?x1049 (Exp (- in0_5 0.0))))
 (> ?x1049 0.0)))
(assert
 (let ((?x1256 (Exp (- in0_8 0.0))))
 (> ?x1256 0.0)))
(assert
 (let ((?x1214 (Exp (- in0_11 0.0))))
 (> ?x1214 0.0)))
(assert
 (let ((?x1298 (Exp (- in0_3 0.0))))
 (> ?x1298 0.0)))
(assert
 (let ((?x1259 (Exp (- in0_6 0.0))))
 (> ?x1259 0.0)))
(assert
 (let ((?x1165 (Exp (- in0_9 0.0))))
 (> ?x1165 0.0)))
(assert
 (let ((?x1129 (Exp (- in0_0 0.0))))
 (> ?x1129 0.0)))
(assert
 (let ((?x1286 (Exp (- in0_4 0.0))))
 (> ?x1286 0.0)))
(assert
 (let ((?x1191 (Exp (- in0_7 0.0))))
 (> ?x1191 0.0)))
(assert
 (let ((?x816 (Exp (- in0_10 0.0))))
 (> ?x816 0.0)))
(assert
 (let ((?x1118 (Exp (- in0_1 0.0))))
 (> ?x1118 0.0)))
(assert
 (let ((?x1049 (Exp (- in0_5 0.0))))
 (> ?x1049 0.0)))
(assert
 (let ((?x1256 (Exp (- in0_8 0.0))))
 (> ?x1256 0.0)))
(assert
 (let ((?x1214 (Exp (- in0_11 0.0))))
 (> ?x1214 0.0)))
(assert
 (let ((?x1185 (Exp (- in0_2 0.0))))
 (> ?x1185 0.0)))
(assert
 (let ((?x1214 (Exp (- in0_11 0.0))))
 (let ((?x1256 (Exp (- in0_8 0.0))))
 (let ((?x1049 (Exp (- in0_5 0.0))))
 (let ((?x1185 (Exp (- in0_2 0.0))))
 (let ((?x1106 (+ 0.0 ?x1185)))
 (let ((?x1160 (+ ?x1106 ?x1049)))
 (let ((?x1245 (+ ?x1160 ?x1256)))
 (let ((?x977 (+ ?x1245 ?x1214)))
 (let (($x909 (and (distinct (/ ?x1185 (+ (+ (+ (+ 0.0 ?x1049) ?x1256) ?x1214) ?x1185)) (/ ?x1185 ?x977)) true)))
 (let ((?x816 (Exp (- in0_10 0.0))))
 (let ((?x1191 (Exp (- in0_7 0.0))))
 (let ((?x1286 (Exp (- in0_4 0.0))))
 (let ((?x1118 (Exp (- in0_1 0.0))))
 (let ((?x1276 (+ 0.0 ?x1118)))
 (let ((?x844 (+ ?x1276 ?x1286)))
 (let ((?x1051 (+ ?x844 ?x1191)))
 (let ((?x1128 (+ ?x1051 ?x816)))
 (let (($x1213 (and (distinct (/ ?x1118 (+ (+ (+ (+ 0.0 ?x1286) ?x1191) ?x816) ?x1118)) (/ ?x1118 ?x1128)) true)))
 (let ((?x1165 (Exp (- in0_9 0.0))))
 (let ((?x1259 (Exp (- in0_6 0.0))))
 (let ((?x1298 (Exp (- in0_3 0.0))))
 (let ((?x1129 (Exp (- in0_0 0.0))))
 (let ((?x1194 (+ 0.0 ?x1129)))
 (let ((?x1131 (+ ?x1194 ?x1298)))
 (let ((?x875 (+ ?x1131 ?x1259)))
 (let ((?x528 (+ ?x875 ?x1165)))
 (let (($x1028 (and (distinct (/ ?x1129 (+ (+ (+ (+ 0.0 ?x1298) ?x1259) ?x1165) ?x1129)) (/ ?x1129 ?x528)) true)))
 (let (($x1055 (and (distinct (/ ?x1214 (+ (+ (+ (+ 0.0 ?x1049) ?x1256) ?x1214) ?x1185)) (/ ?x1214 ?x977)) true)))
 (let (($x1093 (and (distinct (/ ?x816 (+ (+ (+ (+ 0.0 ?x1286) ?x1191) ?x816) ?x1118)) (/ ?x816 ?x1128)) true)))
 (let (($x924 (and (distinct (/ ?x1165 (+ (+ (+ (+ 0.0 ?x1298) ?x1259) ?x1165) ?x1129)) (/ ?x1165 ?x528)) true)))
 (let (($x1212 (and (distinct (/ ?x1256 (+ (+ (+ (+ 0.0 ?x1049) ?x1256) ?x1214) ?x1185)) (/ ?x1256 ?x977)) true)))
 (let (($x1090 (and (distinct (/ ?x1191 (+ (+ (+ (+ 0.0 ?x1286) ?x1191) ?x816) ?x1118)) (/ ?x1191 ?x1128)) true)))
 (let (($x632 (and (distinct (/ ?x1259 (+ (+ (+ (+ 0.0 ?x1298) ?x1259) ?x1165) ?x1129)) (/ ?x1259 ?x528)) true)))
 (let (($x1231 (and (distinct (/ ?x1049 (+ (+ (+ (+ 0.0 ?x1049) ?x1256) ?x1214) ?x1185)) (/ ?x1049 ?x977)) true)))
 (let (($x930 (and (distinct (/ ?x1286 (+ (+ (+ (+ 0.0 ?x1286) ?x1191) ?x816) ?x1118)) (/ ?x1286 ?x1128)) true)))
 (let (($x907 (and (distinct (/ ?x1298 (+ (+ (+ (+ 0.0 ?x1298) ?x1259) ?x1165) ?x1129)) (/ ?x1298 ?x528)) true)))
 (or $x907 $x930 $x1231 $x632 $x1090 $x1212 $x924 $x1093 $x1055 $x1028 $x1213 $x909))))))))))))))))))))))))))))))))))))))
(check-sat)
