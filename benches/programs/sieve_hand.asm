; The sieve of Eratosthenes to 10,000,000, written by hand: the algorithm of
; benches/programs/sieve.fs instruction for instruction as a person would
; write it, the yardstick for the code flux-viz generates from that program
; (benches/native.rs counts both). Prints the number of primes, 664579.
;
;     bool[] composite = new bool[N + 1];       all false: every number may be prime
;     for (p = 2; p <= N; p++)
;         if (!composite[p]) {                  nobody crossed p out: p is prime
;             count++;
;             for (m = p*p; m <= N; m += p)     smaller multiples of p were crossed
;                 composite[m] = true;          out by smaller primes already
;         }
;
; Registers, all caller-saved (no call happens between the allocation and the
; print, so nothing needs saving):
;     rdx  composite: N + 1 bytes, one per number, 1 = crossed out
;     rcx  p, the candidate
;     rax  m, the multiple being crossed out
;     esi  count, the primes found so far
; p*p is computed in 64 bits, so it cannot overflow (sieve.fs tests
; p <= N / p instead, which means the same).
;
; Not a file to assemble alone: benches/native.rs reads it with flux-viz's
; NASM reader and links it with the runtime (rt_alloc, rt_println_int, and the
; _start that calls flux$main), as the generated code is.

N equ 10000000

section .text
flux$main:
    sub rsp, 8                  ; _start called us: rsp + 8 is 16-byte aligned again
    mov edi, N + 1              ; one byte for each of 0..N
    call rt_alloc               ; rax = zeroed memory: no number is crossed out yet
    mov rdx, rax                ; rdx = composite
    xor esi, esi                ; count = 0
    mov ecx, 2                  ; p = 2, the first prime
.outer:
    cmp byte [rdx+rcx], 0       ; composite[p]?
    jne .next                   ; crossed out: p is not prime
    inc esi                     ; p is prime: count it
    mov rax, rcx
    imul rax, rcx               ; m = p*p, the first multiple left to cross out
    cmp rax, N
    ja .next                    ; p*p > N: nothing left to cross out for p
.cross:
    mov byte [rdx+rax], 1       ; composite[m] = true
    add rax, rcx                ; m += p, the next multiple
    cmp rax, N
    jbe .cross                  ; while m <= N
.next:
    inc rcx                     ; p++
    cmp rcx, N
    jbe .outer                  ; while p <= N
    mov edi, esi                ; the count, the argument of the print
    call rt_println_int         ; writes it and a newline to stdout
    add rsp, 8                  ; gives back the alignment slot
    ret                         ; back to _start, which exits with 0
