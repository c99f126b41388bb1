// permeq/core/version.hpp: the library version (CMakeLists.txt reads it from here).
#pragma once

#define PERMEQ_VERSION_STRING "0.1.0"
