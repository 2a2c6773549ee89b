; =============================================================================
; start.asm: the program entry point, the stack and the heap arena.
;
; The flux-viz runtime is plain x86-64 assembly with no C library. Generated code
; and runtime together form one static program that talks to the outside world
; only through two Linux system calls: write (1) and exit_group (231).
;
; RUNTIME API
; All routines follow the System V AMD64 calling convention: arguments in rdi,
; rsi, rdx, rcx; the result in rax; rbx, rbp, r12-r15 and rsp are preserved;
; every other register (rcx, rdx, rsi, rdi, r8-r11, flags) may be changed.
; Values: int/long/char/bool travel as full 64-bit registers (int sign-extended).
; A string is a pointer to [length: u64][UTF-8 bytes]; null (0) is allowed where
; noted. None of these routines needs rsp to be 16-byte aligned.
;
;   _start                         entry: own stack, heap pointer, call flux$main, exit 0
;   flux$main                      (defined by the generated code) the program's Main
;   rt_stack_limit   (qword data)  prologue check: cmp rsp, [rel rt_stack_limit]; jb → fail$stack
;   rt_alloc(rdi=size) → rax       zeroed, 8-aligned heap memory; exhausted → fail$oom
;   rt_str_concat(rdi=a, rsi=b) → rax     new string a+b (null counts as "")
;   rt_str_from_int(rdi=n) → rax          decimal text of a signed 64-bit n
;   rt_str_from_char(rdi=c) → rax         one UTF-16 code unit as UTF-8 text
;   rt_str_from_bool(rdi=b) → rax         "True" / "False" (no allocation)
;   rt_str_eq(rdi=a, rsi=b) → rax         1 if equal contents (null == null), else 0
;   rt_print_str(rdi=s)   rt_println_str(rdi=s)     null prints nothing
;   rt_print_int(rdi=n)   rt_println_int(rdi=n)     no allocation
;   rt_print_char(rdi=c)  rt_println_char(rdi=c)
;   rt_print_bool(rdi=b)  rt_println_bool(rdi=b)
;   rt_print_newline()
;   fail$null fail$index fail$divzero fail$overflow fail$oom fail$stack
;   fail$cast fail$deadlock (edi = source line, 0 = none): print the .NET
;                                  exception line on stderr, exit 2..9; never return
;   rt_str_empty, rt_str_true, rt_str_false   string constants in .rodata
;
; Reserved for the async runtime (event loop, promises, timers): a later file
; (async.asm) adds its routines; it allocates frames and promises with rt_alloc.
;
; MEMORY LAYOUT (addresses fixed by src/link.rs; the same natively and emulated)
;   .text    0x401000        generated code, then the runtime
;   .rodata  next page       string literals, vtables, messages
;   .data    next page       static fields, the heap pointer
;   .bss     next page
;   guard    one page        never mapped: running off the stack faults here
;   .stack   STACK_SIZE      rsp starts at the top and grows down
;   .heap    HEAP_SIZE       the bump allocator's arena, zero-filled by the loader
; =============================================================================

STACK_SIZE      equ 8 * 1024 * 1024     ; 8 MiB, like the default Linux main thread
STACK_HEADROOM  equ 64 * 1024           ; kept free below the limit for the failure path
HEAP_SIZE       equ 128 * 1024 * 1024   ; room for well over 10,000 live async frames

SYS_EXIT_GROUP  equ 231

global _start

section .text

; -----------------------------------------------------------------------------
; _start: where the loader (or the emulator) begins. There is no caller and no
; return address; rsp points at the kernel's argument block, which we ignore.
; -----------------------------------------------------------------------------
_start:
    lea rsp, [rel rt_stack_top]         ; our own stack: overflow happens at the same depth everywhere
    xor ebp, ebp                        ; a zero frame pointer marks the outermost frame
    lea rax, [rel rt_heap]              ; the first free heap byte is the arena's start
    mov [rel rt_heap_ptr], rax          ; every rt_alloc bumps this pointer up
    call flux$main                      ; run Main; rsp is 16-byte aligned before the call, as the ABI wants
    xor edi, edi                        ; exit code 0: Main returned normally
    mov eax, SYS_EXIT_GROUP             ; exit_group ends the whole process
    syscall

section .rodata

; The stack check of every function prologue compares rsp against this value.
; Stopping STACK_HEADROOM bytes early leaves room for fail$stack to print.
rt_stack_limit:
    dq rt_stack_bottom + STACK_HEADROOM

section .data

; The bump allocator's pointer: the next free byte of the heap arena.
rt_heap_ptr:
    dq 0

section .stack

; The stack grows down from rt_stack_top towards rt_stack_bottom. The linker
; leaves the page below rt_stack_bottom unmapped (the guard page).
rt_stack_bottom:
    resb STACK_SIZE
rt_stack_top:

section .heap

; The heap arena. It is zero-filled when the program starts and the bump
; allocator never reuses memory, so every allocation comes back zeroed.
rt_heap:
    resb HEAP_SIZE
rt_heap_end:
