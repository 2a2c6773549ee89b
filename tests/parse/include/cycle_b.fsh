using "cycle_a.fsh";
int B() { return 2; }
