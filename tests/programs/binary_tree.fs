// A binary search tree with recursive insert, in-order traversal, height and contains.
using System;

class Tree {
    public int key;
    public Tree left;
    public Tree right;
    public Tree(int k) { key = k; }

    public void Insert(int k) {
        if (k < key) {
            if (left == null) left = new Tree(k); else left.Insert(k);
        } else {
            if (right == null) right = new Tree(k); else right.Insert(k);
        }
    }

    public string InOrder() {
        string s = "";
        if (left != null) s += left.InOrder();
        s += key + " ";
        if (right != null) s += right.InOrder();
        return s;
    }

    public int Height() {
        int l = left == null ? 0 : left.Height();
        int r = right == null ? 0 : right.Height();
        return 1 + (l > r ? l : r);
    }

    public bool Contains(int k) {
        if (k == key) return true;
        Tree next = k < key ? left : right;
        return next != null && next.Contains(k);
    }
}

class Program {
    static void Main() {
        Tree t = new Tree(50);
        int[] keys = new int[] { 30, 70, 20, 40, 60, 80, 35, 45, 65 };
        for (int i = 0; i < keys.Length; i++) t.Insert(keys[i]);
        Console.WriteLine(t.InOrder());
        Console.WriteLine(t.Height());
        Console.WriteLine(t.Contains(45) + " " + t.Contains(46));
    }
}
