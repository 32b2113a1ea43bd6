//! Every sentence the app shows, in Italian and English: the translations in
//! `locales/<lang>/<namespace>.json`, checked at compile time (a key missing in
//! one language is a build error). Pages and components read them through
//! `use_i18n()` and `t!`.

// Reads locales/<lang>/<namespace>.json at compile time. The macro is deprecated
// in favour of a build-script generator that reads the same files; it is kept
// while it works, because it needs no build script on a 2-core machine.
#[allow(deprecated)]
mod generated {
    leptos_i18n::load_locales!();
}
pub use generated::i18n::*;
