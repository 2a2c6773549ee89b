/* A block comment
   over several lines */
class   Program{static void Main(){int/*inline*/x=1;// trailing
x=x+1;Console.WriteLine(x);}}
