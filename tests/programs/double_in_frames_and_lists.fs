// Doubles in a List<double>, an array, a static field and an async method's frame (kept across awaits).
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
class P {
    static double field = 2.5;
    static async Task<double> Twice(double x) { await Task.Delay(1); double y = x * 2; await Task.Yield(); return y + field; }
    static async Task Main() {
        Console.Write(1.5);
        Console.Write(' ');
        Console.WriteLine(-2.0);
        var list = new List<double> { 1.5, 2.5 };
        list.Add(3);
        foreach (var v in list) Console.Write(v + ";");
        Console.WriteLine();
        Console.WriteLine(await Twice(4));
        double[] arr = new double[3];
        arr[1] = 0.5;
        arr[2] += 1.25;
        arr[2]++;
        Console.WriteLine(arr[0] + arr[1] + arr[2]);
        Console.WriteLine(list.Contains(2.5) + " " + list.IndexOf(3));
    }
}
