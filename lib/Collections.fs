// Collections.fs: List<T>, Queue<T>, Stack<T> and Dictionary<TKey, TValue> of
// .NET's System.Collections.Generic, written in Flux# and compiled with every
// program that uses them (flux-viz's system library).
//
// Each is a generic class: the compiler makes one copy per type arguments a
// program uses (List<int> and List<string> are two classes, with their own
// code in the x86 pane). Inside a copy, `==` on a T compares as the argument
// type does (numbers by value, strings by text, objects by reference), which
// is what .NET's EqualityComparer<T>.Default does for the types Flux# has.
//
// What a program can observe is .NET's: the order foreach visits elements in
// (a Dictionary's in insertion order, a removed entry's slot reused first),
// the exceptions on misuse and their messages (as mono prints them), and
// the version check that stops a foreach over a List changed inside it.

namespace System.Collections.Generic {

class KeyNotFoundException : SystemException {
    public KeyNotFoundException() : base("The given key was not present in the dictionary.") {}
    public KeyNotFoundException(string message) : base(message) {}
}

// What foreach walks in a List, a Queue or a Stack: the elements by
// position (0 first: a List's first, a Queue's oldest, a Stack's top), and
// a version every change bumps, so an enumerator can tell it was changed.
abstract class Sequence<T> {
    protected int version;
    public abstract int Count { get; }
    public abstract T At(int i);
    public int Version => version;
    public SequenceEnumerator<T> GetEnumerator() { return new SequenceEnumerator<T>(this); }
}

// foreach over a Sequence: C#'s enumerator pattern (MoveNext, then Current).
class SequenceEnumerator<T> {
    private Sequence<T> sequence;
    private int index;
    private int version;
    private T current;

    public SequenceEnumerator(Sequence<T> sequence) {
        this.sequence = sequence;
        version = sequence.Version;
    }

    public bool MoveNext() {
        if (version != sequence.Version) {
            throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
        }
        if (index < sequence.Count) {
            current = sequence.At(index);
            index++;
            return true;
        }
        return false;
    }

    public T Current => current;
}

// A growable array: items[0..size) are the elements.
class List<T> : Sequence<T> {
    private T[] items = new T[0];
    private int size;

    public List() {}
    public List(int capacity) {
        if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
        items = new T[capacity];
    }

    public override int Count => size;

    public T this[int index] {
        get {
            if (index < 0 || index >= size) throw OutOfRange();
            return items[index];
        }
        set {
            if (index < 0 || index >= size) throw OutOfRange();
            items[index] = value;
            version++;
        }
    }

    public void Add(T item) {
        if (size == items.Length) Grow();
        items[size] = item;
        size++;
        version++;
    }

    public void Insert(int index, T item) {
        if (index < 0 || index > size) {
            throw new ArgumentOutOfRangeException("index", "Index must be within the bounds of the List.");
        }
        if (size == items.Length) Grow();
        for (int i = size; i > index; i--) items[i] = items[i - 1];
        items[index] = item;
        size++;
        version++;
    }

    public void RemoveAt(int index) {
        if (index < 0 || index >= size) throw OutOfRange();
        for (int i = index; i < size - 1; i++) items[i] = items[i + 1];
        size--;
        version++;
    }

    public bool Remove(T item) {
        int index = IndexOf(item);
        if (index < 0) return false;
        RemoveAt(index);
        return true;
    }

    public int IndexOf(T item) {
        for (int i = 0; i < size; i++) {
            if (items[i] == item) return i;
        }
        return -1;
    }

    public bool Contains(T item) { return IndexOf(item) >= 0; }

    // For CollectionExtensions.Sort: the elements to sort in place (an
    // enumeration under way then fails, as after any change).
    internal T[] ItemsToReorder() {
        version++;
        return items;
    }

    public void Clear() {
        size = 0;
        version++;
    }

    public void Reverse() {
        for (int i = 0, j = size - 1; i < j; i++, j--) {
            T t = items[i];
            items[i] = items[j];
            items[j] = t;
        }
        version++;
    }

    public T[] ToArray() {
        T[] copy = new T[size];
        for (int i = 0; i < size; i++) copy[i] = items[i];
        return copy;
    }

    // For the enumerator: the element at an index already checked.
    public override T At(int index) { return items[index]; }

    // Twice the room (4 at first), as .NET grows a List.
    private void Grow() {
        T[] bigger = new T[items.Length == 0 ? 4 : items.Length * 2];
        for (int i = 0; i < size; i++) bigger[i] = items[i];
        items = bigger;
    }

    private static ArgumentOutOfRangeException OutOfRange() {
        return new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
    }
}

// First in, first out: a ring buffer, items[head] the oldest of size elements.
class Queue<T> : Sequence<T> {
    private T[] items = new T[0];
    private int head;
    private int size;

    public override int Count => size;

    public void Enqueue(T item) {
        if (size == items.Length) Grow();
        items[(head + size) % items.Length] = item;
        size++;
        version++;
    }

