(module
  ;; The kernel's WebAssembly: `dense`, the dense moves of model.md section 3 step 4, and
  ;; `step`, a whole year step (src/kernel/step.ts). Every f64 operation is the one the
  ;; JavaScript code does, in the same order: lanes of f64x2 are independent IEEE operations,
  ;; every sum is added lane by lane in the JavaScript order, and there is no fused multiply-add,
  ;; so the bits are those of the JavaScript path. Assembled by bench/wasm/build.ts.
  (import "env" "memory" (memory 1))
  ;; the running sums of one region's survival pass: deaths, and one status's births
  (global $deaths (mut f64) (f64.const 0))
  (global $B (mut f64) (f64.const 0))
  ;; the same of a second region when two regions survive side by side ($survive2)
  (global $deaths2 (mut f64) (f64.const 0))
  (global $B2 (mut f64) (f64.const 0))
  ;; T[j][x] += sum_i W[i][j] * M[i][x], i ascending, for j < R, x < block (block even).
  ;; W: R*R f64 row-major at byte offset $W; M: R*block f64 at $M; row j of T at byte
  ;; offset $T + j*$stride (a population's status block: $stride = 6*(A+1)*8); $buf: room for
  ;; R*68 bytes. Four destinations at a time skip an origin whose four shares are all zero; a
  ;; destination of the tail skips an origin whose share is zero (the rules of the JavaScript
  ;; path). The origins a group of destinations does not skip are listed first in $buf, each
  ;; with its shares splatted into f64x2 and the offset of its movers, so the loops over the
  ;; ages run over that list without a test.
  (func $dense (export "dense") (param $W i32) (param $M i32) (param $T i32) (param $R i32) (param $block i32) (param $stride i32) (param $buf i32)
    (local $j i32) (local $x i32) (local $i i32) (local $wp i32) (local $op i32) (local $opEnd i32) (local $offs i32)
    (local $mp i32) (local $mbase i32) (local $t0 i32) (local $t1 i32) (local $t2 i32) (local $t3 i32)
    (local $rowBytes i32) (local $blockBytes i32)
    (local $w0 f64) (local $w1 f64) (local $w2 f64) (local $w3 f64)
    (local $s v128) (local $u0 v128) (local $u1 v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $rowBytes (i32.shl (local.get $R) (i32.const 3)))
    (local.set $blockBytes (i32.shl (local.get $block) (i32.const 3)))
    (local.set $offs (i32.add (local.get $buf) (i32.shl (local.get $R) (i32.const 6))))
    (local.set $j (i32.const 0))
    ;; ---- four destinations at a time
    (block $jdone
      (loop $jloop
        (br_if $jdone (i32.gt_s (i32.add (local.get $j) (i32.const 4)) (local.get $R)))
        ;; the origins with a non-zero share among the four
        (local.set $wp (i32.add (local.get $W) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $op (local.get $offs))
        (local.set $t0 (local.get $buf))
        (local.set $i (i32.const 0))
        (loop $list
          (local.set $w0 (f64.load align=8 (local.get $wp)))
          (local.set $w1 (f64.load offset=8 align=8 (local.get $wp)))
          (local.set $w2 (f64.load offset=16 align=8 (local.get $wp)))
          (local.set $w3 (f64.load offset=24 align=8 (local.get $wp)))
          (if (i32.eqz (i32.and (i32.and (f64.eq (local.get $w0) (f64.const 0)) (f64.eq (local.get $w1) (f64.const 0)))
                                (i32.and (f64.eq (local.get $w2) (f64.const 0)) (f64.eq (local.get $w3) (f64.const 0)))))
            (then
              (v128.store align=8 (local.get $t0) (f64x2.splat (local.get $w0)))
              (v128.store offset=16 align=8 (local.get $t0) (f64x2.splat (local.get $w1)))
              (v128.store offset=32 align=8 (local.get $t0) (f64x2.splat (local.get $w2)))
              (v128.store offset=48 align=8 (local.get $t0) (f64x2.splat (local.get $w3)))
              (i32.store (local.get $op) (i32.mul (local.get $i) (local.get $blockBytes)))
              (local.set $t0 (i32.add (local.get $t0) (i32.const 64)))
              (local.set $op (i32.add (local.get $op) (i32.const 4)))))
          (local.set $wp (i32.add (local.get $wp) (local.get $rowBytes)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $list (i32.lt_s (local.get $i) (local.get $R))))
        (local.set $opEnd (local.get $op))
        (local.set $x (i32.const 0))
        ;; four ages at a time
        (block $xdone
          (loop $xloop
            (br_if $xdone (i32.gt_s (i32.add (local.get $x) (i32.const 4)) (local.get $block)))
            (local.set $t0 (i32.add (i32.add (local.get $T) (i32.mul (local.get $j) (local.get $stride))) (i32.shl (local.get $x) (i32.const 3))))
            (local.set $t1 (i32.add (local.get $t0) (local.get $stride)))
            (local.set $t2 (i32.add (local.get $t1) (local.get $stride)))
            (local.set $t3 (i32.add (local.get $t2) (local.get $stride)))
            (local.set $a0 (v128.load align=8 (local.get $t0)))
            (local.set $a1 (v128.load offset=16 align=8 (local.get $t0)))
            (local.set $a2 (v128.load align=8 (local.get $t1)))
            (local.set $a3 (v128.load offset=16 align=8 (local.get $t1)))
            (local.set $a4 (v128.load align=8 (local.get $t2)))
            (local.set $a5 (v128.load offset=16 align=8 (local.get $t2)))
            (local.set $a6 (v128.load align=8 (local.get $t3)))
            (local.set $a7 (v128.load offset=16 align=8 (local.get $t3)))
            (local.set $mbase (i32.add (local.get $M) (i32.shl (local.get $x) (i32.const 3))))
            (local.set $wp (local.get $buf))
            (local.set $op (local.get $offs))
            (block $edone
              (loop $eloop
                (br_if $edone (i32.ge_u (local.get $op) (local.get $opEnd)))
                (local.set $mp (i32.add (local.get $mbase) (i32.load (local.get $op))))
                (local.set $u0 (v128.load align=8 (local.get $mp)))
                (local.set $u1 (v128.load offset=16 align=8 (local.get $mp)))
                (local.set $s (v128.load align=8 (local.get $wp)))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $s) (local.get $u0))))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $s) (local.get $u1))))
                (local.set $s (v128.load offset=16 align=8 (local.get $wp)))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $s) (local.get $u0))))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $s) (local.get $u1))))
                (local.set $s (v128.load offset=32 align=8 (local.get $wp)))
                (local.set $a4 (f64x2.add (local.get $a4) (f64x2.mul (local.get $s) (local.get $u0))))
                (local.set $a5 (f64x2.add (local.get $a5) (f64x2.mul (local.get $s) (local.get $u1))))
                (local.set $s (v128.load offset=48 align=8 (local.get $wp)))
                (local.set $a6 (f64x2.add (local.get $a6) (f64x2.mul (local.get $s) (local.get $u0))))
                (local.set $a7 (f64x2.add (local.get $a7) (f64x2.mul (local.get $s) (local.get $u1))))
                (local.set $wp (i32.add (local.get $wp) (i32.const 64)))
                (local.set $op (i32.add (local.get $op) (i32.const 4)))
                (br $eloop)))
            (v128.store align=8 (local.get $t0) (local.get $a0))
            (v128.store offset=16 align=8 (local.get $t0) (local.get $a1))
            (v128.store align=8 (local.get $t1) (local.get $a2))
            (v128.store offset=16 align=8 (local.get $t1) (local.get $a3))
            (v128.store align=8 (local.get $t2) (local.get $a4))
            (v128.store offset=16 align=8 (local.get $t2) (local.get $a5))
            (v128.store align=8 (local.get $t3) (local.get $a6))
            (v128.store offset=16 align=8 (local.get $t3) (local.get $a7))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (br $xloop)))
        ;; two ages left (block is even)
        (if (i32.lt_s (local.get $x) (local.get $block))
          (then
            (local.set $t0 (i32.add (i32.add (local.get $T) (i32.mul (local.get $j) (local.get $stride))) (i32.shl (local.get $x) (i32.const 3))))
            (local.set $t1 (i32.add (local.get $t0) (local.get $stride)))
            (local.set $t2 (i32.add (local.get $t1) (local.get $stride)))
            (local.set $t3 (i32.add (local.get $t2) (local.get $stride)))
            (local.set $a0 (v128.load align=8 (local.get $t0)))
            (local.set $a2 (v128.load align=8 (local.get $t1)))
            (local.set $a4 (v128.load align=8 (local.get $t2)))
            (local.set $a6 (v128.load align=8 (local.get $t3)))
            (local.set $mbase (i32.add (local.get $M) (i32.shl (local.get $x) (i32.const 3))))
            (local.set $wp (local.get $buf))
            (local.set $op (local.get $offs))
            (block $e2done
              (loop $e2loop
                (br_if $e2done (i32.ge_u (local.get $op) (local.get $opEnd)))
                (local.set $u0 (v128.load align=8 (i32.add (local.get $mbase) (i32.load (local.get $op)))))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load align=8 (local.get $wp)) (local.get $u0))))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (v128.load offset=16 align=8 (local.get $wp)) (local.get $u0))))
                (local.set $a4 (f64x2.add (local.get $a4) (f64x2.mul (v128.load offset=32 align=8 (local.get $wp)) (local.get $u0))))
                (local.set $a6 (f64x2.add (local.get $a6) (f64x2.mul (v128.load offset=48 align=8 (local.get $wp)) (local.get $u0))))
                (local.set $wp (i32.add (local.get $wp) (i32.const 64)))
                (local.set $op (i32.add (local.get $op) (i32.const 4)))
                (br $e2loop)))
            (v128.store align=8 (local.get $t0) (local.get $a0))
            (v128.store align=8 (local.get $t1) (local.get $a2))
            (v128.store align=8 (local.get $t2) (local.get $a4))
            (v128.store align=8 (local.get $t3) (local.get $a6))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $jloop)))
    ;; ---- the remaining destinations one at a time: eight ages a step, then two
    (block $tdone
      (loop $tloop
        (br_if $tdone (i32.ge_s (local.get $j) (local.get $R)))
        ;; the origins with a non-zero share
        (local.set $wp (i32.add (local.get $W) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $op (local.get $offs))
        (local.set $t0 (local.get $buf))
        (local.set $i (i32.const 0))
        (loop $tlist
          (local.set $w0 (f64.load align=8 (local.get $wp)))
          (if (f64.ne (local.get $w0) (f64.const 0))
            (then
              (v128.store align=8 (local.get $t0) (f64x2.splat (local.get $w0)))
              (i32.store (local.get $op) (i32.mul (local.get $i) (local.get $blockBytes)))
              (local.set $t0 (i32.add (local.get $t0) (i32.const 16)))
              (local.set $op (i32.add (local.get $op) (i32.const 4)))))
          (local.set $wp (i32.add (local.get $wp) (local.get $rowBytes)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $tlist (i32.lt_s (local.get $i) (local.get $R))))
        (local.set $opEnd (local.get $op))
        (local.set $x (i32.const 0))
        (block $x8done
          (loop $x8loop
            (br_if $x8done (i32.gt_s (i32.add (local.get $x) (i32.const 8)) (local.get $block)))
            (local.set $t0 (i32.add (i32.add (local.get $T) (i32.mul (local.get $j) (local.get $stride))) (i32.shl (local.get $x) (i32.const 3))))
            (local.set $a0 (v128.load align=8 (local.get $t0)))
            (local.set $a1 (v128.load offset=16 align=8 (local.get $t0)))
            (local.set $a2 (v128.load offset=32 align=8 (local.get $t0)))
            (local.set $a3 (v128.load offset=48 align=8 (local.get $t0)))
            (local.set $mbase (i32.add (local.get $M) (i32.shl (local.get $x) (i32.const 3))))
            (local.set $wp (local.get $buf))
            (local.set $op (local.get $offs))
            (block $e3done
              (loop $e3loop
                (br_if $e3done (i32.ge_u (local.get $op) (local.get $opEnd)))
                (local.set $mp (i32.add (local.get $mbase) (i32.load (local.get $op))))
                (local.set $s (v128.load align=8 (local.get $wp)))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $s) (v128.load align=8 (local.get $mp)))))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $s) (v128.load offset=16 align=8 (local.get $mp)))))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $s) (v128.load offset=32 align=8 (local.get $mp)))))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $s) (v128.load offset=48 align=8 (local.get $mp)))))
                (local.set $wp (i32.add (local.get $wp) (i32.const 16)))
                (local.set $op (i32.add (local.get $op) (i32.const 4)))
                (br $e3loop)))
            (v128.store align=8 (local.get $t0) (local.get $a0))
            (v128.store offset=16 align=8 (local.get $t0) (local.get $a1))
            (v128.store offset=32 align=8 (local.get $t0) (local.get $a2))
            (v128.store offset=48 align=8 (local.get $t0) (local.get $a3))
            (local.set $x (i32.add (local.get $x) (i32.const 8)))
            (br $x8loop)))
        (block $x2done
          (loop $x2loop
            (br_if $x2done (i32.ge_s (local.get $x) (local.get $block)))
            (local.set $t0 (i32.add (i32.add (local.get $T) (i32.mul (local.get $j) (local.get $stride))) (i32.shl (local.get $x) (i32.const 3))))
            (local.set $a0 (v128.load align=8 (local.get $t0)))
            (local.set $mbase (i32.add (local.get $M) (i32.shl (local.get $x) (i32.const 3))))
            (local.set $wp (local.get $buf))
            (local.set $op (local.get $offs))
            (block $e4done
              (loop $e4loop
                (br_if $e4done (i32.ge_u (local.get $op) (local.get $opEnd)))
                (local.set $a0 (f64x2.add (local.get $a0)
                  (f64x2.mul (v128.load align=8 (local.get $wp)) (v128.load align=8 (i32.add (local.get $mbase) (i32.load (local.get $op)))))))
                (local.set $wp (i32.add (local.get $wp) (i32.const 16)))
                (local.set $op (i32.add (local.get $op) (i32.const 4)))
                (br $e4loop)))
            (v128.store align=8 (local.get $t0) (local.get $a0))
            (local.set $x (i32.add (local.get $x) (i32.const 2)))
            (br $x2loop)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $tloop))))
  ;; Survives and ages one sex of one status (model.md section 3 step 1): out[a+1] = P[a]*sx[a]
  ;; for a < A-1, out[A] = P[A-1]*sx[A-1] + P[A]*sx[A]; the deaths P*(1-sx) are added to
  ;; $deaths age by age, and with $withB the births fx[a]*P[a] to $B (surviveStatusInto).
  ;; $p, $s, $f, $o: byte addresses of the sex's age 0 in P, sx, fx and out.
  (func $survive (param $p i32) (param $s i32) (param $f i32) (param $o i32) (param $A i32) (param $withB i32)
    (local $a i32) (local $off i32) (local $end i32)
    (local $v v128) (local $sv v128) (local $d v128) (local $b v128) (local $one v128)
    (local $p0 f64) (local $s0 f64) (local $p1 f64) (local $s1 f64)
    (local $deaths f64) (local $B f64)
    (local.set $deaths (global.get $deaths))
    (local.set $B (global.get $B))
    (local.set $one (f64x2.splat (f64.const 1)))
    ;; pairs of ages while a + 2 <= A - 1, as the JavaScript loop
    (local.set $end (i32.shl (i32.sub (local.get $A) (i32.const 3)) (i32.const 3)))
    (local.set $off (i32.const 0))
    (if (local.get $withB)
      (then
        (block $done
          (loop $pairs
            (br_if $done (i32.gt_s (local.get $off) (local.get $end)))
            (local.set $v (v128.load align=8 (i32.add (local.get $p) (local.get $off))))
            (local.set $sv (v128.load align=8 (i32.add (local.get $s) (local.get $off))))
            (v128.store offset=8 align=8 (i32.add (local.get $o) (local.get $off)) (f64x2.mul (local.get $v) (local.get $sv)))
            (local.set $d (f64x2.mul (local.get $v) (f64x2.sub (local.get $one) (local.get $sv))))
            (local.set $b (f64x2.mul (v128.load align=8 (i32.add (local.get $f) (local.get $off))) (local.get $v)))
            (local.set $deaths (f64.add (f64.add (local.get $deaths) (f64x2.extract_lane 0 (local.get $d))) (f64x2.extract_lane 1 (local.get $d))))
            (local.set $B (f64.add (f64.add (local.get $B) (f64x2.extract_lane 0 (local.get $b))) (f64x2.extract_lane 1 (local.get $b))))
            (local.set $off (i32.add (local.get $off) (i32.const 16)))
            (br $pairs))))
      (else
        (block $done2
          (loop $pairs2
            (br_if $done2 (i32.gt_s (local.get $off) (local.get $end)))
            (local.set $v (v128.load align=8 (i32.add (local.get $p) (local.get $off))))
            (local.set $sv (v128.load align=8 (i32.add (local.get $s) (local.get $off))))
            (v128.store offset=8 align=8 (i32.add (local.get $o) (local.get $off)) (f64x2.mul (local.get $v) (local.get $sv)))
            (local.set $d (f64x2.mul (local.get $v) (f64x2.sub (local.get $one) (local.get $sv))))
            (local.set $deaths (f64.add (f64.add (local.get $deaths) (f64x2.extract_lane 0 (local.get $d))) (f64x2.extract_lane 1 (local.get $d))))
            (local.set $off (i32.add (local.get $off) (i32.const 16)))
            (br $pairs2)))))
    ;; the age left before A - 1, if any
    (local.set $a (i32.shr_s (local.get $off) (i32.const 3)))
    (block $tdone
      (loop $tail
        (br_if $tdone (i32.ge_s (local.get $a) (i32.sub (local.get $A) (i32.const 1))))
        (local.set $off (i32.shl (local.get $a) (i32.const 3)))
        (local.set $p0 (f64.load align=8 (i32.add (local.get $p) (local.get $off))))
        (local.set $s0 (f64.load align=8 (i32.add (local.get $s) (local.get $off))))
        (f64.store offset=8 align=8 (i32.add (local.get $o) (local.get $off)) (f64.mul (local.get $p0) (local.get $s0)))
        (local.set $deaths (f64.add (local.get $deaths) (f64.mul (local.get $p0) (f64.sub (f64.const 1) (local.get $s0)))))
        (if (local.get $withB)
          (then (local.set $B (f64.add (local.get $B) (f64.mul (f64.load align=8 (i32.add (local.get $f) (local.get $off))) (local.get $p0))))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $tail)))
    ;; the open age group: A - 1 and A survive into A
    (local.set $off (i32.shl (i32.sub (local.get $A) (i32.const 1)) (i32.const 3)))
    (local.set $p0 (f64.load align=8 (i32.add (local.get $p) (local.get $off))))
    (local.set $p1 (f64.load offset=8 align=8 (i32.add (local.get $p) (local.get $off))))
    (local.set $s0 (f64.load align=8 (i32.add (local.get $s) (local.get $off))))
    (local.set $s1 (f64.load offset=8 align=8 (i32.add (local.get $s) (local.get $off))))
    (f64.store offset=8 align=8 (i32.add (local.get $o) (local.get $off))
      (f64.add (f64.mul (local.get $p0) (local.get $s0)) (f64.mul (local.get $p1) (local.get $s1))))
    (local.set $deaths (f64.add (local.get $deaths)
      (f64.add (f64.mul (local.get $p0) (f64.sub (f64.const 1) (local.get $s0))) (f64.mul (local.get $p1) (f64.sub (f64.const 1) (local.get $s1))))))
    (if (local.get $withB)
      (then
        (local.set $B (f64.add (local.get $B) (f64.mul (f64.load align=8 (i32.add (local.get $f) (local.get $off))) (local.get $p0))))
        (local.set $B (f64.add (local.get $B) (f64.mul (f64.load offset=8 align=8 (i32.add (local.get $f) (local.get $off))) (local.get $p1))))))
    (global.set $deaths (local.get $deaths))
    (global.set $B (local.get $B)))

  ;; $survive for the same status and sex of two regions a and b at once: the two regions'
  ;; sums are independent chains ($deaths, $B for a; $deaths2, $B2 for b), each added in its
  ;; own order, so running them side by side halves the time the additions wait on each other.
  (func $survive2 (param $pa i32) (param $sa i32) (param $fa i32) (param $oa i32)
    (param $pb i32) (param $sb i32) (param $fb i32) (param $ob i32) (param $A i32) (param $withB i32)
    (local $a i32) (local $off i32) (local $o1 i32) (local $end i32)
    (local $va v128) (local $vb v128) (local $sva v128) (local $svb v128) (local $da v128) (local $db v128)
    (local $ba v128) (local $bb v128) (local $one v128)
    (local $p0 f64) (local $s0 f64) (local $p1 f64) (local $s1 f64)
    (local $deathsA f64) (local $BA f64) (local $deathsB f64) (local $BB f64)
    (local.set $deathsA (global.get $deaths))
    (local.set $BA (global.get $B))
    (local.set $deathsB (global.get $deaths2))
    (local.set $BB (global.get $B2))
    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $end (i32.shl (i32.sub (local.get $A) (i32.const 3)) (i32.const 3)))
    (local.set $off (i32.const 0))
    (if (local.get $withB)
      (then
        (block $done
          (loop $pairs
            (br_if $done (i32.gt_s (local.get $off) (local.get $end)))
            (local.set $va (v128.load align=8 (i32.add (local.get $pa) (local.get $off))))
            (local.set $vb (v128.load align=8 (i32.add (local.get $pb) (local.get $off))))
            (local.set $sva (v128.load align=8 (i32.add (local.get $sa) (local.get $off))))
            (local.set $svb (v128.load align=8 (i32.add (local.get $sb) (local.get $off))))
            (v128.store offset=8 align=8 (i32.add (local.get $oa) (local.get $off)) (f64x2.mul (local.get $va) (local.get $sva)))
            (v128.store offset=8 align=8 (i32.add (local.get $ob) (local.get $off)) (f64x2.mul (local.get $vb) (local.get $svb)))
            (local.set $da (f64x2.mul (local.get $va) (f64x2.sub (local.get $one) (local.get $sva))))
            (local.set $db (f64x2.mul (local.get $vb) (f64x2.sub (local.get $one) (local.get $svb))))
            (local.set $deathsA (f64.add (f64.add (local.get $deathsA) (f64x2.extract_lane 0 (local.get $da))) (f64x2.extract_lane 1 (local.get $da))))
            (local.set $deathsB (f64.add (f64.add (local.get $deathsB) (f64x2.extract_lane 0 (local.get $db))) (f64x2.extract_lane 1 (local.get $db))))
            (local.set $ba (f64x2.mul (v128.load align=8 (i32.add (local.get $fa) (local.get $off))) (local.get $va)))
            (local.set $bb (f64x2.mul (v128.load align=8 (i32.add (local.get $fb) (local.get $off))) (local.get $vb)))
            (local.set $BA (f64.add (f64.add (local.get $BA) (f64x2.extract_lane 0 (local.get $ba))) (f64x2.extract_lane 1 (local.get $ba))))
            (local.set $BB (f64.add (f64.add (local.get $BB) (f64x2.extract_lane 0 (local.get $bb))) (f64x2.extract_lane 1 (local.get $bb))))
            (local.set $off (i32.add (local.get $off) (i32.const 16)))
            (br $pairs))))
      (else
        (block $done2
          (loop $pairs2
            (br_if $done2 (i32.gt_s (local.get $off) (local.get $end)))
            (local.set $va (v128.load align=8 (i32.add (local.get $pa) (local.get $off))))
            (local.set $vb (v128.load align=8 (i32.add (local.get $pb) (local.get $off))))
            (local.set $sva (v128.load align=8 (i32.add (local.get $sa) (local.get $off))))
            (local.set $svb (v128.load align=8 (i32.add (local.get $sb) (local.get $off))))
            (v128.store offset=8 align=8 (i32.add (local.get $oa) (local.get $off)) (f64x2.mul (local.get $va) (local.get $sva)))
            (v128.store offset=8 align=8 (i32.add (local.get $ob) (local.get $off)) (f64x2.mul (local.get $vb) (local.get $svb)))
            (local.set $da (f64x2.mul (local.get $va) (f64x2.sub (local.get $one) (local.get $sva))))
            (local.set $db (f64x2.mul (local.get $vb) (f64x2.sub (local.get $one) (local.get $svb))))
            (local.set $deathsA (f64.add (f64.add (local.get $deathsA) (f64x2.extract_lane 0 (local.get $da))) (f64x2.extract_lane 1 (local.get $da))))
            (local.set $deathsB (f64.add (f64.add (local.get $deathsB) (f64x2.extract_lane 0 (local.get $db))) (f64x2.extract_lane 1 (local.get $db))))
            (local.set $off (i32.add (local.get $off) (i32.const 16)))
            (br $pairs2)))))
    (local.set $end (local.get $off))
    (local.set $a (i32.shr_s (local.get $off) (i32.const 3)))
    (block $tdonea
      (loop $taila
        (br_if $tdonea (i32.ge_s (local.get $a) (i32.sub (local.get $A) (i32.const 1))))
        (local.set $o1 (i32.shl (local.get $a) (i32.const 3)))
        (local.set $p0 (f64.load align=8 (i32.add (local.get $pa) (local.get $o1))))
        (local.set $s0 (f64.load align=8 (i32.add (local.get $sa) (local.get $o1))))
        (f64.store offset=8 align=8 (i32.add (local.get $oa) (local.get $o1)) (f64.mul (local.get $p0) (local.get $s0)))
        (local.set $deathsA (f64.add (local.get $deathsA) (f64.mul (local.get $p0) (f64.sub (f64.const 1) (local.get $s0)))))
        (if (local.get $withB)
          (then (local.set $BA (f64.add (local.get $BA) (f64.mul (f64.load align=8 (i32.add (local.get $fa) (local.get $o1))) (local.get $p0))))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $taila)))
    (local.set $o1 (i32.shl (i32.sub (local.get $A) (i32.const 1)) (i32.const 3)))
    (local.set $p0 (f64.load align=8 (i32.add (local.get $pa) (local.get $o1))))
    (local.set $p1 (f64.load offset=8 align=8 (i32.add (local.get $pa) (local.get $o1))))
    (local.set $s0 (f64.load align=8 (i32.add (local.get $sa) (local.get $o1))))
    (local.set $s1 (f64.load offset=8 align=8 (i32.add (local.get $sa) (local.get $o1))))
    (f64.store offset=8 align=8 (i32.add (local.get $oa) (local.get $o1))
      (f64.add (f64.mul (local.get $p0) (local.get $s0)) (f64.mul (local.get $p1) (local.get $s1))))
    (local.set $deathsA (f64.add (local.get $deathsA)
      (f64.add (f64.mul (local.get $p0) (f64.sub (f64.const 1) (local.get $s0))) (f64.mul (local.get $p1) (f64.sub (f64.const 1) (local.get $s1))))))
    (if (local.get $withB)
      (then
        (local.set $BA (f64.add (local.get $BA) (f64.mul (f64.load align=8 (i32.add (local.get $fa) (local.get $o1))) (local.get $p0))))
        (local.set $BA (f64.add (local.get $BA) (f64.mul (f64.load offset=8 align=8 (i32.add (local.get $fa) (local.get $o1))) (local.get $p1))))))
    (local.set $off (local.get $end))
    (local.set $a (i32.shr_s (local.get $off) (i32.const 3)))
    (block $tdoneb
      (loop $tailb
        (br_if $tdoneb (i32.ge_s (local.get $a) (i32.sub (local.get $A) (i32.const 1))))
        (local.set $o1 (i32.shl (local.get $a) (i32.const 3)))
        (local.set $p0 (f64.load align=8 (i32.add (local.get $pb) (local.get $o1))))
        (local.set $s0 (f64.load align=8 (i32.add (local.get $sb) (local.get $o1))))
        (f64.store offset=8 align=8 (i32.add (local.get $ob) (local.get $o1)) (f64.mul (local.get $p0) (local.get $s0)))
        (local.set $deathsB (f64.add (local.get $deathsB) (f64.mul (local.get $p0) (f64.sub (f64.const 1) (local.get $s0)))))
        (if (local.get $withB)
          (then (local.set $BB (f64.add (local.get $BB) (f64.mul (f64.load align=8 (i32.add (local.get $fb) (local.get $o1))) (local.get $p0))))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $tailb)))
    (local.set $o1 (i32.shl (i32.sub (local.get $A) (i32.const 1)) (i32.const 3)))
    (local.set $p0 (f64.load align=8 (i32.add (local.get $pb) (local.get $o1))))
    (local.set $p1 (f64.load offset=8 align=8 (i32.add (local.get $pb) (local.get $o1))))
    (local.set $s0 (f64.load align=8 (i32.add (local.get $sb) (local.get $o1))))
    (local.set $s1 (f64.load offset=8 align=8 (i32.add (local.get $sb) (local.get $o1))))
    (f64.store offset=8 align=8 (i32.add (local.get $ob) (local.get $o1))
      (f64.add (f64.mul (local.get $p0) (local.get $s0)) (f64.mul (local.get $p1) (local.get $s1))))
    (local.set $deathsB (f64.add (local.get $deathsB)
      (f64.add (f64.mul (local.get $p0) (f64.sub (f64.const 1) (local.get $s0))) (f64.mul (local.get $p1) (f64.sub (f64.const 1) (local.get $s1))))))
    (if (local.get $withB)
      (then
        (local.set $BB (f64.add (local.get $BB) (f64.mul (f64.load align=8 (i32.add (local.get $fb) (local.get $o1))) (local.get $p0))))
        (local.set $BB (f64.add (local.get $BB) (f64.mul (f64.load offset=8 align=8 (i32.add (local.get $fb) (local.get $o1))) (local.get $p1))))))
    (global.set $deaths (local.get $deathsA))
    (global.set $B (local.get $BA))
    (global.set $deaths2 (local.get $deathsB))
    (global.set $B2 (local.get $BB)))

  ;; Migration between regions through a dense matrix $W (addMigrationInto of
  ;; src/kernel/moves.ts): region i's out-migrants gain x_i * sum_{j != i} W[i][j], region j's
  ;; in-migrants x_i * W[i][j], the zero shares and origins skipped, in its order. $x, $in and
  ;; $out hold R numbers each.
  (func $migration (param $W i32) (param $x i32) (param $in i32) (param $out i32) (param $R i32)
    (local $i i32) (local $j i32) (local $row i32) (local $xi f64) (local $w f64) (local $away f64) (local $at i32)
    (block $idone
      (loop $origins
        (br_if $idone (i32.ge_s (local.get $i) (local.get $R)))
        (local.set $xi (f64.load align=8 (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3)))))
        (if (f64.ne (local.get $xi) (f64.const 0))
          (then
            (local.set $away (f64.const 0))
            (local.set $row (i32.add (local.get $W) (i32.shl (i32.mul (local.get $i) (local.get $R)) (i32.const 3))))
            (local.set $j (i32.const 0))
            (block $jdone
              (loop $destinations
                (br_if $jdone (i32.ge_s (local.get $j) (local.get $R)))
                (if (i32.ne (local.get $j) (local.get $i))
                  (then
                    (local.set $w (f64.load align=8 (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 3)))))
                    (if (f64.ne (local.get $w) (f64.const 0))
                      (then
                        (local.set $away (f64.add (local.get $away) (local.get $w)))
                        (local.set $at (i32.add (local.get $in) (i32.shl (local.get $j) (i32.const 3))))
                        (f64.store align=8 (local.get $at) (f64.add (f64.load align=8 (local.get $at)) (f64.mul (local.get $xi) (local.get $w))))))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $destinations)))
            (local.set $at (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3))))
            (f64.store align=8 (local.get $at) (f64.add (f64.load align=8 (local.get $at)) (f64.mul (local.get $xi) (local.get $away))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $origins))))

  ;; The newborns of one status (model.md section 3 step 2) from its births $B: girls
  ;; B/(1+srb) and boys B*srb/(1+srb) survive by sb into age 0 at $o (girls) and $o + $A1B
  ;; (boys); returns $deaths plus those who do not.
  (func $newborns (param $o i32) (param $sbp i32) (param $ratio f64) (param $B f64) (param $A1B i32) (param $deaths f64) (result f64)
    (local $girls f64) (local $boys f64) (local $sbF f64) (local $sbM f64)
    (local.set $girls (f64.div (local.get $B) (f64.add (f64.const 1) (local.get $ratio))))
    (local.set $boys (f64.div (f64.mul (local.get $B) (local.get $ratio)) (f64.add (f64.const 1) (local.get $ratio))))
    (local.set $sbF (f64.load align=8 (local.get $sbp)))
    (local.set $sbM (f64.load offset=8 align=8 (local.get $sbp)))
    (f64.store align=8 (local.get $o) (f64.mul (local.get $girls) (local.get $sbF)))
    (f64.store align=8 (i32.add (local.get $o) (local.get $A1B)) (f64.mul (local.get $boys) (local.get $sbM)))
    (f64.add (local.get $deaths)
      (f64.add (f64.mul (local.get $girls) (f64.sub (f64.const 1) (local.get $sbF))) (f64.mul (local.get $boys) (f64.sub (f64.const 1) (local.get $sbM))))))

  ;; Adds n to the cells [$x, $end) of $out (cell indices, $x and $end even), skipping zeros
  ;; (a cell whose n is zero keeps its bits). Returns the first cell made negative, or $first:
  ;; the pass only notes that one was, and then looks for it.
  (func $addN (param $n i32) (param $out i32) (param $x i32) (param $end i32) (param $first i32) (result i32)
    (local $add v128) (local $v v128) (local $was v128) (local $mask v128) (local $neg v128) (local $zero v128)
    (local $addr i32) (local $stop i32)
    (local.set $addr (i32.shl (local.get $x) (i32.const 3)))
    (local.set $stop (i32.shl (local.get $end) (i32.const 3)))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $addr) (local.get $stop)))
        (local.set $add (v128.load align=8 (i32.add (local.get $n) (local.get $addr))))
        (local.set $was (v128.load align=8 (i32.add (local.get $out) (local.get $addr))))
        (local.set $mask (f64x2.ne (local.get $add) (local.get $zero)))
        (local.set $v (v128.bitselect (f64x2.add (local.get $was) (local.get $add)) (local.get $was) (local.get $mask)))
        (v128.store align=8 (i32.add (local.get $out) (local.get $addr)) (local.get $v))
        (local.set $neg (v128.or (local.get $neg) (v128.and (local.get $mask) (f64x2.lt (local.get $v) (local.get $zero)))))
        (local.set $addr (i32.add (local.get $addr) (i32.const 16)))
        (br $cells)))
    (if (v128.any_true (local.get $neg))
      (then
        ;; the first cell of the range that n reached and left negative
        (block $found
          (loop $look
            (br_if $found (i32.ge_s (local.get $x) (local.get $end)))
            (local.set $addr (i32.shl (local.get $x) (i32.const 3)))
            (br_if $found (i32.and (f64.ne (f64.load align=8 (i32.add (local.get $n) (local.get $addr))) (f64.const 0))
                                   (f64.lt (f64.load align=8 (i32.add (local.get $out) (local.get $addr))) (f64.const 0))))
            (local.set $x (i32.add (local.get $x) (i32.const 1)))
            (br $look)))
        (if (i32.or (i32.lt_s (local.get $first) (i32.const 0)) (i32.lt_s (local.get $x) (local.get $first)))
          (then (local.set $first (local.get $x))))))
    (local.get $first))

  ;; The sums of the non-zero n of each region, cells in order (the sums of runKernelInto's plan
  ;; of n), into $sums: for an n that serves every step, added once for the run.
  (func (export "nSums") (param $n i32) (param $R i32) (param $A i32) (param $sums i32)
    (local $r i32) (local $cells i32)
    (local.set $cells (i32.mul (i32.const 6) (i32.add (local.get $A) (i32.const 1))))
    (block $done
      (loop $regions
        (br_if $done (i32.ge_s (local.get $r) (local.get $R)))
        (f64.store align=8 (i32.add (local.get $sums) (i32.shl (local.get $r) (i32.const 3)))
          (call $sumN (local.get $n) (i32.mul (local.get $r) (local.get $cells)) (i32.mul (i32.add (local.get $r) (i32.const 1)) (local.get $cells)) (f64.const 0)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $regions))))

  ;; The sum of the non-zero n of cells [$x, $end), in cell order.
  (func $sumN (param $n i32) (param $x i32) (param $end i32) (param $sum f64) (result f64)
    (local $add f64)
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $x) (local.get $end)))
        (local.set $add (f64.load align=8 (i32.add (local.get $n) (i32.shl (local.get $x) (i32.const 3)))))
        (if (f64.ne (local.get $add) (f64.const 0))
          (then (local.set $sum (f64.add (local.get $sum) (local.get $add)))))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br $cells)))
    (local.get $sum))

  ;; One year step, stepInto of src/kernel/step.ts: P (year t) into S (year t+1). Every other
  ;; parameter is the byte address of an input laid out as in src/kernel/types.ts; $n is 0 when
  ;; there are no net international migrants, $D and $E are 0 for identity matrices (else a
  ;; dense R x R matrix). $mig and $ret are scratch (R*2*(A+1) numbers each), $buf scratch of
  ;; R*68 bytes for the dense moves; $nsums, when not 0, the sums of n by region (nSums);
  ;; $flows receives
  ;; births, deaths, ruralToUrban, reclassified, conversions, returns, netInternational,
  ;; inMigrants, outMigrants and netMigration, R numbers each (FLOW_NAMES' order). Returns
  ;; the first cell n made negative, or -1.
  (func (export "step")
    (param $R i32) (param $A i32) (param $P i32) (param $S i32)
    (param $sx i32) (param $sb i32) (param $fx i32) (param $srb i32)
    (param $m i32) (param $c i32) (param $k i32) (param $q i32) (param $n i32)
    (param $D i32) (param $E i32) (param $mig i32) (param $ret i32) (param $flows i32) (param $buf i32) (param $nsums i32)
    (result i32)
    (local $r i32) (local $h i32) (local $s i32) (local $off i32) (local $end i32)
    (local $A1 i32) (local $A1B i32) (local $sexB i32) (local $strideB i32) (local $regionB i32) (local $statusB i32)
    (local $stayD i32) (local $stayE i32) (local $first i32) (local $now i32) (local $flowR i32) (local $cell i32)
    (local $births f64) (local $ratio f64) (local $ratio2 f64) (local $statusB2 i32) (local $pending i32)
    (local $deathsR f64) (local $deathsNext f64) (local $birthsNext f64)
    (local $cr f64) (local $sumMig f64) (local $sumIns f64) (local $sumConv f64) (local $sumRet f64) (local $sumN f64)
    (local $ruralP i32) (local $migrantP i32) (local $hukouP i32) (local $rateOff i32)
    (local $one v128) (local $zero v128) (local $crv v128)
    (local $rural v128) (local $migrant v128) (local $mv v128) (local $kv v128) (local $qv v128)
    (local $moved v128) (local $ins v128) (local $conv v128) (local $back v128)
    (local $ruralStay v128) (local $migrantStay v128) (local $ruralLeft v128) (local $migrantLeft v128)
    (local $ruralS f64) (local $migrantS f64) (local $mvS f64) (local $kvS f64) (local $qvS f64)
    (local $movedS f64) (local $insS f64) (local $convS f64) (local $backS f64) (local $stayS f64) (local $leftS f64)
    (local.set $A1 (i32.add (local.get $A) (i32.const 1)))
    (local.set $A1B (i32.shl (local.get $A1) (i32.const 3)))
    (local.set $sexB (i32.shl (local.get $A1B) (i32.const 1)))
    (local.set $strideB (i32.mul (local.get $sexB) (i32.const 3)))
    (local.set $stayD (i32.eqz (local.get $D)))
    (local.set $stayE (i32.eqz (local.get $E)))
    (local.set $first (i32.const -1))
    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $zero (f64x2.splat (f64.const 0)))
    (local.set $r (i32.const 0))
    (block $rdone
      (loop $regions
        (br_if $rdone (i32.ge_s (local.get $r) (local.get $R)))
        (local.set $regionB (i32.mul (local.get $r) (local.get $strideB)))
        (local.set $flowR (i32.add (local.get $flows) (i32.shl (local.get $r) (i32.const 3))))
        (local.set $ratio (f64.load align=8 (i32.add (local.get $srb) (i32.shl (local.get $r) (i32.const 3)))))
        (if (local.get $pending)
          (then
            ;; survived with the region before
            (local.set $deathsR (local.get $deathsNext))
            (local.set $births (local.get $birthsNext))
            (local.set $pending (i32.const 0)))
          (else
            (local.set $births (f64.const 0))
            (global.set $deaths (f64.const 0))
            (if (i32.lt_s (i32.add (local.get $r) (i32.const 1)) (local.get $R))
              (then
                ;; 1. survive and age, 2. births, status by status, of this region and the next
                (global.set $deaths2 (f64.const 0))
                (local.set $birthsNext (f64.const 0))
                (local.set $ratio2 (f64.load offset=8 align=8 (i32.add (local.get $srb) (i32.shl (local.get $r) (i32.const 3)))))
                (local.set $h (i32.const 0))
                (loop $statuses2
                  (local.set $statusB (i32.add (local.get $regionB) (i32.mul (local.get $h) (local.get $sexB))))
                  (local.set $statusB2 (i32.add (local.get $statusB) (local.get $strideB)))
                  (local.set $off (i32.add (local.get $fx) (i32.mul (i32.add (i32.mul (local.get $r) (i32.const 3)) (local.get $h)) (local.get $A1B))))
                  (global.set $B (f64.const 0))
                  (global.set $B2 (f64.const 0))
                  (call $survive2
                    (i32.add (local.get $P) (local.get $statusB)) (i32.add (local.get $sx) (local.get $statusB))
                    (local.get $off) (i32.add (local.get $S) (local.get $statusB))
                    (i32.add (local.get $P) (local.get $statusB2)) (i32.add (local.get $sx) (local.get $statusB2))
                    (i32.add (local.get $off) (i32.mul (i32.const 3) (local.get $A1B))) (i32.add (local.get $S) (local.get $statusB2))
                    (local.get $A) (i32.const 1))
                  (call $survive2
                    (i32.add (local.get $P) (i32.add (local.get $statusB) (local.get $A1B))) (i32.add (local.get $sx) (i32.add (local.get $statusB) (local.get $A1B)))
                    (i32.const 0) (i32.add (local.get $S) (i32.add (local.get $statusB) (local.get $A1B)))
                    (i32.add (local.get $P) (i32.add (local.get $statusB2) (local.get $A1B))) (i32.add (local.get $sx) (i32.add (local.get $statusB2) (local.get $A1B)))
                    (i32.const 0) (i32.add (local.get $S) (i32.add (local.get $statusB2) (local.get $A1B)))
                    (local.get $A) (i32.const 0))
                  (local.set $off (i32.add (local.get $sb) (i32.shl (i32.add (i32.mul (local.get $r) (i32.const 3)) (local.get $h)) (i32.const 4))))
                  (global.set $deaths (call $newborns (i32.add (local.get $S) (local.get $statusB)) (local.get $off)
                    (local.get $ratio) (global.get $B) (local.get $A1B) (global.get $deaths)))
                  (local.set $births (f64.add (local.get $births) (global.get $B)))
                  (global.set $deaths2 (call $newborns (i32.add (local.get $S) (local.get $statusB2)) (i32.add (local.get $off) (i32.const 48))
                    (local.get $ratio2) (global.get $B2) (local.get $A1B) (global.get $deaths2)))
                  (local.set $birthsNext (f64.add (local.get $birthsNext) (global.get $B2)))
                  (local.set $h (i32.add (local.get $h) (i32.const 1)))
                  (br_if $statuses2 (i32.lt_s (local.get $h) (i32.const 3))))
                (local.set $deathsR (global.get $deaths))
                (local.set $deathsNext (global.get $deaths2))
                (local.set $pending (i32.const 1)))
              (else
                ;; 1. survive and age, 2. births, status by status (the last region, alone)
                (local.set $h (i32.const 0))
                (loop $statuses
                  (local.set $statusB (i32.add (local.get $regionB) (i32.mul (local.get $h) (local.get $sexB))))
                  (global.set $B (f64.const 0))
                  (call $survive
                    (i32.add (local.get $P) (local.get $statusB)) (i32.add (local.get $sx) (local.get $statusB))
                    (i32.add (local.get $fx) (i32.mul (i32.add (i32.mul (local.get $r) (i32.const 3)) (local.get $h)) (local.get $A1B)))
                    (i32.add (local.get $S) (local.get $statusB)) (local.get $A) (i32.const 1))
                  (call $survive
                    (i32.add (local.get $P) (i32.add (local.get $statusB) (local.get $A1B))) (i32.add (local.get $sx) (i32.add (local.get $statusB) (local.get $A1B)))
                    (i32.const 0) (i32.add (local.get $S) (i32.add (local.get $statusB) (local.get $A1B))) (local.get $A) (i32.const 0))
                  (local.set $off (i32.add (local.get $sb) (i32.shl (i32.add (i32.mul (local.get $r) (i32.const 3)) (local.get $h)) (i32.const 4))))
                  (global.set $deaths (call $newborns (i32.add (local.get $S) (local.get $statusB)) (local.get $off)
                    (local.get $ratio) (global.get $B) (local.get $A1B) (global.get $deaths)))
                  (local.set $births (f64.add (local.get $births) (global.get $B)))
                  (local.set $h (i32.add (local.get $h) (i32.const 1)))
                  (br_if $statuses (i32.lt_s (local.get $h) (i32.const 3))))
                (local.set $deathsR (global.get $deaths))))))
        ;; 3. the transitions at each age, two ages at a time
        (local.set $cr (f64.load align=8 (i32.add (local.get $c) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $crv (f64x2.splat (local.get $cr)))
        (local.set $sumMig (f64.const 0))
        (local.set $sumIns (f64.const 0))
        (local.set $sumConv (f64.const 0))
        (local.set $sumRet (f64.const 0))
        (local.set $s (i32.const 0))
        (loop $sexes
          (local.set $ruralP (i32.add (i32.add (local.get $S) (local.get $regionB)) (i32.mul (local.get $s) (local.get $A1B))))
          (local.set $migrantP (i32.add (local.get $ruralP) (local.get $sexB)))
          (local.set $hukouP (i32.add (local.get $migrantP) (local.get $sexB)))
          (local.set $rateOff (i32.mul (i32.add (i32.shl (local.get $r) (i32.const 1)) (local.get $s)) (local.get $A1B)))
          (local.set $off (i32.const 0))
          (local.set $end (i32.sub (local.get $A1B) (i32.const 16)))
          (block $pdone
            (loop $pairs
              (br_if $pdone (i32.gt_s (local.get $off) (local.get $end)))
              (local.set $rural (v128.load align=8 (i32.add (local.get $ruralP) (local.get $off))))
              (local.set $migrant (v128.load align=8 (i32.add (local.get $migrantP) (local.get $off))))
              (local.set $mv (v128.load align=8 (i32.add (local.get $m) (i32.add (local.get $rateOff) (local.get $off)))))
              (local.set $kv (v128.load align=8 (i32.add (local.get $k) (i32.add (local.get $rateOff) (local.get $off)))))
              (local.set $qv (v128.load align=8 (i32.add (local.get $q) (i32.add (local.get $rateOff) (local.get $off)))))
              (local.set $moved (f64x2.mul (local.get $rural) (local.get $mv)))
              (local.set $ins (f64x2.mul (local.get $rural) (local.get $crv)))
              (local.set $conv (f64x2.mul (local.get $migrant) (local.get $kv)))
              (local.set $back (f64x2.mul (local.get $migrant) (local.get $qv)))
              (local.set $ruralStay (f64x2.sub (f64x2.sub (local.get $one) (local.get $mv)) (local.get $crv)))
              (local.set $migrantStay (f64x2.sub (f64x2.sub (local.get $one) (local.get $kv)) (local.get $qv)))
              (local.set $ruralLeft (v128.and (f64x2.mul (local.get $rural) (local.get $ruralStay)) (f64x2.gt (local.get $ruralStay) (local.get $zero))))
              (local.set $migrantLeft (v128.and (f64x2.mul (local.get $migrant) (local.get $migrantStay)) (f64x2.gt (local.get $migrantStay) (local.get $zero))))
              (v128.store align=8 (i32.add (local.get $ruralP) (local.get $off))
                (select (result v128) (f64x2.add (local.get $ruralLeft) (local.get $back)) (local.get $ruralLeft) (local.get $stayE)))
              (v128.store align=8 (i32.add (local.get $migrantP) (local.get $off))
                (select (result v128) (f64x2.add (local.get $migrantLeft) (local.get $moved)) (local.get $migrantLeft) (local.get $stayD)))
              (v128.store align=8 (i32.add (local.get $hukouP) (local.get $off))
                (f64x2.add (v128.load align=8 (i32.add (local.get $hukouP) (local.get $off))) (f64x2.add (local.get $ins) (local.get $conv))))
              (v128.store align=8 (i32.add (local.get $mig) (i32.add (local.get $rateOff) (local.get $off))) (local.get $moved))
              (v128.store align=8 (i32.add (local.get $ret) (i32.add (local.get $rateOff) (local.get $off))) (local.get $back))
              (local.set $sumMig (f64.add (f64.add (local.get $sumMig) (f64x2.extract_lane 0 (local.get $moved))) (f64x2.extract_lane 1 (local.get $moved))))
              (local.set $sumIns (f64.add (f64.add (local.get $sumIns) (f64x2.extract_lane 0 (local.get $ins))) (f64x2.extract_lane 1 (local.get $ins))))
              (local.set $sumConv (f64.add (f64.add (local.get $sumConv) (f64x2.extract_lane 0 (local.get $conv))) (f64x2.extract_lane 1 (local.get $conv))))
              (local.set $sumRet (f64.add (f64.add (local.get $sumRet) (f64x2.extract_lane 0 (local.get $back))) (f64x2.extract_lane 1 (local.get $back))))
              (local.set $off (i32.add (local.get $off) (i32.const 16)))
              (br $pairs)))
          ;; the last age when A + 1 is odd
          (if (i32.lt_s (local.get $off) (local.get $A1B))
            (then
              (local.set $ruralS (f64.load align=8 (i32.add (local.get $ruralP) (local.get $off))))
              (local.set $migrantS (f64.load align=8 (i32.add (local.get $migrantP) (local.get $off))))
              (local.set $mvS (f64.load align=8 (i32.add (local.get $m) (i32.add (local.get $rateOff) (local.get $off)))))
              (local.set $kvS (f64.load align=8 (i32.add (local.get $k) (i32.add (local.get $rateOff) (local.get $off)))))
              (local.set $qvS (f64.load align=8 (i32.add (local.get $q) (i32.add (local.get $rateOff) (local.get $off)))))
              (local.set $movedS (f64.mul (local.get $ruralS) (local.get $mvS)))
              (local.set $insS (f64.mul (local.get $ruralS) (local.get $cr)))
              (local.set $convS (f64.mul (local.get $migrantS) (local.get $kvS)))
              (local.set $backS (f64.mul (local.get $migrantS) (local.get $qvS)))
              (local.set $stayS (f64.sub (f64.sub (f64.const 1) (local.get $mvS)) (local.get $cr)))
              (local.set $leftS (select (f64.mul (local.get $ruralS) (local.get $stayS)) (f64.const 0) (f64.gt (local.get $stayS) (f64.const 0))))
              (f64.store align=8 (i32.add (local.get $ruralP) (local.get $off))
                (select (f64.add (local.get $leftS) (local.get $backS)) (local.get $leftS) (local.get $stayE)))
              (local.set $stayS (f64.sub (f64.sub (f64.const 1) (local.get $kvS)) (local.get $qvS)))
              (local.set $leftS (select (f64.mul (local.get $migrantS) (local.get $stayS)) (f64.const 0) (f64.gt (local.get $stayS) (f64.const 0))))
              (f64.store align=8 (i32.add (local.get $migrantP) (local.get $off))
                (select (f64.add (local.get $leftS) (local.get $movedS)) (local.get $leftS) (local.get $stayD)))
              (f64.store align=8 (i32.add (local.get $hukouP) (local.get $off))
                (f64.add (f64.load align=8 (i32.add (local.get $hukouP) (local.get $off))) (f64.add (local.get $insS) (local.get $convS))))
              (f64.store align=8 (i32.add (local.get $mig) (i32.add (local.get $rateOff) (local.get $off))) (local.get $movedS))
              (f64.store align=8 (i32.add (local.get $ret) (i32.add (local.get $rateOff) (local.get $off))) (local.get $backS))
              (local.set $sumMig (f64.add (local.get $sumMig) (local.get $movedS)))
              (local.set $sumIns (f64.add (local.get $sumIns) (local.get $insS)))
              (local.set $sumConv (f64.add (local.get $sumConv) (local.get $convS)))
              (local.set $sumRet (f64.add (local.get $sumRet) (local.get $backS)))))
          (local.set $s (i32.add (local.get $s) (i32.const 1)))
          (br_if $sexes (i32.lt_s (local.get $s) (i32.const 2))))
        ;; 5. net international migrants of the statuses no move reaches; the sum over all
        (local.set $sumN (f64.const 0))
        (if (local.get $n)
          (then
            (local.set $h (i32.const 0))
            (loop $nstatuses
              (local.set $cell (i32.shr_u (i32.add (local.get $regionB) (i32.mul (local.get $h) (local.get $sexB))) (i32.const 3)))
              (local.set $end (i32.add (local.get $cell) (i32.shl (local.get $A1) (i32.const 1))))
              (if (i32.eqz (local.get $nsums))
                (then (local.set $sumN (call $sumN (local.get $n) (local.get $cell) (local.get $end) (local.get $sumN)))))
              (local.set $now (i32.or (i32.eq (local.get $h) (i32.const 2))
                (select (local.get $stayE) (local.get $stayD) (i32.eqz (local.get $h)))))
              (if (local.get $now)
                (then (local.set $first (call $addN (local.get $n) (local.get $S) (local.get $cell) (local.get $end) (local.get $first)))))
              (local.set $h (i32.add (local.get $h) (i32.const 1)))
              (br_if $nstatuses (i32.lt_s (local.get $h) (i32.const 3))))
            (if (local.get $nsums)
              (then (local.set $sumN (f64.load align=8 (i32.add (local.get $nsums) (i32.shl (local.get $r) (i32.const 3)))))))))
        (local.set $off (i32.shl (local.get $R) (i32.const 3)))
        (f64.store align=8 (local.get $flowR) (local.get $births))
        (local.set $flowR (i32.add (local.get $flowR) (local.get $off)))
        (f64.store align=8 (local.get $flowR) (local.get $deathsR))
        (local.set $flowR (i32.add (local.get $flowR) (local.get $off)))
        (f64.store align=8 (local.get $flowR) (local.get $sumMig))
        (local.set $flowR (i32.add (local.get $flowR) (local.get $off)))
        (f64.store align=8 (local.get $flowR) (local.get $sumIns))
        (local.set $flowR (i32.add (local.get $flowR) (local.get $off)))
        (f64.store align=8 (local.get $flowR) (local.get $sumConv))
        (local.set $flowR (i32.add (local.get $flowR) (local.get $off)))
        (f64.store align=8 (local.get $flowR) (local.get $sumRet))
        (local.set $flowR (i32.add (local.get $flowR) (local.get $off)))
        (f64.store align=8 (local.get $flowR) (local.get $sumN))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $regions)))
    ;; 4. dense moves: movers through D into the migrants, returners through E into the rural
    (if (i32.eqz (local.get $stayD))
      (then (call $dense (local.get $D) (local.get $mig) (i32.add (local.get $S) (local.get $sexB)) (local.get $R) (i32.shl (local.get $A1) (i32.const 1)) (local.get $strideB) (local.get $buf))))
    (if (i32.eqz (local.get $stayE))
      (then (call $dense (local.get $E) (local.get $ret) (local.get $S) (local.get $R) (i32.shl (local.get $A1) (i32.const 1)) (local.get $strideB) (local.get $buf))))
    ;; who changed region: the in- and out-migrants of D's movers and E's returners (flows 7
    ;; and 8, from the totals of flows 2 and 5), and their difference (flow 9)
    (local.set $off (i32.shl (local.get $R) (i32.const 3)))
    (local.set $r (i32.const 0))
    (block $zdone
      (loop $zero
        (br_if $zdone (i32.ge_s (local.get $r) (local.get $R)))
        (local.set $flowR (i32.add (local.get $flows) (i32.shl (local.get $r) (i32.const 3))))
        (f64.store align=8 (i32.add (local.get $flowR) (i32.mul (local.get $off) (i32.const 7))) (f64.const 0))
        (f64.store align=8 (i32.add (local.get $flowR) (i32.mul (local.get $off) (i32.const 8))) (f64.const 0))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $zero)))
    (if (i32.eqz (local.get $stayD))
      (then (call $migration (local.get $D) (i32.add (local.get $flows) (i32.mul (local.get $off) (i32.const 2)))
        (i32.add (local.get $flows) (i32.mul (local.get $off) (i32.const 7))) (i32.add (local.get $flows) (i32.mul (local.get $off) (i32.const 8))) (local.get $R))))
    (if (i32.eqz (local.get $stayE))
      (then (call $migration (local.get $E) (i32.add (local.get $flows) (i32.mul (local.get $off) (i32.const 5)))
        (i32.add (local.get $flows) (i32.mul (local.get $off) (i32.const 7))) (i32.add (local.get $flows) (i32.mul (local.get $off) (i32.const 8))) (local.get $R))))
    (local.set $r (i32.const 0))
    (block $mdone
      (loop $net
        (br_if $mdone (i32.ge_s (local.get $r) (local.get $R)))
        (local.set $flowR (i32.add (local.get $flows) (i32.shl (local.get $r) (i32.const 3))))
        (f64.store align=8 (i32.add (local.get $flowR) (i32.mul (local.get $off) (i32.const 9)))
          (f64.sub (f64.load align=8 (i32.add (local.get $flowR) (i32.mul (local.get $off) (i32.const 7))))
                   (f64.load align=8 (i32.add (local.get $flowR) (i32.mul (local.get $off) (i32.const 8))))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $net)))
    ;; 5. net international migrants of the statuses the moves reached
    (if (i32.and (i32.ne (local.get $n) (i32.const 0)) (i32.eqz (i32.and (local.get $stayD) (local.get $stayE))))
      (then
        (local.set $r (i32.const 0))
        (block $ndone
          (loop $nregions
            (br_if $ndone (i32.ge_s (local.get $r) (local.get $R)))
            (local.set $h (i32.const 0))
            (loop $nst
              (if (i32.eqz (select (local.get $stayE) (local.get $stayD) (i32.eqz (local.get $h))))
                (then
                  (local.set $cell (i32.shr_u (i32.add (i32.mul (local.get $r) (local.get $strideB)) (i32.mul (local.get $h) (local.get $sexB))) (i32.const 3)))
                  (local.set $first (call $addN (local.get $n) (local.get $S) (local.get $cell)
                    (i32.add (local.get $cell) (i32.shl (local.get $A1) (i32.const 1))) (local.get $first)))))
              (local.set $h (i32.add (local.get $h) (i32.const 1)))
              (br_if $nst (i32.lt_s (local.get $h) (i32.const 2))))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $nregions)))))
    (local.get $first))
)
