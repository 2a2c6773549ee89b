// exit: 2
// stderr: System.NullReferenceException
// throw null; compiles, as in C#, and throws a NullReferenceException; so does throwing a null variable of an exception type.
using System;

class Program {
    static void Main() {
        try {
            throw null;
        } catch (NullReferenceException) {
            Console.WriteLine("throw null threw a NullReferenceException");
        }
        Exception none = null;
        Console.WriteLine("now uncaught");
        throw none;
    }
}
