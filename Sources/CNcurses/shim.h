// Wide-character ncurses for Swift: the macros and globals strict-concurrency Swift cannot use
// (stdscr, COLS, LINES, COLORS, COLOR_PAIR, getmaxyx, A_*, KEY_*) wrapped in static inline functions.
#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <stdio.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_err(void) { return ERR; }
static inline int cn_ok(void) { return OK; }

static inline void cn_getmaxyx(WINDOW *win, int *rows, int *cols) {
    int y, x;
    getmaxyx(win, y, x);
    *rows = y;
    *cols = x;
}

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
#ifdef A_ITALIC
static inline attr_t cn_a_italic(void) { return A_ITALIC; }
#else
static inline attr_t cn_a_italic(void) { return A_UNDERLINE; }
#endif

static inline int cn_key_resize(void) { return KEY_RESIZE; }
static inline int cn_key_up(void) { return KEY_UP; }
static inline int cn_key_down(void) { return KEY_DOWN; }
static inline int cn_key_left(void) { return KEY_LEFT; }
static inline int cn_key_right(void) { return KEY_RIGHT; }
static inline int cn_key_home(void) { return KEY_HOME; }
static inline int cn_key_end(void) { return KEY_END; }
static inline int cn_key_ppage(void) { return KEY_PPAGE; }
static inline int cn_key_npage(void) { return KEY_NPAGE; }
static inline int cn_key_btab(void) { return KEY_BTAB; }
static inline int cn_key_backspace(void) { return KEY_BACKSPACE; }
static inline int cn_key_dc(void) { return KEY_DC; }
static inline int cn_key_ic(void) { return KEY_IC; }
static inline int cn_key_enter(void) { return KEY_ENTER; }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline int cn_key_mouse(void) { return KEY_MOUSE; }
static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }

/// Writes one wide grapheme (up to 5 code points) with attributes and a colour pair at (y, x).
static inline int cn_put_wide(int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, chars, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cc);
}

/// Drawing graphemes whose width depends on the terminal (`⚠️`: 1 column for wcwidth, 2 where VS16
/// is honoured) straight to the terminal after a refresh, where ncurses holds a 1-column stand-in
/// and a space. Each is drawn at an absolute position between save-cursor and restore-cursor, so
/// the cursor ncurses believes in is where it really is whatever width the terminal chose; the
/// attributes go through `vid_puts`, which keeps ncurses' idea of the current attributes right too.
/// The batch goes through stdio's stdout buffer (no newlines, so nothing leaves before
/// `cn_overlay_end` flushes it); ncurses has flushed its own output by the end of `refresh`.
static inline void cn_overlay_text(const char *text) { fputs(text, stdout); }

/// Starts a batch: plain attributes (known to both sides), then save the cursor (DECSC).
static inline void cn_overlay_begin(void) {
    vid_puts(A_NORMAL, 0, NULL, putchar);
    cn_overlay_text("\0337");
}

/// One grapheme (UTF-8, NUL-terminated) at (y, x) with attributes and colour pair.
static inline void cn_overlay_cell(int y, int x, const char *utf8, attr_t attrs, short pair) {
    char move[32];
    vid_puts(attrs, pair, NULL, putchar);
    snprintf(move, sizeof move, "\033[%d;%dH", y + 1, x + 1);
    cn_overlay_text(move);
    cn_overlay_text(utf8);
}

/// Restores the cursor (DECRC, which also brings back the plain attributes saved with it), tells
/// ncurses the attributes are plain again, and sends the batch.
static inline void cn_overlay_end(void) {
    cn_overlay_text("\0338");
    vid_puts(A_NORMAL, 0, NULL, putchar);
    fflush(stdout);
}

/// Reports left-button presses and the wheel; mouseinterval(0) delivers presses at once
/// (no waiting to tell a click from a press).
static inline void cn_enable_mouse(void) {
    mmask_t mask = BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    mask |= BUTTON5_PRESSED;
#endif
    mousemask(mask, NULL);
    mouseinterval(0);
}

/// The pending mouse event after KEY_MOUSE: its cell and button (1 left, 4 wheel up, 5 wheel down, 0 other).
static inline int cn_get_mouse(int *x, int *y, int *button) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *x = event.x;
    *y = event.y;
    *button = 0;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) *button = 1;
    if (event.bstate & BUTTON4_PRESSED) *button = 4;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) *button = 5;
#endif
    return OK;
}

#endif
