; =============================================================================
; poll.asm: `--model rust`: lazy futures, an executor and wakers.
;
; Under C#'s model (async.asm) calling an async method runs it at once, and
; a completing task resumes whoever awaits it. Rust's futures work the other
; way round. Calling an `async fn` only builds its future (here, as in C#,
; its frame) and runs nothing. Someone must POLL it: `poll(frame, cx)` runs
; the method from where it stopped until it is done (it returns Ready, 0) or
; must wait (it returns Pending, 1). `await child` polls the child in place,
; with the same cx; when the child is Pending, so is the parent, and the
; Pending goes all the way up to the EXECUTOR, which polled the top-level
; task. Nobody resumes anybody: whatever the task waits for keeps the cx's
; WAKER, and when it is ready it wakes it, which puts the top-level task back
; in the ready queue; the executor polls it again, and the chain of polls
; runs down to the await that was waiting. That is why `poll` needs the
; waker: without it, a future that must wait could not say when to try
; again, and the executor would have to poll everything all the time.
;
; Here a waker is the top-level task's frame itself (rsi of every poll). An
; async method's frame (src/runtime_layout.rs): the promise header, the
; state byte (rustc's discriminant), the awaited future, R_WAKER (the cx of
; its latest poll, for the awaits inside it), R_QUEUED (1 while the task is
; in the ready queue: a wake of a queued task changes nothing).
;
; Leaf futures (the runtime's):
;   Task.Delay(ms)    a timer (async.asm's timer heap, deadline fixed when the
;                     future is made): its poll is Ready once the timer has
;                     fired; else it keeps the waker (as an awaiter node:
;                     firing the timer queues the task) and is Pending
;   Task.Yield()      inline in the generated code: wake, then Pending once
;   Task.WhenAll      a join: each poll polls every child not done yet
;   Task.WhenAny      a select: the first child done, polled in order
;
; RUNTIME API
;   rt_block_on(rdi = Main's future)   poll it until it is Ready
;   rt_wake(rdi = task)                the waker: queue the task (once)
;   rt_ready(rdi = frame) → eax = 0    the future is done (its result stored)
;   rt_poll_delay(rdi = ms) → rax      Task.Delay as a future
;   rt_poll_join(rdi = array, rsi = elem size) → rax     Task.WhenAll
;   rt_poll_select(rdi = array) → rax  Task.WhenAny
; =============================================================================

section .text

; -----------------------------------------------------------------------------
; rt_block_on(rdi = the top-level future): the executor. It polls the task
; whenever it is in the ready queue; when nothing is ready it fires the next
; timers (their wakers queue the task); until the task is Ready.
; -----------------------------------------------------------------------------
rt_block_on:
    push rbx
    push r12
    push r13                            ; three pushes: 16-aligned for the calls
    mov rbx, rdi                        ; rbx = the top-level task
    mov [rel rt_main_task], rdi
    call rt_wake                        ; queued for its first poll
    lea r12, [rel rt_queue]
.next:
    mov eax, [rel rt_queue_head]
    cmp eax, [rel rt_queue_tail]
    je .idle                            ; nothing is ready
    mov rdi, [r12 + rax*8]              ; the oldest ready task
    inc eax
    and eax, QUEUE_SLOTS - 1
    mov [rel rt_queue_head], eax        ; taken off the queue
    mov qword [rdi + R_QUEUED], 0       ; a wake may queue it again
    cmp qword [rdi + P_STATUS], 0
    jne .next                           ; woken twice, and Ready since: not polled again
    mov rsi, rdi                        ; cx: its own waker
    call [rdi + P_CONT]                 ; @poll the executor polls the top-level task
    jmp .next
.idle:
    cmp qword [rbx + P_STATUS], 0
    jne .done                           ; Ready: the program's work is done
    cmp qword [rel rt_timer_count], 0
    je .deadlock                        ; Pending, and nothing can ever wake it
    call rt_fire_timers                 ; the next timers fire: their wakers queue the task
    jmp .next
.done:
    pop r13
    pop r12
    pop rbx
    ret
.deadlock:
    xor edi, edi
    call fail$deadlock                  ; @no-return the return address shows who failed

; -----------------------------------------------------------------------------
; rt_wake(rdi = task): the waker. The task joins the ready queue, unless it
; is there already.
; -----------------------------------------------------------------------------
rt_wake:
    cmp qword [rdi + R_QUEUED], 0
    jne .queued
    mov qword [rdi + R_QUEUED], 1
    jmp rt_enqueue                      ; (its ret returns to the waker's caller)
.queued:
    ret

; -----------------------------------------------------------------------------
; rt_ready(rdi = frame) → eax = 0 (Ready): an async method's future is done;
; its result is stored. Nobody is resumed: whoever polled it reads it.
; -----------------------------------------------------------------------------
rt_ready:
    mov qword [rdi + P_STATUS], 1       ; @complete done: a later poll is not needed
    xor eax, eax
    ret

; -----------------------------------------------------------------------------
; rt_poll_delay(rdi = ms) → rax: Task.Delay(ms) as a future: async.asm's
; timer (or its done-at-once task, or its never-done one), with a poll.
; -----------------------------------------------------------------------------
rt_poll_delay:
    sub rsp, 8                          ; keeps the call 16-byte aligned
    call rt_delay
    add rsp, 8
    cmp qword [rax + P_STATUS], 0
    jne .done                           ; done at once: never polled
    lea rcx, [rel rt_timer_poll]
    mov [rax + P_CONT], rcx             ; its poll
.done:
    ret

; rt_timer_poll(rdi = timer, rsi = waker) → eax: Ready once it has fired
; (the generated code polls only what is not done yet); else it keeps the
; waker, once, in its result word (a timer has no result) and as an awaiter
; node: when the timer fires, rt_complete queues the task.
rt_timer_poll:
    cmp qword [rdi + P_STATUS], 0
    jne .ready
    cmp [rdi + P_RESULT], rsi
    je .pending                         ; it keeps this waker already
    mov [rdi + P_RESULT], rsi
    sub rsp, 8                          ; keeps the call 16-byte aligned
    call rt_await                       ; the waker's task wakes when it fires
    add rsp, 8
.pending:
    mov eax, 1                          ; Pending
    ret
.ready:
    xor eax, eax                        ; Ready
    ret

; -----------------------------------------------------------------------------
; rt_poll_join(rdi = array of futures, rsi = result element size or 0) → rax:
; Task.WhenAll as a future (a join): every poll polls each child that is not
; done yet; Ready once all are, with their results gathered for a Task<T>[].
; -----------------------------------------------------------------------------
rt_poll_join:
    push rdi
    push rsi
    sub rsp, 8                          ; two pushes + 8: aligned for the call
    mov edi, W_SIZE
    call rt_alloc
    add rsp, 8
    pop qword [rax + W_ELEM]            ; @made(when-all) the join's future
    pop qword [rax + W_TASKS]
    lea rcx, [rel rt_join_poll]
    mov [rax + P_CONT], rcx
    ret

; rt_join_poll(rdi = join, rsi = waker) → eax
rt_join_poll:
    push rbx
    push r12
    push r13
    push r14
    push r15
    mov rbx, rdi                        ; rbx = the join
    mov r12, rsi                        ; r12 = the waker
    mov r13, [rbx + W_TASKS]            ; r13 = the children
    xor r14d, r14d                      ; r14 = the child's index
    xor r15d, r15d                      ; r15 = children still pending
.each:
    cmp r14, [r13]
    jae .polled
    mov rdi, [r13 + 8 + r14*8]          ; the child
    inc r14
    cmp qword [rdi + P_STATUS], 0
    jne .each                           ; done already
    mov rsi, r12
    call [rdi + P_CONT]                 ; @poll-child the join polls its child
    add r15, rax                        ; Pending (1) counts
    jmp .each
.polled:
    mov eax, 1
    test r15, r15
    jnz .out                            ; some child must still wait: Pending
    cmp qword [rbx + W_ELEM], 0
    je .finish
    call rt_when_all_results            ; (rbx = the join) the results, in order
.finish:
    mov rdi, rbx
    call rt_ready                       ; eax = 0: Ready
.out:
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    ret

; -----------------------------------------------------------------------------
; rt_poll_select(rdi = array of futures) → rax: Task.WhenAny as a future: its
; poll polls the children in order and is Ready with the first one done.
; -----------------------------------------------------------------------------
rt_poll_select:
    push rdi
    mov edi, W_SIZE
    call rt_alloc
    pop qword [rax + W_TASKS]           ; @made(when-any) the select's future
    lea rcx, [rel rt_select_poll]
    mov [rax + P_CONT], rcx
    ret

; rt_select_poll(rdi = select, rsi = waker) → eax
rt_select_poll:
    push rbx
    push r12
    push r13
    push r14
    sub rsp, 8                          ; four pushes + 8: aligned for the calls
    mov rbx, rdi                        ; rbx = the select
    mov r12, rsi                        ; r12 = the waker
    mov r13, [rbx + W_TASKS]            ; r13 = the children
    xor r14d, r14d                      ; r14 = the child's index
.each:
    mov eax, 1
    cmp r14, [r13]
    jae .out                            ; none is done: Pending
    mov rdi, [r13 + 8 + r14*8]          ; the child
    inc r14
    cmp qword [rdi + P_STATUS], 0
    jne .won                            ; done already
    push rdi
    sub rsp, 8
    mov rsi, r12
    call [rdi + P_CONT]                 ; @poll-child the select polls its child
    add rsp, 8
    pop rdi
    test eax, eax
    jnz .each
.won:
    mov [rbx + P_RESULT], rdi           ; its result: the first child done
    mov rdi, rbx
    call rt_ready                       ; eax = 0: Ready
.out:
    add rsp, 8
    pop r14
    pop r13
    pop r12
    pop rbx
    ret
