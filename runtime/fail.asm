; =============================================================================
; fail.asm: exceptions (throw, the handler chain, uncaught ends) and the
; failures that end the program at once.
;
; Generated code checks every dangerous operation with a compare and a
; conditional jump; the failing path calls a routine here with edi = the
; source line. The calls are calls, not jumps, though the routines never
; return: the return address says which function's check failed, so a
; debugger, or the Stack pane, can still unwind from there.
;
; THROWING (throw$null, throw$index, throw$divzero, throw$overflow,
; throw$cast, throw$argument_range): the check's exception is made on the
; heap, an EXCEPTION object of E_SIZE bytes
;
;   +0  E_KIND   its kind record: [exit code][the .NET line, a string]
;   +8  E_LINE   the source line it was thrown at (0: none)
;
; and thrown (rt_throw). Code that can catch an exception keeps a HANDLER
; RECORD in its stack frame and links it into a chain whose innermost record
; is rt_handler (H_PREV points outwards):
;
;   +0  H_PREV     the next outer record (0: none)
;   +8  H_HANDLER  the code to continue at, with the exception in rax
;   +16 H_RSP, +24 H_RBP, +32 H_RBX … +64 H_R15   the registers to come back with
;
; Throwing takes the innermost record off the chain, puts the registers back
; as they were when it was made and jumps to its handler: like setjmp and
; longjmp in C. Today the only records are the ones every async method's
; resume function makes on entry: its handler stores the exception in the
; task (the task FAULTS), as the try/catch C# wraps around MoveNext does.
; With no record, the exception is uncaught: rt_uncaught prints what .NET
; prints and exits with the kind's code (LANGUAGE.md section 5):
;
;   Unhandled exception. System.DivideByZeroException: Attempted to divide by zero.
;      at line 12
;
; FATAL (fail$oom, fail$stack, fail$deadlock): print the same kind of line
; and exit at once; no handler runs (as .NET cannot go on after a stack
; overflow, and a deadlock is not an exception at all).
; =============================================================================

STDERR          equ 2
SYS_EXIT        equ 60                  ; exit (seccomp strict mode allows no exit_group)

section .text

throw$null:
    lea rsi, [rel exc$null]
    jmp rt_throw_new

throw$index:
    lea rsi, [rel exc$index]
    jmp rt_throw_new

throw$divzero:
    lea rsi, [rel exc$divzero]
    jmp rt_throw_new

throw$overflow:
    lea rsi, [rel exc$overflow]
    jmp rt_throw_new

throw$cast:
    lea rsi, [rel exc$cast]
    jmp rt_throw_new

throw$argument_range:
    lea rsi, [rel exc$argument_range]
    jmp rt_throw_new

fail$oom:
    lea rsi, [rel msg_oom]
    mov edx, 6
    jmp rt_fail

fail$stack:
    lea rsi, [rel msg_stack]
    mov edx, 7
    jmp rt_fail

fail$deadlock:
    lea rsi, [rel msg_deadlock]
    mov edx, 9
    jmp rt_fail

; -----------------------------------------------------------------------------
; rt_throw_new(edi = source line, rsi = kind record): a new exception of that
; kind, thrown.
; -----------------------------------------------------------------------------
rt_throw_new:
    push rdi                            ; entered by a call and a jmp: rsp is 8 off,
    push rsi                            ; two pushes and 8 more make it 16-aligned
    sub rsp, 8
    mov edi, E_SIZE
    call rt_alloc                       ; the exception object
    add rsp, 8
    pop qword [rax + E_KIND]            ; its kind
    pop rdi
    mov [rax + E_LINE], rdi             ; where it was thrown
    mov rdi, rax
    jmp rt_throw

; -----------------------------------------------------------------------------
; rt_throw(rdi = exception): continue at the innermost handler, or end the
; program when there is none.
; -----------------------------------------------------------------------------
rt_throw:
    mov rcx, [rel rt_handler]           ; @throw rcx = the innermost handler record
    test rcx, rcx
    jz rt_uncaught                      ; no handler anywhere: the program ends
    mov rax, [rcx + H_PREV]
    mov [rel rt_handler], rax           ; the record is used up: the next outer one is innermost now
    mov rbx, [rcx + H_RBX]              ; the registers as they were when the record was made
    mov r12, [rcx + H_R12]
    mov r13, [rcx + H_R13]
    mov r14, [rcx + H_R14]
    mov r15, [rcx + H_R15]
    mov rax, rdi                        ; the handler receives the exception in rax
    mov rbp, [rcx + H_RBP]
    mov rsp, [rcx + H_RSP]              ; drops every frame made since: the stack is the handler's
    jmp [rcx + H_HANDLER]               ; @catch on to the handler

