; =============================================================================
; alloc.asm: the bump allocator.
;
; The heap is one big arena (see start.asm). rt_heap_ptr points at its first
; free byte; allocating n bytes returns that pointer and moves it up by n
; (rounded up to 8 so that every object is 8-aligned). Nothing is ever freed:
; a Flux# lesson runs briefly, and a bump allocator is the simplest one that
; can be followed instruction by instruction.
; =============================================================================

section .text

; -----------------------------------------------------------------------------
; rt_alloc(rdi = size in bytes) → rax = pointer to size zeroed bytes
; Clobbers rdx. Calls fail$oom (which never returns) when the arena cannot
; hold the request.
; -----------------------------------------------------------------------------
rt_alloc:
    mov rax, [rel rt_heap_ptr]          ; rax = the block we will hand out
    lea rdx, [rel rt_heap_end]
    sub rdx, rax                        ; rdx = bytes still free (a multiple of 8)
    cmp rdi, rdx                        ; compare before rounding, so a huge size cannot wrap around
    ja .full                            ; unsigned: a "negative" size is huge and fails too
    add rdi, 7                          ; round the size up to a multiple of 8 ...
    and rdi, -8                         ; ... by adding 7 and clearing the low three bits
    add rdi, rax                        ; rdi = the new first free byte
    mov [rel rt_heap_ptr], rdi          ; bump
    ret                                 ; the arena started zeroed and is never reused: no clearing needed
.full:
    xor edi, edi                        ; no source line: the caller's line is not known here
    call fail$oom                       ; @no-return the return address shows who failed
