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

// System.Array's static helpers: Array.Sort(a), Array.Reverse(a),
// Array.IndexOf(a, x). Sort orders ints, longs, chars and strings (by
// String.Compare, as .NET's default comparer does) with a merge sort: equal
// elements of these types cannot be told apart, so any correct sort prints
// what .NET's does.
static class Array {
    public static void Sort<T>(T[] array) {
        if (array == null) throw new ArgumentNullException("array");
        Sort(array, 0, array.Length);
    }

    // The `length` elements from `index`.
    public static void Sort<T>(T[] array, int index, int length) {
        if (array == null) throw new ArgumentNullException("array");
        if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
        if (length < 0) throw new ArgumentOutOfRangeException("length", "Non-negative number required.");
        if (index > array.Length - length) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
        T[] scratch = new T[length];
        MergeSort(array, index, index + length, scratch);
    }

    // Sorts array[from, to): each half, then the two merged through scratch.
    private static void MergeSort<T>(T[] array, int from, int to, T[] scratch) {
        if (to - from < 2) return;
        int middle = from + (to - from) / 2;
        MergeSort(array, from, middle, scratch);
        MergeSort(array, middle, to, scratch);
        int left = from;
        int right = middle;
        int k = 0;
        while (left < middle && right < to) {
            if (Order.Compare(array[right], array[left]) < 0) {
                scratch[k] = array[right];
                right++;
            } else {
                scratch[k] = array[left];
                left++;
            }
            k++;
        }
        while (left < middle) {
            scratch[k] = array[left];
            left++;
            k++;
        }
        while (right < to) {
            scratch[k] = array[right];
            right++;
            k++;
        }
        for (int i = 0; i < k; i++) array[from + i] = scratch[i];
    }

    public static void Reverse<T>(T[] array) {
        if (array == null) throw new ArgumentNullException("array");
        for (int i = 0, j = array.Length - 1; i < j; i++, j--) {
            T t = array[i];
            array[i] = array[j];
            array[j] = t;
        }
    }

    public static int IndexOf<T>(T[] array, T value) {
        if (array == null) throw new ArgumentNullException("array");
        for (int i = 0; i < array.Length; i++) {
            if (array[i] == value) return i;
        }
        return -1;
    }
}

// System.IComparable<T>: a class whose objects have an order of their own
// (`class Student : IComparable<Student>`); Array.Sort and List.Sort use it.
interface IComparable<T> {
    int CompareTo(T other);
}

// The default order of the types Array.Sort sorts: the built-in types', or
// the elements' own CompareTo (a sort of another element type finds no
// Compare here).
static class Order {
    // .NET's Comparer<T>.Default: null comes before every object.
    public static int Compare<T>(T a, T b) where T : IComparable<T> {
        if (a == null) return b == null ? 0 : -1;
        if (b == null) return 1;
        return a.CompareTo(b);
    }
    public static int Compare(int a, int b) { return a < b ? -1 : a > b ? 1 : 0; }
    public static int Compare(long a, long b) { return a < b ? -1 : a > b ? 1 : 0; }
    public static int Compare(char a, char b) { return a < b ? -1 : a > b ? 1 : 0; }
    // As double.CompareTo: a NaN sorts before every number and equals a NaN.
    public static int Compare(double a, double b) {
        if (a < b) return -1;
        if (a > b) return 1;
        if (a == b) return 0;
        if (a != a) return b != b ? 0 : -1;
        return 1;
    }
    public static int Compare(string a, string b) { return String.Compare(a, b); }
}

// System.Math, for the integer types Flux# has: what the x86 pane shows for
// Math.Max(a, b) is this code.
static class Math {
    public static int Max(int val1, int val2) { return val1 >= val2 ? val1 : val2; }
    public static long Max(long val1, long val2) { return val1 >= val2 ? val1 : val2; }
    public static int Min(int val1, int val2) { return val1 <= val2 ? val1 : val2; }
    public static long Min(long val1, long val2) { return val1 <= val2 ? val1 : val2; }

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

