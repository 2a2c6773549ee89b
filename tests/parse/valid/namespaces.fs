namespace Demo {
    class P {
        static void Main() { }
    }
    namespace Inner.Most {
        class Q { }
    }
}
namespace Other.Inner;
class R { }
