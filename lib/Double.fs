// Double.fs: System.Double's text, written in Flux# (flux-viz's system library).
//
// d.ToString() writes the shortest digits that read back as the same double,
// as .NET Core 3.0 and later do: 0.1 + 0.2 prints 0.30000000000000004, and
// 0.1 prints 0.1. The digits come from Dragon4 (Steele & White, Burger &
// Dybvig), the algorithm .NET's Number.Dragon4Double runs, here on big
// natural numbers of 30-bit limbs: the double is value / scale exactly, and
// each digit is how many times scale goes into ten times what is left. The
// margins are half the distance to the neighbouring doubles: once what is left
// is within a margin, the digits so far already name this double and no other.
// The formats F, N, E and G with a precision cut the digits off at a position
// instead, rounding the last one exactly (a tie goes to the even digit).
//
// mono prints a double with 15 significant digits (0.3 for 0.1 + 0.2); the
// two agree whenever 15 digits are enough, see docs/flux-sharp.md.

static class Double {
    // d.CompareTo(e): as Comparer<double>.Default, a NaN first.
    public static int CompareTo(this double value, double other) { return Order.Compare(value, other); }

    public static bool IsNaN(double d) { return d != d; }
    public static bool IsInfinity(double d) { return d == PositiveInfinity || d == NegativeInfinity; }
    public static bool IsPositiveInfinity(double d) { return d == PositiveInfinity; }
    public static bool IsNegativeInfinity(double d) { return d == NegativeInfinity; }
    public static bool IsFinite(double d) { return d - d == 0.0; }

    const double PositiveInfinity = 1.0 / 0.0;
    const double NegativeInfinity = -1.0 / 0.0;

    // d.ToString(), and a double printed or joined to a string.
    public static string ToString(this double value) {
        if (!IsFinite(value)) return Special(value);
        return Shortest(value, 'E');
    }

    // The shortest digits that name the value, laid out as G with at
    // least 15 digits before it turns to d.dddE+xx (.NET's "R" and "G").
    private static string Shortest(double value, char e) {
        Digits(value, -1, true);
        return Sign(value) + General(count > 15 ? count : 15, e);
    }

    // d.ToString("F2"), and the holes `{d:F2}` of interpolation and
    // string.Format: the standard formats F, N, E, G and R with a precision.
    public static string ToString(this double value, string format) {
        if (format == null) format = "";
        if (format.Length > 0 && (format[0] == '0' || format[0] == '#')) return Custom(value, format);
        char kind = format.Length == 0 ? 'G' : Char.ToUpper(format[0]);
        int precision = Int32.FormatPrecision(format);
        if (kind != 'F' && kind != 'N' && kind != 'E' && kind != 'G' && kind != 'R') {
            throw new FormatException("Format specifier was invalid.");
        }
        if (!IsFinite(value)) return Special(value);
        char e = Char.IsLower(format.Length == 0 ? 'G' : format[0]) ? 'e' : 'E';
        if (kind == 'R' || (kind == 'G' && precision <= 0)) return Shortest(value, e);
        if (kind == 'G') {
            Digits(value, precision, true);
            return Sign(value) + General(precision, e);
        }
        if (kind == 'E') {
            int significant = (precision < 0 ? 6 : precision) + 1;
            Digits(value, significant, true);
            return Sign(value) + Scientific(significant, e);
        }
        int decimals = precision < 0 ? 2 : precision;
        Digits(value, decimals, false);
        return Sign(value) + Fixed(decimals, kind == 'N');
    }

