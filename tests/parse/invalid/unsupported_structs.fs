struct Point {
    public int X;
}
class P { struct Inner { } }
