// Text.fs: System.Text's StringBuilder, written in Flux# (flux-viz's system
// library). It joins a program that writes the type StringBuilder and has
// no class of that name of its own.

namespace System.Text {
    // System.Text.StringBuilder: characters gathered in a char[] that doubles
    // when full, so appending n characters costs O(n) in all; ToString()
    // copies them into a string once (new string(chars, 0, length)).
    class StringBuilder {
        private char[] chars;
        private int length;

        public StringBuilder() { chars = new char[16]; }
        public StringBuilder(string value) : this() { Append(value); }

        public int Length {
            get { return length; }
            set {
                if (value < 0) throw new ArgumentOutOfRangeException("value", "Length cannot be less than zero.");
                Reserve(value);
                for (int i = length; i < value; i++) chars[i] = '\0';
                length = value;
            }
        }

        public char this[int index] {
            get {
                if (index < 0 || index >= length) throw new IndexOutOfRangeException();
                return chars[index];
            }
            set {
                if (index < 0 || index >= length) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
                chars[index] = value;
            }
        }

        public StringBuilder Append(string value) {
            if (value == null) return this;
            Reserve(length + value.Length);
            for (int i = 0; i < value.Length; i++) chars[length + i] = value[i];
            length += value.Length;
            return this;
        }
        public StringBuilder Append(char value) {
            Reserve(length + 1);
            chars[length] = value;
            length++;
            return this;
        }
        public StringBuilder Append(char value, int repeatCount) {
            if (repeatCount < 0) throw new ArgumentOutOfRangeException("repeatCount", "Count cannot be less than zero.");
            for (int i = 0; i < repeatCount; i++) Append(value);
            return this;
        }
        public StringBuilder Append(int value) { return Append(value.ToString()); }
        public StringBuilder Append(long value) { return Append(value.ToString()); }
        public StringBuilder Append(bool value) { return Append(value.ToString()); }
        public StringBuilder AppendLine() { return Append('\n'); }
        public StringBuilder AppendLine(string value) { return Append(value).Append('\n'); }

        public StringBuilder Insert(int index, string value) {
            if (index < 0 || index > length) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (value == null) return this;
            Reserve(length + value.Length);
            for (int i = length - 1; i >= index; i--) chars[i + value.Length] = chars[i];
            for (int i = 0; i < value.Length; i++) chars[index + i] = value[i];
            length += value.Length;
            return this;
        }
        public StringBuilder Remove(int startIndex, int length) {
            if (startIndex < 0 || length < 0 || startIndex > this.length - length) throw new ArgumentOutOfRangeException("length", "Index was out of range. Must be non-negative and less than the size of the collection.");
            for (int i = startIndex; i + length < this.length; i++) chars[i] = chars[i + length];
            this.length -= length;
            return this;
        }
        public StringBuilder Clear() {
            length = 0;
            return this;
        }

        public override string ToString() { return new string(chars, 0, length); }

        // Room for at least `needed` characters: the array doubles (as .NET's
        // chunks grow) so that n appends copy O(n) characters in all.
        private void Reserve(int needed) {
            if (needed <= chars.Length) return;
            int capacity = chars.Length * 2;
            if (capacity < needed) capacity = needed;
            char[] bigger = new char[capacity];
            for (int i = 0; i < length; i++) bigger[i] = chars[i];
            chars = bigger;
        }
    }
}
