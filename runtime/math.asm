; =============================================================================
; math.asm: the double routines C# gets from the C library (fmod, sqrt, pow).
;
; A double travels in a general register as its 64 IEEE 754 bits, as every
; Flux# value does (rdi, rsi in; rax out). SSE2 computes +, -, *, / and the
; square root exactly rounded. The remainder is exact integer arithmetic on
; the mantissas. The power needs more precision than a double has: the x87
; FPU's 80-bit registers hold a 64-bit mantissa, 11 bits to spare, and only
; its exactly rounded operations are used (load, store, +, -, *, /, round to
; an integer, scale by a power of two), never its transcendental
; instructions, whose precision differs from one implementation to another
; (an emulator's and a CPU's). The x87 works on a stack of registers, st0
; (top) to st7: `fld` pushes, `fstp` stores and pops, and values go in and
; out through memory, here the 24 bytes below the return address.
; =============================================================================

section .text

; -----------------------------------------------------------------------------
; rt_fmod(rdi = x, rsi = y) → rax = x % y, the remainder C# computes for
; doubles: x - n·y with n = x / y truncated toward zero, with the sign of x
; (the C library's fmod). The result is always exactly a double, so it is
; computed exactly: a mantissa is a 53-bit whole number, and the remainder is
; long division of x's mantissa by y's, one bit of the quotient per step.
; -----------------------------------------------------------------------------
rt_fmod:
    mov r8, rdi
    shr r8, 63
    shl r8, 63                          ; r8 = the sign bit of x (the result's)
    mov rax, rdi
    btr rax, 63                         ; rax = |x|, as bits
    mov rdx, rsi
    btr rdx, 63                         ; rdx = |y|, as bits
    mov r10, 0x7FF0000000000000         ; the bits of infinity
    cmp rax, r10
    jae .nan                            ; x infinite or NaN: NaN
    cmp rdx, r10
    ja .nan                             ; y NaN: NaN
    test rdx, rdx
    jz .nan                             ; y zero: NaN
    cmp rax, rdx
    jb .x                               ; |x| < |y| (y infinite too): x itself
    mov rcx, rax
    shr rcx, 52                         ; rcx = x's biased exponent
    mov r11, rdx
    shr r11, 52                         ; r11 = y's biased exponent
    mov r9, 0x000FFFFFFFFFFFFF
    and rax, r9                         ; the 52 stored mantissa bits
    and rdx, r9
    mov r10, 0x0010000000000000         ; 2^52: the implicit leading bit
    test rcx, rcx
    jz .x_subnormal
    or rax, r10                         ; a normal double's leading 1
    jmp .y_split
.x_subnormal:
    mov ecx, 1                          ; subnormals: exponent 1, no leading 1
.x_normalize:
    cmp rax, r10
    jae .y_split
    shl rax, 1                          ; make the leading bit bit 52
    dec rcx
    jmp .x_normalize
.y_split:
    test r11, r11
    jz .y_subnormal
    or rdx, r10
    jmp .divide
.y_subnormal:
    mov r11d, 1
.y_normalize:
    cmp rdx, r10
    jae .divide
    shl rdx, 1
    dec r11
    jmp .y_normalize
.divide:                                ; x = rax·2^rcx, y = rdx·2^r11 (same scale)
    cmp rcx, r11
    jle .last_step
    cmp rax, rdx
    jb .next_bit
    sub rax, rdx                        ; this quotient bit is 1
.next_bit:
    shl rax, 1                          ; bring down the next bit (rax < 2^54)
    dec rcx
    jmp .divide
.last_step:
    cmp rax, rdx
    jb .pack
    sub rax, rdx
.pack:
    test rax, rax
    jz .zero                            ; divides exactly: a zero with x's sign
.renormalize:
    cmp rax, r10
    jae .normal
    shl rax, 1
    dec rcx
    jmp .renormalize
.normal:
    cmp rcx, 1
    jl .subnormal
    and rax, r9                         ; drop the implicit bit
    shl rcx, 52
    or rax, rcx                         ; the exponent field
    or rax, r8                          ; and x's sign
    ret
.subnormal:
    neg rcx
    inc rcx                             ; 1 - exponent: the bits to shift out (all zero)
    shr rax, cl
    or rax, r8
    ret
.zero:
    mov rax, r8
    ret
.x:
    mov rax, rdi
    ret
.nan:
    mov rax, 0xFFF8000000000000         ; the NaN SSE2 itself produces
    ret

; -----------------------------------------------------------------------------
; rt_sqrt(rdi = x) → rax = √x, correctly rounded (NaN for x < 0), as Math.Sqrt.
; -----------------------------------------------------------------------------
rt_sqrt:
    movq xmm0, rdi                      ; the bits into an SSE register
    sqrtsd xmm0, xmm0                   ; one instruction: IEEE's square root
    movq rax, xmm0
    ret

; -----------------------------------------------------------------------------
; rt_pow(rdi = x, rsi = y) → rax = x to the power y, for x > 0 and both
; finite (lib/System.fs's Math.Pow handles signs, zeros, infinities, NaN).
; A whole y up to 32 multiplies: x^13 = x^8 · x^4 · x, squaring x once per
; bit of 13. Each product is rounded to 64 bits and a squaring doubles the
; error before it, so after five squarings the result is within 32·2^-64 of
; exact before its one rounding to a double (and exact when x^y is a double
; of few digits: Math.Pow(10, 15)). Any other y goes
; through logarithms, x^y = 2^t with t = y·log2(x):
;   log2(x) = k + ln(m)·log2(e) for x = m·2^k, m in [√½, √2), with
;   ln(m) = 2(s + s³/3 + s⁵/5 + …), s = (m - 1)/(m + 1), |s| < 0.18;
;   2^t = e^(f·ln 2) · 2^n for t = n + f, |f| ≤ ½, with e^z's Taylor series,
;   f taken from y·k (exact) and y·log2(m) apart, so it keeps its precision
;   when t is large.
; -----------------------------------------------------------------------------
rt_pow:
    sub rsp, 24
    mov [rsp], rsi
    mov [rsp + 8], rdi
    movq xmm0, rsi
    cvttsd2si rax, xmm0                 ; n = y truncated (huge y: long.MinValue)
    cvtsi2sd xmm1, rax
    ucomisd xmm0, xmm1
    jne .logarithms                     ; y is not a whole number
    mov rcx, rax
    cmp rcx, 32
    jg .logarithms                      ; more squarings than the precision allows
    cmp rcx, -32
    jl .logarithms
    test rcx, rcx
    jns .count
    neg rcx                             ; x^-n = 1 / x^n
.count:
    fld qword [rsp + 8]                 ; st0 = x (the square for this bit)
    fld1                                ; st0 = product = 1, st1 = square
.bit:
    test ecx, 1
    jz .next
    fmul st0, st1                       ; this bit of n is set: product *= square
.next:
    shr ecx, 1
    jz .multiplied
    fxch st0, st1
    fmul st0, st0                       ; square *= square (x^2, x^4, x^8, ...)
    fxch st0, st1
    jmp .bit
.multiplied:
    fstp st1                            ; st0 = product (the square popped)
    test rax, rax
    jns .store
    fld1                                ; st0 = 1, st1 = product
    fdivrp st1, st0                     ; st0 = 1 / product
    jmp .store
.logarithms:
    mov rax, rdi
    xor r8d, r8d                        ; r8 = what a subnormal x adds to k
    mov rcx, rax
    shr rcx, 52                         ; the biased exponent
    test rcx, rcx
    jnz .split
    fld qword [rsp + 8]                 ; a subnormal x: times 2^64 (exact) ...
    fmul qword [rel two_to_64]
    fstp qword [rsp + 8]
    mov rax, [rsp + 8]
    mov r8, -64                         ; ... and 64 off its exponent
    mov rcx, rax
    shr rcx, 52
.split:
    sub rcx, 1023
    add rcx, r8                         ; rcx = k
    mov r9, 0x000FFFFFFFFFFFFF
    and rax, r9
    mov r9, 0x3FF0000000000000
    or rax, r9                          ; m = x / 2^k, in [1, 2)
    mov r9, 0x3FF6A09E667F3BCD          ; √2
    cmp rax, r9
    jb .reduced
    mov r9, 0x0010000000000000
    sub rax, r9                         ; m / 2 (its exponent one less), in [√½, 1)
    inc rcx
.reduced:
    mov [rsp + 8], rax
    mov [rsp + 16], rcx
    fld qword [rsp + 8]                 ; st0 = m
    fld1
    fsubp st1, st0                      ; st0 = m - 1 (exact)
    fld qword [rsp + 8]
    fld1
    faddp st1, st0                      ; st0 = m + 1 (exact), st1 = m - 1
    fdivp st1, st0                      ; st0 = s = (m - 1) / (m + 1)
    fld st0
    fmul st0, st0                       ; st0 = s², st1 = s
    fldz                                ; st0 = sum = 0
    mov ecx, 25
.series:                                ; sum = sum·s² + 1/ecx, for ecx = 25, 23, ..., 1
    fmul st0, st1
    mov [rsp], rcx
    fild qword [rsp]                    ; st0 = ecx
    fld1
    fdivrp st1, st0                     ; st0 = 1 / ecx
    faddp st1, st0
    sub ecx, 2
    jns .series
    fstp st1                            ; st0 = sum = 1 + s²/3 + s⁴/5 + ..., st1 = s
    fmulp st1, st0                      ; st0 = s · sum
    fadd st0, st0                       ; st0 = ln(m)
    fldl2e
    fmulp st1, st0                      ; st0 = log2(m)
    mov [rsp], rsi
    fmul qword [rsp]                    ; st0 = b = y·log2(m)
    fild qword [rsp + 16]               ; st0 = k, st1 = b
    fmul qword [rsp]                    ; st0 = a = y·k, exact (53 + 11 bits fit in 64), st1 = b
    fld st0
    fadd st0, st2                       ; st0 = t = a + b = y·log2(x), st1 = a, st2 = b
    fld st0
    fabs                                ; st0 = |t|, st1 = t, st2 = a, st3 = b
    fld qword [rel pow_limit]           ; st0 = 2100, st1 = |t|, ...
    fcomip st0, st1                     ; compare 2100 with |t| (sets the CPU flags), pop
    fstp st0                            ; drop |t|: st0 = t, st1 = a, st2 = b
    jb .out_of_range                    ; |t| > 2100: 2^t is beyond every double
    frndint                             ; st0 = n = t rounded to a whole number
    fxch st0, st1                       ; st0 = a, st1 = n, st2 = b
    fsub st0, st1                       ; st0 = a - n (exact but for its last bit)
    faddp st2, st0                      ; st1 = f = (a - n) + b, popped: st0 = n
    fxch st0, st1                       ; st0 = f, st1 = n, |f| ≤ ½: computed from b
                                        ; and a - n, never from the rounded t, so f
                                        ; keeps 64 bits however large t is
    fldln2
    fmulp st1, st0                      ; st0 = z = f·ln 2, |z| < 0.35
    fld1                                ; st0 = p = 1, st1 = z, st2 = n
    mov ecx, 20
.exponential:                           ; p = 1 + z·p/ecx, for ecx = 20, 19, ..., 1
    fmul st0, st1
    mov [rsp + 8], rcx
    fild qword [rsp + 8]
    fdivp st1, st0
    fld1
    faddp st1, st0
    dec ecx
    jnz .exponential
    fstp st1                            ; st0 = e^z = 2^f, st1 = n
    fscale                              ; st0 = 2^f · 2^n
    fstp st1                            ; st0 = the power (n popped)
.store:
    fstp qword [rsp]                    ; rounded to a double, popped
    mov rax, [rsp]
    add rsp, 24
    ret
.out_of_range:
    fstp qword [rsp]                    ; t, popped
    fstp st0                            ; a and b too: the FPU stack is empty again
    fstp st0
    mov rax, 0x7FF0000000000000         ; +infinity when t > 0 ...
    xor edx, edx                        ; ... +0 when t < 0
    test byte [rsp + 7], 0x80           ; the sign bit of t
    cmovnz rax, rdx
    add rsp, 24
    ret

; -----------------------------------------------------------------------------
; rt_double_bits(rdi = a double or a long) → rax = the same 64 bits: the
; BitConverter conversions, free because a double already travels as bits.
; -----------------------------------------------------------------------------
rt_double_bits:
    mov rax, rdi
    ret

section .rodata

align 8
two_to_64:
    dq 0x43F0000000000000               ; 2^64
pow_limit:
    dq 0x40A0680000000000               ; 2100.0: 2^2100 overflows and 2^-2100 underflows any double
