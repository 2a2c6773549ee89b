using System;
using System.Collections.Generic;
class Program {
    static bool Balanced(string s) {
        var stack = new Stack<char>();
        foreach (char c in s) {
            if (c == '(' || c == '[') stack.Push(c);
            else if (c == ')' || c == ']') {
                if (stack.Count == 0) return false;
                char open = stack.Pop();
                if ((c == ')' && open != '(') || (c == ']' && open != '[')) return false;
            }
        }
        return stack.Count == 0;
    }
    static void Main() {
        Console.WriteLine(Balanced("([]())"));
        Console.WriteLine(Balanced("([)]"));
        Console.WriteLine(Balanced("(("));
    }
}
