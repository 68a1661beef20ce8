#pragma once

#include <functional>

namespace kiosk::app {

/// Shows a rectangle of the back buffer (OpenGL's window coordinates, counted from the bottom left)
/// on the screen and leaves the back buffer as it is, so that the next frame need only draw what it
/// changes.
using ShowPart = std::function<void(int x, int y, int width, int height)>;

/// The current OpenGL context's way to show part of its back buffer (GLX_MESA_copy_sub_buffer, which
/// Mesa's drivers offer on X), or an empty function where there is none: a whole frame is then
/// drawn and swapped every time.
[[nodiscard]] ShowPart showPartOfCurrentContext();

} // namespace kiosk::app
