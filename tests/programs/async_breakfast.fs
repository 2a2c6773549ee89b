// Microsoft's "making breakfast" example from the C# async documentation, with virtual minutes: the order of the lines is C#'s.
using System;
using System.Threading.Tasks;

class Egg {}
class Bacon {}
class Toast {}

class Program {
    static async Task<Egg> FryEggs(int howMany) {
        Console.WriteLine("Warming the egg pan...");
        await Task.Delay(3);
        Console.WriteLine("cracking " + howMany + " eggs");
        Console.WriteLine("cooking the eggs ...");
        await Task.Delay(3);
        Console.WriteLine("Put eggs on plate");
        return new Egg();
    }

    static async Task<Bacon> FryBacon(int slices) {
        Console.WriteLine("putting " + slices + " slices of bacon in the pan");
        Console.WriteLine("cooking first side of bacon...");
        await Task.Delay(3);
        for (int slice = 0; slice < slices; slice++) {
            Console.WriteLine("flipping a slice of bacon");
        }
        Console.WriteLine("cooking the second side of bacon...");
        await Task.Delay(3);
        Console.WriteLine("Put bacon on plate");
        return new Bacon();
    }

    static async Task<Toast> ToastBread(int slices) {
        for (int slice = 0; slice < slices; slice++) {
            Console.WriteLine("Putting a slice of bread in the toaster");
        }
        Console.WriteLine("Start toasting...");
        await Task.Delay(3);
        Console.WriteLine("Remove toast from toaster");
        return new Toast();
    }

    static async Task<Toast> MakeToastWithButterAndJam(int number) {
        Toast toast = await ToastBread(number);
        ApplyButter(toast);
        ApplyJam(toast);
        return toast;
    }

    static void ApplyButter(Toast toast) { Console.WriteLine("Putting butter on the toast"); }
    static void ApplyJam(Toast toast) { Console.WriteLine("Putting jam on the toast"); }

    static async Task Main() {
        Console.WriteLine("coffee is ready");
        Task<Egg> eggsTask = FryEggs(2);
        Task<Bacon> baconTask = FryBacon(3);
        Task<Toast> toastTask = MakeToastWithButterAndJam(2);
        Egg eggs = await eggsTask;
        Console.WriteLine("eggs are ready");
        Bacon bacon = await baconTask;
        Console.WriteLine("bacon is ready");
        Toast toast = await toastTask;
        Console.WriteLine("toast is ready");
        Console.WriteLine("oj is ready");
        Console.WriteLine("Breakfast is ready!");
    }
}
