; =============================================================================
; string.asm: building and comparing strings.
;
; A string is a pointer to [length: u64][bytes...]. The bytes are UTF-8 and the
; length counts bytes. Strings never change after they are built, so routines
; may return a shared constant (rt_str_true, rt_str_empty) instead of a copy.
; =============================================================================

section .text

; -----------------------------------------------------------------------------
; rt_str_concat(rdi = a, rsi = b) → rax = a new string holding a then b.
; As in C#, null counts as the empty string, so the result is never null.
; -----------------------------------------------------------------------------
rt_str_concat:
    push rbx                            ; rbx, r12, r13 are callee-saved: keep the caller's values
    push r12
    push r13
    lea rax, [rel rt_str_empty]
    test rdi, rdi
    cmovz rdi, rax                      ; a = null → a = ""
    test rsi, rsi
    cmovz rsi, rax                      ; b = null → b = ""
    mov rbx, rdi                        ; rbx = a (survives the call to rt_alloc)
    mov r12, rsi                        ; r12 = b
    mov r13, [rbx]
    add r13, [r12]                      ; r13 = total length
    lea rdi, [r13 + 8]                  ; room for the length field and the bytes
    call rt_alloc
    mov [rax], r13                      ; store the length
    lea rdi, [rax + 8]                  ; destination: the first byte
    mov r13, rax                        ; keep the result
    lea rsi, [rbx + 8]
    mov rdx, [rbx]
    call rt_copy_bytes                  ; copy a; rdi now points just after it
    lea rsi, [r12 + 8]
    mov rdx, [r12]
    call rt_copy_bytes                  ; then b
    mov rax, r13
    pop r13                             ; restore in the reverse order of the pushes
    pop r12
    pop rbx
    ret

; -----------------------------------------------------------------------------
; rt_copy_bytes(rdi = destination, rsi = source, rdx = count)
; Copies one byte at a time (simple to step through). Returns with rdi and rsi
; just past the copied bytes; clobbers rcx and rdx.
; -----------------------------------------------------------------------------
rt_copy_bytes:
    test rdx, rdx
    jz .done                            ; nothing (left) to copy
.loop:
    mov cl, [rsi]                       ; load one byte ...
    mov [rdi], cl                       ; ... and store it
    inc rsi
    inc rdi
    dec rdx
    jnz .loop
.done:
    ret

; -----------------------------------------------------------------------------
; rt_format_int(rdi = n, rsi = end of a buffer of at least 20 bytes)
;   → rax = first character; the text is rax .. rsi(end).
; Writes the decimal digits of the signed 64-bit n backwards from the end.
; Clobbers rcx, rdx, rsi, r8.
; -----------------------------------------------------------------------------
rt_format_int:
    mov rax, rdi
    mov r8, rdi                         ; remember the sign for later
    test rax, rax
    jns .digits
    neg rax                             ; magnitude; for long.MinValue, 2^63 read as unsigned is right
.digits:
    mov ecx, 10
.next:
    xor edx, edx                        ; div divides the 128-bit rdx:rax, so clear the high half
    div rcx                             ; rax = rax / 10, rdx = the last digit
    add dl, '0'                         ; digit value → ASCII character
    dec rsi
    mov [rsi], dl                       ; digits come out last first, so fill backwards
    test rax, rax
    jnz .next
    test r8, r8
    jns .done
    dec rsi
    mov byte [rsi], '-'                 ; negative: the sign goes in front
.done:
    mov rax, rsi
    ret

