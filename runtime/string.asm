; =============================================================================
; string.asm: building and comparing strings.
;
; A string is a pointer to [length: u64][UTF-16 code units...], as a C#
; string is: the length counts 2-byte code units (C#'s Length), s[i] is the
; i-th unit, and a char[] has the same layout, so building a string from one
; is a copy. Text leaves the program as UTF-8 (print.asm encodes it).
; Strings never change after they are built, so routines may return a shared
; constant (rt_str_true, rt_str_empty) instead of a copy.
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
    add r13, [r12]                      ; r13 = total length, in characters
    lea rdi, [r13*2 + 8]                ; room for the length field and 2 bytes per character
    call rt_alloc
    mov [rax], r13                      ; @made(string) store the length
    lea rdi, [rax + 8]                  ; destination: the first character
    mov r13, rax                        ; keep the result
    lea rsi, [rbx + 8]
    mov rdx, [rbx]
    call rt_copy_chars                  ; copy a; rdi now points just after it
    lea rsi, [r12 + 8]
    mov rdx, [r12]
    call rt_copy_chars                  ; then b
    mov rax, r13
    pop r13                             ; restore in the reverse order of the pushes
    pop r12
    pop rbx
    ret

; -----------------------------------------------------------------------------
; rt_copy_chars(rdi = destination, rsi = source, rdx = count of characters)
; Copies one 2-byte code unit at a time (simple to step through). Returns with
; rdi and rsi just past the copied characters; clobbers rcx and rdx.
; -----------------------------------------------------------------------------
rt_copy_chars:
    test rdx, rdx
    jz .done                            ; nothing (left) to copy
.loop:
    mov cx, [rsi]                       ; load one character ...
    mov [rdi], cx                       ; ... and store it
    add rsi, 2
    add rdi, 2
    dec rdx
    jnz .loop
.done:
    ret

; -----------------------------------------------------------------------------
; rt_str_from_chars(rdi = a char[] or a string, rsi = start, rdx = count)
;   → rax = a new string of count characters of it, from start on.
; A char[] and a string have the same layout ([length][UTF-16 units]), so
; this is `new string(chars, start, count)` and `s.Substring(start, count)`
; both. lib/System.fs calls it (extern String.FromChars and String.Slice)
; after checking the range, as .NET's own code does before it copies.
; -----------------------------------------------------------------------------
rt_str_from_chars:
    push rbx
    push r12
    push r13
    lea rbx, [rdi + rsi*2 + 8]          ; rbx = the first character to copy
    mov r12, rdx                        ; r12 = how many
    lea rdi, [rdx*2 + 8]                ; the length field, then 2 bytes per character
    call rt_alloc
    mov [rax], r12                      ; @made(string) the new string's length
    mov r13, rax                        ; keep the string
    lea rdi, [rax + 8]
    mov rsi, rbx
    mov rdx, r12
    call rt_copy_chars
    mov rax, r13
    pop r13
    pop r12
    pop rbx
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
    sub r12, rax                        ; r12 = text length (at least one digit)
    lea rdi, [r12*2 + 8]                ; the length field, then 2 bytes per character
    call rt_alloc
    mov [rax], r12                      ; @made(string) length field
    lea rdi, [rax + 8]
.widen:
    movzx ecx, byte [rbx]               ; an ASCII digit (or the sign) off the stack ...
    mov [rdi], cx                       ; ... is the same UTF-16 code unit, 2 bytes wide
    inc rbx
    add rdi, 2
    dec r12
    jnz .widen
    add rsp, 24                         ; drop the buffer
    pop r12
    pop rbx
    ret

; -----------------------------------------------------------------------------
; rt_utf8_encode(rdi = a Unicode code point, rsi = destination with room for 4
; bytes) → rax = number of bytes written (1 to 4). Clobbers rcx.
; ASCII is one byte; U+0080..U+07FF two bytes 110xxxxx 10xxxxxx; up to U+FFFF
; three bytes 1110xxxx 10xxxxxx 10xxxxxx; above, four 11110xxx and three
; 10xxxxxx. A surrogate on its own (half of a pair) is no character: it is
; written as U+FFFD, the replacement character, as .NET's encoder writes it.
; -----------------------------------------------------------------------------
rt_utf8_encode:
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
    mov eax, 2
    jmp .last
.three:
    cmp edi, 0x10000
    jae .four
    mov ecx, edi
    and ecx, 0xF800
    cmp ecx, 0xD800                     ; D800..DFFF: a lone surrogate
    jne .three_bytes
    mov edi, 0xFFFD
.three_bytes:
    mov ecx, edi
    shr ecx, 12
    or ecx, 0xE0                        ; lead byte 1110xxxx: the top four bits
    mov [rsi], cl
    mov eax, 3
    jmp .middle
.four:
    mov ecx, edi
    shr ecx, 18
    or ecx, 0xF0                        ; lead byte 11110xxx: the top three bits
    mov [rsi], cl
    mov ecx, edi
    shr ecx, 12
    and ecx, 0x3F
    or ecx, 0x80                        ; bits 12..17
    mov [rsi + 1], cl
    mov eax, 4
.middle:
    mov ecx, edi
    shr ecx, 6
    and ecx, 0x3F
    or ecx, 0x80                        ; bits 6..11, the second-to-last byte
    mov [rsi + rax - 2], cl
.last:
    mov ecx, edi
    and ecx, 0x3F
    or ecx, 0x80                        ; bits 0..5, the last byte
    mov [rsi + rax - 1], cl
    ret

; -----------------------------------------------------------------------------
; rt_str_from_utf8(rdi = bytes, rsi = count) → rax = a new string of the
; UTF-8 text, decoded to UTF-16 (rt_args uses it for the command line).
; A code point above U+FFFF becomes a surrogate pair; a sequence that is not
; well-formed (a stray continuation byte, a cut-off, overlong or surrogate
; sequence, a code point past U+10FFFF) becomes U+FFFD, as .NET's decoder
; writes it.
; -----------------------------------------------------------------------------
rt_str_from_utf8:
    push rbx
    push r12
    push r13
    mov rbx, rdi                        ; rbx = the next byte
    lea r12, [rdi + rsi]                ; r12 = the end of the bytes
    lea rdi, [rsi*2 + 8]                ; at most one code unit per byte
    call rt_alloc
    mov r13, rax                        ; @made(string) r13 = the string (its length comes last)
    lea rdi, [rax + 8]                  ; rdi = where the next code unit goes
.next:
    cmp rbx, r12
    jae .done
    movzx eax, byte [rbx]               ; the lead byte says how long the sequence is
    inc rbx
    cmp eax, 0x80
    jb .store                           ; ASCII: the code unit itself
    mov edx, 1                          ; edx = continuation bytes to come
    mov r8d, 0x80                       ; r8d = the least code point of that length
    and eax, 0x1F                       ; 110xxxxx: two bytes in all
    cmp byte [rbx - 1], 0xE0
    jb .lead
    mov edx, 2
    mov r8d, 0x800
    and eax, 0x0F                       ; 1110xxxx: three
    cmp byte [rbx - 1], 0xF0
    jb .lead
    mov edx, 3
    mov r8d, 0x10000
    and eax, 0x07                       ; 11110xxx: four
.lead:
    cmp byte [rbx - 1], 0xC2
    jb .bad                             ; a continuation byte, or an overlong lead
    cmp byte [rbx - 1], 0xF4
    ja .bad
.more:
    cmp rbx, r12
    jae .bad                            ; the text ends inside the sequence
    movzx ecx, byte [rbx]
    xor ecx, 0x80                       ; 10xxxxxx → the six bits, if it is one
    cmp ecx, 0x40
    jae .bad
    shl eax, 6
    or eax, ecx
    inc rbx
    dec edx
    jnz .more
    cmp eax, r8d
    jb .bad                             ; overlong: a shorter sequence says the same
    cmp eax, 0x10FFFF
    ja .bad                             ; beyond Unicode
    mov ecx, eax
    and ecx, 0xFFFFF800
    cmp ecx, 0xD800
    je .bad                             ; a surrogate is no character of its own
    cmp eax, 0x10000
    jb .store                           ; in the Basic Multilingual Plane: one code unit
    sub eax, 0x10000                    ; else a surrogate pair: 20 bits in two halves
    mov ecx, eax
    shr ecx, 10
    add ecx, 0xD800                     ; the high surrogate, the top ten bits
    mov [rdi], cx
    add rdi, 2
    and eax, 0x3FF
    add eax, 0xDC00                     ; the low surrogate, the low ten bits
    jmp .store
.bad:
    mov eax, 0xFFFD                     ; the replacement character
.store:
    mov [rdi], ax
    add rdi, 2
    jmp .next
.done:
    lea rax, [rdi - 8]
    sub rax, r13
    shr rax, 1                          ; code units written
    mov [r13], rax                      ; that is the length
    mov rax, r13
    pop r13
    pop r12
    pop rbx
    ret

; -----------------------------------------------------------------------------
; rt_str_from_char(rdi = c) → rax = a new one-character string.
; -----------------------------------------------------------------------------
rt_str_from_char:
    push rbx
    mov rbx, rdi                        ; the character survives rt_alloc in rbx
    mov edi, 10                         ; 8 for the length, 2 for the character
    call rt_alloc
    mov qword [rax], 1                  ; @made(string) length 1
    mov [rax + 8], bx                   ; the UTF-16 code unit itself
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
    jz .true                            ; every character matched
    mov ax, [rdi]
    cmp ax, [rsi]
    jne .false
    add rdi, 2
    add rsi, 2
    dec rcx
    jmp .loop
.true:
    mov eax, 1
    ret
.false:
    xor eax, eax
    ret

section .rodata

; String constants, in the string layout: length, then UTF-16 code units.
rt_str_empty:
    dq 0
rt_str_true:
    dq 4
    dw __utf16__("True")
    align 8, db 0
rt_str_false:
    dq 5
    dw __utf16__("False")
