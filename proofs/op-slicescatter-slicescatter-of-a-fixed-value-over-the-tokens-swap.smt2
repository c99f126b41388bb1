;; permeq proof obligation
;; claim: SliceScatter (SliceScatter of a fixed value over the tokens): applying it to inputs permuted by sigma equals permuting its output (permuted on axis 0), for sigma the transposition
;; scope:
;;   - bounded: n = 4 tokens, inputs [3, 3] (fixed), [4, 3]
;;   - every real value of the symbolic inputs
;; assumptions:
;;   - pointwise functions are uninterpreted, with the range facts asserted below
;; expected: sat (a counterexample exists)
(set-logic ALL)
; 
(set-info :status unknown)
(assert
 (let (($x1912 (and (distinct 0.0 0.0) true)))
 (or (and (distinct (- (/ 5.0 4.0)) (/ 5.0 4.0)) true) (and (distinct (/ 1.0 2.0) (/ 1.0 4.0)) true) (and (distinct (- (/ 1.0 2.0)) (- (/ 3.0 4.0))) true) (and (distinct (/ 5.0 4.0) (- (/ 5.0 4.0))) true) (and (distinct (/ 1.0 4.0) (/ 1.0 2.0)) true) (and (distinct (- (/ 3.0 4.0)) (- (/ 1.0 2.0))) true) (and (distinct 1.0 1.0) true) $x1912 (and (distinct (- 1.0) (- 1.0)) true) $x1912 $x1912 $x1912)))
(check-sat)