; -----------------------------------------------------------------------------
; rt_enum_name(rdi = value, rsi = an enum's member table) → rax = the text C#
; prints for the value: the name of the member that has it, or, when none
; has (`(Color)7`), its decimal text, as .NET's Enum.ToString() does.
; The compiler writes one table per enum (`Color$names`): `dq count`, then
; `count` pairs `dq value, dq name` (the name a string literal, shared).
; -----------------------------------------------------------------------------
rt_enum_name:
    mov rcx, [rsi]                      ; rcx = members left to look at
    add rsi, 8                          ; rsi = the first (value, name) pair
.look:
    test rcx, rcx
    jz .number                          ; none left: no member has this value
    cmp rdi, [rsi]
    je .found
    add rsi, 16                         ; the next pair
    dec rcx
    jmp .look
.found:
    mov rax, [rsi + 8]                  ; the member's name: a string literal, nothing allocated
    ret
.number:
    jmp rt_str_from_int                 ; tail call: rdi still holds the value

; -----------------------------------------------------------------------------
; rt_str_from_int(rdi = n) → rax = the decimal text of n as a new string.
; -----------------------------------------------------------------------------
rt_str_from_int:
    push rbx
    push r12
    sub rsp, 24                         ; a 24-byte digit buffer on the stack (20 are enough)
    lea rsi, [rsp + 24]                 ; its end
    call rt_format_int                  ; rax = first character
    mov rbx, rax                        ; rbx = text start
    lea r12, [rsp + 24]
    sub r12, rax                        ; r12 = text length
    lea rdi, [r12 + 8]
    call rt_alloc
    mov [rax], r12                      ; length field
    mov r12, rax                        ; keep the string
    lea rdi, [rax + 8]
    mov rsi, rbx
    mov rdx, [rax]
    call rt_copy_bytes                  ; copy the digits off the stack into the heap
    mov rax, r12
    add rsp, 24                         ; drop the buffer
    pop r12
    pop rbx
    ret

; -----------------------------------------------------------------------------
; rt_utf8_encode(rdi = UTF-16 code unit, rsi = destination with room for 3 bytes)
;   → rax = number of bytes written (1 to 3). Clobbers rcx.
; ASCII is one byte; U+0080..U+07FF two bytes 110xxxxx 10xxxxxx; the rest three
; bytes 1110xxxx 10xxxxxx 10xxxxxx.
; -----------------------------------------------------------------------------
rt_utf8_encode:
    movzx edi, di                       ; a char is 16 bits: drop anything above
    cmp edi, 0x80
    jae .two
    mov [rsi], dil                      ; plain ASCII
    mov eax, 1
    ret
.two:
    cmp edi, 0x800
    jae .three
    mov ecx, edi
    shr ecx, 6
    or ecx, 0xC0                        ; lead byte 110xxxxx: the top five bits
    mov [rsi], cl
    mov ecx, edi
    and ecx, 0x3F
    or ecx, 0x80                        ; continuation byte 10xxxxxx: the low six bits
    mov [rsi + 1], cl
    mov eax, 2
    ret
.three:
    mov ecx, edi
    shr ecx, 12
    or ecx, 0xE0                        ; lead byte 1110xxxx: the top four bits
    mov [rsi], cl
    mov ecx, edi
    shr ecx, 6
    and ecx, 0x3F
    or ecx, 0x80                        ; the middle six bits
    mov [rsi + 1], cl
    mov ecx, edi
    and ecx, 0x3F
    or ecx, 0x80                        ; the low six bits
    mov [rsi + 2], cl
    mov eax, 3
    ret

; -----------------------------------------------------------------------------
; rt_str_from_char(rdi = c) → rax = a new one-character string.
; -----------------------------------------------------------------------------
rt_str_from_char:
    push rbx
    push r12
    mov rbx, rdi                        ; the character survives rt_alloc in rbx
    mov edi, 16                         ; 8 for the length, up to 3 for the bytes
    call rt_alloc
    mov r12, rax
    mov rdi, rbx
    lea rsi, [r12 + 8]
    call rt_utf8_encode                 ; rax = number of bytes
    mov [r12], rax                      ; that is the length
    mov rax, r12
    pop r12
    pop rbx
    ret

; -----------------------------------------------------------------------------
; rt_str_from_bool(rdi = b) → rax = "True" or "False", C#'s spelling.
; Shared constants: no allocation.
; -----------------------------------------------------------------------------
rt_str_from_bool:
    lea rax, [rel rt_str_true]
    lea rdx, [rel rt_str_false]
    test rdi, rdi
    cmovz rax, rdx                      ; zero means false
    ret

; -----------------------------------------------------------------------------
; rt_str_eq(rdi = a, rsi = b) → rax = 1 if a and b hold the same bytes, else 0.
; C# string ==: two nulls are equal, null never equals a string (not even "").
; -----------------------------------------------------------------------------
rt_str_eq:
    cmp rdi, rsi
    je .true                            ; the same object (or both null)
    test rdi, rdi
    jz .false
    test rsi, rsi
    jz .false
    mov rcx, [rdi]
    cmp rcx, [rsi]
    jne .false                          ; different lengths cannot be equal
    add rdi, 8                          ; skip the length fields
    add rsi, 8
.loop:
    test rcx, rcx
    jz .true                            ; every byte matched
    mov al, [rdi]
    cmp al, [rsi]
    jne .false
    inc rdi
    inc rsi
    dec rcx
    jmp .loop
.true:
    mov eax, 1
    ret
.false:
    xor eax, eax
    ret

section .rodata

; String constants, in the string layout: length, then bytes.
rt_str_empty:
    dq 0
rt_str_true:
    dq 4
    db "True"
    align 8, db 0
rt_str_false:
    dq 5
    db "False"
