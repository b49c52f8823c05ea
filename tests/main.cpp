#define BOOST_TEST_MODULE timeliner
#include <boost/test/unit_test.hpp>
