using System.Collections.Generic;
namespace App {
    interface I { }
    class P {
        int X { get; set; }
        static void Main() {
            List<int> xs = new List<int>();
            foreach (var x in xs) {
                switch (x) { default: break; }
            }
            try { } catch { }
            double d = 0.5;
            var f = (int a) => a;
            goto end;
        end:
            return;
        }
    }
}
