// intake: the complaints team's tool. Everything it does is in the kiosk::intake library, which
// the tests call; this is the shell around it.
#include <intake/commands.hpp>

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    kiosk::intake::Console console{std::cout, std::cerr};
    return kiosk::intake::runCommandLine(args, console);
}
