class P {
    static int? Find(int[] values) { return null; }
    static void Main() {
        int? n = null;
        bool? flag = true;
        double?[] readings = null;
        string? name = null;
        var counts = new int?[3];
    }
}
