; =============================================================================
; print.asm: Console.Write / Console.WriteLine through the write system call.
;
; Every print is written at once (no buffering), so output appears exactly when
; the program prints it, and output written before a failure stays written.
; =============================================================================

SYS_WRITE   equ 1
STDOUT      equ 1
STDERR      equ 2

section .text

; -----------------------------------------------------------------------------
; rt_write(rdi = file descriptor, rsi = bytes, rdx = count)
; Writes the bytes, after the replacement of a surrogate half still held for
; the descriptor (see rt_flush_pending). Clobbers rax, rcx, r11, and moves
; rsi and rdx on (all caller-saved).
; -----------------------------------------------------------------------------
rt_write:
    test rdx, rdx
    jz .nothing                         ; writing nothing changes nothing, a held half included
    call rt_flush_pending
    jmp rt_write_raw
.nothing:
    ret

; -----------------------------------------------------------------------------
; rt_flush_pending(edi = file descriptor): C#'s Console encodes its UTF-16
; text with one encoder that lives from write to write, so a surrogate pair
; written in two halves (Write('\uD83D'); Write('\uDE00')) still comes out
; as one 4-byte character. rt_write_str keeps a high half that ends a write
; in rt_pending_high; if the next write does not begin with its low half,
; the held half is no character and is written as U+FFFD (EF BF BD), as
; .NET's encoder replaces it. A half still held at exit is dropped, as
; mono drops it. Clobbers rax (and rcx, r11 when it writes).
; -----------------------------------------------------------------------------
rt_flush_pending:
    cmp edi, STDERR
    ja .none                            ; only stdout and stderr hold a half (stdin's slot stays 0)
    lea rax, [rel rt_pending_high]
    cmp word [rax + rdi * 2], 0
    je .none
    mov word [rax + rdi * 2], 0         ; no longer held …
    push rsi
    push rdx
    lea rsi, [rel rt_replacement]       ; … but replaced
    mov edx, 3
    call rt_write_raw
    pop rdx
    pop rsi
.none:
    ret

; -----------------------------------------------------------------------------
; rt_write_raw(rdi = file descriptor, rsi = bytes, rdx = count)
; Loops until everything is written: write may accept fewer bytes than asked.
; Clobbers rax, rcx and r11 (the syscall instruction itself uses rcx and r11).
; -----------------------------------------------------------------------------
rt_write_raw:
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
; rt_write_str(rdi = file descriptor, rsi = string): writes the string's
; text as UTF-8; null writes nothing (as C#). The UTF-16 code units are
; encoded into a buffer on the stack, which is written out whenever it fills
; and at the end: one system call for any string that fits. A surrogate pair
; (two code units) is one character of four bytes, also when its halves come
; in two writes (rt_flush_pending says how).
; -----------------------------------------------------------------------------
WRITE_BUFFER    equ 256
HELD            equ WRITE_BUFFER        ; the word after the buffer: a high half that ends the text

rt_write_str:
    test rsi, rsi
    jz .null
    push rbx                            ; rbx = the next code unit
    push r12                            ; r12 = code units left
    push r13                            ; r13 = the file descriptor
    push r14                            ; r14 = where the next encoded byte goes
    sub rsp, WRITE_BUFFER + 8           ; the buffer: rsp .. rsp + WRITE_BUFFER, then HELD
    mov word [rsp + HELD], 0
    mov r13d, edi
    mov r12, [rsi]
    lea rbx, [rsi + 8]
    mov r14, rsp
    cmp r13d, STDERR
    ja .next                            ; only stdout and stderr hold a half
    test r12, r12
    jz .next
    lea rax, [rel rt_pending_high]
    movzx edi, word [rax + r13 * 2]     ; a high half the last write ended with …
    test edi, edi
    jz .next
    movzx ecx, word [rbx]
    and ecx, 0xFC00
    cmp ecx, 0xDC00                     ; … and this text begins with a low half?
    jne .next                           ; no: the first rt_write replaces the held half
    mov word [rax + r13 * 2], 0         ; yes: the two are one character
    movzx eax, word [rbx]
    add rbx, 2
    dec r12
    jmp .pair
.next:
    lea rax, [rsp + WRITE_BUFFER - 4]
    cmp r14, rax
    ja .flush                           ; not room for one more character (4 bytes)
    test r12, r12
    jnz .char
.flush:
    mov edi, r13d
    mov rsi, rsp                        ; the buffer's bytes …
    mov rdx, r14
    sub rdx, rsp                        ; … up to r14
    call rt_write
    mov r14, rsp                        ; empty again
    test r12, r12
    jz .done
.char:
    movzx edi, word [rbx]               ; the next code unit
    add rbx, 2
    dec r12
    cmp edi, 0x80
    jae .wide
    mov [r14], dil                      ; ASCII, most text: one byte, the unit itself
    inc r14
    jmp .next
.wide:
    mov eax, edi
    and eax, 0xFC00
    cmp eax, 0xD800                     ; a high surrogate (D800..DBFF)?
    jne .encode
    test r12, r12
    jz .hold                            ; the last unit: its low half may come next
    movzx eax, word [rbx]
    mov ecx, eax
    and ecx, 0xFC00
    cmp ecx, 0xDC00                     ; followed by a low surrogate (DC00..DFFF)?
    jne .encode
    add rbx, 2                          ; yes: the pair is one code point,
    dec r12                             ; 0x10000 + (high - D800) * 1024 + (low - DC00)
.pair:
    shl edi, 10
    lea edi, [rdi + rax - 0xD800 * 1024 - 0xDC00 + 0x10000]
.encode:
    mov rsi, r14
    call rt_utf8_encode                 ; rax = bytes written
    add r14, rax
    jmp .next
.hold:
    cmp r13d, STDERR
    ja .encode                          ; a descriptor that holds nothing: U+FFFD now
    mov [rsp + HELD], di                ; kept until the text before it is written
    jmp .flush
.done:
    cmp word [rsp + HELD], 0
    je .written                         ; the text ended on a whole character
    mov edi, r13d
    call rt_flush_pending               ; an older held half that nothing wrote: U+FFFD
    movzx eax, word [rsp + HELD]
    lea rcx, [rel rt_pending_high]
    mov [rcx + r13 * 2], ax             ; this one is held for the next write
.written:
    add rsp, WRITE_BUFFER + 8
    pop r14
    pop r13
    pop r12
    pop rbx
.null:
    ret

; rt_print_str(rdi = s): the text of s on stdout.
rt_print_str:
    mov rsi, rdi
    mov edi, STDOUT
    jmp rt_write_str                    ; tail call: rt_write_str returns to our caller

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
; rt_print_char(rdi = c): one UTF-16 code unit, written as rt_write_str
; writes a one-character string built on the stack, so that the halves of a
; surrogate pair written one by one still make one character.
; -----------------------------------------------------------------------------
rt_print_char:
    sub rsp, 16                         ; [length = 1][the unit]: a string's layout
    mov qword [rsp], 1
    mov [rsp + 8], di                   ; a char is 16 bits: the low word
    mov rsi, rsp
    mov edi, STDOUT
    call rt_write_str
    add rsp, 16
    ret

rt_println_char:
    call rt_print_char
    jmp rt_print_newline

; -----------------------------------------------------------------------------
; rt_print_chars(rdi = a char[] or null): Console.Write(char[]) writes the
; characters themselves (not the type name, as joining it to a string
; would); a null array writes nothing, as in C#. A char[] has a string's
; layout ([length][UTF-16 units]), so it is written as a string is: one
; system call, and a surrogate pair kept whole.
; -----------------------------------------------------------------------------
rt_print_chars:
    jmp rt_print_str

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

rt_replacement:
    db 0xEF, 0xBF, 0xBD                 ; U+FFFD, the replacement character, in UTF-8

rt_newline:
    db 10

section .bss

alignb 8
rt_pending_high:
    resw 3                              ; by file descriptor 0..2: a held high surrogate, or 0
