// An interface hierarchy with a cycle (CS0529, once), and a class missing a member of an interface its interface extends (CS0535).
interface IA : IB { }
interface IB : IA { }
interface IBase { int Id(); }
interface IDerived : IBase { int More(); }
class Half : IDerived { public int More() { return 1; } }
class Program { static void Main() { } }