    public T Dequeue() {
        if (size == 0) throw new InvalidOperationException("Queue empty.");
        T item = items[head];
        head = (head + 1) % items.Length;
        size--;
        version++;
        return item;
    }

    public T Peek() {
        if (size == 0) throw new InvalidOperationException("Queue empty.");
        return items[head];
    }

    public bool Contains(T item) {
        for (int i = 0; i < size; i++) {
            if (At(i) == item) return true;
        }
        return false;
    }

    public void Clear() {
        head = 0;
        size = 0;
        version++;
    }

    public T[] ToArray() {
        T[] copy = new T[size];
        for (int i = 0; i < size; i++) copy[i] = At(i);
        return copy;
    }

    // The i-th oldest element.
    public override T At(int i) { return items[(head + i) % items.Length]; }

    private void Grow() {
        T[] bigger = new T[items.Length == 0 ? 4 : items.Length * 2];
        for (int i = 0; i < size; i++) bigger[i] = At(i);
        items = bigger;
        head = 0;
    }
}

// Last in, first out: items[size - 1] is the top.
class Stack<T> : Sequence<T> {
    private T[] items = new T[0];
    private int size;

    public override int Count => size;

    public void Push(T item) {
        if (size == items.Length) {
            T[] bigger = new T[items.Length == 0 ? 4 : items.Length * 2];
            for (int i = 0; i < size; i++) bigger[i] = items[i];
            items = bigger;
        }
        items[size] = item;
        size++;
        version++;
    }

    public T Pop() {
        if (size == 0) throw new InvalidOperationException("Stack empty.");
        size--;
        version++;
        return items[size];
    }

    public T Peek() {
        if (size == 0) throw new InvalidOperationException("Stack empty.");
        return items[size - 1];
    }

    public bool Contains(T item) {
        for (int i = 0; i < size; i++) {
            if (items[i] == item) return true;
        }
        return false;
    }

    public void Clear() {
        size = 0;
        version++;
    }

    // Top first, as foreach visits a Stack.
    public T[] ToArray() {
        T[] copy = new T[size];
        for (int i = 0; i < size; i++) copy[i] = At(i);
        return copy;
    }

    // The i-th element from the top.
    public override T At(int i) { return items[size - 1 - i]; }
}

// A key and its value, as foreach over a Dictionary gives them.
class KeyValuePair<TKey, TValue> {
    public TKey Key { get; }
    public TValue Value { get; }
    public KeyValuePair(TKey key, TValue value) {
        Key = key;
        Value = value;
    }
    public override string ToString() { return "[" + Key + ", " + Value + "]"; }
}

// The hash codes a Dictionary spreads its keys by (.NET's own are not
// specified, and no output depends on them: only which bucket a key is in).
static class KeyHash {
    public static int Of(int key) { return key & 0x7FFFFFFF; }
    public static int Of(long key) { return (int)(key ^ (key >> 32)) & 0x7FFFFFFF; }
    public static int Of(char key) { return key; }
    public static int Of(bool key) { return key ? 1 : 0; }
    // FNV-1a over the UTF-16 code units.
    public static int Of(string key) {
        if (key == null) throw new ArgumentNullException("key");
        int h = -2128831035;
        for (int i = 0; i < key.Length; i++) {
            h = (h ^ key[i]) * 16777619;
        }
        return h & 0x7FFFFFFF;
    }
}

// .NET's hash table: entries live in arrays in the order they were added
// (that is the order foreach visits them); buckets[h % buckets.Length] - 1
// is the first entry of a chain, next[i] - 1 the entry after i. A removed
// entry joins a free list and is the first reused, as in .NET.
class Dictionary<TKey, TValue> {
    private int[] buckets = new int[0];
    private int[] next = new int[0];
    private int[] hashes = new int[0];
    private TKey[] keys = new TKey[0];
    private TValue[] values = new TValue[0];
    private TValue none;
    // Entries used so far (live or free), the free list and its length.
    private int used;
    private int freeList = -1;
    private int freeCount;
    private int version;

    public int Count => used - freeCount;

    public TValue this[TKey key] {
        get {
            int i = Find(key);
            if (i < 0) throw new KeyNotFoundException("The given key '" + key + "' was not present in the dictionary.");
            return values[i];
        }
        set { Insert(key, value, false); }
    }

    public void Add(TKey key, TValue value) { Insert(key, value, true); }

    public bool ContainsKey(TKey key) { return Find(key) >= 0; }

    // dict.TryGetValue(key, out v): the value and true, or default(TValue)
    // and false (`none` is a field nobody assigns: it holds the default).
    public bool TryGetValue(TKey key, out TValue value) {
        int i = Find(key);
        if (i < 0) {
            value = none;
            return false;
        }
        value = values[i];
        return true;
    }

    public bool ContainsValue(TValue value) {
        for (int i = 0; i < used; i++) {
            if (hashes[i] >= 0 && values[i] == value) return true;
        }
        return false;
    }

