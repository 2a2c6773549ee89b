; =============================================================================
; fiber.asm: `--lowering stackful`: every task runs on a stack of its own.
;
; The other lowerings turn an async method into a state machine: its frame
; says which await it stopped at, and each resume jumps back in there, with
; every local it still needs kept in the frame. A STACKFUL task instead
; keeps everything where it is: its body is compiled as an ordinary
; function, locals in registers and stack slots, running on its own stack.
; `await` of an unfinished task SWITCHES STACKS, as a coroutine library's
; context switch does (Boost.Context's jump_fcontext, swapcontext): it
; pushes the callee-saved registers, stores rsp in the frame, loads the
; stack pointer of whoever resumed it and pops that stack's registers. To
; resume the task is the same switch the other way.
;
; The frame is still the task (its promise header first), so the event
; loop, rt_start and rt_wake_awaiters run a stackful task exactly as they
; run a state machine: they call its continuation, rt_fiber_resume, with
; the frame in rdi, and the call returns when the task suspends or ends.
; After the header (offsets from src/runtime_layout.rs):
;
;   F_SP       the task's rsp while it is suspended (0: it never ran)
;   +40        the task it awaits (as in every async frame)
;   F_RESUMER  the rsp of whoever resumed it, while it runs
;   F_CHAIN    its innermost handler record, while it is suspended
;   F_STACK    its stack: FIBER_STACK bytes, from the heap (0: none yet)
;   F_BODY     the code of the method's body
;
; A TASK'S STACK. The block comes from the heap arena, or from the free
; list of the stacks of tasks that ended. Its lowest FIBER_HEADROOM bytes
; are the guard: while the task runs, rt_stack_limit is the address above
; them, so every prologue on the task's stack checks against its own
; bottom, and a stack overflow is caught with the failure path still
; inside the block. At its top, rt_fiber_entry keeps the task's BASE
; RECORD, the outermost handler record of its chain: an exception that
; leaves the body lands there and faults the task (as the try/catch C#
; wraps around MoveNext does). Each resume links that record to the
; resumer's chain, so the chain is always true, whoever resumed the task.
;
; RUNTIME API
;   rt_fiber_resume(rdi=frame)    the continuation of a stackful task: run it
;                                 on its own stack until it suspends or ends
;   rt_fiber_switch(rdi=&save, rsi=&load)   the context switch: this stack's
;                                 rsp to [rdi], on with the stack at [rsi]
; =============================================================================

section .text

; -----------------------------------------------------------------------------
; rt_fiber_resume(rdi = the task's frame): the task runs on its own stack,
; from where it stopped (the first time: from the top of its body), until it
; suspends at an await or ends; then this returns, as a resume function
; returns to whoever ran it.
; -----------------------------------------------------------------------------
rt_fiber_resume:
    push rbx
    push qword [rel rt_stack_limit]     ; this stack's limit, back after the switch
    push qword [rel rt_handler]         ; this stack's innermost record, back after it
    mov rbx, rdi                        ; rbx = the task
    cmp qword [rbx + F_STACK], 0
    jne .limit
    call rt_fiber_stack                 ; its first run: it needs a stack
.limit:
    mov rax, [rbx + F_STACK]
    add rax, FIBER_HEADROOM             ; prologues on its stack check against its own bottom…
    inc qword [rel rt_fiber_depth]
    cmp qword [rel rt_fiber_depth], FIBER_NESTING
    jbe .room
    mov rax, -1                         ; …unless it is nested deeper than one thread's stack
.room:                                  ; would hold: then its first check overflows, as in C#
    mov [rel rt_stack_limit], rax
    mov rax, [rbx + F_CHAIN]            ; its innermost record (0: it has none yet)
    test rax, rax
    jz .switch
    mov rcx, [rbx + F_STACK]
    mov rdx, [rel rt_handler]
    mov [rcx + FIBER_STACK - RECORD_ROOM + H_PREV], rdx ; its base record's next outer one is ours
    mov [rel rt_handler], rax           ; its chain is the chain while it runs
.switch:
    lea rdi, [rbx + F_RESUMER]          ; where this stack's rsp is kept
    lea rsi, [rbx + F_SP]               ; the task's stack, as it stopped
    call rt_fiber_switch                ; runs the task until it switches back
    dec qword [rel rt_fiber_depth]
    mov rax, [rel rt_handler]           ; it suspended (or ended): its chain…
    mov [rbx + F_CHAIN], rax            ; …waits in its frame for the next resume
    pop qword [rel rt_handler]          ; ours is the chain again
    pop qword [rel rt_stack_limit]      ; and our stack's limit the limit
    pop rbx
    ret

; -----------------------------------------------------------------------------
; rt_fiber_switch(rdi = where to keep this stack's rsp, rsi = where the other
; stack's rsp is kept): the context switch. The callee-saved registers go
; onto this stack, rsp into [rdi]; then rsp comes from [rsi], and that
; stack's registers come off it. The other stack stopped inside this very
; routine, at the same point (it switched away from here, too), so the
; pops and the jump to its return address continue it where it left off. A stack that never ran
; (0 in [rsi]) is a task's fresh stack: it starts at rt_fiber_entry.
; -----------------------------------------------------------------------------
rt_fiber_switch:
    push rbp                            ; the callee-saved registers (System V),
    push rbx                            ; all this stack needs to go on later:
    push r12                            ; everything else the code that called
    push r13                            ; this has given up by calling
    push r14
    push r15
    mov [rdi], rsp                      ; this stack, as it stops here
    mov rax, [rsi]                      ; the other stack, as it stopped here
    test rax, rax
    jz .fresh
    mov rsp, rax                        ; the other stack (stopped at this same point)
    pop r15                             ; its registers, as it pushed them
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    pop rcx                             ; the return address of the call that switched away…
    jmp rcx                             ; @switched …and on there: a jump, not a `ret`, as in
                                        ; Boost.Context (a `ret` to a return address of another
                                        ; stack misleads the CPU's return predictor; measured,
                                        ; benches/anchors.rs: 19.7 → 14.2 ns per cycle)
.fresh:
    lea r15, [rsi - F_SP]               ; r15 = the task whose stack it is
    mov rsp, [r15 + F_STACK]
    add rsp, FIBER_STACK                ; the top of its stack (16-byte aligned)
    jmp rt_fiber_entry

; -----------------------------------------------------------------------------
; rt_fiber_entry (r15 = the task, rsp = the top of its fresh stack): the
; bottom of every task's stack. It makes the task's base record, runs the
; body, and when the body has ended (it completed its task) switches back
; for the last time.
; -----------------------------------------------------------------------------
rt_fiber_entry:
    sub rsp, RECORD_ROOM                ; the base record, at the top of the stack
    mov rdi, rsp
    lea rsi, [rel .faulted]
    call rt_link_handler                ; an exception that leaves the body faults the task
    mov rdi, r15                        ; the body takes the frame in rdi
    call [r15 + F_BODY]                 ; @enter the method's body, on the task's own stack
.ended:
    mov rax, [r15 + F_STACK]
    mov rcx, [rel rt_fiber_pool]
    mov [rax], rcx
    mov [rel rt_fiber_pool], rax        ; its stack is free for the next task
    lea rdi, [r15 + F_SP]
    lea rsi, [r15 + F_RESUMER]
    call rt_fiber_switch                ; @no-return back to whoever resumed it, for good
.faulted:                               ; rax = the exception; r15 and rsp as at the link
    mov rdi, r15                        ; the task keeps it
    mov rsi, rax
    call rt_fault
    jmp .ended

; -----------------------------------------------------------------------------
; rt_fiber_stack(rdi = the task): gives the task a stack: one a task that
; ended left on the free list, or a new block from the heap.
; -----------------------------------------------------------------------------
rt_fiber_stack:
    push rbx
    mov rbx, rdi
    mov rax, [rel rt_fiber_pool]
    test rax, rax
    jz .new
    mov rcx, [rax]                      ; a free stack's first word links the next one
    mov [rel rt_fiber_pool], rcx
    jmp .have
.new:
    mov edi, FIBER_STACK
    call rt_alloc
.have:
    mov [rbx + F_STACK], rax
    pop rbx
    ret

section .data

align 8
rt_fiber_pool:  dq 0                    ; the first free task stack (0: none)
rt_fiber_depth: dq 0                    ; the tasks running now, each inside the one before