    // ---- double: as .NET's Math, which rounds each result once ----

    public const double PI = 3.14159265358979323846;
    public const double E = 2.7182818284590452354;

    // A NaN wins; of 0.0 and -0.0 the larger is 0.0.
    public static double Max(double val1, double val2) {
        if (val1 != val1) return val1;
        if (val2 != val2) return val2;
        if (val1 == val2) return BitConverter.DoubleToInt64Bits(val1) < 0 ? val2 : val1;
        return val1 > val2 ? val1 : val2;
    }
    public static double Min(double val1, double val2) {
        if (val1 != val1) return val1;
        if (val2 != val2) return val2;
        if (val1 == val2) return BitConverter.DoubleToInt64Bits(val1) < 0 ? val1 : val2;
        return val1 < val2 ? val1 : val2;
    }
    public static double Abs(double value) {
        return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) & long.MaxValue);
    }
    public static int Sign(double value) {
        if (value != value) throw new ArithmeticException("Function does not accept floating point Not-a-Number values.");
        return value > 0 ? 1 : value < 0 ? -1 : 0;
    }

    // One SSE2 instruction, sqrtsd (runtime/math.asm).
    public static extern double Sqrt(double d);

    // 2^52: every double at least this large is a whole number already.
    const double Whole = 4503599627370496.0;

    public static double Truncate(double d) {
        if (d == 0 || !(Abs(d) < Whole)) return d;
        double t = (double)(long)d;
        return t == 0 && d < 0 ? -0.0 : t;
    }
    public static double Floor(double d) {
        double t = Truncate(d);
        return t > d ? t - 1 : t;
    }
    public static double Ceiling(double d) {
        double t = Truncate(d);
        return t < d ? t + 1 : t;
    }
    // To the nearest whole number; halfway goes to the even one (banker's
    // rounding, C#'s default): Round(2.5) is 2, Round(3.5) is 4.
    public static double Round(double a) {
        if (a == 0 || !(Abs(a) < Whole)) return a;
        double f = Floor(a);
        double rest = a - f;
        if (rest > 0.5 || (rest == 0.5 && ((long)f & 1) != 0)) f += 1;
        return f == 0 && a < 0 ? -0.0 : f;
    }
    public static double Round(double value, int digits) {
        if (digits < 0 || digits > 15) throw new ArgumentOutOfRangeException("digits", "Rounding digits must be between 0 and 15, inclusive.");
        if (Abs(value) < 1e16) {
            double power = 1;
            for (int i = 0; i < digits; i++) power *= 10;
            value = Round(value * power) / power;
        }
        return value;
    }

    // x^y with IEEE's special cases (C99 Annex F, which .NET follows); the
    // finite positive case is runtime/math.asm's rt_pow (the x87 FPU).
    public static double Pow(double x, double y) {
        if (y == 0 || x == 1) return 1;
        if (x != x || y != y) return x + y;
        bool infiniteY = !(Abs(y) <= double.MaxValue);
        if (infiniteY) {
            if (x == -1) return 1;
            bool grows = (Abs(x) > 1) == (y > 0);
            return grows ? double.PositiveInfinity : 0;
        }
        bool whole = Truncate(y) == y;
        bool odd = whole && Abs(y) < 9007199254740992.0 && ((long)y & 1) != 0;
        if (x == 0 || !(Abs(x) <= double.MaxValue)) {
            // 0 and infinity: 0^y and ∞^-y are zeros, the others infinities,
            // negative when x is negative and y an odd whole number.
            bool zero = (x == 0) == (y > 0);
            double magnitude = zero ? 0.0 : double.PositiveInfinity;
            return odd && BitConverter.DoubleToInt64Bits(x) < 0 ? -magnitude : magnitude;
        }
        if (x < 0) {
            if (!whole) return double.NaN;
            double p = PowerOfPositive(-x, y);
            return odd ? -p : p;
        }
        return PowerOfPositive(x, y);
    }

    private static extern double PowerOfPositive(double x, double y);
}