    // The custom formats `0.00` (as many zeros as wanted on either side) and
    // `#,##0.00` (grouped by thousands). .NET formats them as it always
    // has: 15 significant digits, then rounded half away from zero.
    private static string Custom(double value, string format) {
        bool grouped = format.StartsWith("#,##0") || format.StartsWith("#,0");
        int i = grouped ? format.IndexOf('0') : 0;
        int whole = 0;
        while (i < format.Length && format[i] == '0') {
            whole++;
            i++;
        }
        int decimals = 0;
        if (i < format.Length && format[i] == '.') {
            i++;
            while (i < format.Length && format[i] == '0') {
                decimals++;
                i++;
            }
            if (decimals == 0) i = -1;
        }
        if (i != format.Length || (grouped && whole != 1)) {
            throw new NotSupportedException("The custom format \"" + format + "\" is not supported by Flux#.");
        }
        if (!IsFinite(value)) return Special(value);
        Digits(value, 15, true);
        RoundHalfUp(scale + decimals);
        // .NET Core writes the sign of a negative value that rounds to zero
        // too (-0.1 with "0" is "-0"); .NET Framework and mono do not.
        string text = Fixed(decimals, grouped);
        int point = decimals > 0 ? text.IndexOf('.') : text.Length;
        return Sign(value) + (point < whole ? new string('0', whole - point) : "") + text;
    }

    // Keeps the digits before position `at`, rounding up on a 5 or more.
    private static void RoundHalfUp(int at) {
        if (at < 0) {
            count = 0;
        } else if (at < count) {
            bool up = digits[at] >= '5';
            count = at;
            if (up) {
                while (count > 0 && digits[count - 1] == '9') count--;
                if (count > 0) {
                    digits[count - 1] = (char)(digits[count - 1] + 1);
                } else {
                    digits[0] = '1';
                    count = 1;
                    scale++;
                }
            }
        }
        while (count > 0 && digits[count - 1] == '0') count--;
        if (count == 0) scale = 0;
    }

    // .NET writes the sign of every negative double, -0.0 included.
    private static string Sign(double value) {
        return BitConverter.DoubleToInt64Bits(value) < 0 ? "-" : "";
    }

    // ---- double.Parse: the double nearest to the decimal text ----

    // double.Parse(s): white space, a sign, digits with a point (and ","
    // between the whole digits), an exponent; "Infinity", "-Infinity",
    // "NaN". Too large a value is an infinity, as in .NET Core 3.0 and later.
    public static double Parse(string s) {
        if (s == null) throw new ArgumentNullException("s");
        double result;
        if (!Read(s, out result)) throw new FormatException("Input string was not in a correct format.");
        return result;
    }

    public static bool TryParse(string s, out double result) {
        if (s != null && Read(s, out result)) return true;
        result = 0;
        return false;
    }

    // The first 40 significant digits are exact; later ones only say
    // whether the number goes on (they can only break a tie).
    const int KeptDigits = 40;

    private static bool Read(string s, out double result) {
        result = 0;
        string text = s.Trim();
        bool negative = text.StartsWith("-");
        if (negative || text.StartsWith("+")) text = text.Substring(1);
        if (text == "Infinity" || text == "∞") {
            result = negative ? NegativeInfinity : PositiveInfinity;
            return true;
        }
        if (text == "NaN") {
            result = 0.0 / 0.0;
            return true;
        }
        Dragon4Natural mantissa = new Dragon4Natural(50);
        int kept = 0;
        int exponent = 0;
        bool more = false;
        bool digits = false;
        bool point = false;
        int i = 0;
        for (; i < text.Length; i++) {
            char c = text[i];
            if (c == '.' && !point) {
                point = true;
            } else if (c == ',' && !point && digits) {
                // a group separator among the whole digits
            } else if (Char.IsDigit(c)) {
                digits = true;
                if (kept < KeptDigits) {
                    if (kept > 0 || c != '0') {
                        mantissa.Multiply(10);
                        mantissa.Add(c - '0');
                        kept++;
                    }
                    if (point && kept > 0 || point && c == '0') exponent--;
                } else {
                    if (c != '0') more = true;
                    if (!point) exponent++;
                }
            } else {
                break;
            }
        }
        if (!digits) return false;
        if (i < text.Length) {
            if (text[i] != 'e' && text[i] != 'E') return false;
            i++;
            bool minus = i < text.Length && text[i] == '-';
            if (i < text.Length && (text[i] == '-' || text[i] == '+')) i++;
            if (i >= text.Length) return false;
            int e = 0;
            for (; i < text.Length; i++) {
                if (!Char.IsDigit(text[i])) return false;
                if (e < 100000) e = e * 10 + (text[i] - '0');
            }
            exponent += minus ? -e : e;
        }
        if (more) {
            // A digit 1 after the kept ones stands for the rest: strictly
            // between, as the true value is, and decides a tie the same way.
            mantissa.Multiply(10);
            mantissa.Add(1);
            exponent--;
        }
        double magnitude = Nearest(mantissa, exponent);
        result = negative ? -magnitude : magnitude;
        return true;
    }

