class P { }
/* never closed