// The bits of a double as a long and back: free, since a double travels in
// a general register as its 64 bits (runtime/math.asm).
static class BitConverter {
    public static extern long DoubleToInt64Bits(double value);
    public static extern double Int64BitsToDouble(long value);
}

// System.Char's tests and case mappings, for ASCII and the Latin-1 letters
// (U+00C0 to U+00FF, without × and ÷), where every culture agrees. The
// x86 pane shows char.IsDigit(c) as a call of this code.
static class Char {
    public static int CompareTo(this char c, char other) { return c - other; }
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

// System.String. A string is UTF-16 code units in the layout of a char[]
// ([length][units]), so the runtime's rt_str_from_chars makes a string of
// some characters of either. C#'s instance methods are extension methods
// here: `s.Substring(1)` calls String.Substring(s, 1), directly on s, so a
// null s throws NullReferenceException at the call, as in .NET. Comparing
// and case mapping work on code units, as .NET's ordinal operations do;
// Compare and CompareTo follow mono's culture order for ASCII text.
static class String {
    // Implemented by the runtime (rt_str_from_chars): count characters of
    // value, from start on, copied into a new string. Callers check the range.
    private static extern string FromChars(char[] value, int start, int count);
    // The same routine on a string's characters (the layouts are the same).
    private static extern string Slice(string value, int start, int count);

    // new string(value), new string(value, startIndex, length) and
    // new string(c, count): C#'s constructors (CoreCLR names them Ctor too).
    public static string Ctor(char[] value) {
        if (value == null) return "";
        return FromChars(value, 0, value.Length);
    }
    public static string Ctor(char[] value, int startIndex, int length) {
        if (value == null) throw new ArgumentNullException("value");
        if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
        if (length < 0) throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
        if (startIndex > value.Length - length) throw new ArgumentOutOfRangeException("startIndex", OutOfRange);
        return FromChars(value, startIndex, length);
    }
    public static string Ctor(char c, int count) {
        if (count < 0) throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
        char[] chars = new char[count];
        for (int i = 0; i < count; i++) chars[i] = c;
        return FromChars(chars, 0, count);
    }

    const string OutOfRange = "Index was out of range. Must be non-negative and less than the size of the collection.";

    public static bool IsNullOrEmpty(string value) { return value == null || value.Length == 0; }
    public static bool IsNullOrWhiteSpace(string value) {
        if (value == null) return true;
        foreach (char c in value) {
            if (!Char.IsWhiteSpace(c)) return false;
        }
        return true;
    }

    public static string Substring(this string s, int startIndex) {
        return Substring(s, startIndex, s.Length - startIndex);
    }
    public static string Substring(this string s, int startIndex, int length) {
        if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
        if (startIndex > s.Length) throw new ArgumentOutOfRangeException("startIndex", "startIndex cannot be larger than length of string.");
        if (length < 0) throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
        if (startIndex > s.Length - length) throw new ArgumentOutOfRangeException("length", "Index and length must refer to a location within the string.");
        if (length == s.Length) return s;
        return Slice(s, startIndex, length);
    }

