using "include_cycle.fs";

class B { }
