// Included by tests/programs/fluxsharp_include.fs; includes strings.fsh in turn.
using "strings.fsh";

class MathLib {
    public static int Cube(int x) {
        return x * x * x;
    }
}
