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
; THROWING. An exception is an object of a class deriving from Exception
; (lib/System.fs, compiled with every program):
;
;   +0  E_VTABLE   its class's vtable: [class id][parent vtable][name]…
;   +8  E_MESSAGE  its Message, a string
;   +16 E_LINE     where it was thrown: the source line in the low 32 bits,
;                 the file above them (0: the program's own; not yet thrown: 0)
;
; `throw e;` calls rt_throw_at; a failing check calls throw$null,
; throw$index, throw$divzero, throw$overflow, throw$cast or
; throw$argument_range or throw$no_tasks, which make the check's exception here (no
; constructor runs: the vtable and the message are all it needs) and throw
; it. Code that can catch an exception keeps a HANDLER RECORD in its stack
; frame and links it into a chain whose innermost record is rt_handler
; (H_PREV points outwards):
;
;   +0  H_PREV     the next outer record (0: none)
;   +8  H_HANDLER  the code to continue at, with the exception in rax
;   +16 H_RSP, +24 H_RBP, +32 H_RBX … +64 H_R15   the registers to come back with
;
; Throwing takes the innermost record off the chain, puts the registers back
; as they were when it was made and jumps to its handler: like setjmp and
; longjmp in C. A `try` makes a record. So does whoever runs an async
; method's resume function: the event loop (one record for all the resumes
; it makes), a hot start (rt_start) and an inline resume (rt_wake_awaiters);
; their handlers store the exception in the task that was running (the task
; FAULTS), as the try/catch C# wraps around MoveNext does. The resume
; function itself makes no record, so resuming costs nothing for it. With no
; record, the exception is uncaught: rt_uncaught prints what .NET prints and
; exits with the code of the exception's class (LANGUAGE.md section 5; any
; other class: 1):
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
    lea rsi, [rel NullReferenceException$vtable]
    lea rdx, [rel msg_null]
    jmp rt_throw_new

throw$index:
    lea rsi, [rel IndexOutOfRangeException$vtable]
    lea rdx, [rel msg_index]
    jmp rt_throw_new

throw$divzero:
    lea rsi, [rel DivideByZeroException$vtable]
    lea rdx, [rel msg_divzero]
    jmp rt_throw_new

throw$overflow:
    lea rsi, [rel OverflowException$vtable]
    lea rdx, [rel msg_overflow]
    jmp rt_throw_new

throw$cast:
    lea rsi, [rel InvalidCastException$vtable]
    lea rdx, [rel msg_cast]
    jmp rt_throw_new

throw$argument_range:
    lea rsi, [rel ArgumentOutOfRangeException$vtable]
    lea rdx, [rel msg_argument_range]
    jmp rt_throw_new

throw$no_tasks:
    lea rsi, [rel ArgumentException$vtable]
    lea rdx, [rel msg_no_tasks]
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
; rt_throw_new(rdi = source position, rsi = vtable, rdx = message): a new
; exception of that class, thrown.
; -----------------------------------------------------------------------------
rt_throw_new:
    push rdi                            ; entered by a call and a jmp: rsp is 8 off,
    push rsi                            ; three pushes make it 16-aligned
    push rdx                            ; (the message)
    mov edi, E_SIZE                     ; [vtable][Message][line]: 24 bytes
    call rt_alloc                       ; the exception object
    pop qword [rax + E_MESSAGE]         ; its message
    pop qword [rax + E_VTABLE]          ; its class
    pop rdi                             ; @made(exception) rdi = where it was thrown; rax is now an object of its class
    mov [rax + E_LINE], rdi             ; where it was thrown
    mov rdi, rax                        ; the exception, for rt_throw
    jmp rt_throw

; -----------------------------------------------------------------------------
; rt_link_handler(rdi = record, rsi = handler): makes the handler record at
; rdi, in the caller's stack frame, with the caller's registers as they are
; at the call, and links it in as the innermost. The runtime's own records
; are made with it; generated code makes its records inline, one word at a
; time, where the x86-64 pane shows each go in.
; -----------------------------------------------------------------------------
rt_link_handler:
    mov [rdi + H_HANDLER], rsi          ; where an exception continues
    lea rax, [rsp + 8]                  ; the caller's rsp: above this call's return address
    mov [rdi + H_RSP], rax
    mov [rdi + H_RBP], rbp              ; and the caller's callee-saved registers
    mov [rdi + H_RBX], rbx
    mov [rdi + H_R12], r12
    mov [rdi + H_R13], r13
    mov [rdi + H_R14], r14
    mov [rdi + H_R15], r15
    mov rax, [rel rt_handler]           ; the innermost record so far…
    mov [rdi + H_PREV], rax             ; …is the next outer one of this record
    mov [rel rt_handler], rdi           ; this record is the innermost now
    ret

; -----------------------------------------------------------------------------
; rt_throw_at(rdi = exception, rsi = source position): `throw e;`.
; rt_throw(rdi = exception): continue at the innermost handler, or end the
; program when there is none.
; -----------------------------------------------------------------------------
rt_throw_at:
    mov [rdi + E_LINE], rsi             ; where it is thrown (esi was zero-extended)
rt_throw:
    mov rcx, [rel rt_handler]           ; @throw rcx = the innermost handler record
