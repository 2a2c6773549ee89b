class P { }
+++
