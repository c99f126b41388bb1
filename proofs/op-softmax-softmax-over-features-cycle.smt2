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
 (let ((?x1129 (Exp (- in0_0 0.0))))
 (> ?x1129 0.0)))
(assert
 (let ((?x1118 (Exp (- in0_1 0.0))))
 (> ?x1118 0.0)))
(assert
 (let ((?x1185 (Exp (- in0_2 0.0))))
 (> ?x1185 0.0)))
(assert
 (let ((?x1298 (Exp (- in0_3 0.0))))
 (> ?x1298 0.0)))
(assert
 (let ((?x1286 (Exp (- in0_4 0.0))))
 (> ?x1286 0.0)))
(assert
 (let ((?x1049 (Exp (- in0_5 0.0))))
 (> ?x1049 0.0)))
(assert
 (let ((?x1259 (Exp (- in0_6 0.0))))
 (> ?x1259 0.0)))
(assert
 (let ((?x1191 (Exp (- in0_7 0.0))))
 (> ?x1191 0.0)))
(assert
 (let ((?x1256 (Exp (- in0_8 0.0))))
 (> ?x1256 0.0)))
(assert
 (let ((?x1165 (Exp (- in0_9 0.0))))
 (> ?x1165 0.0)))
(assert
 (let ((?x816 (Exp (- in0_10 0.0))))
 (> ?x816 0.0)))
(assert
 (let ((?x1214 (Exp (- in0_11 0.0))))
 (> ?x1214 0.0)))
(assert
 (let ((?x1298 (Exp (- in0_3 0.0))))
 (> ?x1298 0.0)))
(assert
 (let ((?x1286 (Exp (- in0_4 0.0))))
 (> ?x1286 0.0)))
(assert
 (let ((?x1049 (Exp (- in0_5 0.0))))
 (> ?x1049 0.0)))
(assert
 (let ((?x1259 (Exp (- in0_6 0.0))))
 (> ?x1259 0.0)))
(assert
 (let ((?x1191 (Exp (- in0_7 0.0))))
 (> ?x1191 0.0)))
(assert
 (let ((?x1256 (Exp (- in0_8 0.0))))
 (> ?x1256 0.0)))
(assert
 (let ((?x1165 (Exp (- in0_9 0.0))))
 (> ?x1165 0.0)))
(assert
 (let ((?x816 (Exp (- in0_10 0.0))))
 (> ?x816 0.0)))
(assert
 (let ((?x1214 (Exp (- in0_11 0.0))))
 (> ?x1214 0.0)))
(assert
 (let ((?x1129 (Exp (- in0_0 0.0))))
 (> ?x1129 0.0)))
(assert
 (let ((?x1118 (Exp (- in0_1 0.0))))
 (> ?x1118 0.0)))
(assert
 (let ((?x1185 (Exp (- in0_2 0.0))))
 (> ?x1185 0.0)))
(assert
 (let ((?x1185 (Exp (- in0_2 0.0))))
 (let ((?x1118 (Exp (- in0_1 0.0))))
 (let ((?x1129 (Exp (- in0_0 0.0))))
 (let ((?x1194 (+ 0.0 ?x1129)))
 (let ((?x647 (+ ?x1194 ?x1118)))
 (let ((?x1123 (+ ?x647 ?x1185)))
 (let ((?x691 (/ ?x1185 ?x1123)))
 (let ((?x1214 (Exp (- in0_11 0.0))))
 (let ((?x816 (Exp (- in0_10 0.0))))
 (let ((?x1165 (Exp (- in0_9 0.0))))
 (let ((?x1295 (+ 0.0 ?x1165)))
 (let ((?x1258 (+ ?x1295 ?x816)))
 (let ((?x1077 (+ ?x1258 ?x1214)))
 (let ((?x1113 (/ ?x1214 ?x1077)))
 (let ((?x1256 (Exp (- in0_8 0.0))))
 (let ((?x1191 (Exp (- in0_7 0.0))))
 (let ((?x1259 (Exp (- in0_6 0.0))))
 (let ((?x1262 (+ 0.0 ?x1259)))
 (let ((?x1066 (+ ?x1262 ?x1191)))
 (let ((?x954 (+ ?x1066 ?x1256)))
 (let ((?x1172 (/ ?x1256 ?x954)))
 (let ((?x1049 (Exp (- in0_5 0.0))))
 (let ((?x1286 (Exp (- in0_4 0.0))))
 (let ((?x1298 (Exp (- in0_3 0.0))))
 (let ((?x1211 (+ 0.0 ?x1298)))
 (let ((?x1304 (+ ?x1211 ?x1286)))
 (let ((?x1231 (+ ?x1304 ?x1049)))
 (let ((?x1284 (/ ?x1049 ?x1231)))
 (or (and (distinct (/ ?x1298 ?x1231) (/ ?x1298 ?x1231)) true) (and (distinct (/ ?x1286 ?x1231) (/ ?x1286 ?x1231)) true) (and (distinct ?x1284 ?x1284) true) (and (distinct (/ ?x1259 ?x954) (/ ?x1259 ?x954)) true) (and (distinct (/ ?x1191 ?x954) (/ ?x1191 ?x954)) true) (and (distinct ?x1172 ?x1172) true) (and (distinct (/ ?x1165 ?x1077) (/ ?x1165 ?x1077)) true) (and (distinct (/ ?x816 ?x1077) (/ ?x816 ?x1077)) true) (and (distinct ?x1113 ?x1113) true) (and (distinct (/ ?x1129 ?x1123) (/ ?x1129 ?x1123)) true) (and (distinct (/ ?x1118 ?x1123) (/ ?x1118 ?x1123)) true) (and (distinct ?x691 ?x691) true)))))))))))))))))))))))))))))))
(check-sat)
