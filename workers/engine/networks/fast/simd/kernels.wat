;; WebAssembly SIMD kernels of the typed-array engine's evaluation passes
;; (loss and accuracy at many parameter vectors, slices): the affine layer
;; and the activations over float32 arrays in linear memory, four lanes at
;; a time. Pointers are byte offsets; every array is row-major float32.
;; Sums are float32 (as in TensorFlow.js); the derivative passes, which
;; want float64 sums, stay in TypeScript.
;;
;; Assembled by `npm run build:simd` (wabt) into simdBinary.ts; a unit test
;; checks that the committed binary is this file's assembly.
(module
  (memory (export "memory") 1)

  ;; out[i, j] = bias[j] + Σ_p a[i, p] w[p, j] for i < m, j < n, with
  ;; a [m × k], w [k × n], bias [n], out [m × n]. One output column (n = 1):
  ;; row · w as a four-lane dot product over p. Otherwise rows in pairs, each
  ;; w load serving both: blocks of 8 and 4 columns in f32x4 registers (each
  ;; a[i, p] splat across lanes), then single columns; an odd last row alone.
  (func (export "affine")
    (param $m i32) (param $n i32) (param $k i32)
    (param $a i32) (param $w i32) (param $bias i32) (param $out i32)
    (local $i i32)
    (if (i32.eq (local.get $n) (i32.const 1))
      (then
        (block $done
          (loop $rows
            (br_if $done (i32.ge_u (local.get $i) (local.get $m)))
            (f32.store
              (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
              (f32.add
                (f32.load (local.get $bias))
                (call $dot (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i) (local.get $k)) (i32.const 2))) (local.get $w) (local.get $k))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rows)))
        (return)))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_u (i32.add (local.get $i) (i32.const 1)) (local.get $m)))
        (call $rowPair (local.get $n) (local.get $k)
          (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i) (local.get $k)) (i32.const 2)))
          (local.get $w) (local.get $bias)
          (i32.add (local.get $out) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 2))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs)))
    (if (i32.lt_u (local.get $i) (local.get $m))
      (then
        (call $row (local.get $n) (local.get $k)
          (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i) (local.get $k)) (i32.const 2)))
          (local.get $w) (local.get $bias)
          (i32.add (local.get $out) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 2)))))))

  ;; Σ_{p<k} x[p] y[p] for contiguous x, y: four lanes, then the rest one by one.
  (func $dot (param $x i32) (param $y i32) (param $k i32) (result f32)
    (local $acc v128) (local $s f32) (local $end i32)
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.and (local.get $k) (i32.const -4)) (i32.const 2))))
    (block $done
      (loop $groups
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (v128.load (local.get $x)) (v128.load (local.get $y)))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (local.set $y (i32.add (local.get $y) (i32.const 16)))
        (br $groups)))
    (local.set $s
      (f32.add
        (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
        (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc)))))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $k) (i32.const 3)) (i32.const 2))))
    (block $done
      (loop $rest
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $s (f32.add (local.get $s) (f32.mul (f32.load (local.get $x)) (f32.load (local.get $y)))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (local.set $y (i32.add (local.get $y) (i32.const 4)))
        (br $rest)))
    (local.get $s))

  ;; Rows a0 = a, a1 = a + k of the product into out and out + n (see affine).
  (func $rowPair (param $n i32) (param $k i32) (param $a i32) (param $w i32) (param $bias i32) (param $out i32)
    (local $j i32) (local $p i32) (local $a0 i32) (local $a1 i32) (local $wp i32) (local $o i32)
    (local $wStride i32) (local $aStride i32)
    (local $x0 v128) (local $x1 v128) (local $y0 v128) (local $y1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $s0 f32) (local $s1 f32)
    (local.set $wStride (i32.shl (local.get $n) (i32.const 2)))
    (local.set $aStride (i32.shl (local.get $k) (i32.const 2)))
    (block $eightDone
      (loop $eight
        (br_if $eightDone (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $n)))
        (local.set $c00 (v128.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $c01 (v128.load offset=16 (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $c10 (local.get $c00))
        (local.set $c11 (local.get $c01))
        (local.set $a0 (local.get $a))
        (local.set $wp (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $p (local.get $k))
        (block $sumDone
          (loop $sum
            (br_if $sumDone (i32.eqz (local.get $p)))
            (local.set $x0 (v128.load32_splat (local.get $a0)))
            (local.set $x1 (v128.load32_splat (i32.add (local.get $a0) (local.get $aStride))))
            (local.set $y0 (v128.load (local.get $wp)))
            (local.set $y1 (v128.load offset=16 (local.get $wp)))
            (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x0) (local.get $y0))))
            (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x0) (local.get $y1))))
            (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x1) (local.get $y0))))
            (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x1) (local.get $y1))))
            (local.set $a0 (i32.add (local.get $a0) (i32.const 4)))
            (local.set $wp (i32.add (local.get $wp) (local.get $wStride)))
            (local.set $p (i32.sub (local.get $p) (i32.const 1)))
            (br $sum)))
        (local.set $o (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))))
        (v128.store (local.get $o) (local.get $c00))
        (v128.store offset=16 (local.get $o) (local.get $c01))
        (local.set $o (i32.add (local.get $o) (local.get $wStride)))
        (v128.store (local.get $o) (local.get $c10))
        (v128.store offset=16 (local.get $o) (local.get $c11))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $eight)))
    (if (i32.le_u (i32.add (local.get $j) (i32.const 4)) (local.get $n))
      (then
        (local.set $c00 (v128.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $c10 (local.get $c00))
        (local.set $a0 (local.get $a))
        (local.set $wp (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $p (local.get $k))
        (block $sumDone
          (loop $sum
            (br_if $sumDone (i32.eqz (local.get $p)))
            (local.set $y0 (v128.load (local.get $wp)))
            (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (v128.load32_splat (local.get $a0)) (local.get $y0))))
            (local.set $c10
              (f32x4.add (local.get $c10) (f32x4.mul (v128.load32_splat (i32.add (local.get $a0) (local.get $aStride))) (local.get $y0))))
            (local.set $a0 (i32.add (local.get $a0) (i32.const 4)))
            (local.set $wp (i32.add (local.get $wp) (local.get $wStride)))
            (local.set $p (i32.sub (local.get $p) (i32.const 1)))
            (br $sum)))
        (local.set $o (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))))
        (v128.store (local.get $o) (local.get $c00))
        (v128.store (i32.add (local.get $o) (local.get $wStride)) (local.get $c10))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))))
    (block $singleDone
      (loop $single
        (br_if $singleDone (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $s0 (f32.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $s1 (local.get $s0))
        (local.set $a0 (local.get $a))
        (local.set $a1 (i32.add (local.get $a) (local.get $aStride)))
        (local.set $wp (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $p (local.get $k))
        (block $sumDone
          (loop $sum
            (br_if $sumDone (i32.eqz (local.get $p)))
            (local.set $s0 (f32.add (local.get $s0) (f32.mul (f32.load (local.get $a0)) (f32.load (local.get $wp)))))
            (local.set $s1 (f32.add (local.get $s1) (f32.mul (f32.load (local.get $a1)) (f32.load (local.get $wp)))))
            (local.set $a0 (i32.add (local.get $a0) (i32.const 4)))
            (local.set $a1 (i32.add (local.get $a1) (i32.const 4)))
            (local.set $wp (i32.add (local.get $wp) (local.get $wStride)))
            (local.set $p (i32.sub (local.get $p) (i32.const 1)))
            (br $sum)))
        (local.set $o (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))))
        (f32.store (local.get $o) (local.get $s0))
        (f32.store (i32.add (local.get $o) (local.get $wStride)) (local.get $s1))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $single))))

  ;; One row of the product (see affine): blocks of 4 columns, then single columns.
  (func $row (param $n i32) (param $k i32) (param $a i32) (param $w i32) (param $bias i32) (param $out i32)
    (local $j i32) (local $p i32) (local $ap i32) (local $wp i32) (local $wStride i32)
    (local $c v128) (local $s f32)
    (local.set $wStride (i32.shl (local.get $n) (i32.const 2)))
    (block $fourDone
      (loop $four
        (br_if $fourDone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $n)))
        (local.set $c (v128.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $ap (local.get $a))
        (local.set $wp (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $p (local.get $k))
        (block $sumDone
          (loop $sum
            (br_if $sumDone (i32.eqz (local.get $p)))
            (local.set $c (f32x4.add (local.get $c) (f32x4.mul (v128.load32_splat (local.get $ap)) (v128.load (local.get $wp)))))
            (local.set $ap (i32.add (local.get $ap) (i32.const 4)))
            (local.set $wp (i32.add (local.get $wp) (local.get $wStride)))
            (local.set $p (i32.sub (local.get $p) (i32.const 1)))
            (br $sum)))
        (v128.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))) (local.get $c))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $four)))
    (block $singleDone
      (loop $single
        (br_if $singleDone (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $s (f32.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $ap (local.get $a))
        (local.set $wp (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $p (local.get $k))
        (block $sumDone
          (loop $sum
            (br_if $sumDone (i32.eqz (local.get $p)))
            (local.set $s (f32.add (local.get $s) (f32.mul (f32.load (local.get $ap)) (f32.load (local.get $wp)))))
            (local.set $ap (i32.add (local.get $ap) (i32.const 4)))
            (local.set $wp (i32.add (local.get $wp) (local.get $wStride)))
            (local.set $p (i32.sub (local.get $p) (i32.const 1)))
            (br $sum)))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))) (local.get $s))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $single))))

  ;; tanh on four lanes: the odd [13/6] rational fit x p(x²)/q(x²) of Eigen's
  ;; float tanh on x clamped to ±7.90531 (beyond, tanh rounds to ±1 in float32
  ;; within 3e-7). The clamp is pmax/pmin (one instruction each, where min and
  ;; max take several for their NaN and −0 rules); with z as their first
  ;; operand a NaN still stays NaN (pmax(a, b) = a < b ? b : a).
  (func $tanh4 (param $z v128) (result v128)
    (local $x v128) (local $x2 v128) (local $x4 v128) (local $p v128) (local $q v128)
    (local.set $x
      (f32x4.pmin
        (f32x4.pmax (local.get $z) (v128.const f32x4 -7.90531110763549805 -7.90531110763549805 -7.90531110763549805 -7.90531110763549805))
        (v128.const f32x4 7.90531110763549805 7.90531110763549805 7.90531110763549805 7.90531110763549805)))
    (local.set $x2 (f32x4.mul (local.get $x) (local.get $x)))
    (local.set $x4 (f32x4.mul (local.get $x2) (local.get $x2)))
    ;; Estrin's scheme (shorter dependency chains than Horner's):
    ;; p = (a1 + a3 x²) + x⁴ (a5 + a7 x²) + x⁸ ((a9 + a11 x²) + x⁴ a13),  q = (b0 + b2 x²) + x⁴ (b4 + b6 x²).
    (local.set $p
      (f32x4.add
        (f32x4.add
          (f32x4.add (f32x4.mul (local.get $x2) (v128.const f32x4 6.37261928875436e-04 6.37261928875436e-04 6.37261928875436e-04 6.37261928875436e-04)) (v128.const f32x4 4.89352455891786e-03 4.89352455891786e-03 4.89352455891786e-03 4.89352455891786e-03))
          (f32x4.mul (local.get $x4) (f32x4.add (f32x4.mul (local.get $x2) (v128.const f32x4 5.12229709037114e-08 5.12229709037114e-08 5.12229709037114e-08 5.12229709037114e-08)) (v128.const f32x4 1.48572235717979e-05 1.48572235717979e-05 1.48572235717979e-05 1.48572235717979e-05))))
        (f32x4.mul
          (f32x4.mul (local.get $x4) (local.get $x4))
          (f32x4.add
            (f32x4.add (f32x4.mul (local.get $x2) (v128.const f32x4 2.00018790482477e-13 2.00018790482477e-13 2.00018790482477e-13 2.00018790482477e-13)) (v128.const f32x4 -8.60467152213735e-11 -8.60467152213735e-11 -8.60467152213735e-11 -8.60467152213735e-11))
            (f32x4.mul (local.get $x4) (v128.const f32x4 -2.76076847742355e-16 -2.76076847742355e-16 -2.76076847742355e-16 -2.76076847742355e-16))))))
    (local.set $q
      (f32x4.add
        (f32x4.add (f32x4.mul (local.get $x2) (v128.const f32x4 2.26843463243900e-03 2.26843463243900e-03 2.26843463243900e-03 2.26843463243900e-03)) (v128.const f32x4 4.89352518554385e-03 4.89352518554385e-03 4.89352518554385e-03 4.89352518554385e-03))
        (f32x4.mul (local.get $x4) (f32x4.add (f32x4.mul (local.get $x2) (v128.const f32x4 1.19825839466702e-06 1.19825839466702e-06 1.19825839466702e-06 1.19825839466702e-06)) (v128.const f32x4 1.18534705686654e-04 1.18534705686654e-04 1.18534705686654e-04 1.18534705686654e-04)))))
    (f32x4.div (f32x4.mul (local.get $x) (local.get $p)) (local.get $q)))

  ;; σ(z) = (1 + tanh(z/2)) / 2 on four lanes.
  (func $sigmoid4 (param $z v128) (result v128)
    (f32x4.mul
      (f32x4.add
        (call $tanh4 (f32x4.mul (local.get $z) (v128.const f32x4 0.5 0.5 0.5 0.5)))
        (v128.const f32x4 1 1 1 1))
      (v128.const f32x4 0.5 0.5 0.5 0.5)))

