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
            // In expressions: the namespace or class before a type says where it is.
            Zoo.Console.WriteLine(1);
            System.Outer.Inner h = null;
            var i = System.Nope.Count;
            var j = Zoo.Inner.ToString();
            var k = Zoo.Outer.Kind.A;
        }
    }
}
