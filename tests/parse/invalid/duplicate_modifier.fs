class P {
    public public static static void Main() { }
    private public int x;
}