    // The double nearest to mantissa × 10^exponent (halfway: the even one).
    private static double Nearest(Dragon4Natural mantissa, int exponent) {
        if (mantissa.IsZero()) return 0;
        int magnitude = mantissa.BitLength() * 30103 / 100000 + exponent;   // about log10
        if (magnitude > 310) return PositiveInfinity;
        if (magnitude < -345) return 0;
        Dragon4Natural value = mantissa;
        int binary = 0;   // value × 2^binary is the number, at the end
        bool inexact = false;
        if (exponent >= 0) {
            value.MultiplyByPowerOfTen(exponent);
        } else {
            // The quotient of mantissa·2^k by 10^-exponent, with 62 bits.
            Dragon4Natural divisor = new Dragon4Natural(50);
            divisor.Set(1);
            divisor.MultiplyByPowerOfTen(-exponent);
            int k = 62 + divisor.BitLength() - mantissa.BitLength();
            if (k > 0) value.ShiftLeft(k);
            else divisor.ShiftLeft(-k);
            binary = -k;
            divisor.ShiftLeft(62);
            Dragon4Natural quotient = new Dragon4Natural(50);
            for (int bit = 62; bit >= 0; bit--) {
                quotient.Multiply(2);
                if (value.CompareTo(divisor) >= 0) {
                    value.Subtract(divisor);
                    quotient.Add(1);
                }
                divisor.ShiftRightOne();
            }
            inexact = !value.IsZero();
            value = quotient;
        }
        return Rounded(value, binary, inexact);
    }

    // value × 2^binary (plus a little more when `inexact`), rounded to a
    // double: 53 bits, or fewer for a subnormal; halfway goes to even.
    private static double Rounded(Dragon4Natural value, int binary, bool inexact) {
        int length = value.BitLength();
        int lowest = binary + length - 53;   // the exponent of the last kept bit
        if (lowest < -1074) lowest = -1074;
        int drop = lowest - binary;
        long kept;
        bool up = false;
        if (drop <= 0) {
            kept = value.BitsFrom(0) << -drop;
        } else if (drop > length) {
            return 0;
        } else {
            kept = value.BitsFrom(drop);
            bool half = ((value.BitsFrom(drop - 1)) & 1) != 0;
            bool rest = inexact || value.AnyBitBelow(drop - 1);
            up = half && (rest || (kept & 1) != 0);
        }
        if (up) kept++;
        if (kept == 1L << 53) {
            kept = kept >> 1;
            lowest++;
        }
        if (kept < (1L << 52)) return BitConverter.Int64BitsToDouble(kept);   // subnormal
        long biased = lowest + 1075;
        if (biased >= 2047) return PositiveInfinity;
        return BitConverter.Int64BitsToDouble((biased << 52) | (kept & 0xFFFFFFFFFFFFFL));
    }

    private static string Special(double value) {
        if (value != value) return "NaN";
        return value > 0 ? "Infinity" : "-Infinity";
    }

    // ---- the digits: value = 0.d1 d2 d3 … × 10^scale ----

    static char[] digits;
    static int count;
    static int scale;
    static Dragon4Natural big;
    static Dragon4Natural unit;
    static Dragon4Natural low;
    static Dragon4Natural high;
    static Dragon4Natural sum;

    // The digits of |value|: the shortest that name it (cutoff -1), or
    // `cutoff` significant digits, or `cutoff` digits after the point.
    private static void Digits(double value, int cutoff, bool significant) {
        if (digits == null) {
            digits = new char[770];
            big = new Dragon4Natural();
            unit = new Dragon4Natural();
            low = new Dragon4Natural();
            high = new Dragon4Natural();
            sum = new Dragon4Natural();
        }
        count = 0;
        scale = 0;
        if (value == 0) return;
        Dragon4(BitConverter.DoubleToInt64Bits(value), cutoff, significant);
        while (count > 0 && digits[count - 1] == '0') count--;
        if (count == 0) scale = 0;
    }