    public bool Remove(TKey key) {
        if (buckets.Length == 0) {
            KeyHash.Of(key);
            return false;
        }
        int h = KeyHash.Of(key);
        int b = h % buckets.Length;
        int last = -1;
        for (int i = buckets[b] - 1; i >= 0; i = next[i] - 1) {
            if (hashes[i] == h && keys[i] == key) {
                if (last < 0) buckets[b] = next[i];
                else next[last] = next[i];
                hashes[i] = -1;
                next[i] = freeList + 1;
                freeList = i;
                freeCount++;
                version++;
                return true;
            }
            last = i;
        }
        return false;
    }

    public void Clear() {
        for (int b = 0; b < buckets.Length; b++) buckets[b] = 0;
        used = 0;
        freeList = -1;
        freeCount = 0;
        version++;
    }

    // The keys and the values, in the order foreach visits the entries.
    public List<TKey> Keys {
        get {
            List<TKey> list = new List<TKey>();
            for (int i = 0; i < used; i++) {
                if (hashes[i] >= 0) list.Add(keys[i]);
            }
            return list;
        }
    }
    public List<TValue> Values {
        get {
            List<TValue> list = new List<TValue>();
            for (int i = 0; i < used; i++) {
                if (hashes[i] >= 0) list.Add(values[i]);
            }
            return list;
        }
    }

    public DictionaryEnumerator<TKey, TValue> GetEnumerator() {
        return new DictionaryEnumerator<TKey, TValue>(this);
    }

    // For the enumerator: entries [0, Used) in order, live or not.
    public int Used => used;
    public bool IsLive(int i) { return hashes[i] >= 0; }
    public KeyValuePair<TKey, TValue> EntryAt(int i) {
        return new KeyValuePair<TKey, TValue>(keys[i], values[i]);
    }
    public int Version => version;

    // The entry holding `key`, or -1.
    private int Find(TKey key) {
        int h = KeyHash.Of(key);
        if (buckets.Length == 0) return -1;
        for (int i = buckets[h % buckets.Length] - 1; i >= 0; i = next[i] - 1) {
            if (hashes[i] == h && keys[i] == key) return i;
        }
        return -1;
    }

    private void Insert(TKey key, TValue value, bool adding) {
        int h = KeyHash.Of(key);
        int i = Find(key);
        if (i >= 0) {
            if (adding) throw new ArgumentException("An item with the same key has already been added. Key: " + key);
            values[i] = value;
            version++;
            return;
        }
        if (freeCount > 0) {
            i = freeList;
            freeList = next[i] - 1;
            freeCount--;
        } else {
            if (used == keys.Length) Grow();
            i = used;
            used++;
        }
        int b = h % buckets.Length;
        hashes[i] = h;
        keys[i] = key;
        values[i] = value;
        next[i] = buckets[b];
        buckets[b] = i + 1;
        version++;
    }

    // Twice the entries (4 at first) and as many buckets; chains rebuilt.
    private void Grow() {
        int size = keys.Length == 0 ? 4 : keys.Length * 2;
        int[] newNext = new int[size];
        int[] newHashes = new int[size];
        TKey[] newKeys = new TKey[size];
        TValue[] newValues = new TValue[size];
        buckets = new int[size];
        for (int i = 0; i < used; i++) {
            newHashes[i] = hashes[i];
            newKeys[i] = keys[i];
            newValues[i] = values[i];
            if (hashes[i] >= 0) {
                int b = hashes[i] % size;
                newNext[i] = buckets[b];
                buckets[b] = i + 1;
            }
        }
        next = newNext;
        hashes = newHashes;
        keys = newKeys;
        values = newValues;
    }
}

class DictionaryEnumerator<TKey, TValue> {
    private Dictionary<TKey, TValue> dictionary;
    private int index;
    private int version;
    private KeyValuePair<TKey, TValue> current;

    public DictionaryEnumerator(Dictionary<TKey, TValue> dictionary) {
        this.dictionary = dictionary;
        version = dictionary.Version;
    }

    public bool MoveNext() {
        if (version != dictionary.Version) {
            throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
        }
        while (index < dictionary.Used) {
            int i = index;
            index++;
            if (dictionary.IsLive(i)) {
                current = dictionary.EntryAt(i);
                return true;
            }
        }
        return false;
    }

    public KeyValuePair<TKey, TValue> Current => current;
}

}

// List<T>.Sort(): a generic extension method, so a List<T> of a type that
// cannot be ordered (a class) is still a List<T>; sorting one is reported.
// Array.Sort's merge sort is stable where .NET's introsort is not, which
// only shows for elements that compare equal, and ints, longs, chars,
// doubles and strings that compare equal print alike.
static class CollectionExtensions {
    public static void Sort<T>(this List<T> list) {
        Array.Sort(list.ItemsToReorder(), 0, list.Count);
    }
}
