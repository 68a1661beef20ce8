// Says whether the X server draws a pointer: the current cursor image, wherever the pointer is,
// read with XFixes. Prints "hidden" and exits 0 if every pixel of it is fully transparent,
// "visible" and exits 1 if any pixel shows, and exits 2 if it cannot tell.
#include <X11/Xlib.h>
#include <X11/extensions/Xfixes.h>

#include <cstddef>
#include <cstdio>

int main() {
    Display* display = XOpenDisplay(nullptr);
    if (display == nullptr) {
        std::fprintf(stderr, "cursor_probe: cannot open the display (is DISPLAY set?)\n");
        return 2;
    }
    int eventBase = 0;
    int errorBase = 0;
    if (XFixesQueryExtension(display, &eventBase, &errorBase) == False) {
        std::fprintf(stderr, "cursor_probe: the X server has no XFIXES extension\n");
        XCloseDisplay(display);
        return 2;
    }
    XFixesCursorImage* image = XFixesGetCursorImage(display);
    if (image == nullptr) {
        std::fprintf(stderr, "cursor_probe: the X server gave no cursor image\n");
        XCloseDisplay(display);
        return 2;
    }
    // One ARGB pixel in each unsigned long; alpha is the top byte of the 32 bits.
    const std::size_t count = static_cast<std::size_t>(image->width) * image->height;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < count; ++i)
        if (((image->pixels[i] >> 24) & 0xFF) != 0)
            ++shown;
    std::printf("%s: %zu of %zu pixels of the %ux%u cursor show\n", shown != 0 ? "visible" : "hidden", shown, count,
                image->width, image->height);
    XFree(image);
    XCloseDisplay(display);
    return shown != 0 ? 1 : 0;
}
