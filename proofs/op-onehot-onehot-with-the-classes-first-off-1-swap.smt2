;; permeq proof obligation
;; claim: OneHot (OneHot with the classes first, off -1): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 1), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [4, 2] (fixed)
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(assert
 (let ((?x5500 (ite (= 1.0 1.0) 2.0 (ite (= 1.0 (- 1.0)) 2.0 (- 1.0)))))
 (let (($x4716 (and (distinct ?x5500 ?x5500) true)))
 (let ((?x3691 (ite (= 0.0 (- 1.0)) 2.0 (- 1.0))))
 (let ((?x3646 (ite (= 0.0 1.0) 2.0 ?x3691)))
 (let (($x4369 (and (distinct ?x3646 ?x3646) true)))
 (let ((?x5049 (ite (= 2.0 (- 1.0)) 2.0 (- 1.0))))
 (let ((?x4862 (ite (= 2.0 1.0) 2.0 ?x5049)))
 (let (($x5449 (and (distinct ?x4862 ?x4862) true)))
 (let ((?x3702 (ite (= 1.0 (- 2.0)) 2.0 (- 1.0))))
 (let ((?x5123 (ite (= 1.0 0.0) 2.0 ?x3702)))
 (let (($x4717 (and (distinct ?x5123 ?x5123) true)))
 (let ((?x2747 (ite (= 0.0 0.0) 2.0 (ite (= 0.0 (- 2.0)) 2.0 (- 1.0)))))
 (let (($x5377 (and (distinct ?x2747 ?x2747) true)))
 (let ((?x4577 (ite (= 2.0 (- 2.0)) 2.0 (- 1.0))))
 (let ((?x5204 (ite (= 2.0 0.0) 2.0 ?x4577)))
 (let (($x6042 (and (distinct ?x5204 ?x5204) true)))
 (or $x6042 $x5377 $x5377 $x4717 $x4717 $x6042 $x5377 $x4717 $x5449 $x4369 $x4369 $x4716 $x4716 $x5449 $x4369 $x4716))))))))))))))))))
(check-sat)
