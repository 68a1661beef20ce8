#include <app/show_part.hpp>

// Last: Xlib's macros (None, Bool, Status...) would clash with names in the headers above.
#include <GL/glx.h>

#include <string_view>

namespace kiosk::app {
namespace {

bool offers(std::string_view extensions, std::string_view name) {
    for (std::size_t at = extensions.find(name); at != std::string_view::npos; at = extensions.find(name, at + 1)) {
        const std::size_t end = at + name.size();
        if ((at == 0 || extensions[at - 1] == ' ') && (end == extensions.size() || extensions[end] == ' '))
            return true;
    }
    return false;
}

} // namespace

ShowPart showPartOfCurrentContext() {
    Display* display = glXGetCurrentDisplay();
    const GLXDrawable drawable = glXGetCurrentDrawable();
    if (display == nullptr || drawable == 0)
        return {}; // not GLX (EGL, Wayland)
    const char* extensions = glXQueryExtensionsString(display, DefaultScreen(display));
    if (extensions == nullptr || !offers(extensions, "GLX_MESA_copy_sub_buffer"))
        return {};
    using CopySubBuffer = void (*)(Display*, GLXDrawable, int, int, int, int);
    const auto copy = reinterpret_cast<CopySubBuffer>(
        glXGetProcAddressARB(reinterpret_cast<const GLubyte*>("glXCopySubBufferMESA")));
    if (copy == nullptr)
        return {};
    return [=](int x, int y, int width, int height) { copy(display, drawable, x, y, width, height); };
}

} // namespace kiosk::app
