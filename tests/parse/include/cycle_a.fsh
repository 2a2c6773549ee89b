using "cycle_b.fsh";
int A() { return 1; }
