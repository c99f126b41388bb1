;; permeq proof obligation
;; claim: OneHot (OneHot of each token's expert (top-1 dispatch)): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [4] (fixed)
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: unsat (the claim holds)
(set-logic ALL)
; 
(set-info :status unknown)
(assert
 (let ((?x5848 (ite (= 0.0 (- 1.0)) 1.0 0.0)))
 (let ((?x5161 (ite (= 0.0 2.0) 1.0 ?x5848)))
 (let (($x4802 (and (distinct ?x5161 ?x5161) true)))
 (let ((?x3872 (ite (= 0.0 (- 2.0)) 1.0 0.0)))
 (let ((?x6048 (ite (= 0.0 1.0) 1.0 ?x3872)))
 (let (($x5625 (and (distinct ?x6048 ?x6048) true)))
 (let (($x4190 (= 0.0 0.0)))
 (let ((?x5357 (ite $x4190 1.0 (ite (= 0.0 (- 3.0)) 1.0 0.0))))
 (let (($x5094 (and (distinct ?x5357 ?x5357) true)))
 (let ((?x5665 (ite (= 2.0 2.0) 1.0 (ite (= 2.0 (- 1.0)) 1.0 0.0))))
 (let ((?x5938 (ite (= 2.0 (- 2.0)) 1.0 0.0)))
 (let ((?x4847 (ite (= 2.0 1.0) 1.0 ?x5938)))
 (let ((?x4780 (ite (= 2.0 (- 3.0)) 1.0 0.0)))
 (let ((?x5205 (ite (= 2.0 0.0) 1.0 ?x4780)))
 (let ((?x5660 (ite (= 1.0 (- 1.0)) 1.0 0.0)))
 (let ((?x3801 (ite (= 1.0 2.0) 1.0 ?x5660)))
 (let (($x4905 (= 1.0 1.0)))
 (let ((?x5411 (ite $x4905 1.0 (ite (= 1.0 (- 2.0)) 1.0 0.0))))
 (let ((?x4717 (ite (= 1.0 (- 3.0)) 1.0 0.0)))
 (let ((?x5449 (ite (= 1.0 0.0) 1.0 ?x4717)))
 (or (and (distinct ?x5449 ?x5449) true) (and (distinct ?x5411 ?x5411) true) (and (distinct ?x3801 ?x3801) true) (and (distinct ?x5205 ?x5205) true) (and (distinct ?x4847 ?x4847) true) (and (distinct ?x5665 ?x5665) true) $x5094 $x5625 $x4802 $x5094 $x5625 $x4802))))))))))))))))))))))
(check-sat)
