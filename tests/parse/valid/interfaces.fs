interface IShape {
    int Area();
}
class Square : Base, IShape {
    public int Area() { return 1; }
}
