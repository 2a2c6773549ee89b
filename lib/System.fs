// System.fs: the exception classes of .NET's System namespace and Math, written in
// Flux# and compiled with every program (flux-viz's system library).
//
// An exception object is [vtable][Message][line]: runtime/fail.asm relies on
// that layout (E_MESSAGE, E_LINE in src/runtime_layout.rs). The run-time
// checks (null, index, divide by zero, overflow, cast) make their exceptions
// in the runtime with the vtables below, without running a constructor.
// Message is a get-only property in C#; here it is a readonly field, which
// only Exception's constructors assign. The messages are the ones mono prints.

class Exception {
    public readonly string Message;
    // The source line the exception was thrown at, set by `throw` (0: not yet).
    private int line;

    public Exception() {
        Message = DefaultMessage();
    }
    public Exception(string message) {
        Message = message ?? DefaultMessage();
    }
    // "" + this is the class's full name, as for any object in Flux#.
    private string DefaultMessage() {
        return "Exception of type '" + this + "' was thrown.";
    }
}

class SystemException : Exception {
    public SystemException() : base("System error.") {}
    public SystemException(string message) : base(message) {}
}

class ArithmeticException : SystemException {
    public ArithmeticException() : base("Overflow or underflow in the arithmetic operation.") {}
    public ArithmeticException(string message) : base(message) {}
}

class DivideByZeroException : ArithmeticException {
    public DivideByZeroException() : base("Attempted to divide by zero.") {}
    public DivideByZeroException(string message) : base(message) {}
}

class OverflowException : ArithmeticException {
    public OverflowException() : base("Arithmetic operation resulted in an overflow.") {}
    public OverflowException(string message) : base(message) {}
}

class NullReferenceException : SystemException {
    public NullReferenceException() : base("Object reference not set to an instance of an object.") {}
    public NullReferenceException(string message) : base(message) {}
}

class IndexOutOfRangeException : SystemException {
    public IndexOutOfRangeException() : base("Index was outside the bounds of the array.") {}
    public IndexOutOfRangeException(string message) : base(message) {}
}

class InvalidCastException : SystemException {
    public InvalidCastException() : base("Specified cast is not valid.") {}
    public InvalidCastException(string message) : base(message) {}
}

class InvalidOperationException : SystemException {
    public InvalidOperationException() : base("Operation is not valid due to the current state of the object.") {}
    public InvalidOperationException(string message) : base(message) {}
}

class NotImplementedException : SystemException {
    public NotImplementedException() : base("The method or operation is not implemented.") {}
    public NotImplementedException(string message) : base(message) {}
}

class NotSupportedException : SystemException {
    public NotSupportedException() : base("Specified method is not supported.") {}
    public NotSupportedException(string message) : base(message) {}
}

class FormatException : SystemException {
    public FormatException() : base("One of the identified items was in an invalid format.") {}
    public FormatException(string message) : base(message) {}
}

class ArgumentException : SystemException {
    public ArgumentException() : base("Value does not fall within the expected range.") {}
    public ArgumentException(string message) : base(message) {}
    public ArgumentException(string message, string paramName) : base(message + "\nParameter name: " + paramName) {}
}

class ArgumentNullException : ArgumentException {
    public ArgumentNullException() : base("Value cannot be null.") {}
    public ArgumentNullException(string paramName) : base("Value cannot be null.", paramName) {}
    public ArgumentNullException(string paramName, string message) : base(message, paramName) {}
}

class ArgumentOutOfRangeException : ArgumentException {
    public ArgumentOutOfRangeException() : base("Specified argument was out of the range of valid values.") {}
    public ArgumentOutOfRangeException(string paramName) : base("Specified argument was out of the range of valid values.", paramName) {}
    public ArgumentOutOfRangeException(string paramName, string message) : base(message, paramName) {}
}

// The run-time ends the program on these two at once (no handler runs); they
// are here so that their names mean what they mean in C#.
class OutOfMemoryException : SystemException {
    public OutOfMemoryException() : base("Insufficient memory to continue the execution of the program.") {}
    public OutOfMemoryException(string message) : base(message) {}
}

