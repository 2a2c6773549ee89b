class P {
    public int X { get; set; }
    int Y { get { return 1; } private set { } }
    int Z => 5;
    public string Name { get; } = "p";
}