rt_unwind:                              ; (rdi = exception, rcx = the innermost record)
    test rcx, rcx                       ; is there a record at all?
    jz rt_uncaught                      ; no handler anywhere: the program ends
    mov rax, [rcx + H_PREV]             ; the record's next outer one…
    mov [rel rt_handler], rax           ; the record is used up: the next outer one is innermost now
    mov rbx, [rcx + H_RBX]              ; the registers as they were when the record was made
    mov r12, [rcx + H_R12]              ; (r12–r15 too: callee-saved, as rbx)
    mov r13, [rcx + H_R13]
    mov r14, [rcx + H_R14]
    mov r15, [rcx + H_R15]
    mov rax, rdi                        ; the handler receives the exception in rax
    mov rsp, [rcx + H_RSP]              ; drops every frame made since: the stack is the handler's
    mov rbp, [rcx + H_RBP]              ; the handler's frame pointer (last: until here, rbp still
                                        ; unwinds the frames being dropped)
    jmp [rcx + H_HANDLER]               ; @catch on to the handler

; rt_rethrow(rax = a faulted task): `await` or `.Result` of a faulted task
; throws the exception kept in it (the call marks where), as it was.
rt_rethrow:
    mov rdi, [rax + P_RESULT]           ; rdi = the task's exception

; rt_rethrow_exception(rdi = exception): `throw;` in a catch; its line stays
; the one it was first thrown at.
rt_rethrow_exception:
    mov rcx, [rel rt_handler]           ; @rethrow rcx = the innermost handler record
    jmp rt_unwind                       ; the same way on as a throw

; -----------------------------------------------------------------------------
; rt_uncaught(rdi = exception): the exception reached no handler.
; -----------------------------------------------------------------------------
rt_uncaught:
    mov rbx, rdi                        ; @uncaught rbx = the exception, kept across the calls
    lea rsi, [rel msg_unhandled]
    call rt_eprint_str                  ; "Unhandled exception. "
    mov rax, [rbx + E_VTABLE]           ; its class's vtable…
    mov rsi, [rax + V_NAME]             ; …holds the class's name
    call rt_eprint_str                  ; its class: "System.DivideByZeroException"
    lea rsi, [rel msg_colon]            ; ": "
    call rt_eprint_str                  ; ": "
    mov rsi, [rbx + E_MESSAGE]          ; its Message, a string
    call rt_eprint_str                  ; its Message
    mov rdi, [rbx + E_VTABLE]
    call rt_exit_code                   ; eax = the code of its class
    mov r13d, eax                       ; the exit code
    mov ebx, [rbx + E_LINE]             ; where it was thrown
    jmp rt_fail_tail                    ; the line, then the exit, as every failure

; rt_exit_code(rdi = vtable) → eax: the exit code of LANGUAGE.md section 5
; for the nearest class in the table below the class is or derives from.
rt_exit_code:
    lea rsi, [rel exit_codes]           ; rsi walks the table: [vtable][code] pairs
.entry:
    mov rax, [rsi]                      ; the next class in the table
    test rax, rax
    jz .up                              ; end of the table: try the parent class
    add rsi, 16                         ; on to the next pair
    cmp rax, rdi                        ; this class?
    jne .entry
    mov eax, [rsi - 8]                  ; found: its exit code
    ret
.up:
    mov rdi, [rdi + V_PARENT]
    test rdi, rdi
    jnz rt_exit_code                    ; from the start of the table again
    mov eax, 1                          ; any other exception: exit 1, as .NET
    ret

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
rt_fail_tail:                           ; (ebx = line or 0, r13d = exit code)
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
    mov edi, STDERR
    jmp rt_write_str

section .data

align 8
rt_handler:     dq 0                    ; the innermost handler record (0: none)

section .rodata

; The exit codes of the exceptions LANGUAGE.md section 5 numbers, by class
; (their vtables are generated from lib/System.fs), ended by 0.
align 8
exit_codes:
    dq NullReferenceException$vtable, 2
    dq IndexOutOfRangeException$vtable, 3
    dq DivideByZeroException$vtable, 4
    dq OverflowException$vtable, 5
    dq OutOfMemoryException$vtable, 6
    dq StackOverflowException$vtable, 7
    dq InvalidCastException$vtable, 8
    dq 0

; Messages in the string layout (length, UTF-16 code units), as .NET words them.
msg_unhandled:
    dq 21
    dw __utf16__("Unhandled exception. ")
    align 8, db 0
msg_newline:
    dq 1
    dw 10
    align 8, db 0
msg_colon:
    dq 2
    dw __utf16__(": ")
    align 8, db 0
msg_at_line:
    dq 11
    dw __utf16__("   at line ")
    align 8, db 0
msg_null:
    dq 52
    dw __utf16__("Object reference not set to an instance of an object")
    align 8, db 0
msg_index:
    dq 42
    dw __utf16__("Index was outside the bounds of the array.")
    align 8, db 0
msg_divzero:
    dq 28
    dw __utf16__("Attempted to divide by zero.")
    align 8, db 0
msg_overflow:
    dq 45
    dw __utf16__("Arithmetic operation resulted in an overflow.")
    align 8, db 0
msg_oom:
    dq 90
    dw __utf16__("System.OutOfMemoryException: Insufficient memory to continue the execution of the program.")
    align 8, db 0
msg_stack:
    dq 65
    dw __utf16__("System.StackOverflowException: Operation caused a stack overflow.")
    align 8, db 0
msg_cast:
    dq 28
    dw __utf16__("Specified cast is not valid.")
    align 8, db 0
msg_deadlock:
    dq 30
    dw __utf16__("deadlock: Main never completed")
    align 8, db 0
msg_argument_range:
    dq 124
    dw __utf16__("The value needs to be either -1 (signifying an infinite timeout), 0 or a positive integer."), 10, __utf16__("Parameter name: millisecondsDelay")
    align 8, db 0
msg_no_tasks:
    dq 59
    dw __utf16__("The tasks argument contains no tasks."), 10, __utf16__("Parameter name: tasks")
