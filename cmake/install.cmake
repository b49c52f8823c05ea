# Installation and packaging, included by the top-level CMakeLists.txt.
#   cmake --install build --prefix P   the timeliner command, libtimeliner.a and libtimeliner.so, the
#                                      headers, a CMake package (find_package(timeliner CONFIG)), a
#                                      pkg-config file, the man page and the Python package
#                                      (python/CMakeLists.txt)
#   cpack --config build/CPackConfig.cmake -G DEB   a Debian package of the same files under /usr
include(CMakePackageConfigHelpers)

install(TARGETS timeliner RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS timeliner_lib timeliner_shared EXPORT timelinerTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
# Every public header, whatever the stages add to include/timeliner/.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/timeliner DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# The CMake package: timeliner::timeliner (shared), timeliner::timeliner_static.
set(TIMELINER_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/timeliner)
install(EXPORT timelinerTargets NAMESPACE timeliner:: DESTINATION ${TIMELINER_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/timelinerConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/timelinerConfig.cmake INSTALL_DESTINATION ${TIMELINER_CMAKE_DIR})
# 0.x: a new minor version may change the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/timelinerConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/timelinerConfig.cmake ${PROJECT_BINARY_DIR}/timelinerConfigVersion.cmake
        DESTINATION ${TIMELINER_CMAKE_DIR})

# pkg-config, relocatable: the prefix is found from where the .pc file lies (${pcfiledir}), so a
# tree installed with --prefix P, or the .deb's files extracted anywhere, describe themselves.
file(RELATIVE_PATH TIMELINER_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" TIMELINER_PC_TO_PREFIX "${TIMELINER_PC_TO_PREFIX}")
# The static library links Hyperscan's runtime when the build has it (no .pc file of its own), and
# dlopen (libxml2 is loaded when HTML is read).
set(TIMELINER_PC_LIBS_PRIVATE "-ldl")
if(TIMELINER_WITH_HYPERSCAN)
  set(TIMELINER_PC_LIBS_PRIVATE "-lhs_runtime -ldl")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/timeliner.pc.in ${PROJECT_BINARY_DIR}/timeliner.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/timeliner.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The man page, generated from the command line's own help (help2man, Debian's help2man package).
# Not in sanitizer and fuzzing builds, which are never installed.
find_program(TIMELINER_HELP2MAN help2man)
if(TIMELINER_HELP2MAN AND NOT TIMELINER_SANITIZE AND NOT TIMELINER_FUZZ)
  set(TIMELINER_MAN ${PROJECT_BINARY_DIR}/man/timeliner.1)
  add_custom_command(
    OUTPUT ${TIMELINER_MAN}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
    COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:timeliner> -DHELP2MAN=${TIMELINER_HELP2MAN} -DOUTPUT=${TIMELINER_MAN}
            -P ${PROJECT_SOURCE_DIR}/cmake/man_page.cmake
    DEPENDS timeliner ${PROJECT_SOURCE_DIR}/cmake/man_page.cmake
    COMMENT "Writing the man page from timeliner --help"
    VERBATIM)
  add_custom_target(timeliner_man ALL DEPENDS ${TIMELINER_MAN})
  install(FILES ${TIMELINER_MAN} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
elseif(NOT TIMELINER_HELP2MAN)
  message(STATUS "timeliner: help2man not found, no man page (Debian: help2man; scripts/setup.sh installs it)")
endif()

# The Debian package: dependencies from the libraries the files link (dpkg-shlibdeps), so they are
# Debian's package names; what building against the headers needs is recommended.
set(CPACK_PACKAGE_NAME timeliner)
set(CPACK_PACKAGE_VENDOR "timeliner")
set(CPACK_PACKAGE_CONTACT "timeliner developers <timeliner@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "event timelines from news articles (TIMEX3 temporal tagging)")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "timeliner finds every temporal expression in news articles, resolves it to an absolute TIMEX3 value with "
       "an interval of days, ties each date to its event and assembles one ordered timeline (JSON, TimelineJS, "
       "CSV, an HTML page that opens offline). The package holds the command, the C++ library (static and "
       "shared, headers, CMake package, pkg-config file), the man page and the Python module.")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libxml2 is loaded with dlopen when HTML is read (src/load/libxml.cpp), so dpkg-shlibdeps cannot see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libxml2 (>= 2.9)")
# The Python module is built for one version of Debian's python3 (its file name says which).
if(TIMELINER_PYTHON_BUILT)
  math(EXPR next_minor "${Python3_VERSION_MINOR} + 1")
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS
         ", python3 (>= ${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}), python3 (<< ${Python3_VERSION_MAJOR}.${next_minor})")
endif()
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libhowardhinnant-date-dev, libre2-dev, pkg-config")
if(TIMELINER_WITH_HYPERSCAN)  # its runtime's unversioned libhs_runtime.so, for a static link
  string(APPEND CPACK_DEBIAN_PACKAGE_RECOMMENDS ", libhyperscan-dev | libvectorscan-dev")
endif()
include(CPack)
