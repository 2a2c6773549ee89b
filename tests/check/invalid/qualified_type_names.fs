namespace Zoo {
    class Outer { public class Inner { } public enum Kind { A } }
    class Other { }
    class P {
        static void Main() {
            Other.Inner a = null;
            Nowhere.Inner b = null;
            Zoo.Inner c = null;
            Zoo.Outer d = null;
            Zoo.Nope.Outer e = null;
            Outer.Inner f = new Other.Inner();
            var g = Other.Kind.A;
        }
    }
}