    public static int IndexOf(this string s, char value) { return IndexOf(s, value, 0); }
    public static int IndexOf(this string s, char value, int startIndex) {
        if (startIndex < 0 || startIndex > s.Length) throw new ArgumentOutOfRangeException("startIndex", OutOfRange);
        for (int i = startIndex; i < s.Length; i++) {
            if (s[i] == value) return i;
        }
        return -1;
    }
    public static int IndexOf(this string s, string value) { return IndexOf(s, value, 0); }
    public static int IndexOf(this string s, string value, int startIndex) {
        if (value == null) throw new ArgumentNullException("value");
        if (startIndex < 0 || startIndex > s.Length) throw new ArgumentOutOfRangeException("startIndex", OutOfRange);
        for (int i = startIndex; i <= s.Length - value.Length; i++) {
            if (MatchesAt(s, i, value)) return i;
        }
        return -1;
    }
    public static int LastIndexOf(this string s, char value) {
        for (int i = s.Length - 1; i >= 0; i--) {
            if (s[i] == value) return i;
        }
        return -1;
    }
    public static int LastIndexOf(this string s, string value) {
        if (value == null) throw new ArgumentNullException("value");
        for (int i = s.Length - value.Length; i >= 0; i--) {
            if (MatchesAt(s, i, value)) return i;
        }
        return -1;
    }
    // Whether value's characters stand in s from position at on.
    private static bool MatchesAt(string s, int at, string value) {
        for (int j = 0; j < value.Length; j++) {
            if (s[at + j] != value[j]) return false;
        }
        return true;
    }

    public static bool Contains(this string s, string value) { return IndexOf(s, value, 0) >= 0; }
    public static bool Contains(this string s, char value) { return IndexOf(s, value, 0) >= 0; }
    public static bool StartsWith(this string s, string value) {
        if (value == null) throw new ArgumentNullException("value");
        return value.Length <= s.Length && MatchesAt(s, 0, value);
    }
    public static bool EndsWith(this string s, string value) {
        if (value == null) throw new ArgumentNullException("value");
        return value.Length <= s.Length && MatchesAt(s, s.Length - value.Length, value);
    }

    public static string Replace(this string s, char oldChar, char newChar) {
        char[] chars = ToCharArray(s);
        for (int i = 0; i < chars.Length; i++) {
            if (chars[i] == oldChar) chars[i] = newChar;
        }
        return FromChars(chars, 0, chars.Length);
    }
    public static string Replace(this string s, string oldValue, string newValue) {
        if (oldValue == null) throw new ArgumentNullException("oldValue");
        if (oldValue.Length == 0) throw new ArgumentException("String cannot be of zero length.", "oldValue");
        if (newValue == null) newValue = "";
        string result = "";
        int from = 0;
        int at = IndexOf(s, oldValue, 0);
        while (at >= 0) {
            result = result + Slice(s, from, at - from) + newValue;
            from = at + oldValue.Length;
            at = IndexOf(s, oldValue, from);
        }
        return result + Slice(s, from, s.Length - from);
    }

    public static string Insert(this string s, int startIndex, string value) {
        if (value == null) throw new ArgumentNullException("value");
        if (startIndex < 0 || startIndex > s.Length) throw new ArgumentOutOfRangeException("startIndex");
        return Slice(s, 0, startIndex) + value + Slice(s, startIndex, s.Length - startIndex);
    }
    public static string Remove(this string s, int startIndex) {
        if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
        if (startIndex >= s.Length) throw new ArgumentOutOfRangeException("startIndex", "startIndex must be less than length of string.");
        return Slice(s, 0, startIndex);
    }
    public static string Remove(this string s, int startIndex, int count) {
        if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
        if (count < 0) throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
        if (startIndex > s.Length - count) throw new ArgumentOutOfRangeException("count", "Index and count must refer to a location within the string.");
        return Slice(s, 0, startIndex) + Slice(s, startIndex + count, s.Length - startIndex - count);
    }

    // Split(',') and Split(',', ';'): the pieces between separators, empty
    // ones included; no separator at all splits at white space, as .NET does.
    public static string[] Split(this string s, params char[] separator) {
        int count = 1;
        for (int i = 0; i < s.Length; i++) {
            if (IsSeparator(s[i], separator)) count++;
        }
        string[] parts = new string[count];
        int part = 0;
        int start = 0;
        for (int i = 0; i < s.Length; i++) {
            if (IsSeparator(s[i], separator)) {
                parts[part] = Slice(s, start, i - start);
                part++;
                start = i + 1;
            }
        }
        parts[part] = Slice(s, start, s.Length - start);
        return parts;
    }
    private static bool IsSeparator(char c, char[] separator) {
        if (separator == null || separator.Length == 0) return Char.IsWhiteSpace(c);
        foreach (char sep in separator) {
            if (c == sep) return true;
        }
        return false;
    }

