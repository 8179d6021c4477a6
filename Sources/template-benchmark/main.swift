print("template benchmark: not yet")
