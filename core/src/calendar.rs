//! Proleptic Gregorian calendar arithmetic: the one place where the core counts days, so that
//! certificate dates, JWT times, credential validity periods and JSON Schema date formats agree
//! to the day (Howard Hinnant's `days_from_civil` / `civil_from_days`, exact for every `i64`
//! day count the callers produce).

use alloc::string::String;

/// Whether `year` has a 29 February.
pub(crate) const fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days of `month` (1 to 12) in `year`; `None` for a month outside 1 to 12.
pub(crate) const fn days_in_month(year: i64, month: i64) -> Option<i64> {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if is_leap(year) => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// Whether `year-month-day` exists in the calendar.
pub(crate) const fn is_date(year: i64, month: i64, day: i64) -> bool {
    match days_in_month(year, month) {
        Some(days) => day >= 1 && day <= days,
        None => false,
    }
}

/// Days since 1970-01-01 of a valid date (negative before it).
#[cfg(feature = "presentation")]
pub(crate) const fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    // The year starts in March, so that the leap day is the last day of the year.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `(year, month, day)` that is `days` days after 1970-01-01.
pub(crate) const fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + if month <= 2 { 1 } else { 0 }, month, day)
}

/// `secs` since the Unix epoch as an RFC 3339 UTC date-time, `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn format_utc(secs: i64) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    alloc::format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "presentation")]
    #[test]
    fn known_days() {
        for (date, days) in [
            ((1970, 1, 1), 0),
            ((1969, 12, 31), -1),
            ((2000, 2, 29), 11_016),
            ((2000, 3, 1), 11_017),
            ((1600, 1, 1), -135_140),
            ((9999, 12, 31), 2_932_896),
            ((0, 3, 1), -719_468),
        ] {
            assert_eq!(days_from_civil(date.0, date.1, date.2), days, "{date:?}");
            assert_eq!(civil_from_days(days), date, "{days}");
        }
    }

    #[cfg(feature = "presentation")]
    #[test]
    fn every_day_of_four_centuries_round_trips_in_order() {
        let (mut expected, start) = (days_from_civil(1900, 1, 1), days_from_civil(1900, 1, 1));
        for year in 1900..2300 {
            for month in 1..=12 {
                let n = days_in_month(year, month).unwrap();
                for day in 1..=n {
                    assert!(is_date(year, month, day));
                    assert_eq!(days_from_civil(year, month, day), expected);
                    assert_eq!(civil_from_days(expected), (year, month, day));
                    expected += 1;
                }
                assert!(!is_date(year, month, n + 1));
                assert!(!is_date(year, month, 0));
            }
        }
        // 400 Gregorian years are 146,097 days.
        assert_eq!(expected - start, 146_097);
    }

    #[test]
    fn leap_years_and_months() {
        assert!(is_leap(2000) && is_leap(2024) && is_leap(2400) && is_leap(0));
        assert!(!is_leap(1900) && !is_leap(2100) && !is_leap(2023));
        assert_eq!(days_in_month(2023, 2), Some(28));
        assert_eq!(days_in_month(2024, 2), Some(29));
        assert_eq!(days_in_month(2024, 0), None);
        assert_eq!(days_in_month(2024, 13), None);
    }

    #[test]
    fn formats_utc() {
        assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_utc(-1), "1969-12-31T23:59:59Z");
        assert_eq!(format_utc(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(format_utc(951_825_600), "2000-02-29T12:00:00Z");
        assert_eq!(format_utc(253_402_300_799), "9999-12-31T23:59:59Z");
    }
}
