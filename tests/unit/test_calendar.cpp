#include "resolve/calendar.hpp"

#include <boost/test/unit_test.hpp>

using namespace timeliner;
using namespace date;

namespace {
sys_days ymd(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / d}; }
std::string range(const Interval& i) { return format_day(i.earliest) + ".." + format_day(i.latest); }
}  // namespace

BOOST_AUTO_TEST_SUITE(calendar)

BOOST_AUTO_TEST_CASE(formats_each_grain) {
  const sys_days d = ymd(2025, 4, 18);
  BOOST_TEST(timex_of(unit_containing(d, Grain::century)) == "20");
  BOOST_TEST(timex_of(unit_containing(d, Grain::decade)) == "202");
  BOOST_TEST(timex_of(unit_containing(d, Grain::year)) == "2025");
  BOOST_TEST(timex_of(unit_containing(d, Grain::half)) == "2025-H1");
  BOOST_TEST(timex_of(unit_containing(d, Grain::quarter)) == "2025-Q2");
  BOOST_TEST(timex_of(unit_containing(d, Grain::season)) == "2025-SP");
  BOOST_TEST(timex_of(unit_containing(d, Grain::month)) == "2025-04");
  BOOST_TEST(timex_of(unit_containing(d, Grain::week)) == "2025-W16");
  BOOST_TEST(timex_of(unit_containing(d, Grain::weekend)) == "2025-W16-WE");
  BOOST_TEST(timex_of(unit_containing(d, Grain::day)) == "2025-04-18");
  BOOST_TEST(timex_of(unit_containing(d, Grain::minute, 14 * 60 + 5)) == "2025-04-18T14:05");
}

BOOST_AUTO_TEST_CASE(bounds_are_inclusive_days) {
  BOOST_TEST(range(bounds_of(unit_containing(ymd(2025, 4, 9), Grain::week))) == "2025-04-07..2025-04-13");
  BOOST_TEST(range(bounds_of(unit_containing(ymd(2024, 2, 9), Grain::month))) == "2024-02-01..2024-02-29");
  BOOST_TEST(range(bounds_of(unit_containing(ymd(2025, 1, 15), Grain::season))) == "2024-12-01..2025-02-28");
  BOOST_TEST(range(bounds_of(unit_containing(ymd(1995, 6, 1), Grain::decade))) == "1990-01-01..1999-12-31");
  BOOST_TEST(range(bounds_of(unit_containing(ymd(1995, 6, 1), Grain::century))) == "1900-01-01..1999-12-31");
  BOOST_TEST(range(bounds_of(unit_containing(ymd(2025, 8, 1), Grain::quarter))) == "2025-07-01..2025-09-30");
}

BOOST_AUTO_TEST_CASE(mods_narrow_coarse_bounds) {
  const Point y = unit_containing(ymd(2025, 5, 5), Grain::year);
  BOOST_TEST(range(bounds_of(y, Mod::start)) == "2025-01-01..2025-04-30");
  BOOST_TEST(range(bounds_of(y, Mod::mid)) == "2025-05-01..2025-08-31");
  BOOST_TEST(range(bounds_of(y, Mod::end)) == "2025-09-01..2025-12-31");
  BOOST_TEST(range(bounds_of(y, Mod::approx)) == "2025-01-01..2025-12-31");
  const Point m = unit_containing(ymd(2025, 2, 5), Grain::month);
  BOOST_TEST(range(bounds_of(m, Mod::mid)) == "2025-02-11..2025-02-20");
  BOOST_TEST(range(bounds_of(m, Mod::end)) == "2025-02-21..2025-02-28");
}

BOOST_AUTO_TEST_CASE(shifts_clamp_month_ends_and_cross_years) {
  const Point jan31 = unit_containing(ymd(2025, 1, 31), Grain::day);
  BOOST_TEST(timex_of(shift(jan31, Grain::month, 1)) == "2025-02-28");
  BOOST_TEST(timex_of(shift(unit_containing(ymd(2024, 2, 29), Grain::day), Grain::year, 1)) == "2025-02-28");
  BOOST_TEST(timex_of(shift(unit_containing(ymd(2025, 1, 2), Grain::week), Grain::week, -1)) == "2024-W52");
  BOOST_TEST(timex_of(shift(unit_containing(ymd(2025, 1, 2), Grain::quarter), Grain::quarter, -1)) == "2024-Q4");
  BOOST_TEST(timex_of(shift(unit_containing(ymd(2025, 1, 2), Grain::day), Grain::day, -2)) == "2024-12-31");
  Point late = unit_containing(ymd(2025, 12, 31), Grain::minute, 23 * 60 + 30);
  BOOST_TEST(timex_of(shift(late, Grain::hour, 1)) == "2026-01-01T00:30");
  BOOST_TEST(timex_of(shift(unit_containing(ymd(2025, 1, 1), Grain::minute, 10), Grain::minute, -20)) ==
             "2024-12-31T23:50");
}

