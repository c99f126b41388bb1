;; permeq proof obligation
;; claim: ScatterAdd (ScatterAdd of a readout at a fixed row): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the n-cycle
;; scope:
;;   - bounded: n = 4 tokens, inputs [3] (fixed), [] (fixed), [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: sat (a counterexample exists)
(set-logic ALL)
; 
(set-info :status unknown)
(assert
 (let (($x3243 (and (distinct 0.0 0.0) true)))
 (or (and (distinct (+ 0.0 (- (/ 5.0 4.0))) 0.0) true) (and (distinct (+ 0.0 (/ 1.0 2.0)) 0.0) true) (and (distinct (+ 0.0 (- (/ 1.0 2.0))) 0.0) true) $x3243 $x3243 $x3243 $x3243 $x3243 $x3243 (and (distinct 0.0 (+ 0.0 (- (/ 5.0 4.0)))) true) (and (distinct 0.0 (+ 0.0 (/ 1.0 2.0))) true) (and (distinct 0.0 (+ 0.0 (- (/ 1.0 2.0)))) true))))
(check-sat)