;; values[0 … count) ← f(values) in place; f: 0 tanh, 1 sigmoid, 2 relu
  ;; (max(z, 0)), anything else the identity. The last count mod 4 values
  ;; go through one padded lane group (the buffer must have room for it).
  ;; The activation is chosen once per call, each with a loop of its own, so
  ;; the loops carry no branch on it.
  (func (export "activate") (param $kind i32) (param $values i32) (param $count i32)
    (local $ptr i32) (local $end i32)
    (local.set $ptr (local.get $values))
    ;; Whole lane groups, the last one possibly padded: ⌈count / 4⌉ groups.
    (local.set $end (i32.add (local.get $values) (i32.shl (i32.and (i32.add (local.get $count) (i32.const 3)) (i32.const -4)) (i32.const 2))))
    (if (i32.eqz (local.get $kind))
      (then
        (block $done
          (loop $groups
            (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
            (v128.store (local.get $ptr) (call $tanh4 (v128.load (local.get $ptr))))
            (local.set $ptr (i32.add (local.get $ptr) (i32.const 16)))
            (br $groups)))
        (return)))
    (if (i32.eq (local.get $kind) (i32.const 1))
      (then
        (block $done
          (loop $groups
            (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
            (v128.store (local.get $ptr) (call $sigmoid4 (v128.load (local.get $ptr))))
            (local.set $ptr (i32.add (local.get $ptr) (i32.const 16)))
            (br $groups)))
        (return)))
    (if (i32.eq (local.get $kind) (i32.const 2))
      (then
        (block $done
          (loop $groups
            (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
            (v128.store (local.get $ptr) (f32x4.max (v128.load (local.get $ptr)) (v128.const f32x4 0 0 0 0)))
            (local.set $ptr (i32.add (local.get $ptr) (i32.const 16)))
            (br $groups))))))
)
