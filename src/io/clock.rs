//! The browser's clock: the time stamped on every change and today's date in
//! the user's time zone.

/// The current time as RFC 3339, from the browser's clock.
pub fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Today's date in the browser's time zone.
pub fn today() -> chrono::NaiveDate {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}
