# package_test.cmake: install the built project into a fresh prefix, then configure, build and run
# tests/package_consumer against it with find_package(permeq). Any failing step fails the test.
#
#   cmake -DPERMEQ_BINARY_DIR=<build dir> -DCONSUMER_SOURCE_DIR=<tests/package_consumer>
#         -DWORK_DIR=<scratch dir> [-DCONFIG=<build type>] [-DGENERATOR=<generator>]
#         [-DCXX_COMPILER=<compiler>] -P package_test.cmake
#
# Registered as the CTest test `package_consumer` in tests/CMakeLists.txt.
cmake_minimum_required(VERSION 3.20)

foreach(var PERMEQ_BINARY_DIR CONSUMER_SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "package_test: -D${var}=... is required")
  endif()
endforeach()
# CONFIG: the configuration under test (ctest -C / CMAKE_BUILD_TYPE). Empty means none, and then
# no --config is passed, so that `cmake --install` still installs the configuration-less files.
set(config_args)
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()

set(prefix "${WORK_DIR}/prefix")
set(consumer_build "${WORK_DIR}/consumer-build")
file(REMOVE_RECURSE "${prefix}" "${consumer_build}")   # fresh every run

# Runs one step; stops the test with the step's output when it fails or takes over 120 s.
function(step name)
  string(JOIN " " command_line ${ARGN})
  message(STATUS "package_test: ${name}: ${command_line}")
  execute_process(COMMAND ${ARGN}
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out TIMEOUT 120)
  if(NOT result STREQUAL "0")
    message(FATAL_ERROR "package_test: ${name} failed (${result}):\n${out}")
  endif()
  string(STRIP "${out}" out)
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

step("install" "${CMAKE_COMMAND}" --install "${PERMEQ_BINARY_DIR}" --prefix "${prefix}" ${config_args})

# The layout a consumer relies on (libdir is lib or lib/<multiarch>, as GNUInstallDirs chose).
file(GLOB config_dirs "${prefix}/lib*/cmake/permeq" "${prefix}/lib/*/cmake/permeq")
list(LENGTH config_dirs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "package_test: expected one <libdir>/cmake/permeq under ${prefix}, found: ${config_dirs}")
endif()
foreach(path
    "${config_dirs}/permeqConfig.cmake" "${config_dirs}/permeqConfigVersion.cmake"
    "${config_dirs}/permeqTargets.cmake" "${prefix}/include/permeq/permeq.hpp" "${prefix}/bin/permeq")
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "package_test: ${path} was not installed")
  endif()
endforeach()
step("installed CLI" "${prefix}/bin/permeq" --version)
message(STATUS "package_test: ${step_output}")

set(configure_args -S "${CONSUMER_SOURCE_DIR}" -B "${consumer_build}"
  "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_BUILD_TYPE=${CONFIG}")
if(GENERATOR)
  list(APPEND configure_args -G "${GENERATOR}")
endif()
if(CXX_COMPILER)
  list(APPEND configure_args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
step("configure consumer" "${CMAKE_COMMAND}" ${configure_args})

# find_package must have used the fresh prefix, not some other permeq on the machine.
file(STRINGS "${consumer_build}/CMakeCache.txt" permeq_dir_line REGEX "^permeq_DIR:")
string(REGEX REPLACE "^permeq_DIR:[A-Z]+=" "" permeq_dir "${permeq_dir_line}")
file(REAL_PATH "${permeq_dir}" permeq_dir)
file(REAL_PATH "${config_dirs}" expected_dir)
if(NOT permeq_dir STREQUAL expected_dir)
  message(FATAL_ERROR "package_test: consumer found permeq in '${permeq_dir}', expected '${expected_dir}'")
endif()

step("build consumer" "${CMAKE_COMMAND}" --build "${consumer_build}" ${config_args})

# Single-config generators put the program in the build dir, multi-config ones in <build>/<CONFIG>.
file(GLOB consumer_exe "${consumer_build}/consumer" "${consumer_build}/consumer.exe"
  "${consumer_build}/${CONFIG}/consumer" "${consumer_build}/${CONFIG}/consumer.exe")
if(NOT consumer_exe)
  message(FATAL_ERROR "package_test: no consumer executable under ${consumer_build}")
endif()
list(GET consumer_exe 0 consumer_exe)
step("run consumer" "${consumer_exe}")
message("${step_output}")
