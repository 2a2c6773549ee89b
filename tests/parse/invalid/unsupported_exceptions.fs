class P {
    static void Main() {
        try {
            throw new Exception("boom");
        } catch (Exception e) {
            Console.WriteLine("caught");
        } finally {
            Console.WriteLine("done");
        }
        throw;
    }
}
