// The one Catch2 main for all test files.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
