int Area() { return 6; }