    public static string Trim(this string s) { return TrimEnd(TrimStart(s)); }
    public static string TrimStart(this string s) {
        int start = 0;
        while (start < s.Length && Char.IsWhiteSpace(s[start])) start++;
        return Substring(s, start);
    }
    public static string TrimEnd(this string s) {
        int end = s.Length;
        while (end > 0 && Char.IsWhiteSpace(s[end - 1])) end--;
        return Substring(s, 0, end);
    }

    public static string ToUpper(this string s) {
        char[] chars = ToCharArray(s);
        for (int i = 0; i < chars.Length; i++) chars[i] = Char.ToUpper(chars[i]);
        return FromChars(chars, 0, chars.Length);
    }
    public static string ToLower(this string s) {
        char[] chars = ToCharArray(s);
        for (int i = 0; i < chars.Length; i++) chars[i] = Char.ToLower(chars[i]);
        return FromChars(chars, 0, chars.Length);
    }
    public static string ToUpperInvariant(this string s) { return ToUpper(s); }
    public static string ToLowerInvariant(this string s) { return ToLower(s); }

    public static char[] ToCharArray(this string s) {
        char[] chars = new char[s.Length];
        for (int i = 0; i < s.Length; i++) chars[i] = s[i];
        return chars;
    }

    public static string PadLeft(this string s, int totalWidth) { return PadLeft(s, totalWidth, ' '); }
    public static string PadLeft(this string s, int totalWidth, char paddingChar) {
        if (totalWidth < 0) throw new ArgumentOutOfRangeException("totalWidth", "Non-negative number required.");
        if (totalWidth <= s.Length) return s;
        return Ctor(paddingChar, totalWidth - s.Length) + s;
    }
    public static string PadRight(this string s, int totalWidth) { return PadRight(s, totalWidth, ' '); }
    public static string PadRight(this string s, int totalWidth, char paddingChar) {
        if (totalWidth < 0) throw new ArgumentOutOfRangeException("totalWidth", "Non-negative number required.");
        if (totalWidth <= s.Length) return s;
        return s + Ctor(paddingChar, totalWidth - s.Length);
    }

    // s.Equals(t), and string.Equals(a, b) (the same method called statically).
    public static bool Equals(this string s, string value) { return s == value; }

    public static int CompareTo(this string s, string strB) { return Compare(s, strB); }
    // mono's culture order for ASCII: first the letters and digits alone,
    // case ignored (symbols before digits before letters; '-' and '\'' are
    // skipped), then the longer text after, then lowercase before uppercase
    // at the first place they differ. A null string comes first.
    public static int Compare(string strA, string strB) {
        if (strA == strB) return 0;
        if (strA == null) return -1;
        if (strB == null) return 1;
        int i = 0;
        int j = 0;
        while (true) {
            while (i < strA.Length && IsIgnorable(strA[i])) i++;
            while (j < strB.Length && IsIgnorable(strB[j])) j++;
            if (i == strA.Length || j == strB.Length) break;
            int a = Weight(strA[i]);
            int b = Weight(strB[j]);
            if (a != b) return a < b ? -1 : 1;
            i++;
            j++;
        }
        if (i < strA.Length) return 1;
        if (j < strB.Length) return -1;
        if (strA.Length != strB.Length) return strA.Length < strB.Length ? -1 : 1;
        for (int k = 0; k < strA.Length; k++) {
            if (strA[k] != strB[k]) return Char.IsLower(strA[k]) ? -1 : 1;
        }
        return 0;
    }
    private static bool IsIgnorable(char c) { return c == '-' || c == '\''; }
    private static int Weight(char c) {
        if (Char.IsLetter(c)) return 1000 + Char.ToLower(c);
        if (Char.IsDigit(c)) return 500 + c;
        return c;
    }
    // Code unit by code unit; the first difference, else the lengths.
    public static int CompareOrdinal(string strA, string strB) {
        if (strA == strB) return 0;
        if (strA == null) return -1;
        if (strB == null) return 1;
        for (int i = 0; i < strA.Length && i < strB.Length; i++) {
            if (strA[i] != strB[i]) return strA[i] - strB[i];
        }
        return strA.Length - strB.Length;
    }