; rt_rethrow(rax = a faulted task): `await` or `.Result` of a faulted task
; throws the exception kept in it (the call marks where).
rt_rethrow:
    mov rdi, [rax + P_RESULT]
    jmp rt_throw

; -----------------------------------------------------------------------------
; rt_uncaught(rdi = exception): the exception reached no handler.
; -----------------------------------------------------------------------------
rt_uncaught:
    mov rax, [rdi + E_KIND]             ; @uncaught rax = its kind record
    mov rsi, [rax + 8]                  ; the .NET line
    mov edx, [rax]                      ; the exit code
    mov edi, [rdi + E_LINE]             ; where it was thrown
    jmp rt_fail

; -----------------------------------------------------------------------------
; rt_fail(edi = source line or 0, rsi = message string, edx = exit code)
; -----------------------------------------------------------------------------
rt_fail:
    mov ebx, edi                        ; keep the line, the message and the code
    mov r12, rsi                        ; in registers the calls below leave alone
    mov r13d, edx
    lea rsi, [rel msg_unhandled]
    call rt_eprint_str                  ; "Unhandled exception. "
    mov rsi, r12
    call rt_eprint_str                  ; "System.XxxException: message"
    lea rsi, [rel msg_newline]
    call rt_eprint_str
    test ebx, ebx
    jz .exit                            ; line 0: no location to show
    lea rsi, [rel msg_at_line]
    call rt_eprint_str                  ; "   at line "
    sub rsp, 24                         ; digit buffer
    mov edi, ebx
    lea rsi, [rsp + 24]
    call rt_format_int                  ; rax = first digit
    lea rdx, [rsp + 24]
    sub rdx, rax
    mov rsi, rax
    mov edi, STDERR
    call rt_write                       ; the line number
    add rsp, 24                         ; the buffer is done with: both ways to .exit
    lea rsi, [rel msg_newline]          ; arrive with the same rsp, so the frame
    call rt_eprint_str                  ; table (and a debugger) can unwind there
.exit:
    mov edi, r13d                       ; the exit code
    mov eax, SYS_EXIT
    syscall

; rt_eprint_str(rsi = string): writes a string to stderr.
rt_eprint_str:
    mov rdx, [rsi]                      ; count = the length field
    add rsi, 8                          ; bytes follow it
    mov edi, STDERR
    jmp rt_write

section .data

align 8
rt_handler:     dq 0                    ; the innermost handler record (0: none)

section .rodata

; The kind records of the exceptions the checks throw: [exit code][message].
align 8
exc$null:           dq 2, msg_null
exc$index:          dq 3, msg_index
exc$divzero:        dq 4, msg_divzero
exc$overflow:       dq 5, msg_overflow
exc$cast:           dq 8, msg_cast
exc$argument_range: dq 1, msg_argument_range  ; any other exception: exit 1, as .NET

; Messages in the string layout (length, bytes), as .NET words them.
msg_unhandled:
    dq 21
    db "Unhandled exception. "
    align 8, db 0
msg_newline:
    dq 1
    db 10
    align 8, db 0
msg_at_line:
    dq 11
    db "   at line "
    align 8, db 0
msg_null:
    dq 84
    db "System.NullReferenceException: Object reference not set to an instance of an object."
    align 8, db 0
msg_index:
    dq 75
    db "System.IndexOutOfRangeException: Index was outside the bounds of the array."
    align 8, db 0
msg_divzero:
    dq 58
    db "System.DivideByZeroException: Attempted to divide by zero."
    align 8, db 0
msg_overflow:
    dq 71
    db "System.OverflowException: Arithmetic operation resulted in an overflow."
    align 8, db 0
msg_oom:
    dq 90
    db "System.OutOfMemoryException: Insufficient memory to continue the execution of the program."
    align 8, db 0
msg_stack:
    dq 65
    db "System.StackOverflowException: Operation caused a stack overflow."
    align 8, db 0
msg_cast:
    dq 57
    db "System.InvalidCastException: Specified cast is not valid."
    align 8, db 0
msg_deadlock:
    dq 30
    db "deadlock: Main never completed"
    align 8, db 0
msg_argument_range:
    dq 126
    db "System.ArgumentOutOfRangeException: The value needs to be either -1 (signifying an infinite timeout), 0 or a positive integer."
