"""Qt-free business logic; talks to the world through clients/ and to storage through db/."""
