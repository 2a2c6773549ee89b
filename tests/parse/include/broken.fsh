int Broken() { return 1 }
