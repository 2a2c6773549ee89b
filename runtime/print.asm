; =============================================================================
; print.asm: Console.Write / Console.WriteLine through the write system call.
;
; Every print is written at once (no buffering), so output appears exactly when
; the program prints it, and output written before a failure stays written.
; =============================================================================

SYS_WRITE   equ 1
STDOUT      equ 1

section .text

; -----------------------------------------------------------------------------
; rt_write(rdi = file descriptor, rsi = bytes, rdx = count)
; Loops until everything is written: write may accept fewer bytes than asked.
; Clobbers rax, rcx and r11 (the syscall instruction itself uses rcx and r11).
; -----------------------------------------------------------------------------
rt_write:
.again:
    test rdx, rdx
    jz .done                            ; all written
    mov eax, SYS_WRITE                  ; system call number in rax; arguments in rdi, rsi, rdx
    syscall                             ; rax = bytes written, or a negative error number
    test rax, rax
    jle .done                           ; an error (or nothing written): give up quietly
    add rsi, rax                        ; skip what was written
    sub rdx, rax
    jmp .again
.done:
    ret

; -----------------------------------------------------------------------------
; rt_print_str(rdi = s): writes the bytes of s; null writes nothing (as C#).
; -----------------------------------------------------------------------------
rt_print_str:
    test rdi, rdi
    jz .done
    mov rdx, [rdi]                      ; count = the length field
    lea rsi, [rdi + 8]                  ; bytes follow the length
    mov edi, STDOUT
    jmp rt_write                        ; tail call: rt_write returns to our caller
.done:
    ret

; rt_println_str(rdi = s): the string, then a line break.
rt_println_str:
    call rt_print_str
    jmp rt_print_newline

; rt_print_newline(): one "\n" (C# on Linux ends lines with LF only).
rt_print_newline:
    mov edi, STDOUT
    lea rsi, [rel rt_newline]
    mov edx, 1
    jmp rt_write

; -----------------------------------------------------------------------------
; rt_print_int(rdi = n): the decimal text of n, formatted in a stack buffer so
; that printing a number allocates nothing.
; -----------------------------------------------------------------------------
rt_print_int:
    sub rsp, 24                         ; digit buffer
    lea rsi, [rsp + 24]
    call rt_format_int                  ; rax = first character
    lea rdx, [rsp + 24]
    sub rdx, rax                        ; count = end - start
    mov rsi, rax
    mov edi, STDOUT
    call rt_write
    add rsp, 24
    ret

rt_println_int:
    call rt_print_int
    jmp rt_print_newline

; -----------------------------------------------------------------------------
; rt_print_char(rdi = c): one UTF-16 code unit, written as UTF-8.
; -----------------------------------------------------------------------------
rt_print_char:
    sub rsp, 8                          ; room for up to 3 encoded bytes
    mov rsi, rsp
    call rt_utf8_encode                 ; rax = byte count
    mov rdx, rax
    mov rsi, rsp
    mov edi, STDOUT
    call rt_write
    add rsp, 8
    ret

rt_println_char:
    call rt_print_char
    jmp rt_print_newline

; -----------------------------------------------------------------------------
; rt_print_chars(rdi = a char[] or null): Console.Write(char[]) writes the
; characters themselves (not the type name, as joining it to a string
; would); a null array writes nothing, as in C#.
; -----------------------------------------------------------------------------
rt_print_chars:
    push rbx                            ; rbx = the array, r12 = the index:
    push r12                            ; callee-saved, so rt_print_char keeps them
    sub rsp, 8                          ; three words since the call: 16-aligned again
    test rdi, rdi
    jz .done                            ; null: nothing to write
    mov rbx, rdi
    xor r12d, r12d
.next:
    cmp r12d, [rbx]                     ; the length, stored before the elements
    jge .done
    movzx edi, word [rbx + 8 + r12*2]   ; element r12: a 2-byte UTF-16 code unit
    call rt_print_char
    inc r12d
    jmp .next
.done:
    add rsp, 8
    pop r12
    pop rbx
    ret

rt_println_chars:
    call rt_print_chars
    jmp rt_print_newline

; -----------------------------------------------------------------------------
; rt_print_bool(rdi = b): "True" or "False".
; -----------------------------------------------------------------------------
rt_print_bool:
    call rt_str_from_bool               ; a constant string, nothing allocated
    mov rdi, rax
    jmp rt_print_str

rt_println_bool:
    call rt_print_bool
    jmp rt_print_newline

section .rodata

rt_newline:
    db 10
