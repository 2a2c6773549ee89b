namespace Demo {
    class P {
        static void Main() { }
    }
}
namespace Other.Inner;
