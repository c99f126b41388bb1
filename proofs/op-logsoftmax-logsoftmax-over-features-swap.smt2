;; permeq proof obligation
;; claim: LogSoftmax (LogSoftmax over features): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
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
 (let ((?x958 (- in0_0 0.0)))
 (let ((?x1129 (Exp ?x958)))
 (> ?x1129 0.0))))
(assert
 (let ((?x1196 (- in0_1 0.0)))
 (let ((?x1118 (Exp ?x1196)))
 (> ?x1118 0.0))))
(assert
 (let ((?x1184 (- in0_2 0.0)))
 (let ((?x1185 (Exp ?x1184)))
 (> ?x1185 0.0))))
(assert
 (let ((?x1179 (- in0_3 0.0)))
 (let ((?x1298 (Exp ?x1179)))
 (> ?x1298 0.0))))
(assert
 (let ((?x1285 (- in0_4 0.0)))
 (let ((?x1286 (Exp ?x1285)))
 (> ?x1286 0.0))))
(assert
 (let ((?x1263 (- in0_5 0.0)))
 (let ((?x1049 (Exp ?x1263)))
 (> ?x1049 0.0))))
(assert
 (let ((?x1257 (- in0_6 0.0)))
 (let ((?x1259 (Exp ?x1257)))
 (> ?x1259 0.0))))
(assert
 (let ((?x1260 (- in0_7 0.0)))
 (let ((?x1191 (Exp ?x1260)))
 (> ?x1191 0.0))))
(assert
 (let ((?x73 (- in0_8 0.0)))
 (let ((?x1256 (Exp ?x73)))
 (> ?x1256 0.0))))
(assert
 (let ((?x1173 (- in0_9 0.0)))
 (let ((?x1165 (Exp ?x1173)))
 (> ?x1165 0.0))))
(assert
 (let ((?x1306 (- in0_10 0.0)))
 (let ((?x816 (Exp ?x1306)))
 (> ?x816 0.0))))
(assert
 (let ((?x1100 (- in0_11 0.0)))
 (let ((?x1214 (Exp ?x1100)))
 (> ?x1214 0.0))))
(assert
 (let ((?x1179 (- in0_3 0.0)))
 (let ((?x1298 (Exp ?x1179)))
 (> ?x1298 0.0))))
(assert
 (let ((?x1285 (- in0_4 0.0)))
 (let ((?x1286 (Exp ?x1285)))
 (> ?x1286 0.0))))
(assert
 (let ((?x1263 (- in0_5 0.0)))
 (let ((?x1049 (Exp ?x1263)))
 (> ?x1049 0.0))))
(assert
 (let ((?x958 (- in0_0 0.0)))
 (let ((?x1129 (Exp ?x958)))
 (> ?x1129 0.0))))
(assert
 (let ((?x1196 (- in0_1 0.0)))
 (let ((?x1118 (Exp ?x1196)))
 (> ?x1118 0.0))))
(assert
 (let ((?x1184 (- in0_2 0.0)))
 (let ((?x1185 (Exp ?x1184)))
 (> ?x1185 0.0))))
(assert
 (let ((?x1257 (- in0_6 0.0)))
 (let ((?x1259 (Exp ?x1257)))
 (> ?x1259 0.0))))
(assert
 (let ((?x1260 (- in0_7 0.0)))
 (let ((?x1191 (Exp ?x1260)))
 (> ?x1191 0.0))))
(assert
 (let ((?x73 (- in0_8 0.0)))
 (let ((?x1256 (Exp ?x73)))
 (> ?x1256 0.0))))
(assert
 (let ((?x1173 (- in0_9 0.0)))
 (let ((?x1165 (Exp ?x1173)))
 (> ?x1165 0.0))))
(assert
 (let ((?x1306 (- in0_10 0.0)))
 (let ((?x816 (Exp ?x1306)))
 (> ?x816 0.0))))
(assert
 (let ((?x1100 (- in0_11 0.0)))
 (let ((?x1214 (Exp ?x1100)))
 (> ?x1214 0.0))))
(assert
 (let ((?x1100 (- in0_11 0.0)))
 (let ((?x1214 (Exp ?x1100)))
 (let ((?x1306 (- in0_10 0.0)))
 (let ((?x816 (Exp ?x1306)))
 (let ((?x1173 (- in0_9 0.0)))
 (let ((?x1165 (Exp ?x1173)))
 (let ((?x1295 (+ 0.0 ?x1165)))
 (let ((?x1258 (+ ?x1295 ?x816)))
 (let ((?x3352 (Log (+ ?x1258 ?x1214))))
 (let ((?x2980 (- ?x1100 ?x3352)))
 (let ((?x73 (- in0_8 0.0)))
 (let ((?x1256 (Exp ?x73)))
 (let ((?x1260 (- in0_7 0.0)))
 (let ((?x1191 (Exp ?x1260)))
 (let ((?x1257 (- in0_6 0.0)))
 (let ((?x1259 (Exp ?x1257)))
 (let ((?x1262 (+ 0.0 ?x1259)))
 (let ((?x1066 (+ ?x1262 ?x1191)))
 (let ((?x2872 (Log (+ ?x1066 ?x1256))))
 (let ((?x2172 (- ?x73 ?x2872)))
 (let ((?x1184 (- in0_2 0.0)))
 (let ((?x1185 (Exp ?x1184)))
 (let ((?x1196 (- in0_1 0.0)))
 (let ((?x1118 (Exp ?x1196)))
 (let ((?x958 (- in0_0 0.0)))
 (let ((?x1129 (Exp ?x958)))
 (let ((?x1194 (+ 0.0 ?x1129)))
 (let ((?x647 (+ ?x1194 ?x1118)))
 (let ((?x2328 (Log (+ ?x647 ?x1185))))
 (let ((?x3935 (- ?x1184 ?x2328)))
 (let ((?x1263 (- in0_5 0.0)))
 (let ((?x1049 (Exp ?x1263)))
 (let ((?x1285 (- in0_4 0.0)))
 (let ((?x1286 (Exp ?x1285)))
 (let ((?x1179 (- in0_3 0.0)))
 (let ((?x1298 (Exp ?x1179)))
 (let ((?x1211 (+ 0.0 ?x1298)))
 (let ((?x1304 (+ ?x1211 ?x1286)))
 (let ((?x3691 (Log (+ ?x1304 ?x1049))))
 (let ((?x3936 (- ?x1263 ?x3691)))
 (or (and (distinct (- ?x1179 ?x3691) (- ?x1179 ?x3691)) true) (and (distinct (- ?x1285 ?x3691) (- ?x1285 ?x3691)) true) (and (distinct ?x3936 ?x3936) true) (and (distinct (- ?x958 ?x2328) (- ?x958 ?x2328)) true) (and (distinct (- ?x1196 ?x2328) (- ?x1196 ?x2328)) true) (and (distinct ?x3935 ?x3935) true) (and (distinct (- ?x1257 ?x2872) (- ?x1257 ?x2872)) true) (and (distinct (- ?x1260 ?x2872) (- ?x1260 ?x2872)) true) (and (distinct ?x2172 ?x2172) true) (and (distinct (- ?x1173 ?x3352) (- ?x1173 ?x3352)) true) (and (distinct (- ?x1306 ?x3352) (- ?x1306 ?x3352)) true) (and (distinct ?x2980 ?x2980) true)))))))))))))))))))))))))))))))))))))))))))
(check-sat)
