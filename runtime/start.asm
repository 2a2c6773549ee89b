; =============================================================================
; start.asm: the program entry point, the stack and the heap arena.
;
; The flux-viz runtime is plain x86-64 assembly with no C library. Generated code
; and runtime together form one static program that talks to the outside world
; only through two Linux system calls: write (1) and exit (60). Before it runs
; any generated code, _start asks the kernel to enforce exactly that: seccomp
; strict mode allows read, write, exit and sigreturn, and kills the process
; (SIGKILL) at any other system call. The emulator models the same rule.
;
; RUNTIME API
; All routines follow the System V AMD64 calling convention: arguments in rdi,
; rsi, rdx, rcx; the result in rax; rbx, rbp, r12-r15 and rsp are preserved;
; every other register (rcx, rdx, rsi, rdi, r8-r11, flags) may be changed.
; Values: int/long/char/bool travel as full 64-bit registers (int sign-extended).
; A string is a pointer to [length: u64][UTF-16 code units], as in C#; null (0)
; is allowed where noted. Output is written as UTF-8. None of these routines needs rsp to be 16-byte aligned.
;
;   _start                         entry: seccomp, own stack, heap pointer, call flux$main, exit 0
;   flux$main                      (defined by the generated code) the program's Main
;   rt_args(rdi=kernel block) → rax       string[] of argv[1..] for Main(string[] args)
;   rt_argv_block    (qword data)  where the kernel's argument block is (rsp at _start)
;   rt_stack_limit   (qword data)  prologue check: cmp rsp, [rel rt_stack_limit]; jb → fail$stack
;   rt_alloc(rdi=size) → rax       zeroed, 8-aligned heap memory; exhausted → fail$oom
;   rt_str_concat(rdi=a, rsi=b) → rax     new string a+b (null counts as "")
;   rt_str_from_int(rdi=n) → rax          decimal text of a signed 64-bit n
;   rt_str_from_char(rdi=c) → rax         a one-character string
;   rt_str_from_utf8(rdi=bytes, rsi=count) → rax   UTF-8 text decoded to a string
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
; ROLE ANNOTATIONS
; A comment that starts with `@name` (or `@name(argument)`) tells the stepping
; engine what the instruction is for; the NASM reader (src/nasm.rs) turns it
; into a typed Role (src/asm/role.rs) and the rest of the comment is the
; explanation. Events come from these roles, never from the wording of a
; comment. The names: @poll (the event loop's continuation call), @complete
; (rt_complete's entry), @wake (rt_enqueue's entry), @timer-advance,
; @timer-fire, @timer-set, @made(timer | when-all | from-result) (the
; instruction after the rt_alloc that made a promise, with it in rax),
; @no-return (a call that never returns: a failure routine's).
;
; MEMORY LAYOUT (addresses fixed by src/link.rs; the same natively and emulated)
;   .text    0x401000        generated code, then the runtime
;   .rodata  next page       string literals, vtables, messages
;   .data    next page       static fields, the heap pointer
;   .bss     next page
;   guard    16 MiB + 1 page never mapped: larger than any single `sub rsp` the
;                            code generator emits, so nothing can step over it
;   .stack   STACK_SIZE      rsp starts at the top and grows down
;   .heap    HEAP_SIZE       the bump allocator's arena, zero-filled by the loader
; =============================================================================

STACK_SIZE      equ 8 * 1024 * 1024     ; 8 MiB, like the default Linux main thread
STACK_HEADROOM  equ 64 * 1024           ; kept free below the limit for the failure path
HEAP_SIZE       equ 128 * 1024 * 1024   ; room for well over 10,000 live async frames

SYS_EXIT        equ 60                  ; exit: the only way out that strict mode allows
SYS_PRCTL       equ 157
PR_SET_SECCOMP  equ 22
SECCOMP_MODE_STRICT equ 1
EXIT_NO_SECCOMP equ 70                  ; the kernel refused: do not run unconfined

global _start

section .text

; -----------------------------------------------------------------------------
; _start: where the loader (or the emulator) begins. There is no caller and no
; return address; rsp points at the kernel's argument block:
;   [rsp] = argc, [rsp+8] = argv[0], …, argv[argc-1], 0, the environment, …
; -----------------------------------------------------------------------------
_start:
    mov [rel rt_argv_block], rsp        ; keep the argument block for rt_args
    mov eax, SYS_PRCTL                  ; prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT):
    mov edi, PR_SET_SECCOMP             ; from here on the kernel kills the process at
    mov esi, SECCOMP_MODE_STRICT        ; any system call but read, write, exit and
    syscall                             ; sigreturn, whatever the program does
    test eax, eax                       ; 0 = the filter is on
    jnz .unconfined
    lea rsp, [rel rt_stack_top]         ; our own stack: overflow happens at the same depth everywhere
    xor ebp, ebp                        ; a zero frame pointer marks the outermost frame
    lea rax, [rel rt_heap]              ; the first free heap byte is the arena's start
    mov [rel rt_heap_ptr], rax          ; every rt_alloc bumps this pointer up
    call flux$main                      ; run Main; rsp is 16-byte aligned before the call, as the ABI wants
    xor edi, edi                        ; exit code 0: Main returned normally
.exit:
    mov eax, SYS_EXIT                   ; exit ends the process (its only thread)
    syscall
.unconfined:
    mov edi, EXIT_NO_SECCOMP            ; without the filter we do not run at all
    jmp .exit

; -----------------------------------------------------------------------------
; rt_args(rdi = the kernel's argument block) → rax = a string[] holding
; argv[1] … argv[argc-1] (argv[0] is the program's own name, which C# leaves
; out of Main's args). Each C string's UTF-8 is decoded into a Flux# string
; [length][UTF-16 code units]. Called by flux$main only when Main takes
; string[] args.
; -----------------------------------------------------------------------------
rt_args:
    push rbx
    push r12
    push r13
    push r14
    push r15
    mov rbx, rdi                        ; rbx = &argc
    mov r12, [rbx]                      ; r12 = argc
    dec r12                             ; r12 = number of arguments after the name
    lea rdi, [r12 + 1]                  ; the array: [length][one string pointer each]
    shl rdi, 3                          ; = 8 * (argc - 1) + 8 bytes
    call rt_alloc
    mov r13, rax                        ; r13 = the array
    mov [r13], r12                      ; @made(string-array) its length
    xor r14d, r14d                      ; r14 = i, the argument being copied
.next:
    cmp r14, r12
    jae .done
    mov r15, [rbx + r14*8 + 16]         ; r15 = argv[i + 1], a zero-terminated C string
    xor esi, esi                        ; rsi = its length in bytes
.strlen:
    cmp byte [r15 + rsi], 0
    je .copy
    inc rsi
    jmp .strlen
.copy:
    mov rdi, r15
    call rt_str_from_utf8               ; the UTF-8 bytes as a UTF-16 string
    mov [r13 + 8 + r14*8], rax          ; args[i] = the new string
    inc r14
    jmp .next
.done:
    mov rax, r13
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    ret

section .data

; The stack check of every function prologue compares rsp against this value.
; Stopping STACK_HEADROOM bytes early leaves room for fail$stack to print.
; (Under `--lowering stackful` a task runs on its own stack: rt_fiber_resume
; puts that stack's limit here while it runs, and this one back after.)
rt_stack_limit:
    dq rt_stack_bottom + STACK_HEADROOM

; The bump allocator's pointer: the next free byte of the heap arena.
rt_heap_ptr:
    dq 0

; rsp as the kernel left it at _start: the address of argc (for rt_args).
rt_argv_block:
    dq 0

section .stack

; The stack grows down from rt_stack_top towards rt_stack_bottom. The linker
; leaves 16 MiB + 1 page below rt_stack_bottom unmapped (the guard). Every
; function checks how far it can reach against rt_stack_limit before it moves
; rsp, so a correct program meets StackOverflowException long before the guard.
rt_stack_bottom:
    resb STACK_SIZE
rt_stack_top:

section .heap

; The heap arena. It is zero-filled when the program starts and the bump
; allocator never reuses memory, so every allocation comes back zeroed.
rt_heap:
    resb HEAP_SIZE
rt_heap_end:
