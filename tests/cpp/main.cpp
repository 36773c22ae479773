// The Catch2 runner for the loss-core suite, natively and under Node (wasm).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