    // .NET's Number.Dragon4, step by step. `big / unit` is the double,
    // `low / unit` and `high / unit` the margins below and above it.
    private static void Dragon4(long bits, int cutoff, bool significant) {
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        int biased = (int)((bits >> 52) & 0x7FF);
        long mantissa = biased == 0 ? fraction : fraction | (1L << 52);
        int exponent = biased == 0 ? -1074 : biased - 1075;
        int highBit = 52;
        while ((mantissa >> highBit) == 0) highBit--;
        // A power of two has a neighbour below at half the distance.
        bool unequal = biased != 0 && fraction == 0;
        long times = unequal ? 4 : 2;
        big.Set(mantissa * times);
        if (exponent > 0) {
            big.ShiftLeft(exponent);
            unit.Set(times);
            low.SetPowerOfTwo(exponent);
        } else {
            unit.SetPowerOfTwo(-exponent + (unequal ? 2 : 1));
            low.Set(1);
        }
        // digitExponent estimates floor(log10(value)) + 1, or one less.
        int digitExponent = Ceiling((highBit + exponent) * 0.30102999566398119521 - 0.69);
        if (digitExponent > 0) {
            unit.MultiplyByPowerOfTen(digitExponent);
        } else if (digitExponent < 0) {
            big.MultiplyByPowerOfTen(-digitExponent);
            low.MultiplyByPowerOfTen(-digitExponent);
        }
        SetHigh(unequal);
        bool even = (mantissa & 1) == 0;
        bool tooLow;
        if (cutoff == -1) {
            sum.SetSum(big, high);
            int c = sum.CompareTo(unit);
            tooLow = even ? c >= 0 : c > 0;
        } else {
            tooLow = big.CompareTo(unit) >= 0;
        }
        if (tooLow) {
            digitExponent++;
        } else {
            big.Multiply(10);
            low.Multiply(10);
            SetHigh(unequal);
        }
        int cutoffExponent = digitExponent - digits.Length;
        if (cutoff != -1) {
            int wanted = significant ? digitExponent - cutoff : -cutoff;
            if (wanted > cutoffExponent) cutoffExponent = wanted;
        }
        digitExponent--;
        int decimalExponent = digitExponent;
        bool lowEnough = false;
        bool highEnough = false;
        int digit;
        if (cutoff == -1) {
            // Stop once the digits so far name this double only.
            while (true) {
                digit = big.TakeDigit(unit);
                sum.SetSum(big, high);
                int cl = big.CompareTo(low);
                int ch = sum.CompareTo(unit);
                lowEnough = even ? cl <= 0 : cl < 0;
                highEnough = even ? ch >= 0 : ch > 0;
                if (lowEnough || highEnough || digitExponent == cutoffExponent) break;
                digits[count++] = (char)('0' + digit);
                big.Multiply(10);
                low.Multiply(10);
                SetHigh(unequal);
                digitExponent--;
            }
        } else if (digitExponent >= cutoffExponent) {
            // Stop at the cutoff, or when nothing is left (the rest is zeros).
            while (true) {
                digit = big.TakeDigit(unit);
                if (big.IsZero() || digitExponent <= cutoffExponent) break;
                digits[count++] = (char)('0' + digit);
                big.Multiply(10);
                digitExponent--;
            }
        } else {
            // The first digit lies past the cutoff: it only says whether
            // the value rounds up to one unit of the last place.
            digit = big.TakeDigit(unit);
            if (digit > 5 || (digit == 5 && !big.IsZero())) {
                decimalExponent++;
                digit = 1;
            }
            digits[count++] = (char)('0' + digit);
            scale = decimalExponent + 1;
            return;
        }
        bool roundDown = lowEnough;
        if (lowEnough == highEnough) {
            // Compare what is left with half a unit of the last digit.
            big.ShiftLeft(1);
            int c = big.CompareTo(unit);
            roundDown = c < 0;
            if (c == 0) roundDown = (digit & 1) == 0;
        }
        if (roundDown) {
            digits[count++] = (char)('0' + digit);
        } else if (digit == 9) {
            // 0.1999 rounds to 0.2: back over the nines.
            while (true) {
                if (count == 0) {
                    digits[count++] = '1';
                    decimalExponent++;
                    break;
                }
                count--;
                if (digits[count] != '9') {
                    digits[count] = (char)(digits[count] + 1);
                    count++;
                    break;
                }
            }
        } else {
            digits[count++] = (char)('0' + digit + 1);
        }
        scale = decimalExponent + 1;
    }

