using "../shapes.fsh";
int Twice(int x) { return 2 * x; }
