#include <timeliner/value.hpp>

#include <boost/test/unit_test.hpp>

using namespace timeliner;
using namespace date;

BOOST_AUTO_TEST_SUITE(value)

BOOST_AUTO_TEST_CASE(parses_publication_dates) {
  auto d = parse_instant("2025-04-18");
  BOOST_REQUIRE(d);
  BOOST_TEST(format_instant(*d) == "2025-04-18");
  BOOST_TEST(!d->time_of_day);

  auto t = parse_instant("2025-04-18T02:30");
  BOOST_REQUIRE(t);
  BOOST_TEST(t->time_of_day->count() == 150);
  BOOST_TEST(format_instant(*t) == "2025-04-18T02:30");

  auto z = parse_instant("2025-04-18T02:30:59+08:00");
  BOOST_REQUIRE(z);
  BOOST_TEST(z->utc_offset->count() == 480);
  BOOST_TEST(format_instant(*z) == "2025-04-18T02:30+08:00");

  auto utc = parse_instant("2021-03-09T18:40Z");
  BOOST_REQUIRE(utc);
  BOOST_TEST(format_instant(*utc) == "2021-03-09T18:40+00:00");
  BOOST_TEST(format_instant(*parse_instant("2021-03-09T18:40-05:00")) == "2021-03-09T18:40-05:00");
}

BOOST_AUTO_TEST_CASE(rejects_impossible_or_malformed_dates) {
  for (const char* bad : {"2025-13-45", "2025-02-29", "2023-02-31", "2025-4-18", "18/04/2025", "", "2025-04-18T25:00",
                          "2025-04-18T10:60", "2025-04-18junk", "2025-04-18T10:00+15:00", "20250418"})
    BOOST_TEST(!parse_instant(bad), bad);
  BOOST_TEST(parse_instant("2024-02-29").has_value());
}

BOOST_AUTO_TEST_CASE(names_round_trip) {
  for (auto g : {Grain::century, Grain::decade, Grain::year, Grain::quarter, Grain::week, Grain::day, Grain::minute})
    BOOST_TEST((parse_grain(to_string(g)) == g));
  for (auto m : {Mod::start, Mod::approx, Mod::more_than, Mod::equal_or_less})
    BOOST_TEST((parse_mod(to_string(m)) == m));
  BOOST_TEST(to_string(Mod::none).empty());
  BOOST_TEST(!parse_mod(""));
  BOOST_TEST(to_string(AnchorKind::explicit_) == "explicit");
  BOOST_TEST(to_string(TimexType::duration) == "DURATION");
}

BOOST_AUTO_TEST_SUITE_END()