    // string.Join(", ", names) and string.Concat(a, b, c): each value as the
    // text C# prints for it. The first overload takes a List<T>, Queue<T> or
    // Stack<T> (lib/Collections.fs's Sequence<T>), in its foreach order.
    public static string Join<T>(string separator, Sequence<T> values) {
        if (values == null) throw new ArgumentNullException("values");
        string result = "";
        bool first = true;
        foreach (T value in values) {
            if (!first) result = result + separator;
            result = result + value;
            first = false;
        }
        return result;
    }
    public static string Join<T>(string separator, params T[] values) {
        if (values == null) throw new ArgumentNullException("value");
        string result = "";
        for (int i = 0; i < values.Length; i++) {
            if (i > 0) result = result + separator;
            result = result + values[i];
        }
        return result;
    }
    public static string Concat<T>(params T[] values) {
        if (values == null) throw new ArgumentNullException("values");
        string result = "";
        foreach (T value in values) result = result + value;
        return result;
    }
}

// System.Int32: parsing (int.Parse(s) calls this: optional white space, an
// optional sign, decimal digits, optional white space, as .NET reads it) and
// formatting (n.ToString("X8")).
static class Int32 {
    // n.CompareTo(m): -1, 0 or 1, as Comparer<int>.Default orders them.
    public static int CompareTo(this int value, int other) { return Order.Compare(value, other); }
    public static int CompareTo(this long value, long other) { return Order.Compare(value, other); }

    public static int Parse(string s) {
        if (s == null) throw new ArgumentNullException("s");
        int result;
        int status = Read(s, out result);
        if (status == NotANumber) throw new FormatException("Input string was not in a correct format.");
        if (status == TooLarge) throw new OverflowException("Value was either too large or too small for an Int32.");
        return result;
    }

    // int.TryParse(s, out n): false (and n = 0) where Parse would throw.
    public static bool TryParse(string s, out int result) {
        if (s == null) {
            result = 0;
            return false;
        }
        if (Read(s, out result) == Valid) return true;
        result = 0;
        return false;
    }

    const int Valid = 0;
    const int NotANumber = 1;
    const int TooLarge = 2;

    // Reads s as Parse does: its value in result and Valid, or why not.
    private static int Read(string s, out int result) {
        result = 0;
        int i = 0;
        int n = s.Length;
        while (i < n && Char.IsWhiteSpace(s[i])) i++;
        bool negative = false;
        if (i < n && (s[i] == '-' || s[i] == '+')) {
            negative = s[i] == '-';
            i++;
        }
        if (i >= n || !Char.IsDigit(s[i])) return NotANumber;
        long value = 0;
        bool tooLarge = false;
        while (i < n && Char.IsDigit(s[i])) {
            value = value * 10 + (s[i] - '0');
            if (value > 2147483648L) {
                tooLarge = true;
                value = 2147483648L;
            }
            i++;
        }
        while (i < n && Char.IsWhiteSpace(s[i])) i++;
        if (i < n) return NotANumber;
        if (negative) value = -value;
        if (tooLarge || value > 2147483647L) return TooLarge;
        result = (int)value;
        return Valid;
    }

    // n.ToString("D4"), and the holes `{n:D4}` of interpolation and
    // string.Format: the standard format strings D, X, N, F, G and E with an
    // optional precision, as .NET's System.Number formats integers (the
    // width matters to X, which writes a negative value's two's complement).
    public static string ToString(this int value, string format) { return Format(value, format, 32); }
    public static string ToString(this long value, string format) { return Format(value, format, 64); }