BOOST_AUTO_TEST_CASE(seasons_of_days) {
  BOOST_TEST((season_of(ymd(2025, 12, 24)) == std::make_pair(4, 2026)));
  BOOST_TEST((season_of(ymd(2026, 2, 1)) == std::make_pair(4, 2026)));
  BOOST_TEST((season_of(ymd(2026, 3, 1)) == std::make_pair(1, 2026)));
  BOOST_TEST((season_of(ymd(2026, 9, 30)) == std::make_pair(3, 2026)));
}

// Years BC are astronomical inside (1 BC is 0) and written as TIMEX3 writes them; decades and
// centuries BC count back (the 470s BC run from 479 to 470 BC); neither era has a year 0.
BOOST_AUTO_TEST_CASE(years_before_christ) {
  BOOST_TEST(timex_year(-217) == "BC0218");
  BOOST_TEST(timex_year(0) == "BC0001");
  BOOST_TEST(timex_year(1) == "0001");
  BOOST_TEST(timex_of(unit_containing(ymd(-479, 9, 3), Grain::month)) == "BC0480-09");
  BOOST_TEST(timex_of(unit_containing(ymd(-479, 9, 3), Grain::day)) == "BC0480-09-03");
  BOOST_TEST(timex_of(unit_containing(ymd(-479, 4, 3), Grain::season)) == "BC0480-SP");
  const Point decade = unit_containing(ymd(-473, 5, 1), Grain::decade);
  BOOST_TEST(timex_of(decade) == "BC047");
  BOOST_TEST(range(bounds_of(decade)) == "-0478-01-01..-0469-12-31");
  BOOST_TEST(timex_of(shift(decade, Grain::decade, 1)) == "BC046");
  const Point century = unit_containing(ymd(-449, 1, 1), Grain::century);
  BOOST_TEST(timex_of(century) == "BC04");
  BOOST_TEST(range(bounds_of(century)) == "-0498-01-01..-0399-12-31");
  BOOST_TEST(range(bounds_of(unit_containing(ymd(0, 6, 1), Grain::decade))) == "-0008-01-01..0000-12-31");
  BOOST_TEST(range(bounds_of(unit_containing(ymd(5, 6, 1), Grain::decade))) == "0001-01-01..0009-12-31");
  BOOST_TEST(timex_of(shift(unit_containing(ymd(-1, 3, 1), Grain::year), Grain::year, 2)) ==
             "0001");  // 2 BC + 2 years: AD 1
}

// A unit known only to a coarser period writes X for what is unknown and takes its bounds.
BOOST_AUTO_TEST_CASE(units_known_to_a_coarser_period) {
  Point day = unit_containing(ymd(1998, 10, 1), Grain::day);
  day.known = Grain::month;
  BOOST_TEST(timex_of(day) == "1998-10-XX");
  BOOST_TEST(range(bounds_of(day)) == "1998-10-01..1998-10-31");
  day.known = Grain::year;
  BOOST_TEST(timex_of(day) == "1998-XX-XX");
  BOOST_TEST(range(bounds_of(day)) == "1998-01-01..1998-12-31");
  Point night = day;
  night.grain = Grain::part_of_day;
  night.pod = 4;
  night.known = Grain::month;
  BOOST_TEST(timex_of(night) == "1998-10-XXTNI");
  Point week = unit_containing(ymd(1998, 10, 1), Grain::week);
  week.known = Grain::year;
  BOOST_TEST(timex_of(week) == "1998-WXX");
  BOOST_TEST(timex_of(shift(day, Grain::day, 2)) == "1998-XX-XX");
}

BOOST_AUTO_TEST_SUITE_END()
