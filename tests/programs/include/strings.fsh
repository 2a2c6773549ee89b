// Included by include/mathlib.fsh (a nested include, relative to the including file).
class Strs {
    public static string Bracket(string s) {
        return "[" + s + "]";
    }
}