    // The digits after a standard format's letter ("F2" is 2), -1 for none.
    internal static int FormatPrecision(string format) {
        int precision = -1;
        for (int i = 1; i < format.Length; i++) {
            if (!Char.IsDigit(format[i])) throw new FormatException("Format specifier was invalid.");
            precision = (precision < 0 ? 0 : precision * 10) + (format[i] - '0');
        }
        return precision;
    }

    private static string Format(long value, string format, int bits) {
        char kind = format.Length == 0 ? 'G' : Char.ToUpper(format[0]);
        int precision = FormatPrecision(format);
        int width = precision < 0 ? 0 : precision;
        if (kind == 'X') return Hex(value, width, bits, format[0] == 'x');
        string sign = value < 0 ? "-" : "";
        string digits = value.ToString();
        if (value < 0) digits = digits.Substring(1);
        if (kind == 'D') return sign + digits.PadLeft(width, '0');
        if (kind == 'F') return sign + digits + Decimals(precision < 0 ? 2 : precision);
        if (kind == 'N') return sign + Grouped(digits) + Decimals(precision < 0 ? 2 : precision);
        if (kind == 'E') return sign + Scientific(digits, precision < 0 ? 6 : precision, false, 3, format[0]);
        if (kind == 'G') {
            if (precision <= 0 || precision >= digits.Length) return sign + digits;
            return sign + Scientific(digits, precision - 1, true, 2, format[0] == 'g' ? 'e' : 'E');
        }
        throw new FormatException("Format specifier was invalid.");
    }

    // The low `bits` bits in hexadecimal, at least `precision` digits.
    private static string Hex(long value, int precision, int bits, bool lower) {
        string letters = lower ? "0123456789abcdef" : "0123456789ABCDEF";
        string text = "";
        for (int shift = bits - 4; shift >= 0; shift -= 4) {
            int nibble = (int)((value >> shift) & 15);
            if (nibble != 0 || text.Length > 0 || shift == 0) text += letters[nibble];
        }
        return text.PadLeft(precision, '0');
    }

    // ".00" for 2: an integer's fractional digits.
    private static string Decimals(int count) {
        if (count == 0) return "";
        return "." + new string('0', count);
    }

    // "1234567" → "1,234,567".
    internal static string Grouped(string digits) {
        string text = "";
        for (int i = 0; i < digits.Length; i++) {
            if (i > 0 && (digits.Length - i) % 3 == 0) text += ",";
            text += digits[i];
        }
        return text;
    }

    // d.ddd E+xx: one digit, `decimals` more (rounded half away from zero,
    // trailing zeros dropped when `trim`), the exponent with `width` digits.
    private static string Scientific(string digits, int decimals, bool trim, int width, char e) {
        int exponent = digits.Length - 1;
        string kept = RoundDigits(digits, decimals + 1);
        if (kept.Length > decimals + 1) {
            exponent++;
            kept = kept.Substring(0, decimals + 1);
        }
        string fraction = kept.Substring(1);
        if (trim) {
            int end = fraction.Length;
            while (end > 0 && fraction[end - 1] == '0') end--;
            fraction = fraction.Substring(0, end);
        }
        string mantissa = fraction.Length > 0 ? kept[0] + "." + fraction : kept.Substring(0, 1);
        return mantissa + e + "+" + exponent.ToString().PadLeft(width, '0');
    }

    // The first `count` digits, rounded half away from zero; a carry out of
    // the first digit makes one more ("996" to 2 digits is "100").
    private static string RoundDigits(string digits, int count) {
        if (count >= digits.Length) return digits + new string('0', count - digits.Length);
        char[] kept = digits.Substring(0, count).ToCharArray();
        if (digits[count] >= '5') {
            int i = count - 1;
            while (i >= 0 && kept[i] == '9') {
                kept[i] = '0';
                i--;
            }
            if (i < 0) return "1" + new string(kept);
            kept[i] = (char)(kept[i] + 1);
        }
        return new string(kept);
    }
}