    private static void SetHigh(bool unequal) {
        high.SetTo(low);
        if (unequal) high.ShiftLeft(1);
    }

    private static int Ceiling(double x) {
        int t = (int)x;
        return t < x ? t + 1 : t;
    }

    // ---- the text, as .NET's Number.Formatting lays the digits out ----

    private static char DigitAt(int i) { return i < count ? digits[i] : '0'; }

    // G: plain digits, or d.dddE+xx when the point lies beyond `maxDigits`
    // digits or more than 3 zeros after it.
    private static string General(int maxDigits, char e) {
        if (scale > maxDigits || scale < -3) {
            string mantissa = DigitAt(0).ToString();
            if (count > 1) mantissa += "." + new string(digits, 1, count - 1);
            return mantissa + Exponent(scale - 1, e, 2);
        }
        string text = scale > 0 ? Run(0, scale) : "0";
        if (count > scale && count > 0) {
            int first = scale > 0 ? scale : 0;
            text += "." + new string('0', scale < 0 ? -scale : 0) + new string(digits, first, count - first);
        }
        return text;
    }

    // E: d.ddd…E+xxx with `significant` digits in all.
    private static string Scientific(int significant, char e) {
        string text = DigitAt(0).ToString();
        if (significant > 1) text += "." + Run(1, significant - 1);
        return text + Exponent(count == 0 ? 0 : scale - 1, e, 3);
    }

    // F and N: the integer part (grouped by thousands for N), then exactly
    // `decimals` digits after the point.
    private static string Fixed(int decimals, bool grouped) {
        string whole = scale > 0 ? Run(0, scale) : "0";
        if (grouped) whole = Int32.Grouped(whole);
        if (decimals == 0) return whole;
        string fraction = "";
        for (int i = 0; i < decimals; i++) {
            int at = scale + i;
            fraction += at < 0 ? '0' : DigitAt(at);
        }
        return whole + "." + fraction;
    }

    // `length` digits from `start`, zeros past the last one.
    private static string Run(int start, int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) text[i] = DigitAt(start + i);
        return new string(text);
    }

    private static string Exponent(int exponent, char e, int width) {
        string sign = exponent < 0 ? "-" : "+";
        int magnitude = exponent < 0 ? -exponent : exponent;
        return e + sign + magnitude.ToString().PadLeft(width, '0');
    }
}

// A natural number as little-endian limbs of 30 bits (a 30-bit limb times a
// factor below 2^30, plus a carry, fits a long): what Dragon4 computes with.
// 42 limbs hold 1260 bits, above the largest number it meets (2^1130).
class Dragon4Natural {
    long[] limbs;
    int length;

    public Dragon4Natural() { limbs = new long[42]; }
    // Parsing meets larger numbers: 50 limbs hold 1500 bits.
    public Dragon4Natural(int capacity) { limbs = new long[capacity]; }

    const long Mask = (1L << 30) - 1;

    public void Set(long value) {
        length = 0;
        while (value != 0) {
            limbs[length++] = value & Mask;
            value = value >> 30;
        }
    }

    public void SetTo(Dragon4Natural other) {
        for (int i = 0; i < other.length; i++) limbs[i] = other.limbs[i];
        length = other.length;
    }

    public void SetPowerOfTwo(int exponent) {
        int whole = exponent / 30;
        for (int i = 0; i < whole; i++) limbs[i] = 0;
        limbs[whole] = 1L << (exponent % 30);
        length = whole + 1;
    }

    public bool IsZero() { return length == 0; }