class StackOverflowException : SystemException {
    public StackOverflowException() : base("Operation caused a stack overflow.") {}
    public StackOverflowException(string message) : base(message) {}
}

// System.Math, for the integer types Flux# has: what the x86 pane shows for
// Math.Max(a, b) is this code.
static class Math {
    public static int Max(int a, int b) { return a >= b ? a : b; }
    public static long Max(long a, long b) { return a >= b ? a : b; }
    public static int Min(int a, int b) { return a <= b ? a : b; }
    public static long Min(long a, long b) { return a <= b ? a : b; }

    // -int.MinValue does not fit in an int: C# throws rather than wrap.
    public static int Abs(int value) {
        if (value == int.MinValue) throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
        return value < 0 ? -value : value;
    }
    public static long Abs(long value) {
        if (value == long.MinValue) throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
        return value < 0 ? -value : value;
    }

    public static int Sign(int value) { return value > 0 ? 1 : value < 0 ? -1 : 0; }
    public static int Sign(long value) { return value > 0 ? 1 : value < 0 ? -1 : 0; }
}

// System.Char's tests and case mappings, for ASCII and the Latin-1 letters
// (U+00C0 to U+00FF, without × and ÷), where every culture agrees. The
// x86 pane shows char.IsDigit(c) as a call of this code.
static class Char {
    public static bool IsDigit(char c) { return c >= '0' && c <= '9'; }
    public static bool IsUpper(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '\u00C0' && c <= '\u00DE' && c != '\u00D7');
    }
    public static bool IsLower(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '\u00DF' && c <= '\u00FF' && c != '\u00F7') || c == '\u00B5';
    }
    public static bool IsLetter(char c) {
        return IsUpper(c) || IsLower(c) || c == '\u00AA' || c == '\u00BA';
    }
    public static bool IsLetterOrDigit(char c) { return IsLetter(c) || IsDigit(c); }
    public static bool IsWhiteSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u0085' || c == '\u00A0';
    }
    // Upper and lower case letters of ASCII and Latin-1 are 32 apart.
    public static char ToUpper(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= '\u00E0' && c <= '\u00FE' && c != '\u00F7')) return (char)(c - 32);
        return c;
    }
    public static char ToLower(char c) {
        if ((c >= 'A' && c <= 'Z') || (c >= '\u00C0' && c <= '\u00DE' && c != '\u00D7')) return (char)(c + 32);
        return c;
    }
}

// System.String's static helpers (string.IsNullOrEmpty(s) calls this).
static class String {
    public static bool IsNullOrEmpty(string value) { return value == null || value.Length == 0; }
    public static bool IsNullOrWhiteSpace(string value) {
        if (value == null) return true;
        foreach (char c in value) {
            if (!Char.IsWhiteSpace(c)) return false;
        }
        return true;
    }
}

// System.Int32's parsing (int.Parse(s) calls this): optional white space,
// an optional sign, decimal digits, optional white space, as .NET reads it.
static class Int32 {
    public static int Parse(string s) {
        if (s == null) throw new ArgumentNullException("s");
        int i = 0;
        int n = s.Length;
        while (i < n && Char.IsWhiteSpace(s[i])) i++;
        bool negative = false;
        if (i < n && (s[i] == '-' || s[i] == '+')) {
            negative = s[i] == '-';
            i++;
        }
        if (i >= n || !Char.IsDigit(s[i])) throw new FormatException("Input string was not in a correct format.");
        long value = 0;
        while (i < n && Char.IsDigit(s[i])) {
            value = value * 10 + (s[i] - '0');
            if (value > 2147483648L) throw new OverflowException("Value was either too large or too small for an Int32.");
            i++;
        }
        while (i < n && Char.IsWhiteSpace(s[i])) i++;
        if (i < n) throw new FormatException("Input string was not in a correct format.");
        if (negative) value = -value;
        if (value > 2147483647L) throw new OverflowException("Value was either too large or too small for an Int32.");
        return (int)value;
    }
}
