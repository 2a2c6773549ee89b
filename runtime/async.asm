; =============================================================================
; async.asm: promises, the ready queue, virtual-time timers and the event loop.
;
; This is the machinery behind `await`. Every task is a PROMISE: a block of
; memory that starts with the same header (offsets shared with src/ir.rs):
;
;   +0   status        0 while pending, 1 once completed, 2 once faulted
;   +8   result        the value of a Task<T>; of a faulted task, its exception
;   +16  continuation  code the event loop calls to run this promise, with the
;                      promise itself in rdi
;   +24  awaiters      first node of the list of those waiting for it
;   +32  state         (async methods) which await the method stopped at
;   +40  awaited       (async methods) the task it is waiting for
;
; An async method's frame IS its promise: the header, then its arguments and
; the locals that live across awaits. Its continuation is its resume function
; (`Twice$resume`), which takes the frame in rdi.
;
; Waiting is recorded in AWAITER NODES (16 bytes): [next][waiter | kind]. A
; node's low bits say what to do when the task completes: 0 = resume the
; waiter (an async method), NODE_WHEN_ALL = count one more finished task of a
; Task.WhenAll, NODE_WHEN_ANY = complete a Task.WhenAny with this task, if it
; is the first to end (both at once, as C# completes them inside the
; completion of the task).
;
; WHERE A WAITER RESUMES (LANGUAGE.md section 7). C# on one thread resumes an
; awaiter INLINE: when an async method completes, rt_complete calls each
; awaiter's continuation right there, before it returns to the code that
; completed the task (the continuation jump comes from the completing code).
; Two cases go through the ready queue instead:
;   - a timer's awaiters: a timer fires outside the program's code (in C#, on
;     a timer thread, which posts them to the loop), so rt_fire_timers sets
;     rt_firing while it completes timers;
;   - every awaiter under `--schedule queued` (rt_schedule = 1), the teaching
;     option that queues every continuation, as JavaScript promises do.
; Task.Yield() always queues: its whole point is to let the others run first.
;
; THE EVENT LOOP (rt_run_loop) repeats:
;   1. if the ready queue has a promise: take the oldest and call its
;      continuation with the promise in rdi (the "poll" and the "continuation
;      jump"); one handler record, made when the loop starts, catches an
;      exception that leaves the method: its task faults;
;   2. else if Main has completed: return (pending timers are dropped);
;   3. else if a timer is pending: advance virtual time to the earliest
;      deadline and fire every timer due then, in registration order;
;   4. else nothing can ever wake Main: deadlock (exit 9).
; If Main's task faults, its exception is uncaught: rt_fault puts Main at the
; front of the ready queue, so the loop takes it next, and the program ends
; there (what ran inline after the fault still finishes first).
;
; RUNTIME API (System V: arguments rdi, rsi; result rax; rbx, rbp, r12-r15 kept)
;   rt_await(rdi=task, rsi=waiter)     append the waiter to the task's awaiters
;   rt_complete(rdi=promise)           mark completed, resume (or queue) every
;                                      awaiter in the order they began waiting
;   rt_fault(rdi=promise, rsi=exception)      the same for a task that faulted
;   rt_fault_void(rdi=frame, rsi=exception)   async void: post it to the loop
;   rt_enqueue(rdi=promise)            append to the ready queue
;   rt_start(rdi=frame)                a hot start: run the method up to its
;                                      first suspension (a fault stays in its task)
;   rt_run_loop(rdi=main task)         run until Main is done and nothing is ready
;   rt_delay(rdi=ms) → rax             Task.Delay: a timer promise (0: done at once,
;                                      -1: never done, below -1: an exception)
;   rt_from_result(rdi=value) → rax    Task.FromResult: a completed promise
;   rt_when_all(rdi=array, rsi=elem size) → rax   Task.WhenAll over an array of
;                                      tasks; elem size 0 for Task, else the size
;                                      of each result in the result array
;   rt_when_any(rdi=array) → rax       Task.WhenAny: its result is the first task
;                                      of the array to end
;   rt_completed_task (rodata)         Task.CompletedTask
;   rt_now (data)                      virtual time in milliseconds
;   rt_schedule (data)                 0 = C#; flux$main stores 1 for --schedule queued
; =============================================================================

; The layout names used below are defined by flux-viz itself, from
; src/runtime_layout.rs, the one place the code generator and the stepping
; engine read them from too:
;   a promise:        P_STATUS (0 pending, 1 done), P_RESULT, P_CONT (the
;                     continuation), P_AWAITERS (who waits), P_SIZE (a plain promise's size; an async
;                     method's frame continues with its state)
;   a timer promise:  T_DEADLINE (virtual ms), T_SEQUENCE (registration
;                     order), T_SIZE
;   a WhenAll:        W_REMAINING (tasks still running), W_TASKS (the array),
;                     W_ELEM (result element size, 0: none), W_SIZE
;   capacities:       QUEUE_SLOTS (ready queue ring, a power of two),
;                     TIMER_SLOTS (timer heap)

section .text

; -----------------------------------------------------------------------------
; rt_enqueue(rdi = promise): append to the ready queue, a ring buffer.
; rt_queue_head and rt_queue_tail are slot indices; the queue holds the slots
; from head up to (not including) tail, wrapping around. One slot always stays
; free, so that head == tail can only mean "empty".
; -----------------------------------------------------------------------------
rt_enqueue:
    lea rcx, [rel rt_queue]             ; @wake the promise joins the ready queue
    mov eax, [rel rt_queue_tail]
    mov [rcx + rax*8], rdi              ; the promise goes into the free slot at tail
    inc eax
    and eax, QUEUE_SLOTS - 1            ; the next slot, wrapping around the ring
    cmp eax, [rel rt_queue_head]
    je .full                            ; tail would catch up with head: no room left
    mov [rel rt_queue_tail], eax
    ret
.full:
    xor edi, edi
    call fail$oom                       ; @no-return the return address shows who failed

; -----------------------------------------------------------------------------
; rt_await(rdi = task, rsi = waiter): the waiter (a frame) resumes after the
; task completes. Nodes are appended at the end: awaiters wake in the order
; they began to wait.
; -----------------------------------------------------------------------------
rt_await:
    push rbx
    push r12
    push r13                            ; three pushes: rsp is 16-aligned again for the call
    mov rbx, rdi                        ; rbx = the task
    mov r12, rsi                        ; r12 = the waiter (low bit = kind)
    mov edi, 16
    call rt_alloc                       ; a fresh node [next][waiter]
    mov [rax + 8], r12
    lea rdx, [rbx + P_AWAITERS]         ; rdx = address of the link to follow
.walk:
    mov rcx, [rdx]
    test rcx, rcx
    jz .append                          ; found the end of the list
    lea rdx, [rcx]                      ; the next link is the node's first word
    jmp .walk
.append:
    mov [rdx], rax                      ; link the new node at the end
    pop r13
    pop r12
    pop rbx
    ret

; -----------------------------------------------------------------------------
; rt_complete(rdi = promise): the task is done (its result is already stored).
; Wakes its awaiters in the order they began to wait: frames resume inline
; (or join the ready queue, see "where a waiter resumes" above), WhenAll
; promises count down at once.
; -----------------------------------------------------------------------------
rt_complete:
    mov qword [rdi + P_STATUS], 1       ; @complete completed: later awaits will not suspend
rt_wake_awaiters:
    push rbx
    push r12
    push r13
    sub rsp, RECORD_ROOM                ; a handler record: three pushes and it keep rsp 16-aligned
    mov r13, rdi                        ; r13 = the task that ended (for a WhenAny)
    mov rbx, [rdi + P_AWAITERS]         ; rbx = the first node
    mov qword [rdi + P_AWAITERS], 0     ; the list is used up
.next:
    test rbx, rbx
    jz .done
    mov r12, [rbx + 8]                  ; r12 = the waiter, low bit = its kind
    mov rbx, [rbx]                      ; move on before anything else runs
    test r12, NODE_WHEN_ALL
    jnz .when_all
    test r12, NODE_WHEN_ANY
    jnz .when_any
    cmp qword [rel rt_schedule], 0
    jne .queue                          ; --schedule queued: every awaiter waits its turn
    cmp qword [rel rt_firing], 0
    jne .queue                          ; a timer is firing: its awaiters are posted to the loop
    mov rdi, rsp
    lea rsi, [rel .faulted]
    call rt_link_handler                ; an exception that leaves the waiter faults the waiter
    mov rdi, r12                        ; rdi = the waiter's promise (its frame)
    call [rdi + P_CONT]                 ; @resume the continuation jump, from inside this completion
    mov rcx, [rsp + H_PREV]             ; the waiter returned: its record is done with
    mov [rel rt_handler], rcx
    jmp .next
.faulted:                               ; rax = the exception; rbx, r12, r13 and rsp as at the link
    mov rdi, r12                        ; the waiter's task keeps it
    mov rsi, rax
    call rt_fault
    jmp .next
.queue:
    mov rdi, r12
    call rt_enqueue                     ; the waiter resumes later, from the event loop
    jmp .next
.when_all:
    lea rdi, [r12 - NODE_WHEN_ALL]      ; clear the kind bit: the WhenAll promise
    call rt_when_all_step
    jmp .next
.when_any:
    lea rdi, [r12 - NODE_WHEN_ANY]      ; clear the kind bit: the WhenAny promise
    mov rsi, r13                        ; the task that ended
    call rt_when_any_step
    jmp .next
.done:
    add rsp, RECORD_ROOM
    pop r13
    pop r12
    pop rbx
    ret

; -----------------------------------------------------------------------------
; rt_fault(rdi = promise, rsi = exception): an exception left the async method
; (the handler record of whoever ran it caught it). The task keeps the
; exception; its awaiters wake as for a completion, and each rethrows it at
; its await. A faulted task nobody awaits is simply dropped. Main's task
; has no awaiter but the program: see rt_fault_main.
; -----------------------------------------------------------------------------
rt_fault:
    mov qword [rdi + P_STATUS], FAULTED ; @faulted the task ends with an exception
    mov [rdi + P_RESULT], rsi           ; kept for whoever awaits it
    cmp rdi, [rel rt_main_task]
    jne rt_wake_awaiters

; rt_fault_main(rdi = Main's task): nothing outside Main can catch its
; exception. The loop must take Main next, ahead of everything ready, and end
; the program there. Main's continuation becomes rt_uncaught_posted, and Main
; takes the place of the promise at the front of the ready queue (which will
; never run now); the head itself does not move, so the slot the loop took
; last still names the promise it is running.
rt_fault_main:
    lea rax, [rel rt_uncaught_posted]
    mov [rdi + P_CONT], rax             ; what the loop will run for Main
    mov eax, [rel rt_queue_head]
    cmp eax, [rel rt_queue_tail]
    je rt_enqueue                       ; nothing ready: Main is simply the only promise queued
    lea rcx, [rel rt_queue]
    mov [rcx + rax*8], rdi              ; at the front, in place of the promise there
    ret

; rt_uncaught_posted(rdi = Main's task): run by the event loop.
rt_uncaught_posted:
    mov rdi, [rdi + P_RESULT]           ; Main's exception
    jmp rt_uncaught                     ; nothing outside Main can catch it

; rt_fault_void(rdi = frame, rsi = exception): an `async void` method has no
; task to keep it: as in C#, the exception is posted to the event loop, and
; rethrown there, where nothing catches it.
rt_fault_void:
    mov qword [rdi + P_STATUS], FAULTED ; @faulted the method ends with an exception
    mov [rdi + P_RESULT], rsi
    lea rax, [rel rt_rethrow_posted]
    mov [rdi + P_CONT], rax             ; what the loop will run for this frame
    jmp rt_enqueue

; rt_rethrow_posted(rdi = frame): run by the event loop, where nothing
; catches it (the loop's own record is for the tasks it resumes).
rt_rethrow_posted:
    mov rdi, [rdi + P_RESULT]
    jmp rt_uncaught                     ; uncaught: the program ends

; -----------------------------------------------------------------------------
; rt_start(rdi = frame): C#'s hot start. The starter of an async method calls
; it once the frame is filled in: it runs the resume function now, up to the
; method's first real suspension, with a handler record around it, so that
; an exception that leaves the method faults its task (and the starter still
; returns the task to its caller).
; -----------------------------------------------------------------------------
rt_start:
    push rbx
    sub rsp, RECORD_ROOM                ; the record: with the push, rsp stays 16-aligned
    mov rbx, rdi                        ; rbx = the frame (the record keeps it)
    mov rdi, rsp
    lea rsi, [rel .faulted]
    call rt_link_handler
    mov rdi, rbx                        ; the resume function takes the frame in rdi
    call [rbx + P_CONT]                 ; runs the method now (state 0)
    mov rcx, [rsp + H_PREV]             ; it returned: the record is done with
    mov [rel rt_handler], rcx
.out:
    add rsp, RECORD_ROOM
    pop rbx
    ret
.faulted:                               ; rax = the exception; rbx and rsp as at the link
    mov rdi, rbx                        ; the task keeps it
    mov rsi, rax
    call rt_fault
    jmp .out

; -----------------------------------------------------------------------------
; rt_from_result(rdi = value) → rax: Task.FromResult(value), already completed.
; -----------------------------------------------------------------------------
rt_from_result:
    push rdi
    mov edi, P_SIZE
    call rt_alloc
    pop rdi                             ; @made(from-result) a completed promise
    mov [rax + P_RESULT], rdi
    mov qword [rax + P_STATUS], 1
    ret

; -----------------------------------------------------------------------------
; rt_delay(rdi = ms) → rax: Task.Delay(ms), as C# defines it: a timer at now + ms,
; ordered by (deadline, registration); 0 is complete at once (so `await` goes
; on); -1 is C#'s infinite delay, a task that never completes; below -1 throws
; ArgumentOutOfRangeException.
; -----------------------------------------------------------------------------
rt_delay:
    test rdi, rdi
    jg .timer
    jz .done_at_once
    cmp rdi, -1
    je .forever
    sub rsp, 8                          ; keeps the call 16-byte aligned
    xor edi, edi
    call throw$argument_range           ; @no-return the return address shows who called Delay
.done_at_once:
    lea rax, [rel rt_completed_task]    ; already done: nothing to wait for
    ret
.forever:
    sub rsp, 8                          ; keeps the call 16-byte aligned
    mov edi, P_SIZE
    call rt_alloc
    add rsp, 8                          ; @made(never) a pending promise no timer will ever complete
    ret
.timer:
    push rbx
    mov rbx, rdi
    mov edi, T_SIZE
    call rt_alloc
    add rbx, [rel rt_now]               ; @made(timer) the timer's promise is in rax
    mov [rax + T_DEADLINE], rbx         ; @timer-set fires at now + ms
    mov rcx, [rel rt_timer_seq]
    mov [rax + T_SEQUENCE], rcx         ; ties are broken by registration order
    inc rcx
    mov [rel rt_timer_seq], rcx
    mov rbx, rax
    mov rdi, rax
    call rt_timer_push
    mov rax, rbx
    pop rbx
    ret

; -----------------------------------------------------------------------------
; rt_when_all(rdi = array of tasks, rsi = result element size or 0) → rax
; A promise that completes when every task has. For Task<T>[] it gathers the
; results, in argument order, into a new array.
; -----------------------------------------------------------------------------
rt_when_all:
    push rbx
    push r12
    push r13
    push r14
    sub rsp, 8                          ; four pushes + 8: aligned for the calls below
    mov r12, rdi                        ; r12 = the array of tasks
    mov r13, rsi                        ; r13 = element size
    mov edi, W_SIZE
    call rt_alloc
    mov rbx, rax                        ; @made(when-all) rbx = the WhenAll promise
    mov [rbx + W_TASKS], r12
    mov [rbx + W_ELEM], r13
    mov qword [rbx + W_REMAINING], 1    ; one extra count, dropped below, so it cannot finish early
    xor r14d, r14d                      ; r14 = index
.each:
    cmp r14, [r12]
    jae .counted
    mov rdi, [r12 + 8 + r14*8]          ; the task at this index
    inc r14
    cmp qword [rdi + P_STATUS], 0
    jne .each                           ; already done (or faulted): nothing to wait for
    inc qword [rbx + W_REMAINING]
    lea rsi, [rbx + NODE_WHEN_ALL]      ; count down inline on completion
    call rt_await
    jmp .each
.counted:
    mov rdi, rbx
    call rt_when_all_step               ; drop the extra count (completes if all were done)
    mov rax, rbx
    add rsp, 8
    pop r14
    pop r13
    pop r12
    pop rbx
    ret

; rt_when_all_step(rdi = WhenAll promise): one task finished. After the last,
; the WhenAll faults with the first faulted task's exception (in argument
; order, as `await Task.WhenAll` rethrows), or else completes.
rt_when_all_step:
    dec qword [rdi + W_REMAINING]
    jnz .wait
    push rbx
    mov rbx, rdi
    mov rcx, [rbx + W_TASKS]
    xor edx, edx                        ; rdx = index
.find_fault:
    cmp rdx, [rcx]
    jae .none_faulted
    mov rax, [rcx + 8 + rdx*8]
    inc rdx
    cmp qword [rax + P_STATUS], FAULTED
    jne .find_fault
    mov rdi, rbx
    mov rsi, [rax + P_RESULT]           ; the first exception
    pop rbx
    jmp rt_fault                        ; tail call: wakes the WhenAll's awaiters
.none_faulted:
    cmp qword [rbx + W_ELEM], 0
    je .finish
    call rt_when_all_results
.finish:
    mov rdi, rbx
    pop rbx
    jmp rt_complete                     ; tail call: wakes the WhenAll's own awaiters
.wait:
    ret

; -----------------------------------------------------------------------------
; rt_when_any(rdi = array of tasks) → rax: Task.WhenAny, a promise whose result
; is the first of the tasks to end (completed or faulted: the WhenAny itself
; never faults; awaiting its result rethrows). A task that has ended already
; wins at once, the first in argument order; else every task gets an awaiter
; node of kind NODE_WHEN_ANY, and the first to end completes the WhenAny
; (rt_when_any_step); the later ones find it done. No tasks at all is C#'s
; ArgumentException.
; -----------------------------------------------------------------------------
rt_when_any:
    push rbx
    push r12
    push r13                            ; three pushes: aligned for the calls below
    mov r12, rdi                        ; r12 = the array of tasks
    cmp qword [r12], 0
    je .empty
    mov edi, P_SIZE
    call rt_alloc
    mov rbx, rax                        ; @made(when-any) rbx = the WhenAny promise
    xor r13d, r13d                      ; r13 = index
.ended:
    cmp r13, [r12]
    jae .wait                           ; none has ended yet
    mov rsi, [r12 + 8 + r13*8]          ; the task at this index
    inc r13
    cmp qword [rsi + P_STATUS], 0
    je .ended
    mov rdi, rbx
    call rt_when_any_step               ; it has ended: it wins, the WhenAny completes now
    jmp .done
.wait:
    xor r13d, r13d
.each:
    cmp r13, [r12]
    jae .done
    mov rdi, [r12 + 8 + r13*8]          ; the task at this index
    inc r13
    lea rsi, [rbx + NODE_WHEN_ANY]      ; complete the WhenAny inline when it ends
    call rt_await
    jmp .each
.done:
    mov rax, rbx
    pop r13
    pop r12
    pop rbx
    ret
.empty:
    xor edi, edi
    call throw$no_tasks                 ; @no-return the return address shows who called WhenAny

; rt_when_any_step(rdi = WhenAny promise, rsi = a task that ended): the
; first one is the WhenAny's result, and the WhenAny completes.
rt_when_any_step:
    cmp qword [rdi + P_STATUS], 0
    jne .late                           ; another task ended first: nothing to do
    mov [rdi + P_RESULT], rsi           ; the winner
    jmp rt_complete                     ; tail call: wakes the WhenAny's awaiters
.late:
    ret

; rt_when_all_results(rbx = WhenAll promise): result = array of the results.
rt_when_all_results:
    push r12
    push r13
    push r14
    mov r12, [rbx + W_TASKS]
    mov r13, [rbx + W_ELEM]
    mov rdi, [r12]
    imul rdi, r13
    add rdi, 8
    call rt_alloc                       ; [length][elements]
    mov rcx, [r12]
    mov [rax], rcx
    mov [rbx + P_RESULT], rax
    xor r14d, r14d
.copy:
    cmp r14, [r12]
    jae .done
    mov rdx, [r12 + 8 + r14*8]
    mov rdx, [rdx + P_RESULT]           ; this task's result
    mov rcx, r14
    imul rcx, r13
    lea rcx, [rax + 8 + rcx]            ; where element r14 goes
    cmp r13, 8
    je .q
    cmp r13, 4
    je .d
    cmp r13, 2
    je .w
    mov [rcx], dl
    jmp .stored
.w:
    mov [rcx], dx
    jmp .stored
.d:
    mov [rcx], edx
    jmp .stored
.q:
    mov [rcx], rdx
.stored:
    inc r14
    jmp .copy
.done:
    pop r14
    pop r13
    pop r12
    ret

; -----------------------------------------------------------------------------
; rt_run_loop(rdi = Main's task; rt_completed_task for a Main that is not
; async, so the loop's checks of it need no special case)
; -----------------------------------------------------------------------------
rt_run_loop:
    push rbx
    push r12
    push r13
    sub rsp, RECORD_ROOM                ; the loop's handler record; three pushes, 16-aligned
    mov rbx, rdi                        ; rbx = Main's task
    mov [rel rt_main_task], rdi         ; (rt_fault tells Main's task by it)
    lea r12, [rel rt_queue]             ; r12 = the ready queue's slots
    mov r13d, [rel rt_queue_head]       ; r13 = the head, kept in a register: only the loop moves it
    cmp qword [rbx + P_STATUS], FAULTED
    je .main_faulted                    ; Main faulted before the loop began (in its hot start)
.guard:
    mov rdi, rsp
    lea rsi, [rel .faulted]
    call rt_link_handler                ; one record for every resume the loop makes
    jmp .poll
.run:
    mov rdi, [r12 + r13*8]              ; rdi = the oldest ready promise
    inc r13d
    and r13d, QUEUE_SLOTS - 1
    mov [rel rt_queue_head], r13d       ; taken off the queue (rt_enqueue reads the head)
    call [rdi + P_CONT]                 ; @poll the continuation jump: resume the method
.poll:
    cmp r13d, [rel rt_queue_tail]
    jne .run                            ; something is ready: run it
    cmp qword [rbx + P_STATUS], 0
    jne .finished                       ; Main's task completed and nothing is ready
    cmp qword [rel rt_timer_count], 0
    je .deadlock                        ; nothing ready, no timer: Main can never finish
    call rt_fire_timers
    jmp .poll
.finished:
    mov rcx, [rsp + H_PREV]             ; the loop's record is done with
    mov [rel rt_handler], rcx
    add rsp, RECORD_ROOM
    pop r13
    pop r12
    pop rbx
    ret
.faulted:                               ; rax = the exception; rbx, r12 and rsp as at .guard
    mov rsi, rax
    mov r13d, [rel rt_queue_head]       ; (r13 came back as it was at .guard: the head is in memory)
    lea eax, [r13 - 1]                  ; the promise the loop ran is the one it took last:
    and eax, QUEUE_SLOTS - 1            ; its slot, just behind the head, is still intact
    mov rdi, [r12 + rax*8]              ; (only a full queue could reach it, and that stops the program)
    call rt_fault                       ; its task keeps the exception; its awaiters wake
    jmp .guard                          ; the record was used up: make it again
.deadlock:
    xor edi, edi
    call fail$deadlock                  ; @no-return the return address shows who failed
.main_faulted:
    mov rdi, [rbx + P_RESULT]           ; Main's exception
    call rt_uncaught                    ; @no-return nothing outside Main can catch it

; rt_fire_timers: advance virtual time to the earliest deadline and complete
; every timer due then, earliest registration first. While it does, rt_firing
; is 1: the timers' awaiters go to the ready queue rather than resume inside
; the firing (C# posts them from the timer thread to the loop).
rt_fire_timers:
    push rbx
    mov qword [rel rt_firing], 1
    mov rax, [rel rt_timer_heap]        ; the heap's root is the earliest timer
    mov rax, [rax + T_DEADLINE]
    mov [rel rt_now], rax               ; @timer-advance virtual time jumps forward
.fire:
    cmp qword [rel rt_timer_count], 0
    je .done
    mov rax, [rel rt_timer_heap]
    mov rcx, [rax + T_DEADLINE]
    cmp rcx, [rel rt_now]
    jne .done                           ; the next timer is later
    call rt_timer_pop                   ; rax = that timer
    mov rdi, rax
    call rt_complete                    ; @timer-fire its awaiters go to the ready queue
    jmp .fire
.done:
    mov qword [rel rt_firing], 0        ; back in the program's code: awaiters resume inline
    pop rbx
    ret

; -----------------------------------------------------------------------------
; The timer heap: a binary min-heap of timer promises ordered by
; (deadline, sequence). rt_timer_heap holds its slots; children of slot i are
; 2i+1 and 2i+2.
; -----------------------------------------------------------------------------

; rt_timer_less(rdi = a, rsi = b) → flags: jb taken when a fires before b.
rt_timer_less:
    mov rax, [rdi + T_DEADLINE]
    cmp rax, [rsi + T_DEADLINE]
    jne .decided
    mov rax, [rdi + T_SEQUENCE]
    cmp rax, [rsi + T_SEQUENCE]
.decided:
    ret

; rt_timer_push(rdi = timer): sift it up from the end.
rt_timer_push:
    mov rcx, [rel rt_timer_count]
    cmp rcx, TIMER_SLOTS
    jae .full
    lea r8, [rel rt_timer_heap]
    lea rax, [rcx + 1]
    mov [rel rt_timer_count], rax
.up:
    test rcx, rcx
    jz .place                           ; reached the root
    lea rdx, [rcx - 1]
    shr rdx, 1                          ; rdx = parent slot
    mov rsi, [r8 + rdx*8]
    call rt_timer_less                  ; does the new timer fire before the parent?
    jae .place
    mov [r8 + rcx*8], rsi               ; move the parent down
    mov rcx, rdx
    jmp .up
.place:
    mov [r8 + rcx*8], rdi
    ret
.full:
    xor edi, edi
    call fail$oom                       ; @no-return the return address shows who failed

; rt_timer_pop() → rax: remove the earliest timer; sift the last one down.
rt_timer_pop:
    push rbx
    lea r8, [rel rt_timer_heap]
    mov rbx, [r8]                       ; the answer: the root
    mov r9, [rel rt_timer_count]
    dec r9
    mov [rel rt_timer_count], r9
    mov rdi, [r8 + r9*8]                ; rdi = the last timer, to re-insert from the root
    xor ecx, ecx                        ; rcx = the hole
.down:
    lea rdx, [rcx*2 + 1]                ; rdx = left child
    cmp rdx, r9
    jae .place
    mov rsi, [r8 + rdx*8]
    lea r10, [rdx + 1]                  ; r10 = right child
    cmp r10, r9
    jae .chosen
    push rdi
    mov rdi, [r8 + r10*8]
    call rt_timer_less                  ; right before left?
    mov r11, rdi
    pop rdi
    jae .chosen
    mov rdx, r10
    mov rsi, r11
.chosen:
    mov r11, rdi                        ; r11 = the moving timer
    mov rdi, rsi
    mov rsi, r11
    call rt_timer_less                  ; does the child fire before the moving timer?
    mov rsi, rdi                        ; (mov leaves the flags alone)
    mov rdi, r11
    jae .place
    mov [r8 + rcx*8], rsi               ; the child moves up into the hole
    mov rcx, rdx
    jmp .down
.place:
    mov [r8 + rcx*8], rdi
    mov rax, rbx
    pop rbx
    ret

section .rodata

; Task.CompletedTask, and what Task.Delay(0) returns: a promise that is done.
align 8
rt_completed_task:
    dq 1, 0, 0, 0, 0

section .data

align 8
rt_now:         dq 0                    ; virtual time in milliseconds
rt_timer_seq:   dq 0                    ; the next timer's registration number
rt_timer_count: dq 0                    ; timers in the heap
rt_queue_head:  dq 0                    ; slot of the oldest ready promise (low 32 bits used)
rt_queue_tail:  dq 0                    ; the free slot the next promise goes into
rt_firing:      dq 0                    ; 1 while timers fire: their awaiters are queued
rt_schedule:    dq 0                    ; 1 under --schedule queued: every awaiter is queued
rt_main_task:   dq 0                    ; Main's task, once the loop runs (0 before)

section .bss

alignb 8
rt_queue:       resq QUEUE_SLOTS        ; the ready queue's ring of promise pointers
rt_timer_heap:  resq TIMER_SLOTS        ; the timer heap's slots