    // this × factor, for a factor below 2^30.
    public void Multiply(long factor) {
        long carry = 0;
        for (int i = 0; i < length; i++) {
            long product = limbs[i] * factor + carry;
            limbs[i] = product & Mask;
            carry = product >> 30;
        }
        while (carry != 0) {
            limbs[length++] = carry & Mask;
            carry = carry >> 30;
        }
    }

    public void MultiplyByPowerOfTen(int exponent) {
        while (exponent >= 9) {
            Multiply(1000000000L);
            exponent -= 9;
        }
        long factor = 1;
        for (int i = 0; i < exponent; i++) factor *= 10;
        if (factor > 1) Multiply(factor);
    }

    public void ShiftLeft(int bits) {
        int whole = bits / 30;
        int part = bits % 30;
        if (length == 0) return;
        if (part != 0) {
            long carry = 0;
            for (int i = 0; i < length; i++) {
                long shifted = (limbs[i] << part) | carry;
                limbs[i] = shifted & Mask;
                carry = shifted >> 30;
            }
            if (carry != 0) limbs[length++] = carry;
        }
        if (whole != 0) {
            for (int i = length - 1; i >= 0; i--) limbs[i + whole] = limbs[i];
            for (int i = 0; i < whole; i++) limbs[i] = 0;
            length += whole;
        }
    }

    public void SetSum(Dragon4Natural a, Dragon4Natural b) {
        int n = a.length > b.length ? a.length : b.length;
        long carry = 0;
        for (int i = 0; i < n; i++) {
            long s = carry + (i < a.length ? a.limbs[i] : 0) + (i < b.length ? b.limbs[i] : 0);
            limbs[i] = s & Mask;
            carry = s >> 30;
        }
        length = n;
        if (carry != 0) limbs[length++] = carry;
    }

    public int CompareTo(Dragon4Natural other) {
        if (length != other.length) return length < other.length ? -1 : 1;
        for (int i = length - 1; i >= 0; i--) {
            if (limbs[i] != other.limbs[i]) return limbs[i] < other.limbs[i] ? -1 : 1;
        }
        return 0;
    }

    // How many times `divisor` goes into this (below 10: this < 10 × divisor),
    // leaving the remainder here.
    public int TakeDigit(Dragon4Natural divisor) {
        int digit = 0;
        while (CompareTo(divisor) >= 0) {
            Subtract(divisor);
            digit++;
        }
        return digit;
    }

    // this + value, for a value below 2^30.
    public void Add(long value) {
        long carry = value;
        for (int i = 0; i < length && carry != 0; i++) {
            long s = limbs[i] + carry;
            limbs[i] = s & Mask;
            carry = s >> 30;
        }
        if (carry != 0) limbs[length++] = carry;
    }

    public void ShiftRightOne() {
        for (int i = 0; i < length; i++) {
            long high = i + 1 < length ? (limbs[i + 1] & 1) << 29 : 0;
            limbs[i] = (limbs[i] >> 1) | high;
        }
        while (length > 0 && limbs[length - 1] == 0) length--;
    }

    // The number of bits (0 for zero).
    public int BitLength() {
        if (length == 0) return 0;
        long top = limbs[length - 1];
        int bits = 0;
        while (top != 0) {
            bits++;
            top = top >> 1;
        }
        return (length - 1) * 30 + bits;
    }

    // The bits from `from` up (at most 62 of them) as a long.
    public long BitsFrom(int from) {
        long value = 0;
        for (int bit = BitLength() - 1; bit >= from; bit--) {
            value = (value << 1) | ((limbs[bit / 30] >> (bit % 30)) & 1);
        }
        return value;
    }

    // Whether a bit below `below` is set.
    public bool AnyBitBelow(int below) {
        for (int bit = 0; bit < below && bit < length * 30; bit++) {
            if (((limbs[bit / 30] >> (bit % 30)) & 1) != 0) return true;
        }
        return false;
    }

    public void Subtract(Dragon4Natural other) {
        long borrow = 0;
        for (int i = 0; i < length; i++) {
            long d = limbs[i] - borrow - (i < other.length ? other.limbs[i] : 0);
            borrow = d < 0 ? 1 : 0;
            limbs[i] = d & Mask;
        }
        while (length > 0 && limbs[length - 1] == 0) length--;
    }
}
