; =============================================================================
; fail.asm: the run-time check failures.
;
; Generated code checks every dangerous operation with a compare and a
; conditional jump; the failing path lands here with edi = the source line.
; We print what .NET prints for an unhandled exception, e.g.
;
;   Unhandled exception. System.DivideByZeroException: Attempted to divide by zero.
;      at line 12
;
; on stderr (the "at line" line only when edi is not 0), then end the process
; with the exit code of LANGUAGE.md section 5. Output already written stays.
; These routines never return, so they need not preserve any register. The
; generated code calls them (rather than jumping) so that the return address
; on the stack says which function's check failed: a debugger, or the Stack
; pane, can still unwind from here.
; =============================================================================

STDERR          equ 2
SYS_EXIT        equ 60                  ; exit (seccomp strict mode allows no exit_group)

section .text

fail$null:
    lea rsi, [rel msg_null]
    mov edx, 2                          ; exit code 2
    jmp rt_fail

fail$index:
    lea rsi, [rel msg_index]
    mov edx, 3
    jmp rt_fail

fail$divzero:
    lea rsi, [rel msg_divzero]
    mov edx, 4
    jmp rt_fail

fail$overflow:
    lea rsi, [rel msg_overflow]
    mov edx, 5
    jmp rt_fail

fail$oom:
    lea rsi, [rel msg_oom]
    mov edx, 6
    jmp rt_fail

fail$stack:
    lea rsi, [rel msg_stack]
    mov edx, 7
    jmp rt_fail

fail$cast:
    lea rsi, [rel msg_cast]
    mov edx, 8
    jmp rt_fail

fail$deadlock:
    lea rsi, [rel msg_deadlock]
    mov edx, 9
    jmp rt_fail

fail$argument_range:
    lea rsi, [rel msg_argument_range]
    mov edx, 1                          ; any other exception: exit 1, as .NET
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

section .rodata

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
