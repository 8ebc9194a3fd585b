// Placeholder until the backend lands.
enum CursesTerminalPlaceholder {}
