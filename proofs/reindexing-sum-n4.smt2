;; permeq proof obligation
;; claim: For every bijection sigma of {0..3} and every a: sum_i a(sigma(i)) = sum_i a(i).
;; scope:
;;   - n = 4
;; assumptions: none beyond the encoding
;; expected: unsat (the claim holds)
(set-logic ALL)
(declare-fun a (Int) Real)
(declare-fun sigma (Int) Int)
; sigma is a bijection of {0..3}
(assert (and (<= 0 (sigma 0)) (< (sigma 0) 4)))
(assert (and (<= 0 (sigma 1)) (< (sigma 1) 4)))
(assert (and (<= 0 (sigma 2)) (< (sigma 2) 4)))
(assert (and (<= 0 (sigma 3)) (< (sigma 3) 4)))
(assert (distinct (sigma 0) (sigma 1) (sigma 2) (sigma 3)))
(assert (not (= (+ (a (sigma 0)) (a (sigma 1)) (a (sigma 2)) (a (sigma 3))) (+ (a 0) (a 1) (a 2) (a 3)))))
(check-sat)
