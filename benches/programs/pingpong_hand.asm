; The Task.Yield() ping-pong of benches/programs/pingpong_cycle.fs, written
; by hand with flux-viz's promise design: the frame is the task, the
; runtime's event loop calls its continuation with the frame in rdi, and
; Task.Yield() puts the frame back in the ready queue. The yardstick for the
; await-and-resume cycle the code generator emits (benches/anchors.rs counts
; and times both). Two resume functions, as the two state-machine lowerings
; would be written by a person:
;
;   Table$resume    the frame keeps the state's number; a jump table
;   Direct$resume   the frame keeps the address of the code to continue at
;
; Each player's frame: the promise header (P_SIZE bytes), then
;   +P_SIZE       the state (a number, or the address of the state's code)
;   +P_SIZE + 8   i, the rounds played
;   +P_SIZE + 16  rounds, the rounds to play
;
; Not a file to assemble alone: benches/anchors.rs fills in the three
; words in braces (the rounds; the resume function, Table$resume or
; Direct$resume; how a frame starts: nothing, as a zeroed frame is in state
; 0, or the store of Direct$resume.state0's address),
; reads it with flux-viz's NASM reader and links it with the runtime
; (rt_alloc, rt_enqueue, rt_complete, rt_run_loop, rt_println_str, and the
; _start that calls flux$main), as the generated code is.

STATE   equ P_SIZE
I       equ P_SIZE + 8
TURNS   equ P_SIZE + 16
FRAME   equ P_SIZE + 24

section .text

; Table$resume(rdi = frame): on to the code of the frame's state.
Table$resume:
    mov rax, [rdi + STATE]
    lea rcx, [rel Table$states]
    jmp [rcx + rax*8]
.state0:
.state1:
    mov rax, [rdi + I]
    cmp rax, [rdi + TURNS]
    jae .done                           ; every round played
    inc qword [rdi + I]
    mov qword [rdi + STATE], 1          ; continue at state 1
    jmp rt_enqueue                      ; Task.Yield(): back in the queue; its ret returns to the loop
.done:
    jmp rt_complete                     ; the task completes; its ret returns to the loop

; Direct$resume(rdi = frame): one jump to the address the frame keeps.
Direct$resume:
    jmp [rdi + STATE]
.state0:
.state1:
    mov rax, [rdi + I]
    cmp rax, [rdi + TURNS]
    jae .done
    inc qword [rdi + I]
    lea rcx, [rel Direct$resume.state1]
    mov [rdi + STATE], rcx              ; continue at state 1's code
    jmp rt_enqueue
.done:
    jmp rt_complete

; flux$main: two players, both queued; the event loop runs until the second
; (the one that finishes last) has completed; then "done".
flux$main:
    push rbx
    push r12
    push r13                            ; three pushes: 16-aligned for the calls
    call new_player
    mov rbx, rax
    call new_player
    mov r12, rax
    mov rdi, rbx
    call rt_enqueue
    mov rdi, r12
    call rt_enqueue
    mov rdi, r12                        ; the loop returns once this task is done
    call rt_run_loop
    lea rdi, [rel done_text]
    call rt_println_str
    pop r13
    pop r12
    pop rbx
    ret

; new_player() → rax: a fresh frame, ready to run from its start.
new_player:
    sub rsp, 8
    mov edi, FRAME
    call rt_alloc
    lea rcx, [rel {resume}]
    mov [rax + P_CONT], rcx
    {set_start}
    mov qword [rax + TURNS], {rounds}
    add rsp, 8
    ret

section .rodata

align 8
Table$states:
    dq Table$resume.state0, Table$resume.state1
done_text:
    dq 4                                ; a string: [length][UTF-16 code units]
    dw 100, 111, 110, 101               ; "done"
